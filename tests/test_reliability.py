"""Hostile and broken input: no exception, no silent loss, offsets that slice back, linear time.

Each hostile input tried here, and what happens, is listed in the module's tests' names and in
``HOSTILE_FILES`` below.
"""

from __future__ import annotations

import json
import time

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.corpus import load_corpus, raw_line, write_table
from framing.segment import split_aggregator
from framing.text import count_words, paragraph_spans, sentence_spans, word_spans

# Arbitrary Unicode, with the characters that break naive text code over-represented.
NASTY = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("“”‘’'\"«»\n\n\t\r\x00\u200d\u200b\u202e\u05d0\u0627…—–-.?!:"
                             "()[]QA")),
    ),
    max_size=400,
)
PROPERTY = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(NASTY)
def test_text_spans_slice_back_and_never_overlap(text):
    for spans in (word_spans(text), sentence_spans(text), paragraph_spans(text)):
        assert all(0 <= a < b <= len(text) for a, b in spans)
        assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))
    assert count_words(text) == len(word_spans(text))


@PROPERTY
@given(NASTY)
def test_sentences_cover_every_word(text):
    sents = sentence_spans(text)
    for a, b in word_spans(text):
        assert any(s <= a and b <= e for s, e in sents)


@PROPERTY
@given(st.lists(NASTY, max_size=6))
def test_segmenting_any_page_loses_no_line(lines):
    page = "\n".join(lines)
    seg = split_aggregator(page)
    kept = {ln for pl in seg.articles["paragraph_lines"] for ln, _ in json.loads(pl)}
    dropped = set(seg.furniture["line"])
    nonblank = {i + 1 for i, line in enumerate(page.split("\n"))
                if line.replace("\u00a0", " ").strip()}
    assert kept | dropped == nonblank
    for row in seg.articles.to_dict("records"):
        for start, end, *_ in json.loads(row["embeds"]):
            assert 0 <= start < end <= len(row["text"])
        if row["text"]:
            assert raw_line(row, len(row["text"]) - 1) in kept


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
@PROPERTY
@given(rows=st.lists(st.tuples(NASTY, st.sampled_from(["AFP", "SANA", "=cmd", ""])), max_size=5))
def test_table_round_trip_keeps_every_text(tmp_path_factory, suffix, rows):
    path = tmp_path_factory.mktemp("rt") / f"c{suffix}"
    if suffix == ".csv":  # a CSV with NUL or control bytes reads as binary, by design
        rows = [("".join(c for c in t if c >= " " or c in "\t\n\r"), o) for t, o in rows]
    frame = pd.DataFrame(rows, columns=["text", "outlet"])
    frame.insert(0, "doc_id", [f"x{i}" for i in range(len(frame))])
    if frame.empty:
        return
    articles, report = load_corpus(write_table(frame, path), return_report=True)
    assert report.read == len(frame) == report.kept + len(report.skipped)
    assert articles["text"].tolist() == frame["text"].tolist()


# ------------------------------------------------------------------ a hostile corpus folder
HOSTILE_FILES = {
    # name: (bytes, what must happen)
    "utf8.txt": ("The regime’s jets.".encode(), "kept"),
    "cp1252.txt": ("The regime’s “jets”.".encode("cp1252"), "kept, read as cp1252"),
    "utf16.txt": ("The regime’s jets.".encode("utf-16"), "kept, read as utf-16"),
    "nul.txt": (b"The regime\x00s jets." + b" More text." * 20, "kept, NUL bytes removed"),
    "binary.txt": (bytes(range(256)) * 8, "skipped: looks binary"),
    "empty.txt": (b"", "kept, flagged empty_text"),
    "image.png": (b"\x89PNG\r\n\x1a\n", "skipped: unsupported file type"),
}


def test_hostile_folder_loads_what_it_can_and_reports_the_rest(tmp_path):
    for name, (data, _) in HOSTILE_FILES.items():
        (tmp_path / name).write_bytes(data)
    articles, report = load_corpus(tmp_path, return_report=True)
    by_id = articles.set_index("doc_id")
    assert set(by_id.index) == {"utf8", "cp1252", "utf16", "nul", "empty"}
    assert by_id.loc["cp1252", "text"] == "The regime’s “jets”."
    assert by_id.loc["utf16", "text"] == "The regime’s jets."
    assert by_id.loc["nul", "text"].startswith("The regimes jets.")
    assert by_id.loc["empty", "flags"] == "empty_text"
    reasons = dict(report.skipped)
    assert reasons["binary.txt"].startswith("unreadable: binary.txt looks binary")
    assert reasons["image.png"] == "unsupported file type .png"
    assert report.read == len(HOSTILE_FILES) == report.kept + len(report.skipped)
    notes = " ".join(report.notes)
    assert "cp1252.txt: read as cp1252" in notes and "utf16.txt: read as utf-16" in notes


def test_raw_files_are_never_written(tmp_path):
    for name, (data, _) in HOSTILE_FILES.items():
        (tmp_path / name).write_bytes(data)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    load_corpus(tmp_path)
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    assert before == after


# ------------------------------------------------------------------ linear time
def _seconds(func, text: str) -> float:
    start = time.perf_counter()
    func(text)
    return time.perf_counter() - start


ADVERSARIAL = {
    "curly quotes": "“" * 1_000_000,
    "no spaces": "regime" * 170_000,
    "nested brackets": "(" * 100_000 + ")" * 100_000,
    "dots": ". " * 500_000,
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
@pytest.mark.parametrize("func", [sentence_spans, word_spans, split_aggregator],
                         ids=["sentence_spans", "word_spans", "split_aggregator"])
def test_adversarial_input_takes_about_as_long_as_prose(seed_text, func, name):
    hostile = ADVERSARIAL[name]
    prose = (seed_text * (len(hostile) // len(seed_text) + 1))[: len(hostile)]
    baseline = max(_seconds(func, prose), 0.05)  # the same floor as the stages' test below
    # generous bound: catches quadratic blow-ups (which take minutes), not constant factors
    # (500,000 candidate periods in ". . ." each get a look from sentence_spans)
    assert _seconds(func, hostile) < 20 * baseline


# ------------------------------------------------------------------ every stage on hostile text
# Corpus words that trigger the stages (labels, cue verbs, event verbs, actors) mixed with noise.
TRIGGERS = ("regime", "Assad", "government", "IS", "Daesh", "rebels", "terrorists", "said",
            "told", "according to", "shot down", "was shot down by", "the US", "Russia’s",
            "killed", "downing", "Q:", "A:", "Mr.", "U.S.", "“", "”", "\"", "'", "«", "»", "…",
            ".", "?", "\n\n", "\n", " ", " ", " ", "\u200d", "\u202e", "\x00", "ا", "😀")
HOSTILE_TEXT = st.one_of(
    NASTY,
    st.lists(st.sampled_from(TRIGGERS), max_size=120).map("".join),
    st.lists(st.one_of(st.sampled_from(TRIGGERS), st.text(max_size=3)), max_size=80).map(" ".join),
)


def _one_article(text: str, title: str = ""):
    from framing.corpus import validate_articles

    body = f"{title}\n\n{text}" if title else text
    return validate_articles(pd.DataFrame({"doc_id": ["h1"], "text": [body], "title": [title],
                                           "outlet": ["AFP"]}))


@PROPERTY
@given(HOSTILE_TEXT, st.sampled_from(["", "Regime forces shoot down a drone"]))
def test_every_stage_survives_hostile_text_and_offsets_slice_back(text, title):
    from framing.agency import find_events
    from framing.quotes import find_quotes
    from framing.readability import find_readability
    from framing.terms import find_terms
    from framing.text import sentences
    from framing.tone import find_tone

    articles = _one_article(text, title)
    body = articles["text"].iloc[0]
    sents = sentences(articles)
    assert all(0 <= s < e <= len(body) for s, e in zip(sents["start"], sents["end"], strict=True))
    hits = find_terms(articles)
    assert all(body[s:e] == m for s, e, m in
               zip(hits["start"], hits["end"], hits["match"], strict=True))
    assert hits["sent_id"].isin(sents["sent_id"]).all()
    quotes = find_quotes(articles)
    assert all(body[s:e] == t for s, e, t in
               zip(quotes["start"], quotes["end"], quotes["text"], strict=True) if t)
    events = find_events(articles)
    assert all(body[s:e] == m for s, e, m in
               zip(events["start"], events["end"], events["match"], strict=True))
    tones = find_tone(articles)
    assert len(tones) == len(sents) and tones["compound"].between(-1, 1).all()
    scores = find_readability(articles)
    assert len(scores) == 1 and scores["n_words"].iloc[0] >= 0


def test_stages_give_the_same_rows_whole_or_article_by_article(seed_articles):
    from framing.agency import find_events
    from framing.quotes import find_quotes
    from framing.terms import find_terms
    from framing.tone import find_tone

    for stage in (find_terms, find_quotes, find_events, find_tone):
        whole = stage(seed_articles).reset_index(drop=True)
        parts = pd.concat([stage(seed_articles.iloc[[i]]) for i in range(len(seed_articles))],
                          ignore_index=True)
        pd.testing.assert_frame_equal(whole, parts, check_dtype=False, obj=stage.__name__)


def _stage_runner(name):
    def run(text: str):
        from framing.agency import find_events
        from framing.quotes import find_quotes
        from framing.terms import find_terms
        from framing.tone import find_tone

        stage = {"find_terms": find_terms, "find_quotes": find_quotes, "agency": find_events,
                 "tone": find_tone}[name]
        return stage(_one_article(text))
    run.__name__ = name
    return run


@pytest.mark.slow
@pytest.mark.parametrize("name", list(ADVERSARIAL))
@pytest.mark.parametrize("stage", ["find_terms", "find_quotes", "agency", "tone"])
def test_stages_run_in_linear_time_on_adversarial_input(seed_text, stage, name):
    hostile = ADVERSARIAL[name][:200_000]
    prose = (seed_text * (len(hostile) // len(seed_text) + 1))[: len(hostile)]
    run = _stage_runner(stage)
    baseline = max(_seconds(run, prose), 0.05)
    assert _seconds(run, hostile) < 20 * baseline


def test_kwic_html_shows_a_script_in_an_article_as_text():
    from framing.terms import kwic

    articles = _one_article("The regime <script>alert(1)</script> said so.")
    html = kwic(articles, "regime")._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_notebook_tables_escape_article_text():
    articles = _one_article("<img src=x onerror=alert(1)> The regime said.")
    html = articles[["doc_id", "text"]].to_html()
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize("stage", ["find_terms", "find_quotes", "agency", "tone"])
def test_stage_time_grows_linearly_on_one_long_dense_line(stage):
    # Every sentence holds a label, a quote and an event; a per-mention scan over all earlier
    # regions made this quadratic once (agency's voice lookup): 4x the text took 10x the time.
    line = "The regime said “it was shot down” by the US. "
    run = _stage_runner(stage)
    run(line * 100)  # load lexicons and caches first
    small = min(_seconds(run, line * 4_000) for _ in range(3))
    large = min(_seconds(run, line * 16_000) for _ in range(3))
    assert large < 7 * max(small, 0.02)
