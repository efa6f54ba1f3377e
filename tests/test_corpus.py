"""Loading users' corpora: formats, column names, encodings and every kind of bad input."""

from __future__ import annotations

import json
import logging

import pandas as pd
import pytest

from framing._errors import FramingError
from framing.corpus import ARTICLE_COLUMNS, decode_bytes, load_corpus, write_table

SENTENCE = "The Syrian regime said its plane had been on an anti-Isis mission."


def _csv(path, body: str, encoding: str = "utf-8"):
    path.write_bytes(body.encode(encoding))
    return path


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_table_formats_load_to_the_same_articles(tmp_path, suffix):
    frame = pd.DataFrame({"doc_id": ["x1", "x2"], "text": [SENTENCE, "Rebels seized Tabqa."],
                          "outlet": ["AFP", "SANA"]})
    path = write_table(frame, tmp_path / f"c{suffix}")
    articles = load_corpus(path)
    assert list(articles.columns) == ARTICLE_COLUMNS
    cols = ["doc_id", "outlet", "text"]
    assert articles[cols].values.tolist() == frame[cols].values.tolist()
    assert articles["outlet_evidence"].iloc[0] == f"column 'outlet' of c{suffix}"


def test_folder_of_txt_takes_outlet_from_subfolder(tmp_path):
    (tmp_path / "AFP").mkdir()
    (tmp_path / "AFP" / "one.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "loose.txt").write_text("Loose text.", encoding="utf-8")
    articles = load_corpus(tmp_path).set_index("doc_id")
    assert articles.loc["AFP/one", "outlet"] == "AFP"
    assert articles.loc["loose", "outlet"] == "unknown"


def test_folder_of_html_strips_boilerplate(tmp_path):
    pytest.importorskip("trafilatura")
    body = " ".join([SENTENCE] * 6)
    html = (f"<html><head><title>Jet downed</title></head><body><nav>Home | Share | Tweet</nav>"
            f"<article><h1>Jet downed</h1><p>{body}</p><p>{body}</p></article>"
            "<footer>Cookie policy</footer></body></html>")
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    text = load_corpus(tmp_path)["text"].iloc[0]
    assert "Syrian regime said" in text and "Cookie policy" not in text


def test_named_text_and_outlet_columns(tmp_path):
    path = _csv(tmp_path / "c.csv", f"body,source\n{SENTENCE},sana\n")
    articles = load_corpus(path, text_col="body", outlet_col="source")
    assert articles[["outlet", "text"]].values.tolist() == [["sana", SENTENCE]]


def test_missing_column_error_names_it_and_lists_the_columns(tmp_path):
    path = _csv(tmp_path / "c.csv", f"body,source\n{SENTENCE},sana\n")
    with pytest.raises(FramingError, match=r"Column 'text' not in data; columns are "
                                           r"\['body', 'source'\].*--text-col"):
        load_corpus(path)


def test_no_outlet_column_allowed_when_asked(tmp_path):
    path = _csv(tmp_path / "c.csv", f"text\n{SENTENCE}\n")
    articles = load_corpus(path, outlet_col=None)
    assert articles["outlet"].tolist() == ["unknown"]
    assert articles["outlet_confidence"].tolist() == [0.0]


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="No such file"):
        load_corpus(tmp_path / "nope.csv")


def test_unknown_suffix_is_a_clear_error(tmp_path):
    path = tmp_path / "c.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(FramingError, match="unknown file type '.xlsx'"):
        load_corpus(path)


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(FramingError, match="looks binary"):
        load_corpus(path)


def test_binary_file_in_a_folder_is_skipped_with_reason(tmp_path):
    (tmp_path / "good.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "junk.txt").write_bytes(b"\x00\x01\x02\x03" * 500)
    articles, report = load_corpus(tmp_path, return_report=True)
    assert articles["doc_id"].tolist() == ["good"]
    assert report.read == 2 and report.kept == 1
    assert report.skipped[0][0] == "junk.txt" and "looks binary" in report.skipped[0][1]


def test_empty_file_is_a_clear_error(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(b"")
    with pytest.raises(FramingError, match="is empty"):
        load_corpus(path)


@pytest.mark.parametrize("encoding, note", [
    ("cp1252", "read as cp1252"), ("utf-16", "read as utf-16"), ("utf-8-sig", None),
])
def test_non_utf8_files_are_read_and_said_so(tmp_path, encoding, note):
    text = "text,outlet\nThe regime’s “so-called” café — Ja’Din,AFP\n"
    path = _csv(tmp_path / "c.csv", text, encoding)
    articles, report = load_corpus(path, return_report=True)
    assert articles["text"].iloc[0] == "The regime’s “so-called” café — Ja’Din"
    assert (note in " ".join(report.notes)) if note else report.notes == []


def test_a_few_nul_bytes_are_removed_and_reported():
    text, encoding = decode_bytes(b"regime\x00 forces" + b" and more text" * 20)
    assert text.startswith("regime forces") and "NUL bytes removed" in encoding


def test_empty_documents_are_kept_and_flagged(tmp_path):
    path = _csv(tmp_path / "c.csv", f"doc_id,text,outlet\n1,{SENTENCE},AFP\n2,,AFP\n")
    articles, report = load_corpus(path, return_report=True)
    assert articles["flags"].tolist() == ["", "empty_text"]
    assert any("empty text" in n for n in report.notes)


def test_duplicate_ids_same_text_skipped_different_text_renamed(tmp_path):
    path = _csv(tmp_path / "c.csv", f"doc_id,text,outlet\n1,{SENTENCE},AFP\n1,{SENTENCE},AFP\n"
                                     "1,Other text.,AFP\n")
    articles, report = load_corpus(path, return_report=True)
    assert articles["doc_id"].tolist() == ["1", "1~2"]
    assert report.skipped == [("c.csv#2 (doc_id 1)",
                               "duplicate: same doc_id and text as an earlier row")]


def test_broken_csv_row_is_skipped_with_reason(tmp_path):
    path = _csv(tmp_path / "c.csv", f"text,outlet\n{SENTENCE},AFP\na,b,c,d\nFine.,SANA\n")
    articles, report = load_corpus(path, return_report=True)
    assert articles["outlet"].tolist() == ["AFP", "SANA"]
    assert report.read == 3 and len(report.skipped) == 1
    assert report.skipped[0][1] == "broken row: 4 fields, header has 2"


def test_bad_jsonl_line_is_skipped_with_reason(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"text": SENTENCE, "outlet": "AFP"}) + "\n{oops\n",
                    encoding="utf-8")
    articles, report = load_corpus(path, return_report=True)
    assert len(articles) == 1 and report.skipped[0][0] == "c.jsonl line 2"


def test_too_long_article_is_skipped_with_reason(tmp_path):
    path = _csv(tmp_path / "c.csv", f"text,outlet\n{'word ' * 3000},AFP\n{SENTENCE},AFP\n")
    articles, report = load_corpus(path, max_chars=10_000, return_report=True)
    assert articles["text"].tolist() == [SENTENCE]
    assert "too long: 15,000 characters > max_chars=10,000" in report.skipped[0][1]


def test_summary_is_logged_with_counts_and_reasons(tmp_path, caplog):
    path = _csv(tmp_path / "c.csv", f"text,outlet\n{SENTENCE},AFP\na,b,c\n")
    with caplog.at_level(logging.INFO, logger="framing"):
        load_corpus(path)
    assert "read 2, kept 1, skipped 1 (1 broken row)" in caplog.text


def test_loading_never_writes_to_the_input(tmp_path):
    path = _csv(tmp_path / "c.csv", f"text,outlet\n{SENTENCE},AFP\n")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load_corpus(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_dates_become_iso(tmp_path):
    path = _csv(tmp_path / "c.csv", "text,outlet,date\nx,AFP,11/18/2016\ny,AFP,not a date\n")
    assert load_corpus(path)["date"].tolist() == ["2016-11-18", "not a date"]


def test_csv_export_neutralises_formulas_but_not_numbers(tmp_path):
    frame = pd.DataFrame({"text": ["=HYPERLINK(\"http://x\")", "@SUM(A1)", "plain"],
                          "outlet": ["+AFP", "-1.5", "AP"]})
    path = write_table(frame, tmp_path / "c.csv")
    raw = path.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in raw and "'@SUM" in raw and "'+AFP" in raw
    assert '"-1.5"' in raw  # a negative number stays a number


def test_neutralised_csv_reads_back_to_the_original_text(tmp_path):
    frame = pd.DataFrame({"text": ["=1+1 is not a formula here", "- a dash list"],
                          "outlet": ["AFP", "AP"]})
    articles = load_corpus(write_table(frame, tmp_path / "c.csv"))
    assert articles["text"].tolist() == frame["text"].tolist()


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_quotes_table_reads_back_with_empty_texts_empty(tmp_path, seed_articles, suffix):
    # an unattributed quote has speaker "" and no relay: a report built from the CSV showed
    # "NaN" in those cells
    from framing.corpus import read_table
    from framing.quotes import find_quotes

    quotes = find_quotes(seed_articles)
    assert (quotes["speaker"] == "").any() and (quotes["relay"] == "").any()
    back = read_table(write_table(quotes, tmp_path / f"q{suffix}"))
    pd.testing.assert_frame_equal(back, quotes, check_dtype=False)
    # a column of nothing but empty texts is still text (pandas alone would read floats)
    bare = quotes[quotes["relay"] == ""].reset_index(drop=True)
    back = read_table(write_table(bare, tmp_path / f"bare{suffix}"))
    pd.testing.assert_frame_equal(back, bare, check_dtype=False)
    scores = pd.DataFrame({"measure": ["a", "b"], "ci_low": [0.5, float("nan")]})
    assert read_table(write_table(scores, tmp_path / f"s{suffix}"))["ci_low"].isna().tolist() \
        == [False, True]


def test_csv_safety_can_be_switched_off(tmp_path):
    frame = pd.DataFrame({"text": ["=1+1"], "outlet": ["AFP"]})
    path = write_table(frame, tmp_path / "c.csv", safe_csv=False)
    assert path.read_text(encoding="utf-8").splitlines()[1] == '"=1+1","AFP"'


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_articles_written_by_segment_read_back_unchanged(tmp_path, seed_articles, suffix):
    articles = load_corpus(write_table(seed_articles, tmp_path / f"a{suffix}"))
    pd.testing.assert_frame_equal(articles, seed_articles, check_dtype=False)
