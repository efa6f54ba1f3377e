"""The chunked pipeline: same tables whatever the engine or the cut, statistics merged exactly."""

from __future__ import annotations

import importlib
import json

import pandas as pd
import pytest

from framing import pipeline
from framing._errors import FramingError
from framing.cli import main
from framing.corpus import write_table
from framing.pipeline import plan_chunks, read_chunk, score
from framing.registry import Stage


@pytest.fixture(scope="module")
def single(seed_articles):
    return score(seed_articles, n_workers=1, chunksize=len(seed_articles), progress=False)


@pytest.fixture(scope="module")
def chunked(seed_articles):
    return score(seed_articles, n_workers=2, chunksize=4, progress=False)


def _module(name: str):
    return importlib.import_module(f"framing.{name}")


def test_outlet_scores_equal_the_stage_functions_run_on_the_whole_page(seed_articles, chunked):
    a, t = seed_articles, chunked
    tone = _module("tone")
    direct = pd.concat([
        _module("terms").score_terms(t["term_hits"], a),
        _module("quotes").score_quotes(t["quotes"], a),
        _module("agency").score_agency(t["events"], a),
        tone.score_tone(t["tone"], a, quotes=t["quotes"]),
        _module("readability").score_readability(t["readability"], a),
    ]).sort_values(["measure", "outlet"], ignore_index=True)
    pd.testing.assert_frame_equal(chunked["outlet_scores"], direct)


@pytest.mark.parametrize("table", pipeline.TABLES)
def test_chunks_of_four_articles_give_the_single_pass_tables(single, chunked, table):
    pd.testing.assert_frame_equal(chunked[table], single[table])


def test_agency_side_named_in_one_chunk_only_still_scores_every_outlet(chunked):
    scores = chunked["outlet_scores"]
    sides = scores[(scores["stage"] == "agency") & (scores["statistic"] == "named_share")
                   & (scores["subject"] != "")]
    per_measure = sides.groupby("measure")["outlet"].nunique()
    assert (per_measure == chunked["articles"]["outlet"].nunique()).all()


def test_chunks_arriving_in_any_order_merge_to_the_same_scores(seed_articles, chunked):
    results = [pipeline.score_chunk(seed_articles.iloc[a:a + 4], index=i, first_row=a,
                                    validated=True)
               for i, a in enumerate(range(0, len(seed_articles), 4))]
    fill = {s.name for s in pipeline.STAGES if s.fill_absent}
    merger = pipeline._Merger(fill)
    for result in reversed(results):  # a pool or Dask returns them in any order
        merger.add(result)
    pd.testing.assert_frame_equal(merger.outlet_scores(), chunked["outlet_scores"])


def test_merge_refuses_when_a_chunk_is_missing(seed_articles):
    merger = pipeline._Merger(set())
    merger.add(pipeline.score_chunk(seed_articles.iloc[4:8], index=1, validated=True,
                                    stages=["terms"]))
    with pytest.raises(FramingError, match="Chunk 0 never arrived"):
        merger.outlet_scores()


@pytest.mark.enable_socket
@pytest.mark.allow_hosts(["127.0.0.1"])
def test_dask_engine_gives_the_pandas_engine_tables(seed_articles, tmp_path):
    write_table(seed_articles, tmp_path / "page.parquet")
    stages = ["terms", "agency"]
    on_dask = score(tmp_path / "page.parquet", engine="dask", n_workers=2, chunksize=4,
                    stages=stages, progress=False)
    on_pandas = score(tmp_path / "page.parquet", n_workers=1, chunksize=4, stages=stages,
                      progress=False)
    for name in ("articles", "term_hits", "events", "outlet_scores"):
        pd.testing.assert_frame_equal(on_dask[name], on_pandas[name])


def test_streamed_jsonl_writes_the_in_memory_tables(seed_articles, tmp_path):
    corpus = seed_articles.drop(columns=["source_lines"])
    write_table(corpus, tmp_path / "page.jsonl")
    written = score(tmp_path / "page.jsonl", out=tmp_path / "out", n_workers=2, chunksize=4,
                    stages=["quotes"], progress=False)
    in_memory = score(corpus, n_workers=1, chunksize=4, stages=["quotes"], progress=False)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "articles.csv", "outlet_scores.csv", "quotes.csv"]
    for name, path in written.items():
        got = pd.read_csv(path, dtype=str, keep_default_na=False)
        expected = pd.read_csv(pd.io.common.StringIO(in_memory[name].to_csv(index=False)),
                               dtype=str, keep_default_na=False)
        pd.testing.assert_frame_equal(got, expected)


def test_plan_chunks_reads_every_jsonl_row_once_across_blank_lines(seed_articles, tmp_path):
    lines = [json.dumps({"doc_id": d, "text": t}) for d, t in
             zip(seed_articles["doc_id"], seed_articles["text"], strict=True)]
    (tmp_path / "c.jsonl").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    specs = plan_chunks(tmp_path / "c.jsonl", chunksize=4)
    frames = [read_chunk(s) for s in specs]
    assert [len(f) for f in frames] == [4, 4, 4, 3]
    assert [s.first_row for s in specs] == [0, 4, 8, 12]
    assert pd.concat(frames)["doc_id"].tolist() == seed_articles["doc_id"].tolist()


def test_source_lines_count_rows_of_the_whole_corpus_not_the_chunk(seed_articles):
    corpus = seed_articles[["doc_id", "outlet", "text"]]
    tables = score(corpus, n_workers=1, chunksize=4, stages=["sentences"], progress=False)
    assert tables["articles"]["source_lines"].tolist() == [str(i + 2) for i in range(15)]


def test_stage_whose_statistics_lack_a_column_is_refused_by_name(seed_articles, monkeypatch):
    def by_hand(table, articles):
        return pd.DataFrame({"doc_id": ["a01"], "outlet": ["AFP"], "measure": ["x:y::"]})

    stage = Stage("hand", "framing.text", "sentences", "SENTENCE_COLUMNS", "sentence_spans",
                  "sentences", by_hand, "a stage written by hand")
    monkeypatch.setattr(pipeline, "STAGES", (stage,))
    with pytest.raises(FramingError, match="Stage 'hand': .* lacks the column 'base'"):
        score(seed_articles, n_workers=1, progress=False)


def test_interrupt_leaves_no_tables_and_no_parts(seed_articles, tmp_path, monkeypatch):
    def interrupted(articles):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "STAGES", (Stage("stop", "framing.text", "sentences",
                                                   "SENTENCE_COLUMNS", "sentence_spans",
                                                   interrupted, None, "stops"),))
    with pytest.raises(KeyboardInterrupt):
        score(seed_articles, out=tmp_path / "out", n_workers=1, progress=False)
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"engine": "spark"}, r"'engine' parameter of score must be one of \['dask', 'pandas'\]"),
    ({"format": "xlsx"}, r"'format' parameter of score must be one of \['csv', 'parquet'\]"),
    ({"stages": ["tones"]}, r"'stages' parameter of score .* Got 'tones'"),
    ({"chunksize": 0}, r"'chunksize' parameter of score must be a positive int"),
])
def test_bad_arguments_name_the_parameter(seed_articles, kwargs, match):
    with pytest.raises(FramingError, match=match):
        score(seed_articles, progress=False, **kwargs)


def test_cli_score_writes_parquet_tables(seed_articles, tmp_path):
    write_table(seed_articles, tmp_path / "page.parquet")
    code = main(["score", str(tmp_path / "page.parquet"), "-o", str(tmp_path / "out"),
                 "--format", "parquet", "--stages", "terms", "--workers", "1", "--no-progress"])
    assert code == 0
    hits = pd.read_parquet(tmp_path / "out" / "term_hits.parquet")
    text = dict(zip(seed_articles["doc_id"], seed_articles["text"], strict=True))
    assert len(hits) > 0
    assert all(text[d][s:e] == m for d, s, e, m in
               zip(hits["doc_id"], hits["start"], hits["end"], hits["match"], strict=True))


MIXED = pd.DataFrame({
    "doc_id": ["m1", "m2", "m3", "m4", "m5"],
    "outlet": ["Alpha", "Alpha", "Beta", "Beta", "Beta"],
    "text": [
        'Government forces shelled the town, officials said. "We will not leave," a resident '
        "told reporters.",
        "Markets were quiet on Monday and trading volumes stayed low.",
        "The regime's aircraft struck a hospital near Idlib, according to activists.",
        "A jet was shot down over the desert.",
        "Weather stayed mild across the region.",
    ],
})


def test_chunk_without_any_quote_scores_like_one_pass(tmp_path):
    # chunks m2 and m5 hold no quotation: score_quotes once raised KeyError('kind') on them
    single = score(MIXED, chunksize=1000, progress=False, n_workers=1)
    one_by_one = score(MIXED, chunksize=1, progress=False, n_workers=1)
    assert len(single["quotes"]) >= 1 and len(single["events"]) >= 1
    assert len(single["term_hits"]) >= 1
    pd.testing.assert_frame_equal(single["outlet_scores"], one_by_one["outlet_scores"])


def test_cli_score_writes_the_same_outlet_scores_for_any_chunksize(tmp_path):
    corpus = tmp_path / "mixed.csv"
    MIXED.to_csv(corpus, index=False)
    for size in (1, 1000):
        assert main(["score", str(corpus), "-o", str(tmp_path / f"c{size}"), "--chunksize",
                     str(size), "--workers", "1", "--no-progress"]) == 0
    assert (tmp_path / "c1" / "outlet_scores.csv").read_bytes() == \
        (tmp_path / "c1000" / "outlet_scores.csv").read_bytes()
