"""Charts comparing groups of outlets: distinctive words, label use over time, known groups,
and outlet profiles across measures of several stages."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from framing._errors import FramingError, bad_value
from framing.measures import measure_id
from framing.plots.base import (
    _doc,
    _dot_ci,
    _ensure_ax,
    _require,
    _small,
    corpus_note,
    corpus_totals,
    is_measure,
    resolve_measures,
    select_ids,
    share_label,
    topic_shares,
)
from framing.plots.layout import place_labels
from framing.plots.style import (
    GROUP_COLORS,
    OKABE_ITO,
    SMALL_MARK,
    figure_options,
    mark_figure,
    outlet_colors,
    scaled,
)
from framing.stats import MIN_DOCS


@_doc
def plot_fightin_words(data: pd.DataFrame, *, n_labels: int = 8, group: str = "",
                       versus: str = "the other outlets", ax: Axes | None = None,
                       corpus: str | None = None, n_docs: int | None = None,
                       n_words: int | None = None) -> Axes:
    """Fightin' Words: each word's z-score against its frequency, the most distinctive labelled.

    Parameters
    ----------
    data : DataFrame
        From :func:`framing.terms.distinctive_words`: ``word, count_a, count_b, z``.
    n_labels : int, default=8
        Words labelled on each side (highest and lowest z).
    group, versus : str
        Names of the two sides, for the legend.
    {ax}
    {corpus}
    n_docs, n_words : int, optional
        Size of the corpus compared, written on the figure.

    {returns_ax}

    References
    ----------
    Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). Fightin' Words. *Political
    Analysis* 16(4), 372-403.
    """
    _require(data, ["word", "count_a", "count_b", "z"], "plot_fightin_words")
    if data.empty:
        raise FramingError("plot_fightin_words: data has no words; did the groups hold text?")
    ax = _ensure_ax(ax)
    freq = (data["count_a"] + data["count_b"]).to_numpy(float)
    z = data["z"].to_numpy(float)
    words = data["word"].astype(str).to_numpy()
    colour_a = outlet_colors([group])[group] if group else OKABE_ITO[0]
    colour_b = "#555555"
    sig_a, sig_b = z > 1.96, z < -1.96
    ax.scatter(freq[~(sig_a | sig_b)], z[~(sig_a | sig_b)], s=5, color="#CCCCCC",
               linewidths=0, label="|z| ≤ 1.96")
    ax.scatter(freq[sig_a], z[sig_a], s=9, color=colour_a, linewidths=0,
               label=f"more in {group or 'group'}")
    ax.scatter(freq[sig_b], z[sig_b], s=9, color=colour_b, linewidths=0,
               label=f"more in {versus}")
    ax.set_xscale("log")
    order = np.lexsort((words, -z))  # ties broken by the word, so labels never shuffle
    top = [i for i in order[:n_labels] if z[i] > 0]
    bottom = [i for i in order[::-1][:n_labels] if z[i] < 0]
    labels = [ax.annotate(words[i], (freq[i], z[i]), xytext=(4, 3 - 6 * (rank % 2)),
                          textcoords="offset points", fontsize=scaled(6.5),
                          color=colour_a if z[i] > 0 else colour_b)
              for rank, i in enumerate(top + bottom)]
    ax.axhline(0, color="#999999", lw=0.6)
    ax.set_xlabel("word frequency in both groups (log scale)", wrap=True)
    ax.set_ylabel("z-score of the log-odds ratio (informative Dirichlet prior)", wrap=True)
    ax.legend(loc="lower right", markerscale=1.5)
    ax.set_title(f"Fightin' Words: {group or 'group'} vs {versus}", loc="left", wrap=True)
    corpus_note(ax, corpus, n_docs, n_words)
    place_labels(labels)  # the most distinctive first; labels that cannot fit are hidden
    return ax



# ------------------------------------------------------------------------------ FA-KES
def period_share_scores(articles: pd.DataFrame, hits: pd.DataFrame, groups: Mapping[str,
                        Sequence[str]], *, share: str | None = None,
                        voice: str = "all", years: tuple[int, int] = (2011, 2018)
                        ) -> pd.DataFrame:
    """A label share per group of outlets and year, with intervals, for :func:`plot_over_time`.

    Parameters
    ----------
    articles : DataFrame
        Articles with ``doc_id``, ``outlet``, ``date`` (ISO) and ``text``.
    hits : DataFrame
        term_hits of the same articles.
    groups : mapping of str to list of str
        Group name to its outlets, e.g. ``{"state-aligned": STATE_ALIGNED, ...}``.
    share : str, optional
        A share of the terms lexicon (default: the topic lexicon's first share).
    voice : {'all', 'narrator'}, default='all'
    years : (int, int), default=(2011, 2018)
        First and last year kept.

    Returns
    -------
    DataFrame
        ``group, year, value, ci_low, ci_high, n_docs, n_words, n_events, small_sample,
        share``.
    """
    from framing.terms import score_terms

    share = share or topic_shares()[0].name

    _require(articles, ["doc_id", "outlet", "date", "text"], "period_share_scores")
    which = {o.lower(): g for g, outs in groups.items() for o in outs}
    arts = articles.assign(group=articles["outlet"].str.lower().map(which),
                           year=pd.to_numeric(articles["date"].str[:4], errors="coerce"))
    arts = arts[arts["group"].notna() & arts["year"].between(*years)]
    if arts.empty:
        raise FramingError(f"period_share_scores: no article of the outlets {sorted(which)} "
                           f"is dated {years[0]}-{years[1]}.")
    arts = arts.assign(year=arts["year"].astype(int))
    arts = arts.assign(period=arts["group"] + "|" + arts["year"].astype(str))
    period = arts.drop_duplicates("period").set_index("period")[["group", "year"]]
    scores = score_terms(hits[hits["doc_id"].isin(arts["doc_id"])], arts, outlet="period")
    rows = select_ids(scores, "period_share_scores", [measure_id("terms", "share", share, voice)])
    rows = rows.assign(group=rows["outlet"].map(period["group"]),
                       year=rows["outlet"].map(period["year"]))
    cols = ["group", "year", "value", "ci_low", "ci_high", "n_docs", "n_words", "n_events",
            "small_sample"]
    return rows[cols].sort_values(["group", "year"], ignore_index=True).assign(share=share)


@_doc
def plot_over_time(data: pd.DataFrame, *, ylabel: str | None = None, ax: Axes | None = None,
                   corpus: str | None = None) -> Axes:
    """Lines of a measure per year for groups of outlets, with 95% intervals as whiskers.

    Parameters
    ----------
    data : DataFrame
        From :func:`period_share_scores`: ``group, year, value, ci_low, ci_high, n_docs,
        n_words, n_events, small_sample``.
    ylabel : str, optional
        Label of the y axis (default: read from the ``share`` column, :func:`share_label`).
    {ax}
    {corpus}

    {returns_ax}
    """
    _require(data, ["group", "year", "value", "ci_low", "ci_high", "n_docs", "n_words",
                    "n_events"], "plot_over_time")
    ax = _ensure_ax(ax)
    small_any = False
    groups = sorted(data["group"].unique())
    for k, (group, rows) in enumerate(data.groupby("group", sort=True)):
        rows = rows.sort_values("year")
        colour = GROUP_COLORS.get(group, OKABE_ITO[k % len(OKABE_ITO)])
        x = rows["year"].to_numpy(float) + (k - (len(groups) - 1) / 2) * 0.08
        ok = np.isfinite(rows["value"].to_numpy(float))
        small = _small(rows).to_numpy()
        small_any |= bool((small & ok).any())
        ax.plot(x[ok], rows["value"][ok], color=colour, lw=1.3, label=group)
        for xi, (_, rec), sm, good in zip(x, rows.iterrows(), small, ok, strict=True):
            if not good:
                continue
            if np.isfinite(rec["ci_low"]):
                ax.plot([xi, xi], [rec["ci_low"], rec["ci_high"]], color=colour, lw=0.9)
            ax.plot([xi], [rec["value"]], marker="o", ms=4.5, color=colour,
                    markerfacecolor="white" if sm else colour, linestyle="none")
            ax.annotate(f"{int(rec['n_docs'])}", (xi, rec["value"]), xytext=(3, 3),
                        textcoords="offset points", fontsize=scaled(6), color=colour)
    ax.set_ylim(-0.03, 1.03)
    ax.set_xticks(sorted(data["year"].unique()))
    ax.set_xlabel("year (numbers: articles; open dots: small samples)", wrap=True)
    if ylabel is None:
        ylabel = share_label(str(data["share"].iat[0])) if "share" in data.columns \
            and len(data) else "label share"
    ax.set_ylabel(ylabel, wrap=True)
    ax.legend(loc="best")
    ax.set_title("Label use over time, state-aligned vs opposition outlets", loc="left", wrap=True)
    per = data.groupby("group")[["n_docs", "n_words"]].sum()
    corpus_note(ax, corpus, int(per["n_docs"].sum()), int(per["n_words"].sum()),
                small=small_any)
    return ax


def known_group_measures(n: int = 2) -> dict[str, str]:
    """Default measures of :func:`plot_known_groups`: the first ``n`` label shares of the
    topic's lexicon (all voices), labelled by their numerator and family."""
    return {f"'{'/'.join(s.numerator)}' share ({s.family.replace('_', ' ')})":
            measure_id("terms", "share", s.name, "all") for s in topic_shares()[:n]}


@_doc
def plot_known_groups(data: pd.DataFrame, *, outlets: Sequence[str],
                      measures: Mapping[str, str] | None = None, ax: Axes | None = None,
                      corpus: str | None = None) -> Axes:
    """Known-groups check: two outlets whose stance is known should sit apart on each measure.

    Parameters
    ----------
    {data_scores}
    outlets : sequence of str
        Outlets compared, whose stances are known beforehand (in FA-KES: the Syrian state
        agency and the opposition coalition, :data:`framing.datasets.STATE_ALIGNED` and
        :data:`~framing.datasets.OPPOSITION`).
    measures : mapping of str to str, optional
        Label shown to measure id; default :func:`known_group_measures` (0.x measure names
        still work, with a FutureWarning).
    {ax}
    {corpus}

    {returns_ax}
    """
    measures = resolve_measures(measures or known_group_measures(), "plot_known_groups")
    rows = select_ids(data, "plot_known_groups", measures.values())
    missing = sorted(set(outlets) - set(rows["outlet"]))
    if missing:
        raise FramingError(bad_value("outlets", "plot_known_groups",
                                     sorted(rows["outlet"].unique()), missing))
    rows = rows[rows["outlet"].isin(outlets)]
    ax = _ensure_ax(ax)
    colours = outlet_colors(outlets)
    offsets = np.linspace(0.15, -0.15, len(outlets))
    any_small, labels = False, []
    for y, (_label, measure) in enumerate(reversed(list(measures.items()))):
        for off, outlet in zip(offsets, outlets, strict=True):
            rec = rows[(rows["outlet"] == outlet) & is_measure(rows, measure)]
            if rec.empty or not np.isfinite(rec["value"].iat[0]):
                ax.text(0.5, y + off, f"{outlet}: no mentions", fontsize=scaled(6.5), ha="center",
                        va="center", color=colours[outlet])
                continue
            rec = rec.iloc[0]
            sm = bool(_small(rec.to_frame().T).iat[0])
            any_small |= sm
            _dot_ci(ax, y + off, rec, colours[outlet], filled=not sm, size=6)
            labels.append(ax.annotate(
                f"{outlet} {rec['value']:.2f} (n={int(rec['n_events'])})",
                (rec["value"], y + off), xytext=(0, 6), textcoords="offset points",
                fontsize=scaled(6.5), ha="center", color=colours[outlet]))
    ax.set_yticks(range(len(measures)),
                  [textwrap.fill(m, 22) for m in reversed(list(measures))])
    place_labels(labels, ((0, 6), (0, -12), (8, -3), (-8, -3)))
    ax.set_xlim(-0.03, 1.03)
    ax.set_ylim(-0.6, len(measures) - 0.4)
    ax.set_xlabel("share (95% bootstrap CI over articles); the outlets should sit apart", wrap=True)
    ax.set_title(f"Known groups: {' vs '.join(outlets)}", loc="left", wrap=True)
    corpus_note(ax, corpus, *corpus_totals(rows), small=any_small)
    return ax


# ------------------------------------------------------------------------------ profiles
#: Measures of :func:`plot_outlet_profiles`, all shares in [0, 1] so panels share one axis.
def profile_measures() -> dict[str, str]:
    """Default measures of :func:`plot_outlet_profiles`: the first two label shares of the
    topic's lexicon, then :data:`PROFILE_MEASURES`."""
    shares = {f"'{'/'.join(s.numerator)}' share": measure_id("terms", "share", s.name, "all")
              for s in topic_shares()[:2]}
    return {**shares, **PROFILE_MEASURES}


#: Measures of :func:`plot_outlet_profiles` that hold for any topic.
PROFILE_MEASURES = {
    "official quote share": measure_id("quotes", "official_share"),
    "quote side entropy": measure_id("quotes", "entropy"),
    "doer named (all)": measure_id("agency", "named_share", "", "all"),
    "doer named (headline)": measure_id("agency", "named_share", "", "headline"),
}


def plot_outlet_profiles(data: pd.DataFrame, *, measures: Mapping[str, str] | None = None,
                         outlets: Sequence[str] | None = None, ncols: int | None = None,
                         corpus: str | None = None) -> Figure:
    """One panel per outlet: its value on each measure, the other outlets as grey ticks.

    Parameters
    ----------
    data : DataFrame
        A long outlet_scores table with the rows of several stages.
    measures : mapping of str to str, optional
        Label shown to measure id; default :func:`profile_measures` (those present; 0.x
        measure names still work, with a FutureWarning).
    outlets : sequence of str, optional
        Outlets drawn; default all, alphabetically.
    ncols : int, optional
        Panels per row; default 3, or 2 when the figure options ask for a width under 120 mm
        (``$FRAMING_FIGURE_OPTIONS``, as ``framing figures --width-mm 85`` sets it), with the
        figure drawn at that width.
    corpus : str, optional
        Name of the corpus, written in the figure title with its size.

    Returns
    -------
    matplotlib Figure
    """
    measures = resolve_measures(measures or profile_measures(), "plot_outlet_profiles")
    rows = select_ids(data, "plot_outlet_profiles", measures.values())
    measures = {k: v for k, v in measures.items() if is_measure(rows, v).any()}
    outlets = list(outlets) if outlets is not None else sorted(rows["outlet"].unique())
    width_mm = figure_options().width_mm
    ncols = ncols or (2 if width_mm and width_mm < 120 else 3)
    nrows = -(-len(outlets) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(width_mm / 25.4 if width_mm else 3.0 * ncols,
                                                    0.35 * len(measures) * nrows
                                                    + 0.9 * nrows + 0.5),
                             sharex=True, sharey=True, squeeze=False)
    mark_figure(fig)
    colours = outlet_colors(outlets)
    labels = list(measures)
    for ax, outlet in zip(axes.flat, outlets, strict=False):  # spare panels stay empty
        mine = rows[rows["outlet"] == outlet]
        for y, label in enumerate(labels):
            others = rows[is_measure(rows, measures[label]) & (rows["outlet"] != outlet)]
            ax.plot(others["value"], [y] * len(others), marker="|", ms=7, color="#BBBBBB",
                    linestyle="none")
            rec = mine[is_measure(mine, measures[label])]
            if not rec.empty and np.isfinite(rec["value"].iat[0]):
                sm = bool(_small(rec).iat[0])
                _dot_ci(ax, y, rec.iloc[0], colours[outlet], filled=not sm)
        n_docs = int(mine["n_docs"].max()) if len(mine) else 0
        small = n_docs < MIN_DOCS
        ax.set_title(f"{outlet} ({n_docs}){' ' + SMALL_MARK if small else ''}",
                     loc="left", fontsize=scaled(8.5), wrap=True)
        ax.set_yticks(range(len(labels)), labels)
        ax.set_xlim(-0.03, 1.03)
    axes.flat[0].invert_yaxis()  # shared: the first measure on top of every panel
    for ax in list(axes.flat)[len(outlets):]:
        ax.set_visible(False)
    n_docs, n_words = corpus_totals(rows)
    fig.suptitle(f"Outlet profiles{f' · Corpus: {corpus}' if corpus else ''} · {n_docs:,} "
                 f"articles · {n_words:,} words · (n): the outlet's articles\nDots: the "
                 f"outlet (95% CI; open = small sample); grey ticks: the other outlets",
                 x=0.01, ha="left",
                 fontsize=scaled(9), wrap=True)
    return fig


__all__ = ["PROFILE_MEASURES", "known_group_measures", "period_share_scores", "profile_measures",
           "plot_fightin_words", "plot_known_groups", "plot_outlet_profiles", "plot_over_time"]
