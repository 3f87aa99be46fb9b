"""Benchmark: the port matrix at 100 × 100 ports against its floor, one scipy Dijkstra per origin.

Run: ``.venv/bin/python benchmarks/matrix_floor.py``. Ports: the first 100 European and 100 Far
East ports of searoute's list (sorted by UN/LOCODE) that both corridors reach. In one run,
:data:`ROUNDS` alternating rounds, after a warm-up of each (graphs built, caches warm):

- geoclaims: ``port_matrix(europe, far_east)`` — both corridors, lengths, NSR shares, days and
  the corridor checks of 20,000 routes;
- floor: ``scipy.sparse.csgraph.dijkstra`` from the same origins' nodes on the same two corridor
  graphs, distances only (what any router must at least do).

Reported: min / median / max of the ratio ours / floor (goal: at most 1.5×).
"""

from __future__ import annotations

import statistics
import time

import numpy as np

ROUNDS = 5


def ports() -> tuple[list[str], list[str]]:
    from geoclaims.errors import GeoclaimsError
    from geoclaims.world.searoute import load_searoute_ports as load_ports
    from geoclaims.world.routing import sea_route

    table = load_ports().sort_index()
    europe = table[table["lat"].between(36, 70) & table["lon"].between(-10, 30)]["locode"].tolist()
    east = table[table["lat"].between(0, 45) & table["lon"].between(100, 145)]["locode"].tolist()

    def reachable(codes: list[str], other: str) -> list[str]:
        out = []
        for code in codes:
            try:
                for via in ("nsr", "suez"):
                    sea_route(code, other, via=via)
                out.append(code)
            except GeoclaimsError:
                continue
            if len(out) == 100:
                break
        return out

    return reachable(europe, "JPYOK"), reachable(east, "NLRTM")


def main() -> None:
    from scipy.sparse.csgraph import dijkstra

    from geoclaims.world.routing import vessel_profile
    from geoclaims.world.routing import port_matrix
    from geoclaims.geo.network import corridor_key
    from geoclaims.world.routing import load_network
    from geoclaims.world.routing import find_port

    europe, east = ports()
    profile = vessel_profile("slow-steaming")
    net = load_network()
    keys = [corridor_key("nsr", "coastal"), corridor_key("suez")]
    graphs = {k: net.corridor_graph(k) for k in keys}
    sources = {k: np.unique(net.nearest_nodes([find_port(c).lat for c in europe], [find_port(c).lon for c in europe], k))
               for k in keys}

    def ours():
        port_matrix(europe, east, profile)

    def floor():
        for k in keys:
            dijkstra(graphs[k], directed=False, indices=sources[k])

    ours(), floor()
    times = {"ours": [], "floor": []}
    for _ in range(ROUNDS):
        for name, run in (("ours", ours), ("floor", floor)):
            t = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - t)
    ratios = [a / b for a, b in zip(times["ours"], times["floor"])]
    print(f"ports: {len(europe)} × {len(east)}, two corridors ({2 * len(europe) * len(east)} routes)")
    print(f"geoclaims port_matrix: median {statistics.median(times['ours']):.3f} s "
          f"({statistics.median(times['ours']) / (2 * len(europe) * len(east)) * 1e3:.4f} ms per route)")
    print(f"floor (scipy dijkstra per origin, distances only): median {statistics.median(times['floor']):.3f} s")
    print(f"ratio ours / floor: min {min(ratios):.2f}  median {statistics.median(ratios):.2f}  max {max(ratios):.2f} "
          "(goal <= 1.5x)")


if __name__ == "__main__":
    main()
