"""Journal figures: any size, font, dpi and format, same bytes twice, no text colliding.

Every figure the notebooks draw is built from the test tables (tests/figure_cases.py) at a
journal's single-column width (85 mm) and checked from matplotlib's own text bounding boxes.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from framing import plots
from framing._errors import FramingError
from framing.cli import main

sys.path.insert(0, str(Path(__file__).parent))
import figure_cases  # noqa: E402

ALL = (*plots.FORMATS,)


@pytest.fixture(scope="module")
def tables(seed_articles, fakes_articles):
    return figure_cases.inputs(seed_articles, fakes_articles)


@pytest.fixture
def journal(monkeypatch):
    """What `framing figures --width-mm 85 ...` passes to the notebooks."""
    def use(**options):
        monkeypatch.setenv(plots.style.OPTIONS_ENV, json.dumps({"width_mm": 85, **options}))
    return use


def _heatmap(tables, **options):
    fig = figure_cases.build("terminology_heatmap", tables, **options)
    return fig


# ------------------------------------------------------------------------------ layout
@pytest.mark.parametrize("font_size", [None, 7], ids=["house-8.5pt", "journal-7pt"])
@pytest.mark.parametrize("name", list(figure_cases.BUILDERS))
def test_no_text_overlaps_or_leaves_the_canvas_at_single_column_width(tables, journal, name,
                                                                      font_size):
    journal(**({"font_size": font_size} if font_size else {}))
    fig = figure_cases.build(name, tables)
    plots.resize_figure(fig, width_mm=85)
    assert fig.get_size_inches()[0] == pytest.approx(85 / 25.4)
    assert plots.text_problems(fig) == []


def test_text_problems_finds_overlapping_and_clipped_text():
    fig, ax = plt.subplots(figsize=(2, 2))
    ax.text(0.5, 0.5, "first label")
    ax.text(0.5, 0.5, "second label")
    ax.text(0.9, 0.1, "a label running far off the right edge")
    problems = plots.text_problems(fig)
    assert any("overlaps" in p for p in problems)
    assert any("leaves the canvas" in p for p in problems)


def test_cell_labels_shrink_with_the_figure_and_never_exceed_the_font(tables):
    fig = _heatmap(tables)
    fig.canvas.draw()
    cells = [t for t in fig.axes[0].texts if isinstance(t, plots.CellText)]
    wide = {t.get_fontsize() for t in cells}
    plots.resize_figure(fig, width_mm=50)
    fig.canvas.draw()
    narrow = {t.get_fontsize() for t in cells}
    assert len(wide) == len(narrow) == 1  # one size for every cell of a heatmap
    assert narrow.pop() < wide.pop() <= plots.style.scaled(7) + 1e-9


def test_font_size_scales_every_text_in_proportion(tables):
    fig = _heatmap(tables)
    ax = fig.axes[0]
    before = (ax.title.get_fontsize(), ax.xaxis.label.get_fontsize(),
              ax.get_yticklabels()[0].get_fontsize())
    plots.resize_figure(fig, font="DejaVu Serif", font_size=7)
    after = (ax.title.get_fontsize(), ax.xaxis.label.get_fontsize(),
             ax.get_yticklabels()[0].get_fontsize())
    assert after == pytest.approx(tuple(b * 7 / 8.5 for b in before))
    assert ax.title.get_fontfamily()[0] == "DejaVu Serif"


def test_theme_reads_the_font_options_of_the_environment(journal):
    journal(font_size=7, font="DejaVu Serif")
    with plots.theme():
        import matplotlib as mpl

        assert mpl.rcParams["font.size"] == 7
        assert mpl.rcParams["axes.titlesize"] == pytest.approx(9.5 * 7 / 8.5, abs=1e-3)
        assert mpl.rcParams["font.family"][0] == "DejaVu Serif"


# ------------------------------------------------------------------------------ files
def test_every_format_is_byte_identical_from_save_to_save(tables, tmp_path):
    digests = []
    for run in ("a", "b"):
        saved = plots.save_figure(_heatmap(tables), "heatmap", tmp_path / run, formats=ALL,
                                  width_mm=85, height_mm=120, font_size=7, dpi=300)
        assert [p.suffix for p in saved] == [f".{f}" for f in ALL]
        digests.append([hashlib.sha256(p.read_bytes()).hexdigest() for p in saved])
    assert digests[0] == digests[1]
    eps = (tmp_path / "a" / "heatmap.eps").read_text(encoding="latin-1")
    assert "%%CreationDate: Thu Jan 01 00:00:00 1970" in eps
    assert b"CreationDate" not in (tmp_path / "a" / "heatmap.pdf").read_bytes()


def test_size_and_dpi_set_the_pixels_of_png_and_tiff(tables, tmp_path):
    from PIL import Image

    saved = plots.save_figure(_heatmap(tables), "heatmap", tmp_path, formats=("png", "tiff"),
                              width_mm=85, height_mm=120, dpi=600)
    for path in saved:
        with Image.open(path) as image:
            assert image.size == pytest.approx((85 / 25.4 * 600, 120 / 25.4 * 600), abs=1)
            assert round(image.info["dpi"][0]) == 600


def test_svg_text_is_editable_only_when_asked(tables, tmp_path):
    paths = plots.save_figure(_heatmap(tables), "a", tmp_path, formats=("svg",))[0]
    text = plots.save_figure(_heatmap(tables), "b", tmp_path, formats=("svg",),
                             svg_text=True)[0]
    assert "<text" not in paths.read_text(encoding="utf-8")
    assert "Which labels each outlet uses" in text.read_text(encoding="utf-8")


def test_save_figure_takes_its_defaults_from_the_environment(tables, journal, tmp_path):
    journal(height_mm=120, formats=["eps", "tiff"], dpi=100)
    saved = plots.save_figure(_heatmap(tables), "heatmap", tmp_path)
    assert [p.suffix for p in saved] == [".eps", ".tiff"]
    from PIL import Image

    with Image.open(saved[1]) as image:
        assert image.size == pytest.approx((85 / 25.4 * 100, 120 / 25.4 * 100), abs=1)


@pytest.mark.parametrize("options", [{"width_mm": -1}, {"formats": ("jpg",)}, {"dpi": "x"}])
def test_bad_figure_options_are_refused(options):
    with pytest.raises(FramingError):
        plots.FigureOptions(**options)


def test_figures_command_passes_its_options_to_build_all(monkeypatch, tmp_path):
    seen = {}

    def fake_build_all(processed, out, *, options, command):
        seen.update(options=options, command=command,
                    env=plots.figure_options(), processed=processed)
        return tmp_path / "report.html"

    monkeypatch.setattr("framing.report.build_all", fake_build_all)
    code = main(["figures", "--processed", str(tmp_path), "--width-mm", "85", "--font",
                 "DejaVu Sans", "--font-size", "7", "--dpi", "600", "--format",
                 "svg,pdf,tiff", "--svg-text"])
    assert code == 0
    assert seen["options"] == plots.FigureOptions(
        width_mm=85, font="DejaVu Sans", font_size=7, dpi=600,
        formats=("svg", "pdf", "tiff"), svg_text=True)
    assert "--format=svg,pdf,tiff" in seen["command"]


def test_figure_options_reach_child_processes_through_the_environment():
    import subprocess

    opts = plots.FigureOptions(width_mm=85, formats=("pdf",), svg_text=True)
    with plots.style.figure_options_env(opts):
        out = subprocess.run([sys.executable, "-c", "from framing import plots; "
                              "print(plots.figure_options())"], capture_output=True, text=True,
                             check=True).stdout
    assert "width_mm=85" in out and "formats=('pdf',)" in out and "svg_text=True" in out
