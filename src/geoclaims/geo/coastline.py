"""GSHHS coastlines as geometry: land tests, landmasses, clipped and simplified land, all
functions of a :class:`Coastline` the loading layer reads (:func:`geoclaims.world.coastlines.load_coastline`).

Source: GSHHG (Global Self-consistent, Hierarchical, High-resolution Geography), Wessel &
Smith, distributed under the LGPL; resolutions ``f`` (full, ~100 m vertex spacing) and
``h`` (high, ~200 m; coarser generalisation). Level 1 is land, 2 lake, 3 island in lake.

Public functions take and return (latitude, longitude); shapely geometries keep the
(lon, lat) order of the files, and this module is the one place that converts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np
import shapely
from shapely.geometry import Point, Polygon

from .._moved import forwarded
from ..errors import DataError, InputError
from .geodesy import check_lat_lon

RESOLUTIONS = ("f", "h")
LAND = 1
META_COLUMNS = ("level", "area_km2", "points", "south", "north", "offset", "size", "poly_id")
#: each polygon's longitude range, which the loading layer adds to the index
LON_COLUMNS = ("west", "east")


@dataclass(frozen=True, eq=False)
class Coastline:
    """The GSHHS polygons of one resolution: ``meta``, one entry per polygon in each column
    (:data:`META_COLUMNS`: level, area, point count, latitude band, byte offset and size in the
    points file, id; and :data:`LON_COLUMNS`, its longitude range; a DataFrame or a mapping of
    arrays, kept as read-only arrays, since one coastline serves every caller of a process), and
    ``points``, the points file as a flat array of float32 (lon, lat) pairs, each ring closed.
    Polygons built from it are kept on the object (a continent costs about a second to build
    and prepare; the land tests of one run share it)."""

    resolution: str
    meta: Mapping[str, np.ndarray]
    points: np.ndarray
    _prepared: dict = field(default_factory=dict, repr=False)
    _landmass: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        columns = {}
        for name in (*META_COLUMNS, *LON_COLUMNS):
            column = np.array(self.meta[name], dtype=str if name == "poly_id" else float)
            column.flags.writeable = False
            columns[name] = column
        object.__setattr__(self, "meta", MappingProxyType(columns))
        if isinstance(self.points, np.ndarray) and self.points.flags.writeable:
            view = self.points.view()
            view.flags.writeable = False
            object.__setattr__(self, "points", view)

    def __reduce__(self):  # pickled (for a process pool) as its resolution, index columns and points
        return Coastline, (self.resolution, {k: np.array(v) for k, v in self.meta.items()}, np.asarray(self.points))

    def polygon_lonlat(self, row) -> np.ndarray:
        """The (N, 2) array of (lon, lat) points of one polygon (a row of ``meta``)."""
        start = int(row["offset"]) // 4
        return np.asarray(self.points[start:start + 2 * int(row["points"])], dtype=float).reshape(-1, 2)


def check_coastline(coast, function: str) -> Coastline:
    """``coast`` if it is a :class:`Coastline`, else an :class:`InputError` saying how to get one
    (since 0.3 the coastline is the first argument: ``load_coastline("f")`` of
    :mod:`geoclaims.world.coastlines`)."""
    if not isinstance(coast, Coastline):
        raise InputError(f"{function} takes the coastline first, got {coast!r}: "
                         f"{function}(geoclaims.world.coastlines.load_coastline('f'), ...)")
    return coast


def land_rows(coast: Coastline, south: float, north: float, west: float = -180.0, east: float = 180.0,
              smallest_first: bool = False, min_area_km2: float = 0.0):
    """Yield ``(index row, (lon, lat) points)`` for every land polygon (level 1) of at least
    ``min_area_km2`` overlapping the box by the index's latitude band and longitude range (points
    are read only for those polygons)."""
    meta = check_coastline(coast, "land_rows").meta
    rows = np.flatnonzero((meta["level"] == LAND) & (meta["south"] <= north) & (meta["north"] >= south)
                          & (meta["east"] >= west) & (meta["west"] <= east) & (meta["area_km2"] >= min_area_km2))
    if smallest_first:
        rows = rows[np.argsort(meta["area_km2"][rows], kind="stable")]
    for i in rows:
        row = {name: column[i] for name, column in meta.items()}
        yield row, coast.polygon_lonlat(row)


def _as_polygon(points: np.ndarray) -> Polygon:
    poly = Polygon(points)
    if not poly.is_valid:  # a few GSHHS rings touch themselves; make_valid keeps every piece
        fixed = shapely.make_valid(poly)
        parts = [g for g in getattr(fixed, "geoms", [fixed]) if g.geom_type == "Polygon"]
        poly = max(parts, key=lambda g: g.area) if parts else poly
    return poly


def landmass_at(coast: Coastline, lat: float, lon: float) -> tuple[str, Polygon]:
    """The land polygon (level 1) containing the point: ``(poly_id, shapely polygon in (lon, lat))``.

    Candidates are the polygons whose latitude band holds the point, tried from the smallest
    up, so a continent is read only when no island contains the point.

    Raises
    ------
    InputError
        for coordinates out of range; :class:`DataError` if no land polygon contains the point.
    """
    check_coastline(coast, "landmass_at")
    check_lat_lon(lat, lon)
    if (lat, lon) in coast._landmass:
        return coast._landmass[(lat, lon)]
    point = Point(lon, lat)
    for row, points in land_rows(coast, lat, lat, lon, lon, smallest_first=True):
        poly = _as_polygon(points)
        if poly.covers(point):
            coast._landmass[(lat, lon)] = str(row["poly_id"]), poly
            return coast._landmass[(lat, lon)]
    raise DataError(f"no GSHHS-{coast.resolution} land polygon contains ({lat}, {lon})")


def land_in_box(coast: Coastline, south: float, north: float, west: float, east: float | None = None) -> list:
    """Every GSHHS land polygon that overlaps the box, clipped to it (shapely, for maps)."""
    check_coastline(coast, "land_in_box")
    if east is None:
        raise InputError("land_in_box takes the box's south, north, west and east: land_in_box(coast, s, n, w, e)")
    box = shapely.box(west, south, east, north)
    out = []
    for _, pts in land_rows(coast, south, north, west, east):
        clipped = shapely.make_valid(shapely.Polygon(pts)).intersection(box)
        if not clipped.is_empty:
            out.append(clipped)
    return out


def land_polygons(coast: Coastline, min_area_km2: float = 2000.0, north_of: float = 0.0,
                  tolerance_deg: float = 0.05) -> list:
    """Every GSHHS land polygon larger than ``min_area_km2`` reaching north of ``north_of``,
    simplified to ``tolerance_deg`` (shapely, for small-scale maps)."""
    out = []
    for _, pts in land_rows(check_coastline(coast, "land_polygons"), north_of, 90.0, min_area_km2=min_area_km2):
        # rings cut at ±180 (Eurasia) are pulled just inside, so cartopy does not read them as
        # lying on its domain edge and fill the outside instead
        pts = pts.copy()
        pts[:, 0] = np.clip(pts[:, 0], -179.999, 179.999)
        poly = shapely.make_valid(shapely.Polygon(pts))
        out.append(shapely.orient_polygons(shapely.simplify(poly, tolerance_deg)))
    return out


def _prepared(coast: Coastline, poly_id, points: np.ndarray) -> Polygon:
    """The prepared land polygon ``poly_id``, built once per coastline object."""
    if poly_id not in coast._prepared:
        poly = _as_polygon(points)
        shapely.prepare(poly)
        coast._prepared[poly_id] = poly
    return coast._prepared[poly_id]


#: points spanning less than this (degrees, each way) are tested against the polygons clipped to
#: their box (plus :data:`LOCAL_MARGIN_DEG`): a crossing's samples need not build a whole island
LOCAL_DEG, LOCAL_MARGIN_DEG = 2.0, 0.01


def _local(points: np.ndarray, west: float, south: float, east: float, north: float):
    """The land polygon of ``points`` clipped to a box, made valid (a few GSHHS rings touch themselves)."""
    return shapely.make_valid(shapely.clip_by_rect(Polygon(points), west, south, east, north))


def on_land(coast: Coastline, lats, lons=None) -> np.ndarray:
    """For each point (lat, lon), whether a GSHHS land polygon (level 1) covers it (its coast
    included). Points east and west of the antimeridian are tested apart. Points that span less
    than :data:`LOCAL_DEG` each way are tested against each polygon clipped to their box (a
    whole continent is built and prepared, once per coastline, only for wider sets)."""
    check_coastline(coast, "on_land")
    if lons is None:
        raise InputError("on_land takes the points' latitudes and longitudes: on_land(coast, lats, lons)")
    lats, lons = np.atleast_1d(np.asarray(lats, dtype=float)), np.atleast_1d(np.asarray(lons, dtype=float))
    check_lat_lon(lats, lons)
    out = np.zeros(lats.shape, dtype=bool)
    for half in (lons >= 0, lons < 0):
        if not half.any():
            continue
        la, lo = lats[half], lons[half]
        hit = np.zeros(la.shape, dtype=bool)
        box = (lo.min() - LOCAL_MARGIN_DEG, la.min() - LOCAL_MARGIN_DEG, lo.max() + LOCAL_MARGIN_DEG,
               la.max() + LOCAL_MARGIN_DEG)
        local = box[2] - box[0] < LOCAL_DEG and box[3] - box[1] < LOCAL_DEG
        for row, pts in land_rows(coast, la.min(), la.max(), lo.min(), lo.max()):
            land = _local(pts, *box) if local else _prepared(coast, row["poly_id"], pts)
            hit |= shapely.intersects_xy(land, lo, la)
        out[half] = hit
    return out


#: 0.2 names that moved to the loading layer, kept for one release (:func:`geoclaims._moved.forwarded`)
__getattr__ = forwarded(__name__, {
    "landmass_id_at": "geoclaims.world.coastlines:landmass_id_at",
    "load_gshhs_meta": "geoclaims.world.coastlines:load_gshhs_meta",
    "gshhs_dir": "geoclaims.world.coastlines:gshhs_dir",
})

