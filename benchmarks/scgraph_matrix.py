"""Benchmark: the port matrix against scgraph's distance matrix, on the same graph.

Run: ``.venv/bin/python benchmarks/scgraph_matrix.py``. In one run on this machine:

- geoclaims: ``geoclaims.port_matrix`` for the 20 European × 20 Far East ports of
  ``data/matrix_ports.csv``, both corridors, returning lengths, NSR shares and the corridor checks.
  Its graphs and data are loaded first by a 1 × 1 matrix (as scgraph's GeoGraph is built before
  its clock starts), so no shortest path of the timed run is cached;
- scgraph (PyPI, the named peer): a ``GeoGraph`` built from the very same corridor graphs
  (geoclaims' nodes and WGS84 edge lengths; nothing is downloaded), then ``distance_matrix`` over
  the same 40 ports, once per corridor, on a fresh GeoGraph each time (cold; scgraph caches per object).

Reported: seconds per route (ours: 800 routes; scgraph: every ordered pair its matrix computes),
the ratio (medians of :data:`ROUNDS` alternating runs), and how far the lengths agree for the
Europe × Far East pairs.
"""

from __future__ import annotations

import time

import numpy as np

ROUNDS = 7  #: medians over this many alternating runs

def _geograph(net, via):
    from scgraph import GeoGraph

    graph = net.corridor_graph(via).tocsr()
    adjacency = [dict(zip(graph.indices[graph.indptr[i]:graph.indptr[i + 1]].tolist(),
                          graph.data[graph.indptr[i]:graph.indptr[i + 1]].tolist())) for i in range(graph.shape[0])]
    lons = ((net.lon + 180.0) % 360.0) - 180.0
    return GeoGraph(graph=adjacency, nodes=np.column_stack([net.lat, lons]).tolist())


def main() -> None:
    from geoclaims.datasets import load_matrix_ports
    from geoclaims.world.routing import port_matrix
    from geoclaims.world.routing import load_network
    from geoclaims.world.routing import find_port

    ports = load_matrix_ports()
    europe = list(ports.loc[ports["region"] == "europe", "locode"])
    east = list(ports.loc[ports["region"] == "far-east", "locode"])
    net = load_network()
    port_matrix(europe[:1], east[:1])  # builds the corridor graphs and loads the data, as GeoGraph(...) does
    ours_routes = 2 * len(europe) * len(east)
    located = [find_port(c) for c in europe + east]
    nodes = [{"latitude": p.lat, "longitude": p.lon} for p in located]
    ours_times, peer_times = [], []
    for _ in range(ROUNDS):  # alternating, so that load on the shared machine hits both alike
        t = time.perf_counter()
        matrix = port_matrix(europe, east)
        ours_times.append(time.perf_counter() - t)
        peer_s, peer_pairs, peer = 0.0, 0, {}
        for via in ("nsr", "suez"):
            graph = _geograph(net, via)  # building the GeoGraph is not timed: the graph is given
            t = time.perf_counter()
            dm = graph.distance_matrix(nodes, output_units="km", silent=True)
            peer_s += time.perf_counter() - t
            peer_pairs += len(nodes) * (len(nodes) - 1)
            peer[via] = np.array(dm, dtype=float)
        peer_times.append(peer_s)
    ours_s, peer_s = float(np.median(ours_times)), float(np.median(peer_times))

    diffs = []
    for i, o in enumerate(europe):
        for j, d in enumerate(east):
            row = matrix[(matrix["origin"] == o) & (matrix["destination"] == d)].iloc[0]
            for via in ("nsr", "suez"):
                theirs = peer[via][i, len(europe) + j] / 1.852
                if np.isfinite(row[f"{via}_nm"]) and np.isfinite(theirs) and theirs > 0:
                    diffs.append(row[f"{via}_nm"] / theirs - 1)
    diffs = np.abs(np.array(diffs))
    ours_per, peer_per = ours_s / ours_routes, peer_s / peer_pairs
    print(f"geoclaims port_matrix: {ours_s:.3f} s for {ours_routes} routes = {ours_per * 1e3:.3f} ms per route "
          "(with NSR shares and corridor checks)")
    print(f"scgraph distance_matrix, cold: {peer_s:.3f} s for {peer_pairs} ordered pairs = {peer_per * 1e3:.3f} ms per pair")
    print(f"ratio (scgraph time per pair / geoclaims time per route): {peer_per / ours_per:.2f}x (goal >= 1)")
    europe_east = 2 * len(europe) * len(east)
    print(f"per Europe × Far East route each delivers: geoclaims {ours_per * 1e3:.3f} ms, "
          f"scgraph {peer_s / europe_east * 1e3:.3f} ms ({peer_s / europe_east / ours_per:.2f}x)")
    print(f"length difference |ours/scgraph - 1| over {len(diffs)} routes: median {np.median(diffs):.3%}, "
          f"max {diffs.max():.3%} (scgraph joins a port to the graph by its own rule)")


if __name__ == "__main__":
    main()
