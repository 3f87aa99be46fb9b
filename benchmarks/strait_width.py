"""Benchmark: La Pérouse width, cold, against a brute-force all-pairs pyproj.Geod peer.

Run: ``.venv/bin/python benchmarks/strait_width.py``. Reports, in one run on this machine:
- the cold time of ``geoclaims strait la-perouse`` logic in a fresh interpreter (imports,
  reading the GSHHS index and polygons, computing), best of 3 (target: at most 1 s);
- the time of the geodesic part alone (coastlines already in memory) against the peer:
  every vertex of one coast against every vertex of the other inside the same box, with
  one vectorised ``pyproj.Geod.inv`` call (the peer measures vertices only, so it can only
  be longer or equal);
- the two widths and their difference.
"""

from __future__ import annotations

import subprocess
import sys
import time

import numpy as np
import shapely

COLD = """
import time; t = time.perf_counter()
import geoclaims.world.straits as straits
if {computed}:
    straits.cache_file = lambda *args: None  # the width is computed, not read from the disk cache
w = straits.strait_width("{strait}", "f")
print(time.perf_counter() - t, w.width_km)
"""


def cold_seconds(repeat: int = 3, strait: str = "la-perouse", computed: bool = True) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        code = COLD.format(strait=strait, computed=computed)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
        runs.append((float(out[0]), float(out[1])))
    return min(runs)


def main() -> None:
    from pyproj import Geod

    from geoclaims.datasets import load_straits
    from geoclaims.geo.coastline import landmass_at
    from geoclaims.geo.nearest import _min_distance as min_distance
    from geoclaims.world.coastlines import load_coastline

    cold, width = cold_seconds()
    row = load_straits().loc["la-perouse"]
    box = (row["south"], row["north"], row["west"], row["east"])
    _, sakhalin = landmass_at(load_coastline("f"), row["side_a_lat"], row["side_a_lon"])
    _, hokkaido = landmass_at(load_coastline("f"), row["side_b_lat"], row["side_b_lon"])

    t = time.perf_counter()
    ours = min_distance(sakhalin, hokkaido, box)[0]
    ours_s = time.perf_counter() - t

    def vertices(poly):
        clipped = shapely.clip_by_rect(poly.exterior, box[2], box[0], box[3], box[1])
        return np.array(shapely.get_coordinates(clipped))

    va, vb = vertices(sakhalin), vertices(hokkaido)
    t = time.perf_counter()
    lon1, lat1 = np.repeat(va[:, 0], len(vb)), np.repeat(va[:, 1], len(vb))
    lon2, lat2 = np.tile(vb[:, 0], len(va)), np.tile(vb[:, 1], len(va))
    brute = Geod(ellps="WGS84").inv(lon1, lat1, lon2, lat2)[2].min() / 1000.0
    brute_s = time.perf_counter() - t

    print(f"vertices in box: {len(va)} × {len(vb)} = {len(va) * len(vb):,} pairs")
    print(f"cold (fresh interpreter, best of 3): {cold:.3f} s  (target <= 1 s)  width {width:.4f} km")
    for strait in ("la-perouse", "nevelskoy"):
        computed, _ = cold_seconds(strait=strait)
        kept, _ = cold_seconds(strait=strait, computed=False)
        print(f"{strait}: cold, computed {computed:.3f} s; cold, read from the disk cache {kept:.3f} s")
    print(f"geodesic part, geoclaims: {ours_s:.4f} s  width {ours:.4f} km (exact to segments)")
    print(f"brute-force all-pairs pyproj.Geod: {brute_s:.4f} s  width {brute:.4f} km (vertices only)")
    print(f"speed-up: {brute_s / ours_s:.1f}x; brute force - ours = {(brute - ours) * 1000:.1f} m")


if __name__ == "__main__":
    main()
