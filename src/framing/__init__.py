"""framing: measure how news outlets frame the same events, with numbers you can trace."""

from framing.corpus import ARTICLE_COLUMNS, load_corpus, raw_line, validate_articles
from framing.segment import segment_aggregator, split_aggregator

# --- stage re-exports (one line per public name; keep alphabetical within a stage) ---
from framing.actors import find_actors, load_actors, side_of
from framing.agency import agency, agency_scores, construction_shares, find_events, load_events
from framing.quotes import find_quotes, quote_scores, voice_spans
from framing.readability import readability, readability_by_outlet, text_readability
from framing.text import sentence_spans, sentences
from framing.tone import (article_tone, attribution_scores, find_hedges, hedge_scores,
                          sentence_tone, target_tone, tone, tone_by_outlet)
from framing.pipeline import score
from framing.lexicon import load_lexicon
from framing.stats import log_odds_dirichlet
from framing.terms import TermFamilyVectorizer, distinctive_words, find_terms, kwic, term_scores
# --- end of stage re-exports ---

__version__ = "0.1.0"
