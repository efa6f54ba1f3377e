"""Time each text function on adversarial input against prose of the same size.

Prints, per function and input, seconds on prose, seconds on the hostile text, and their ratio.
A ratio near 1 (or below) means linear time; a regex blow-up shows as a ratio of hundreds.

    .venv/bin/python bench/bench_hostile.py [--kb 200]
"""

from __future__ import annotations

import argparse
import time

import pandas as pd

from framing import config
from framing.agency import find_events
from framing.corpus import validate_articles
from framing.quotes import find_quotes
from framing.readability import find_readability
from framing.segment import split_aggregator
from framing.terms import find_terms
from framing.text import sentence_spans, word_spans
from framing.tone import find_tone


def _article(text: str) -> pd.DataFrame:
    return validate_articles(pd.DataFrame({"doc_id": ["h"], "text": [text], "outlet": ["X"]}))


FUNCTIONS = {
    "sentence_spans": sentence_spans,
    "word_spans": word_spans,
    "split_aggregator": split_aggregator,
    "find_terms": lambda t: find_terms(_article(t)),
    "find_quotes": lambda t: find_quotes(_article(t)),
    "find_events": lambda t: find_events(_article(t)),
    "tone": lambda t: find_tone(_article(t)),
    "readability": lambda t: find_readability(_article(t)),
}


def hostile_inputs(n: int) -> dict[str, str]:
    return {
        "curly quotes": "“" * n,
        "straight quotes": '"' * n,
        "no spaces": ("regime" * (n // 6 + 1))[:n],
        "nested brackets": "(" * (n // 2) + ")" * (n // 2),
        "dots": ". " * (n // 2),
        "one long line": ("The regime said “it was shot down” by the US. " * (n // 45 + 1))[:n],
    }


def _time(func, text: str) -> float:
    start = time.perf_counter()
    func(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=200, help="size of each input in kB")
    args = parser.parse_args()
    n = args.kb * 1000
    seed = config.SEED_FILE.read_text(encoding="utf-8")
    prose = (seed * (n // len(seed) + 1))[:n]
    print(f"{'function':<17} {'input':<16} {'prose s':>8} {'hostile s':>9} {'ratio':>6}")
    for name, func in FUNCTIONS.items():
        base = _time(func, prose)
        for label, text in hostile_inputs(n).items():
            spent = _time(func, text)
            print(f"{name:<17} {label:<16} {base:8.3f} {spent:9.3f} {spent / base:6.2f}")


if __name__ == "__main__":
    main()
