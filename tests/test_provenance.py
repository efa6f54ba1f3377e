"""Provenance: what each figure was made from, kept beside it, checked by `framing verify`."""

from __future__ import annotations

import json
import shutil

import matplotlib.pyplot as plt
import pytest

from framing import config, provenance
from framing.cli import main
from framing.report import _output_html


@pytest.fixture
def made(tmp_path, seed_articles):
    """A figure of a user corpus (the seed articles) with its provenance, as build_all writes it."""
    processed, figures = tmp_path / "processed", tmp_path / "figures"
    (processed / "user").mkdir(parents=True)
    seed_articles.to_csv(processed / "user" / "articles.csv", index=False)
    figures.mkdir()
    fig, ax = plt.subplots()
    ax.plot([0, 1])
    from framing.plots import save_figure

    files = save_figure(fig, "corpus_overview", figures, formats=("svg", "png"))
    record = provenance.figure_provenance(
        "corpus_overview", files, corpora=["user"], processed_dir=processed,
        options={"width_mm": 85}, command={"argv": ["framing", "figures"],
                                           "processed_dir": provenance.relative(processed,
                                                                                figures)})
    return provenance.write_provenance(record, figures), processed, figures


def test_record_names_inputs_versions_and_seeds(made, seed_articles):
    path, processed, _ = made
    record = json.loads(path.read_text(encoding="utf-8"))
    table = record["corpus"][0]
    assert table["rows"] == len(seed_articles) and table["path"] == "user/articles.csv"
    assert table["sha256"] == provenance.sha256(processed / "user" / "articles.csv")
    assert record["topic"]["name"] == "syria"
    assert {"framing/topics/syria/terms.yaml", "framing/lexicons/cues.yaml"} <= set(
        record["topic"]["files"])
    assert record["packages"]["pandas"] and record["packages"]["matplotlib"]
    assert record["seeds"]["framing.stats.SEED"] == 20170618
    assert set(record["files"]) == {"corpus_overview.svg", "corpus_overview.png"}
    assert record["figure_options"] == {"width_mm": 85}
    assert "date" not in path.read_text(encoding="utf-8").lower()


def test_record_is_byte_identical_when_written_again(made):
    path, _, figures = made
    first = path.read_bytes()
    provenance.write_provenance(json.loads(first), figures)
    assert path.read_bytes() == first


def test_stable_part_leaves_out_the_commit_and_the_command(made):
    path, _, _ = made
    record = json.loads(path.read_text(encoding="utf-8"))
    moved = {**record, "framing": {**record["framing"], "git_commit": "0" * 40},
             "command": {"argv": ["make", "run"]}}
    assert provenance.stable(moved) == provenance.stable(record)
    assert "git_commit" not in provenance.stable(record)["framing"]
    changed = {**record, "packages": {**record["packages"], "pandas": "0.0"}}
    assert provenance.stable(changed) != provenance.stable(record)


def test_git_commit_is_none_outside_a_work_tree(tmp_path):
    assert provenance.git_commit(tmp_path) is None


def test_verify_passes_until_an_input_changes(made, seed_articles, capsys):
    path, processed, figures = made
    assert provenance.verify(figures / "corpus_overview.svg") == []
    assert main(["verify", str(path)]) == 0
    assert "matches its inputs" in capsys.readouterr().out
    seed_articles.iloc[:-1].to_csv(processed / "user" / "articles.csv", index=False)
    assert main(["verify", str(figures / "corpus_overview.png")]) == 1
    out = capsys.readouterr().out
    assert f"changed (sha256; {len(seed_articles)} -> {len(seed_articles) - 1} rows)" in out


def test_verify_names_a_changed_lexicon(made, tmp_path, monkeypatch):
    path, _, figures = made
    topic = tmp_path / "topic"
    shutil.copytree(config.PACKAGE_DIR / "topics" / "syria", topic)
    record = json.loads(path.read_text(encoding="utf-8"))
    record["topic"] = provenance.topic_record() | {"name": "syria"}
    monkeypatch.setenv("FRAMING_TOPIC", str(topic))
    changed = provenance.verify(path)
    assert any("topic is" in c for c in changed)


def test_verify_says_when_the_figure_file_itself_changed(made):
    path, _, figures = made
    (figures / "corpus_overview.svg").write_text("<svg/>", encoding="utf-8")
    assert provenance.verify(path) == ["figure file corpus_overview.svg changed since it was "
                                       "made"]


def test_verify_without_provenance_is_an_error(tmp_path, capsys):
    assert main(["verify", str(tmp_path / "nothing.svg")]) == 2
    assert "no provenance file" in capsys.readouterr().err


def test_report_shows_the_provenance_under_the_figure(made):
    path, _, _ = made
    record = json.loads(path.read_text(encoding="utf-8"))
    output = {"output_type": "display_data",
              "data": {"image/png": "iVBORw0KGgo=",
                       "text/plain": "SavedFigure(corpus_overview.svg, corpus_overview.png)"}}
    page = _output_html(output, {"corpus_overview": record})
    assert "<details class='provenance'" in page and "user/articles.csv" in page
    assert record["framing"]["git_commit"] is None or record["framing"]["git_commit"] not in page
    assert "<details" not in _output_html(output)


def test_figure_corpora_follow_the_notebooks_roles():
    roles = {"corpus": "seed", "stats_corpus": "fakes"}
    assert provenance.figure_corpora("terminology_heatmap", roles) == ["seed"]
    assert provenance.figure_corpora("readability", roles) == ["fakes"]
    assert provenance.figure_corpora("tone_validity", roles) == ["vader_nyt"]
    assert provenance.figure_corpora("unlisted", roles) == ["fakes", "seed"]


def test_a_bundled_corpus_is_traced_to_its_raw_file_wherever_its_table_was_cached(tmp_path):
    first = provenance.table_record("seed", tmp_path / "a")
    second = provenance.table_record("seed", config.PROCESSED_DIR)
    assert first == second and first["root"] == "raw"
    assert first["sha256"] == provenance.sha256(config.SEED_FILE)
