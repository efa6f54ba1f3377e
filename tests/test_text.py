"""Sentence splitting, words and offsets on real news text from the bundled corpora."""

from __future__ import annotations

import time

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing._errors import FramingError
from framing.text import (
    SENTENCE_COLUMNS,
    count_words,
    paragraph_spans,
    sentence_index,
    sentence_spans,
    sentences,
    word_spans,
)


@pytest.fixture(scope="module")
def texts(seed_articles):
    return seed_articles.set_index("doc_id")["text"]


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def _sentence_with(text: str, needle: str) -> str:
    hits = [s for s in _sentences(text) if needle in s]
    assert len(hits) == 1, hits
    return hits[0]


@pytest.mark.parametrize(
    ("doc_id", "needle", "whole"),
    [
        ("a11", "Capt. Jeff Davis",
         "The U.S. had not shot down a Syrian regime aircraft before Sunday’s confrontation, "
         "said Navy Capt. Jeff Davis, a Pentagon spokesman."),
        ("a13", "Ms. Le pen",
         "“If Ms. Le pen asked to meet, why should we turn her down?” Mr. Putin said as "
         "Mr. Macron looked on."),
        ("a14", "said Dr. Marcus",
         "Syria’s security has historically been strengthened by Moscow, and the Russians have "
         "on more than one occasion come to the aid of Syria”, said Dr. Marcus Papadopoulos in "
         "an exclusive interview with Fars News Agency."),
        ("a02", "at U.S. Air Forces",
         None),
    ],
)
def test_title_or_abbreviation_before_a_name_does_not_end_sentence(texts, doc_id, needle, whole):
    sentence = _sentence_with(texts[doc_id], needle)
    if whole is not None:
        assert sentence == whole
    else:
        assert sentence.endswith("U.S. Air Forces Central Command.")


def test_us_before_a_title_continues_the_sentence(texts):
    sentence = _sentence_with(texts["a13"], "U.S. President")
    assert sentence.startswith("Last week U.S. President Donald Trump didn’t reaffirm")


def test_abbreviation_then_sentence_opener_ends_sentence(texts):
    text = texts["a02"].replace("on Sunday.", "in the U.S. The Pentagon agreed.")
    assert any(s.endswith("downing of a Syrian military jet in the U.S.") for s in _sentences(text))


def test_am_before_time_zone_continues(seed_text):
    assert "June 19, 2017 10:33 a.m. ET" in _sentences(seed_text)


def test_lt_col_and_initials_do_not_end_sentence(texts):
    text = texts["a02"].replace("Lieutenant Colonel", "Lt. Col. J. R.")
    assert "Lt. Col. J. R. Damien Pickart, a spokesman" in _sentence_with(text, "Pickart")


def test_ellipsis_before_lower_case_continues(texts):
    assert _sentence_with(texts["a15"], "Waer…").startswith(
        "“There are no more weapons or armed men in Waer… we can declare Homs")


def test_ellipsis_at_end_of_text_closes_sentence(texts):
    assert _sentences(texts["a03"])[-1] == "“In regions where the…"


def test_full_stop_inside_quote_splits_quoted_sentences(texts):
    found = _sentences(texts["a01"])
    assert "“I haven’t seen my house for eight months." in found
    assert "I can’t describe how I feel,” the 28-year-old said." in found


def test_closing_quote_after_full_stop_ends_sentence(texts):
    assert "“And wherever the jihadists go, we will pursue them.”" in _sentences(texts["a01"])


def test_question_in_quote_followed_by_speaker_continues(texts):
    assert _sentence_with(texts["a13"], "Le pen").endswith("Mr. Macron looked on.")


def test_period_glued_to_next_sentence_splits(texts):
    found = _sentences(texts["a01"])
    assert any(s.endswith("from his hometown.") for s in found)
    assert any(s.startswith("The 25-year-old is one of several") for s in found)


def test_answer_no_is_its_own_sentence(texts):
    found = _sentences(texts["a14"])
    assert "A: No." in found
    assert any(s.startswith("Israel and Saudi Arabia are staunch allies") for s in found)


def test_question_lines_start_sentences(texts):
    starts = [s for s in _sentences(texts["a14"]) if s.startswith("Q: ")]
    assert len(starts) == texts["a14"].count("\n\nQ: ")


def test_headline_is_its_own_sentence(seed_articles):
    for title, text in zip(seed_articles["title"], seed_articles["text"], strict=True):
        if title:
            assert _sentences(text)[0] == title


def test_text_without_punctuation_gives_one_sentence_per_line():
    text = "Russia warns US-led coalition\nDefence ministry says planes will be treated as targets"
    assert _sentences(text) == text.split("\n")


def test_wrapped_lower_case_line_continues():
    text = "The Pentagon confirmed that a US Navy jet had\nshot down a Syrian warplane."
    assert _sentences(text) == [text]


def test_all_caps_text_splits_like_mixed_case(texts):
    text = texts["a02"]
    assert len(_sentences(text.upper())) == len(_sentences(text))


def test_arabic_question_mark_ends_sentence():
    assert _sentences("هل انتهت الحرب؟ قال الجيش إنها لم تنته.") == [
        "هل انتهت الحرب؟", "قال الجيش إنها لم تنته."]


def test_emoji_after_full_stop_do_not_break_offsets():
    text = "Russia warned the coalition. 😠 The Pentagon said nothing."
    assert _sentences(text) == ["Russia warned the coalition.", "😠 The Pentagon said nothing."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("aZ. !?\n…”“'\"()QA:U") + ["Mr.", "U.S.", "  "]),
                max_size=120).map("".join))
def test_spans_are_ordered_trimmed_and_cover_every_visible_character(text):
    spans = sentence_spans(text)
    covered = set()
    last = 0
    for a, b in spans:
        assert last <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()
        covered.update(range(a, b))
        last = b
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())


def test_long_pathological_input_runs_in_linear_time():
    text = ("U.S. " * 20000) + ("a" * 200000) + (". " * 20000) + "“" * 10000
    t0 = time.perf_counter()
    spans = sentence_spans(text)
    assert time.perf_counter() - t0 < 2.0
    assert spans[0][0] == 0


def test_non_string_text_is_a_clear_error():
    with pytest.raises(FramingError, match="'text' parameter of sentence_spans must be a str"):
        sentence_spans(b"bytes")


def test_sentences_table_slices_back_and_numbers_from_zero(seed_articles):
    table = sentences(seed_articles)
    assert list(table.columns) == SENTENCE_COLUMNS
    texts = seed_articles.set_index("doc_id")["text"]
    for doc, group in table.groupby("doc_id"):
        assert group["sent_id"].tolist() == list(range(len(group)))
        spans = list(zip(group.start, group.end, strict=True))
        assert spans == sentence_spans(texts[doc])


def test_sentences_table_of_empty_articles_is_empty_with_columns():
    table = sentences(pd.DataFrame({"doc_id": ["x"], "text": [""]}))
    assert table.empty and list(table.columns) == SENTENCE_COLUMNS


def test_sentences_missing_column_names_the_fix(seed_articles):
    with pytest.raises(FramingError, match=r"Column 'body' not in data.*pass text="):
        sentences(seed_articles, text="body")


def test_sentence_index_finds_containing_sentence(texts):
    text = texts["a11"]
    spans = sentence_spans(text)
    at = text.index("Capt. Jeff Davis")
    assert "Capt. Jeff Davis" in text[slice(*spans[sentence_index(spans, at)])]


def test_word_spans_keep_apostrophes_and_hyphens(texts):
    words = [texts["a01"][a:b] for a, b in word_spans(texts["a01"])]
    assert "Syria’s" in words and "US-backed" in words


def test_count_words_skips_words_in_overlapping_excluded_spans(texts):
    text = texts["a05"]
    outside = sum(1 for a, _ in word_spans(text) if a >= 80)
    assert count_words(text, exclude=[(0, 40), (10, 20), (30, 80)]) == outside


def test_paragraph_spans_split_on_blank_lines(texts):
    text = texts["a01"]
    assert [text[a:b] for a, b in paragraph_spans(text)] == [
        p for p in text.split("\n\n") if p.strip()]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab1 -'’_.é\n", max_size=60),
       spans=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=4))
def test_count_words_excludes_exactly_the_words_starting_in_the_spans(text, spans):
    exclude = [(a, a + n) for a, n in spans]
    inside = sum(1 for s, _ in word_spans(text) if any(a <= s < b for a, b in exclude))
    assert count_words(text, exclude) == len(word_spans(text)) - inside


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=".!?…\n \"'”)Aa.b", max_size=40))
def test_candidate_boundaries_are_those_of_the_plain_pattern(text):
    import re

    from framing.text import _C, _CANDIDATE_RE, _T

    plain = re.compile(rf"[{_T}]+[{_C}]*(?=\s|$|[A-Z][a-z])|\n")
    assert [m.span() for m in _CANDIDATE_RE.finditer(text)] == \
        [m.span() for m in plain.finditer(text)]


def test_an_abbreviation_in_parentheses_ends_no_sentence():
    text = ("Sen. Cal Dunning (R-Kan.) - one of five who blocked the vote - said he backed the "
            "aid. It failed.")
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Sen. Cal Dunning (R-Kan.) - one of five who blocked the vote - said he backed the aid.",
        "It failed."]
