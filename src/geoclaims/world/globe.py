"""The GLOBE land mask (NOAA NGDC, 30 arc-seconds), as the PyPI package ``global-land-mask``
1.0.0 ships it (MIT licence): the second, independent coastline of
:mod:`geoclaims.geo.second_coastline`. Loading it takes about 2.5 s and 1 GB once per process."""

from __future__ import annotations

import numpy as np


def on_land(lats, lons) -> np.ndarray:
    """Whether each point (lat, lon) lies in a land cell of the GLOBE mask."""
    from global_land_mask import globe  # 1 GB when loaded: only for the commands that ask

    return np.asarray(globe.is_land(np.asarray(lats, dtype=float), np.asarray(lons, dtype=float)), dtype=bool)
