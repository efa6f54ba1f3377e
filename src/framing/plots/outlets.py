"""Per-outlet charts: the corpus, labels, quotes, tone, readability and agency of each outlet.

Every function is axes-level in the seaborn manner: it takes a tidy frame as ``data`` (usually
the long **outlet_scores** table), draws on ``ax`` or the current Axes and returns it.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from framing._errors import FramingError, bad_value
from framing.measures import measure_id, parse_measure
from framing.plots.base import (
    _doc,
    _dot_ci,
    _ensure_ax,
    _outlet_label,
    _require,
    _small,
    _with_parts,
    corpus_note,
    corpus_totals,
    resolve_measure,
    select,
    select_ids,
    share_label,
    topic_shares,
)
from framing.plots.layout import CellGroup, CellText, legend_below, on_resize
from framing.plots.style import (
    CONSTRUCTION_COLORS,
    SMALL_MARK,
    outlet_colors,
    scaled,
    side_colors,
    topic_colors,
)
from framing.stats import MIN_DOCS, MIN_EVENTS


# ------------------------------------------------------------------------------ corpus
@_doc
def plot_corpus_overview(data: pd.DataFrame, *, ax: Axes | None = None,
                         corpus: str | None = None) -> Axes:
    """Horizontal bars of words per outlet, with the number of articles written beside.

    Parameters
    ----------
    data : DataFrame
        From :func:`framing.report.corpus_summary`: ``outlet, articles, words``.
    {ax}
    {corpus}

    {returns_ax}
    """
    _require(data, ["outlet", "articles", "words"], "plot_corpus_overview")
    rows = data.sort_values("outlet", ascending=False, ignore_index=True)
    ax = _ensure_ax(ax)
    colours = outlet_colors(rows["outlet"])
    ax.barh(range(len(rows)), rows["words"], color=[colours[o] for o in rows["outlet"]],
            height=0.7, edgecolor="#666666", linewidth=0.4)
    small = rows["articles"] < MIN_DOCS
    for y, (n, w, sm) in enumerate(zip(rows["articles"], rows["words"], small, strict=True)):
        ax.annotate(f"{n} article{'s' if n != 1 else ''}{' ' + SMALL_MARK if sm else ''}",
                    (w, y), xytext=(3, 0), textcoords="offset points", va="center",
                    fontsize=scaled(6.5), color="#555555")
    ax.set_yticks(range(len(rows)), rows["outlet"])
    ax.set_xlabel("words (embedded material left out)", wrap=True)
    ax.grid(axis="y", visible=False)
    ax.set_title("What is in the corpus: words and articles per outlet", loc="left", wrap=True)
    corpus_note(ax, corpus, int(rows["articles"].sum()), int(rows["words"].sum()),
                small=bool(small.any()))
    return ax


# ------------------------------------------------------------------------------ terminology
def _turn_labels(ax: Axes, n_cols: int) -> None:
    """Column labels at 30 degrees while columns are wide enough, else upright (90)."""
    size = ax.xaxis.get_major_ticks()[0].label1.get_fontsize() if n_cols else 0
    column = ax.get_window_extent().width / max(n_cols, 1) * 72 / ax.figure.dpi
    turn = 30 if column > 2.6 * size else 90
    for label in ax.get_xticklabels():
        label.set_rotation(turn)
        label.set_horizontalalignment("right" if turn == 30 else "center")
        label.set_rotation_mode("anchor" if turn == 30 else "default")


@_doc
def plot_term_heatmap(data: pd.DataFrame, *, voice: str = "all",
                      families: Sequence[str] | None = None, ax: Axes | None = None,
                      corpus: str | None = None, cmap: str = "cividis") -> Axes:
    """Heatmap of label families per outlet: rate per 1,000 words, hit counts annotated.

    Parameters
    ----------
    {data_scores}
        Uses the ``terms:rate:<family>/*:<voice>`` rows (stage ``terms``, statistic ``rate``,
        subject ``*``) of :func:`framing.terms.score_terms`.
    voice : {{'all', 'narrator'}}, default='all'
        Every hit, or the outlet's own narration only.
    families : sequence of str, optional
        Families to show, in this order; default every family in ``data``.
    {ax}
    {corpus}
    cmap : str, default='cividis'
        Colour map (cividis reads the same to colour-blind readers).

    {returns_ax}
    """
    if voice not in ("all", "narrator"):
        raise FramingError(bad_value("voice", "plot_term_heatmap", ("all", "narrator"), voice))
    rows = select(data, "plot_term_heatmap",
                  repr(measure_id("terms", "rate", "*", voice, family="<family>")),
                  stage="terms", statistic="rate", subject="*", voice=voice)
    if families is not None:
        unknown = sorted(set(families) - set(rows["family"]))
        if unknown:
            raise FramingError(bad_value("families", "plot_term_heatmap",
                                         sorted(rows["family"].unique()), unknown))
        rows = rows[rows["family"].isin(families)]
    cols = list(families) if families is not None else sorted(rows["family"].unique())
    rates = rows.pivot(index="outlet", columns="family", values="value").reindex(columns=cols)
    counts = rows.pivot(index="outlet", columns="family", values="n_events").reindex(
        columns=cols).fillna(0).astype(int)
    per_outlet = rows.groupby("outlet").agg(n_docs=("n_docs", "max"))
    ax = _ensure_ax(ax)
    values = rates.to_numpy(dtype=float)
    image = ax.imshow(np.nan_to_num(values), cmap=cmap, aspect="auto",
                      vmin=0, vmax=max(float(np.nanmax(values)) if np.isfinite(values).any()
                                       else 1.0, 1e-9))
    norm, cm = image.norm, mpl.colormaps[cmap]
    cells = CellGroup()
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            v = values[i, j]
            luminance = np.dot(cm(norm(np.nan_to_num(v)))[:3], (0.299, 0.587, 0.114))
            ax._add_text(CellText(j, i, f"{v:.1f}\n({counts.iat[i, j]})" if np.isfinite(v)
                                  else "–", max_size=scaled(7), group=cells,
                                  color="black" if luminance > 0.5 else "white"))
    small = per_outlet["n_docs"] < MIN_DOCS
    ax.set_xticks(range(len(cols)), [c.replace("_", " ") for c in cols], rotation=30,
                  ha="right", rotation_mode="anchor")
    on_resize(ax.figure, lambda fig, renderer: _turn_labels(ax, len(cols)))
    ax.set_yticks(range(len(rates.index)),
                  [_outlet_label(o, int(per_outlet.at[o, "n_docs"]), bool(small[o]))
                   for o in rates.index])
    ax.grid(False)
    ax.set_xlabel("label family (rate per 1,000 words, hits in brackets)", wrap=True)
    ax.set_ylabel("outlet (articles)", wrap=True)
    ax.figure.colorbar(image, ax=ax, label="hits per 1,000 words", shrink=0.8)
    ax.set_title("Which labels each outlet uses" + ("" if voice == "all" else " (narration)"),
                 loc="left", wrap=True)
    corpus_note(ax, corpus, *corpus_totals(rows), small=bool(small.any()))
    return ax


@_doc
def plot_share(data: pd.DataFrame, *, share: str | None = None,
               voices: Sequence[str] = ("narrator", "all"), ax: Axes | None = None,
               corpus: str | None = None) -> Axes:
    """Dot-and-interval plot of a label share per outlet, the outlet's own voice against all.

    Parameters
    ----------
    {data_scores}
        Uses the ``terms:share:<share>:<voice>`` rows (stage ``terms``, statistic ``share``)
        of :func:`framing.terms.score_terms`.
    share : str, optional
        A share of the terms lexicon (default: the topic lexicon's first share).
    voices : sequence of {{'narrator', 'all'}}, default=('narrator', 'all')
        Voices drawn: filled dots for the narrator, open dots for every voice.
    {ax}
    {corpus}

    {returns_ax}
    """
    share = share or topic_shares()[0].name
    for v in voices:
        if v not in ("all", "narrator"):
            raise FramingError(bad_value("voices", "plot_share", ("all", "narrator"), v))
    rows = select(data, "plot_share", str([measure_id("terms", "share", share, v)
                                           for v in voices]),
                  stage="terms", statistic="share", subject=share, voice=voices)
    ax = _ensure_ax(ax)
    outlets = sorted(rows["outlet"].unique(), reverse=True)
    colours = outlet_colors(outlets)
    offsets = np.linspace(0.15, -0.15, len(voices)) if len(voices) > 1 else [0.0]
    labels, any_small = [], False
    for y, outlet in enumerate(outlets):
        mine = rows[rows["outlet"] == outlet]
        small = bool(_small(mine).all())
        any_small |= small
        labels.append(_outlet_label(outlet, int(mine["n_docs"].max()), small))
        if not np.isfinite(mine["value"].astype(float)).any():
            ax.text(0.5, y, "no mentions", fontsize=scaled(6.5), color="#777777", ha="center",
                    va="center")
            continue
        for off, voice in zip(offsets, voices, strict=True):
            row = mine[mine["voice"] == voice]
            if row.empty or not np.isfinite(row["value"].iat[0]):
                continue
            rec = row.iloc[0]
            _dot_ci(ax, y + off, rec, colours[outlet], filled=voice == "narrator")
            ax.text(1.02, y + off, f"n={int(rec['n_events'])}", fontsize=scaled(6.5), va="center",
                    color="#555555", transform=ax.get_yaxis_transform())
    ax.set_yticks(range(len(outlets)), labels)
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.6, len(outlets) - 0.4)
    ax.set_xlabel(f"{share_label(share)} (95% bootstrap CI over articles)", wrap=True)
    handles = [mpl.lines.Line2D([], [], marker="o", color="#444444", linestyle="none",
                                markerfacecolor="#444444" if v == "narrator" else "white",
                                label="outlet's own narration" if v == "narrator"
                                else "all voices (quotes included)") for v in voices]
    legend_below(ax, handles, ncols=2)
    ax.set_title(f"{share.replace('_', ' ').capitalize()}: narration vs all voices", loc="left",
                 wrap=True)
    corpus_note(ax, corpus, *corpus_totals(rows), small=any_small)
    return ax



# ------------------------------------------------------------------------------ quotes
#: Statistics of plot_quote_balance under their framing 0.x names.
_QUOTE_SHARES_0X = {"quoted_word_share": "word_share", "quote_share": "share"}


@_doc
def plot_quote_balance(data: pd.DataFrame, *, measure: str = "word_share",
                       sides: Sequence[str] | None = None, ax: Axes | None = None,
                       corpus: str | None = None) -> Axes:
    """Stacked bars of who is quoted in each outlet, with the side entropy written beside.

    Parameters
    ----------
    {data_scores}
        Uses the ``quotes:<measure>:<side>:`` and ``quotes:entropy::`` rows of
        :func:`framing.quotes.score_quotes`.
    measure : {{'word_share', 'share'}}, default='word_share'
        Statistic drawn: share of quoted words, or share of quotes (the 0.x names
        ``'quoted_word_share'`` and ``'quote_share'`` still work, with a FutureWarning).
    sides : sequence of str, optional
        Sides to stack, in this order; default those with any share, official sides first.
    {ax}
    {corpus}

    {returns_ax}
    """
    if measure in _QUOTE_SHARES_0X:
        new = _QUOTE_SHARES_0X[measure]
        warnings.warn(f"measure={measure!r} is renamed {new!r}; the old name will be removed",
                      FutureWarning, stacklevel=2)
        measure = new
    if measure not in ("word_share", "share"):
        raise FramingError(bad_value("measure", "plot_quote_balance", ("word_share", "share"),
                                     measure))
    shares = select(data, "plot_quote_balance", repr(measure_id("quotes", measure, "<side>")),
                    stage="quotes", statistic=measure)
    table = shares.pivot(index="outlet", columns="subject", values="value").fillna(0.0)
    if sides is None:
        known = topic_colors()["sides"]  # the topic's order of sides
        sides = [s for s in known if s in table.columns and table[s].sum() > 0]
        sides += sorted(s for s in table.columns if s not in known and table[s].sum() > 0)
    table = table.reindex(columns=list(sides), fill_value=0.0)
    parts = _with_parts(data, "plot_quote_balance")
    entropy = parts[(parts["stage"] == "quotes") & (parts["statistic"] == "entropy")
                    ].set_index("outlet")
    ax = _ensure_ax(ax)
    outlets = sorted(table.index, reverse=True)
    colours = side_colors(sides)
    left = np.zeros(len(outlets))
    for side in sides:
        width = table.loc[outlets, side].to_numpy(float)
        ax.barh(range(len(outlets)), width, left=left, color=colours[side], height=0.7,
                label=side.replace("_", " "), edgecolor="white", linewidth=0.4)
        left += width
    per = shares.groupby("outlet").agg(n_docs=("n_docs", "max"), n_events=("n_events", "max"))
    labels, any_small = [], False
    for y, outlet in enumerate(outlets):
        n_q = int(entropy.at[outlet, "n_events"]) if outlet in entropy.index else 0
        small = per.at[outlet, "n_docs"] < MIN_DOCS or n_q < MIN_EVENTS
        any_small |= bool(small)
        labels.append(_outlet_label(outlet, int(per.at[outlet, "n_docs"]), bool(small)))
        # + 0.0 turns the -0.0 of a one-side outlet into 0.0
        h = entropy.at[outlet, "value"] + 0.0 if outlet in entropy.index else float("nan")
        note = "no quotes" if left[y] == 0 else (f"H={h:.2f}, {n_q} quotes" if np.isfinite(h)
                                                 else f"{n_q} quotes")
        ax.text(1.01, y, note, va="center", fontsize=scaled(6.5), color="#555555",
                transform=ax.get_yaxis_transform())
    ax.set_yticks(range(len(outlets)), labels)
    ax.set_xlim(0, 1)
    ax.set_xlabel(("share of words inside quotation marks" if measure == "word_share"
                   else "share of quotes") + " by the speaker's side"
                  "\n(H and quote counts include reported speech without marks)", wrap=True)
    ax.grid(axis="y", visible=False)
    legend_below(ax, ncols=4)
    ax.set_title("Who gets to speak: quotes by side (H = normalised entropy, 1 = balanced)",
                 loc="left", wrap=True)
    corpus_note(ax, corpus, *corpus_totals(shares), small=any_small)
    return ax


# ------------------------------------------------------------------------------ tone
@_doc
def tone_targets(data: pd.DataFrame, *, voice: str = "narrator", top: int = 3) -> list[str]:
    """The ``top`` tone targets with the most sentences (summed over outlets) in ``voice``,
    most first: what :func:`plot_target_tone` can show for this corpus and topic ([] when no
    outlet has a tone value toward any target)."""
    frame = data if "stage" in data.columns else data.assign(
        **pd.DataFrame([parse_measure(m) for m in data["measure"]], index=data.index))
    rows = frame[(frame["stage"] == "tone") & (frame["statistic"] == "mean")
                 & (frame["voice"] == voice) & (frame["subject"].fillna("") != "")]
    rows = rows[np.isfinite(rows["value"].astype(float))]
    counts = rows.groupby("subject")["n_events"].sum().sort_values(ascending=False, kind="stable")
    return [str(t) for t in counts.index[:top]]


def plot_target_tone(data: pd.DataFrame, *, voice: str = "narrator",
                     targets: Sequence[str] | None = None, ax: Axes | None = None,
                     corpus: str | None = None) -> Axes:
    """Forest plot of the tone towards each actor, per outlet, with 95% intervals.

    Parameters
    ----------
    {data_scores}
        Uses the ``tone:mean:<target>:<voice>`` rows of :func:`framing.tone.target_tone`.
    voice : {{'narrator', 'quoted'}}, default='narrator'
        Sentences in the outlet's own words, or in the words of people it quotes.
    targets : sequence of str, optional
        Actors to show, in this order; default every actor in ``data``.
    {ax}
    {corpus}

    {returns_ax}
    """
    if voice not in ("narrator", "quoted"):
        raise FramingError(bad_value("voice", "plot_target_tone", ("narrator", "quoted"), voice))
    rows = select(data, "plot_target_tone", repr(measure_id("tone", "mean", "<target>", voice)),
                  exclude={"subject": ""}, stage="tone", statistic="mean", voice=voice)
    rows = rows.assign(target=rows["subject"])
    if targets is not None:
        rows = rows[rows["target"].isin(targets)]
    rows = rows[np.isfinite(rows["value"].astype(float))]
    if rows.empty:
        raise FramingError(f"plot_target_tone: no tone values for targets {targets}.")
    order = list(targets) if targets is not None else sorted(rows["target"].unique())
    ax = _ensure_ax(ax)
    colours = outlet_colors(sorted(rows["outlet"].unique()))
    ticks, labels, y, any_small = [], [], 0.0, False
    for actor in order:
        mine = rows[rows["target"] == actor].sort_values("outlet")
        if mine.empty:
            continue
        ax.text(0.005, y - 0.75, actor.replace("_", " "), fontweight="bold",
                fontsize=scaled(7.5), ha="left", va="center", transform=ax.get_yaxis_transform())
        for (_, rec), sm in zip(mine.iterrows(), _small(mine), strict=True):
            _dot_ci(ax, y, rec, colours[rec["outlet"]], filled=not sm)
            ticks.append(y)
            labels.append(f"{rec['outlet']} (n={int(rec['n_events'])})"
                          f"{' ' + SMALL_MARK if sm else ''}")
            any_small |= bool(sm)
            y += 1
        y += 1.4
    ax.axvline(0, color="#999999", lw=0.7)
    ax.set_yticks(ticks, labels, fontsize=scaled(6.5))
    ax.set_ylim(y - 0.8, -1.4)
    ax.set_xlabel(f"mean VADER compound score of sentences naming the actor ({voice} voice)",
                  wrap=True)
    ax.set_title("Tone towards each actor, by outlet (open dots: small samples)", loc="left",
                 wrap=True)
    corpus_note(ax, corpus, *corpus_totals(rows), small=any_small)
    return ax


# ------------------------------------------------------------------------------ readability
@_doc
def plot_readability(data: pd.DataFrame, *,
                     measure: str = "readability:mean:flesch_kincaid_grade:",
                     ax: Axes | None = None, corpus: str | None = None) -> Axes:
    """Mean readability per outlet with 95% bootstrap intervals over articles.

    Parameters
    ----------
    {data_scores}
        Uses the rows of :func:`framing.readability.score_readability`.
    measure : str, default='readability:mean:flesch_kincaid_grade:'
        Id of the measure drawn, usually ``readability:mean:<formula>:`` with a formula of
        :data:`framing.readability.MEASURES` (a bare formula name, the 0.x measure name,
        still works with a FutureWarning).
    {ax}
    {corpus}

    {returns_ax}
    """
    measure = resolve_measure(measure, "plot_readability", "measure")
    rows = select_ids(data, "plot_readability", [measure])
    rows = rows.sort_values("outlet", ascending=False)
    ax = _ensure_ax(ax)
    colours = outlet_colors(rows["outlet"])
    small = _small(rows)
    for y, ((_, rec), sm) in enumerate(zip(rows.iterrows(), small, strict=True)):
        if np.isfinite(rec["value"]):
            _dot_ci(ax, y, rec, colours[rec["outlet"]], filled=not sm)
    ax.set_yticks(range(len(rows)), [_outlet_label(o, int(n), bool(s)) for o, n, s in
                                     zip(rows["outlet"], rows["n_docs"], small, strict=True)])
    name = parse_measure(measure)["subject"] or measure
    ax.set_xlabel(name.replace("_", " ") + " (mean over articles, 95% CI)", wrap=True)
    ax.set_title("Readability by outlet", loc="left", wrap=True)
    corpus_note(ax, corpus, *corpus_totals(rows), small=bool(small.any()))
    return ax


# ------------------------------------------------------------------------------ agency
@_doc
def plot_constructions(data: pd.DataFrame, *, ax: Axes | None = None,
                       corpus: str | None = None, n_docs: int | None = None,
                       n_words: int | None = None) -> Axes:
    """Stacked bars of event constructions per outlet, headline and body apart.

    Blues name the doer (active, passive with a by-phrase, noun with its agent), oranges hide
    it (agentless passive, bare noun). Counts of mentions are written beside each bar.

    Parameters
    ----------
    data : DataFrame
        From :func:`framing.agency.construction_shares`: ``outlet, voice, construction, n,
        share``.
    {ax}
    {corpus}
    n_docs, n_words : int, optional
        Size of the corpus, written on the figure.

    {returns_ax}
    """
    from framing.agency import CONSTRUCTIONS

    _require(data, ["outlet", "voice", "construction", "n", "share"], "plot_constructions")
    if data.empty:
        raise FramingError("plot_constructions: data has no event mentions to draw.")
    ax = _ensure_ax(ax)
    bars = (data.groupby(["outlet", "voice"])["n"].sum().reset_index()
            .sort_values(["outlet", "voice"], ascending=[False, False], ignore_index=True))
    y_of = {(o, v): i + 0.6 * list(bars["outlet"].unique()).index(o)
            for i, (o, v) in enumerate(zip(bars["outlet"], bars["voice"], strict=True))}
    left = dict.fromkeys(y_of, 0.0)
    for c in CONSTRUCTIONS:
        part = data[data["construction"] == c]
        ys = [y_of[(o, v)] for o, v in zip(part["outlet"], part["voice"], strict=True)]
        lefts = [left[(o, v)] for o, v in zip(part["outlet"], part["voice"], strict=True)]
        ax.barh(ys, part["share"].fillna(0).to_numpy(float), left=lefts, height=0.8,
                color=CONSTRUCTION_COLORS[c], label=c.replace("_", " "), edgecolor="white",
                linewidth=0.4)
        for o, v, s in zip(part["outlet"], part["voice"], part["share"].fillna(0), strict=True):
            left[(o, v)] += float(s)
    for (o, v), n in zip(zip(bars["outlet"], bars["voice"], strict=True), bars["n"], strict=True):
        mark = f" {SMALL_MARK}" if n < MIN_EVENTS else ""
        ax.text(1.01, y_of[(o, v)], f"n={int(n)}{mark}", va="center", fontsize=scaled(6.5),
                color="#555555", transform=ax.get_yaxis_transform())
    ax.set_yticks(list(y_of.values()), [f"{o} · {v}" for o, v in y_of])
    ax.set_xlim(0, 1)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("share of event mentions (negated and hypothetical left out)", wrap=True)
    legend_below(ax, ncols=3)
    ax.set_title("Who did it? Named (blue) or hidden (orange) doers of violence", loc="left",
                 wrap=True)
    corpus_note(ax, corpus, n_docs, n_words, small=bool((bars["n"] < MIN_EVENTS).any()))
    return ax


__all__ = ["plot_constructions", "plot_corpus_overview", "plot_quote_balance",
           "plot_readability", "plot_share", "plot_target_tone", "plot_term_heatmap"]
