"""Classroom helpers that read outlet_scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing import classroom
from framing._errors import FramingError
from framing.corpus import read_table

SCORES = Path(__file__).parent / "data" / "plots" / "seed_outlet_scores.csv"


@pytest.fixture(scope="module")
def scores():
    return read_table(SCORES)


@pytest.mark.parametrize("statistic", ["per_article", "words_per_article"])
def test_quote_table_counts_each_outlets_quotes_by_side(scores, statistic):
    table = classroom.quote_table(scores, measure=statistic)
    rows = scores[(scores["stage"] == "quotes") & (scores["statistic"] == statistic)]
    for outlet, side, n in zip(rows["outlet"], rows["subject"], rows["n_events"], strict=True):
        assert table.at[outlet, side] == n if side in table.columns else n == 0
    assert (table.sum() > 0).all()
    assert table.loc["The Guardian", "russia_gov"] > 0


def test_quote_table_takes_the_0x_names_with_a_warning(scores):
    with pytest.warns(FutureWarning, match="'quoted_words' is renamed 'words_per_article'"):
        old = classroom.quote_table(scores, measure="quoted_words")
    assert old.equals(classroom.quote_table(scores, measure="words_per_article"))


def test_quote_table_rejects_other_statistics(scores):
    with pytest.raises(FramingError, match="'measure' parameter of quote_table"):
        classroom.quote_table(scores, measure="share")
