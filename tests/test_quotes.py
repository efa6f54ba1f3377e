"""Quotation spans, speakers, sides, relays and balance on real seed sentences."""

from __future__ import annotations

import time

import pandas as pd
import pytest
from conftest import shared_path

from framing._errors import FramingError
from framing.quotes import QUOTE_COLUMNS, find_quotes, quote_scores, voice_spans


@pytest.fixture(scope="module")
def seed_quotes(seed_articles):
    return find_quotes(seed_articles)


def _doc(seed_articles, doc_id):
    return seed_articles[seed_articles["doc_id"] == doc_id]


def _one(quotes, needle):
    rows = quotes[quotes["text"].str.contains(needle, regex=False)]
    assert len(rows) >= 1, needle
    return rows.iloc[0]


def test_quotes_table_has_design_columns(seed_quotes):
    assert list(seed_quotes.columns) == QUOTE_COLUMNS


def test_every_span_slices_back_to_its_text(seed_articles, seed_quotes):
    texts = dict(zip(seed_articles["doc_id"], seed_articles["text"], strict=False))
    assert all(texts[r.doc_id][r.start:r.end] == r.text for r in seed_quotes.itertuples())


def test_inverted_cue_with_appositive_gives_name_and_side(seed_quotes):
    row = _one(seed_quotes, "As a result of recent encounters")
    assert (row["kind"], row["speaker"], row["speaker_side"]) == (
        "full", "Damien Pickart", "us_military")


def test_paywall_cut_quote_ends_at_its_line(seed_quotes):
    row = _one(seed_quotes, "In regions where the")
    assert row["text"] == "“In regions where the…"


def test_double_right_single_quote_closes_a_quote(seed_quotes):
    row = _one(seed_quotes, "really take our fate")
    assert row["text"].endswith("hands.’’") and row["speaker"] == "Angela Merkel"


def test_multi_paragraph_quote_is_one_span(seed_quotes):
    row = _one(seed_quotes, "It is hard for me to choose")
    assert "\n\n“You are fighting the wrong party" in row["text"]
    assert row["speaker"] == "Konstantin Kosachev"


def test_nested_single_quote_stays_inside(seed_quotes):
    assert not (seed_quotes["text"] == "‘efforts’").any()


def test_scare_quote_has_no_speaker(seed_quotes):
    row = _one(seed_quotes, "“crimes”")
    assert (row["kind"], row["speaker"]) == ("scare", "")


def test_quote_in_headline_is_title(seed_quotes):
    row = _one(seed_quotes, "‘support of terrorists’")
    assert row["kind"] == "title"


def test_relay_is_the_agency_that_passed_the_quote_on(seed_quotes):
    assert _one(seed_quotes, "This strike has to be seen")["relay"] == "TASS"
    assert _one(seed_quotes, "I’m sure that because of this")["relay"] == "RIA Novosti"


def test_own_agency_is_not_a_relay(seed_quotes):
    row = _one(seed_quotes, "The last bus")  # AFP article, "told AFP"
    assert (row["speaker"], row["relay"]) == ("Talal Barazi", "")


def test_descriptor_resolves_to_named_person(seed_quotes):
    row = _one(seed_quotes, "I haven’t seen my house")  # "..., the 28-year-old said."
    assert row["speaker"] == "Walid al-Khalaf"


def test_bare_continuation_inherits_speaker(seed_quotes):
    row = _one(seed_quotes, "I’m not just here for my house")
    assert row["speaker"] == "Khalil al-Hussein"


def test_quoted_as_saying_makes_indirect_quote(seed_quotes):
    row = seed_quotes[(seed_quotes["kind"] == "indirect")
                      & seed_quotes["text"].str.startswith("The United States should respect")]
    assert row.iloc[0]["speaker"] == "Sergei Lavrov"
    assert row.iloc[0]["relay"] == "Russian news agencies"


def test_interview_gives_interviewer_and_interviewee_voices(seed_articles):
    row = _doc(seed_articles, "a14").iloc[0]
    voices = {v for _, _, v, _ in voice_spans(row["text"], row["title"])}
    assert {"headline", "interviewer", "interviewee"} <= voices


def test_voice_spans_do_not_overlap(seed_articles):
    for row in seed_articles.itertuples():
        spans = voice_spans(row.text, row.title)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_guillemets_make_a_quote():
    text = "Le ministre a déclaré « nous ne céderons pas » hier, said the minister."
    start, end, voice, _ = voice_spans(text)[0]
    assert (text[start:end], voice) == ("« nous ne céderons pas »", "quote")


@pytest.mark.parametrize("text", ["", "“" * 5000, "\"'“”«»" * 3000, "“unbalanced " * 50,
                                  "\x00\x01\ufffd binary"])
def test_bad_input_is_handled(text):
    spans = voice_spans(text)
    assert all(0 <= s < e <= len(text) for s, e, _, _ in spans)


def test_megabyte_without_newline_runs_in_linear_time():
    text = ("“I want to free Raqa,” he said, and the “quote marks” go on " * 17000)[:1_000_000]
    t0 = time.perf_counter()
    voice_spans(text)
    assert time.perf_counter() - t0 < 30


def test_find_quotes_needs_text_column():
    with pytest.raises(FramingError, match="Column 'text' not in data"):
        find_quotes(pd.DataFrame({"doc_id": ["x"], "body": ["hi"]}))


def test_quote_scores_give_shares_with_intervals(seed_articles, seed_quotes):
    scores = quote_scores(seed_quotes, seed_articles)
    rows = scores[(scores["outlet"] == "AFP") & (scores["measure"] == "quote_share_syrian_rebels")]
    afp = rows.iloc[0]
    assert 0 < afp["value"] <= 1 and afp["n_docs"] == 3
    entropy = scores[scores["measure"] == "quote_side_entropy"]["value"].dropna()
    assert entropy.between(0, 1).all()


def test_gold_set_meets_goals():
    from framing.evaluate import evaluate_gold

    result = evaluate_gold()
    assert result["overlap"]["f1"] >= 0.95
    assert result["overlap"]["speaker_accuracy"] >= 0.90


def test_ggt_annotations_near_published_f1():
    shared_path("ggt-quotes", "annotations.xlsx")
    from framing.evaluate import GGT_DIR, evaluate_ggt

    result = evaluate_ggt(GGT_DIR)
    assert result["overlap_0.3"]["f1"] >= 0.80  # published 0.837
    assert result["overlap_0.8"]["f1"] >= 0.761  # published 0.761
