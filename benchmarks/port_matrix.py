"""Benchmark: the batch port matrix against one searoute call per pair and corridor.

Run: ``.venv/bin/python benchmarks/port_matrix.py [--limit N]``. In one run on this machine it
times ``geoclaims.port_matrix`` for the ports of ``data/matrix_ports.csv`` (network
already loaded, as in a session that has routed once) and a loop of ``searoute.searoute``
calls over the same pairs and corridors (graphs already built, per-pair work only), then
reports the speed ratio and how far the lengths differ.

searoute cannot close the Canadian Northwest Passage without also closing the Chukchi Sea
(both are its ``northwest`` tag), nor every route round Africa (it tags only some edges), so
pairs where its route leaves the corridor (no required passage, or a Canadian Arctic track)
are counted apart and not compared.
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=20, help="ports per region (default 20)")
    args = parser.parse_args()

    import searoute as sr

    from geoclaims.datasets import load_matrix_ports
    from geoclaims.world.routing import port_matrix
    from geoclaims.world.routing import load_network
    from geoclaims.world.routing import find_port

    ports = load_matrix_ports()
    europe = list(ports.loc[ports["region"] == "europe", "locode"])[: args.limit]
    east = list(ports.loc[ports["region"] == "far-east", "locode"])[: args.limit]
    load_network()
    port_matrix(europe[:1], east[:1])  # warm the corridor graphs
    t = time.perf_counter()
    matrix = port_matrix(europe, east)
    ours_s = time.perf_counter() - t

    restrictions = {"nsr": ["suez", "panama", "south_africa", "chili"],
                    "suez": ["northwest", "bering", "panama", "south_africa", "chili"]}
    required = {"nsr": "bering", "suez": "suez"}
    sr.searoute([4.0, 52.0], [139.6, 35.4], units="naut")  # build searoute's graphs once
    lengths, outside = {}, 0
    t = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for o in europe:
            a = find_port(o)
            for d in east:
                b = find_port(d)
                for via in ("nsr", "suez"):
                    f = sr.searoute([a.lon, a.lat], [b.lon, b.lat], units="naut", append_orig_dest=True,
                                    restrictions=restrictions[via], return_passages=True)
                    coords = np.asarray(f.geometry.coordinates)
                    canada = ((coords[:, 1] > 65) & (coords[:, 0] > -100) & (coords[:, 0] < -60)).any()
                    if required[via] in f.properties["traversed_passages"] and not canada:
                        lengths[(o, d, via)] = f.properties["length"]
                    else:
                        outside += 1
    peer_s = time.perf_counter() - t

    diffs = []
    for _, row in matrix.iterrows():
        for via in ("nsr", "suez"):
            key = (row["origin"], row["destination"], via)
            if key in lengths:
                diffs.append(row[f"{via}_nm"] / lengths[key] - 1)
    diffs = np.abs(np.array(diffs))
    n = len(europe) * len(east)
    print(f"pairs: {len(europe)} × {len(east)} = {n}, two corridors each ({2 * n} routes)")
    print(f"geoclaims port_matrix: {ours_s:.2f} s")
    print(f"searoute per-pair loop: {peer_s:.2f} s  (target ratio >= 50x)")
    print(f"speed-up: {peer_s / ours_s:.1f}x")
    print(f"searoute routes outside the corridor (not compared): {outside}")
    print(f"length difference |ours/searoute - 1| over {len(diffs)} routes: median {np.median(diffs):.3%}, "
          f"95th pct {np.percentile(diffs, 95):.3%}, max {diffs.max():.3%}; within 0.5%: {np.mean(diffs <= 0.005):.1%}")


if __name__ == "__main__":
    main()
