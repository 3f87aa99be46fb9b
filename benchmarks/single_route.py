"""Benchmark: one route, as a whole process and in process, against searoute and scgraph.

Run: ``.venv/bin/python benchmarks/single_route.py`` (``make bench`` installs scgraph). In one run
on this machine, alternating, :data:`ROUNDS` rounds, min / median / max reported:

- whole process: ``geoclaims route NLRTM JPYOK --via nsr --profile design-speed`` three ways: its
  answer kept (the disk cache warm, as any second identical call finds it); the answer removed
  before each run but the route kept (the data stack loads, the route is read); both removed (the
  route is computed) — against a script that imports searoute and computes the
  same pair (searoute's own Arctic lanes; scgraph 3.6 ships no graph of its own without a
  further package, so it is compared in process only);
- in process, warm: :func:`geoclaims.sea_route` against ``GeoGraph.get_shortest_path``
  on the same corridor graph (fed to scgraph as geoclaims builds it).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROUNDS = 7
BIN = Path(sys.executable).parent
ROTTERDAM, YOKOHAMA = (51.9225, 4.47917), (35.4437, 139.638)
PROCESSES = {
    "geoclaims route (answer kept)": [str(BIN / "geoclaims"), "route", "NLRTM", "JPYOK", "--via", "nsr",
                                      "--profile", "design-speed"],
    "geoclaims route (route kept)": [str(BIN / "geoclaims"), "route", "NLRTM", "JPYOK", "--via", "nsr",
                                     "--profile", "design-speed"],
    "geoclaims route (computed)": [str(BIN / "geoclaims"), "route", "NLRTM", "JPYOK", "--via", "nsr",
                                   "--profile", "design-speed"],
    # the floor of any process that computes a route with the field libraries: importing them
    "import floor (numpy, scipy.sparse.csgraph, pyproj, shapely)": [
        sys.executable, "-c", "import numpy, scipy.sparse.csgraph, pyproj, shapely"],
    "searoute script": [sys.executable, "-c", "import searoute as sr; "
                        f"sr.searoute([{ROTTERDAM[1]}, {ROTTERDAM[0]}], [{YOKOHAMA[1]}, {YOKOHAMA[0]}])"],
}


def _route_file() -> Path | None:
    """The disk-cache file of this route (None when caching is off)."""
    from geoclaims.cache import cache_file
    from geoclaims.geo.network import corridor_key
    from geoclaims.world.routing import _route_key, find_port

    return cache_file(f"route{_route_key(find_port('NLRTM'), find_port('JPYOK'), corridor_key('nsr', 'coastal'))}",
                      "searoute")


def _spread(values: list[float]) -> str:
    return f"min {min(values):.3f}  median {statistics.median(values):.3f}  max {max(values):.3f}"


def whole_processes() -> dict[str, list[float]]:
    times = {name: [] for name in PROCESSES}
    for cmd in PROCESSES.values():  # warm-up: fills the disk cache and the OS file cache
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    from geoclaims.cache import cache_dir

    route_file, root = _route_file(), cache_dir()
    for _ in range(ROUNDS):
        for name, cmd in PROCESSES.items():
            if name.startswith("geoclaims") and not name.endswith("(answer kept)") and root is not None:
                for answer in root.glob("answer*.txt"):
                    answer.unlink()  # this run loads the data stack
            if name.endswith("(computed)") and route_file is not None:
                route_file.unlink(missing_ok=True)  # this run computes the route
            t = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - t)
    return times


def in_process() -> tuple[list[float], list[float]]:
    from scgraph import GeoGraph

    from geoclaims.geo.network import corridor_key
    from geoclaims.world.routing import load_network
    from geoclaims.world.routing import sea_route

    net, key = load_network(), corridor_key("nsr", "coastal")
    graph = net.corridor_graph(key).tocsr()
    adjacency = [dict(zip(graph.indices[graph.indptr[i]:graph.indptr[i + 1]].tolist(),
                          graph.data[graph.indptr[i]:graph.indptr[i + 1]].tolist())) for i in range(graph.shape[0])]
    geo = GeoGraph(graph=adjacency, nodes=[[float(a), float(o)] for a, o in zip(net.lat, net.lon)])
    origin = {"latitude": ROTTERDAM[0], "longitude": ROTTERDAM[1]}
    destination = {"latitude": YOKOHAMA[0], "longitude": YOKOHAMA[1]}
    sea_route("NLRTM", "JPYOK", via="nsr")
    geo.get_shortest_path(origin, destination)
    ours, peer = [], []
    for _ in range(ROUNDS * 5):
        t = time.perf_counter()
        sea_route("NLRTM", "JPYOK", via="nsr")
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        geo.get_shortest_path(origin, destination)
        peer.append(time.perf_counter() - t)
    return ours, peer


def main() -> None:
    times = whole_processes()
    for name, values in times.items():
        print(f"{name[:40]:40s} {_spread(values)} s")
    base = statistics.median(times["searoute script"])
    for name in ("geoclaims route (answer kept)", "geoclaims route (route kept)", "geoclaims route (computed)",
                 "import floor (numpy, scipy.sparse.csgraph, pyproj, shapely)"):
        ratios = [a / b for a, b in zip(times[name], times["searoute script"])]
        print(f"{name} / searoute script: {_spread(ratios)}  (median {statistics.median(times[name]) / base:.2f}x)")
    ours, peer = in_process()
    ratios = [a / b for a, b in zip(ours, peer)]
    print(f"in process, warm: sea_route {statistics.median(ours) * 1e3:.2f} ms, scgraph get_shortest_path "
          f"{statistics.median(peer) * 1e3:.2f} ms; ratio {_spread(ratios)} (goal <= 1.5x)")


if __name__ == "__main__":
    main()
