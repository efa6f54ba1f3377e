"""Loading users' corpora: formats, column names, encodings and every kind of bad input."""

from __future__ import annotations

import json
import logging

import pandas as pd
import pytest

from framing._errors import FramingError
from framing.corpus import (
    ARTICLE_COLUMNS,
    MappingError,
    decode_bytes,
    iso_date,
    load_corpus,
    write_table,
)

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


def test_missing_named_column_error_names_it_and_lists_the_columns(tmp_path):
    path = _csv(tmp_path / "c.csv", f"body,source\n{SENTENCE},sana\n")
    with pytest.raises(FramingError, match=r"Column 'text' not in data; columns are "
                                           r"\['body', 'source'\].*--text-col"):
        load_corpus(path, text_col="text")


def test_no_outlet_column_allowed_when_asked(tmp_path):
    path = _csv(tmp_path / "c.csv", f"text\n{SENTENCE}\n")
    articles = load_corpus(path, outlet_col=None)
    assert articles["outlet"].tolist() == ["unknown"]
    assert articles["outlet_confidence"].tolist() == [0.0]


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="No such file"):
        load_corpus(tmp_path / "nope.csv")


def test_unknown_suffix_is_a_clear_error(tmp_path):
    path = tmp_path / "c.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(FramingError, match="unknown file type '.docx'"):
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


# ---------------------------------------------------------------- unclosed quotation marks
_TEXTS = ["Rebels seized Tabqa.", "The regime said so.", "A jet was downed on June 18.",
          "Talks, again, failed.", "US-led strikes hit 3 sites."]


def _rows(n: int = 30, quoted: bool = True) -> list[str]:
    cell = '"{}"'.format if quoted else (lambda t: t.replace(",", ""))
    return [f"{i},{cell(_TEXTS[i % 5])},{'AFP' if i % 2 else 'SANA'}" for i in range(1, n + 1)]


def _write_rows(path, rows):
    return _csv(path, "id,text,outlet\n" + "\n".join(rows) + "\n")


def test_unclosed_quote_mid_file_skips_that_row_and_reads_the_rows_it_swallowed(tmp_path):
    rows = _rows(quoted=False)
    rows[4] = '5,"Text number 5 here.,AFP'  # line 6: the quote is never closed...
    rows[15] = '16,Text "number" 16 here.,SANA'  # ...until the first quote of line 17
    articles, report = load_corpus(_write_rows(tmp_path / "c.csv", rows), return_report=True)
    assert articles["doc_id"].tolist() == [str(i) for i in range(1, 31) if i != 5]
    assert articles.set_index("doc_id").loc["16", "text"] == 'Text "number" 16 here.'
    assert report.read == 30 and report.kept == 29
    (record, reason), = report.skipped
    assert record == "c.csv line 6"
    assert "unclosed quotation mark in the row starting at line 6" in reason
    assert "rows at lines 6..17 were read as one cell" in reason
    assert "1 unclosed quotation mark" in report.summary()


def test_unclosed_quote_to_the_end_of_rows_is_said_and_the_rows_are_read(tmp_path, caplog):
    rows = _rows(quoted=False)
    rows[9] = '10,"Text number 10 here.,SANA'
    with caplog.at_level(logging.WARNING, logger="framing"):
        articles, report = load_corpus(_write_rows(tmp_path / "c.csv", rows),
                                       return_report=True)
    assert len(articles) == 29 and "10" not in articles["doc_id"].tolist()
    assert "unclosed quotation mark in the row starting at line 11" in caplog.text


def test_unclosed_quote_running_to_the_end_keeps_the_rows_before_it(tmp_path):
    body = ('id,text,outlet\n1,One.,AFP\n2,Two.,SANA\n3,"A long text\nthat goes on\n'
            "and never ends\n")
    articles, report = load_corpus(_csv(tmp_path / "c.csv", body), return_report=True)
    assert articles["doc_id"].tolist() == ["1", "2"]
    assert report.read == 3 and report.kept == 2
    assert report.skipped == [("c.csv line 4", "unclosed quotation mark: unclosed quotation mark "
                               "in the row starting at line 4: the 2 lines after it could not "
                               "be read")]


def test_nothing_readable_raises_naming_the_line(tmp_path):
    path = _csv(tmp_path / "c.csv", 'id,text,outlet\n1,"A text\nthat never ends\n')
    with pytest.raises(FramingError, match="unclosed quotation mark in the row starting at "
                                           "line 2: the 1 lines after it could not be read"):
        load_corpus(path)
    path = _csv(tmp_path / "h.csv", 'id,"text,outlet\n1,a,b\n')
    with pytest.raises(FramingError, match=r"unclosed quotation mark in the header \(line 1\)"):
        load_corpus(path)


def test_multi_paragraph_quoted_cell_is_one_cell(tmp_path):
    cell = ('"Para one.\n\nPara two, with 2,3 commas.\n4,000 people fled, AFP said.\n'
            '7 rebels, SANA said\n""Quoted"" end."')
    rows = _rows(5) + [f"6,{cell},AFP"] + _rows(9)[6:]
    articles, report = load_corpus(_write_rows(tmp_path / "c.csv", rows), return_report=True)
    assert articles["doc_id"].tolist() == [str(i) for i in range(1, 10)]
    text = articles.set_index("doc_id").loc["6", "text"]
    assert text.startswith("Para one.\n\nPara two") and text.endswith('"Quoted" end.')
    assert articles.set_index("doc_id").loc["6", "source_lines"] == "7-12"
    assert report.skipped == [] and report.kept == 9


# ---------------------------------------------------------------- Excel
def test_xlsx_first_sheet_is_read(tmp_path):
    pytest.importorskip("openpyxl")
    path = tmp_path / "c.xlsx"
    with pd.ExcelWriter(path, engine="openpyxl") as book:
        pd.DataFrame({"article_id": [7, 8], "body": [SENTENCE, "Rebels seized Tabqa."],
                      "source": ["AFP", "SANA"]}).to_excel(book, sheet_name="news", index=False)
        pd.DataFrame({"x": [1]}).to_excel(book, sheet_name="other", index=False)
    articles, report = load_corpus(path, return_report=True)
    assert articles[["doc_id", "outlet", "text"]].values.tolist() == [
        ["7", "AFP", SENTENCE], ["8", "SANA", "Rebels seized Tabqa."]]
    assert any("read sheet 'news' of 2" in n for n in report.notes)
    with pytest.raises(FramingError, match="no sheet 'nope'"):
        load_corpus(path, sheet="nope")


def test_xlsx_without_openpyxl_says_how_to_install_it(tmp_path, monkeypatch):
    import sys

    path = tmp_path / "c.xlsx"
    path.write_bytes(b"PK\x03\x04")
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(FramingError, match=r"needs openpyxl: pip install openpyxl"):
        load_corpus(path)


def test_broken_xlsx_is_a_clear_error(tmp_path):
    pytest.importorskip("openpyxl")
    path = tmp_path / "c.xlsx"
    path.write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(FramingError, match="not a readable Excel file"):
        load_corpus(path)


# ---------------------------------------------------------------- column roles
def test_usual_column_names_are_recognised_and_logged(tmp_path, caplog):
    body = ("article_id,headline,body,publication,published_at,link,section\n"
            f"a1,Jet downed,{SENTENCE},AFP,2017-06-19,https://x.org/1,World\n")
    with caplog.at_level(logging.INFO, logger="framing"):
        articles, report = load_corpus(_csv(tmp_path / "c.csv", body), return_report=True)
    row = articles.iloc[0]
    assert (row["doc_id"], row["title"], row["outlet"], row["date"], row["url"]) == (
        "a1", "Jet downed", "AFP", "2017-06-19", "https://x.org/1")
    assert report.columns == {"id": "article_id", "text": "body", "outlet": "publication",
                              "date": "published_at", "title": "headline", "url": "link"}
    assert "text <- 'body'" in caplog.text
    assert row["outlet_evidence"] == "column 'publication' of c.csv"


def test_unknown_columns_are_kept_after_the_article_columns(tmp_path):
    body = f"id,text,outlet,section,Lang\n1,{SENTENCE},AFP,World,en\n"
    articles, report = load_corpus(_csv(tmp_path / "c.csv", body), return_report=True)
    assert list(articles.columns) == ARTICLE_COLUMNS + ["section", "Lang"]
    assert articles[["section", "Lang"]].values.tolist() == [["World", "en"]]
    assert any("kept 2 other column(s): section, Lang" in n for n in report.notes)


def test_named_columns_win_and_a_displaced_column_is_kept(tmp_path):
    body = f"text,story,outlet,when\nshort,{SENTENCE},AFP,2017-06-19\n"
    articles = load_corpus(_csv(tmp_path / "c.csv", body), text_col="story", date_col="when")
    assert articles[["text", "text_original", "date"]].values.tolist() == [
        [SENTENCE, "short", "2017-06-19"]]


def test_mapping_error_lists_every_missing_and_ambiguous_role(tmp_path):
    body = "a,source,paper,published,pubdate\n1,AFP,x,2017-06-19,2017-06-19\n"
    with pytest.raises(MappingError) as err:
        load_corpus(_csv(tmp_path / "c.csv", body))
    msg = str(err.value)
    assert "text: no column found (columns: a, source, paper, published, pubdate)" in msg
    assert "outlet: ambiguous between 'source' and 'paper'" in msg
    assert "date: ambiguous between 'published' and 'pubdate'" in msg


def test_short_rows_and_trailing_delimiters(tmp_path):
    body = "id,text,outlet,\n1,One.,AFP,\n2,Two.\n"
    articles, report = load_corpus(_csv(tmp_path / "c.csv", body), return_report=True)
    assert list(articles.columns) == ARTICLE_COLUMNS
    assert articles[["doc_id", "outlet"]].values.tolist() == [["1", "AFP"], ["2", "unknown"]]
    assert "c.csv line 3: 2 fields, header has 4 (the missing cells are left empty)" in report.notes
    assert "dropped 1 empty column(s) without a name" in report.notes


def test_empty_ids_become_hashes(tmp_path):
    body = f"id,text,outlet\n,{SENTENCE},AFP\n2,Other.,AFP\n"
    articles = load_corpus(_csv(tmp_path / "c.csv", body))
    assert articles["doc_id"].str.match(r"d[0-9a-f]{10}$").tolist() == [True, False]


@pytest.mark.parametrize("value", [
    "2017-06-10", "2017-06-10T14:00:00+03:00", "Tue, 10 Jun 2017 14:00:00 GMT", "June 10, 2017",
    "10 June 2017", "2017/06/10", "1497103200", "Sat, 10 Jun 2017 23:30:00 -0500",
])
def test_date_formats_become_iso(value):
    assert iso_date(value) == "2017-06-10"


def test_unreadable_dates_are_kept_and_reported(tmp_path):
    body = (f"text,outlet,date\n{SENTENCE},AFP,soon\nB.,AFP,2017-06-10\nC.,AFP,later\n"
            "D.,AFP,soon\n")
    articles, report = load_corpus(_csv(tmp_path / "c.csv", body), return_report=True)
    assert articles["date"].tolist() == ["soon", "2017-06-10", "later", "soon"]
    assert any("date: 3 value(s) could not be read as dates (kept as written), e.g. 'soon', "
               "'later'" in n for n in report.notes)


def test_columns_whose_last_word_is_a_usual_name_are_recognised(tmp_path):
    path = _csv(tmp_path / "c.csv", f"Story ID,Publisher,Body Text,Source URL\ns1,Harbour Gazette,"
                                    f"{SENTENCE},https://example.org/s1\n")
    articles = load_corpus(path)
    row = articles.iloc[0]
    assert (row["doc_id"], row["outlet"], row["text"], row["url"]) == \
        ("s1", "Harbour Gazette", SENTENCE, "https://example.org/s1")


def test_columns_holding_a_usual_name_are_recognised(tmp_path):
    path = _csv(tmp_path / "c.csv", f"story_no,source_name,headline_text,story\n"
                                    f"w1,Valley Courier,Water fine,{SENTENCE}\n")
    articles, report = load_corpus(path, return_report=True)
    row = articles.iloc[0]
    assert (row["outlet"], row["title"], row["text"]) == ("Valley Courier", "Water fine", SENTENCE)
    assert "story_no" in articles.columns  # kept as another column
