"""Throughput of quote finding and attribution: ``python bench/bench_quotes.py [--repeat N]``.

Runs on the seed articles and FA-KES (the bench corpus), and prints MB/s for the quotation-mark
scan alone, for the sentence splitter, for :func:`framing.find_quotes` (spans, speakers, sides,
relays) and for :func:`framing.quotes.voice_spans` with and without speakers (what the terms,
tone and agency stages call), each alone, and for the pipeline's order: ``find_quotes`` and then
``voice_spans`` on the same texts, which share one analysis per text.
Times are CPU seconds of this process (``time.process_time``), so the figures are per core and
hold on a shared machine. framing's per-text and per-phrase caches are emptied before every
timed run, so each run starts cold; the best of ``--repeat`` runs is kept. The last figure is
the steady state of a large corpus: only the per-text caches are emptied.

``--phases`` also prints what ``find_quotes`` costs without its parts: without resolving
speakers (the cue's subject phrase is kept as it is found), and without reported speech as
well. The parts are switched off by replacing module functions for the timing only.
"""

from __future__ import annotations

import argparse
from unittest import mock

import pandas as pd
from _common import best_of, bundled_corpus, clear_caches

import framing.quotes.analyse as analyse
from framing.quotes import find_quotes, voice_spans
from framing.quotes.marks import line_spans, marked_spans
from framing.text import clear_text_caches, sentence_spans


def _best(func, repeat: int) -> float:
    return best_of(repeat, func, before=clear_caches)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is kept")
    parser.add_argument("--phases", action="store_true",
                        help="also time find_quotes without speaker resolution and reported speech")
    args = parser.parse_args()
    articles = bundled_corpus()
    texts, titles = list(articles["text"]), [t if isinstance(t, str) else ""
                                             for t in articles["title"]]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    find_quotes(articles.head(5))  # load the lexicons outside the timings
    scan = _best(lambda: [marked_spans(t, line_spans(t)) for t in texts], args.repeat)
    sents = _best(lambda: [sentence_spans(t) for t in texts], args.repeat)
    full = _best(lambda: find_quotes(articles), args.repeat)
    voices = _best(lambda: [voice_spans(t, h) for t, h in zip(texts, titles, strict=True)],
                   args.repeat)
    bare = _best(lambda: [voice_spans(t, h, speakers=False)
                          for t, h in zip(texts, titles, strict=True)], args.repeat)
    both = _best(lambda: (find_quotes(articles),
                          [voice_spans(t, h) for t, h in zip(texts, titles, strict=True)]),
                 args.repeat)
    print(f"{len(articles)} articles, {mb:.2f} MB, {len(find_quotes(articles))} quotes")
    print(f"quotation-mark scan: {mb / scan:.1f} MB/s")
    print(f"sentence_spans: {mb / sents:.1f} MB/s")
    print(f"find_quotes (spans, speakers, sides, relays): {mb / full:.2f} MB/s")
    print(f"voice_spans: {mb / voices:.2f} MB/s")
    print(f"voice_spans(speakers=False): {mb / bare:.1f} MB/s")
    steady = best_of(args.repeat, lambda: find_quotes(articles), before=clear_text_caches)
    print(f"find_quotes then voice_spans (pipeline): {mb / both:.2f} MB/s")
    print(f"find_quotes, steady state (per-text caches emptied, per-name and per-phrase caches "
          f"warm as after a corpus's first thousands of articles): {mb / steady:.2f} MB/s")
    print("goal (issue 4): >= 10 MB/s per core")
    if args.phases:
        _phases(articles, mb, full, args.repeat)


def _phrase_as_speaker(q, phrase, resolver, lex) -> None:
    """Stand-in for ``set_speaker``: the cue's subject phrase, unresolved, is the speaker."""
    q.speaker = phrase


def _phases(articles: pd.DataFrame, mb: float, full: float, repeat: int) -> None:
    with mock.patch.object(analyse, "set_speaker", _phrase_as_speaker):
        no_speakers = _best(lambda: find_quotes(articles), repeat)
        with mock.patch.object(analyse, "indirect_quotes", lambda *args: []):
            marked_only = _best(lambda: find_quotes(articles), repeat)
    print(f"phases (CPU s for {mb:.2f} MB): all {full:.3f}; speaker resolution "
          f"{full - no_speakers:.3f}; reported speech {no_speakers - marked_only:.3f}; "
          f"the rest (marks, cues, sentences, direct attribution, relays, table) "
          f"{marked_only:.3f} = {mb / marked_only:.1f} MB/s")
    budget = mb / 10 - marked_only
    print(f"at 10 MB/s, speaker resolution and reported speech together may take "
          f"{max(budget, 0):.3f} s; they take {full - marked_only:.3f} s "
          f"({(full - marked_only) / max(budget, 1e-9):.0f}x the budget)")


if __name__ == "__main__":
    main()
