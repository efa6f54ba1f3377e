"""Tone toward actors: the sides each sentence names and the mean score of those sentences."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from framing import stats
from framing.actors import find_actors, load_actors
from framing.measures import measure_id
from framing.text import sentence_index
from framing.tone.base import VOICE_GROUPS, add_ratio, per_doc, require


def target_groups() -> dict[str, tuple[str, ...]]:
    """Actors whose treatment :func:`target_tone` compares: a name and the sides it covers,
    from the ``targets`` of the topic's actor lexicon (``framing.topic``)."""
    return {name: tuple(sides) for name, sides in load_actors().targets.items()}


def sentence_targets(text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    """Sides of the target actors (:func:`target_groups`) each sentence of ``text`` names:
    one string per span of ``spans``, sorted sides joined by ``;`` ("" for none)."""
    found: list[set[str]] = [set() for _ in spans]
    if spans:
        wanted = load_actors().target_sides
        for actor in find_actors(text):
            if actor["side"] in wanted:
                i = sentence_index(spans, actor["start"])
                if spans[i][0] <= actor["start"] < spans[i][1]:
                    found[i].add(actor["side"])
    return [";".join(sorted(s)) for s in found]


def target_tone(tone_table: pd.DataFrame, articles: pd.DataFrame, *, outlet: str = "outlet",
                groups: Mapping[str, Sequence[str]] | None = None,
                seed: int = stats.SEED) -> pd.DataFrame:
    """Mean compound score of sentences naming each actor, per outlet and voice.

    Parameters
    ----------
    tone_table : DataFrame
        From :func:`find_tone`.
    articles : DataFrame
        The articles table (for ``outlet`` and word counts).
    outlet : str, default='outlet'
        Column of ``articles`` naming the outlet.
    groups : mapping of str to sequence of str, optional
        Target name -> sides it covers; default :func:`target_groups` (the topic's).
    seed : int
        Seed of the bootstrap.

    Returns
    -------
    DataFrame
        outlet_scores rows; ``measure`` is ``tone:mean:<target>:<narrator|quoted>`` (voice groups
        as in :data:`VOICE_GROUPS`), ``value`` the mean compound score of those sentences,
        with a percentile bootstrap interval resampling articles; ``n_events`` counts the
        sentences. Outlet and target pairs without such sentences have no row.
    """
    return stats.outlet_scores(target_tone_stats(tone_table, articles, outlet=outlet,
                                                 groups=groups), seed=seed)


def target_tone_stats(tone_table: pd.DataFrame, articles: pd.DataFrame, *,
                      outlet: str = "outlet",
                      groups: Mapping[str, Sequence[str]] | None = None) -> pd.DataFrame:
    """Per-article numerators and denominators of :func:`target_tone`."""
    require(articles, outlet, "outlet")
    groups = target_groups() if groups is None else groups
    out = stats.ArticleStats(articles, outlet=outlet)
    sides = tone_table["targets"].fillna("").str.split(";")
    for target, members in groups.items():
        names = set(members)
        mentions = sides.map(lambda found, names=names: bool(names.intersection(found)))
        for vgroup, vnames in VOICE_GROUPS.items():
            sel = tone_table[mentions & tone_table["voice"].isin(vnames)]
            if sel.empty:
                continue
            add_ratio(out, per_doc(sel["compound"], sel["doc_id"]),
                       measure_id("tone", "mean", target, vgroup), "sentences")
    return out.frame()
