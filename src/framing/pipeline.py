"""Run every stage over an articles table and write the tables; the main job of ``make run``."""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from framing import config
from framing.corpus import load_corpus, write_table

log = logging.getLogger("framing")


def prepare_bundled(out: Path | None = None) -> dict[str, pd.DataFrame]:
    """Build the bundled corpora's articles tables and write them under ``data/processed``."""
    from framing.datasets import load_fakes, load_seed, load_seed_furniture

    out = Path(out or config.PROCESSED_DIR)
    seed = load_seed()
    write_table(seed, out / "seed" / "articles.csv")
    write_table(load_seed_furniture(), out / "seed" / "furniture.csv")
    fakes = load_fakes()
    write_table(fakes, out / "fakes" / "articles.csv")
    log.info("seed page: %d articles from %d outlets; FA-KES: %d articles from %d outlets",
             len(seed), seed["outlet"].nunique(), len(fakes), fakes["outlet"].nunique())
    return {"seed": seed, "fakes": fakes}


def run_main(*, corpus: str | None = None, text_col: str = "text",
             outlet_col: str | None = "outlet", out: str | Path | None = None) -> Path:
    """Build the articles tables (bundled corpora, or ``corpus``) and every stage's tables.

    Returns the output folder.
    """
    out = Path(out or config.PROCESSED_DIR)
    if corpus:
        corpora = {"user": load_corpus(corpus, text_col=text_col, outlet_col=outlet_col)}
        write_table(corpora["user"], out / "user" / "articles.csv")
    else:
        corpora = prepare_bundled(out)
    return out
