"""Distinctive words: which words set one group of outlets apart ("Fightin' Words")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import pandas as pd

from framing._errors import FramingError, bad_value
from framing.terms.checks import check_articles, require_column
from framing.terms.voices import parse_embeds
from framing.text import word_spans


def word_counts(texts: Iterable[str], embeds: Iterable[object] | None = None) -> pd.Series:
    """Count lower-cased words over ``texts``, leaving out embedded spans."""
    counts: Counter[str] = Counter()
    texts = list(texts)
    embeds = [None] * len(texts) if embeds is None else list(embeds)
    for t, emb in zip(texts, embeds, strict=True):
        spans = [(s, e) for s, e, _ in parse_embeds(emb)]
        counts.update(t[a:b].lower().replace("’", "'") for a, b in word_spans(t)
                      if not any(s <= a < e for s, e in spans))
    return pd.Series(counts, dtype=float).sort_index()


def distinctive_words(
    articles: pd.DataFrame,
    group: str | Sequence[str],
    versus: str | Sequence[str] | None = None,
    *,
    outlet: str = "outlet",
    text: str = "text",
    prior: float | str = 0.01,
    min_count: int = 1,
) -> pd.DataFrame:
    """Words that set one group of outlets apart from another ("Fightin' Words").

    Parameters
    ----------
    articles : DataFrame
        Articles table.
    group : str or list of str
        Outlet(s) of group a.
    versus : str or list of str, optional
        Outlet(s) of group b; default every other outlet.
    outlet, text : str
        Columns of ``articles``.
    prior : float or 'pooled', default=0.01
        Dirichlet prior of :func:`framing.stats.log_odds_dirichlet`.
    min_count : int, default=1
        Drop words seen fewer times than this in both groups together.

    Returns
    -------
    DataFrame
        ``word, count_a, count_b, prior, delta, var, z``; positive z leans to ``group``.
    """
    from framing.stats import log_odds_dirichlet

    articles = check_articles(articles, "distinctive_words")
    col = require_column(articles, outlet, "distinctive_words", "outlet")
    require_column(articles, text, "distinctive_words", "text")
    a_names = [group] if isinstance(group, str) else list(group)
    in_a = col.isin(a_names)
    in_b = ~in_a if versus is None else col.isin([versus] if isinstance(versus, str)
                                                 else list(versus))
    for name, mask in (("group", in_a), ("versus", in_b)):
        if not mask.any():
            raise FramingError(bad_value(name, "distinctive_words", sorted(col.unique()),
                                         group if name == "group" else versus))
    emb = articles["embeds"] if "embeds" in articles.columns else pd.Series([None] * len(col),
                                                                            index=col.index)
    ca = word_counts(articles.loc[in_a, text], emb[in_a])
    cb = word_counts(articles.loc[in_b, text], emb[in_b])
    res = log_odds_dirichlet(ca, cb, prior=prior)
    return res[res["count_a"] + res["count_b"] >= min_count].reset_index(drop=True)
