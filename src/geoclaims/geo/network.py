"""The maritime network that ``searoute`` ships, as arrays for batch routing.

:func:`network_from_marnet` is the one place that converts searoute's data, which is in
(lon, lat) order; everything it returns is (lat, lon). The loading layer
(:mod:`geoclaims.world.searoute`) reads the data: Python modules inside the searoute package
(its Eurostat-derived "marnet" and its port list); nothing is downloaded.

Edge lengths are recomputed on the WGS84 ellipsoid (pyproj, vectorised) rather than taken
from searoute's rounded spherical weights, so the lengths of shortest paths are geodesic
lengths of the route geometry. Longitudes beyond ±180 in searoute's Bering Strait nodes
are kept as given (they make the antimeridian crossing continuous) and are normalised
only when shown.

Corridors. searoute tags edges with passages. Its ``northwest`` tag covers both the
Canadian Northwest Passage and the Chukchi Sea edges next to the Bering Strait, which an
NSR voyage needs; here the two are told apart by longitude (the Canadian edges lie
between 100°W and 60°W). A corridor — ``nsr``, ``suez``, ``cape`` (round the Cape of Good
Hope), ``panama``, or ``open`` (any passage but the Arctic ones: the shortest way by sea) — is
the network less the passages it must not use; the three that stay
in the north are also cut at :data:`SOUTH_LIMIT_LAT`, because searoute tags only some of the
edges around the Cape of Good Hope and an untagged detour would otherwise open. A route must
traverse its corridor's passage (:data:`CORRIDOR_REQUIRED`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from .._moved import forwarded
from ..errors import InputError
from .geodesy import inverse

#: the NSR track's own passage tags (:mod:`.nsr_track`): legs of one variant, and legs both share
NSR_TAGS = {"coastal": "nsr-coastal", "high-latitude": "nsr-high-latitude", "both": "nsr-track"}
NSR_VARIANTS = ("coastal", "high-latitude")
#: passages closed in each corridor (searoute's tags, with its ``northwest`` split here into
#: ``northwest-canada`` and ``chukchi``; the NSR variants close each other's legs)
CORRIDOR_CLOSED = {
    "nsr": frozenset({"suez", "panama", "south_africa", "chili", "northwest-canada"}),
    "suez": frozenset({"chukchi", "northwest-canada", "bering", "panama", "south_africa", "chili", *NSR_TAGS.values()}),
    # round the Cape of Good Hope (a Red Sea diversion): Suez, Panama, Cape Horn and the Arctic closed
    "cape": frozenset({"suez", "chukchi", "northwest-canada", "bering", "panama", "chili", *NSR_TAGS.values()}),
    "panama": frozenset({"suez", "chukchi", "northwest-canada", "bering", "south_africa", "chili", *NSR_TAGS.values()}),
    # the shortest route by any passage but the Arctic ones (a distance by sea between two places)
    "open": frozenset({"chukchi", "northwest-canada", "bering", *NSR_TAGS.values()}),
}
#: the corridors that stay north of this latitude, so that no route can round Africa or South
#: America on edges searoute leaves untagged (Singapore, the southernmost port used, is at 1.3°N);
#: the Cape corridor rounds Africa and has no such limit
SOUTH_LIMIT_LAT = -1.0
NORTHERN_CORRIDORS = ("nsr", "suez", "panama")
#: the passage a route of each corridor must traverse (``open`` requires none)
CORRIDOR_REQUIRED = {"nsr": "bering", "suez": "suez", "cape": "south_africa", "panama": "panama", "open": None}
CORRIDORS = tuple(CORRIDOR_CLOSED)


def check_corridor(via: str) -> None:
    """Raise :class:`InputError` unless ``via`` names a corridor."""
    if not isinstance(via, str) or via not in CORRIDOR_CLOSED:
        raise InputError(f"via must be one of {', '.join(CORRIDORS)}, got {via!r}")


def corridor_key(via: str, nsr_variant: str = "coastal") -> str:
    """The graph key of a corridor: ``suez``, or ``nsr:coastal`` / ``nsr:high-latitude``."""
    check_corridor(via)
    if via != "nsr":
        return via
    if nsr_variant not in NSR_VARIANTS:
        raise InputError(f"nsr_variant must be one of {', '.join(NSR_VARIANTS)}, got {nsr_variant!r}")
    return f"nsr:{nsr_variant}"


def _closed(key: str) -> frozenset:
    via, _, variant = key.partition(":")
    if via == "nsr":
        other = next(v for v in NSR_VARIANTS if v != variant)
        return CORRIDOR_CLOSED["nsr"] | {NSR_TAGS[other]}
    return CORRIDOR_CLOSED[via]


def _unit_vectors(lat, lon) -> np.ndarray:
    lat_r, lon_r = np.radians(lat), np.radians(lon)
    return np.column_stack([np.cos(lat_r) * np.cos(lon_r), np.cos(lat_r) * np.sin(lon_r), np.sin(lat_r)])


@dataclass(frozen=True)
class Network:
    """The marnet graph as arrays: node coordinates and an undirected edge list."""

    lat: np.ndarray
    lon: np.ndarray  # may exceed ±180 near the Bering Strait (see module docstring)
    edge_u: np.ndarray
    edge_v: np.ndarray
    edge_km: np.ndarray
    edge_passage: np.ndarray  # object array of passage tags ("" for none)
    _graphs: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for name in ("lat", "lon", "edge_u", "edge_v", "edge_km", "edge_passage"):
            getattr(self, name).flags.writeable = False  # shared by every caller in the process

    @property
    def n_nodes(self) -> int:
        return len(self.lat)

    def corridor_graph(self, via: str):
        """Symmetric sparse adjacency (km) of the network with the corridor's closed passages
        removed; ``via`` is a corridor or a key of :func:`corridor_key`."""
        via = corridor_key(via) if via in CORRIDORS else via
        if via not in self._graphs:
            keep = ~np.isin(self.edge_passage, list(_closed(via)))
            if via.partition(":")[0] in NORTHERN_CORRIDORS:
                keep &= (self.lat[self.edge_u] >= SOUTH_LIMIT_LAT) & (self.lat[self.edge_v] >= SOUTH_LIMIT_LAT)
            # a zero-length edge (the same point either side of the antimeridian) must not vanish
            graph = self.edge_matrix(np.where(keep, np.maximum(self.edge_km, 1e-9), 0.0))
            graph.eliminate_zeros()
            self._graphs[via] = graph
        return self._graphs[via]

    def _main_component(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        if ("component", key) not in self._graphs:
            from scipy.sparse.csgraph import connected_components  # scipy loads only when a route is computed

            _, labels = connected_components(self.corridor_graph(key), directed=False)
            nodes = np.flatnonzero(labels == np.bincount(labels).argmax())
            self._graphs[("component", key)] = nodes, _unit_vectors(self.lat[nodes], self.lon[nodes])
        return self._graphs[("component", key)]

    def nearest_nodes(self, lat, lon, via: str) -> np.ndarray:
        """Index of the nearest node (great-circle) of the corridor's main component to each
        point; ``via`` is a corridor or a key of :func:`corridor_key`. The nearest node on the
        sphere is the one whose unit vector has the largest dot product with the point's (a few
        thousand nodes: one matrix product per block of points, no spatial index to build)."""
        nodes, xyz = self._main_component(corridor_key(via) if via in CORRIDORS else via)
        points = _unit_vectors(np.atleast_1d(lat), np.atleast_1d(lon))
        blocks = np.array_split(points, max(1, len(points) // 512))
        best = np.concatenate([np.argmax(block @ xyz.T, axis=1) for block in blocks])
        return nodes[best]

    @cached_property
    def _edge_index(self) -> dict:
        out = {}
        for k, (u, v) in enumerate(zip(self.edge_u.tolist(), self.edge_v.tolist())):
            out[(u, v)] = out[(v, u)] = k
        return out

    def passages_on(self, path: np.ndarray) -> set[str]:
        """The passage tags of the edges along a node path."""
        index = self._edge_index
        tags = (self.edge_passage[index[(a, b)]] for a, b in zip(path[:-1].tolist(), path[1:].tolist()))
        return {t for t in tags if t}

    def edge_matrix(self, values: np.ndarray):
        """A symmetric sparse matrix (scipy CSR) holding one value per edge (for vectorised look-ups)."""
        from scipy.sparse import csr_matrix  # scipy loads only when a route is computed

        m = csr_matrix((np.concatenate([values, values]),
                        (np.concatenate([self.edge_u, self.edge_v]), np.concatenate([self.edge_v, self.edge_u]))),
                       shape=(self.n_nodes, self.n_nodes))
        m.sum_duplicates()
        return m


def network_from_marnet(node_list, edge_list) -> Network:
    """:class:`Network` from searoute's marnet dictionaries as it ships them: ``node_list`` keyed by
    (lon, lat) tuples, ``edge_list`` mapping each node to its neighbours and their edge data."""

    keys = list(node_list)
    index = {k: i for i, k in enumerate(keys)}
    lonlat = np.array(keys, dtype=float)
    us, vs, tags = [], [], []
    seen = set()
    for a, neighbours in edge_list.items():
        for b, data in neighbours.items():
            i, j = index[a], index[b]
            if (j, i) in seen or i == j:
                continue
            seen.add((i, j))
            us.append(i)
            vs.append(j)
            tags.append(data.get("passage") or "")
    u, v = np.array(us), np.array(vs)
    tags = np.array(tags, dtype=object)
    # searoute's "northwest": the Canadian Northwest Passage (edges between 100°W and 60°W),
    # and the Chukchi Sea approach to the Bering Strait (the rest), which the NSR needs
    mid_lon = (lonlat[u, 0] + lonlat[v, 0]) / 2
    canada = (tags == "northwest") & (mid_lon > -100) & (mid_lon < -60)
    tags[canada] = "northwest-canada"
    tags[(tags == "northwest") & ~canada] = "chukchi"
    _, metres = inverse(lonlat[u, 1], lonlat[u, 0], lonlat[v, 1], lonlat[v, 0])
    return Network(lat=lonlat[:, 1], lon=lonlat[:, 0], edge_u=u, edge_v=v, edge_km=np.asarray(metres) / 1000.0,
                   edge_passage=tags)


#: 0.2 names that moved to the loading layer, kept for one release (:func:`geoclaims._moved.forwarded`)
__getattr__ = forwarded(__name__, {
    "load_marnet": "geoclaims.world.searoute:load_marnet",
    "load_ports": "geoclaims.world.searoute:load_searoute_ports",
})

