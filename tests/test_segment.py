"""Segmentation of the bundled aggregator page, checked article by article on the real text."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from framing.corpus import ARTICLE_COLUMNS, raw_line
from framing.segment import load_signatures, segment_aggregator, split_aggregator

# Written by reading the raw page: (doc_id, outlet, relay, kind, date, source_lines, title start)
EXPECTED = [
    ("a01", "AFP", "", "news", "2017-06-20", "3-72", "Fighters from Syria’s Raqa battle"),
    ("a02", "Reuters", "", "news", "2017-06-19", "74-82", "U.S. Repositioning Aircraft"),
    ("a03", "WSJ", "", "excerpt", "2017-06-19", "92-106", "Russia To Target U.S."),
    ("a04", "The Guardian", "", "news", "2017-06-19", "119-164", "Russia warns US-led coalition"),
    ("a05", "France 24", "", "news", "2017-06-19", "166-238", "Russia halts US aviation"),
    ("a06", "The Telegraph", "", "news", "2017-06-18", "242-258", ""),
    ("a07", "Reuters", "TASS", "news", "2017-06-19", "264-272", "Russian diplomat: U.S. downing"),
    ("a08", "Peace and Freedom (blog)", "", "commentary", "", "276-276", ""),
    ("a09", "Reuters", "Russian news agencies", "news", "2017-06-19", "278-289",
     "Russia’s Lavrov calls on U.S."),
    ("a10", "WSJ", "", "excerpt", "2017-06-18", "293-303", "U.S. Says It Shot Down"),
    ("a11", "AP", "", "news", "", "311-339", "Pentagon: US shoots down"),
    ("a12", "AFP", "", "news", "2017-06-17", "341-405", "Saudi-Qatar crisis puts"),
    ("a13", "WSJ", "", "news", "2017-05-29", "418-467", "Macron, Putin Hold Talks"),
    ("a14", "Fars News", "", "interview", "2017-05-24", "473-520", "Russia Views Iran, Syria"),
    ("a15", "AFP", "", "news", "2017-05-21", "522-564", "Assad regime regains total control"),
]


@pytest.fixture(scope="module")
def seg(seed_text):
    return split_aggregator(seed_text, source="seed.txt")


def test_one_row_per_article_with_the_documented_columns(seg):
    assert list(seg.articles.columns) == ARTICLE_COLUMNS
    assert seg.articles["doc_id"].tolist() == [e[0] for e in EXPECTED]


@pytest.mark.parametrize("expected", EXPECTED, ids=[e[0] for e in EXPECTED])
def test_article_outlet_relay_kind_date_lines_and_title(seg, expected):
    doc_id, outlet, relay, kind, date, lines, title = expected
    row = seg.articles.set_index("doc_id").loc[doc_id]
    assert (row.outlet, row.relay, row.kind, row.date, row.source_lines) == (
        outlet, relay, kind, date, lines)
    assert row.title.startswith(title) if title else row.title == ""
    if row.title:
        assert row.text.startswith(row.title + "\n\n")


@pytest.mark.parametrize("doc_id, evidence", [
    ("a01", "(AFP) –"), ("a02", "(Reporting by Phil Stewart)"), ("a03", "10:33 a.m. ET"),
    ("a04", "theguardian.com"), ("a05", "Text by FRANCE 24"), ("a06", "telegraph.co.uk"),
    ("a11", "Associated Press writer"), ("a13", "@wsj.com"), ("a14", "(FNA)"),
    ("a08", "Peace and Freedom Editor"),
])
def test_outlet_evidence_quotes_the_deciding_text(seg, doc_id, evidence):
    row = seg.articles.set_index("doc_id").loc[doc_id]
    first = row.outlet_evidence.split("; ")[0]
    assert evidence in first


def test_france24_beats_the_agency_credits_it_also_carries(seg):
    row = seg.articles.set_index("doc_id").loc["a05"]
    assert row.outlet == "France 24" and row.outlet_confidence == pytest.approx(0.95)
    assert "AFP" in row.outlet_evidence  # the weaker photo credit is still shown


def test_wsj_from_time_stamp_alone_has_lower_confidence(seg):
    conf = seg.articles.set_index("doc_id")["outlet_confidence"]
    assert conf["a03"] == pytest.approx(0.7) and conf["a13"] == pytest.approx(0.95)


@pytest.mark.parametrize("doc_id, byline", [
    ("a01", "Delil Souleiman"), ("a02", "Phil Stewart"), ("a12", "Sammy Ketz"),
    ("a13", "Stacy Meichtry, William Horobin"), ("a07", "Maria Kiselyova"), ("a11", ""),
])
def test_bylines(seg, doc_id, byline):
    assert seg.articles.set_index("doc_id").loc[doc_id, "byline"] == byline


@pytest.mark.parametrize("furniture", [
    "Related:", "Related image", "Image may contain: airplane", "See the whole report:",
    "***********************************************", "Voir l'image sur Twitter",
    "No automatic alt text available.", ">> Read more: MSF says",
])
def test_furniture_is_gone_from_text_but_recorded(seg, furniture):
    assert not any(furniture in t for t in seg.articles["text"])
    assert seg.furniture["text"].str.contains(furniture, regex=False).any()


def test_lone_dots_never_form_a_paragraph(seg):
    paragraphs = [p for t in seg.articles["text"] for p in t.split("\n\n")]
    assert "." not in paragraphs


def test_every_nonblank_raw_line_is_in_an_article_or_the_furniture_table(seed_text, seg):
    kept = {ln for pl in seg.articles["paragraph_lines"] for ln, _ in json.loads(pl)}
    dropped = set(seg.furniture["line"])
    nonblank = {i + 1 for i, line in enumerate(seed_text.split("\n")) if line.strip()}
    assert kept.isdisjoint(dropped)
    assert nonblank == kept | dropped


def test_furniture_between_posts_belongs_to_no_article(seg):
    row = seg.furniture.set_index("line").loc[84]  # "Related:" after the Reuters wire
    assert row.rule == "related" and row.doc_id == "" and row.action == "dropped"


def test_metadata_lines_are_attached_to_their_article(seg):
    row = seg.furniture.set_index("line").loc[174]
    assert (row.doc_id, row.action, row.rule) == ("a05", "metadata", "meta:france24_text_by")


def test_rt_tweet_is_an_embed_inside_france24_article(seg):
    row = seg.articles.set_index("doc_id").loc["a05"]
    (start, end, kind, author), = json.loads(row.embeds)
    embedded = row.text[start:end]
    assert (kind, author) == ("tweet", "RT")
    assert embedded.startswith("URGENT: Russian military halts")
    assert embedded.endswith("pic.twitter.com/PHqYQjI6Yo")
    assert "The Russian defence ministry said Monday" not in embedded


def test_no_other_article_has_embeds(seg):
    assert (seg.articles.set_index("doc_id").drop(index="a05")["embeds"] == "[]").all()


def test_editor_comment_is_its_own_commentary_row(seg):
    row = seg.articles.set_index("doc_id").loc["a08"]
    assert row.text.startswith("The truth is, the U.S. has communicated")
    assert row.text.endswith("Peace and Freedom Editor")
    assert not seg.articles.drop(index=7)["text"].str.contains("Peace and Freedom Editor").any()


@pytest.mark.parametrize("doc_id, offset_text, line", [
    ("a01", "The US-backed Syrian Democratic Forces", 12),
    ("a11", "The U.S. had not shot down", 319),
    ("a14", "Q: Why does Russia see it", 506),
])
def test_offsets_map_back_to_raw_lines(seed_text, seg, doc_id, offset_text, line):
    row = seg.articles.set_index("doc_id").loc[doc_id]
    offset = row.text.index(offset_text)
    assert raw_line(row, offset) == line
    assert offset_text in seed_text.split("\n")[line - 1]


def test_truncated_paywall_article_keeps_its_cut_sentence(seg):
    row = seg.articles.set_index("doc_id").loc["a03"]
    assert row.text.endswith("“In regions where the…")


def test_unsigned_text_is_unknown_not_guessed():
    page = "A headline about Syria\n\nJune 1, 2017\n\nSomething happened in Raqqa today.\n"
    row = segment_aggregator(page).iloc[0]
    assert (row.outlet, row.outlet_confidence) == ("unknown", 0.0)
    assert row.outlet_evidence == "no outlet signature matched"


def test_user_signature_file_with_unknown_key_is_rejected(tmp_path):
    bad = tmp_path / "sig.yaml"
    bad.write_text("version: 1\nrules:\n  - {id: x, outlet: X, pattern: 'x', confidence: 1, "
                   "colour: red}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"unknown key\(s\) \['colour'\]"):
        load_signatures(str(bad))


def test_segmentation_is_deterministic(seed_text):
    a = segment_aggregator(seed_text)
    b = segment_aggregator(seed_text)
    pd.testing.assert_frame_equal(a, b)
