"""Throughput of the agency stage in MB of article text per second on one core.

Run: ``python bench/bench_agency.py [--repeat N]``. The corpus is FA-KES (1.5 MB of Syrian-war
news, dense in reports of violence) plus the seed page. Two figures: the whole stage as
:func:`framing.agency.agency` runs it (with quote voices from :mod:`framing.quotes`), and the
event rules alone (voices switched off), so the cost of each part shows. Times are CPU time
(``time.process_time``, the machine may be shared), best of ``--repeat`` runs after one warm-up
run (lexicons loaded, per-word caches filled). Goal: >= 5 MB/s.
"""

from __future__ import annotations

import argparse
import importlib
from unittest import mock

import pandas as pd
from _common import best_of

from framing.datasets import load_fakes, load_seed

# the module, not the function framing.agency that the package re-exports under the same name
ag = importlib.import_module("framing.agency")


def _headline_only(text: str, title: str) -> list[tuple[int, int, str]]:
    return [(0, len(title), "headline")] if title and text.startswith(title) else []


def _best(func, repeat: int) -> float:
    return best_of(repeat, func)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="runs; the fastest counts")
    args = parser.parse_args()
    articles = pd.concat([load_fakes(), load_seed()], ignore_index=True)
    mb = articles["text"].str.len().sum() / 1e6
    ag.agency(articles.head(5))  # load lexicons outside the timing
    n = len(ag.agency(articles))
    full = _best(lambda: ag.agency(articles), args.repeat)
    with mock.patch.object(ag, "_voice_spans", _headline_only):
        rules = _best(lambda: ag.agency(articles), args.repeat)
    print(f"corpus: {len(articles)} articles, {mb:.2f} MB, {n} event mentions")
    print(f"agency stage (with quote voices): {mb / full:.2f} MB/s per core ({full:.2f} s)")
    print(f"event rules only (no quote voices): {mb / rules:.2f} MB/s per core ({rules:.2f} s)")


if __name__ == "__main__":
    main()
