"""The ``framing`` command: outputs on the bundled page, and one-line errors for user mistakes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framing import config
from framing.cli import main


def test_segment_writes_articles_and_furniture(tmp_path, capsys):
    out = tmp_path / "articles.jsonl"
    assert main(["segment", str(config.SEED_FILE), "-o", str(out)]) == 0
    articles = pd.read_json(out, lines=True, dtype=False)
    assert len(articles) == 15 and (articles["outlet"] != "unknown").all()
    furniture = pd.read_json(tmp_path / "articles_furniture.jsonl", lines=True, dtype=False)
    assert "Related:" in set(furniture["text"])
    assert "15 articles (0 with unknown outlet)" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_segment_output_format_follows_the_suffix(tmp_path, suffix):
    out = tmp_path / f"articles{suffix}"
    assert main(["segment", str(config.SEED_FILE), "-o", str(out)]) == 0
    frame = pd.read_csv(out, dtype=str) if suffix == ".csv" else pd.read_parquet(out)
    assert frame["doc_id"].tolist()[:2] == ["a01", "a02"]


def test_load_converts_a_user_corpus(tmp_path):
    src = tmp_path / "mine.csv"
    src.write_text("body,paper\nThe regime said.,SANA\n", encoding="utf-8")
    out = tmp_path / "articles.csv"
    assert main(["load", str(src), "-o", str(out), "--text-col", "body",
                 "--outlet-col", "paper"]) == 0
    assert pd.read_csv(out)["outlet"].tolist() == ["SANA"]


@pytest.mark.parametrize("argv, message", [
    (["segment", "/no/such/page.txt", "-o", "x.csv"], "No such file: /no/such/page.txt"),
    (["load", "{tmp}/c.csv", "-o", "{tmp}/o.csv"], "outlet: no column found (columns: text)"),
    (["load", "{tmp}/c.csv", "-o", "{tmp}/o.txt", "--outlet-col", ""], "use a .csv, .jsonl"),
    (["segment", "{tmp}/empty.txt", "-o", "{tmp}/o.csv"], "is empty: nothing to segment"),
    (["segment", "{tmp}/junk.txt", "-o", "{tmp}/o.csv"], "looks binary"),
])
def test_user_mistakes_give_one_line_and_exit_2(tmp_path, capsys, argv, message):
    (tmp_path / "c.csv").write_text("text\nhello\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.txt").write_bytes(bytes(range(32)) * 100)
    argv = [a.format(tmp=tmp_path) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0] and "Traceback" not in err[0]
    assert err[0].startswith(f"framing {argv[0]}: error: ")


def test_verbose_shows_the_traceback(tmp_path):
    with pytest.raises(FileNotFoundError):
        main(["--verbose", "segment", str(tmp_path / "nope.txt"), "-o", "x.csv"])


def test_bad_subcommand_exits_with_usage(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["segmnt"])
    assert exc.value.code == 2
    assert "invalid choice: 'segmnt'" in capsys.readouterr().err


# Every command that reads a corpus, with the arguments it needs besides the corpus.
CORPUS_COMMANDS = {
    "segment": ["-o", "{tmp}/out.csv"],
    "load": ["-o", "{tmp}/out.csv"],
    "terms": ["-o", "{tmp}/out"],
    "sentences": ["-o", "{tmp}/out"],
    "kwic": [],
    "quotes": ["-o", "{tmp}/out"],
    "tone": ["-o", "{tmp}/out"],
    "readability": ["-o", "{tmp}/out"],
    "agency": ["-o", "{tmp}/out"],
    "score": ["-o", "{tmp}/out"],
    "init": ["-o", "{tmp}/study.yaml"],
}


def _argv(command: str, corpus: str, tmp) -> list[str]:
    head = [command, "regime"] if command == "kwic" else [command]
    return head + [corpus] + [a.format(tmp=tmp) for a in CORPUS_COMMANDS[command]]


def test_every_corpus_command_is_covered():
    from framing.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    takes_corpus = {name for name, p in sub.choices.items()
                    if any(a.dest in ("articles", "corpus", "raw") and not a.option_strings
                           for a in p._actions)}
    assert takes_corpus == set(CORPUS_COMMANDS)


@pytest.mark.parametrize("command", sorted(CORPUS_COMMANDS))
@pytest.mark.parametrize("problem, make, message", [
    ("missing file", None, "No such file"),
    ("binary file", bytes(range(32)) * 200, "looks binary"),
    ("empty file", b"", "is empty"),
])
def test_each_command_reports_bad_input_in_one_line(tmp_path, capsys, command, problem, make,
                                                     message):
    corpus = tmp_path / ("page.txt" if command == "segment" else "corpus.csv")
    if make is not None:
        corpus.write_bytes(make)
    assert main(_argv(command, str(corpus), tmp_path)) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err and message in err[-1] and err[-1].startswith(f"framing {command}: error: ")
    assert not any("Traceback" in line for line in err)


@pytest.mark.parametrize("command", sorted(set(CORPUS_COMMANDS) - {"segment", "load", "init"}))
def test_each_command_names_a_missing_text_column(tmp_path, capsys, command):
    corpus = tmp_path / "corpus.csv"
    corpus.write_text("words,outlet\nThe regime said.,AFP\n", encoding="utf-8")
    assert main(_argv(command, str(corpus), tmp_path)) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert ("Column 'text' not in data; columns are ['words', 'outlet']" in err[-1]
            or "text: no column found (columns: words, outlet)" in err[-1])


def test_stage_commands_share_one_outlet_scores_file(tmp_path):
    from framing.corpus import read_table

    articles = tmp_path / "articles.jsonl"
    assert main(["segment", str(config.SEED_FILE), "-o", str(articles)]) == 0
    for command in ("terms", "quotes", "readability", "terms"):
        assert main([command, str(articles), "-o", str(tmp_path / "out")]) == 0
    scores = read_table(tmp_path / "out" / "outlet_scores.csv")
    assert set(scores["stage"]) == {"terms", "quotes", "readability"}
    assert ((scores["stage"] == "quotes") & (scores["statistic"] == "share")).any()
    assert ((scores["stage"] == "readability") & (scores["subject"] == "flesch_reading_ease")).any()
    # running terms twice replaced its rows instead of adding them again
    assert not scores.duplicated(["outlet", "measure"]).any()


def test_figures_without_tables_is_an_error_not_a_rebuild(tmp_path, capsys):
    from framing.cli import main

    assert main(["figures", "--processed", str(tmp_path / "nothere"),
                 "-o", str(tmp_path / "figs")]) == 2
    assert "No folder" in capsys.readouterr().err
    assert not (tmp_path / "figs").exists()


def test_run_on_a_corpus_without_out_writes_under_runs_never_the_project(tmp_path, monkeypatch):
    import framing.report
    from framing import config
    from framing.main_job import run_main

    corpus = tmp_path / "my news.csv"
    corpus.write_text("id,paper,body\n1,A,The army shelled the town on Monday.\n"
                      "2,B,Officials said the talks would resume.\n", encoding="utf-8")
    built = {}
    monkeypatch.setattr(framing.report, "build_all",
                        lambda processed, figures, **kw: built.update(p=processed, f=figures))
    monkeypatch.chdir(tmp_path)
    out = run_main(corpus=str(corpus), text_col="body", outlet_col="paper")
    assert out == Path("runs") / "my news"
    assert (tmp_path / "runs" / "my news" / "user" / "outlet_scores.csv").is_file()
    assert Path(built["f"]) == Path("runs") / "my news" / "figures"
    assert config.FIGURES_DIR.resolve() not in Path(built["f"]).resolve().parents


def test_kwic_recognises_the_columns_of_a_users_table(tmp_path, capsys):
    src = tmp_path / "c.csv"
    pd.DataFrame({"guid": ["1", "2"], "media_name": ["Daily A", "Daily B"],
                  "content": ["Officials said the regime shelled the town.",
                              "The government said the town was quiet."]}).to_csv(src,
                                                                                  index=False)
    assert main(["kwic", "regime", str(src)]) == 0
    out = capsys.readouterr().out
    assert "[regime]" in out and "shelled" in out


def test_the_figures_command_recorded_in_provenance_parses_back(monkeypatch):
    from framing import cli, report

    seen = {}
    monkeypatch.setattr(report, "build_all", lambda *a, **k: seen.update(k))
    assert main(["figures", "--svg-text", "--width-mm", "85", "--format", "svg,png"]) == 0
    argv = seen["command"]
    assert "--svg-text" in argv
    args = cli.build_parser().parse_args(argv[1:])
    assert args.svg_text and args.width_mm == 85 and args.format == "svg,png"
