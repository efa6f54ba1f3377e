"""Wiring check of the tone stage: correlation of its scores with human ratings."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing import stats
from framing._errors import FramingError, missing_column
from framing.tone.scores import article_tone
from framing.tone.sentiment import find_tone


def tone_validity(ratings: pd.DataFrame, *, text: str = "text", rating: str = "rating",
                  scale: float = 4.0, n_boot: int = 1000) -> tuple[pd.DataFrame, dict]:
    """Score human-rated texts with the tone stage and correlate with the ratings.

    Parameters
    ----------
    ratings : DataFrame
        One row per rated text: ``doc_id``, the text and its mean human rating
        (e.g. :func:`framing.datasets.load_vader_nyt`).
    text, rating : str
        Column names.
    scale : float, default=4.0
        Ratings are divided by it to share VADER's -1..1 range.
    n_boot : int, default=1000
        Bootstrap resamples of texts for the interval of r.

    Returns
    -------
    pairs : DataFrame
        ``doc_id, human, compound``: the scaled rating and the text's mean sentence score.
    summary : dict
        ``r`` (Pearson), ``ci_low``, ``ci_high`` (95% percentile bootstrap) and ``n``.
    """
    missing = [c for c in ("doc_id", text, rating) if c not in ratings.columns]
    if missing:
        raise FramingError(missing_column(missing[0], ratings.columns))
    scored = article_tone(find_tone(ratings.rename(columns={text: "text"}), voices=False))
    pairs = scored[["doc_id", "compound"]].merge(
        ratings[["doc_id", rating]].astype({"doc_id": str}), on="doc_id")
    pairs = pairs.assign(human=pairs[rating] / scale)[["doc_id", "human", "compound"]]
    x, y = pairs["human"].to_numpy(float), pairs["compound"].to_numpy(float)
    r = float(np.corrcoef(x, y)[0, 1])
    rng = np.random.default_rng(stats.SEED)
    boot = []
    for _ in range(n_boot):
        i = rng.integers(0, len(x), len(x))
        boot.append(np.corrcoef(x[i], y[i])[0, 1])
    low, high = np.quantile(boot, [0.025, 0.975])
    return pairs, {"r": r, "ci_low": float(low), "ci_high": float(high), "n": len(pairs)}
