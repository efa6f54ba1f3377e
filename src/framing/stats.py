"""Per-outlet statistics with honest uncertainty: rates, shares, bootstrap intervals.

Every measure ends up in the long **outlet_scores** table (one row per outlet and measure) with the
counts behind it, so a figure can show sample sizes and a reader can expand a number to its rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

OUTLET_SCORE_COLUMNS = [
    "outlet", "measure", "value", "ci_low", "ci_high",
    "n_docs", "n_words", "n_events", "small_sample",
]

#: Fewer articles than this in an outlet marks its rows ``small_sample``.
MIN_DOCS = 5
#: Fewer counted events (the denominator of a share) than this also marks a row small.
MIN_EVENTS = 10
N_BOOT = 2000
SEED = 20170618  # the day of the SU-22 shoot-down; any fixed value would do


def rate_per_1000(count: float, n_words: float) -> float:
    """Return ``count`` per 1,000 words, or NaN when there are no words."""
    return float(count) * 1000.0 / n_words if n_words else float("nan")


def bootstrap_ci(
    numerators: Iterable[float],
    denominators: Iterable[float] | None = None,
    *,
    scale: float = 1.0,
    n_boot: int = N_BOOT,
    level: float = 0.95,
    seed: int = SEED,
) -> tuple[float, float, float]:
    """Estimate a ratio of sums and its percentile bootstrap interval, resampling documents.

    Parameters
    ----------
    numerators : iterable of float
        Per-document counts (e.g. hits of "regime" in each article).
    denominators : iterable of float, optional
        Per-document totals (words, or hits of the whole family). Without them the statistic
        is the mean of ``numerators``.
    scale : float, default=1.0
        Multiplier of the ratio (1000 for a rate per 1,000 words).
    n_boot : int, default=2000
        Number of bootstrap resamples of documents.
    level : float, default=0.95
        Coverage of the interval.
    seed : int
        Seed of the random generator, so intervals are reproducible.

    Returns
    -------
    (value, ci_low, ci_high) : tuple of float
        NaN where the statistic is undefined (no documents, a zero denominator).

    Examples
    --------
    >>> value, low, high = bootstrap_ci([2, 0, 1], [100, 50, 50], scale=1000)
    >>> round(value, 1)
    15.0
    """
    num = np.asarray(list(numerators), dtype=float)
    den = np.ones_like(num) if denominators is None else np.asarray(list(denominators), float)
    if num.size == 0 or den.sum() == 0:
        return float("nan"), float("nan"), float("nan")
    value = scale * num.sum() / den.sum()
    if num.size == 1:
        return value, float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, num.size, size=(n_boot, num.size))
    boot_den = den[idx].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        boot = scale * num[idx].sum(axis=1) / boot_den
    boot = boot[np.isfinite(boot)]
    if boot.size == 0:
        return value, float("nan"), float("nan")
    alpha = (1.0 - level) / 2.0
    low, high = np.quantile(boot, [alpha, 1.0 - alpha])
    return float(value), float(low), float(high)


def score_row(
    outlet: str,
    measure: str,
    numerators: Iterable[float],
    denominators: Iterable[float] | None,
    *,
    n_words: int,
    n_events: int | None = None,
    scale: float = 1.0,
    seed: int = SEED,
) -> dict:
    """Build one outlet_scores row: the statistic, its interval and the sample sizes."""
    num = list(numerators)
    den = None if denominators is None else list(denominators)
    value, low, high = bootstrap_ci(num, den, scale=scale, seed=seed)
    n_docs = len(num)
    n_ev = int(round(sum(den if den is not None and scale == 1.0 else num))) \
        if n_events is None else int(n_events)
    return {
        "outlet": outlet,
        "measure": measure,
        "value": value,
        "ci_low": low,
        "ci_high": high,
        "n_docs": n_docs,
        "n_words": int(n_words),
        "n_events": n_ev,
        "small_sample": bool(n_docs < MIN_DOCS or n_ev < MIN_EVENTS),
    }


def outlet_scores_frame(rows: Iterable[Mapping]) -> pd.DataFrame:
    """Assemble rows into an outlet_scores DataFrame with the documented columns and order."""
    frame = pd.DataFrame(list(rows), columns=OUTLET_SCORE_COLUMNS)
    return frame.astype(
        {"n_docs": "int64", "n_words": "int64", "n_events": "int64", "small_sample": "bool"}
    ).sort_values(["measure", "outlet"], ignore_index=True)
