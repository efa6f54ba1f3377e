"""Throughput of quote finding and attribution: ``python bench/bench_quotes.py [--repeat N]``.

Runs on the seed articles and FA-KES (the bench corpus), and prints MB/s for the quotation-mark
scan alone and for the whole of :func:`framing.find_quotes` (spans, speakers, sides, relays).
"""

from __future__ import annotations

import argparse
import time

import pandas as pd

from framing.datasets import load_fakes, load_seed
from framing.quotes import _lines, _marked_spans, find_quotes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is kept")
    args = parser.parse_args()
    articles = pd.concat([load_seed(), load_fakes()], ignore_index=True)
    mb = sum(len(t.encode("utf-8")) for t in articles["text"]) / 1e6
    scan = full = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for text in articles["text"]:
            _marked_spans(text, _lines(text))
        scan = min(scan, time.perf_counter() - t0)
        t0 = time.perf_counter()
        quotes = find_quotes(articles)
        full = min(full, time.perf_counter() - t0)
    print(f"{len(articles)} articles, {mb:.2f} MB, {len(quotes)} quotes")
    print(f"quotation-mark scan: {mb / scan:.1f} MB/s")
    print(f"find_quotes (spans, speakers, sides, relays): {mb / full:.2f} MB/s")


if __name__ == "__main__":
    main()
