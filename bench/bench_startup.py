"""Start-up cost: what ``import framing`` and ``framing --help`` add to ``import pandas``.

Each figure is the median wall time of ``--repeat`` fresh interpreters (so nothing is cached
in the process; the operating system's file cache is warm after the first). Issue 15's goals:
``import framing`` within 0.2 s of ``import pandas``, ``framing --help`` within 0.3 s. Also
printed: which heavy optional packages a bare ``import framing`` loads (none should).

    .venv/bin/python bench/bench_startup.py --repeat 7
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

HEAVY = ("sklearn", "scipy", "scipy.stats", "dask", "distributed", "nbclient", "trafilatura",
         "matplotlib", "seaborn", "vaderSentiment", "textstat")


def wall(cmd: list[str], repeat: int) -> float:
    """Median seconds of ``repeat`` runs of ``cmd``."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    py = sys.executable
    cli = str(Path(py).with_name("framing"))
    wall([py, "-c", "import framing"], 1)  # warm the file cache
    pandas = wall([py, "-c", "import pandas"], args.repeat)
    framing = wall([py, "-c", "import pandas, framing"], args.repeat)
    helped = wall([cli, "--help"], args.repeat)
    loaded = subprocess.run(
        [py, "-c", f"import sys, framing; print(*[m for m in {HEAVY!r} if m in sys.modules])"],
        check=True, capture_output=True, text=True).stdout.split()
    print(f"import pandas                 {pandas:6.3f} s")
    print(f"import framing (after pandas) +{framing - pandas:5.3f} s   goal <= 0.2 s")
    print(f"framing --help                +{helped - pandas:5.3f} s   goal <= 0.3 s")
    print(f"heavy packages loaded by import framing: {', '.join(loaded) or 'none'}")


if __name__ == "__main__":
    main()
