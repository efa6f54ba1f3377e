"""framing: measure how news outlets frame the same events, with numbers you can trace.

Each stage module (``framing.terms``, ``framing.quotes``, ``framing.agency``, ``framing.tone``,
``framing.readability``) follows one naming grammar: ``<x>_in_text`` for one text,
``find_<x>`` for an articles table, ``<stage>_stats`` for per-article statistics and
``score_<x>`` for per-outlet scores. :mod:`framing.registry` lists them.
"""

from framing._lazy import lazy_exports
from framing.actors import find_actors, load_actors, side_of
from framing.agency import (
    construction_shares,
    events_in_text,
    find_events,
    load_events,
    score_agency,
)
from framing.corpus import ARTICLE_COLUMNS, load_corpus, raw_line, validate_articles, write_table
from framing.lexicon import load_lexicon
from framing.pipeline import score
from framing.quotes import find_quotes, quotes_in_text, score_quotes, voice_spans
from framing.readability import find_readability, readability_in_text, score_readability
from framing.segment import segment_aggregator, split_aggregator
from framing.stats import bootstrap_ci, log_odds_dirichlet
from framing.terms import distinctive_words, find_terms, kwic, score_terms, terms_in_text
from framing.text import sentence_spans, sentences
from framing.tone import (
    article_tone,
    attribution_scores,
    find_hedges,
    find_tone,
    hedge_scores,
    score_tone,
    sentence_tone,
    target_tone,
    tone_by_outlet,
    tone_in_text,
)
from framing.topic import use_topic

__all__ = [
    "ARTICLE_COLUMNS", "article_tone", "attribution_scores", "bootstrap_ci", "construction_shares",
    "distinctive_words", "events_in_text", "find_actors", "find_events", "find_hedges",
    "find_quotes", "find_readability", "find_terms", "find_tone", "hedge_scores", "kwic",
    "load_actors", "load_corpus", "load_events", "load_lexicon", "log_odds_dirichlet",
    "quotes_in_text", "raw_line", "readability_in_text", "score", "score_agency", "score_quotes",
    "score_readability", "score_terms", "score_tone", "segment_aggregator", "sentence_spans",
    "sentence_tone", "sentences", "side_of", "split_aggregator", "target_tone",
    "TermFamilyVectorizer", "terms_in_text", "tone_by_outlet", "tone_in_text", "use_topic",
    "validate_articles", "voice_spans", "write_table",
]
__version__ = "0.1.0"


# scikit-learn loads on first use of the vectorizer, not with framing
__getattr__ = lazy_exports("framing", {"TermFamilyVectorizer": "framing.vectorize"})
