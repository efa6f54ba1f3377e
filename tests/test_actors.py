"""Actor lexicon: find_actors offsets and the side of speaker descriptions."""

from __future__ import annotations

import pytest

from framing._errors import FramingError
from framing.actors import camp_of, find_actors, load_actors, side_of


@pytest.mark.parametrize(
    ("phrase", "side"),
    [
        ("Russian Deputy Foreign Minister Sergei Ryabkov", "russia_gov"),
        ("Lieutenant Colonel Damien Pickart, a spokesman at U.S. Air Forces Central Command",
         "us_military"),
        ("Yezid Sayigh, a senior fellow at the Carnegie Middle East Centre", "analyst"),
        ("A rebel official in the opposition stronghold of Eastern Ghouta outside Damascus",
         "syrian_rebels"),
        ("Homs provincial governor Talal Barazi", "syria_gov"),
        ("Raphael Lefevre, a researcher at the University of Oxford", "analyst"),
        ("Iran’s Revolutionary Guard", "iran_gov"),
        ("pro-Syrian regime forces", "syria_gov"),
        ("the US-backed Syrian Democratic Forces", "sdf"),
        ("An AFP correspondent", "media"),
    ],
)
def test_side_of_reads_titles_and_affiliations(phrase, side):
    assert side_of(phrase) == side


def test_side_of_bare_title_is_unknown():
    assert side_of("a spokesman") == "unknown"


def test_find_actors_offsets_slice_back():
    text = ("Moscow sees the downing of a Syrian government warplane by the United States as an "
            "“act of aggression”, TASS news agency quoted Russian Deputy Foreign Minister "
            "Sergei Ryabkov as saying on Monday.")
    hits = find_actors(text)
    assert all(text[h["start"]:h["end"]] == h["match"] for h in hits)
    assert ("Sergei Ryabkov", "russia_gov") in [(h["match"], h["side"]) for h in hits]


def test_acronyms_match_case_sensitively():
    hits = find_actors("It is clear the IS group fled; tell us.")
    assert [h["match"] for h in hits] == ["IS"]


def test_sdf_belongs_to_us_led_camp():
    assert camp_of("sdf") == "us_led"


def test_unknown_kind_is_rejected():
    with pytest.raises(FramingError, match="'kinds' parameter of find_actors"):
        find_actors("Assad", kinds=("people",))


def test_lexicon_with_unknown_key_is_rejected(tmp_path):
    bad = tmp_path / "actors.yaml"
    bad.write_text("sides: {unknown: {note: x}}\ncamps: {}\nroles: []\nactors: []\ncolour: red\n")
    with pytest.raises(FramingError, match="unknown key"):
        load_actors(bad)


def test_missing_lexicon_file_names_the_parameter(tmp_path):
    with pytest.raises(FramingError, match="'path' parameter of load_actors"):
        load_actors(tmp_path / "nope.yaml")


def test_a_users_actor_file_adds_to_the_topic_by_default(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "sides:\n  kyiv_gov: {official: true, note: Ukrainian government.}\n"
        "actors:\n  - {id: zelensky, actor: Zelensky, kind: person, side: kyiv_gov,"
        " patterns: [Zelensky],"
        " note: President of Ukraine.}\n"
        "targets:\n  kyiv: {sides: [kyiv_gov], note: mine.}\n", encoding="utf-8")
    lex = load_actors(mine)
    text = "Zelensky and Assad spoke."
    sides = {a["actor"]: a["side"] for a in find_actors(text, lexicon=lex)}
    assert sides == {"Zelensky": "kyiv_gov", "Bashar al-Assad": "syria_gov"}
    assert lex.targets["kyiv"] == ["kyiv_gov"] and lex.targets["us"] == ["us_gov", "us_military"]
    with pytest.raises(FramingError, match="lacks key"):
        load_actors(mine, extend=False)  # alone it is no whole lexicon


def test_a_users_actor_entry_overrides_the_topics_pattern(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("actors:\n  - {id: sdf, actor: SDF, kind: group, side: syrian_rebels, "
                    "patterns: [SDF], note: my reading.}\n", encoding="utf-8")
    found = find_actors("The SDF advanced.", lexicon=load_actors(mine))
    assert [a["side"] for a in found] == ["syrian_rebels"]


def test_a_bad_entry_in_a_users_actor_file_is_named_by_its_own_index(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("actors:\n  - {actor: X, kind: person, side: unknown, patterns: [X], "
                    "note: no id}\n", encoding="utf-8")
    with pytest.raises(FramingError, match=r"mine.yaml: entry 'actors\[0\]' lacks key"):
        load_actors(mine)


def test_a_studys_files_join_the_topic_for_every_loader(tmp_path):
    from framing.lexicon import load_lexicon
    from framing.topic import use_topic

    actors = tmp_path / "actors.yaml"
    actors.write_text("sides:\n  kyiv_gov: {official: true, note: x}\nactors:\n"
                      "  - {id: k, actor: Kuleba, kind: person, side: kyiv_gov,"
                      " patterns: [Kuleba], note: x}\n", encoding="utf-8")
    terms = tmp_path / "terms.yaml"
    terms.write_text("version: 1\nfamilies:\n  city:\n    note: x\n    terms:\n"
                     "      kyiv: {variants: [Kyiv], note: x}\n", encoding="utf-8")
    try:
        use_topic("syria", lexicons=[terms], actors=[actors])
        assert [a["side"] for a in find_actors("Kuleba met Assad.")] == ["kyiv_gov", "syria_gov"]
        assert {"city", "state_label"} <= set(load_lexicon().family_names())
    finally:
        use_topic(None)
    assert find_actors("Kuleba spoke.") == []
    assert "city" not in load_lexicon().family_names()
