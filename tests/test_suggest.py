"""framing suggest: speakers without a side and contested words, as YAML stubs a user edits."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml

from framing._errors import FramingError
from framing.actors import find_actors, load_actors
from framing.cli import main
from framing.suggest import parse_groups, suggest_actors, suggest_terms

ARTICLES = pd.DataFrame({
    "doc_id": ["k1", "k2", "k3", "m1", "m2"],
    "outlet": ["Kyiv Post", "Kyiv Post", "Kyiv Post", "Moscow Times", "Moscow Times"],
    "title": ["", "", "", "", ""],
    "text": [
        'Ukrainian Foreign Minister Pavlo Klimkin said the invasion must end. "We will not '
        'give up Crimea," Pavlo Klimkin said. The occupied peninsula remains tense.',
        '"The occupied territories will return," Klimkin said on Monday in the occupied east.',
        "Monitors counted the invasion's toll. The invasion continued near the occupied port.",
        '"Reunification was the will of the people," said Sergei Aksyonov, the head of '
        "Crimea. The reunification is celebrated each March; reunification parades follow.",
        "Officials marked the reunification. The reunification anniversary drew crowds.",
    ]})


def test_suggest_actors_lists_named_speakers_without_a_side_with_their_titles():
    table = suggest_actors(ARTICLES)
    row = table.set_index("speaker").loc["Pavlo Klimkin"]
    assert row["n_quotes"] >= 1 and "Ukrainian Foreign Minister" in row["context"]
    assert all(s[:1].isupper() for s in table["speaker"])


def test_the_actor_stub_loads_as_a_users_actor_file_once_a_side_is_set(tmp_path):
    out = tmp_path / "stub.yaml"
    assert main(["suggest", "actors", _write(tmp_path), "-o", str(out)]) == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["actors"] and all(a["side"] == "unknown" for a in data["actors"])
    for a in data["actors"]:
        a["side"] = "other_gov"
    out.write_text(yaml.safe_dump(data), encoding="utf-8")
    found = find_actors("Pavlo Klimkin spoke.", lexicon=load_actors(out))
    assert [f["side"] for f in found] == ["other_gov"]


def test_suggest_terms_finds_the_words_each_group_leans_to_with_kwic():
    table = suggest_terms(ARTICLES, ["Kyiv Post"], ["Moscow Times"], top=3, min_count=2)
    lean_a = set(table[table["leans"] == "Kyiv Post"]["word"])
    lean_b = set(table[table["leans"] == "Moscow Times"]["word"])
    assert {"invasion", "occupied"} <= lean_a and "reunification" in lean_b
    assert table["kwic"].str.contains(r"\[", regex=True).all()


def test_groups_name_outlets_that_exist():
    assert parse_groups("A:B,C", ["A", "B", "C"]) == (["A"], ["B", "C"])
    assert parse_groups("A", ["A", "B", "C"]) == (["A"], ["B", "C"])
    with pytest.raises(FramingError, match="no outlet called 'Z'.*outlets are 'A', 'B'"):
        parse_groups("A:Z", ["A", "B"])


def test_suggest_terms_cli_writes_a_stub(tmp_path, capsys):
    out = tmp_path / "terms.yaml"
    assert main(["suggest", "terms", _write(tmp_path), "--groups", "Kyiv Post:Moscow Times",
                 "--top", "3", "-o", str(out)]) == 0
    assert "invasion" in capsys.readouterr().out
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["families"]["my_family"]["terms"]


def _write(tmp_path) -> str:
    path = tmp_path / "ukraine.csv"
    ARTICLES.to_csv(path, index=False)
    return str(path)


@pytest.mark.slow
def test_the_build_a_topic_notebook_walks_suggest_edit_rerun(tmp_path):
    import re

    from framing import config, report

    nb = report.execute_notebook(config.NOTEBOOKS_DIR / "06_build_your_topic.ipynb",
                                 {"work_dir": str(tmp_path)})
    text = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
    before, after = map(float, re.search(r"side unknown: ([\d.]+)% before, ([\d.]+)% after",
                                         text).groups())
    assert after < before
    assert "Rami Abdel Rahman" in (tmp_path / "my_actors.yaml").read_text(encoding="utf-8")


def test_names_with_particles_are_suggested_and_people_are_persons():
    from framing.suggest import actor_stub, suggest_actors

    text = ("Ahmed bin Khalid, a council member, spoke first. \"We will rebuild,\" Ahmed bin "
            "Khalid said. \"The port reopens in May,\" the Harbour Authority said.")
    articles = pd.DataFrame({"doc_id": ["a"], "text": [text], "outlet": ["x"]})
    table = suggest_actors(articles)
    assert "Ahmed bin Khalid" in set(table["speaker"])
    stub = actor_stub(table)
    assert "actor: 'Ahmed bin Khalid', kind: person" in stub
