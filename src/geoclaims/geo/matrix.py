"""The port matrix: NSR and Suez lengths and days for every origin × destination, in batch.

One ``dijkstra`` call per corridor covers all origins (one-to-all shortest paths). The NSR
share of each path, and whether it traverses its corridor's passage, are summed along the
shortest-path tree with a second dijkstra on that tree, so no path is walked in Python.
Lengths equal :func:`~geoclaims.geo.routes.sea_route`'s to round-off; a pair whose path misses
its corridor gets NaN.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from ..data import cached_loader
from ..progress import report
from .geodesy import inverse
from .network import CORRIDOR_REQUIRED, CORRIDORS, load_network
from .routes import _lon360, _nsr_area_lon360, check_access, find_port
from .transit import VesselProfile, transit_days_for
from .units import km_to_nm


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
    area = _nsr_area_lon360()
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


def port_matrix(origins: list[str], destinations: list[str], profile: VesselProfile | str = "slow-steaming") -> pd.DataFrame:
    """NSR and Suez lengths (nm) and days for every origin × destination (see the module
    docstring); columns ``origin, destination, nsr_nm, nsr_days, suez_nm, suez_days,
    saving_nm, days_saved, profile``. Progress goes to a terminal."""
    from ..errors import InputError

    for name, ports in (("origins", origins), ("destinations", destinations)):
        if isinstance(ports, str) or not len(ports):
            raise InputError(f"{name} must be a non-empty list of ports, got {ports!r}")
    a_ports = [find_port(o) for o in origins]
    b_ports = [find_port(d) for d in destinations]
    if isinstance(profile, str):
        from ..datasets import vessel_profile

        profile = vessel_profile(profile)
    prof = profile
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
        for port, node in [*zip(a_ports, src), *zip(b_ports, dst)]:
            check_access(port, net.lat[node], net.lon[node])
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
    frame["profile"] = prof.name
    return frame


