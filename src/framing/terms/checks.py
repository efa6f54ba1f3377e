"""Argument checks shared by the terms functions (errors that name the function and column)."""

from __future__ import annotations

import pandas as pd

from framing._errors import FramingError, missing_column


def require_column(articles: pd.DataFrame, name: str, func: str, param: str) -> pd.Series:
    """Column ``name`` of ``articles``, or a FramingError naming ``func`` and its ``param``."""
    if name not in articles.columns:
        raise FramingError(missing_column(name, articles.columns, param) + f" ({func})")
    return articles[name]


def check_articles(articles: object, func: str) -> pd.DataFrame:
    """``articles`` if it is a DataFrame, else a FramingError naming ``func``."""
    if not isinstance(articles, pd.DataFrame):
        raise FramingError(f"The 'articles' parameter of {func} must be a DataFrame (an articles "
                           f"table). Got {type(articles).__name__}; see framing.load_corpus.")
    return articles
