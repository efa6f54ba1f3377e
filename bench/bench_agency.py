"""Throughput of the agency stage in MB of article text per second on one core.

Run: ``python bench/bench_agency.py [--repeat N]``. The corpus is FA-KES (1.5 MB of Syrian-war
news, dense in reports of violence) plus the seed page; MB are millions of UTF-8 bytes of text.
Figures: the whole stage as :func:`framing.agency.find_events` runs it (with quote voices from
:mod:`framing.quotes`), as in the pipeline (sentences already split by its sentences stage) and
splitting sentences itself; and the event rules alone (voices switched off), so the cost of each
part shows. Times are CPU time (``time.process_time``, the machine may be shared), best of
``--repeat`` runs after one warm-up run (lexicons loaded, per-word and per-phrase caches filled, as
after the first thousands of articles of a large corpus; per-text caches such as sentences and
quote voices are emptied before each run); the warm-up run is shown too (a process's first corpus:
every cache empty). Goal: >= 5 MB/s.
"""

from __future__ import annotations

import argparse
import importlib
from unittest import mock

from _common import best_of, bundled_corpus, cpu_seconds

from framing.text import clear_text_caches, sentence_spans

# the package, not the function framing.agency that framing re-exports under the same name
ag = importlib.import_module("framing.agency")
find = importlib.import_module("framing.agency.find")  # where quote voices are read


def _headline_only(text: str, title: str) -> list[tuple[int, int, str]]:
    return [(0, len(title), "headline")] if title and text.startswith(title) else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="runs; the fastest counts")
    args = parser.parse_args()
    articles = bundled_corpus()
    texts = articles["text"].tolist()
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    ag.find_events(articles.head(5))  # load lexicons outside the timing
    events = []
    first = cpu_seconds(lambda: events.append(ag.find_events(articles)))
    n = len(events[0])

    def split_first() -> None:  # the pipeline's sentences stage has split them already
        clear_text_caches()
        for t in texts:
            sentence_spans(t)

    given = best_of(args.repeat, lambda: ag.find_events(articles), before=split_first)
    itself = best_of(args.repeat, lambda: ag.find_events(articles), before=clear_text_caches)
    with mock.patch.object(find, "_voice_spans", _headline_only):
        rules = best_of(args.repeat, lambda: ag.find_events(articles), before=split_first)
    print(f"corpus: {len(articles)} articles, {mb:.2f} MB, {n} event mentions")
    print(f"agency stage, sentences split by the pipeline's sentences stage: {mb / given:.2f} "
          f"MB/s per core ({given:.2f} s)")
    print(f"agency stage, splitting sentences itself: {mb / itself:.2f} MB/s per core "
          f"({itself:.2f} s)")
    print(f"first run (every cache empty): {mb / first:.2f} MB/s per core ({first:.2f} s)")
    print(f"event rules only (no quote voices, sentences split): {mb / rules:.2f} MB/s per core "
          f"({rules:.2f} s)")
    print("goal (issue 10): >= 5 MB/s per core for the stage")


if __name__ == "__main__":
    main()
