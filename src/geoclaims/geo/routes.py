"""Sea routes along a named corridor (NSR, Suez, Cape, Panama, open), on a network and an NSR
water area given as arguments (the loading layer, :mod:`geoclaims.world.routing`, reads them and
keeps routes in the disk cache).

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

from .._moved import forwarded
from ..errors import InputError, RouteError
from .geodesy import check_lat_lon, distance_km, path_length_km, wrap_lon
from .network import CORRIDOR_REQUIRED, Network, corridor_key
from .ports import Port
from .units import km_to_nm

#: farthest a port may lie from the sea network (km): the longest access leg of the 40 matrix
#: ports and the reference-table ports is under 60 km; Madrid, an inland "port", is 310 km off
MAX_ACCESS_KM = 120.0


# ---- the NSR water area -----------------------------------------------------------------------

def nsr_length_km(lats, lons, area: shapely.Polygon | None = None) -> float:
    """Length (km, WGS84) of the part of a path, given in (lat, lon), inside the NSR water area
    ``area`` (:func:`~.nsr_track.nsr_area_polygon`).

    The path's longitudes are made continuous across ±180 and shifted by whole turns so that
    its Arctic part (north of 60°N) lies in the frame of the area's polygon.
    """
    if not isinstance(area, shapely.Polygon):
        raise InputError(f"nsr_length_km takes the NSR water area, got {area!r}: "
                         "nsr_length_km(lats, lons, geoclaims.world.routing.load_nsr_area())")
    lats = np.asarray(lats, dtype=float)
    check_lat_lon(lats, wrap_lon(lons))
    lon = np.degrees(np.unwrap(np.radians(np.asarray(lons, dtype=float))))
    arctic = lats > 60
    if arctic.any():
        lon = lon - 360.0 * np.floor(np.median(lon[arctic]) / 360.0)
    inside = shapely.LineString(np.column_stack([lon, lats])).intersection(area)
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


def route_between(net: Network, area: shapely.Polygon, a: Port, b: Port, via: str = "nsr",
                  nsr_variant: str = "coastal") -> Route:
    """The shortest route on ``net`` between ports ``a`` and ``b`` along a corridor (``"nsr"``,
    ``"suez"``, ``"cape"``, ``"panama"``, ``"open"``); an NSR route follows the NSR track's
    ``coastal`` (Kara Strait, as distance tables use) or ``high-latitude`` (round Cape Zhelaniya)
    variant, and its NSR part is measured inside ``area``.

    Raises
    ------
    InputError
        for a bad corridor or variant, or the same port at both ends; :class:`RouteError` when
        the corridor cannot be followed or a port is inland.
    """
    from scipy.sparse.csgraph import dijkstra  # scipy loads only when a route is computed

    key = corridor_key(via, nsr_variant)
    if a.locode == b.locode:
        raise InputError(f"origin and destination are the same port: {a.label}")
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
    return check_corridor(Route(a, b, via, lats, lons, path_length_km(lats, lons), nsr_length_km(lats, lons, area),
                                tuple(sorted(passages)), nsr_variant if via == "nsr" else None))


def check_corridor(route: Route) -> Route:
    """``route``, or :class:`RouteError` if it misses its corridor's required passage (or, by the
    NSR, has no part in the NSR water area)."""
    via = route.via
    required = CORRIDOR_REQUIRED[via]
    if (required is not None and required not in route.passages) or (via == "nsr" and route.nsr_km <= 0):
        raise RouteError(f"the {via} route {route.origin.locode}–{route.destination.locode} does not pass its "
                         f"corridor (passages: {', '.join(route.passages) or 'none'}; NSR part "
                         f"{km_to_nm(route.nsr_km):.0f} nm)")
    return route


#: 0.2 names that moved to the loading layer, kept for one release (:func:`geoclaims._moved.forwarded`)
__getattr__ = forwarded(__name__, {
    "sea_route": "geoclaims.world.routing:sea_route",
    "find_port": "geoclaims.world.routing:find_port",
})

