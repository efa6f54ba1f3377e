"""Project paths in one place (cookiecutter-data-science's config module).

The project root is the folder holding ``pyproject.toml`` above this package (a source checkout);
for an installed package without a checkout, set ``FRAMING_ROOT``.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _find_root() -> Path | None:
    env = os.environ.get("FRAMING_ROOT")
    if env:
        return Path(env).resolve()
    for parent in PACKAGE_DIR.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "data" / "raw").is_dir():
            return parent
    return None


_ROOT = _find_root()
#: True when running from a source checkout (bundled data and notebooks are there).
IN_CHECKOUT = _ROOT is not None
PROJECT_ROOT = _ROOT or Path.cwd()
DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"
FIGURES_DIR = PROJECT_ROOT / "figures"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
_DEFAULT_CACHE = PROJECT_ROOT / ".cache" if IN_CHECKOUT else Path.home() / ".cache" / "framing"
CACHE_DIR = Path(os.environ.get("FRAMING_CACHE", _DEFAULT_CACHE)).resolve()

SEED_FILE = RAW_DIR / "peace_and_freedom_assad_2017-06.txt"
FAKES_FILE = RAW_DIR / "fa-kes" / "FA-KES-Dataset.csv"
VADER_NYT_FILE = RAW_DIR / "vader-nyt" / "nytEditorialSnippets_GroundTruth.txt"
MANIFEST_FILE = RAW_DIR / "MANIFEST.sha256"


def source_fingerprint() -> str:
    """Hash of framing's code and lexicons: cached tables made by other code are stale."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


FINGERPRINT_FILE = "FINGERPRINT"
#: What `framing run` records about a user corpus, in its output folder.
RUN_FILE = "run.json"
