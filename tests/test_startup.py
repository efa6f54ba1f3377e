"""Importing framing loads none of the heavy optional packages (start-up time: bench/)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("sklearn", "scipy.stats", "dask", "distributed", "nbclient", "trafilatura")


def test_import_framing_leaves_heavy_packages_unloaded():
    code = f"import sys, framing; print(*[m for m in {HEAVY!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout.split()
    assert out == []


def test_vectorizer_still_reachable_from_framing_and_terms():
    import framing
    import framing.terms
    from framing.vectorize import TermFamilyVectorizer

    assert framing.TermFamilyVectorizer is TermFamilyVectorizer
    assert framing.terms.TermFamilyVectorizer is TermFamilyVectorizer
