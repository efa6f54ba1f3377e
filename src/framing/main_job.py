"""The main job: the bundled corpora (or a user's corpus or study) through every stage, then
the figures and the report (``framing run``, ``make run``)."""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from framing import config
from framing.corpus import load_corpus, write_table
from framing.pipeline import CHUNKSIZE, score

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


def run_main(*, corpus: str | None = None, study: str | Path | None = None,
             columns: dict | None = None, text_col: str | None = None,
             outlet_col: str | None = None, out: str | Path | None = None,
             topic: str | None = None, lexicons: Iterable[str] = (),
             actors: Iterable[str] = (), progress: bool = False) -> Path:
    """Build the articles tables (bundled corpora, a corpus, or a study's) and every table.

    Each corpus gets a folder (``seed``, ``fakes`` or ``user``) holding ``<table>.csv`` for
    every table of :data:`TABLES` and the code's ``FINGERPRINT``; a user corpus also gets
    ``run.json`` (corpus, size, study file, topic, files added to it, targets, groups, focus)
    for the notebooks and the report. Then :func:`framing.report.build_all` writes the figures
    and the report from those tables (into ``figures/``, or ``out/figures`` when ``out`` is
    given).

    A user corpus never writes into the project's ``data/processed`` or ``figures``: without
    ``out`` its tables go to ``runs/<corpus name>/`` under the current folder. Its topic,
    lexicons and actors hold for this run only.
    Returns the output folder.
    """
    from framing.topic import current_topic, extra_files, using_topic

    info: dict = {}
    columns = dict(columns or {})
    columns.update({k: v for k, v in (("text_col", text_col), ("outlet_col", outlet_col))
                    if v is not None})
    if study:
        from framing.study import load_study

        plan = load_study(study)
        corpus, columns = str(plan.corpus), plan.load_kwargs()
        topic = topic or plan.topic
        lexicons, actors = [*plan.lexicons, *lexicons], [*plan.actors, *actors]
        info.update(study=str(Path(study).resolve()), targets=plan.targets, groups=plan.groups,
                    focus=plan.focus)
    if corpus and out is None:
        out = Path("runs") / (Path(corpus).stem or "corpus")
        log.info("no -o given: writing to %s", out)
    figures = Path(out) / "figures" if out else config.FIGURES_DIR
    out = Path(out or config.PROCESSED_DIR)
    scope = using_topic(topic, lexicons=list(lexicons), actors=list(actors)) if corpus \
        else contextlib.nullcontext()
    with scope:  # a user corpus's topic and files hold for this run only
        if corpus:
            articles = load_corpus(corpus, **columns)
            corpora = {"user": articles}
            info.update(corpus=str(Path(corpus).resolve()), name=Path(corpus).name,
                        articles=len(articles), outlets=int(articles["outlet"].nunique()),
                        topic=current_topic(), lexicons=[str(p) for p in extra_files("lexicons")],
                        actors=[str(p) for p in extra_files("actors")])
        else:
            corpora = prepare_bundled(out)
        for name, articles in corpora.items():
            written = score(articles, out=out / name, progress=progress,
                            n_workers=1 if len(articles) <= CHUNKSIZE else None)
            (out / name / config.FINGERPRINT_FILE).write_text(config.source_fingerprint() + "\n")
            if name == "user":
                (out / name / config.RUN_FILE).write_text(json.dumps(info, indent=1) + "\n",
                                                     encoding="utf-8")
            log.info("%s: %s", name, ", ".join(p.name for p in written.values()))
        from framing.report import build_all

        command = ["framing", "run", *(["--study", Path(study).name] if study else []),
                   *(["--corpus", Path(corpus).name] if corpus and not study else [])]
        build_all(out, figures, command=command)
    return out
