"""The port matrix: NSR and Suez lengths and days for every origin × destination, in batch.

One ``dijkstra`` call per corridor covers all origins (one-to-all shortest paths). The NSR
share of each path, and whether it traverses its corridor's passage, are summed along the
paths of the shortest-path trees, all origin × destination paths walked up together in
vectorised steps (no path is walked in a Python loop of its own).
Lengths equal :func:`~geoclaims.geo.routes.sea_route`'s to round-off; a pair whose path misses
its corridor gets NaN.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from ..errors import InputError
from ..progress import report
from .geodesy import inverse
from .network import CORRIDOR_REQUIRED, Network, corridor_key
from .nsr_track import lon360
from .ports import Port
from .routes import MAX_ACCESS_KM, check_access
from .transit import VesselProfile, transit_days_for
from .units import km_to_nm

#: the corridors of the matrix: the Northern Sea Route against Suez
MATRIX_CORRIDORS = ("nsr", "suez")


def edge_nsr_km(net: Network, area: shapely.Polygon) -> np.ndarray:
    """For every edge of ``net``, the km of it inside the NSR water area ``area`` (planar share of
    the edge in (lon, lat), times its geodesic length; edges are short, so the share is exact to
    well under 0.1%)."""
    lon_u, lon_v = net.lon[net.edge_u], net.lon[net.edge_v]
    lon_v = lon_u + (((lon_v - lon_u) + 180.0) % 360.0) - 180.0  # the short way across ±180
    lines = shapely.linestrings(np.stack([np.stack([lon360(lon_u), net.lat[net.edge_u]], -1),
                                          np.stack([lon360(lon_u) + (lon_v - lon_u), net.lat[net.edge_v]], -1)], 1))
    total = shapely.length(lines)
    inside = shapely.length(shapely.intersection(lines, area))
    share = np.divide(inside, total, out=np.zeros_like(total), where=total > 0)
    return share * net.edge_km


def _path_sums(pred: np.ndarray, targets: np.ndarray, edge_ids, values: np.ndarray) -> np.ndarray:  # edge_ids: CSR
    """For every shortest-path tree (a row of ``pred``, dijkstra's predecessors) and every
    target node, the sum of each per-edge value (``values``: edges × channels) along the path
    from the tree's root: shape (trees, targets, channels).

    All tree × target paths are walked up together, one vectorised step per edge, collecting
    their edges; one sparse look-up then finds the edges' values, and ``bincount`` adds them up.
    """
    k = pred.shape[0]
    rows, cur = np.repeat(np.arange(k), len(targets)), np.tile(np.asarray(targets), k)
    walked, parents, children = [], [], []
    live = np.flatnonzero(pred[rows, cur] >= 0)
    while live.size:
        r, c = rows[live], cur[live]
        p = pred[r, c]
        walked.append(live), parents.append(p), children.append(c)
        cur[live] = p
        live = live[pred[r, p] >= 0]
    sums = np.zeros((len(rows), values.shape[1]))
    if walked:
        path = np.concatenate(walked)
        ids = np.asarray(edge_ids[np.concatenate(parents), np.concatenate(children)]).ravel().astype(int) - 1
        for j in range(values.shape[1]):
            sums[:, j] = np.bincount(path, weights=values[ids, j], minlength=len(rows))
    return sums.reshape(k, len(targets), values.shape[1])


def _access_km(lat, lon, nodes, net) -> np.ndarray:
    _, metres = inverse(lat, lon, net.lat[nodes], ((net.lon[nodes] + 180.0) % 360.0) - 180.0)
    return np.asarray(metres) / 1000.0


def port_matrix(net: Network, edge_nsr: np.ndarray, a_ports: list[Port] | None = None,
                b_ports: list[Port] | None = None, profile: VesselProfile | None = None,
                nsr_variant: str = "coastal") -> pd.DataFrame:
    """NSR and Suez lengths (nm) and days on ``net`` for every origin in ``a_ports`` × destination
    in ``b_ports`` (see the module docstring), the NSR part of each edge given by ``edge_nsr``
    (:func:`edge_nsr_km`); columns ``origin, destination, nsr_nm, nsr_days, suez_nm, suez_days,
    saving_nm, days_saved, profile``. Progress goes to a terminal."""
    if not isinstance(net, Network):
        raise InputError(f"port_matrix takes the network first, got {net!r}: by port names it is "
                         "geoclaims.port_matrix(origins, destinations, profile)")
    if a_ports is None or b_ports is None:
        raise InputError("port_matrix takes the origin and destination ports: port_matrix(net, edge_nsr, a, b, profile)")
    if not isinstance(profile, VesselProfile):
        raise InputError(f"profile must be a VesselProfile, got {profile!r}")
    both = sorted({p.locode for p in a_ports} & {p.locode for p in b_ports})
    if both:  # as sea_route says: a route needs two ports
        raise InputError(f"{both[0]} is both an origin and a destination: a route needs two different ports")
    prof = profile
    a_lat, a_lon = np.array([p.lat for p in a_ports]), np.array([p.lon for p in a_ports])
    b_lat, b_lon = np.array([p.lat for p in b_ports]), np.array([p.lon for p in b_ports])
    frame = pd.DataFrame({"origin": np.repeat([p.locode for p in a_ports], len(b_ports)),
                          "destination": np.tile([p.locode for p in b_ports], len(a_ports))})
    edge_ids = net.edge_matrix(np.arange(1, len(net.edge_u) + 1, dtype=float))
    for via in MATRIX_CORRIDORS:
        key = corridor_key(via, nsr_variant)
        report(f"port matrix: {via}: shortest paths from {len(a_ports)} origins to {len(b_ports)} destinations")
        src = net.nearest_nodes(a_lat, a_lon, key)
        dst = net.nearest_nodes(b_lat, b_lon, key)
        access = _access_km(a_lat, a_lon, src, net), _access_km(b_lat, b_lon, dst, net)
        for ports, km in zip((a_ports, b_ports), access):
            far = np.flatnonzero(km > MAX_ACCESS_KM)
            if far.size:  # the same one-line error as sea_route's
                check_access(ports[far[0]], net.lat[(src if ports is a_ports else dst)[far[0]]],
                             net.lon[(src if ports is a_ports else dst)[far[0]]])
        unique_src, source_of = np.unique(src, return_inverse=True)
        from scipy.sparse.csgraph import dijkstra  # scipy loads only when routes are computed

        dist, pred = dijkstra(net.corridor_graph(key), directed=False, indices=unique_src, return_predecessors=True)
        channels = np.column_stack([edge_nsr, net.edge_passage == CORRIDOR_REQUIRED[via]])
        sums = _path_sums(pred, dst, edge_ids, channels)
        nsr_km, passes = sums[..., 0], sums[..., 1] > 0.5
        # access legs: port to its network node, at both ends
        length_km = dist[source_of][:, dst] + access[0][:, None] + access[1][None, :]
        nsr = nsr_km[source_of]
        ok = passes[source_of] & np.isfinite(length_km) & ((nsr > 0) if via == "nsr" else True)
        length_nm = np.where(ok, km_to_nm(length_km), np.nan)
        nsr_nm = np.where(ok, km_to_nm(nsr), np.nan)
        frame[f"{via}_nm"] = length_nm.ravel()
        frame[f"{via}_days"] = transit_days_for(length_nm.ravel(), nsr_nm.ravel(), via, prof)  # NaN stays NaN
    frame["saving_nm"] = frame["suez_nm"] - frame["nsr_nm"]
    frame["days_saved"] = frame["suez_days"] - frame["nsr_days"]
    frame["profile"] = prof.name
    return frame


