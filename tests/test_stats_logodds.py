"""Statistics: Fightin' Words log-odds against the `fightin-words` package; bootstrap intervals."""

from __future__ import annotations

import importlib

import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import CountVectorizer

from framing.stats import bootstrap_ci, log_odds_dirichlet
from framing.terms import word_counts


@pytest.fixture(scope="module")
def seed_counts(seed_articles):
    """Word counts of the Russian-official voices' outlets vs the wire agencies, on the seed."""
    a = seed_articles[seed_articles["outlet"].isin(["Fars News", "The Telegraph"])]
    b = seed_articles[seed_articles["outlet"].isin(["AFP", "AP"])]
    ca, cb = word_counts(a["text"], a["embeds"]), word_counts(b["text"], b["embeds"])
    vocab = ca.index.union(cb.index)
    return ca.reindex(vocab, fill_value=0), cb.reindex(vocab, fill_value=0)


def _package_z(ca: pd.Series, cb: pd.Series, prior) -> pd.Series:
    """z-scores from fightin-words' FWExtractor fed exactly the counts ``ca`` and ``cb``.

    The package (1.0.5) still calls Python 2's ``xrange`` and fits its vectorizer on one
    joined string, so it is given ``range`` and a vectorizer that returns our two count rows.
    """
    fw = importlib.import_module("fightin-words.fightin-words")
    fw.xrange = range
    vocab = list(ca.index)
    matrix = np.vstack([ca.to_numpy(), cb.to_numpy()])

    class FixedCounts(CountVectorizer):
        def fit_transform(self, raw_documents, y=None):
            self.vocabulary_ = {w: i for i, w in enumerate(vocab)}
            return _Dense(matrix)

    ranked = fw.FWExtractor(prior=prior, cv=FixedCounts()).transform(["a", "b"])
    return pd.Series(dict(ranked))


class _Dense:
    def __init__(self, matrix):
        self.matrix = matrix

    def toarray(self):
        return self.matrix


def test_uniform_prior_z_scores_match_the_fightin_words_package(seed_counts):
    ca, cb = seed_counts
    ours = log_odds_dirichlet(ca, cb, prior=0.01).set_index("word")["z"]
    theirs = _package_z(ca, cb, 0.01)
    assert len(theirs) == len(ours) > 1000
    np.testing.assert_allclose(ours.loc[theirs.index], theirs, rtol=1e-4, atol=1e-4)


def test_informative_prior_z_scores_match_the_fightin_words_package(seed_counts):
    ca, cb = seed_counts
    background = (ca + cb) * 0.5
    ours = log_odds_dirichlet(ca, cb, prior=background).set_index("word")["z"]
    theirs = _package_z(ca, cb, background.tolist())
    np.testing.assert_allclose(ours.loc[theirs.index], theirs, rtol=1e-4, atol=1e-4)


def test_positive_z_leans_to_the_first_group(seed_counts):
    ca, cb = seed_counts
    res = log_odds_dirichlet(ca, cb).set_index("word")
    # "terrorism"/"terrorists" come from Fars and the Russian officials in the Telegraph
    assert res.loc["terrorism", "z"] > 0 > res.loc["jihadists", "z"]


def test_pooled_prior_is_the_summed_counts(seed_counts):
    ca, cb = seed_counts
    res = log_odds_dirichlet(ca, cb, prior="pooled", prior_scale=0.5).set_index("word")
    np.testing.assert_allclose(res["prior"], 0.5 * (res["count_a"] + res["count_b"]))


def test_unknown_prior_name_is_an_error():
    with pytest.raises(ValueError, match=r"'prior' parameter of log_odds_dirichlet.*'uniform'"):
        log_odds_dirichlet({"a": 1}, {"a": 2}, prior="uniform")


def test_negative_counts_are_an_error():
    with pytest.raises(ValueError, match="non-negative"):
        log_odds_dirichlet({"a": -1}, {"a": 2})


# ---------------------------------------------------------------- bootstrap intervals
def _plain_bootstrap(num, den, scale=1.0, n_boot=2000, seed=20170618):
    """The textbook percentile bootstrap, resampling articles, without any shortcut."""
    num, den = np.asarray(num, float), np.asarray(den, float)
    idx = np.random.default_rng(seed).integers(0, num.size, size=(n_boot, num.size))
    with np.errstate(invalid="ignore", divide="ignore"):
        boot = scale * num[idx].sum(axis=1) / den[idx].sum(axis=1)
    boot = boot[np.isfinite(boot)]
    return (scale * num.sum() / den.sum(), *np.quantile(boot, [0.025, 0.975]))


@pytest.fixture(scope="module")
def fakes_counts(fakes_articles):
    """Per-article words and "terrorist"/"regime" counts of FA-KES's SANA and Etilaf articles."""
    arts = fakes_articles[fakes_articles["outlet"].isin(["sana", "etilaf"])]
    low = arts["text"].str.lower()
    return {name: (low[arts["outlet"] == name].str.count(r"\bterrorist").to_numpy(float),
                   low[arts["outlet"] == name].str.count(r"\bregime\b").to_numpy(float),
                   low[arts["outlet"] == name].str.split().str.len().to_numpy(float))
            for name in ("sana", "etilaf")}


def test_bootstrap_rates_equal_plain_resampling_on_fakes_counts(fakes_counts):
    for terror, regime, words in fakes_counts.values():
        for counts in (terror, regime, np.zeros_like(words)):
            got = bootstrap_ci(counts, words, scale=1000.0)
            assert got == _plain_bootstrap(counts, words, scale=1000.0)


def test_bootstrap_shares_with_empty_denominators_equal_plain_resampling(fakes_counts):
    terror, regime, _ = fakes_counts["etilaf"]
    got = bootstrap_ci(regime, regime + terror)  # many articles have neither label
    assert np.array_equal(got, _plain_bootstrap(regime, regime + terror), equal_nan=True)


def test_bootstrap_of_real_valued_scores_equals_plain_resampling(seed_articles):
    from framing.readability import find_readability
    grades = find_readability(seed_articles)["flesch_kincaid_grade"].dropna().to_numpy()
    ones = np.ones_like(grades)
    assert bootstrap_ci(grades) == _plain_bootstrap(grades, ones)


def test_bootstrap_drawn_in_small_blocks_gives_the_same_intervals(fakes_counts, monkeypatch):
    from framing import stats

    terror, regime, words = fakes_counts["sana"]
    whole = [bootstrap_ci(c, words, scale=1000.0) for c in (terror, regime)]
    monkeypatch.setattr(stats, "_BLOCK_CELLS", 3 * len(words))  # 3 resamples per block
    monkeypatch.setattr(stats, "_REUSE_CELLS", 0)
    monkeypatch.setattr(stats, "_DRAWS", type(stats._DRAWS)())
    items = [(terror, words, 1000.0), (regime, words, 1000.0)]
    assert stats.ratio_cis(items) == whole
