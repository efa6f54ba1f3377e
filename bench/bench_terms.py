"""Throughput of ``find_terms`` against the bare ``text.lower().split()`` floor, same run.

The corpus is FA-KES plus the seed page's articles, repeated to about ``--mb`` megabytes (each
copy's texts distinct: see ``_common.bundled_corpus``). Both figures are the best of
``--repeat`` runs, in CPU seconds of this process (per core).
Issue 3's goal: find_terms (with referents and voices) at >= 40% of the bare-split throughput.

    .venv/bin/python bench/bench_terms.py --mb 8 --repeat 3
"""

from __future__ import annotations

import argparse

import pandas as pd
from _common import best_of, bundled_corpus, clear_caches

from framing.lexicon import load_lexicon
from framing.terms import find_terms
from framing.terms.patterns import compile_lexicon, scan
from framing.text import clear_text_caches, sentence_spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=8.0, help="corpus size in megabytes")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best one counts")
    args = parser.parse_args()
    articles = bundled_corpus(args.mb)
    texts = articles["text"].tolist()
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    find_terms(articles.head(50))  # compile the lexicon and warm caches outside the timing

    sentences = pd.DataFrame(
        [(d, i, a, b) for d, t in zip(articles["doc_id"], texts, strict=True)
         for i, (a, b) in enumerate(sentence_spans(t))],
        columns=["doc_id", "sent_id", "start", "end"])

    t_split = best_of(args.repeat, lambda: [t.lower().split() for t in texts])
    compiled = compile_lexicon(load_lexicon())
    t_match = best_of(args.repeat, lambda: [scan(t, compiled) for t in texts])
    runs = {
        "sentences given, voices by quotation marks": dict(sentences=sentences, speakers=False),
        "sentences given, speakers (framing.quotes)": dict(sentences=sentences),
        "splitting sentences itself, speakers": {},
    }
    times = {label: best_of(args.repeat, lambda kw=kw: find_terms(articles, **kw),
                            before=clear_caches)  # sentences and voices are cached per text
             for label, kw in runs.items()}
    steady = best_of(args.repeat, lambda: find_terms(articles, sentences=sentences),
                     before=clear_text_caches)
    n_hits = len(find_terms(articles, sentences=sentences))
    split_rate = mb / t_split
    print(f"corpus: {len(texts)} articles, {mb:.1f} MB; {n_hits} hits")
    print(f"bare text.lower().split(): {split_rate:6.1f} MB/s")
    print(f"matcher alone (labels + referent cues, boundaries, longest match): "
          f"{mb / t_match:6.1f} MB/s = {100 * t_split / t_match:3.0f}% of the bare split")
    for label, t in times.items():
        print(f"find_terms, {label}: {mb / t:6.1f} MB/s = {100 * t_split / t:3.0f}% of the "
              "bare split")
    print(f"find_terms, sentences given, speakers, steady state (per-phrase caches warm): "
          f"{mb / steady:6.1f} MB/s = {100 * t_split / steady:3.0f}% of the bare split")
    print("goal (issue 3): >= 40% of the bare split")


if __name__ == "__main__":
    main()
