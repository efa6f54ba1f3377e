"""Terminology framing: which labels each outlet uses, for whom, and in whose voice.

:func:`find_terms` turns an articles table into **term_hits** (one row per label found, with
offsets, the referent the label points at and the voice it is spoken in); :func:`score_terms`
aggregates hits into per-outlet rates and label shares with bootstrap intervals;
:func:`kwic` shows the sentences behind any count; :class:`~framing.vectorize.TermFamilyVectorizer`
gives per-document family rates to scikit-learn.

Modules: :mod:`~framing.terms.patterns` (lexicon -> automata, scanning),
:mod:`~framing.terms.referents` (whom a label means), :mod:`~framing.terms.voices` (whose
words), :mod:`~framing.terms.find` (hits), :mod:`~framing.terms.scores` (statistics),
:mod:`~framing.terms.distinctive` (Fightin' Words) and :mod:`~framing.terms.concordance`
(kwic).
"""

from framing._lazy import lazy_exports
from framing.terms.concordance import KWIC_COLUMNS, KwicFrame, kwic
from framing.terms.distinctive import distinctive_words, word_counts
from framing.terms.find import TERM_HIT_COLUMNS, find_terms, find_terms_in_text, terms_in_text
from framing.terms.scores import (
    SCORE_VOICES,
    cli_kwargs,
    parse_measure,
    score_terms,
    term_scores,
    term_stats,
)
from framing.terms.voices import VOICES, voice_spans

__all__ = [
    "KWIC_COLUMNS", "SCORE_VOICES", "TERM_HIT_COLUMNS", "VOICES", "KwicFrame",
    "TermFamilyVectorizer", "cli_kwargs", "distinctive_words", "find_terms",
    "find_terms_in_text", "kwic", "parse_measure", "score_terms", "term_scores", "term_stats",
    "terms_in_text", "voice_spans", "word_counts",
]

# scikit-learn loads on first use of the vectorizer, not with framing.terms
__getattr__ = lazy_exports("framing.terms", {"TermFamilyVectorizer": "framing.vectorize"})
