"""Property-based tests: every stage, ``framing.score`` and the CLI on awkward generated corpora.

Corpora mix real English paragraphs of the seed page (with quotes, labels and events) with
paragraphs that have none of them, empty texts, punctuation-only and non-Latin (Arabic,
Cyrillic, CJK) text, over one or a few outlets. The properties: nothing raises, every table
keeps its declared columns, ``outlet_scores`` does not depend on the chunk size or the number
of workers (nor on running ``framing <stage>`` one by one instead of ``framing score``), and
stages with ``fill_absent`` score every outlet of the input.

Examples are derandomized (the same corpora on every run); set FRAMING_PROPERTY_EXAMPLES to
a number of examples per test for a deeper local search.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from framing import registry, stats
from framing.cli import main
from framing.corpus import ARTICLE_COLUMNS, read_table
from framing.pipeline import score

_DEEP = int(os.environ.get("FRAMING_PROPERTY_EXAMPLES", "0"))


def _settings(n: int):
    return settings(max_examples=_DEEP or n, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# ---------------------------------------------------------------- paragraphs
#: Paragraphs of the seed page (data/processed/seed/articles.csv): quotes, labels, events.
ENGLISH = [
    "“I fled Raqa because the crimes of Daesh became too much to bear: the punishments, "
    "the decapitations, prison, insults,” he told AFP, using an Arabic acronym for IS.",
    "Russia, which intervened militarily to back the Syrian regime in 2015,on Monday "
    "condemned the US action, saying it flouted international law.",
    "The U.S. military on Sunday shot down a Syrian Air Force fighter jet that bombed local "
    "forces aligned with the Americans in the fight against Islamic State militants, an action "
    "that appeared to mark a new escalation of the conflict.",
    "“It is, if you like, help to those terrorists that the US is fighting against, declaring "
    "they are carrying out an anti-terrorism policy,” Sergei Ryabkov, Russia’s deputy foreign "
    "minister, said, adding it was a “dangerous escalation”.",
    "Moscow sees the downing of a Syrian government warplane by the United States as an “act "
    "of aggression and support of terrorists”, TASS news agency quoted Russian Deputy Foreign "
    "Minister Sergei Ryabkov as saying on Monday.",
    "Pentagon: US shoots down Syrian aircraft for first time",
]
#: English without quotes, contested labels or events of violence.
PLAIN = [
    "The weather in the capital was mild on Tuesday and the markets opened late.",
    "Officials met for two hours. They agreed to meet again next week",
    "A new bridge over the river will open in the spring, the city council said.",
]
PUNCTUATION = ["...", "!!! ???", "“ ” « » ‘ ’", "\"\"\"", "— – - ; : ,", "()[]{}", "'''", "•"]
NON_LATIN = [
    "قالت وزارة الدفاع إن الطائرة أسقطت فوق الرقة.",
    "«المعارضة» تتهم النظام.",
    "Министерство обороны России заявило о прекращении сотрудничества.",
    "«Это акт агрессии», — сказал Рябков.",
    "中国外交部表示关注叙利亚局势。",
    "「我们反对」，他说。",
]
EMPTY = ["", " ", "\n", "\t \n ", "\r\n"]
#: Strings a CSV reader may take for missing values or numbers.
NA_LIKE = ["NA", "nan", "None", "NULL", "-", "0", "1e3"]

_SCRIPTS = "".join(NON_LATIN) + "\"'“”«».,!?;:—-() \n\r\u200b\u200f😀"
paragraphs = st.one_of(
    st.sampled_from(ENGLISH), st.sampled_from(PLAIN), st.sampled_from(PUNCTUATION),
    st.sampled_from(NON_LATIN), st.sampled_from(EMPTY), st.sampled_from(NA_LIKE),
    st.text(alphabet=_SCRIPTS, max_size=40),
)
texts = st.one_of(
    st.sampled_from(EMPTY),
    st.lists(paragraphs, min_size=1, max_size=4).map("\n\n".join),
)
OUTLETS = ["AFP", "Reuters", "الجزيرة", "ТАСС", "新华社", "NA", "0"]


@st.composite
def corpora(draw, max_articles: int = 4) -> pd.DataFrame:
    """An articles source table (``doc_id``, ``outlet``, ``text``, ``title``) of
    1..max_articles rows."""
    n = draw(st.integers(1, max_articles))
    outlets = draw(st.lists(st.sampled_from(OUTLETS), min_size=n, max_size=n))
    body = draw(st.lists(texts, min_size=n, max_size=n))
    style = draw(st.sampled_from(["d{}", "{:03d}", "{}"]))
    order = draw(st.permutations(range(n)))  # ids in corpus order or not
    titles = draw(st.lists(st.one_of(st.just(""), paragraphs), min_size=n, max_size=n))
    return pd.DataFrame({"doc_id": [style.format(i) for i in order], "outlet": outlets,
                         "text": body, "title": titles})


def _frame(rows: list[tuple[str, str]]) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(rows))],
                         "outlet": [o for o, _ in rows], "text": [t for _, t in rows]})


#: Corpora every run tries first, whatever hypothesis generates.
NO_QUOTES_LABELS_EVENTS = _frame([("AFP", PLAIN[0]), ("Reuters", PLAIN[1])])
ALL_EMPTY = _frame([("AFP", ""), ("Reuters", " "), ("AFP", "\n")])
ONE_ARTICLE = _frame([("AFP", ENGLISH[2])])
ONE_OUTLET = _frame([("AFP", ENGLISH[0]), ("AFP", PUNCTUATION[2]), ("AFP", NON_LATIN[3])])
PUNCTUATION_ONLY = _frame([("AFP", "!!! ???"), ("Reuters", "“ ”")])
NON_LATIN_ONLY = _frame([("الجزيرة", NON_LATIN[0]), ("ТАСС", NON_LATIN[2]),
                         ("AFP", NON_LATIN[4])])
MIXED = _frame([("AFP", "\n\n".join([NON_LATIN[1], ENGLISH[3], "..."])), ("Reuters", ""),
                ("ТАСС", "\n\n".join([ENGLISH[4], NON_LATIN[5], ENGLISH[1]])),
                ("AFP", PLAIN[2])])
#: Eight articles of one outlet, doc_ids against corpus order: enough for the bootstrap to
#: tell one order of the articles from another.
IDS_REVERSED = pd.DataFrame({"doc_id": [f"z{9 - i}" for i in range(8)], "outlet": "AFP",
                             "text": [*ENGLISH, PLAIN[0], NON_LATIN[2]]})
EDGE_CASES = [IDS_REVERSED, NO_QUOTES_LABELS_EVENTS, ALL_EMPTY, ONE_ARTICLE, ONE_OUTLET,
              PUNCTUATION_ONLY, NON_LATIN_ONLY, MIXED]


def _with_examples(cases: list[dict]):
    def decorate(test):
        for case in reversed(cases):
            test = example(**case)(test)
        return test
    return decorate


# ---------------------------------------------------------------- checks
def _sorted(scores: pd.DataFrame) -> pd.DataFrame:
    return scores.sort_values(["stage", "measure", "outlet"], ignore_index=True)


def _check_columns(tables: dict, where: str) -> None:
    assert list(tables["articles"].columns) == ARTICLE_COLUMNS, where
    for stage in registry.STAGES:
        if stage.table in tables:
            assert list(tables[stage.table].columns) == stage.table_columns(), \
                f"{where}: {stage.table}"
    assert list(tables["outlet_scores"].columns) == stats.OUTLET_SCORE_COLUMNS, where


def _check_fill_absent(scores: pd.DataFrame, corpus: pd.DataFrame, where: str) -> None:
    outlets = set(corpus["outlet"])
    for stage in registry.STAGES:
        if stage.fill_absent:
            scored = set(scores.loc[scores["stage"] == stage.name, "outlet"])
            assert scored == outlets, f"{where}: {stage.name} scores {scored}, not {outlets}"


# ---------------------------------------------------------------- framing.score
@_settings(4)
@given(corpus=corpora(), workers=st.sampled_from([1, 2]))
@_with_examples([{"corpus": c, "workers": 1 + (i >= 4)} for i, c in enumerate(EDGE_CASES)])
def test_score_does_not_depend_on_chunksize_or_workers(corpus, workers):
    whole = score(corpus, n_workers=1, chunksize=1000, progress=False)
    cut = score(corpus, n_workers=workers, chunksize=1, progress=False)
    for tables, where in ((whole, "chunksize 1000"), (cut, f"chunksize 1, {workers} workers")):
        _check_columns(tables, where)
        _check_fill_absent(tables["outlet_scores"], corpus, where)
    pd.testing.assert_frame_equal(_sorted(cut["outlet_scores"]),
                                  _sorted(whole["outlet_scores"]))


# ---------------------------------------------------------------- the command line
DECLARED = {"articles": ARTICLE_COLUMNS, "outlet_scores": stats.OUTLET_SCORE_COLUMNS}


def _columns(path: Path) -> list[str]:
    return list(read_table(path).columns)


def _run(argv: list[str]) -> None:
    assert main(argv) == 0, argv


@_settings(3)
@given(corpus=corpora(max_articles=3), fmt=st.sampled_from(["csv", "parquet"]))
@_with_examples([{"corpus": ALL_EMPTY, "fmt": "csv"}, {"corpus": NON_LATIN_ONLY, "fmt": "csv"},
                 {"corpus": NO_QUOTES_LABELS_EVENTS, "fmt": "parquet"},
                 {"corpus": MIXED, "fmt": "parquet"}])
def test_cli_stage_commands_and_score_write_declared_columns_and_equal_scores(corpus, fmt):
    declared = {**DECLARED, **{s.table: s.table_columns() for s in registry.STAGES}}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus.to_csv(tmp / "corpus.csv", index=False)
        articles = tmp / f"articles.{fmt}"
        _run(["load", str(tmp / "corpus.csv"), "-o", str(articles)])
        assert _columns(articles) == ARTICLE_COLUMNS
        out = tmp / "stages"
        for stage in registry.STAGES:
            uses = [a for t in stage.uses for a in (f"--{t}", str(out / f"{t}.{fmt}"))]
            _run([stage.name, str(articles), "-o", str(out), "--format", fmt, *uses])
            assert _columns(out / f"{stage.table}.{fmt}") == declared[stage.table], stage.name
        by_stage = read_table(out / f"outlet_scores.{fmt}")
        assert list(by_stage.columns) == stats.OUTLET_SCORE_COLUMNS
        _check_fill_absent(by_stage, corpus, "CLI stages")

        _run(["score", str(tmp / "corpus.csv"), "-o", str(tmp / "score"), "--format", fmt,
              "--workers", "1", "--chunksize", "1", "--no-progress"])
        for name in registry.TABLES:
            assert _columns(tmp / "score" / f"{name}.{fmt}") == declared[name], name
        scored = read_table(tmp / "score" / f"outlet_scores.{fmt}")
        _check_fill_absent(scored, corpus, "CLI score")
        pd.testing.assert_frame_equal(_sorted(by_stage), _sorted(scored))


# ---------------------------------------------------------------- regressions
def test_tone_lists_articles_in_corpus_order_not_doc_id_order():
    """tone's mean measures listed an outlet's articles by sorted doc_id within each chunk, so
    their bootstrap intervals changed with the chunk size when ids were not in corpus order."""
    from framing.tone import tone_by_outlet_stats

    tables = score(IDS_REVERSED, n_workers=1, stages=["tone"], progress=False)
    per_article = tone_by_outlet_stats(tables["tone"], tables["articles"])
    listed = per_article.loc[per_article["measure"] == "tone:mean::all", "doc_id"].tolist()
    assert listed == [d for d in IDS_REVERSED["doc_id"] if d in set(tables["tone"]["doc_id"])]
    cut = score(IDS_REVERSED, n_workers=1, chunksize=1, stages=["tone"], progress=False)
    pd.testing.assert_frame_equal(cut["outlet_scores"], tables["outlet_scores"])
