"""The stage contract: every registered stage keeps it, and the docs show the registry."""

from __future__ import annotations

import pandas as pd
import pytest

from framing import registry, stats
from framing.config import PROJECT_ROOT
from framing.measures import measure_id, parse_measure

STAGES = [s for s in registry.STAGES if s.stats]


def test_architecture_doc_shows_the_registry_as_it_is():
    doc = (PROJECT_ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert f"{registry.BEGIN}\n{registry.markdown()}{registry.END}" in doc, "run `make docs`"


@pytest.mark.parametrize("entry", registry.STAGES, ids=lambda s: s.name)
def test_every_named_function_exists(entry):
    for role in ("per_text", "find", "stats"):
        if getattr(entry, role):
            assert callable(entry.function(role))
    for _, name in entry.extra_tables:
        assert callable(getattr(entry.load(), name))
    assert entry.table_columns()


@pytest.mark.parametrize("entry", STAGES, ids=lambda s: s.name)
def test_stage_statistics_keep_the_contract_on_the_seed_page(entry, seed_articles):
    arts = seed_articles
    table = entry.function("find")(arts)
    assert list(table.columns) == entry.table_columns()
    extra = {u: registry.stage(u).function("find")(arts) for u in entry.uses}
    rows = entry.function("stats")(table, arts, **extra)
    assert list(rows.columns) == stats.ARTICLE_STAT_COLUMNS
    parts = pd.DataFrame([parse_measure(m) for m in rows["measure"].unique()])
    assert set(parts["stage"]) == {entry.name}
    assert set(parts["statistic"]) <= {m.statistic for m in entry.measures}
    # the id is rebuilt from its parts: one grammar for every stage
    for p in parts.to_dict("records"):
        assert parse_measure(measure_id(**p)) == p
    scores = stats.outlet_scores(rows)
    words = scores.groupby("outlet")["n_words"].nunique()
    assert (words == 1).all(), "every row of an outlet carries the same n_words"
