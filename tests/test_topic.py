"""Topics as data: the bundled topics load, switch cleanly, and find their labels and sides.

The ukraine checks read tests/data/topics/ukraine_paragraphs.md: twelve paragraphs written for
the topic, each with the labels (family / term 'match') and actor sides it should yield.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from framing._errors import FramingError
from framing.actors import find_actors, load_actors
from framing.cli import main
from framing.lexicon import load_lexicon
from framing.terms import TERM_HIT_COLUMNS, terms_in_text
from framing.topic import bundled_topics, current_topic, topic_dir, topic_file, use_topic

PARAGRAPHS = Path(__file__).parent / "data" / "topics" / "ukraine_paragraphs.md"


def _paragraphs() -> list[dict]:
    out = []
    for block in re.split(r"\n## ", PARAGRAPHS.read_text(encoding="utf-8"))[1:]:
        text = next(ln[2:] for ln in block.splitlines() if ln.startswith("> "))
        terms = re.findall(r"^- (\w+) / (\w+) `(['\"])(.+?)\3`", block, re.M)
        actors_line = next((ln for ln in block.splitlines() if ln.startswith("**actors**")), "")
        actors = re.findall(r"`(['\"])(.+?)\1` → (\w+)", actors_line)
        out.append({"name": block.split("`")[1], "text": text,
                    "terms": {(f, t, m) for f, t, _, m in terms},
                    "actors": {(m, s) for _, m, s in actors}})
    return out


def _hits(text: str) -> list[dict]:
    return [dict(zip(TERM_HIT_COLUMNS, row, strict=True)) for row in terms_in_text(text)]


@pytest.fixture
def ukraine():
    use_topic("ukraine")
    yield
    use_topic(None)


def test_bundled_topics_have_every_file_and_a_readme():
    assert {"syria", "ukraine"} <= set(bundled_topics())
    for name in bundled_topics():
        folder = topic_dir(name)
        assert (folder / "README.md").is_file()
        for f in ("terms.yaml", "actors.yaml", "events.yaml", "outlets.yaml"):
            assert (folder / f).is_file(), (name, f)


@pytest.mark.parametrize("para", _paragraphs(), ids=lambda p: p["name"])
def test_ukraine_topic_finds_the_labels_and_sides_of_its_paragraphs(ukraine, para):
    found = {(h["family"], h["term"], h["match"]) for h in _hits(para["text"])}
    assert para["terms"] and para["terms"] <= found, para["terms"] - found
    sides = {(a["match"], a["side"]) for a in find_actors(para["text"])}
    assert para["actors"] <= sides, para["actors"] - sides


def test_switching_topics_changes_every_loader_and_back(ukraine):
    assert current_topic() == "ukraine"
    assert "ukraine_gov" in load_actors().sides
    assert topic_file("terms.yaml")[1] == "framing/topics/ukraine/terms.yaml"
    kiev = {h["term"] for h in _hits("The Kiev regime shelled Donetsk.")}
    assert "regime" in kiev
    use_topic(None)
    assert "ukraine_gov" not in load_actors().sides
    assert "state_label" in load_lexicon().family_names()


def test_kiev_regime_is_no_syrian_target_under_the_ukraine_topic(ukraine):
    from framing.tone import tone_in_text

    rows = tone_in_text("The brutal Kiev regime shelled Donetsk.", voices=False)
    assert "syria_gov" not in rows[0]["targets"]
    assert rows[0]["targets"]


def test_a_topic_folder_of_ones_own_falls_back_to_the_default_for_missing_files(tmp_path):
    (tmp_path / "terms.yaml").write_text(
        "version: 1\nfamilies:\n  fruit:\n    note: x\n    terms:\n"
        "      apple: {variants: [apple], note: x}\n", encoding="utf-8")
    try:
        use_topic(tmp_path)
        assert load_lexicon().family_names() == ["fruit"]
        assert "syria_gov" in load_actors().sides  # actors.yaml from the default topic
    finally:
        use_topic(None)


def test_framing_topics_lists_them_and_a_wrong_topic_is_one_line(tmp_path, capsys):
    assert main(["topics"]) == 0
    out = capsys.readouterr().out
    assert "syria (default)" in out and "ukraine" in out
    corpus = tmp_path / "c.csv"
    corpus.write_text("id,outlet,text\n1,A,The Kiev regime said so.\n", encoding="utf-8")
    assert main(["terms", str(corpus), "-o", str(tmp_path / "o"), "--topic", "mars"]) == 2
    assert "Topic 'mars' is neither a bundled topic" in capsys.readouterr().err
    assert current_topic() == "syria"


def test_using_topic_restores_exactly_what_was_in_use(monkeypatch, tmp_path):
    import os

    from framing.topic import using_topic

    monkeypatch.delenv("FRAMING_TOPIC", raising=False)
    with using_topic("ukraine"):
        assert current_topic() == "ukraine" and "ukraine_gov" in load_actors().sides
    assert "FRAMING_TOPIC" not in os.environ and "ukraine_gov" not in load_actors().sides
    assert load_actors().target_sides >= {"syria_gov", "us_gov", "us_military"}


def test_a_topic_gives_its_outlets_and_sides_their_colours(tmp_path):
    from framing.plots import outlet_colors, side_colors

    (tmp_path / "colors.yaml").write_text(
        "version: 1\noutlets:\n  Kyiv Post: '#123456'\nsides:\n  ukraine_gov: '#654321'\n",
        encoding="utf-8")
    default = outlet_colors(["Kyiv Post"])["Kyiv Post"]
    try:
        use_topic(tmp_path)
        assert outlet_colors(["kyiv post"]) == {"kyiv post": "#123456"}
        assert side_colors(["ukraine_gov"]) == {"ukraine_gov": "#654321"}
    finally:
        use_topic(None)
    assert outlet_colors(["Kyiv Post"])["Kyiv Post"] == default != "#123456"


def test_a_colour_that_is_none_is_named_with_its_file(tmp_path):
    from framing.plots import topic_colors

    (tmp_path / "colors.yaml").write_text("version: 1\noutlets:\n  Kyiv Post: blue\n",
                                          encoding="utf-8")
    try:
        use_topic(tmp_path)
        with pytest.raises(FramingError, match=r"colors\.yaml.*Kyiv Post.*'blue'"):
            topic_colors()
    finally:
        use_topic(None)


def test_the_agency_stage_reads_the_sides_of_the_topic_in_use():
    from framing.agency.actorlike import phrase_side

    assert phrase_side("Assad forces") == "syria_gov"
    try:
        use_topic("ukraine")
        assert phrase_side("Assad forces") != "syria_gov"
    finally:
        use_topic(None)
    assert phrase_side("Assad forces") == "syria_gov"
