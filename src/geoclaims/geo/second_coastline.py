"""A second land/water test, independent of GSHHS: the GLOBE land mask.

GLOBE (the Global Land One-km Base Elevation project, NOAA NGDC, 1999) gives every 30-arc-second
cell (about 0.9 km) a land or water value; the PyPI package ``global-land-mask`` 1.0.0 (MIT
licence) ships that mask, offline. Its cells are about a kilometre wide, so a sample within
:data:`END_MARGIN_M` of a shore may fall in a coastal land cell: those are left out, and a
crossing narrower than twice that margin is not tested. Loading the mask takes about 2.5 s and
1 GB once per process, so only the ``width`` command asks for it; the loading layer
(:mod:`geoclaims.world.globe`) reads it.
"""

from __future__ import annotations

import numpy as np

from .._moved import forwarded
from ..errors import InputError
from .geodesy import inverse
from .nsr_track import densify

#: what the test is, for a reader
SOURCE = "GLOBE land mask (NOAA NGDC), 30 arc-seconds, as global-land-mask 1.0.0 ships it"
#: samples this often (m); within this of either end (m) a sample may lie in a shore's land cell
STEP_M, END_MARGIN_M = 100.0, 1000.0


def land_km(point_a, point_b, on_land=None) -> float | None:
    """Kilometres of the geodesic from ``point_a`` to ``point_b`` ((lat, lon) each) whose samples
    fall on land by ``on_land(lats, lons)`` (the GLOBE mask, :func:`geoclaims.world.globe.on_land`),
    leaving :data:`END_MARGIN_M` out at each end; ``None`` when the crossing is too short to test
    at the mask's resolution."""
    if not callable(on_land):
        raise InputError("land_km takes the land test third: land_km(a, b, geoclaims.world.globe.on_land)")
    _, metres = inverse(point_a[0], point_a[1], point_b[0], point_b[1])
    if metres <= 2 * END_MARGIN_M:
        return None
    samples = densify(tuple(point_a), tuple(point_b), STEP_M / 1000.0)
    _, along = inverse(np.full(len(samples), point_a[0]), np.full(len(samples), point_a[1]), samples[:, 0], samples[:, 1])
    inner = (along > END_MARGIN_M) & (along < float(metres) - END_MARGIN_M)
    return float(on_land(samples[inner, 0], samples[inner, 1]).sum()) * STEP_M / 1000.0


#: 0.2 names that moved to the loading layer, kept for one release (:func:`geoclaims._moved.forwarded`)
__getattr__ = forwarded(__name__, {"on_land": "geoclaims.world.globe:on_land"})
