"""How far to trust a measure: its scores against human ratings of the same texts."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from framing.plots.base import _doc, _ensure_ax, _require, corpus_note
from framing.plots.style import scaled


@_doc
def plot_tone_validity(data: pd.DataFrame, *, x: str = "human", y: str = "compound",
                       summary: Mapping[str, float] | None = None,
                       reference: Mapping[str, float] | None = None,
                       ax: Axes | None = None, corpus: str | None = None) -> Axes:
    """Tone scores against human ratings of the same texts: how far to trust tone numbers.

    Parameters
    ----------
    data : DataFrame
        One row per rated text (:func:`framing.tone.tone_validity`'s ``pairs``).
    x, y : str
        Columns of the human rating and of the tone score, both on -1..1.
    summary : mapping, optional
        ``r, ci_low, ci_high, n`` to write on the figure (computed from the data if omitted).
    reference : mapping of str to float, optional
        Published correlations to print beside ours, e.g. ``{{"VADER paper": 0.492}}``.
    {ax}
    {corpus}

    {returns_ax}
    """
    frame = _require(data, [x, y], "plot_tone_validity")
    ax = _ensure_ax(ax)
    hb = ax.hexbin(frame[x], frame[y], gridsize=30, extent=(-1, 1, -1, 1), mincnt=1,
                   cmap="cividis", linewidths=0, bins="log")
    ax.figure.colorbar(hb, ax=ax, label="texts per cell (log scale)")
    ax.axhline(0, color="#999999", lw=0.6)
    ax.axvline(0, color="#999999", lw=0.6)
    if summary is None:
        summary = {"r": float(np.corrcoef(frame[x], frame[y])[0, 1]), "n": len(frame)}
    text = f"{int(summary.get('n', len(frame))):,} rated texts\nr = {summary['r']:.3f}"
    if "ci_low" in summary:
        text += f" [{summary['ci_low']:.3f}, {summary['ci_high']:.3f}]"
    for name, value in (reference or {}).items():
        text += f"\n{name}: r = {value:.3f}"
    ax.text(0.02, 0.98, text, transform=ax.transAxes, va="top", fontsize=scaled(7.5),
            bbox={"facecolor": "white", "edgecolor": "#cccccc", "pad": 3})
    ax.set_xlim(-1, 1)
    ax.set_ylim(-1, 1)
    ax.set_xlabel("mean human rating / 4 (−1 negative … +1 positive)", wrap=True)
    ax.set_ylabel("VADER compound (mean over sentences)", wrap=True)
    ax.set_title("Does tone agree with people?", loc="left", wrap=True)
    corpus_note(ax, corpus)
    return ax


__all__ = ["plot_tone_validity"]
