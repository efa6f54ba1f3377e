"""Tone: VADER sentiment per sentence and article, toward each actor, by voice; loaded
attribution verbs and hedging.

Modules: ``sentiment`` (VADER scores, each sentence's voice, the **tone** table of
:func:`find_tone`), ``targets`` (the actors each sentence names, :func:`target_tone`),
``hedges`` (:func:`find_hedges` and rates of hedges, distancing and scare quotes),
``attribution`` (loaded attribution verbs of quotes), ``scores`` (:func:`article_tone`,
:func:`tone_by_outlet`, the stage's :func:`tone_stats` and :func:`score_tone`), ``validity``
(:func:`tone_validity` against human ratings) and ``base`` (voice groups, per-article ratios).
How far to trust VADER is told in ``sentiment``.
"""

from framing._compat import callable_module, renamed
from framing.tone.attribution import attribution_scores, attribution_stats
from framing.tone.base import VOICE_GROUPS
from framing.tone.base import add_ratio as add_ratio  # public helpers kept importable here
from framing.tone.base import per_doc as per_doc
from framing.tone.base import require as require
from framing.tone.hedges import (
    HEDGE_COLUMNS,
    HEDGE_FAMILIES,
    find_hedges,
    hedge_patterns,
    hedge_scores,
    hedge_stats,
)
from framing.tone.scores import (
    article_tone,
    cli_kwargs,
    score_tone,
    tone_by_outlet,
    tone_by_outlet_stats,
    tone_stats,
)
from framing.tone.sentiment import (
    TONE_COLUMNS,
    analyzer,
    find_tone,
    sentence_tone,
    tone_in_text,
)
from framing.tone.targets import sentence_targets, target_groups, target_tone, target_tone_stats
from framing.tone.validity import tone_validity

__all__ = ["HEDGE_COLUMNS", "HEDGE_FAMILIES", "TONE_COLUMNS", "VOICE_GROUPS", "analyzer",
           "article_tone", "attribution_scores", "attribution_stats", "cli_kwargs",
           "find_hedges", "find_tone", "hedge_patterns", "hedge_scores", "hedge_stats",
           "score_tone", "sentence_targets", "sentence_tone", "target_groups", "target_tone",
           "target_tone_stats", "tone_by_outlet", "tone_by_outlet_stats", "tone_in_text",
           "tone_stats", "tone_validity"]


def __getattr__(name: str):
    if name == "TARGET_GROUPS":  # a constant before topics; the topic's targets now
        import warnings

        warnings.warn("tone.TARGET_GROUPS is renamed tone.target_groups()", FutureWarning,
                      stacklevel=2)
        return target_groups()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


tone = renamed(find_tone, "tone")
callable_module(__name__, "find_tone")
