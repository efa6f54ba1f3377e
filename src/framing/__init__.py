"""framing: measure how news outlets frame the same events, with numbers you can trace."""

from framing.corpus import ARTICLE_COLUMNS, load_corpus, raw_line, validate_articles
from framing.segment import segment_aggregator, split_aggregator

# --- stage re-exports (one line per public name; keep alphabetical within a stage) ---
# --- end of stage re-exports ---

__version__ = "0.1.0"
