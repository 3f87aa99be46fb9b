"""The Northern Sea Route on its published track, spliced into the routing network.

searoute's Arctic lanes run a generalised course (in the Laptev Sea the network dips south
towards the Lena delta and back): its NSR lengths were 6–10% above published tables. Here:

- ``data/nsr_track.csv`` lists the track's waypoints in order, per variant (``coastal`` through
  the Kara Strait, ``high-latitude`` round Cape Zhelaniya, ``both`` for the shared legs): each a
  published position (a strait, a cape's offing) or one derived from a published position by a
  stated offset, with its source;
- consecutive waypoints are joined by WGS84 geodesics, densified to nodes at most
  :data:`DENSIFY_KM` apart (the nodes lie on the geodesic, so the pieces add up to its length);
- past the NSR's limit in the Bering Strait the track goes on, on the same terms, round Chukotka
  to the offing of Cape Lopatka: searoute's approach dipped into the Gulf of Anadyr (1,104 nm
  from the limit to its node at 54.7°N 163.1°E, against 1,074 nm by the track's first leg and a
  geodesic to that node); those two legs carry the passage the data names (``bering``, as
  searoute tags its own Bering Sea lanes), not an NSR tag;
- every network edge whose midpoint lies in the NSR water area is removed, and each waypoint the
  data marks ``joins_network`` (the ends of each variant, which the loader requires, and the
  waypoints past the Bering limit, for the ports beside them) is joined by a geodesic to the
  :data:`CONNECT` nearest network nodes left outside it.

Nothing is scaled or fitted to published distances: a length is the geodesic length of the path.
The loading layer (:func:`geoclaims.world.routing.load_network`) samples every leg and connector
at 1 km and refuses a track with a sample on GSHHS-f land (:func:`land_on_track`).
"""

from __future__ import annotations

import numpy as np
import shapely
from pyproj import Geod

from .._moved import forwarded
from ..errors import DataError, InputError
from .coastline import Coastline, check_coastline, on_land
from .network import NSR_TAGS, NSR_VARIANTS, Network, _unit_vectors

#: largest distance between consecutive track nodes, km (ports in the area snap to the track)
DENSIFY_KM = 50.0
#: network nodes each waypoint marked ``joins_network`` is joined to
CONNECT = 2
_GEOD = Geod(ellps="WGS84")


def _need_track(track, function: str) -> None:
    if track is None or not hasattr(track, "columns"):
        raise InputError(f"{function} takes the rows of nsr_track.csv, got {track!r}: "
                         f"{function}(..., geoclaims.datasets.load_nsr_track(), ...)")


def _need_area(area, function: str) -> None:
    if not isinstance(area, shapely.Polygon):
        raise InputError(f"{function} takes the NSR water area, got {area!r}: geoclaims.world.routing.load_nsr_area()")


def track_sequences(track=None) -> dict[str, list[tuple[str, float, float]]]:
    """Per variant, the waypoints of ``track`` (the rows of ``nsr_track.csv``) in order:
    ``(waypoint_id, lat, lon)``."""
    _need_track(track, "track_sequences")
    rows = track
    out = {}
    for variant in NSR_VARIANTS:
        mine = rows[rows["variant"].isin([variant, "both"])].sort_values("order")
        out[variant] = list(zip(mine["waypoint_id"], mine["lat"].astype(float), mine["lon"].astype(float)))
    return out


def track_legs(track=None) -> list[tuple[tuple[float, float], tuple[float, float], str]]:
    """Every leg of ``track`` once: ``((lat, lon), (lat, lon), passage tag)``.

    A leg's tag is the ``passage`` of the waypoint it arrives at when the data names one (the
    approach legs south of the Bering Strait are ``bering``, as searoute tags its own there),
    else the NSR tag of the variants that use it."""
    _need_track(track, "track_legs")
    passage = dict(zip(track["waypoint_id"], track["passage"]))
    used: dict[tuple, set] = {}
    points = {}
    for variant, seq in track_sequences(track).items():
        for (a, *pa), (b, *pb) in zip(seq[:-1], seq[1:]):
            used.setdefault((a, b), set()).add(variant)
            points[a], points[b] = tuple(pa), tuple(pb)
    return [(points[a], points[b], passage[b] or (NSR_TAGS["both"] if len(vs) > 1 else NSR_TAGS[next(iter(vs))]))
            for (a, b), vs in used.items()]


def densify(a: tuple[float, float], b: tuple[float, float], step_km: float = DENSIFY_KM) -> np.ndarray:
    """Points (lat, lon) along the geodesic a → b, ends included, at most ``step_km`` apart."""
    _, _, metres = _GEOD.inv(a[1], a[0], b[1], b[0])
    n = max(0, int(np.ceil(metres / 1000.0 / step_km)) - 1)
    middle = np.array(_GEOD.npts(a[1], a[0], b[1], b[0], n)).reshape(-1, 2)[:, ::-1] if n else np.empty((0, 2))
    return np.vstack([[a], middle, [b]])


def area_mask(net: Network, area: shapely.Polygon) -> np.ndarray:
    """Whether each edge of ``net`` has its midpoint in the NSR water area ``area`` (:func:`nsr_area_polygon`)."""
    lu, lv = lon360(net.lon[net.edge_u]), lon360(net.lon[net.edge_v])
    mid_lon = np.where(np.abs(lu - lv) > 180, ((lu + lv + 360) / 2) % 360, (lu + lv) / 2)
    mid_lat = (net.lat[net.edge_u] + net.lat[net.edge_v]) / 2
    return shapely.contains_xy(area, mid_lon, mid_lat)


def connectors(net: Network, keep: np.ndarray, track=None) -> list[tuple[tuple[float, float], int]]:
    """``((lat, lon) of a waypoint, network node)`` for each waypoint of ``track`` marked
    ``joins_network`` (every end of a variant is), joined to its :data:`CONNECT` nearest kept nodes."""
    _need_track(track, "connectors")
    marked = track[track["joins_network"] == "yes"]
    alive = np.unique(np.concatenate([net.edge_u[keep], net.edge_v[keep]]))
    xyz = _unit_vectors(net.lat[alive], net.lon[alive])
    joined = set(zip(marked["lat"].astype(float), marked["lon"].astype(float)))
    out = []
    for lat, lon in sorted(joined):
        d = np.linalg.norm(xyz - _unit_vectors(np.array([lat]), np.array([lon])), axis=1)
        out += [((lat, lon), int(alive[i])) for i in np.argsort(d)[:CONNECT]]
    return out


def lon360(lon):
    """Longitudes in [0, 360), the frame of :func:`nsr_area_polygon`."""
    return np.mod(np.asarray(lon, dtype=float), 360.0)


def nsr_area_polygon(vertices) -> shapely.Polygon:
    """The NSR water area from its vertices ((lat, lon) pairs, ``nsr_area.csv``) as a shapely
    polygon in (lon in [0, 360), lat): it spans ±180."""
    lats, lons = zip(*vertices)
    poly = shapely.Polygon(np.column_stack([lon360(lons), lats]))
    if not poly.is_valid:
        raise DataError("nsr_area.csv: the vertices do not form a simple polygon")
    return poly


#: how far apart the land test samples a leg, km
LAND_STEP_KM = 1.0


def land_on_track(raw: Network, track=None, area: shapely.Polygon | None = None,
                  coast: Coastline | None = None) -> str | None:
    """Where the legs of ``track`` or its connectors to the network touch land of ``coast``
    (GSHHS-f in the loading layer), sampled every :data:`LAND_STEP_KM` along each geodesic: a
    sentence naming the waypoint (its line and column in ``nsr_track.csv``) and the first sample
    on land; ``None`` if all is water."""
    _need_track(track, "land_on_track")
    _need_area(area, "land_on_track")
    check_coastline(coast, "land_on_track")
    line = {w: int(i) + 2 for i, w in zip(track.index, track["waypoint_id"])}
    where = {(round(float(a), 9), round(float(b), 9)): w for w, a, b in zip(track["waypoint_id"], track["lat"], track["lon"])}
    legs = [(b_id, (pa_lat, pa_lon), (pb_lat, pb_lon)) for seq in track_sequences(track).values()
            for (_, pa_lat, pa_lon), (b_id, pb_lat, pb_lon) in zip(seq[:-1], seq[1:])]
    legs += [(where[(round(end[0], 9), round(end[1], 9))], end, (float(raw.lat[n]), float(((raw.lon[n] + 180) % 360) - 180)))
             for end, n in connectors(raw, ~area_mask(raw, area), track)]
    samples = [densify(a, b, LAND_STEP_KM) for _, a, b in legs]
    land = on_land(coast, np.concatenate([s[:, 0] for s in samples]), np.concatenate([s[:, 1] for s in samples]))
    start = 0
    for (wid, a, b), s in zip(legs, samples):
        hit = land[start:start + len(s)]
        start += len(s)
        if hit.any():
            lat, lon = s[hit][0]
            return (f"nsr_track.csv, line {line[wid]}, column 'position': the leg to {wid} (or its link to the network) "
                    f"crosses GSHHS-{coast.resolution} land at {lat:.3f}, {lon:.3f}")
    return None


def splice(raw: Network, track=None, area: shapely.Polygon | None = None) -> Network:
    """``raw`` with its edges in the NSR water area ``area`` replaced by ``track`` (module
    docstring). The loading layer checks first that the track and its connectors are water
    (:func:`land_on_track`)."""
    _need_track(track, "splice")
    _need_area(area, "splice")
    keep = ~area_mask(raw, area)
    lat, lon = list(raw.lat), list(raw.lon)
    u, v, km, tags = list(raw.edge_u[keep]), list(raw.edge_v[keep]), list(raw.edge_km[keep]), list(raw.edge_passage[keep])
    index: dict[tuple[float, float], int] = {}

    def node(p) -> int:
        key = (round(float(p[0]), 9), round(float(p[1]), 9))
        if key not in index:
            index[key] = len(lat)
            lat.append(key[0])
            lon.append(key[1])
        return index[key]

    def add(a, b, tag):
        _, _, metres = _GEOD.inv(lon[a], lat[a], lon[b], lat[b])
        u.append(a), v.append(b), km.append(metres / 1000.0), tags.append(tag)

    for a, b, tag in track_legs(track):
        pts = densify(a, b)
        ids = [node(p) for p in pts]
        for i, j in zip(ids[:-1], ids[1:]):
            add(i, j, tag)
    for end, n in connectors(raw, keep, track):
        add(node(end), n, "")
    return Network(lat=np.array(lat), lon=np.array(lon), edge_u=np.array(u), edge_v=np.array(v), edge_km=np.array(km),
                   edge_passage=np.array(tags, dtype=object))


#: 0.2 names that moved to the loading layer, kept for one release (:func:`geoclaims._moved.forwarded`)
__getattr__ = forwarded(__name__, {
    "load_network": "geoclaims.world.routing:load_network",
})

