"""The geodesic minimum between two sets of coastline segments: what every width measures.

Method: the two coastlines are clipped to their boxes; a vectorised pre-screen in a local azimuthal equidistant projection (shapely, planar) finds
the planar minimum distance d₀ and keeps only the coastline segments within d₀ + 0.5 km
of the other coast (the projection's scale error over a few hundred km is below 10⁻³, so
no segment that could hold the geodesic minimum is dropped); then, for every pair of
candidate segments, the geodesic distance between points moving along the two segments is
minimised on the WGS84 ellipsoid (pyproj, Karney) by a vectorised grid search with eight
successive zooms (the window shrinks 4-fold each time; pairs that cannot beat the best are
dropped after the first grid). Segments are geodesics between consecutive GSHHS vertices.
The result is exact to the segments, not only the vertices, to well under a millimetre; the
coastline data themselves are the limit (GSHHS-f vertices are about 100 m apart; ``h`` is coarser, and the two agree within 0.5 km here).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import shapely
from pyproj import Transformer

from ..errors import DataError
from .geodesy import Position, check_lat_lon, forward, inverse

#: planar pre-screen margin, metres (covers projection distortion with a wide safety factor)
SCREEN_MARGIN_M = 500.0
#: samples per candidate segment in the first grid, before the zooms
SAMPLES = 9


def _segments(geom) -> np.ndarray:
    """(K, 2, 2) array of segments [(lon, lat), (lon, lat)] of a (multi)line or point."""
    if geom.is_empty:
        return np.empty((0, 2, 2))
    if geom.geom_type == "Point":
        xy = np.array(geom.coords)
        return np.stack([xy, xy], axis=1)
    parts = getattr(geom, "geoms", [geom])
    segs = []
    for part in parts:
        xy = np.asarray(part.coords)
        if part.geom_type == "Point" or len(xy) == 1:
            segs.append(np.stack([xy, xy], axis=1))
        else:
            segs.append(np.stack([xy[:-1], xy[1:]], axis=1))
    return np.concatenate(segs) if segs else np.empty((0, 2, 2))


@lru_cache(maxsize=16)
def _plane(lat0: float, lon0: float) -> Transformer:
    """Local azimuthal equidistant projection (creating one costs PROJ database look-ups)."""
    return Transformer.from_crs("EPSG:4326", f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +datum=WGS84", always_xy=True)


def _screen(segs_a: np.ndarray, segs_b: np.ndarray, centre: tuple[float, float]):
    """Planar pre-screen: indices of the segments of each side near the other side."""
    to_plane = _plane(float(centre[0]), float(centre[1]))

    def planar(segs):
        x, y = to_plane.transform(segs[..., 0], segs[..., 1])
        xy = np.stack([x, y], axis=-1)
        degenerate = np.all(xy[:, 0] == xy[:, 1], axis=1)  # a point (islet) is a zero-length segment
        geoms = np.empty(len(xy), dtype=object)
        geoms[~degenerate] = shapely.linestrings(xy[~degenerate])
        geoms[degenerate] = shapely.points(xy[degenerate, 0])
        return geoms

    lines_a, lines_b = planar(segs_a), planar(segs_b)
    all_a, all_b = shapely.union_all(lines_a), shapely.union_all(lines_b)
    d0 = shapely.distance(all_a, all_b)
    keep_a = np.flatnonzero(shapely.distance(lines_a, all_b) <= d0 + SCREEN_MARGIN_M)
    keep_b = np.flatnonzero(shapely.distance(lines_b, all_a) <= d0 + SCREEN_MARGIN_M)
    return keep_a, keep_b


def _along(segs: np.ndarray, fractions: np.ndarray):
    """Points (lat, lon) at ``fractions`` (shape (K, M)) of the K geodesic segments
    [(lon, lat), (lon, lat)]."""
    lon1, lat1, lon2, lat2 = segs[:, 0, 0], segs[:, 0, 1], segs[:, 1, 0], segs[:, 1, 1]
    az, length = inverse(lat1, lon1, lat2, lon2)
    shape = fractions.shape
    lat, lon = forward(np.broadcast_to(lat1[:, None], shape).ravel(), np.broadcast_to(lon1[:, None], shape).ravel(),
                       np.broadcast_to(az[:, None], shape).ravel(), (fractions * length[:, None]).ravel())
    return np.reshape(lat, shape), np.reshape(lon, shape)


def _grid_minimum(seg_a: np.ndarray, seg_b: np.ndarray, lo: np.ndarray, hi: np.ndarray, n: int):
    """Sample each pair of segments on an n × n grid of fractions within [lo, hi] (per pair);
    return the best distance (m) and fractions per pair, all vectorised."""
    k = len(seg_a)
    steps = np.linspace(0.0, 1.0, n)
    fa = lo[:, 0, None] + (hi[:, 0] - lo[:, 0])[:, None] * steps
    fb = lo[:, 1, None] + (hi[:, 1] - lo[:, 1])[:, None] * steps
    lat_a, lon_a = _along(seg_a, fa)
    lat_b, lon_b = _along(seg_b, fb)
    _, d = inverse(np.repeat(lat_a, n, axis=1), np.repeat(lon_a, n, axis=1),
                   np.tile(lat_b, (1, n)), np.tile(lon_b, (1, n)))
    d = np.reshape(d, (k, n * n))
    best = np.argmin(d, axis=1)
    rows = np.arange(k)
    return d[rows, best], np.stack([fa[rows, best // n], fb[rows, best % n]], axis=1)


def _pairs_minimum(seg_a: np.ndarray, seg_b: np.ndarray):
    """Geodesic minimum between each pair of segments (seg_a[i], seg_b[i]), by a coarse grid
    then successive zooms around the best sample (each zoom narrows the window 8-fold);
    stops when the window is below a micrometre of arc-length fraction."""
    k = len(seg_a)
    lo, hi = np.zeros((k, 2)), np.ones((k, 2))
    d, f = _grid_minimum(seg_a, seg_b, lo, hi, SAMPLES)
    # keep only pairs that could still hold the minimum: a sampled value bounds the true
    # one from above, and within a pair the true minimum is at most half a cell lower
    cell = 1.0 / (SAMPLES - 1)
    lengths = np.maximum(inverse(seg_a[:, 0, 1], seg_a[:, 0, 0], seg_a[:, 1, 1], seg_a[:, 1, 0])[1],
                         inverse(seg_b[:, 0, 1], seg_b[:, 0, 0], seg_b[:, 1, 1], seg_b[:, 1, 0])[1])
    alive = d - lengths * cell <= d.min()
    seg_a, seg_b, d, f = seg_a[alive], seg_b[alive], d[alive], f[alive]
    width = np.full(len(f), cell)
    for _ in range(8):
        lo, hi = np.clip(f - width[:, None], 0, 1), np.clip(f + width[:, None], 0, 1)
        d, f = _grid_minimum(seg_a, seg_b, lo, hi, 9)
        width = width / 4
    i = int(np.argmin(d))
    lat_a, lon_a = _along(seg_a[i:i + 1], f[i:i + 1, :1])
    lat_b, lon_b = _along(seg_b[i:i + 1], f[i:i + 1, 1:])
    return float(d[i]), (float(lat_a[0, 0]), float(lon_a[0, 0])), (float(lat_b[0, 0]), float(lon_b[0, 0]))


def _min_distance(geom_a, geom_b, bbox: tuple[float, float, float, float]) -> tuple[float, tuple, tuple]:
    """Minimum WGS84 geodesic distance (km) between two shapely geometries in (lon, lat),
    within ``bbox = (south, north, west, east)``; returns ``(km, (lat, lon) on a, (lat, lon) on b)``.

    Polygons are measured along their outer coastline; points (islets, capes) as points.
    See the module docstring for the method and its error bounds.
    """
    south, north, west, east = bbox
    check_lat_lon([south, north], [west, east])

    def clip(geom):
        edge = geom.exterior if geom.geom_type == "Polygon" else geom
        return shapely.clip_by_rect(edge, west, south, east, north)

    segs_a, segs_b = _segments(clip(geom_a)), _segments(clip(geom_b))
    if not len(segs_a) or not len(segs_b):
        raise DataError(f"a coastline has no point inside the box south={south}, north={north}, west={west}, east={east}")
    keep_a, keep_b = _screen(segs_a, segs_b, ((south + north) / 2, (west + east) / 2))
    ia, ib = np.repeat(keep_a, len(keep_b)), np.tile(keep_b, len(keep_a))
    metres, point_a, point_b = _pairs_minimum(segs_a[ia], segs_b[ib])
    return metres / 1000.0, Position(*point_a), Position(*point_b)
