"""Loaded attribution verbs ("claimed", "insisted") among the cues of quotes, per outlet and
side; cue tones come from ``lexicons/cues.yaml``."""

from __future__ import annotations

import functools

import pandas as pd

from framing import stats
from framing._errors import FramingError, bad_entry
from framing.lexicon_io import check_keys, read_yaml
from framing.measures import measure_id
from framing.tone.base import add_ratio, per_doc, require


@functools.lru_cache(maxsize=1)
def _cue_tones() -> dict[str, str]:
    """Lemma and surface form -> "neutral" or "loaded", from ``lexicons/cues.yaml``."""
    source = "framing/lexicons/cues.yaml"
    data = read_yaml("cues.yaml")
    tones = {}
    for i, cue in enumerate(data["cues"]):
        check_keys(source, f"cues[{i}]", cue, {"forms", "lemma", "tone", "clause", "note"}, set())
        for word in [cue["lemma"], *cue["forms"]]:
            tones[str(word).lower()] = cue["tone"]
    return tones


def attribution_scores(quotes: pd.DataFrame, articles: pd.DataFrame, *, outlet: str = "outlet",
                       seed: int = stats.SEED) -> pd.DataFrame:
    """Share of loaded attribution verbs ("claimed", "insisted") among all, per outlet and side.

    Parameters
    ----------
    quotes : DataFrame
        The quotes table (:func:`framing.quotes.find_quotes`); quotes without a cue are left out.
    articles : DataFrame
        The articles table.
    outlet : str, default='outlet'
        Column of ``articles`` naming the outlet.
    seed : int
        Seed of the bootstrap.

    Returns
    -------
    DataFrame
        outlet_scores rows: ``tone:loaded_cue_share::`` over every quote with a cue, and
        ``tone:loaded_cue_share:<side>:`` for quotes of speakers of each side; ``n_events`` counts
        the quotes with a cue. Cue tones come from ``lexicons/cues.yaml`` (neutral: said,
        told...; loaded: claimed, alleged, insisted, admitted, denounced, condemned, accused...).
    """
    return stats.outlet_scores(attribution_stats(quotes, articles, outlet=outlet), seed=seed)


def attribution_stats(quotes: pd.DataFrame, articles: pd.DataFrame, *,
                      outlet: str = "outlet") -> pd.DataFrame:
    """Per-article numerators and denominators of :func:`attribution_scores`."""
    for col in ("doc_id", "cue", "speaker_side"):
        require(quotes, col, "quotes")
    require(articles, outlet, "outlet")
    tones = _cue_tones()
    cues = quotes[quotes["cue"].fillna("").str.len() > 0]
    unknown = sorted(set(cues["cue"].str.lower()) - tones.keys())
    if unknown:
        raise FramingError(bad_entry("framing/lexicons/cues.yaml", ", ".join(unknown),
                                     "is a cue in the quotes table without a tone"))
    cues = cues.assign(loaded=cues["cue"].str.lower().map(tones).eq("loaded").astype(int))
    out = stats.ArticleStats(articles, outlet=outlet)
    subsets = [("", cues), *cues.groupby("speaker_side", sort=True)]
    for side, subset in subsets:
        add_ratio(out, per_doc(subset["loaded"], subset["doc_id"]),
                   measure_id("tone", "loaded_cue_share", str(side)), "cued_quotes")
    return out.frame()
