"""What the notebooks say and draw, chosen from the data rather than written for one corpus.

The analysis notebooks call these so that the same cells serve the bundled corpora and a
user's: :func:`describe_run` names the corpus, its size, topic and study file;
:func:`draw` saves a figure or, when the data hold nothing to draw, prints one line saying why;
the ``pick_*`` functions choose what to show (a share of the topic's lexicon that has values,
the commonest contested term, the outlets to compare).
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from framing import config
from framing._errors import FramingError


def run_info(corpus: str, processed_dir: str | Path | None = None) -> dict:
    """What ``framing run`` recorded about a user corpus (``run.json``); {} for bundled ones."""
    path = Path(processed_dir or config.PROCESSED_DIR) / corpus / config.RUN_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def describe_run(corpus: str, processed_dir: str | Path | None = None) -> str:
    """A Markdown paragraph naming a user corpus: file, articles, outlets, topic, study."""
    info = run_info(corpus, processed_dir)
    if not info:
        return f"Corpus `{corpus}`."
    lines = [f"**{info.get('name', corpus)}**: {info.get('articles', '?')} articles from "
             f"{info.get('outlets', '?')} outlets, measured with the topic "
             f"`{Path(str(info.get('topic', 'syria'))).name}`."]
    if info.get("study"):
        lines.append(f"Study file: `{info['study']}`.")
    added = [Path(p).name for p in info.get("lexicons", []) + info.get("actors", [])]
    if added:
        lines.append("Files added to the topic: " + ", ".join(f"`{a}`" for a in added) + ".")
    return " ".join(lines)


def draw(name: str, plot: Callable, data: pd.DataFrame, *,
         figsize: tuple[float, float] | None = None, figures_dir: str | Path | None = None,
         **kwargs):
    """Draw ``plot(data, ax=..., **kwargs)`` on a new ``figsize`` figure (or call a plot that
    makes its own figure) with the house theme and save it as ``name``; when the data hold
    nothing for it to draw, print one line saying why and return None instead of raising."""
    import matplotlib.pyplot as plt

    from framing import plots

    with plots.theme():
        try:
            if "ax" in inspect.signature(plot).parameters:
                fig, ax = plt.subplots(figsize=figsize)
                plot(data, ax=ax, **kwargs)
            else:
                fig = plot(data, **kwargs)
                if figsize is not None:
                    fig.set_size_inches(*figsize)
        except FramingError as exc:
            plt.close("all")
            print(f"No figure '{name}': {exc}")
            return None
    return plots.save_figure(fig, name, figures_dir)


def _parts(scores: pd.DataFrame) -> pd.DataFrame:
    if "stage" in scores.columns:
        return scores
    from framing.measures import parse_measure

    return scores.assign(**pd.DataFrame([parse_measure(m) for m in scores["measure"]],
                                        index=scores.index))


def _first_share():
    from framing.lexicon import load_lexicon

    shares = load_lexicon().shares
    return shares[0] if shares else None


def pick_share(scores: pd.DataFrame, prefer: str | None = None) -> str | None:
    """A share of the topic's term lexicon with values in ``scores``: ``prefer`` (default:
    the lexicon's first share) when it has some, else the one with the most labels behind
    it; None when no share has a value."""
    if prefer is None:
        first = _first_share()
        prefer = first.name if first else ""
    rows = _parts(scores)
    rows = rows[(rows["stage"] == "terms") & (rows["statistic"] == "share")
                & rows["value"].notna()]
    if rows.empty:
        return None
    names = rows.groupby("subject")["n_events"].sum().sort_values(ascending=False, kind="stable")
    return prefer if prefer in names.index else str(names.index[0])


def pick_term(hits: pd.DataFrame, prefer: str | None = None) -> str | None:
    """The term to show in context: ``prefer`` (default: the first numerator term of the
    lexicon's first share) when the corpus has it, else its commonest."""
    if hits.empty:
        return None
    if prefer is None:
        first = _first_share()
        prefer = first.numerator[0] if first else ""
    counts = hits["term"].value_counts()
    return prefer if prefer in counts.index else str(counts.index[0])


def pick_groups(articles: pd.DataFrame, corpus: str,
                processed_dir: str | Path | None = None) -> tuple[list[str], list[str] | None]:
    """Outlets for Fightin' Words: a study's first two ``groups`` or its ``focus`` against
    the rest (a bundled corpus's study: :data:`framing.datasets.BUNDLED_STUDIES`); else the
    largest outlet against the rest."""
    from framing.datasets import BUNDLED_STUDIES

    info = run_info(corpus, processed_dir) or BUNDLED_STUDIES.get(corpus, {})
    groups = info.get("groups") or {}
    if len(groups) >= 2:
        a, b = list(groups.values())[:2]
        return list(a), list(b)
    if info.get("focus"):
        return list(info["focus"]), None
    return [str(articles["outlet"].value_counts().index[0])], None
