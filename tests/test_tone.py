"""Tone: VADER scores equal the reference package, voices and targets per sentence, per-outlet
measures, loaded attribution verbs and hedges, and the wiring check against human ratings."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing._errors import FramingError
from framing.datasets import load_vader_nyt
from framing.quotes import find_quotes
from framing.text import sentence_spans, sentences
from framing.tone import (
    HEDGE_COLUMNS,
    TONE_COLUMNS,
    article_tone,
    attribution_scores,
    find_hedges,
    find_tone,
    hedge_scores,
    score_tone,
    sentence_tone,
    target_tone,
    tone_by_outlet,
    tone_in_text,
    tone_validity,
)

REFERENCE = SentimentIntensityAnalyzer()


@pytest.fixture(scope="module")
def seed_tone(seed_articles):
    return find_tone(seed_articles)


@pytest.fixture(scope="module")
def seed_quotes(seed_articles):
    return find_quotes(seed_articles)


def _rows(seed_articles, seed_tone, doc_id):
    text = seed_articles.set_index("doc_id").loc[doc_id, "text"]
    rows = seed_tone[seed_tone.doc_id == doc_id]
    pairs = zip(sentence_spans(text), rows.to_dict("records"), strict=True)
    return {text[a:b]: row for (a, b), row in pairs}


def test_scores_equal_vader_reference_on_corpus_sentences(seed_articles, fakes_articles):
    texts = list(seed_articles["text"]) + list(fakes_articles["text"].iloc[::4])
    found = [t[a:b] for t in texts for a, b in sentence_spans(t)]
    assert len(found) > 2500
    assert [sentence_tone(s) for s in found] == [REFERENCE.polarity_scores(s) for s in found]


_PIECES = st.sampled_from(
    ["Russia", "condemned", "but", "BUT", "kind", "of", "not", "never", "so", "good", "GREAT",
     "no", "least", "at", "very", "the shit", "hand to mouth", "!", "?", "!!!", ":)", "😀", "💔",
     "killed", "peace", " ", "  ", ",", ".", "without", "doubt", "isn't", "this", "nor", "or",
     "sort of", "hardly", "خير", "قتل"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map(" ".join))
def test_scores_equal_vader_reference_on_random_text(text):
    assert sentence_tone(text) == REFERENCE.polarity_scores(text)


def test_tone_table_has_one_row_per_sentence(seed_articles, seed_tone):
    sents = sentences(seed_articles)
    assert list(seed_tone.columns) == TONE_COLUMNS
    assert seed_tone[["doc_id", "sent_id"]].equals(sents[["doc_id", "sent_id"]])


def test_tone_row_is_the_sentence_score(seed_articles, seed_tone):
    text = seed_articles.set_index("doc_id").loc["a01", "text"]
    rows = _rows(seed_articles, seed_tone, "a01")
    joy = next(s for s in rows if s.startswith("“We feel great joy,”"))
    assert rows[joy]["compound"] == REFERENCE.polarity_scores(joy)["compound"] > 0.5
    assert joy in text


def test_headline_sentence_has_headline_voice(seed_articles, seed_tone):
    first = seed_tone[(seed_tone.doc_id == "a01") & (seed_tone.sent_id == 0)].iloc[0]
    assert first["voice"] == "headline"


def test_fully_quoted_sentence_has_quote_voice(seed_articles, seed_tone):
    rows = _rows(seed_articles, seed_tone, "a01")
    assert rows["“I left my house with nothing but a blanket and mattress.”"]["voice"] == "quote"


def test_sentence_mostly_narrated_has_narrator_voice(seed_articles, seed_tone):
    rows = _rows(seed_articles, seed_tone, "a01")
    assert rows["Now, he has a single thing on his mind."]["voice"] == "narrator"


def test_embedded_tweet_sentences_have_embedded_voice(seed_articles, seed_tone):
    rows = _rows(seed_articles, seed_tone, "a05")
    tweet = next(s for s in rows if s.startswith("@RT_com"))
    assert rows[tweet]["voice"] == "embedded"


def test_interview_answers_have_interviewee_voice(seed_articles, seed_tone):
    rows = _rows(seed_articles, seed_tone, "a14")
    assert rows["A: No."]["voice"] == "interviewee"
    question = next(s for s in rows if s.startswith("Q: Why does Russia"))
    assert rows[question]["voice"] == "interviewer"


def test_targets_list_sides_of_named_actors(seed_articles, seed_tone):
    rows = _rows(seed_articles, seed_tone, "a01")
    sdf = next(s for s in rows if s.startswith("The US-backed Syrian Democratic Forces"))
    assert rows[sdf]["targets"] == "sdf;us_gov"


def test_without_voices_only_headline_and_embedded_are_marked(seed_articles):
    fast = find_tone(seed_articles, voices=False)
    assert set(fast["voice"]) == {"headline", "narrator", "embedded"}


def test_empty_and_unpunctuated_articles_are_handled():
    arts = pd.DataFrame({"doc_id": ["e", "u"], "text": ["", "Russia warns US-led coalition"]})
    table = find_tone(arts)
    assert table["doc_id"].tolist() == ["u"]
    assert table["targets"].iloc[0].split(";")[0] == "russia_gov"


def test_all_caps_emoji_and_arabic_sentences_score_like_reference():
    for text in ["RUSSIA CONDEMNED THE STRIKE!", "Peace at last 😀", "قال الجيش إن السلام قريب."]:
        row = find_tone(pd.DataFrame({"doc_id": ["x"], "text": [text]}), voices=False).iloc[0]
        assert row["compound"] == REFERENCE.polarity_scores(text)["compound"]


def test_missing_text_column_names_the_fix(seed_articles):
    with pytest.raises(FramingError, match=r"Column 'body' not in data.*pass text="):
        find_tone(seed_articles, text="body")


def test_non_string_sentence_is_a_clear_error():
    with pytest.raises(FramingError, match="'sentence' parameter of sentence_tone"):
        sentence_tone(3.0)


def test_article_tone_is_mean_of_non_embedded_sentences(seed_tone):
    a05 = seed_tone[(seed_tone.doc_id == "a05") & (seed_tone.voice != "embedded")]
    row = article_tone(seed_tone).set_index("doc_id").loc["a05"]
    assert row["compound"] == pytest.approx(a05["compound"].mean())
    assert row["n_sentences"] == len(a05)


def test_target_tone_value_is_mean_over_sentences_naming_target(seed_articles, seed_tone):
    scores = target_tone(seed_tone, seed_articles)
    afp = seed_articles.loc[seed_articles.outlet == "AFP", "doc_id"]
    sel = seed_tone[seed_tone.doc_id.isin(afp) & seed_tone.targets.str.contains("russia_gov")
                    & seed_tone.voice.isin(["narrator", "headline", "interviewer"])]
    row = scores[(scores.outlet == "AFP")
                 & (scores.measure == "tone:mean:russia_gov:narrator")].iloc[0]
    assert row["value"] == pytest.approx(sel["compound"].mean())
    assert row["n_events"] == len(sel)


def test_target_tone_merges_us_government_and_military(seed_articles, seed_tone):
    measures = set(target_tone(seed_tone, seed_articles)["measure"])
    assert {"tone:mean:us:narrator", "tone:mean:us:quoted"} <= measures
    assert not any("us_military" in m for m in measures)


def test_tone_by_outlet_leaves_out_embedded_sentences(seed_articles, seed_tone):
    scores = tone_by_outlet(seed_tone, seed_articles)
    row = scores[(scores.outlet == "France 24") & (scores.measure == "tone:mean::all")].iloc[0]
    kept = seed_tone[(seed_tone.doc_id == "a05") & (seed_tone.voice != "embedded")]
    assert row["value"] == pytest.approx(kept["compound"].mean())
    assert row["n_events"] == len(kept)


@pytest.fixture(scope="module")
def nyt():
    raw = load_vader_nyt()
    assert len(raw) == 5190
    return raw


def test_scores_equal_vader_reference_on_nyt_sentences(nyt):
    texts = nyt["text"].tolist()
    assert [sentence_tone(t) for t in texts] == [REFERENCE.polarity_scores(t) for t in texts]


def test_vader_reproduces_human_correlation_on_nyt_editorials(nyt):
    raw = nyt
    scored = article_tone(find_tone(raw, voices=False)).merge(raw, on="doc_id")
    r = np.corrcoef(scored["compound"], scored["rating"] / 4)[0, 1]
    assert r == pytest.approx(0.50, abs=0.02)


def test_tone_validity_reports_r_with_an_interval(nyt):
    pairs, summary = tone_validity(nyt, n_boot=200)
    assert summary["n"] == len(pairs) == 5190
    assert summary["r"] == pytest.approx(0.50, abs=0.02)  # the paper: 0.492
    assert summary["ci_low"] < summary["r"] < summary["ci_high"]
    assert pairs["human"].between(-1, 1).all()


def test_tone_validity_names_a_missing_rating_column(nyt):
    with pytest.raises(FramingError, match="Column 'rating' not in data"):
        tone_validity(nyt.drop(columns="rating"))


def test_loaded_cue_share_counts_loaded_verbs(seed_articles, seed_quotes):
    scores = attribution_scores(seed_quotes, seed_articles)
    f24 = seed_quotes[(seed_quotes.doc_id == "a05") & (seed_quotes.cue != "")]
    loaded = f24["cue"].isin(["warn", "denounce", "allege", "claim", "accuse", "condemn"]).sum()
    row = scores[(scores.outlet == "France 24")
                 & (scores.measure == "tone:loaded_cue_share::")].iloc[0]
    assert row["value"] == pytest.approx(loaded / len(f24))
    assert row["n_events"] == len(f24)


def test_loaded_cue_share_is_split_by_speaker_side(seed_articles, seed_quotes):
    measures = set(attribution_scores(seed_quotes, seed_articles)["measure"])
    sides = set(seed_quotes.loc[seed_quotes.cue != "", "speaker_side"])
    assert {f"tone:loaded_cue_share:{s}:" for s in sides} <= measures


def test_cue_without_tone_is_a_clear_error(seed_articles, seed_quotes):
    bad = seed_quotes.assign(cue=seed_quotes["cue"].replace({"say": "mumble"}))
    with pytest.raises(FramingError, match="mumble"):
        attribution_scores(bad, seed_articles)


def test_find_hedges_slices_back_to_markers(seed_articles):
    hits = find_hedges(seed_articles)
    assert list(hits.columns) == HEDGE_COLUMNS
    texts = seed_articles.set_index("doc_id")["text"]
    assert all(texts[d][a:b] == m for d, a, b, m in zip(hits.doc_id, hits.start, hits.end,
                                                        hits.match, strict=True))
    assert {"alleged", "purported"} <= set(hits["term"])


def test_hedge_rate_is_per_thousand_host_words(seed_articles):
    hits = find_hedges(seed_articles)
    scores = hedge_scores(hits, seed_articles)
    row = scores[(scores.outlet == "AP") & (scores.measure == "tone:rate:distancing:")].iloc[0]
    n = ((hits.doc_id == "a11") & (hits.family == "distancing")).sum()
    assert row["value"] == pytest.approx(1000 * n / row["n_words"])
    assert n > 0


def test_scare_quote_rate_comes_from_quotes_table(seed_articles, seed_quotes):
    scores = hedge_scores(find_hedges(seed_articles), seed_articles, quotes=seed_quotes)
    afp = scores[(scores.outlet == "AFP") & (scores.measure == "tone:rate:scare_quote:")].iloc[0]
    afp_docs = seed_articles.loc[seed_articles.outlet == "AFP", "doc_id"]
    n = ((seed_quotes.kind == "scare") & seed_quotes.doc_id.isin(afp_docs)).sum()
    assert afp["n_events"] == n > 0


def test_cli_writes_tone_table_and_outlet_scores(seed_articles, tmp_path):
    from framing.cli import main
    from framing.corpus import write_table

    source = write_table(seed_articles, tmp_path / "articles.jsonl")
    assert main(["tone", str(source), "-o", str(tmp_path), "--no-voices"]) == 0
    table = pd.read_csv(tmp_path / "tone.csv", keep_default_na=False)
    assert list(table.columns) == TONE_COLUMNS
    assert len(table) == len(sentences(seed_articles))
    scores = pd.read_csv(tmp_path / "outlet_scores.csv")
    assert {"tone:mean::all", "tone:rate:distancing:"} <= set(scores["measure"])


def test_hedges_equal_every_pattern_run_on_every_bundled_article(seed_articles, fakes_articles):
    from framing.corpus import embed_spans
    from framing.text import sentence_index
    from framing.tone import hedge_patterns

    arts = pd.concat([seed_articles, fakes_articles], ignore_index=True)
    expected = []
    for record in arts.to_dict("records"):
        body, skip = record["text"], embed_spans(record)
        for family, term, regex in hedge_patterns():
            expected += [(record["doc_id"], sentence_index(sentence_spans(body), m.start()),
                          m.start(), m.end(), family, term, m.group())
                         for m in regex.finditer(body)
                         if not any(a <= m.start() < b for a, b in skip)]
    found = find_hedges(arts)
    assert sorted(found.itertuples(index=False, name=None)) == sorted(expected)


def test_outlet_tone_equals_score_row_over_articles_grouped_by_outlet(seed_articles, seed_tone):
    from framing.corpus import embed_spans
    from framing.stats import outlet_scores_frame, score_row
    from framing.text import count_words

    words = {r["doc_id"]: count_words(r["text"], embed_spans(r))
             for r in seed_articles.to_dict("records")}
    own = seed_tone[seed_tone["voice"] != "embedded"]
    per_doc = own.groupby("doc_id")["compound"].agg(["sum", "size"])
    outlet_of = dict(zip(seed_articles["doc_id"], seed_articles["outlet"], strict=True))
    rows = []
    for outlet in sorted(set(outlet_of.values())):
        docs = [d for d in per_doc.index if outlet_of[d] == outlet]
        rows.append(score_row(outlet, "tone:mean::all", per_doc.loc[docs, "sum"].tolist(),
                              per_doc.loc[docs, "size"].tolist(),
                              n_words=sum(words[d] for d in docs),
                              n_events=int(per_doc.loc[docs, "size"].sum())))
    got = tone_by_outlet(seed_tone, seed_articles)
    expected = outlet_scores_frame(rows)
    expected["base"] = pd.Series("sentences", index=expected.index, dtype=object)
    expected["n_base"] = expected["n_events"].astype(float)
    by_outlet = seed_articles.groupby("outlet")["doc_id"].agg(list)
    expected["n_words"] = [sum(words[d] for d in by_outlet[o]) for o in expected["outlet"]]
    pd.testing.assert_frame_equal(got[got["measure"] == "tone:mean::all"].reset_index(drop=True),
                                  expected)


def test_tone_in_text_gives_the_rows_of_find_tone(seed_articles, seed_tone):
    art = seed_articles.iloc[2]
    rows = pd.DataFrame(tone_in_text(art["text"], art["title"], embeds=art.get("embeds")))
    table = seed_tone[seed_tone["doc_id"] == art["doc_id"]].drop(columns="doc_id")
    pd.testing.assert_frame_equal(rows.astype(table.dtypes), table.reset_index(drop=True))


def test_score_tone_holds_every_tone_measure(seed_articles, seed_tone):
    quotes = find_quotes(seed_articles)
    scores = score_tone(seed_tone, seed_articles, quotes=quotes)
    assert set(scores["stage"]) == {"tone"}
    assert {"mean", "rate", "loaded_cue_share"} <= set(scores["statistic"])
    by_outlet = tone_by_outlet(seed_tone, seed_articles)
    merged = by_outlet.merge(scores, on=["outlet", "measure"], suffixes=("", "_all"))
    assert len(merged) == len(by_outlet)
    assert np.allclose(merged["value"], merged["value_all"], equal_nan=True)


def test_old_tone_names_warn_and_agree(seed_articles):
    import framing
    import framing.tone as module
    from framing.tone import tone

    assert framing.tone is module
    head = seed_articles.head(2)
    with pytest.warns(FutureWarning, match="tone is renamed find_tone"):
        old = tone(head, voices=False)
    pd.testing.assert_frame_equal(old, find_tone(head, voices=False))
    with pytest.warns(FutureWarning, match="calling the module framing.tone"):
        pd.testing.assert_frame_equal(module(head, voices=False), old)
