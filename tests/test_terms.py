"""Terminology hits, referents, voices, per-outlet scores, kwic, the sklearn transformer and CLI.

Expectations are hit by hit on sentences of the bundled seed page, and on FA-KES for validity.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.utils import estimator_checks

import framing.terms as terms_mod
import framing.terms.find as find_mod
from framing import config
from framing._errors import FramingError
from framing.cli import main
from framing.datasets import OPPOSITION, STATE_ALIGNED
from framing.stats import OUTLET_SCORE_COLUMNS
from framing.terms import (
    TERM_HIT_COLUMNS,
    VOICES,
    TermFamilyVectorizer,
    distinctive_words,
    find_terms,
    kwic,
    score_terms,
    terms_in_text,
)
from framing.terms.scores import doc_words
from framing.terms.voices import parse_embeds
from framing.text import count_words, sentence_spans


@pytest.fixture(scope="module")
def seed_hits(seed_articles):
    return find_terms(seed_articles)


@pytest.fixture(scope="module")
def seed_scores(seed_articles, seed_hits):
    return score_terms(seed_hits, seed_articles)


def _hit(hits, doc_id, match, nth=0):
    rows = hits[(hits["doc_id"] == doc_id) & (hits["match"] == match)]
    assert len(rows) > nth, f"{match!r} not found in {doc_id}"
    return rows.iloc[nth]


def _doc(articles, doc_id):
    return articles.set_index("doc_id").loc[doc_id]


# ------------------------------------------------------------------------------ hits
def test_hits_table_has_the_design_columns(seed_hits):
    assert list(seed_hits.columns) == TERM_HIT_COLUMNS
    assert set(seed_hits["voice"]) <= set(VOICES)


def test_every_offset_slices_back_to_its_match(seed_articles, seed_hits):
    texts = seed_articles.set_index("doc_id")["text"]
    sliced = [texts[d][s:e] for d, s, e in seed_hits[["doc_id", "start", "end"]].itertuples(
        index=False)]
    assert sliced == seed_hits["match"].tolist()


def test_regime_in_pentagon_quote_counts_as_quoted_voice(seed_hits):
    # a11: “The coalition does not seek to fight Syrian regime, Russian or pro-regime forces…”
    hit = _hit(seed_hits, "a11", "Syrian regime", nth=2)
    assert (hit["voice"], hit["speaker"], hit["referent"]) == ("quote", "the Pentagon", "syria")


def test_anti_government_protests_refer_to_syria(seed_hits):
    # a05: "Syria’s war began in March 2011 with anti-government protests ..."
    hit = _hit(seed_hits, "a05", "anti-government")
    assert (hit["term"], hit["referent"], hit["voice"]) == ("government", "syria", "narrator")


def test_longest_match_wins_in_the_headline(seed_hits):
    # a15 headline: "Assad regime regains total control of Syrian city of Homs ..."
    head = seed_hits[(seed_hits["doc_id"] == "a15") & (seed_hits["family"] == "state_label")
                     & (seed_hits["start"] < 12)]
    assert head[["match", "voice", "referent"]].values.tolist() == [
        ["Assad regime", "headline", "syria"]]


@pytest.mark.parametrize("doc_id, match, voice", [
    ("a14", "terrorists", "interviewer"),  # Q: Syria has been at war with foreign-backed ...
    ("a14", "legitimate government", "interviewee"),  # A: Firstly, Russia came to the aid ...
    ("a01", "Daesh", "quote"),  # “I fled Raqa because the crimes of Daesh ...,” he told AFP
    ("a12", "rebels", "headline"),  # Saudi-Qatar crisis puts Syria rebels in tricky position
])
def test_voice_of_real_hits(seed_hits, doc_id, match, voice):
    assert _hit(seed_hits, doc_id, match)["voice"] == voice


@pytest.mark.parametrize("doc_id, match, referent", [
    ("a10", "administration", "us"),  # "the Trump administration"
    ("a10", "regime", "syria"),  # "a U.S. pilot has struck a regime plane": the Syrian one
    ("a14", "legitimate government", "syria"),
    ("a11", "pro-regime", "syria"),
    ("a05", "Syrian army", "syria"),
])
def test_referent_of_real_hits(seed_hits, doc_id, match, referent):
    assert _hit(seed_hits, doc_id, match)["referent"] == referent


def test_state_media_regime_about_other_states_is_not_syrian(fakes_articles):
    # SANA: "the Turkish regime under Recep Tayyip Erdogan has provided ..."
    sana = fakes_articles[fakes_articles["outlet"] == "sana"]
    hits = find_terms(sana)
    regime = hits[hits["term"] == "regime"]
    assert len(regime) > 0 and set(regime["referent"]) == {"other"}


def test_house_styles_of_the_islamic_state_name(seed_hits):
    styles = seed_hits[seed_hits["family"] == "islamic_state"].groupby("doc_id")["term"]
    assert "Isis" in set(styles.get_group("a04"))  # The Guardian
    assert "ISIS" in set(styles.get_group("a11"))  # AP
    assert "Isil" in set(styles.get_group("a06"))  # The Telegraph


def test_capital_is_matches_only_the_acronym(seed_articles, seed_hits):
    text = _doc(seed_articles, "a01")["text"]
    n_acronym = len(re.findall(r"\bIS\b", text))
    found = seed_hits[(seed_hits["doc_id"] == "a01") & (seed_hits["term"] == "IS")]
    assert len(found) == n_acronym == 6
    assert set(found["match"]) == {"IS"}


def test_all_caps_headline_skips_is_but_keeps_other_labels():
    title = "RUSSIAN DIPLOMAT: U.S. DOWNING OF SYRIAN WARPLANE IS ‘SUPPORT OF TERRORISTS’: TASS"
    found = [(r[5], r[6]) for r in terms_in_text(title)]
    assert found == [("terrorists", "TERRORISTS")]


def test_fighter_jet_is_not_a_fighter(seed_hits):
    # a11: "shot down a Syrian Air Force fighter jet"; its two "fighters" are SDF fighters
    a11 = seed_hits[(seed_hits["doc_id"] == "a11") & (seed_hits["term"] == "fighters")]
    assert a11["match"].tolist() == ["fighters", "fighters"]


@pytest.mark.parametrize("sentence, expected", [
    ("Syria’s war began in March 2011 with anti‐government protests",
     ("government", "anti‐government", "syria")),
    ("Assad’s regime regained total control of the central city of Homs",
     ("regime", "regime", "syria")),
    ("Assads regime regained total control of the central city of Homs",  # FA-KES style
     ("regime", "regime", "syria")),
])
def test_unicode_hyphens_and_apostrophes(sentence, expected):
    rows = [r for r in terms_in_text(sentence) if r[4] == "state_label"]
    assert [(r[5], r[6], r[7]) for r in rows] == [expected]


def test_embedded_tweet_is_embedded_voice(seed_articles):
    # a05 embeds an RT tweet: "Russian military halts Syria sky incident prevention ..."
    row = kwic(seed_articles, "incident prevention").iloc[0]
    assert (row["doc_id"], row["voice"], row["speaker"], row["line"]) == ("a05", "embedded",
                                                                          "RT", 188)


@pytest.mark.parametrize("text", [
    "",
    "Raqa had some 300,000 residents before the war, most of them Sunni Arabs.",
])
def test_text_without_hits_gives_no_rows(text):
    assert terms_in_text(text) == []


def test_unbalanced_quote_still_finds_and_slices(seed_articles):
    # a03 is cut off inside a quotation: “In regions where the…
    text = "In a statement the Russian military said “the regime forces of Syria were attacked"
    rows = terms_in_text(text)
    assert [(text[r[2]:r[3]], r[8]) for r in rows] == [("regime forces", "quote")]


def test_huge_token_and_binary_junk_are_handled():
    junk = "\x00\x01\x02" * 1000 + "x" * 500_000 + " the Syrian regime \ufffd\ufffe"
    rows = terms_in_text(junk)
    assert [(junk[r[2]:r[3]], r[7]) for r in rows] == [("Syrian regime", "syria")]


def test_missing_text_column_names_the_columns(seed_articles):
    with pytest.raises(FramingError, match=r"Column 'body' not in data; columns are \["):
        find_terms(seed_articles, text="body")


def test_missing_text_value_is_an_error(seed_articles):
    broken = seed_articles.head(2).copy()
    broken["text"] = broken["text"].astype(object)
    broken.loc[broken.index[1], "text"] = None
    with pytest.raises(FramingError, match=r"article 'a02' has no text"):
        find_terms(broken)


def test_given_sentences_table_gives_the_same_hits(seed_articles, seed_hits):
    sentences = pd.DataFrame(
        [(d, i, a, b) for d, t in zip(seed_articles["doc_id"], seed_articles["text"],
                                      strict=True)
         for i, (a, b) in enumerate(sentence_spans(t))],
        columns=["doc_id", "sent_id", "start", "end"])
    pd.testing.assert_frame_equal(find_terms(seed_articles, sentences=sentences), seed_hits)


def test_skipping_speaker_attribution_outside_quotes_changes_nothing(
        seed_articles, seed_hits, monkeypatch):
    monkeypatch.setattr(find_mod, "any_quoted", lambda hits, spans: True)
    pd.testing.assert_frame_equal(find_terms(seed_articles), seed_hits)


def test_voices_by_quotation_marks_alone_agree_without_speakers(seed_articles, seed_hits):
    fast = find_terms(seed_articles, speakers=False)
    assert (fast["speaker"] == "").all()
    agree = (fast["voice"] == seed_hits["voice"]).mean()
    assert agree > 0.95


# ------------------------------------------------------------------------------ scores
def test_scores_have_rates_and_shares_for_both_voices(seed_scores):
    measures = set(seed_scores["measure"])
    for m in ("terms:rate:state_label/regime:all", "terms:rate:state_label/regime:narrator",
              "terms:rate:armed_opposition/*:all", "terms:share:regime_vs_government:all",
              "terms:share:regime_vs_government:narrator"):
        assert m in measures


def test_narrator_rate_leaves_out_the_pentagon_quote(seed_scores):
    ap = seed_scores[seed_scores["outlet"] == "AP"].set_index("measure")
    assert ap.loc["terms:rate:state_label/regime:all", "n_events"] == 5
    assert ap.loc["terms:rate:state_label/regime:narrator", "n_events"] == 3
    narrator, all_ = (ap.loc[f"terms:rate:state_label/regime:{v}"] for v in ("narrator", "all"))
    assert narrator["n_words"] == all_["n_words"]  # one word count per outlet
    assert (narrator["base"], all_["base"]) == ("narrator_words", "words")
    assert narrator["n_base"] < all_["n_base"] == all_["n_words"]


def test_words_exclude_the_embedded_tweet(seed_articles, seed_scores):
    art = _doc(seed_articles, "a05")
    rows = seed_scores[(seed_scores["outlet"] == "France 24")
                       & (seed_scores["measure"] == "terms:rate:state_label/*:all")]
    assert rows["n_words"].item() == count_words(art["text"], exclude=[(1313, 1637)])
    assert rows["n_words"].item() < count_words(art["text"])


def test_regime_share_counts_syrian_referents_only(seed_hits, seed_scores):
    afp_docs = {"a01", "a12", "a15"}
    h = seed_hits[seed_hits["doc_id"].isin(afp_docs) & (seed_hits["referent"] == "syria")]
    n_regime = (h["term"] == "regime").sum()
    n_gov = (h["term"] == "government").sum()
    row = seed_scores[(seed_scores["outlet"] == "AFP")
                      & (seed_scores["measure"] == "terms:share:regime_vs_government:all")]
    assert row["value"].item() == pytest.approx(n_regime / (n_regime + n_gov))
    assert row["n_events"].item() == n_regime + n_gov


def test_scores_are_reproducible(seed_articles, seed_hits, seed_scores):
    pd.testing.assert_frame_equal(score_terms(seed_hits, seed_articles), seed_scores)


# ------------------------------------------------------------------------------ kwic
def test_kwic_raw_line_holds_the_match(seed_articles, seed_hits):
    raw = config.SEED_FILE.read_text(encoding="utf-8").split("\n")
    table = kwic(seed_articles, hits=seed_hits)
    assert len(table) == len(seed_hits)
    assert all(m in raw[line - 1] for m, line in zip(table["match"], table["line"], strict=True))


def test_kwic_reproduces_every_narrator_regime_count(seed_articles, seed_hits, seed_scores):
    rows = seed_scores[seed_scores["measure"] == "terms:rate:state_label/regime:narrator"]
    for outlet, n in zip(rows["outlet"], rows["n_events"], strict=True):
        table = kwic(seed_articles, "regime", hits=seed_hits, outlet=outlet, voice="narrator")
        assert len(table) == n, outlet


def test_kwic_expands_every_score_to_its_hits(seed_articles, seed_hits, seed_scores):
    for row in seed_scores[seed_scores["n_events"] > 0].itertuples():
        table = kwic(seed_articles, hits=seed_hits, outlet=row.outlet, measure=row.measure)
        assert len(table) == row.n_events, (row.outlet, row.measure)


def test_kwic_html_shows_the_match_in_bold(seed_articles):
    html = kwic(seed_articles, "Assad regime")._repr_html_()
    assert html.count("<b>Assad regime</b>") == 3 and "<th>line</th>" in html


def test_kwic_text_is_aligned_on_the_match(seed_articles):
    lines = kwic(seed_articles, "Daesh", width=30).to_text().splitlines()
    assert len({line.index("[") for line in lines}) == 1


def test_kwic_of_an_unknown_word_searches_it(seed_articles):
    table = kwic(seed_articles, "Kurdish-Arab alliance")
    assert table[["doc_id", "family", "voice"]].values.tolist() == [["a01", "query",
                                                                     "narrator"]]


def test_kwic_bad_voice_lists_the_allowed_ones(seed_articles):
    with pytest.raises(FramingError, match=r"'voice' parameter of kwic must be one of .*"
                                           r"Got 'narator'"):
        kwic(seed_articles, "regime", voice="narator")


def test_kwic_unknown_outlet_lists_the_outlets(seed_articles):
    with pytest.raises(FramingError, match=r"'outlet' parameter of kwic must be one of \['AFP'"):
        kwic(seed_articles, "regime", outlet="Reuter")


# ------------------------------------------------------------------------------ sklearn
def test_vectorizer_clones_with_its_params():
    vec = TermFamilyVectorizer(families=["state_label"], by="term")
    twin = clone(vec)
    assert twin.get_params() == vec.get_params() and twin is not vec


def test_vectorizer_pandas_output_names_family_columns(seed_articles):
    vec = TermFamilyVectorizer().set_output(transform="pandas")
    out = vec.fit_transform(seed_articles["text"])
    assert list(out.columns) == vec.get_feature_names_out().tolist()
    assert out.loc[14, "state_label"] > 0  # a15: "Assad regime regains total control..."


def test_vectorizer_narrator_voice_drops_quoted_labels(seed_articles):
    text = [_doc(seed_articles, "a02")["text"]]  # Reuters: the regime only in Pickart's quote
    fam = TermFamilyVectorizer(families=["state_label"], by="term")
    every = fam.fit(text).transform(text)
    narr = fam.set_params(voice="narrator").fit(text).transform(text)
    names = fam.get_feature_names_out().tolist()
    j = names.index("state_label:regime")
    assert every[0, j] > 0 and narr[0, j] == 0


def test_vectorizer_unfitted_raises():
    with pytest.raises(NotFittedError):
        TermFamilyVectorizer().transform(["the regime"])


def test_vectorizer_bad_family_lists_the_families():
    with pytest.raises(FramingError, match=r"'families' parameter of TermFamilyVectorizer"):
        TermFamilyVectorizer(families=["states"]).fit(["x"])


@pytest.mark.parametrize("check", [
    estimator_checks.check_no_attributes_set_in_init,
    estimator_checks.check_parameters_default_constructible,
    estimator_checks.check_get_params_invariance,
    estimator_checks.check_set_params,
    estimator_checks.check_estimator_cloneable,
    estimator_checks.check_estimator_repr,
    estimator_checks.check_do_not_raise_errors_in_init_or_set_params,
])
def test_vectorizer_passes_sklearn_api_checks(check):
    # parametrize_with_checks skips estimators whose input is text (two_d_array=False), so
    # the checks that need no numeric data are run directly.
    check("TermFamilyVectorizer", TermFamilyVectorizer())


def test_vectorizer_in_a_pipeline_tells_sana_from_etilaf(fakes_articles):
    data = fakes_articles[fakes_articles["outlet"].isin(["sana", "etilaf"])]
    pipe = make_pipeline(TermFamilyVectorizer(by="term"), LogisticRegression(max_iter=1000))
    acc = cross_val_score(pipe, data["text"], data["outlet"], cv=3).mean()
    assert acc > 0.9


def test_numpy_arrays_are_accepted_by_the_vectorizer(seed_articles):
    texts = np.asarray(seed_articles["text"].tolist(), dtype=object)
    assert TermFamilyVectorizer().fit_transform(texts).shape == (15, 6)


# ------------------------------------------------------------------------------ validity
@pytest.fixture(scope="module")
def fakes_two(fakes_articles):
    two = fakes_articles[fakes_articles["outlet"].isin(["sana", "etilaf"])]
    return score_terms(None, two).set_index(["outlet", "measure"])


@pytest.mark.parametrize("measure, high, low", [
    ("terms:rate:armed_opposition/terrorists:all", "sana", "etilaf"),  # hand count 30.3 vs 0.2
    ("terms:rate:state_label/regime:all", "etilaf", "sana"),  # hand count 13.2 vs 0.07
])
def test_fakes_rates_separate_state_and_opposition_media(fakes_two, measure, high, low):
    hi, lo = fakes_two.loc[(high, measure)], fakes_two.loc[(low, measure)]
    assert hi["ci_low"] > lo["ci_high"]
    assert hi["value"] > 10 > 1 > lo["value"]


def test_fightin_words_puts_labels_on_the_expected_sides(fakes_articles):
    res = distinctive_words(fakes_articles, list(STATE_ALIGNED), list(OPPOSITION),
                            min_count=5).set_index("word")["z"]
    assert res["terrorist"] > 1.96 and res["army"] > 1.96  # SANA: "terrorist groups", "army"
    assert res["regime"] < -1.96 and res["assad"] < -1.96  # Etilaf: "the Assad regime"


# ------------------------------------------------------------------------------ CLI
def test_cli_terms_writes_hits_and_scores(tmp_path, seed_articles):
    src = tmp_path / "articles.jsonl"
    seed_articles.to_json(src, orient="records", lines=True, force_ascii=False)
    assert main(["terms", str(src), "-o", str(tmp_path / "out")]) == 0
    hits = pd.read_csv(tmp_path / "out" / "term_hits.csv", dtype={"doc_id": str})
    scores = pd.read_csv(tmp_path / "out" / "outlet_scores.csv")
    assert list(hits.columns) == TERM_HIT_COLUMNS and len(hits) > 100
    assert list(scores.columns) == OUTLET_SCORE_COLUMNS
    assert set(scores["stage"]) == {"terms"}


def test_cli_kwic_prints_doc_and_raw_line(tmp_path, seed_articles, capsys):
    src = tmp_path / "articles.jsonl"
    seed_articles.to_json(src, orient="records", lines=True, force_ascii=False)
    assert main(["kwic", "regime", str(src), "--outlet", "AP", "--voice", "quote"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and all(line.startswith("a11:331") for line in out)


def test_cli_terms_bad_lexicon_is_one_line(tmp_path, seed_articles, capsys):
    src = tmp_path / "articles.jsonl"
    seed_articles.to_json(src, orient="records", lines=True, force_ascii=False)
    bad = tmp_path / "bad.yaml"
    bad.write_text("families:\n  x:\n    note: n\n    terms:\n      y: {note: n}\n",
                   encoding="utf-8")
    assert main(["terms", str(src), "-o", str(tmp_path / "o"), "--lexicon", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "x.y" in err[0] and "lacks key(s) ['variants']" in err[0]


def test_outlet_and_narration_words_equal_count_words_on_every_bundled_article(
        seed_articles, fakes_articles):
    arts = pd.concat([seed_articles, fakes_articles], ignore_index=True)
    for text, title, emb in zip(arts["text"], arts["title"], arts["embeds"], strict=True):
        title = title if isinstance(title, str) else ""
        embeds = parse_embeds(emb)
        host = [(s, e) for s, e, _ in embeds]
        marked = [(s, e) for s, e, _, _ in terms_mod.voice_spans(text, title, speakers=False)]
        assert doc_words(text, title, embeds) == (
            count_words(text, exclude=host), count_words(text, exclude=host + marked))


def test_old_names_warn_and_give_the_same_output(seed_articles, seed_hits, seed_scores):
    text = seed_articles["text"].iloc[0]
    with pytest.warns(FutureWarning, match="find_terms_in_text is renamed terms_in_text"):
        old_rows = terms_mod.find_terms_in_text(text, doc_id="a01")
    assert old_rows == terms_in_text(text, doc_id="a01") and old_rows
    with pytest.warns(FutureWarning, match="term_scores is renamed score_terms"):
        old = terms_mod.term_scores(seed_articles, seed_hits)
    pd.testing.assert_frame_equal(old, seed_scores)
    with pytest.warns(FutureWarning, match="term_scores is renamed score_terms"):
        old = terms_mod.term_scores(seed_articles, hits=seed_hits, seed=1)
    pd.testing.assert_frame_equal(old, score_terms(seed_hits, seed_articles, seed=1))
    with pytest.warns(FutureWarning, match="parse_measure is deprecated"):
        assert terms_mod.parse_measure("terms:share:x:all")["subject"] == "x"
