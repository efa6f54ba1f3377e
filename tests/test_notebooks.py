"""Notebooks: stored clean, every one executes headless on the bundled corpora, same bytes twice.

The kernel talks to nbclient over Unix-domain sockets (framing.report.execute_notebook), so the
tests run with pytest-socket's --disable-socket --allow-unix-socket unchanged.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat
import pytest

from framing import config, provenance, report
from framing.classroom import MASTERS_DIR, SOLUTION_TAGS, STUDENT_DIR, build_classroom

pytestmark = pytest.mark.slow

MASTERS = sorted(MASTERS_DIR.glob("*.ipynb"))
ALL_NOTEBOOKS = sorted(config.NOTEBOOKS_DIR.rglob("*.ipynb"))
SEED_ONLY = ("01_corpus", "03_quotes_and_voices")


def _tags(cell) -> set[str]:
    return set(cell.metadata.get("tags", []))


def _digests(folder: Path) -> dict[str, str]:
    """sha256 of each file; of a provenance file, of its stable part only (its git commit and
    command change with every commit and folder, see framing.provenance.VOLATILE)."""
    return {p.name: provenance.stable_digest(p) if p.name.endswith(provenance.SUFFIX)
            else hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def processed(tmp_path_factory):
    return tmp_path_factory.mktemp("processed")


@pytest.fixture(scope="module")
def suite(processed, tmp_path_factory):
    """The whole suite, as `make figures` runs it, into a throwaway figures folder."""
    figures = tmp_path_factory.mktemp("figures")
    return report.build_all(processed, figures).parent


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)


@pytest.mark.parametrize("name", report.NOTEBOOKS)
def test_analysis_notebook_has_a_parameters_cell(name):
    nb = nbformat.read(config.NOTEBOOKS_DIR / f"{name}.ipynb", as_version=4)
    tagged = [c for c in nb.cells if "parameters" in _tags(c)]
    assert len(tagged) == 1 and "processed_dir = None" in tagged[0].source


def test_every_analysis_notebook_runs_and_writes_its_figures(suite):
    written = {p.stem for p in suite.glob("*.svg")}
    assert written == set(report.FIGURE_NAMES)
    assert {p.name.removesuffix(provenance.SUFFIX) for p in suite.glob(f"*{provenance.SUFFIX}")
            } == written
    assert {p.suffix for p in suite.glob("corpus_overview.*")
            if not p.name.endswith(provenance.SUFFIX)} == {".svg", ".png", ".pdf"}


def test_committed_figures_are_what_the_notebooks_render_now(suite):
    """figures/ in the repository holds what `make run` writes with the code as it is."""
    committed = _digests(config.FIGURES_DIR)
    rendered = _digests(suite)
    stale = sorted(name for name in rendered if committed.get(name) != rendered[name])
    assert not stale, f"{stale} differ from a fresh rendering: run `make run` and commit figures/"


def test_figures_are_byte_identical_when_the_notebooks_run_again(suite, processed,
                                                                 tmp_path):
    again = report.build_all(processed, tmp_path, names=SEED_ONLY).parent
    first = _digests(suite)
    second = _digests(again)
    shared = set(second) - {report.REPORT_NAME}
    assert shared and {k: first[k] for k in shared} == {k: second[k] for k in shared}


def test_report_is_byte_identical_for_the_same_notebooks(processed, tmp_path):
    params = {**report.corpora_in(processed), "processed_dir": str(processed),
              "figures_dir": str(tmp_path / "figures")}
    pages = []
    for k in range(2):
        executed = report.run_notebooks(params, ["01_corpus"])
        pages.append(report.write_report(executed, tmp_path / f"r{k}.html").read_bytes())
    assert pages[0] == pages[1]


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.name)
def test_student_version_holds_no_solution_cells(master):
    student = nbformat.read(STUDENT_DIR / master.name, as_version=4)
    assert not any(_tags(c) & set(SOLUTION_TAGS) for c in student.cells)
    assert any(_tags(c) & set(SOLUTION_TAGS) for c in nbformat.read(master, as_version=4).cells)


def test_student_versions_match_their_masters(tmp_path):
    for path in build_classroom(out_dir=tmp_path):
        assert path.read_bytes() == (STUDENT_DIR / path.name).read_bytes(), (
            f"{path.name}: run `make classroom` to regenerate the student version")


def _printed(nb) -> str:
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code"
                   for o in c.outputs if o.output_type == "stream")


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.name)
def test_answer_key_runs_and_its_self_checks_pass(master):
    printed = _printed(report.execute_notebook(master))
    assert "✓" in printed
    assert "Not quite" not in printed and "Your turn" not in printed


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.name)
def test_student_version_runs_and_self_checks_give_hints(master):
    printed = _printed(report.execute_notebook(STUDENT_DIR / master.name))
    assert "Traceback" not in printed
    assert "your turn" in printed.lower() or "hint:" in printed.lower()
