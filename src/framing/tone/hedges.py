"""Hedging and distancing markers ("alleged", "so-called", "purportedly") of
``lexicons/hedges.yaml``, and their rates per outlet with scare quotes."""

from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd

from framing import stats
from framing._errors import FramingError, bad_entry
from framing.corpus import embed_spans
from framing.lexicon_io import check_keys, read_yaml
from framing.measures import measure_id
from framing.text import sentence_index, sentence_spans
from framing.tone.base import require

HEDGE_COLUMNS = ["doc_id", "sent_id", "start", "end", "family", "term", "match"]
_HEDGE_KEYS = {"id", "family", "pattern", "note"}
HEDGE_FAMILIES = ("distancing", "hedge")


@functools.lru_cache(maxsize=1)
def hedge_patterns() -> tuple[tuple[str, str, re.Pattern], ...]:
    source = "framing/lexicons/hedges.yaml"
    data = read_yaml("hedges.yaml")
    check_keys(source, "<top level>", data, {"markers"}, {"version"})
    out = []
    for i, entry in enumerate(data["markers"]):
        check_keys(source, f"markers[{i}]", entry, _HEDGE_KEYS, set())
        if entry["family"] not in HEDGE_FAMILIES:
            raise FramingError(bad_entry(source, entry["id"], f"has family {entry['family']!r}; "
                                         f"allowed are {list(HEDGE_FAMILIES)}"))
        try:
            regex = re.compile(rf"\b(?:{entry['pattern']})\b", re.IGNORECASE)
        except re.error as exc:
            raise FramingError(
                bad_entry(source, entry["id"], f"has a bad pattern ({exc})")) from exc
        out.append((entry["family"], entry["id"], regex))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _any_hedge() -> re.Pattern:
    """Every marker's pattern without its word boundaries: no match, no marker in the text."""
    bare = (r.pattern.removeprefix(r"\b(?:").removesuffix(r")\b") for _, _, r in hedge_patterns())
    return re.compile("|".join(f"(?:{b})" for b in bare), re.IGNORECASE)


def find_hedges(articles: pd.DataFrame, *, text: str = "text",
                doc_id: str = "doc_id") -> pd.DataFrame:
    """Find hedging and distancing markers ("alleged", "so-called", "purportedly").

    Markers come from ``lexicons/hedges.yaml``; matches inside embedded material are left out.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, start, end, family, term, match``.
    """
    require(articles, text, "text")
    require(articles, doc_id, "doc_id")
    patterns = hedge_patterns()
    any_marker = _any_hedge()
    n = len(articles)
    embeds = articles["embeds"].tolist() if "embeds" in articles.columns else [None] * n
    rows = []
    for ident, body, emb in zip(articles[doc_id].tolist(), articles[text].tolist(), embeds,
                                strict=True):
        if not any_marker.search(body):
            continue  # no marker's pattern occurs anywhere
        spans = None
        skip = embed_spans({"embeds": emb})
        for family, term, regex in patterns:
            for m in regex.finditer(body):
                if any(a <= m.start() < b for a, b in skip):
                    continue
                if spans is None:
                    spans = sentence_spans(body)
                rows.append((ident, sentence_index(spans, m.start()), m.start(), m.end(),
                             family, term, m.group()))
    frame = pd.DataFrame(rows, columns=HEDGE_COLUMNS)
    return frame.sort_values(["doc_id", "start"], ignore_index=True).astype(
        {"sent_id": "int64", "start": "int64", "end": "int64"})


def hedge_scores(hedges: pd.DataFrame, articles: pd.DataFrame, *,
                 quotes: pd.DataFrame | None = None, outlet: str = "outlet",
                 seed: int = stats.SEED) -> pd.DataFrame:
    """Hedges, distancing markers and scare quotes per 1,000 words, per outlet.

    Parameters
    ----------
    hedges : DataFrame
        From :func:`find_hedges`.
    articles : DataFrame
        The articles table; words are counted without embedded material.
    quotes : DataFrame, optional
        The quotes table; its ``kind == "scare"`` rows give the ``scare_quote`` rate.
    outlet : str, default='outlet'
        Column of ``articles`` naming the outlet.
    seed : int
        Seed of the bootstrap.

    Returns
    -------
    DataFrame
        outlet_scores rows with ``measure`` ``tone:rate:distancing:``, ``tone:rate:hedge:``
        (and ``tone:rate:scare_quote:``), rates per 1,000 words with bootstrap intervals
        resampling articles.
    """
    return stats.outlet_scores(hedge_stats(hedges, articles, quotes=quotes, outlet=outlet),
                               seed=seed)


def hedge_stats(hedges: pd.DataFrame, articles: pd.DataFrame, *,
                quotes: pd.DataFrame | None = None, outlet: str = "outlet") -> pd.DataFrame:
    """Per-article numerators and denominators of :func:`hedge_scores`."""
    require(articles, outlet, "outlet")
    events = {family: hedges[hedges["family"] == family] for family in HEDGE_FAMILIES}
    if quotes is not None:
        require(quotes, "kind", "quotes")
        events["scare_quote"] = quotes[quotes["kind"] == "scare"]
    out = stats.ArticleStats(articles, outlet=outlet)
    pos = np.arange(len(out.doc_ids))  # every article, in corpus order
    for name, found in events.items():
        nums = found.groupby("doc_id").size().reindex(out.doc_ids, fill_value=0)
        out.add(measure_id("tone", "rate", name), pos, nums.to_numpy(float), out.words,
                base="words", scale=1000.0)
    return out.frame()
