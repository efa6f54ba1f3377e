"""Scoring term hits: per-article statistics (:func:`term_stats`) and per-outlet rates and
shares with bootstrap intervals (:func:`score_terms`)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from framing._compat import renamed
from framing.lexicon import Lexicon, load_lexicon
from framing.measures import legacy_measure, measure_id
from framing.measures import parse_measure as parse_id
from framing.quotes import voice_spans as quote_voice_spans
from framing.stats import SEED, ArticleStats, outlet_scores
from framing.terms.checks import check_articles, require_column
from framing.terms.find import TERM_HIT_COLUMNS, find_terms
from framing.terms.voices import parse_embeds
from framing.text import count_words

#: Voices of :func:`score_terms`: every hit, or the outlet's own narration only.
SCORE_VOICES = ("all", "narrator")


def doc_words(text: str, title: str, embeds: list) -> tuple[int, int]:
    """Words of the outlet (embeds left out) and words of its narration alone.

    Narration leaves out the headline, quotations and interview turns (the regions of
    :func:`framing.quotes.voice_spans`, found without attributing speakers).
    Both are :func:`framing.text.count_words` counts (words starting outside the spans), from
    one pass over the words.
    """
    emb = [(s, e) for s, e, _ in embeds]
    other = [(s, e) for s, e, _, _ in quote_voice_spans(text, title, speakers=False)]
    return count_words(text, emb), count_words(text, emb + other)


def score_terms(
    hits: pd.DataFrame | None,
    articles: pd.DataFrame,
    *,
    lexicon: Lexicon | str | None = None,
    outlet: str = "outlet",
    text: str = "text",
    seed: int = SEED,
    speakers: bool = True,
) -> pd.DataFrame:
    """Score each outlet's labels: rates per 1,000 words and label shares, with 95% CIs.

    Measures (the ``measure`` column), each for voice ``all`` and ``narrator``:

    - ``terms:rate:<family>:<term>:<voice>``: hits per 1,000 words; ``<term>`` ``*`` is the
      whole family. ``n_events`` is the hit count. Words exclude embedded material; for the
      narrator voice they also exclude the headline, quotation marks' spans and interview
      turns, so the rate is per 1,000 words of the outlet's own narration.
    - ``terms:share:<share>:<voice>``: the lexicon's shares (e.g. ``regime_vs_government``,
      regime / (regime + government) for the Syrian referent); ``n_events`` is the
      denominator count.

    Intervals resample articles within an outlet (:func:`framing.stats.bootstrap_ci`).

    Parameters
    ----------
    hits : DataFrame or None
        term_hits from :func:`find_terms` with the same lexicon; None: found here.
    articles : DataFrame
        Articles table with ``doc_id``, the text column and the outlet column.
    lexicon : Lexicon, path or None
        Lexicon for matching and for the list of terms and shares.
    outlet, text : str
        Columns holding the outlet and the text.
    seed : int
        Bootstrap seed.
    speakers : bool, default=True
        As in :func:`find_terms` (used when ``hits`` is not given).

    Returns
    -------
    DataFrame
        outlet_scores rows (see :func:`framing.stats.outlet_scores_frame`).
    """
    return outlet_scores(term_stats(hits, articles, lexicon=lexicon, outlet=outlet, text=text,
                                    speakers=speakers), seed=seed)


def term_stats(
    hits: pd.DataFrame | None,
    articles: pd.DataFrame,
    *,
    lexicon: Lexicon | str | None = None,
    outlet: str = "outlet",
    text: str = "text",
    speakers: bool = True,
) -> pd.DataFrame:
    """Per-article numerators and denominators of :func:`score_terms`' measures.

    Returns a :data:`framing.stats.ARTICLE_STAT_COLUMNS` table; parameters as in
    :func:`score_terms` (``hits`` None: found here).
    """
    articles = check_articles(articles, "score_terms")
    lex = load_lexicon(lexicon)
    for col, param in ((outlet, "outlet"), (text, "text"), ("doc_id", "")):
        require_column(articles, col, "score_terms", param)
    if hits is None:
        hits = find_terms(articles, lex, text=text, speakers=speakers)
    for col in TERM_HIT_COLUMNS:
        require_column(hits, col, "score_terms", "")
    doc_ids = articles["doc_id"].astype(str).tolist()
    titles = articles["title"].tolist() if "title" in articles.columns else [""] * len(doc_ids)
    embeds = articles["embeds"].tolist() if "embeds" in articles.columns else [None] * len(doc_ids)
    words = np.array([doc_words(t, ti if isinstance(ti, str) else "", parse_embeds(em))
                      for t, ti, em in zip(articles[text].tolist(), titles, embeds, strict=True)],
                     dtype=float).reshape(-1, 2)
    counts = _count_matrices(hits, lex, doc_ids)
    out = ArticleStats(articles, outlet=outlet, text=text)
    idx = np.arange(len(doc_ids))  # every article, in corpus order; outlet_scores groups them
    for v, voice in enumerate(SCORE_VOICES):
        wcol = words[:, v]
        base = "words" if voice == "all" else f"{voice}_words"
        rates, shares = counts[voice]
        k = 0
        for fam in lex.families:
            fam_counts = np.zeros(len(idx))
            for term in fam.terms:
                c = rates[:, k]
                k += 1
                fam_counts += c
                out.add(measure_id("terms", "rate", term.name, voice, family=fam.name), idx,
                        c, wcol, base=base, scale=1000.0)
            out.add(measure_id("terms", "rate", "*", voice, family=fam.name), idx,
                    fam_counts, wcol, base=base, scale=1000.0)
        for share, (num, den) in zip(lex.shares, shares, strict=True):
            out.add(measure_id("terms", "share", share.name, voice), idx, num, den,
                    base="labels")
    return out.frame()


def cli_kwargs(args) -> tuple[dict, dict]:
    """Keyword arguments of :func:`find_terms` and :func:`term_stats` from ``framing terms``'s
    options (see :mod:`framing.registry`)."""
    lexicon = load_lexicon(args.lexicon, extend=not args.lexicon_only)
    return {"lexicon": lexicon}, {"lexicon": lexicon}


def _count_matrices(hits: pd.DataFrame, lex: Lexicon, doc_ids: list[str]) -> dict:
    """Per voice: hits per (document, term) and per-document share numerators/denominators."""
    row_of = {d: i for i, d in enumerate(doc_ids)}
    col_of = {(f.name, t.name): k for k, (f, t) in enumerate(lex.iter_terms())}
    h = hits[hits["voice"] != "embedded"]
    out = {}
    for voice in SCORE_VOICES:
        vh = h if voice == "all" else h[h["voice"] == voice]
        rows = np.array([row_of.get(d, -1) for d in vh["doc_id"].tolist()], dtype=int)
        cols = np.array([col_of.get(k, -1) for k in zip(vh["family"].tolist(),
                                                        vh["term"].tolist(), strict=True)],
                        dtype=int)
        keep = (rows >= 0) & (cols >= 0)
        rates = np.zeros((len(doc_ids), len(col_of)))
        np.add.at(rates, (rows[keep], cols[keep]), 1.0)
        families = vh["family"].to_numpy()
        referents = vh["referent"].to_numpy()
        shares = []
        for share in lex.shares:
            ok = (families == share.family) & (rows >= 0)
            if share.referent is not None:
                ok &= referents == share.referent
            names = lex.family(share.family).term_names()
            pair = []
            for terms in (share.numerator, share.denominator):
                mask = ok & vh["term"].isin(names if "*" in terms else list(terms)).to_numpy()
                pair.append(np.bincount(rows[mask], minlength=len(doc_ids)).astype(float))
            shares.append(tuple(pair))
        out[voice] = (rates, shares)
    return out


def parse_measure(measure: str) -> dict[str, str]:
    """Deprecated: use :func:`framing.measures.parse_measure` (this accepts old names too)."""
    warnings.warn("framing.terms.parse_measure is deprecated; use "
                  "framing.measures.parse_measure", FutureWarning, stacklevel=2)
    if measure.count(":") != 3:
        measure = legacy_measure(measure)
    return parse_id(measure)


def _term_scores(
    articles: pd.DataFrame,
    hits: pd.DataFrame | None = None,
    *,
    lexicon: Lexicon | str | None = None,
    outlet: str = "outlet",
    text: str = "text",
    seed: int = SEED,
    speakers: bool = True,
) -> pd.DataFrame:
    return score_terms(hits, articles, lexicon=lexicon, outlet=outlet, text=text, seed=seed,
                       speakers=speakers)


_term_scores.__name__ = _term_scores.__qualname__ = "score_terms"
#: Old name and argument order (articles first) of :func:`score_terms`.
term_scores = renamed(_term_scores, "term_scores")
