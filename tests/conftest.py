"""Shared fixtures: the bundled corpora, real sentences from them, and the external data folder."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

from framing import config  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
#: Real data nobody on the project wrote; absent in a user's clone.
SHARED_DATA = Path(os.environ.get("FRAMING_SHARED_DATA", REPO.parent / "shared" / "data"))


def shared_path(*parts: str) -> Path:
    """Path under ../shared/data, or skip the test saying why it is missing."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: external evaluation data lives in ../shared/data "
                    "beside the repository (set FRAMING_SHARED_DATA to point elsewhere)")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return config.SEED_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_articles():
    from framing.datasets import load_seed

    return load_seed()


@pytest.fixture(scope="session")
def fakes_articles():
    from framing.datasets import load_fakes

    return load_fakes()


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
