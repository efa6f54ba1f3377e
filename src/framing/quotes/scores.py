"""Per-article statistics (:func:`quote_stats`) and per-outlet voice balance
(:func:`score_quotes`) of a quotes table."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from framing._compat import renamed
from framing._errors import FramingError, bad_value
from framing.actors import ActorLexicon, load_actors
from framing.measures import measure_id
from framing.quotes.base import QUOTE_COLUMNS, QUOTE_KINDS, column
from framing.text import WORD_RE


def score_quotes(quotes: pd.DataFrame, articles: pd.DataFrame, *, outlet: str = "outlet",
                 lexicon: ActorLexicon | None = None,
                 kinds: Iterable[str] = ("full", "partial", "indirect")) -> pd.DataFrame:
    """Per-outlet balance of voices, as outlet_scores rows with article bootstrap CIs.

    Measures (:func:`framing.measures.measure_id` ``quotes:<statistic>:<side>:``, one per
    side of the lexicon where a side is named):

    * ``per_article`` and ``words_per_article``: quotes and words inside quotes per article;
    * ``share``: share of an outlet's quotes from that side;
    * ``word_share``: share of its quoted words from that side;
    * ``entropy``: Shannon entropy of the side distribution of quotes divided by its
      maximum, log(number of sides) (0 = one side only, 1 = all sides equally);
    * ``official_share``: share of quotes from official sides (states and armies).

    Partial quotes that lie inside an indirect quote count once. Words are counted in the
    quote text; indirect quotes add to quote counts but not to quoted words (they are the
    writer's words).

    Parameters
    ----------
    quotes : DataFrame
        From :func:`framing.quotes.find_quotes`.
    articles : DataFrame
        The articles the quotes came from (``doc_id``, ``outlet``, ``text``): every article
        counts, including those without quotes.
    outlet : str, default="outlet"
        Column of ``articles`` naming the outlet.
    lexicon : ActorLexicon, optional
        Gives the sides and which are official.
    kinds : iterable of str
        Quote kinds counted as voices (scare and title quotes are the writer's framing).
    """
    from framing.stats import outlet_scores

    return outlet_scores(quote_stats(quotes, articles, outlet=outlet, lexicon=lexicon,
                                     kinds=kinds))


quote_scores = renamed(score_quotes, "quote_scores")


def quote_stats(quotes: pd.DataFrame, articles: pd.DataFrame, *, outlet: str = "outlet",
                lexicon: ActorLexicon | None = None,
                kinds: Iterable[str] = ("full", "partial", "indirect")) -> pd.DataFrame:
    """Per-article numerators and denominators of :func:`score_quotes`' measures.

    Returns a :data:`framing.stats.ARTICLE_STAT_COLUMNS` table; its parameters are those of
    :func:`score_quotes`.
    """
    from framing.stats import ArticleStats

    lex = lexicon or load_actors()
    for col in QUOTE_COLUMNS:
        column(quotes, col, None)
    ids = column(articles, "doc_id", None)
    column(articles, outlet, "outlet")
    kinds = tuple(kinds)
    bad = set(kinds) - set(QUOTE_KINDS)
    if bad:
        raise FramingError(bad_value("kinds", "score_quotes", QUOTE_KINDS, sorted(bad)))
    counted = _counted_quotes(quotes, kinds)
    sides = list(lex.sides)
    # Per distinct doc_id: quotes and quoted words by side, all quotes, official quotes.
    uniq = pd.Index(pd.unique(np.asarray(ids, dtype=object)))
    doc = uniq.get_indexer(counted["doc_id"].astype(object))
    keep = doc >= 0
    doc = doc[keep]
    side = pd.Index(sides).get_indexer(counted["speaker_side"].astype(object))[keep]
    n_wq = counted["n_words"].to_numpy(float)[keep]
    official = np.array([lex.is_official(x) for x in counted["speaker_side"]], bool)[keep]
    n_u, n_s = len(uniq), len(sides)
    on_side = side >= 0
    by_side = np.bincount(doc[on_side] * n_s + side[on_side],
                          minlength=n_u * n_s).reshape(n_u, n_s).astype(float)
    words_side = np.bincount(doc[on_side] * n_s + side[on_side], weights=n_wq[on_side],
                             minlength=n_u * n_s).reshape(n_u, n_s)
    all_q = np.bincount(doc, minlength=n_u).astype(float)
    all_w = np.bincount(doc, weights=n_wq, minlength=n_u)
    off_q = np.bincount(doc[official], minlength=n_u).astype(float)
    row_of = uniq.get_indexer(np.asarray(ids, dtype=object))
    out = ArticleStats(articles, outlet=outlet)
    pos = np.arange(len(row_of))  # every article, in corpus order; outlet_scores groups them
    n_q, n_w = all_q[row_of], all_w[row_of]
    for k, side_name in enumerate(sides):
        q_side, w_side = by_side[row_of, k], words_side[row_of, k]
        out.add(measure_id("quotes", "per_article", side_name), pos, q_side, base="articles")
        out.add(measure_id("quotes", "words_per_article", side_name), pos, w_side,
                base="articles")
        out.add(measure_id("quotes", "share", side_name), pos, q_side, n_q, base="quotes")
        out.add(measure_id("quotes", "word_share", side_name), pos, w_side, n_w,
                base="quoted_words")
    out.add(measure_id("quotes", "official_share"), pos, off_q[row_of], n_q, base="quotes")
    out.add(measure_id("quotes", "entropy"), pos, by_side[row_of], base="quotes", parts=sides)
    return out.frame()


def cli_kwargs(args) -> tuple[dict, dict]:
    """Keyword arguments of :func:`framing.quotes.find_quotes` and :func:`quote_stats` from
    ``framing quotes``'s options (see :mod:`framing.registry`)."""
    lexicon = load_actors(args.actors, extend=not args.actors_only) if args.actors \
        else load_actors()
    return {"lexicon": lexicon}, {"lexicon": lexicon}


def _counted_quotes(quotes: pd.DataFrame, kinds: tuple[str, ...]) -> pd.DataFrame:
    keep = quotes[quotes["kind"].isin(kinds)].copy()
    indirect = keep[keep["kind"] == "indirect"]
    spans = {d: list(zip(g["start"], g["end"], strict=True))
             for d, g in indirect.groupby("doc_id")}
    inside = [k == "partial" and any(s <= a and b <= e for s, e in spans.get(d, []))
              for d, k, a, b in zip(keep["doc_id"], keep["kind"], keep["start"], keep["end"],
                                    strict=True)]
    keep = keep[np.array([not x for x in inside], dtype=bool)]  # a list of [] selects columns
    keep["n_words"] = [0 if k == "indirect" else len(WORD_RE.findall(t))
                       for k, t in zip(keep["kind"], keep["text"], strict=False)]
    return keep
