"""`framing run` as a general instrument: corpora nobody on the project wrote, on other topics.

Each corpus is written here (US politics with odd column names, a Ukraine war CSV measured with
the ukraine topic, a folder of plain .txt files, a headlines-only CSV without quotes). The run
must exit 0, write only under its output folder, and give a report about *that* corpus: its
name and size, no prose about the bundled corpora, a line instead of each figure it cannot draw.
"""

from __future__ import annotations

import csv
import hashlib
import html
import re
from pathlib import Path

import pytest

from framing import config
from framing.cli import main

pytestmark = pytest.mark.slow

US = [
    ("Senate passes stopgap spending bill", "The Senate voted 68-31 on Thursday to keep the "
     "government open. \"We did our job,\" said Senator Maria Lopez, a Democrat from New "
     "Mexico. Republicans called the bill a giveaway."),
    ("Governor vetoes school funding plan", "Governor Tom Hale vetoed the plan on Monday. "
     "\"It spends money we do not have,\" Hale said in a statement. Teachers' unions vowed to "
     "fight the veto in court."),
    ("Trump rally draws thousands in Ohio", "Donald Trump told supporters the election was "
     "rigged. Critics said the claim had been rejected by courts. \"He is lying again,\" "
     "tweeted Representative Ann Cole."),
    ("Biden signs infrastructure order", "President Joe Biden signed the order at the White "
     "House. The order directs agencies to speed up bridge repairs, officials said."),
]
UKRAINE = [
    ("Russian strike hits Kharkiv", "Russian forces shelled Kharkiv overnight, killing three "
     "civilians. \"This is terror against peaceful people,\" Oleh Syniehubov wrote on Telegram."),
    ("Kremlin: operation proceeds", "The special military operation is proceeding according to "
     "plan, Kremlin spokesman Dmitry Peskov told reporters. He blamed the Kiev regime for the "
     "shelling of Donetsk."),
    ("Ukrainian troops advance", "Ukrainian troops liberated two villages near Kherson, the "
     "General Staff said. The invasion has displaced millions, the UN refugee agency said."),
]
SYRIA_PROSE = ("seed page is a blog", "FA-KES (Salem et al. 2019) holds", "Etilaf says",
               "FA-KES lost its commas", "FA-KES")


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([header, *rows])
    return path


def _corpus(kind: str, tmp: Path) -> tuple[Path, list[str]]:
    if kind == "us_politics":
        rows = [[f"us{i}", f"2024-0{i + 1}-15", ["AP", "Fox News", "MSNBC"][i % 3], t, b]
                for i, (t, b) in enumerate(US * 2)]
        return _write_csv(tmp / "us politics.csv", ["guid", "pubdate", "media_name",
                                                    "headline", "content"], rows), []
    if kind == "ukraine":
        rows = [[f"ua{i}", ["Kyiv Independent", "RIA Novosti"][i % 2], t, b]
                for i, (t, b) in enumerate(UKRAINE * 2)]
        return (_write_csv(tmp / "ukraine.csv", ["id", "paper", "title", "body"], rows),
                ["--topic", "ukraine"])
    if kind == "txt_folder":
        folder = tmp / "plain_txt"
        folder.mkdir()
        for i, (t, b) in enumerate(US):
            (folder / f"story{i}.txt").write_text(f"{t}\n\n{b}\n", encoding="utf-8")
        return folder, []
    rows = [[t, ["AP", "Reuters"][i % 2]] for i, (t, _) in enumerate(US + UKRAINE)]
    return _write_csv(tmp / "headlines.csv", ["headline", "source"], rows), []


def _text(report: Path) -> str:
    page = re.sub(r"<style.*?</style>", "", report.read_text(encoding="utf-8"), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _digest(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("kind", ["us_politics", "ukraine", "txt_folder", "headlines_only"])
def test_framing_run_reports_on_a_strangers_corpus(kind, tmp_path, monkeypatch):
    corpus, extra = _corpus(kind, tmp_path)
    project = {**_digest(config.FIGURES_DIR), **_digest(config.PROCESSED_DIR)}
    monkeypatch.chdir(tmp_path)
    assert main(["run", "--corpus", str(corpus), *extra]) == 0
    out = tmp_path / "runs" / corpus.stem
    text = _text(out / "figures" / "report.html")
    assert f"This report is about {corpus.name}" in text
    assert re.search(r"\d+ articles from \d+ outlets", text)
    assert not [p for p in SYRIA_PROSE if p in text]
    drawn = {p.stem for p in (out / "figures").glob("*.png")}
    assert "corpus_overview" in drawn
    skipped = set(re.findall(r"No figure '(\w+)'", text))
    assert not drawn & skipped
    if kind == "ukraine":
        assert "topic ukraine" in text and "regime_share" in drawn
    if kind == "headlines_only":
        assert "agency_constructions" in skipped or "agency_constructions" in drawn
    assert {**_digest(config.FIGURES_DIR), **_digest(config.PROCESSED_DIR)} == project
