"""Ports and sea routes along a named corridor (NSR or Suez).

Routing: shortest paths on searoute's maritime network (:mod:`.network`) with
``scipy.sparse.csgraph.dijkstra``, the corridor's closed passages removed; each port is
joined to its nearest network node by a geodesic leg, refused beyond
:data:`MAX_ACCESS_KM` (an inland place is not a port). A route must traverse its corridor
(``bering`` and the NSR water area for ``nsr``; ``suez`` for ``suez``) or
:class:`~geoclaims.errors.RouteError` is raised — there is no silent fallback.

Lengths are WGS84 geodesic lengths of the route geometry (pyproj, vectorised), in km and
nautical miles (1 nm = 1.852 km exactly). The network is a generalised one: published
distance tables differ from it, and from each other, by a few per cent (see
``data/reference_distances.csv`` and notebook 01).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from ..cache import cache_file, load_arrays, require, save_arrays
from ..cache import key as cache_key
from ..data import cached_loader
from ..errors import InputError, RouteError
from .geodesy import check_lat_lon, distance_km, path_length_km, wrap_lon
from .network import CORRIDOR_REQUIRED, corridor_key
from .nsr_track import _nsr_area_lon360, load_network
from .ports import Port, _port, find_port  # noqa: F401 (find_port: the public import path)
from .units import km_to_nm

#: farthest a port may lie from the sea network (km): the longest access leg of the 40 matrix
#: ports and the reference-table ports is under 60 km; Madrid, an inland "port", is 310 km off
MAX_ACCESS_KM = 120.0


# ---- the NSR water area -----------------------------------------------------------------------

def nsr_length_km(lats, lons) -> float:
    """Length (km, WGS84) of the part of a path, given in (lat, lon), inside the NSR water area.

    The path's longitudes are made continuous across ±180 and shifted by whole turns so that
    its Arctic part (north of 60°N) lies in the frame of the area's polygon.
    """
    lats = np.asarray(lats, dtype=float)
    check_lat_lon(lats, wrap_lon(lons))
    lon = np.degrees(np.unwrap(np.radians(np.asarray(lons, dtype=float))))
    arctic = lats > 60
    if arctic.any():
        lon = lon - 360.0 * np.floor(np.median(lon[arctic]) / 360.0)
    inside = shapely.LineString(np.column_stack([lon, lats])).intersection(_nsr_area_lon360())
    total = 0.0
    for part in getattr(inside, "geoms", [inside]):
        if part.is_empty or part.geom_type != "LineString":
            continue
        xy = np.asarray(part.coords)
        total += path_length_km(xy[:, 1], wrap_lon(xy[:, 0]))
    return total


# ---- routes --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Route:
    """A port-to-port sea route along one corridor; coordinates in (lat, lon), longitudes in
    [-180, 180) (the path may cross the antimeridian between two points)."""

    origin: Port
    destination: Port
    via: str
    lats: np.ndarray
    lons: np.ndarray
    length_km: float
    nsr_km: float
    passages: tuple[str, ...]
    nsr_variant: str | None = None  # "coastal" or "high-latitude" for an NSR route

    def __post_init__(self) -> None:
        self.lats.flags.writeable = False
        self.lons.flags.writeable = False

    @property
    def length_nm(self) -> float:
        return km_to_nm(self.length_km)

    @property
    def nsr_nm(self) -> float:
        return km_to_nm(self.nsr_km)

    def as_dict(self, profile: str | None = None, days: float | None = None) -> dict:
        """The keys of ``geoclaims route --format json``."""
        return {"origin": self.origin.locode, "destination": self.destination.locode, "via": self.via,
                "length_nm": round(self.length_nm, 1), "length_km": round(self.length_km, 1),
                "nsr_nm": round(self.nsr_nm, 1), "passages": list(self.passages), "nsr_variant": self.nsr_variant,
                "profile": profile, "days": None if days is None else round(days, 2)}


def _path(predecessors: np.ndarray, source: int, target: int) -> np.ndarray:
    path = [target]
    while path[-1] != source:
        prev = predecessors[path[-1]]
        if prev < 0:
            return np.array([], dtype=int)
        path.append(prev)
    return np.array(path[::-1])


def check_access(port: Port, node_lat: float, node_lon: float) -> None:
    """Raise :class:`RouteError` if ``port`` lies farther than :data:`MAX_ACCESS_KM` from the network."""
    km = distance_km(port.lat, port.lon, node_lat, wrap_lon(node_lon))
    if km > MAX_ACCESS_KM:
        raise RouteError(f"{port.label} is {km:.0f} km from the sea network (limit {MAX_ACCESS_KM:g} km): "
                         "not a seaport this network can reach")


def sea_route(origin: str | Port, destination: str | Port, via: str = "nsr", nsr_variant: str = "coastal") -> Route:
    """The shortest route between two ports along a corridor (``"nsr"`` or ``"suez"``); an NSR
    route follows the NSR track's ``coastal`` (Kara Strait, as distance tables use) or
    ``high-latitude`` (round Cape Zhelaniya) variant.

    >>> r = sea_route("NLRTM", "JPYOK", via="nsr")
    >>> 7000 < r.length_nm < 8000 and "bering" in r.passages
    True

    Raises
    ------
    UnknownPortError, AmbiguousPortError, InputError
        for a bad port or corridor, or the same port at both ends; :class:`RouteError` when
        the corridor cannot be followed or a port is inland.
    """
    key = corridor_key(via, nsr_variant)
    a, b = _port(origin), _port(destination)
    if a.locode == b.locode:
        raise InputError(f"origin and destination are the same port: {a.label}")
    return _check_corridor(_route(a, b, via, nsr_variant, key))  # checked on every route, kept or computed


def _check_corridor(route: Route) -> Route:
    """``route``, or :class:`RouteError` if it misses its corridor's required passage (or, by the
    NSR, has no part in the NSR water area)."""
    via = route.via
    required = CORRIDOR_REQUIRED[via]
    if (required is not None and required not in route.passages) or (via == "nsr" and route.nsr_km <= 0):
        raise RouteError(f"the {via} route {route.origin.locode}–{route.destination.locode} does not pass its "
                         f"corridor (passages: {', '.join(route.passages) or 'none'}; NSR part "
                         f"{km_to_nm(route.nsr_km):.0f} nm)")
    return route


@cached_loader
def _route(a: Port, b: Port, via: str, nsr_variant: str, key: str) -> Route:
    """One route, once per process (its arrays read-only), and kept in the disk cache."""
    path_file = cache_file(f"route{_route_key(a, b, key)}", "searoute")
    kept = load_arrays(path_file, ("lats", "lons", "km", "passages"), _valid_route)
    if kept is not None:
        route = Route(a, b, via, kept["lats"], kept["lons"], float(kept["km"][0]), float(kept["km"][1]),
                      tuple(str(p) for p in kept["passages"]), nsr_variant if via == "nsr" else None)
    else:
        route = _computed_route(a, b, via, key, nsr_variant)
    _check_corridor(route)  # a route that fails is not kept
    if kept is None:
        save_arrays(path_file, lats=route.lats, lons=route.lons, km=np.array([route.length_km, route.nsr_km]),
                    passages=np.array(route.passages, dtype=str))
    route.lats.flags.writeable = route.lons.flags.writeable = False  # shared by every caller in the process
    return route


def _valid_route(z: dict) -> None:
    require(z["lats"].ndim == 1 and len(z["lats"]) >= 2 and z["lats"].shape == z["lons"].shape, "path arrays")
    require(z["km"].shape == (2,) and np.isfinite(z["km"]).all() and z["km"][0] > 0, "lengths")
    require(np.isfinite(z["lats"]).all() and np.isfinite(z["lons"]).all(), "NaN in the path")


def _route_key(a: Port, b: Port, key: str) -> str:
    """What a route depends on besides searoute's version (in the cache file's name): the two
    ports' positions, the corridor, and the NSR track and water area (their sourced rows)."""
    from ..datasets import load_nsr_area_vertices, load_nsr_track

    track = load_nsr_track()[["waypoint_id", "variant", "order", "lat", "lon", "passage", "joins_network"]]
    parts = (a.locode, a.lat, a.lon, b.locode, b.lat, b.lon, key, MAX_ACCESS_KM, track.to_csv(index=False),
             load_nsr_area_vertices())
    return cache_key(parts)


def _computed_route(a: Port, b: Port, via: str, key: str, nsr_variant: str) -> Route:
    from scipy.sparse.csgraph import dijkstra  # scipy loads only when a route is computed

    net = load_network()
    src, dst = (int(n) for n in net.nearest_nodes([a.lat, b.lat], [a.lon, b.lon], key))
    check_access(a, net.lat[src], net.lon[src])
    check_access(b, net.lat[dst], net.lon[dst])
    _, pred = dijkstra(net.corridor_graph(key), directed=False, indices=src, return_predecessors=True)
    path = _path(pred, src, dst)
    if not len(path):
        raise RouteError(f"no {via} route between {a.locode} and {b.locode}")
    lats = np.concatenate([[a.lat], net.lat[path], [b.lat]])
    lons = wrap_lon(np.concatenate([[a.lon], net.lon[path], [b.lon]]))
    passages = net.passages_on(path)
    nsr_km = nsr_length_km(lats, lons)
    return Route(a, b, via, lats, lons, path_length_km(lats, lons), nsr_km, tuple(sorted(passages)),
                 nsr_variant if via == "nsr" else None)
