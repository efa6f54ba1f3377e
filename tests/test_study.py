"""A study of one's own corpus: inspecting it, mapping its columns, the study.yaml file."""

from __future__ import annotations

import pandas as pd
import pytest

from framing._errors import FramingError
from framing.study import (
    MappingError,
    Study,
    inspect_corpus,
    load_study,
    propose_mapping,
    write_study,
)

TEXT = "The Syrian regime said its plane had been on an anti-Isis mission over Tabqa."


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "data" / "news.csv"
    path.parent.mkdir()
    path.write_text(
        "guid,headline,body,paper,pubdate,permalink,n\n"
        f"a1,Jet downed,\"{TEXT}\",AFP,\"Tue, 20 Jun 2017 14:00:00 GMT\",https://x.org/1,3\n"
        f"a2,Talks fail,Talks failed again in Geneva.,SANA,2017-06-21,https://x.org/2,4\n",
        encoding="utf-8")
    return path


def test_inspect_corpus_gives_columns_types_samples_encoding_rows(corpus):
    info = inspect_corpus(corpus)
    assert info["columns"] == ["guid", "headline", "body", "paper", "pubdate", "permalink", "n"]
    assert info["rows"] == 2 and info["encoding"] == "utf-8" and info["format"] == "csv"
    assert info["dtypes"] == {"guid": "text", "headline": "text", "body": "text",
                              "paper": "text", "pubdate": "date", "permalink": "url",
                              "n": "integer"}
    assert info["samples"]["paper"] == ["AFP", "SANA"]
    assert "source_lines" not in info["samples"]


def test_inspect_corpus_of_parquet_has_no_encoding(tmp_path):
    path = tmp_path / "c.parquet"
    pd.DataFrame({"text": [TEXT] * 5, "outlet": ["AFP"] * 5}).to_parquet(path)
    info = inspect_corpus(path, n_samples=2)
    assert info["encoding"] is None and info["rows"] == 5
    assert info["samples"]["outlet"] == ["AFP"]


def test_propose_mapping_by_name_with_reasons(corpus):
    info = inspect_corpus(corpus)
    mapping = propose_mapping(info["columns"], info["samples"])
    assert {r: m["column"] for r, m in mapping.items()} == {
        "id": "guid", "text": "body", "outlet": "paper", "date": "pubdate", "title": "headline",
        "url": "permalink"}
    assert mapping["text"]["reason"] == "'body' is a usual name for the text column"


def test_propose_mapping_from_samples_when_names_say_nothing():
    samples = {"a": ["x1", "x2"], "b": [TEXT, "Talks failed again in Geneva today, officials"],
               "c": ["https://x.org/1"], "d": ["June 10, 2017", "2017-06-11"], "e": ["AFP"]}
    mapping = propose_mapping(list(samples), samples)
    assert mapping["text"]["column"] == "b" and "longest texts" in mapping["text"]["reason"]
    assert mapping["url"]["column"] == "c" and mapping["date"]["column"] == "d"
    assert mapping["outlet"] == {"column": None, "reason": "no column found"}


def test_mapping_error_lists_all_problems_at_once():
    with pytest.raises(MappingError) as err:
        propose_mapping(["a", "b", "source", "paper"], strict=True)
    assert str(err.value) == ("text: no column found (columns: a, b, source, paper); outlet: "
                              "ambiguous between 'source' and 'paper'.")
    assert isinstance(err.value, FramingError)


def test_write_then_load_study_round_trip(corpus, tmp_path):
    info = inspect_corpus(corpus)
    mapping = propose_mapping(info["columns"], info["samples"])
    lex = tmp_path / "lex" / "terms.yaml"
    lex.parent.mkdir()
    lex.write_text("{}\n", encoding="utf-8")
    path = write_study(tmp_path / "study" / "study.yaml", corpus, mapping, lexicons=[lex],
                       targets=["regime", "opposition"], groups={"state": ["SANA"]},
                       focus="SANA")
    text = path.read_text(encoding="utf-8")
    assert "corpus: ../data/news.csv  #" in text
    assert "  text: body  # 'body' is a usual name for the text column" in text
    assert "lexicons: [../lex/terms.yaml]" in text
    study = load_study(path)
    assert isinstance(study, Study)
    assert study.corpus == corpus.resolve() and study.lexicons == [lex.resolve()]
    assert study.columns["outlet"] == "paper" and study.topic == "syria"
    assert study.targets == ["regime", "opposition"] and study.groups == {"state": ["SANA"]}
    assert study.focus == ["SANA"]
    articles = study.load()
    assert articles[["doc_id", "outlet", "date"]].values.tolist() == [
        ["a1", "AFP", "2017-06-20"], ["a2", "SANA", "2017-06-21"]]
    assert "n" in articles.columns  # the column no role takes is kept


def test_write_study_refuses_a_mapping_without_text(corpus, tmp_path):
    with pytest.raises(MappingError, match="text: no column found"):
        write_study(tmp_path / "s.yaml", corpus, propose_mapping(["a", "outlet"]))


def _study(tmp_path, body: str):
    path = tmp_path / "study.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_load_study_unknown_key_is_named_with_a_hint(corpus, tmp_path):
    path = _study(tmp_path, f"corpus: {corpus}\ncolumns: {{text: body}}\nlexicon: []\n")
    with pytest.raises(FramingError, match=r"unknown key\(s\) 'lexicon' \(did you mean "
                                           r"'lexicons'\?\); keys are version, corpus"):
        load_study(path)


def test_load_study_missing_corpus_names_where_it_looked(tmp_path):
    path = _study(tmp_path, "corpus: nope.csv\ncolumns: {text: body}\n")
    with pytest.raises(FramingError, match=r"corpus 'nope.csv' not found \(looked for "
                                           + str(tmp_path.resolve() / "nope.csv")):
        load_study(path)
    with pytest.raises(FramingError, match="no 'corpus'"):
        load_study(_study(tmp_path, "columns: {text: body}\n"))


def test_load_study_relative_paths_are_from_the_study_folder(corpus, tmp_path, monkeypatch):
    path = _study(tmp_path, "corpus: data/news.csv\ncolumns: {text: body, outlet: paper}\n")
    monkeypatch.chdir(corpus.parent)  # not where the study is
    assert load_study(path).corpus == corpus.resolve()


def test_load_study_bad_columns_and_files(corpus, tmp_path):
    body = f"corpus: {corpus}\ncolumns: {{txt: body}}\n"
    with pytest.raises(MappingError, match="txt: not a role.*text: no column found"):
        load_study(_study(tmp_path, body))
    body = f"corpus: {corpus}\ncolumns: {{text: body}}\nactors: [a.yaml]\n"
    with pytest.raises(FramingError, match="actors: no such file 'a.yaml'"):
        load_study(_study(tmp_path, body))
    body = f"corpus: {corpus}\ncolumns: {{text: body}}\ntopic: nowhere\n"
    with pytest.raises(FramingError, match="topic 'nowhere' is neither a bundled topic"):
        load_study(_study(tmp_path, body))


def test_a_headlines_only_table_is_proposed_as_load_corpus_reads_it(tmp_path):
    from framing.corpus import load_corpus

    src = tmp_path / "heads.csv"
    pd.DataFrame({"headline": ["Drones hit Kyiv overnight", "Grain deal extended again"],
                  "source": ["Wire A", "Wire B"], "published": ["2024-01-02", "2024-01-03"]}
                 ).to_csv(src, index=False)
    found = inspect_corpus(src)
    mapping = propose_mapping(found["columns"], found["samples"], strict=True)
    assert mapping["text"]["column"] == "headline" and mapping["title"]["column"] is None
    loaded = load_corpus(src)
    assert list(loaded["text"]) == ["Drones hit Kyiv overnight", "Grain deal extended again"]
