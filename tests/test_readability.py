"""Readability: identical to textstat's functions, counted once, NaN with a reason if undefined."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing._errors import FramingError
from framing.offline import ensure_cmudict
from framing.readability import (
    MEASURES,
    READABILITY_COLUMNS,
    find_readability,
    host_text,
    readability_in_text,
    score_readability,
)

ensure_cmudict()  # before textstat looks for NLTK's cmudict (it would try to download it)
textstat = pytest.importorskip("textstat")


@pytest.fixture(scope="module")
def seed(seed_articles):
    return seed_articles


@pytest.fixture(scope="module")
def bundled(seed_articles, fakes_articles):
    return pd.concat([seed_articles, fakes_articles], ignore_index=True)


@pytest.fixture(scope="module")
def bundled_scores(bundled):
    return find_readability(bundled)


def _textstat_row(text: str) -> dict:
    row = {m: getattr(textstat, m)(text) for m in MEASURES}
    row.update(n_words=textstat.lexicon_count(text), n_sentences=textstat.sentence_count(text))
    return row


def test_readability_table_has_documented_columns(bundled_scores):
    assert list(bundled_scores.columns) == READABILITY_COLUMNS


def test_every_bundled_article_is_scored(bundled, bundled_scores):
    assert bundled_scores["reason"].eq("").all()
    assert bundled_scores["doc_id"].tolist() == bundled["doc_id"].tolist()


def test_values_identical_to_textstat_on_every_bundled_article(bundled, bundled_scores):
    mismatches = []
    pairs = zip(bundled.to_dict("records"), bundled_scores.to_dict("records"), strict=True)
    for record, ours in pairs:
        theirs = _textstat_row(host_text(record))
        mismatches += [(record["doc_id"], k) for k, v in theirs.items() if ours[k] != v]
    assert mismatches == []


_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzAEIOUSTXYZ") + [" "] * 8 + list(".!?,;:'’\"-—\n\t_0123")
    + ["'s", "'t", "'re", "n't", "İ", "Σ", "ß", "é", "😀", "ﬁ", "ǅ", "\u0301", "\xa0"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, min_size=0, max_size=120).map("".join))
def test_values_identical_to_textstat_on_random_text(text):
    ours = readability_in_text(text)
    assert ours["n_words"] == textstat.lexicon_count(text)
    assert ours["n_sentences"] == textstat.sentence_count(text)
    if not ours["reason"]:
        assert {m: ours[m] for m in MEASURES} == {m: getattr(textstat, m)(text) for m in MEASURES}


def test_all_caps_text_is_scored_like_textstat(seed):
    text = seed.set_index("doc_id").loc["a02", "text"].upper()
    ours = readability_in_text(text)
    assert ours["reason"] == ""
    assert {m: ours[m] for m in MEASURES} == {m: getattr(textstat, m)(text) for m in MEASURES}


def test_emoji_do_not_count_as_words():
    text = "Russia warned the coalition on Monday 😠. The Pentagon said it would respond 🚀."
    ours = readability_in_text(text)
    assert ours["n_words"] == textstat.lexicon_count(text) == 12
    assert ours["flesch_reading_ease"] == textstat.flesch_reading_ease(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty text"),
        ("  \n\n ", "empty text"),
        ("— … ***", "no words"),
        ("Raqa", "one word"),
        ("“Assad!”", "one word"),
    ],
)
def test_undefined_readability_is_nan_with_reason(text, reason):
    row = readability_in_text(text)
    assert row["reason"] == reason
    assert all(math.isnan(row[m]) for m in MEASURES)


def test_long_text_without_sentence_punctuation_is_nan(seed):
    text = seed.set_index("doc_id").loc["a01", "text"]
    unpunctuated = text.replace(".", "").replace("?", "").replace("!", "")
    row = readability_in_text(unpunctuated)
    assert row["reason"].startswith("no sentence punctuation")
    assert math.isnan(row["flesch_kincaid_grade"])


def test_non_latin_script_is_nan_with_reason():
    text = "قال الرئيس بشار الأسد إن الجيش السوري سيواصل القتال. وأضاف أن روسيا حليف."
    row = readability_in_text(text)
    assert row["reason"] == "mostly non-Latin script"
    assert math.isnan(row["smog_index"])


def test_embedded_tweet_is_left_out_of_host_text(seed):
    article = seed.set_index("doc_id").loc["a05"].to_dict()
    assert "@RT_com" in article["text"]
    assert "@RT_com" not in host_text(article)


def test_embedded_tweet_lowers_word_count(seed, bundled_scores):
    article = seed.set_index("doc_id").loc["a05"]
    scored = bundled_scores.set_index("doc_id").loc["a05", "n_words"]
    assert scored < textstat.lexicon_count(article["text"])


def test_missing_text_column_names_the_fix(seed):
    with pytest.raises(FramingError, match=r"Column 'body' not in data.*pass text="):
        find_readability(seed, text="body")


def test_non_string_text_is_a_clear_error():
    with pytest.raises(FramingError, match="must be a str"):
        readability_in_text(None)


def test_outlet_means_have_intervals_around_them(bundled, bundled_scores):
    scores = score_readability(bundled_scores, bundled)
    sana = scores[(scores.outlet == "sana")
                  & (scores.subject == "flesch_kincaid_grade")].iloc[0]
    expected = bundled_scores[bundled.outlet.eq("sana").to_numpy()]["flesch_kincaid_grade"]
    assert sana["value"] == pytest.approx(expected.mean())
    assert sana["ci_low"] < sana["value"] < sana["ci_high"]
    assert sana["n_docs"] == len(expected)


def test_outlet_scores_cover_every_outlet_and_measure(bundled, bundled_scores):
    scores = score_readability(bundled_scores, bundled)
    assert len(scores) == bundled["outlet"].nunique() * len(MEASURES)
    assert set(scores["subject"]) == set(MEASURES)
    assert set(scores["stage"]) == {"readability"} and set(scores["statistic"]) == {"mean"}


def test_cli_writes_readability_table(seed, tmp_path):
    from framing.cli import main
    from framing.corpus import write_table

    source = write_table(seed, tmp_path / "articles.jsonl")
    assert main(["readability", str(source), "-o", str(tmp_path / "out")]) == 0
    table = pd.read_csv(tmp_path / "out" / "readability.csv", keep_default_na=False)
    assert list(table.columns) == READABILITY_COLUMNS
    assert table["doc_id"].tolist() == seed["doc_id"].tolist()


def test_syllable_table_equals_nltk_cmudict_first_pronunciations():
    import nltk

    from framing.readability import _cmu_syllables

    reference = {word: sum(1 for phone in prons[0] if phone[-1].isdigit())
                 for word, prons in nltk.corpus.cmudict.dict().items()}
    assert _cmu_syllables() == reference


def test_old_readability_names_warn_and_agree(seed):
    import framing.readability as module
    from framing.readability import readability, readability_by_outlet, text_readability

    new = find_readability(seed.head(3))
    with pytest.warns(FutureWarning, match="readability is renamed find_readability"):
        old = readability(seed.head(3))
    pd.testing.assert_frame_equal(old, new)
    with pytest.warns(FutureWarning, match="calling the module framing.readability"):
        pd.testing.assert_frame_equal(module(seed.head(3)), new)
    with pytest.warns(FutureWarning, match="text_readability is renamed"):
        assert text_readability("One two. Three.") == readability_in_text("One two. Three.")
    with pytest.warns(FutureWarning, match="readability_by_outlet is renamed score_readability"):
        pd.testing.assert_frame_equal(readability_by_outlet(new, seed),
                                      score_readability(new, seed))
