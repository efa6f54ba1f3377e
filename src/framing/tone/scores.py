"""Per-article mean tone and every tone measure per outlet (the stage's ``stats``)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from framing import stats
from framing.measures import measure_id
from framing.tone.attribution import attribution_stats
from framing.tone.base import VOICE_GROUPS, add_ratio, per_doc, require
from framing.tone.hedges import find_hedges, hedge_stats
from framing.tone.targets import target_tone_stats


def article_tone(tone_table: pd.DataFrame, *,
                 voices: Sequence[str] | None = None) -> pd.DataFrame:
    """Mean sentence scores per article.

    Parameters
    ----------
    tone_table : DataFrame
        From :func:`find_tone`.
    voices : sequence of str, optional
        Voices to keep; default every voice but ``embedded``.

    Returns
    -------
    DataFrame
        ``doc_id, n_sentences, compound, pos, neu, neg``.
    """
    keep = _voice_mask(tone_table, voices)
    grouped = tone_table[keep].groupby("doc_id", sort=False)
    out = grouped[["compound", "pos", "neu", "neg"]].mean()
    out.insert(0, "n_sentences", grouped.size())
    return out.reset_index()


def _voice_mask(tone_table: pd.DataFrame, voices: Sequence[str] | None) -> pd.Series:
    if voices is None:
        return tone_table["voice"] != "embedded"
    return tone_table["voice"].isin(list(voices))


def tone_by_outlet(tone_table: pd.DataFrame, articles: pd.DataFrame, *,
                   outlet: str = "outlet", seed: int = stats.SEED) -> pd.DataFrame:
    """Mean compound score of each outlet's sentences, all voices and the narrator's alone.

    Returns outlet_scores rows with ``measure`` ``tone:mean::all`` and ``tone:mean::narrator``
    (embedded material left out of both).
    """
    return stats.outlet_scores(tone_by_outlet_stats(tone_table, articles, outlet=outlet),
                               seed=seed)


def tone_by_outlet_stats(tone_table: pd.DataFrame, articles: pd.DataFrame, *,
                         outlet: str = "outlet") -> pd.DataFrame:
    """Per-article numerators and denominators of :func:`tone_by_outlet`."""
    require(articles, outlet, "outlet")
    out = stats.ArticleStats(articles, outlet=outlet)
    for voice, voices in (("all", None), ("narrator", VOICE_GROUPS["narrator"])):
        sel = tone_table[_voice_mask(tone_table, voices)]
        add_ratio(out, per_doc(sel["compound"], sel["doc_id"]),
                   measure_id("tone", "mean", "", voice), "sentences")
    return out.frame()


def tone_stats(tone_table: pd.DataFrame, articles: pd.DataFrame, *,
               quotes: pd.DataFrame | None = None, outlet: str = "outlet",
               text: str = "text", hedges: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per-article statistics of every tone measure: :func:`tone_by_outlet`,
    :func:`target_tone`, :func:`hedge_scores` (of ``hedges``, the :func:`find_hedges` table
    of ``articles``, found here when None) and, given the quotes table,
    :func:`attribution_scores`."""
    if hedges is None:
        hedges = find_hedges(articles, text=text)
    frames = [tone_by_outlet_stats(tone_table, articles, outlet=outlet),
              target_tone_stats(tone_table, articles, outlet=outlet),
              hedge_stats(hedges, articles, quotes=quotes, outlet=outlet)]
    if quotes is not None:
        frames.append(attribution_stats(quotes, articles, outlet=outlet))
    return pd.concat(frames, ignore_index=True)


def score_tone(tone_table: pd.DataFrame, articles: pd.DataFrame, *,
               quotes: pd.DataFrame | None = None, outlet: str = "outlet", text: str = "text",
               seed: int = stats.SEED) -> pd.DataFrame:
    """Every tone measure per outlet (outlet_scores rows of :func:`tone_stats`)."""
    return stats.outlet_scores(tone_stats(tone_table, articles, quotes=quotes, outlet=outlet,
                                          text=text), seed=seed)


def cli_kwargs(args) -> tuple[dict, dict]:
    """Keyword arguments of :func:`find_tone` and :func:`tone_stats` from ``framing tone``'s
    options (see :mod:`framing.registry`)."""
    return {"voices": not args.no_voices}, {}
