"""Benchmark: bulk geodesics through geoclaims against raw pyproj.Geod and a geopy loop.

Run: ``.venv/bin/python benchmarks/geodesics.py``. One run, same random point pairs:
- ``geoclaims.geodesy.distance_km`` (range checks + pyproj) against ``pyproj.Geod.inv``
  on 1,000,000 pairs (target: at least 0.8× pyproj's throughput);
- against ``geopy.distance.geodesic`` in a Python loop on 20,000 pairs (per-pair cost compared);
- the largest difference between the three, in millimetres.
"""

from __future__ import annotations

import time

import numpy as np


def best_of(fn, repeat=5):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def main() -> None:
    from geopy.distance import geodesic
    from pyproj import Geod

    from geoclaims.geo.geodesy import distance_km

    rng = np.random.default_rng(42)
    n = 1_000_000
    lat1, lat2 = rng.uniform(-90, 90, n), rng.uniform(-90, 90, n)
    lon1, lon2 = rng.uniform(-180, 180, n), rng.uniform(-180, 180, n)
    geod = Geod(ellps="WGS84")
    t_raw, raw = best_of(lambda: geod.inv(lon1, lat1, lon2, lat2)[2] / 1000)
    t_ours, ours = best_of(lambda: distance_km(lat1, lon1, lat2, lon2))
    m = 20_000
    t_geopy, geo = best_of(lambda: np.array([geodesic((a, b), (c, d)).km for a, b, c, d in
                                             zip(lat1[:m], lon1[:m], lat2[:m], lon2[:m])]), repeat=1)
    print(f"pairs: {n:,} (geopy loop: {m:,})")
    print(f"pyproj.Geod.inv: {t_raw:.3f} s  ({n / t_raw / 1e6:.2f} M pairs/s)")
    print(f"geoclaims distance_km: {t_ours:.3f} s  ({n / t_ours / 1e6:.2f} M pairs/s)")
    print(f"throughput vs pyproj: {t_raw / t_ours:.2f}x  (target >= 0.8x)")
    per_geopy, per_ours = t_geopy / m, t_ours / n
    print(f"geopy loop: {t_geopy:.3f} s for {m:,}  -> geoclaims is {per_geopy / per_ours:.0f}x faster per pair")
    print(f"max |geoclaims - pyproj| = {np.max(np.abs(ours - raw)) * 1e6:.3f} mm; "
          f"max |geoclaims - geopy| = {np.max(np.abs(ours[:m] - geo)) * 1e6:.3f} mm")


if __name__ == "__main__":
    main()
