"""The bundled corpora load as articles tables."""

from __future__ import annotations

from framing.corpus import ARTICLE_COLUMNS
from framing.datasets import OPPOSITION, STATE_ALIGNED


def test_seed_has_nine_outlets(seed_articles):
    counts = seed_articles.groupby("outlet").size().to_dict()
    assert counts == {"AFP": 3, "AP": 1, "Fars News": 1, "France 24": 1,
                      "Peace and Freedom (blog)": 1, "Reuters": 3, "The Guardian": 1,
                      "The Telegraph": 1, "WSJ": 3}


def test_fakes_loads_every_distinct_article(fakes_articles):
    assert list(fakes_articles.columns) == ARTICLE_COLUMNS
    # 804 rows, 11 of them repeat an earlier row's id and text with another label
    assert len(fakes_articles) == 793
    assert fakes_articles["outlet"].nunique() == 15
    assert set(STATE_ALIGNED + OPPOSITION) <= set(fakes_articles["outlet"])


def test_fakes_text_starts_with_title_and_dates_are_iso(fakes_articles):
    row = fakes_articles.iloc[0]
    assert row.text.startswith(row.title + "\n\n")
    assert fakes_articles["date"].str.match(r"^\d{4}-\d{2}-\d{2}$").all()
