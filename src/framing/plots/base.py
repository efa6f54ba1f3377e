"""What every plot shares: choosing outlet_scores rows by their measure parts, and annotations.

Rows are chosen by the ``stage``, ``statistic``, ``family``, ``subject`` and ``voice`` columns
of outlet_scores, never by reading measure ids; a measure named by the caller is parsed with
:func:`framing.measures.parse_measure` (a name of framing 0.x is translated with a
FutureWarning).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from framing._errors import FramingError, missing_column
from framing.corpus import as_text
from framing.measures import MEASURE_PARTS, legacy_measure, parse_measure
from framing.plots.style import SMALL_MARK, SMALL_NOTE, mark_figure
from framing.stats import MIN_DOCS, MIN_EVENTS

_DOCS = {
    "data_scores": """data : DataFrame
        A long **outlet_scores** table (``outlet, measure, stage, statistic, family, subject,
        voice, value, ci_low, ci_high, n_docs, n_words, n_events, small_sample``); rows are
        chosen by their ``stage`` ... ``voice`` columns and the others ignored.""",
    "ax": """ax : matplotlib Axes, optional
        Axes to draw on; default the current Axes.""",
    "corpus": """corpus : str, optional
        Name of the corpus shown, written on the figure with its article and word counts.""",
    "returns_ax": """Returns
    -------
    matplotlib Axes
        The Axes drawn on.""",
}
_SCORE_COLUMNS = ["outlet", "measure", "value", "ci_low", "ci_high", "n_docs", "n_words",
                  "n_events"]


def _doc(func):
    func.__doc__ = func.__doc__.format(**_DOCS)
    return func


# ------------------------------------------------------------------------------ rows
def _require(data: object, columns: Iterable[str], func: str) -> pd.DataFrame:
    if not isinstance(data, pd.DataFrame):
        raise FramingError(f"{func} expects a DataFrame as data. Got {type(data).__name__}.")
    for col in columns:
        if col not in data.columns:
            raise FramingError(missing_column(col, data.columns))
    return data


def _with_parts(data: pd.DataFrame, func: str) -> pd.DataFrame:
    """``data`` with the measure part columns as strings ('' where a part is empty).

    A table without the part columns gets them from its measure ids.
    """
    _require(data, _SCORE_COLUMNS, func)
    if all(c in data.columns for c in MEASURE_PARTS):
        parts = {c: as_text(data[c]) for c in MEASURE_PARTS}
        return data.assign(**parts)
    try:
        parsed = {m: parse_measure(m) for m in pd.unique(data["measure"])}
    except FramingError as exc:
        raise FramingError(f"{func}: data has measures of framing 0.x and no {MEASURE_PARTS} "
                           f"columns; score the articles again to get outlet_scores with "
                           f"them.") from exc
    return data.assign(**{c: [parsed[m][c] for m in data["measure"]] for c in MEASURE_PARTS})


def _absent(frame: pd.DataFrame, func: str, what: str) -> FramingError:
    known = sorted(frame["measure"].astype(str).unique())
    shown = known[:12] + (["..."] if len(known) > 12 else [])
    return FramingError(f"{func}: none of the measures {what} is in data (it has {shown}). "
                        f"Pass the outlet_scores of the stage that makes them.")


def select(data: pd.DataFrame, func: str, what: str, *,
           exclude: Mapping[str, str] | None = None,
           **where: str | Iterable[str]) -> pd.DataFrame:
    """Rows of outlet_scores whose parts equal (or are among) ``where``, or a clear error.

    ``what`` names the wanted measures in the error, e.g. ``'quotes:share:<side>:'``;
    ``exclude`` maps parts to a value the rows must not have (``{"subject": ""}``).
    """
    frame = _with_parts(data, func)
    keep = np.ones(len(frame), bool)
    for col, want in where.items():
        keep &= (frame[col] == want if isinstance(want, str)
                 else frame[col].isin(list(want))).to_numpy()
    for col, value in (exclude or {}).items():
        keep &= (frame[col] != value).to_numpy()
    rows = frame[keep]
    if rows.empty:
        raise _absent(frame, func, what)
    return rows


def resolve_measure(name: str, func: str, param: str = "measures", *,
                    stacklevel: int = 3) -> str:
    """The measure id ``name``; a framing 0.x name is translated with a FutureWarning.

    ``stacklevel`` 3 points the warning at the caller of the function calling this one.
    """
    if not isinstance(name, str):
        raise FramingError(f"The {param!r} parameter of {func} takes measure ids such as "
                           f"'quotes:share:russia_gov:'. Got {name!r} instead.")
    try:
        parse_measure(name)
        return name
    except FramingError:
        pass
    try:
        new = legacy_measure(name)
    except FramingError:
        raise FramingError(f"The {param!r} parameter of {func} takes measure ids such as "
                           f"'quotes:share:russia_gov:'. Got {name!r} instead.") from None
    warnings.warn(f"measure name {name!r} is renamed {new!r}; the old name will be removed",
                  FutureWarning, stacklevel=stacklevel)
    return new


def resolve_measures(measures: Mapping[str, str], func: str) -> dict[str, str]:
    """Label -> measure id of a ``measures`` parameter (see :func:`resolve_measure`)."""
    out = {}
    for label, name in measures.items():  # a loop, not a comprehension: one frame fewer
        out[label] = resolve_measure(name, func, stacklevel=4)
    return out


def is_measure(frame: pd.DataFrame, measure: str) -> pd.Series:
    """Which rows of ``frame`` (with part columns) are of the measure id ``measure``."""
    parts = parse_measure(measure)
    keep = pd.Series(True, index=frame.index)
    for col in MEASURE_PARTS:
        keep &= frame[col] == parts[col]
    return keep


def select_ids(data: pd.DataFrame, func: str, measures: Iterable[str]) -> pd.DataFrame:
    """Rows of outlet_scores of any of the measure ids ``measures``, or a clear error."""
    frame = _with_parts(data, func)
    measures = list(measures)
    keep = pd.Series(False, index=frame.index)
    for m in measures:
        keep |= is_measure(frame, m)
    rows = frame[keep]
    if rows.empty:
        raise _absent(frame, func, str(measures[:6]))
    return rows


def _small(rows: pd.DataFrame) -> pd.Series:
    if "small_sample" in rows.columns:
        return rows["small_sample"].astype(bool)
    return (rows["n_docs"] < MIN_DOCS) | (rows["n_events"] < MIN_EVENTS)


# ------------------------------------------------------------------------------ annotations
def corpus_totals(data: pd.DataFrame) -> tuple[int, int]:
    """Articles and words behind an outlet_scores table (each outlet counted once)."""
    per = data.groupby("outlet")[["n_docs", "n_words"]].max()
    return int(per["n_docs"].sum()), int(per["n_words"].sum())


def corpus_note(ax: Axes, corpus: str | None, n_docs: int | None = None,
                n_words: int | None = None, *, small: bool = False) -> None:
    """Write the corpus name and its size under the Axes title (and the small-sample key)."""
    parts = [f"Corpus: {corpus}" if corpus else ""]
    if n_docs is not None:
        parts.append(f"{n_docs:,} articles")
    if n_words is not None:
        parts.append(f"{n_words:,} words")
    line = " · ".join(p for p in parts if p)
    if small:
        line += f"\n{SMALL_NOTE}"
    if line:
        title = ax.get_title(loc="left")
        ax.set_title(f"{title}\n{line}" if title else line, loc="left", wrap=True)


def _outlet_label(outlet: str, n_docs: int, small: bool) -> str:
    return f"{outlet} ({n_docs}){' ' + SMALL_MARK if small else ''}"


def _ensure_ax(ax: Axes | None) -> Axes:
    ax = ax if ax is not None else plt.gca()
    mark_figure(ax.figure)
    return ax


def _dot_ci(ax: Axes, y: float, row: Mapping, colour: str, *, filled: bool = True,
            size: float = 5.0) -> None:
    lo, hi = row["ci_low"], row["ci_high"]
    if np.isfinite(lo) and np.isfinite(hi):
        ax.plot([lo, hi], [y, y], color=colour, lw=1.4, solid_capstyle="butt", zorder=2)
    # Light colours (Okabe-Ito yellow) get a grey rim so the dot stays visible on white.
    light = np.dot(mpl.colors.to_rgb(colour), (0.299, 0.587, 0.114)) > 0.8
    ax.plot([row["value"]], [y], marker="o", ms=size, color=colour, zorder=3,
            markerfacecolor=colour if filled else "white", markeredgewidth=1.2,
            markeredgecolor="#666666" if light else colour, linestyle="none")


__all__ = ["corpus_note", "corpus_totals", "is_measure", "resolve_measure",
           "resolve_measures", "select", "select_ids"]


def topic_shares(required: bool = True) -> list:
    """The shares of the topic's term lexicon (:class:`framing.lexicon.Share`), in file order;
    an error when it defines none and they are ``required``."""
    from framing.lexicon import load_lexicon

    shares = load_lexicon().shares
    if not shares and required:
        raise FramingError("The topic's term lexicon defines no shares to plot.")
    return shares


def share_label(share: str) -> str:
    """How a share of the topic lexicon reads on an axis: "share of 'regime' among regime +
    government" (the share's name when the topic has no such share)."""
    found = next((s for s in topic_shares(required=False) if s.name == share), None)
    if found is None:
        return share.replace("_", " ")
    den = " + ".join(found.denominator) if "*" not in found.denominator \
        else f"all {found.family.replace('_', ' ')} labels"
    return f"share of '{'/'.join(found.numerator)}' among {den}"
