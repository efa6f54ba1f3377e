"""Project-level promises: raw data untouched, dependency lists in step, the two commands."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tomllib
import yaml

from framing import config

REPO = Path(__file__).resolve().parents[1]


def _manifest() -> dict[str, str]:
    lines = config.MANIFEST_FILE.read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split(maxsplit=1) for line in lines if line)}


def test_manifest_lists_every_raw_file():
    files = {p.relative_to(config.RAW_DIR).as_posix() for p in config.RAW_DIR.rglob("*")
             if p.is_file() and p != config.MANIFEST_FILE}
    assert set(_manifest()) == files


@pytest.mark.parametrize("name", sorted(_manifest()))
def test_raw_file_matches_its_checksum(name):
    digest = hashlib.sha256((config.RAW_DIR / name).read_bytes()).hexdigest()
    assert digest == _manifest()[name]


def _name(req: str) -> str:
    return re.split(r"[<>=!\[ ;]", req, maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_same_packages_as_pyproject():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        wanted |= {_name(r) for r in extra}
    env = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    listed = {_name(r) for r in pip if not r.startswith("-e")}
    assert listed == wanted


def test_readme_starts_with_the_two_commands():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:bash|sh)?\n(.*?)```", text, flags=re.S)
    assert [line.strip() for line in blocks[0].strip().splitlines()] == ["make run", "make test"]


def test_ci_runs_make_test():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    commands = [ln for ln in script.splitlines() if ln.strip() and not ln.startswith("#")
                and not ln.startswith(("set ", "cd "))]
    assert commands == ["make test"]


def test_lexicons_ship_with_the_package():
    from importlib import resources

    names = {p.name for p in (resources.files("framing") / "lexicons").iterdir()}
    assert {"cues.yaml", "speakers.yaml", "hedges.yaml"} <= names
    topic = {p.name for p in (resources.files("framing") / "topics" / "syria").iterdir()}
    assert {"terms.yaml", "actors.yaml", "events.yaml", "outlets.yaml", "README.md"} <= topic


def test_code_passes_ruff():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent))
    if ruff is None:
        pytest.skip("ruff is not installed (pip install 'framing[dev]')")
    result = subprocess.run([ruff, "check", "src", "tests", "bench"], cwd=REPO,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-2000:]
