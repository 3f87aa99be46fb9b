"""Sea routes along a named corridor (NSR or Suez), transit days, and the port matrix.

Routing: shortest paths on searoute's maritime network (:mod:`geoclaims.network`) with
``scipy.sparse.csgraph.dijkstra``, the corridor's closed passages removed; each port is
joined to its nearest network node by a geodesic leg. A route must traverse its corridor
(``bering`` and the NSR water area for ``nsr``; ``suez`` for ``suez``) or
:class:`~geoclaims.errors.RouteError` is raised — there is no silent fallback.

Lengths are WGS84 geodesic lengths of the route geometry (pyproj, vectorised), in km and
nautical miles (1 nm = 1.852 km exactly). The network is a generalised one: published
distance tables differ from it, and from each other, by a few per cent (see
``data/reference_distances.csv`` and the notebook 01).

Transit time: the route outside the NSR water area at the profile's open-water speed,
inside it at the profile's NSR speed, plus Suez transit and waiting hours for Suez
routes, plus port/handling days. The canal's own ~104 nm are also counted at open-water
speed, so Suez days are an upper bound by about 0.25 day.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from .errors import DataError, InputError, RouteError, UnknownPortError
from .geodesy import inverse, path_length_km
from .network import CORRIDOR_REQUIRED, CORRIDORS, check_corridor, load_network, load_ports
from .progress import report
from .schemas import load_table
from .tables import cached_loader
from .units import HOURS_PER_DAY, km_to_nm

# ---- ports --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Port:
    """A port of searoute's list, in (lat, lon)."""

    locode: str
    name: str
    country: str
    lat: float
    lon: float


def find_port(query: str) -> Port:
    """A port by UN/LOCODE (``NLRTM``) or by name (``Rotterdam``, case-insensitive).

    Raises
    ------
    UnknownPortError
        naming the query and up to five close matches.
    """
    ports = load_ports()
    text = str(query).strip()
    if text.upper() in ports.index:
        row = ports.loc[text.upper()]
    else:
        by_name = ports[ports["name"].str.casefold() == text.casefold()]
        if by_name.empty:
            names = ports["name"].tolist()
            close = difflib.get_close_matches(text, names, n=5, cutoff=0.6)
            close += difflib.get_close_matches(text.upper(), ports.index.tolist(), n=5 - len(close), cutoff=0.6)
            labels = [f"{ports[ports['name'] == c].index[0]} ({c})" if c in names else c for c in close]
            hint = f"; close matches: {', '.join(labels)}" if labels else ""
            raise UnknownPortError(f"unknown port {query!r}{hint}")
        row = by_name.iloc[0]
    return Port(row["locode"], row["name"], row["country"], float(row["lat"]), float(row["lon"]))


# ---- the NSR water area -----------------------------------------------------------------------

def _lon360(lon):
    return np.mod(np.asarray(lon, dtype=float), 360.0)


@cached_loader
def load_nsr_area() -> shapely.Polygon:
    """The NSR water area as a polygon in (lon in [0, 360), lat), from ``data/nsr_area.csv``."""
    frame = load_table("nsr_area.csv")
    poly = shapely.Polygon(np.column_stack([_lon360(frame["lon"]), frame["lat"]]))
    if not poly.is_valid:
        raise DataError("nsr_area.csv: the vertices do not form a simple polygon")
    return poly


def nsr_length_km(lats, lons) -> float:
    """Length (km, WGS84) of the part of a path inside the NSR water area.

    The path's longitudes are made continuous across ±180 and shifted by whole turns so that
    its Arctic part (north of 60°N) lies in the [0, 360) frame of :func:`load_nsr_area`.
    """
    lats = np.asarray(lats, dtype=float)
    lon = np.degrees(np.unwrap(np.radians(np.asarray(lons, dtype=float))))
    arctic = lats > 60
    if arctic.any():
        lon = lon - 360.0 * np.floor(np.median(lon[arctic]) / 360.0)
    line = shapely.LineString(np.column_stack([lon, lats]))
    inside = line.intersection(load_nsr_area())
    total = 0.0
    for part in getattr(inside, "geoms", [inside]):
        if part.is_empty or part.geom_type != "LineString":
            continue
        xy = np.asarray(part.coords)
        total += path_length_km(xy[:, 1], ((xy[:, 0] + 180.0) % 360.0) - 180.0)
    return total


# ---- routes --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """A port-to-port sea route along one corridor; coordinates in (lat, lon)."""

    origin: Port
    destination: Port
    via: str
    lats: np.ndarray
    lons: np.ndarray
    length_km: float
    nsr_km: float
    passages: tuple[str, ...]

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
                "nsr_nm": round(self.nsr_nm, 1), "passages": list(self.passages), "profile": profile,
                "days": None if days is None else round(days, 2)}


def _path(predecessors: np.ndarray, source: int, target: int) -> np.ndarray:
    path = [target]
    while path[-1] != source:
        prev = predecessors[path[-1]]
        if prev < 0:
            return np.array([], dtype=int)
        path.append(prev)
    return np.array(path[::-1])


def _build_route(origin: Port, destination: Port, via: str, path: np.ndarray) -> Route:
    net = load_network()
    lats = np.concatenate([[origin.lat], net.lat[path], [destination.lat]])
    lons = np.concatenate([[origin.lon], net.lon[path], [destination.lon]])
    passages = net.passages_on(path)
    nsr_km = nsr_length_km(lats, lons)
    required = CORRIDOR_REQUIRED[via]
    if required not in passages or (via == "nsr" and nsr_km <= 0):
        raise RouteError(f"the {via} route {origin.locode}–{destination.locode} does not pass its corridor "
                         f"(passages: {', '.join(sorted(passages)) or 'none'}; NSR part {km_to_nm(nsr_km):.0f} nm)")
    return Route(origin, destination, via, lats, lons, path_length_km(lats, ((lons + 180) % 360) - 180), nsr_km,
                 tuple(sorted(passages)))


def sea_route(origin: str | Port, destination: str | Port, via: str = "nsr") -> Route:
    """The shortest route between two ports along a corridor (``"nsr"`` or ``"suez"``).

    >>> r = sea_route("NLRTM", "JPYOK", via="nsr")
    >>> 7000 < r.length_nm < 8000 and "bering" in r.passages
    True

    Raises
    ------
    UnknownPortError, InputError
        for a bad port or corridor; :class:`RouteError` when the corridor cannot be followed.
    """
    check_corridor(via)
    a = origin if isinstance(origin, Port) else find_port(origin)
    b = destination if isinstance(destination, Port) else find_port(destination)
    net = load_network()
    src, dst = (int(n) for n in net.nearest_nodes([a.lat, b.lat], [a.lon, b.lon], via))
    _, pred = dijkstra(net.corridor_graph(via), directed=False, indices=src, return_predecessors=True)
    path = _path(pred, src, dst)
    if not len(path):
        raise RouteError(f"no {via} route between {a.locode} and {b.locode}")
    return _build_route(a, b, via, path)


# ---- vessel profiles and transit time ------------------------------------------------------------

@dataclass(frozen=True)
class VesselProfile:
    """Speeds (knots) and fixed times of one way of operating a container ship."""

    name: str
    open_water_kn: float
    nsr_kn: float
    suez_transit_h: float = 0.0
    suez_wait_h: float = 0.0
    port_days: float = 0.0

    def __post_init__(self) -> None:
        for label in ("open_water_kn", "nsr_kn"):
            value = getattr(self, label)
            if not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
                raise InputError(f"{label} must be a finite speed > 0 knots, got {value!r}")
        for label in ("suez_transit_h", "suez_wait_h", "port_days"):
            value = getattr(self, label)
            if not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
                raise InputError(f"{label} must be a finite number >= 0, got {value!r}")


@cached_loader
def load_vessel_profiles() -> pd.DataFrame:
    """``data/vessel_profiles.csv`` indexed by profile name (speeds > 0 and times >= 0 by its schema)."""
    return load_table("vessel_profiles.csv").set_index("profile", drop=False)


def get_profile(name: str) -> VesselProfile:
    """A profile of ``data/vessel_profiles.csv`` by name (an unknown name lists the known ones)."""
    profiles = load_vessel_profiles()
    if name not in profiles.index:
        raise InputError(f"unknown profile {name!r}; known: {', '.join(profiles.index)}")
    row = profiles.loc[name]
    return VesselProfile(name, float(row["open_water_kn"]), float(row["nsr_kn"]), float(row["suez_transit_h"]),
                         float(row["suez_wait_h"]), float(row["port_days"]))


def transit_days_for(length_nm: float, nsr_nm: float, via: str, profile: VesselProfile) -> float:
    """Days for a voyage of ``length_nm`` of which ``nsr_nm`` lie in the NSR water area."""
    hours = (length_nm - nsr_nm) / profile.open_water_kn + nsr_nm / profile.nsr_kn
    if via == "suez":
        hours += profile.suez_transit_h + profile.suez_wait_h
    return hours / HOURS_PER_DAY + profile.port_days


def transit_days(route: Route, profile: VesselProfile | str) -> float:
    """Days a ship operated as ``profile`` takes along ``route`` (see the module docstring)."""
    p = get_profile(profile) if isinstance(profile, str) else profile
    return transit_days_for(route.length_nm, route.nsr_nm, route.via, p)


def implied_speed_kn(route: Route, days: float) -> float:
    """Average speed (knots) needed to sail ``route`` in ``days`` (no stops)."""
    if not isinstance(days, (int, float)) or not math.isfinite(days) or days <= 0:
        raise InputError(f"days must be a finite number > 0, got {days!r}")
    return route.length_nm / (days * HOURS_PER_DAY)


# ---- the port matrix -------------------------------------------------------------------------------

@cached_loader
def load_matrix_ports() -> pd.DataFrame:
    """``data/matrix_ports.csv``: the European and Far East ports of the matrix."""
    frame = load_table("matrix_ports.csv")
    ports = load_ports()
    unknown = frame.index[~frame["locode"].isin(ports.index)]
    if len(unknown):
        raise DataError(f"matrix_ports.csv, line {unknown[0] + 2}: {frame.at[unknown[0], 'locode']!r} is not in searoute's port list")
    return frame


@cached_loader
def _edge_nsr_km() -> np.ndarray:
    """For every network edge, the km of it inside the NSR water area (planar share of the
    edge in (lon, lat), times its geodesic length; edges are short, so the share is exact to
    well under 0.1%)."""
    net = load_network()
    lon_u, lon_v = net.lon[net.edge_u], net.lon[net.edge_v]
    lon_v = lon_u + (((lon_v - lon_u) + 180.0) % 360.0) - 180.0  # the short way across ±180
    lines = shapely.linestrings(np.stack([np.stack([_lon360(lon_u), net.lat[net.edge_u]], -1),
                                          np.stack([_lon360(lon_u) + (lon_v - lon_u), net.lat[net.edge_v]], -1)], 1))
    area = load_nsr_area()
    total = shapely.length(lines)
    inside = shapely.length(shapely.intersection(lines, area))
    share = np.divide(inside, total, out=np.zeros_like(total), where=total > 0)
    return share * net.edge_km


def _tree_sums(pred_row: np.ndarray, source: int, edge_values, n: int) -> np.ndarray:
    """Sum of an edge value along the shortest-path tree from ``source`` to every node,
    by running dijkstra on the tree itself (weights nudged by 1e-9 so zeros are kept)."""
    nodes = np.flatnonzero(pred_row >= 0)
    parents = pred_row[nodes]
    values = np.asarray(edge_values[parents, nodes]).ravel() + 1e-9
    tree = csr_matrix((values, (parents, nodes)), shape=(n, n))
    return dijkstra(tree, directed=True, indices=source)


def port_matrix(origins: list[str], destinations: list[str], profile: str = "slow-steaming") -> pd.DataFrame:
    """NSR and Suez lengths and days for every origin × destination, in batch.

    One ``dijkstra`` call per corridor covers all origins (one-to-all shortest paths). The
    NSR share of each path, and whether it traverses its corridor's passage, are summed along
    the shortest-path tree with a second dijkstra on that tree, so no path is walked in
    Python. Lengths equal :func:`sea_route`'s; a pair whose path misses its corridor gets
    NaN. Progress goes to a terminal.
    """
    a_ports = [find_port(o) for o in origins]
    b_ports = [find_port(d) for d in destinations]
    prof = get_profile(profile)
    net = load_network()
    a_lat, a_lon = np.array([p.lat for p in a_ports]), np.array([p.lon for p in a_ports])
    b_lat, b_lon = np.array([p.lat for p in b_ports]), np.array([p.lon for p in b_ports])
    frame = pd.DataFrame({"origin": np.repeat([p.locode for p in a_ports], len(b_ports)),
                          "destination": np.tile([p.locode for p in b_ports], len(a_ports))})
    nsr_values = net.edge_matrix(_edge_nsr_km())
    for via in CORRIDORS:
        report(f"port matrix: {via}: shortest paths from {len(a_ports)} origins to {len(b_ports)} destinations")
        src = net.nearest_nodes(a_lat, a_lon, via)
        dst = net.nearest_nodes(b_lat, b_lon, via)
        unique_src, source_of = np.unique(src, return_inverse=True)
        dist, pred = dijkstra(net.corridor_graph(via), directed=False, indices=unique_src, return_predecessors=True)
        required = net.edge_matrix((net.edge_passage == CORRIDOR_REQUIRED[via]).astype(float))
        nsr_km = np.empty((len(unique_src), len(dst)))
        passes = np.empty((len(unique_src), len(dst)), dtype=bool)
        for k, s in enumerate(unique_src):
            nsr_km[k] = _tree_sums(pred[k], s, nsr_values, net.n_nodes)[dst]
            passes[k] = _tree_sums(pred[k], s, required, net.n_nodes)[dst] > 0.5
        # access legs: port to its network node, at both ends
        _, m_a = inverse(a_lat, a_lon, net.lat[src], net.lon[src])
        _, m_b = inverse(b_lat, b_lon, net.lat[dst], net.lon[dst])
        length_km = dist[source_of][:, dst] + np.asarray(m_a)[:, None] / 1000.0 + np.asarray(m_b)[None, :] / 1000.0
        nsr = nsr_km[source_of]
        ok = passes[source_of] & np.isfinite(length_km) & ((nsr > 0) if via == "nsr" else True)
        length_nm = np.where(ok, km_to_nm(length_km), np.nan)
        nsr_nm = np.where(ok, km_to_nm(nsr), np.nan)
        frame[f"{via}_nm"] = length_nm.ravel()
        frame[f"{via}_days"] = transit_days_for(length_nm.ravel(), nsr_nm.ravel(), via, prof)  # NaN stays NaN
    frame["saving_nm"] = frame["suez_nm"] - frame["nsr_nm"]
    frame["days_saved"] = frame["suez_days"] - frame["nsr_days"]
    frame["profile"] = profile
    return frame


