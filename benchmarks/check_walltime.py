"""Benchmark: wall time of ``geoclaims check`` against importing pandas, matplotlib and geopy.

Run: ``.venv/bin/python benchmarks/check_walltime.py``. Each command runs in a fresh
interpreter, 7 times, alternating, after one warm-up run of each (which also fills the
network cache, as any second run finds it); the medians and their ratio are reported
(target: at most 1.5×). Also prints the peak RSS of each.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
COMMANDS = {
    "geoclaims check": [str(BIN / "geoclaims"), "check"],
    "python -c 'import pandas, matplotlib, geopy'": [sys.executable, "-c", "import pandas, matplotlib, geopy"],
}


def run(cmd) -> tuple[float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - t
    return elapsed, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def main() -> None:
    for cmd in COMMANDS.values():
        run(cmd)
    times = {name: [] for name in COMMANDS}
    peak = {}
    for _ in range(7):
        for name, cmd in COMMANDS.items():
            elapsed, rss = run(cmd)
            times[name].append(elapsed)
            peak[name] = rss
    medians = {name: statistics.median(v) for name, v in times.items()}
    for name, m in medians.items():
        print(f"{name}: median {m:.3f} s (min {min(times[name]):.3f})")
    names = list(COMMANDS)
    ratios = [a / b for a, b in zip(times[names[0]], times[names[1]])]
    check, base = medians[names[0]], medians[names[1]]
    print(f"ratio of medians: {check / base:.2f}x; per round: min {min(ratios):.2f}, "
          f"median {statistics.median(ratios):.2f}, max {max(ratios):.2f}  (target <= 1.5x)")
    print(f"peak RSS of any child so far: {max(peak.values()) / 1024:.0f} MB")


if __name__ == "__main__":
    main()
