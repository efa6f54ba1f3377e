"""Figures of the paper and the notebooks: one house theme, fixed colours, deterministic files.

Every ``plot_*`` function is axes-level in the seaborn manner: it takes a tidy frame as ``data``
(usually the long **outlet_scores** table), draws on ``ax`` or the current Axes and returns it;
:func:`plot_outlet_profiles` draws several panels and returns the Figure. Nothing changes global
state at import: wrap drawing in ``with theme():``. :func:`save_figure` writes SVG, PNG and PDF
that are byte-identical from run to run (no dates, salted SVG ids, text as paths, DejaVu Sans).

Each outlet keeps one colour in every figure (:func:`outlet_colors`). The colours come from the
Okabe-Ito and Paul Tol "muted" palettes, chosen to stay apart for colour-blind readers; every
mark is also labelled by position or text, so colour is never the only cue.

References
----------
Okabe, M. & Ito, K. (2008). Color Universal Design. https://jfly.uni-koeln.de/color/
Tol, P. (2021). Colour Schemes. SRON/EPS/TN/09-002. https://personal.sron.nl/~pault/
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from framing._errors import FramingError, bad_value, missing_column
from framing.stats import MIN_DOCS, MIN_EVENTS

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
             "#000000")
TOL_MUTED = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677",
             "#882255", "#AA4499")
#: Fixed colour of each bundled outlet (keys compared case-insensitively). Colours repeat only
#: across the two corpora, never within one.
OUTLET_COLORS = {
    # seed page
    "afp": "#0072B2", "reuters": "#E69F00", "wsj": "#009E73", "the guardian": "#CC79A7",
    "france 24": "#56B4E9", "the telegraph": "#D55E00", "ap": "#F0E442", "fars news": "#882255",
    "peace and freedom (blog)": "#999999", "unknown": "#BBBBBB",
    # FA-KES (reuters shared with the seed page)
    "sana": "#CC6677", "etilaf": "#117733", "sputnik": "#332288", "tass": "#88CCEE",
    "manar": "#999933", "alalam": "#DDCC77", "ahram": "#44AA99", "alaraby": "#0072B2",
    "dailysabah": "#D55E00", "trt": "#56B4E9", "jordantimes": "#AA4499", "arabiya": "#009E73",
    "nna": "#882255", "asharqalawsat": "#666666",
}
#: Colours of speaker and actor sides, grouped by camp: Damascus axis reds, US-led blues,
#: opposition green, outside voices sand and greys.
SIDE_COLORS = {
    "syria_gov": "#882255", "russia_gov": "#CC6677", "iran_gov": "#AA4499",
    "us_gov": "#0072B2", "us_military": "#56B4E9", "sdf": "#88CCEE",
    "syrian_rebels": "#117733", "islamic_state": "#000000",
    "other_gov": "#DDCC77", "international": "#999933", "analyst": "#E69F00",
    "civilian": "#44AA99", "media": "#999999", "unknown": "#DDDDDD",
}
#: Constructions of the agency stage: named doers in blues, hidden doers in oranges.
CONSTRUCTION_COLORS = {
    "active": "#08306B", "passive_agent": "#2171B5", "nominal_agent": "#6BAED6",
    "passive_agentless": "#D55E00", "nominal_agentless": "#E69F00", "intransitive": "#BBBBBB",
}
GROUP_COLORS = {"state-aligned": "#CC6677", "opposition": "#117733"}
SMALL_MARK = "†"
SMALL_NOTE = f"{SMALL_MARK} small sample: fewer than {MIN_DOCS} articles or {MIN_EVENTS} events"

#: The house style; also applied by :func:`save_figure` so saved files never depend on the
#: caller's rcParams.
HOUSE_RC = {
    "font.family": "DejaVu Sans",
    "font.size": 8.5,
    "axes.titlesize": 9.5,
    "axes.titlelocation": "left",
    "axes.labelsize": 8.5,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 7.5,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#E5E5E5",
    "grid.linewidth": 0.6,
    "axes.axisbelow": True,
    "axes.prop_cycle": mpl.cycler(color=OKABE_ITO),
    "image.cmap": "cividis",
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "figure.constrained_layout.use": True,
    "svg.hashsalt": "framing",
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
    "path.simplify": True,
}
FORMATS = ("svg", "png", "pdf")
_METADATA = {
    "svg": {"Date": None, "Creator": "framing"},
    "png": {"Software": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": "framing", "Creator": "framing"},
}

_DOCS = {
    "data_scores": """data : DataFrame
        A long **outlet_scores** table (``outlet, measure, value, ci_low, ci_high, n_docs,
        n_words, n_events, small_sample``); other measures in it are ignored.""",
    "ax": """ax : matplotlib Axes, optional
        Axes to draw on; default the current Axes.""",
    "corpus": """corpus : str, optional
        Name of the corpus shown, written on the figure with its article and word counts.""",
    "returns_ax": """Returns
    -------
    matplotlib Axes
        The Axes drawn on.""",
}


def _doc(func):
    func.__doc__ = func.__doc__.format(**_DOCS)
    return func


# ------------------------------------------------------------------------------ style
@contextlib.contextmanager
def theme() -> Iterator[None]:
    """Apply the house style inside a ``with`` block and restore the caller's afterwards.

    Examples
    --------
    >>> with theme():
    ...     fig, ax = plt.subplots()
    >>> plt.close(fig)
    """
    with mpl.rc_context(HOUSE_RC):
        yield


def _colour(name: str, fixed: Mapping[str, str], pool: Sequence[str]) -> str:
    key = str(name).strip().lower()
    if key in fixed:
        return fixed[key]
    # crc32, not hash(): the same name gets the same colour in every process.
    return pool[zlib.crc32(key.encode("utf-8")) % len(pool)]


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """Return the fixed colour of each outlet; unknown outlets get a stable colour from their name.

    Examples
    --------
    >>> outlet_colors(["AFP", "sana"])
    {'AFP': '#0072B2', 'sana': '#CC6677'}
    """
    return {o: _colour(o, OUTLET_COLORS, OKABE_ITO[:7] + TOL_MUTED) for o in outlets}


def side_colors(sides: Iterable[str]) -> dict[str, str]:
    """Return the fixed colour of each speaker or actor side (stable for sides of user lexicons)."""
    return {s: _colour(s, SIDE_COLORS, TOL_MUTED) for s in sides}


# ------------------------------------------------------------------------------ saving
def save_figure(fig: Figure, name: str, figures_dir: str | Path | None = None, *,
                formats: Sequence[str] = FORMATS, close: bool = True) -> SavedFigure:
    """Write ``fig`` as ``<figures_dir>/<name>.svg|png|pdf``, byte-identical on every run.

    Dates and software versions are left out of the metadata, SVG ids are salted with a fixed
    string, text is drawn as paths in DejaVu Sans (shipped with matplotlib) and the PNG is
    rendered by Agg at a fixed dpi, so the same figure gives the same bytes.

    Parameters
    ----------
    fig : matplotlib Figure
        The figure to save.
    name : str
        File stem, e.g. ``"terminology_heatmap"``.
    figures_dir : str or Path, optional
        Target folder (created when missing); default :data:`framing.config.FIGURES_DIR`.
    formats : sequence of {{'svg', 'png', 'pdf'}}, default=('svg', 'png', 'pdf')
        Files to write.
    close : bool, default=True
        Close the figure after saving, so a notebook shows the saved PNG once (the returned
        object displays it) instead of the live figure as well.

    Returns
    -------
    SavedFigure
        The paths written; displays as the saved image in Jupyter.
    """
    from framing import config

    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise FramingError(bad_value("formats", "save_figure", FORMATS, list(formats)))
    if not name or Path(name).name != name:
        raise FramingError(f"The 'name' parameter of save_figure must be a plain file stem such "
                           f"as 'terminology_heatmap'. Got {name!r} instead.")
    out = Path(figures_dir) if figures_dir is not None else config.FIGURES_DIR
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    with theme():
        for fmt in formats:
            path = out / f"{name}.{fmt}"
            fig.savefig(path, format=fmt, metadata=_METADATA[fmt])
            paths.append(path)
    if close:
        plt.close(fig)
    return SavedFigure(tuple(paths))


class SavedFigure(tuple):
    """Paths of a saved figure; shows the saved PNG (or SVG) in notebooks and reports."""

    def __new__(cls, paths: Iterable[Path]) -> SavedFigure:
        return super().__new__(cls, paths)

    def _path(self, suffix: str) -> Path | None:
        return next((p for p in self if p.suffix == suffix), None)

    def _repr_png_(self) -> bytes | None:
        path = self._path(".png")
        return path.read_bytes() if path else None

    def _repr_svg_(self) -> str | None:
        path = self._path(".svg")
        return None if self._path(".png") or path is None else path.read_text(encoding="utf-8")

    def __repr__(self) -> str:
        return "SavedFigure(" + ", ".join(p.name for p in self) + ")"


# ------------------------------------------------------------------------------ helpers
def _require(data: object, columns: Iterable[str], func: str) -> pd.DataFrame:
    if not isinstance(data, pd.DataFrame):
        raise FramingError(f"{func} expects a DataFrame as data. Got {type(data).__name__}.")
    for col in columns:
        if col not in data.columns:
            raise FramingError(missing_column(col, data.columns))
    return data


def _measures(data: pd.DataFrame, func: str, wanted: Iterable[str], what: str = ""
              ) -> pd.DataFrame:
    """Rows of outlet_scores whose measure is in ``wanted``, or a clear error listing measures.

    ``what`` describes the wanted measures in the error (default: the first few names).
    """
    _require(data, ["outlet", "measure", "value", "ci_low", "ci_high", "n_docs", "n_words",
                    "n_events"], func)
    wanted = list(wanted)
    rows = data[data["measure"].isin(wanted)]
    if rows.empty:
        known = sorted(data["measure"].unique())
        shown = known[:12] + (["..."] if len(known) > 12 else [])
        raise FramingError(f"{func}: none of the measures {what or wanted[:6]} is in data (it has "
                           f"{shown}). Pass the outlet_scores of the stage that makes them.")
    return rows


def _small(rows: pd.DataFrame) -> pd.Series:
    if "small_sample" in rows.columns:
        return rows["small_sample"].astype(bool)
    return (rows["n_docs"] < MIN_DOCS) | (rows["n_events"] < MIN_EVENTS)


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
        ax.set_title(f"{title}\n{line}" if title else line, loc="left")


def _outlet_label(outlet: str, n_docs: int, small: bool) -> str:
    return f"{outlet} ({n_docs}){' ' + SMALL_MARK if small else ''}"


def _ensure_ax(ax: Axes | None) -> Axes:
    return ax if ax is not None else plt.gca()


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
                    fontsize=6.5, color="#555555")
    ax.set_yticks(range(len(rows)), rows["outlet"])
    ax.set_xlabel("words (embedded material left out)")
    ax.grid(axis="y", visible=False)
    ax.set_title("What is in the corpus: words and articles per outlet", loc="left")
    corpus_note(ax, corpus, int(rows["articles"].sum()), int(rows["words"].sum()),
                small=bool(small.any()))
    return ax


# ------------------------------------------------------------------------------ terminology
@_doc
def plot_term_heatmap(data: pd.DataFrame, *, voice: str = "all",
                      families: Sequence[str] | None = None, ax: Axes | None = None,
                      corpus: str | None = None, cmap: str = "cividis") -> Axes:
    """Heatmap of label families per outlet: rate per 1,000 words, hit counts annotated.

    Parameters
    ----------
    {data_scores}
        Uses the ``terms:rate:<family>:*:<voice>`` rows of :func:`framing.terms.term_scores`.
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
    measure = data["measure"].astype(str) if "measure" in data else pd.Series(dtype=str)
    parts = measure.str.split(":", expand=True) if len(measure) else None
    wanted = [] if parts is None or parts.shape[1] != 5 else list(measure[
        (parts[0] == "terms") & (parts[1] == "rate") & (parts[3] == "*") & (parts[4] == voice)])
    rows = _measures(data, "plot_term_heatmap", wanted).copy()
    rows["family"] = rows["measure"].str.split(":").str[2]
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
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            v = values[i, j]
            luminance = np.dot(cm(norm(np.nan_to_num(v)))[:3], (0.299, 0.587, 0.114))
            ax.text(j, i, f"{v:.1f}\n({counts.iat[i, j]})" if np.isfinite(v) else "–",
                    ha="center", va="center", fontsize=7,
                    color="black" if luminance > 0.5 else "white")
    small = per_outlet["n_docs"] < MIN_DOCS
    ax.set_xticks(range(len(cols)), [c.replace("_", " ") for c in cols], rotation=30,
                  ha="right")
    ax.set_yticks(range(len(rates.index)),
                  [_outlet_label(o, int(per_outlet.at[o, "n_docs"]), bool(small[o]))
                   for o in rates.index])
    ax.grid(False)
    ax.set_xlabel("label family (rate per 1,000 words, hits in brackets)")
    ax.set_ylabel("outlet (articles)")
    ax.figure.colorbar(image, ax=ax, label="hits per 1,000 words", shrink=0.8)
    ax.set_title("Which labels each outlet uses" + ("" if voice == "all" else " (narration)"),
                 loc="left")
    corpus_note(ax, corpus, *corpus_totals(rows), small=bool(small.any()))
    return ax


@_doc
def plot_share(data: pd.DataFrame, *, share: str = "regime_vs_government",
               voices: Sequence[str] = ("narrator", "all"), ax: Axes | None = None,
               corpus: str | None = None) -> Axes:
    """Dot-and-interval plot of a label share per outlet, the outlet's own voice against all.

    Parameters
    ----------
    {data_scores}
        Uses the ``terms:share:<share>:<voice>`` rows of :func:`framing.terms.term_scores`.
    share : str, default='regime_vs_government'
        A share of the terms lexicon.
    voices : sequence of {{'narrator', 'all'}}, default=('narrator', 'all')
        Voices drawn: filled dots for the narrator, open dots for every voice.
    {ax}
    {corpus}

    {returns_ax}
    """
    for v in voices:
        if v not in ("all", "narrator"):
            raise FramingError(bad_value("voices", "plot_share", ("all", "narrator"), v))
    rows = _measures(data, "plot_share", [f"terms:share:{share}:{v}" for v in voices])
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
            ax.text(0.5, y, "no mentions", fontsize=6.5, color="#777777", ha="center",
                    va="center")
            continue
        for off, voice in zip(offsets, voices, strict=True):
            row = mine[mine["measure"] == f"terms:share:{share}:{voice}"]
            if row.empty or not np.isfinite(row["value"].iat[0]):
                continue
            rec = row.iloc[0]
            _dot_ci(ax, y + off, rec, colours[outlet], filled=voice == "narrator")
            ax.text(1.02, y + off, f"n={int(rec['n_events'])}", fontsize=6.5, va="center",
                    color="#555555", transform=ax.get_yaxis_transform())
    ax.set_yticks(range(len(outlets)), labels)
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.6, len(outlets) - 0.4)
    ax.set_xlabel(f"share: {share.replace('_', ' ')} (95% bootstrap CI over articles)")
    handles = [mpl.lines.Line2D([], [], marker="o", color="#444444", linestyle="none",
                                markerfacecolor="#444444" if v == "narrator" else "white",
                                label="outlet's own narration" if v == "narrator"
                                else "all voices (quotes included)") for v in voices]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2)
    ax.set_title(f"{share.replace('_', ' ').capitalize()}: narration vs all voices", loc="left")
    corpus_note(ax, corpus, *corpus_totals(rows), small=any_small)
    return ax


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
    for rank, i in enumerate(top + bottom):
        ax.annotate(words[i], (freq[i], z[i]), xytext=(4, 3 - 6 * (rank % 2)),
                    textcoords="offset points", fontsize=6.5,
                    color=colour_a if z[i] > 0 else colour_b)
    ax.axhline(0, color="#999999", lw=0.6)
    ax.set_xlabel("word frequency in both groups (log scale)")
    ax.set_ylabel("z-score of the log-odds ratio (informative Dirichlet prior)")
    ax.legend(loc="lower right", markerscale=1.5)
    ax.set_title(f"Fightin' Words: {group or 'group'} vs {versus}", loc="left")
    corpus_note(ax, corpus, n_docs, n_words)
    return ax


# ------------------------------------------------------------------------------ quotes
@_doc
def plot_quote_balance(data: pd.DataFrame, *, measure: str = "quoted_word_share",
                       sides: Sequence[str] | None = None, ax: Axes | None = None,
                       corpus: str | None = None) -> Axes:
    """Stacked bars of who is quoted in each outlet, with the side entropy written beside.

    Parameters
    ----------
    {data_scores}
        Uses ``<measure>_<side>`` and ``quote_side_entropy`` rows of
        :func:`framing.quotes.score_quotes`.
    measure : {{'quoted_word_share', 'quote_share'}}, default='quoted_word_share'
        Share of quoted words, or share of quotes.
    sides : sequence of str, optional
        Sides to stack, in this order; default those with any share, official sides first.
    {ax}
    {corpus}

    {returns_ax}
    """
    if measure not in ("quoted_word_share", "quote_share"):
        raise FramingError(bad_value("measure", "plot_quote_balance",
                                     ("quoted_word_share", "quote_share"), measure))
    prefix = f"{measure}_"
    shares = _measures(data, "plot_quote_balance",
                       [m for m in data["measure"].unique() if str(m).startswith(prefix)],
                       f"'{prefix}<side>'").copy()
    shares["side"] = shares["measure"].str.slice(len(prefix))
    table = shares.pivot(index="outlet", columns="side", values="value").fillna(0.0)
    if sides is None:
        sides = [s for s in SIDE_COLORS if s in table.columns and table[s].sum() > 0]
        sides += sorted(s for s in table.columns if s not in SIDE_COLORS and table[s].sum() > 0)
    table = table.reindex(columns=list(sides), fill_value=0.0)
    entropy = data[data["measure"] == "quote_side_entropy"].set_index("outlet")
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
        ax.text(1.01, y, note, va="center", fontsize=6.5, color="#555555",
                transform=ax.get_yaxis_transform())
    ax.set_yticks(range(len(outlets)), labels)
    ax.set_xlim(0, 1)
    ax.set_xlabel(("share of words inside quotation marks" if measure == "quoted_word_share"
                   else "share of quotes") + " by the speaker's side"
                  "\n(H and quote counts include reported speech without marks)")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=4)
    ax.set_title("Who gets to speak: quotes by side (H = normalised entropy, 1 = balanced)",
                 loc="left")
    corpus_note(ax, corpus, *corpus_totals(shares), small=any_small)
    return ax


# ------------------------------------------------------------------------------ tone
@_doc
def plot_target_tone(data: pd.DataFrame, *, voice: str = "narrator",
                     targets: Sequence[str] | None = None, ax: Axes | None = None,
                     corpus: str | None = None) -> Axes:
    """Forest plot of the tone towards each actor, per outlet, with 95% intervals.

    Parameters
    ----------
    {data_scores}
        Uses the ``tone_<target>_<voice>`` rows of :func:`framing.tone.target_tone`.
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
    pattern = rf"^tone_(.+)_{voice}$"
    measure = data["measure"].astype(str) if "measure" in data else pd.Series(dtype=str)
    rows = _measures(data, "plot_target_tone", measure[measure.str.match(pattern)],
                     f"'tone_<target>_{voice}'").copy()
    rows["target"] = rows["measure"].str.extract(pattern, expand=False)
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
        ax.text(-0.01, y - 0.7, actor.replace("_", " "), fontweight="bold", fontsize=7.5,
                ha="right", va="center", transform=ax.get_yaxis_transform())
        for (_, rec), sm in zip(mine.iterrows(), _small(mine), strict=True):
            _dot_ci(ax, y, rec, colours[rec["outlet"]], filled=not sm)
            ticks.append(y)
            labels.append(f"{rec['outlet']} (n={int(rec['n_events'])})"
                          f"{' ' + SMALL_MARK if sm else ''}")
            any_small |= bool(sm)
            y += 1
        y += 1.4
    ax.axvline(0, color="#999999", lw=0.7)
    ax.set_yticks(ticks, labels, fontsize=6.5)
    ax.set_ylim(y - 0.8, -1.4)
    ax.set_xlabel(f"mean VADER compound score of sentences naming the actor ({voice} voice)")
    ax.set_title("Tone towards each actor, by outlet (open dots: small samples)", loc="left")
    corpus_note(ax, corpus, *corpus_totals(rows), small=any_small)
    return ax


# ------------------------------------------------------------------------------ readability
@_doc
def plot_readability(data: pd.DataFrame, *, measure: str = "flesch_kincaid_grade",
                     ax: Axes | None = None, corpus: str | None = None) -> Axes:
    """Mean readability per outlet with 95% bootstrap intervals over articles.

    Parameters
    ----------
    {data_scores}
        Uses the rows of :func:`framing.readability.readability_by_outlet`.
    measure : str, default='flesch_kincaid_grade'
        One of :data:`framing.readability.MEASURES`.
    {ax}
    {corpus}

    {returns_ax}
    """
    rows = _measures(data, "plot_readability", [measure])
    rows = rows.sort_values("outlet", ascending=False)
    ax = _ensure_ax(ax)
    colours = outlet_colors(rows["outlet"])
    small = _small(rows)
    for y, ((_, rec), sm) in enumerate(zip(rows.iterrows(), small, strict=True)):
        if np.isfinite(rec["value"]):
            _dot_ci(ax, y, rec, colours[rec["outlet"]], filled=not sm)
    ax.set_yticks(range(len(rows)), [_outlet_label(o, int(n), bool(s)) for o, n, s in
                                     zip(rows["outlet"], rows["n_docs"], small, strict=True)])
    ax.set_xlabel(measure.replace("_", " ") + " (mean over articles, 95% CI)")
    ax.set_title("Readability by outlet", loc="left")
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
        ax.text(1.01, y_of[(o, v)], f"n={int(n)}{mark}", va="center", fontsize=6.5,
                color="#555555", transform=ax.get_yaxis_transform())
    ax.set_yticks(list(y_of.values()), [f"{o} · {v}" for o, v in y_of])
    ax.set_xlim(0, 1)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("share of event mentions (negated and hypothetical left out)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3)
    ax.set_title("Who did it? Named (blue) or hidden (orange) doers of violence", loc="left")
    corpus_note(ax, corpus, n_docs, n_words, small=bool((bars["n"] < MIN_EVENTS).any()))
    return ax


# ------------------------------------------------------------------------------ FA-KES
def period_share_scores(articles: pd.DataFrame, hits: pd.DataFrame, groups: Mapping[str,
                        Sequence[str]], *, share: str = "regime_vs_government",
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
    share : str, default='regime_vs_government'
        A share of the terms lexicon.
    voice : {'all', 'narrator'}, default='all'
    years : (int, int), default=(2011, 2018)
        First and last year kept.

    Returns
    -------
    DataFrame
        ``group, year, value, ci_low, ci_high, n_docs, n_words, n_events, small_sample``.
    """
    from framing.terms import term_scores

    _require(articles, ["doc_id", "outlet", "date", "text"], "period_share_scores")
    which = {o.lower(): g for g, outs in groups.items() for o in outs}
    arts = articles.assign(group=articles["outlet"].str.lower().map(which),
                           year=pd.to_numeric(articles["date"].str[:4], errors="coerce"))
    arts = arts[arts["group"].notna() & arts["year"].between(*years)]
    if arts.empty:
        raise FramingError(f"period_share_scores: no article of the outlets {sorted(which)} "
                           f"is dated {years[0]}-{years[1]}.")
    arts = arts.assign(period=arts["group"] + "|" + arts["year"].astype(int).astype(str))
    scores = term_scores(arts, hits[hits["doc_id"].isin(arts["doc_id"])], outlet="period")
    rows = scores[scores["measure"] == f"terms:share:{share}:{voice}"].copy()
    split = rows["outlet"].str.split("|")
    rows["group"], rows["year"] = split.str[0], split.str[1].astype(int)
    cols = ["group", "year", "value", "ci_low", "ci_high", "n_docs", "n_words", "n_events",
            "small_sample"]
    return rows[cols].sort_values(["group", "year"], ignore_index=True)


@_doc
def plot_over_time(data: pd.DataFrame, *, ylabel: str = "share of 'regime' among regime + "
                   "government", ax: Axes | None = None, corpus: str | None = None) -> Axes:
    """Lines of a measure per year for groups of outlets, with 95% intervals as whiskers.

    Parameters
    ----------
    data : DataFrame
        From :func:`period_share_scores`: ``group, year, value, ci_low, ci_high, n_docs,
        n_words, n_events, small_sample``.
    ylabel : str
        Label of the y axis.
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
                        textcoords="offset points", fontsize=6, color=colour)
    ax.set_ylim(-0.03, 1.03)
    ax.set_xticks(sorted(data["year"].unique()))
    ax.set_xlabel("year (numbers: articles; open dots: small samples)")
    ax.set_ylabel(ylabel)
    ax.legend(loc="best")
    ax.set_title("Label use over time, state-aligned vs opposition outlets", loc="left")
    per = data.groupby("group")[["n_docs", "n_words"]].sum()
    corpus_note(ax, corpus, int(per["n_docs"].sum()), int(per["n_words"].sum()),
                small=small_any)
    return ax


@_doc
def plot_known_groups(data: pd.DataFrame, *, outlets: Sequence[str] = ("sana", "etilaf"),
                      measures: Mapping[str, str] | None = None, ax: Axes | None = None,
                      corpus: str | None = None) -> Axes:
    """Known-groups check: two outlets whose stance is known should sit apart on each measure.

    Parameters
    ----------
    {data_scores}
    outlets : sequence of str, default=('sana', 'etilaf')
        Outlets compared (the Syrian state agency and the opposition coalition in FA-KES).
    measures : mapping of str to str, optional
        Label shown to measure name; default the regime and terrorist label shares.
    {ax}
    {corpus}

    {returns_ax}
    """
    measures = dict(measures or {
        "'regime' share (Syrian state)": "terms:share:regime_vs_government:all",
        "'terrorists' share (armed opposition)": "terms:share:terrorists_vs_rebels:all",
    })
    rows = _measures(data, "plot_known_groups", measures.values())
    missing = sorted(set(outlets) - set(rows["outlet"]))
    if missing:
        raise FramingError(bad_value("outlets", "plot_known_groups",
                                     sorted(rows["outlet"].unique()), missing))
    rows = rows[rows["outlet"].isin(outlets)]
    ax = _ensure_ax(ax)
    colours = outlet_colors(outlets)
    offsets = np.linspace(0.15, -0.15, len(outlets))
    any_small = False
    for y, (_label, measure) in enumerate(reversed(list(measures.items()))):
        for off, outlet in zip(offsets, outlets, strict=True):
            rec = rows[(rows["outlet"] == outlet) & (rows["measure"] == measure)]
            if rec.empty or not np.isfinite(rec["value"].iat[0]):
                ax.text(0.5, y + off, f"{outlet}: no mentions", fontsize=6.5, ha="center",
                        va="center", color=colours[outlet])
                continue
            rec = rec.iloc[0]
            sm = bool(_small(rec.to_frame().T).iat[0])
            any_small |= sm
            _dot_ci(ax, y + off, rec, colours[outlet], filled=not sm, size=6)
            ax.annotate(f"{outlet} {rec['value']:.2f} (n={int(rec['n_events'])})",
                        (rec["value"], y + off), xytext=(0, 6), textcoords="offset points",
                        fontsize=6.5, ha="center", color=colours[outlet])
    ax.set_yticks(range(len(measures)), list(reversed(list(measures))))
    ax.set_xlim(-0.03, 1.03)
    ax.set_ylim(-0.6, len(measures) - 0.4)
    ax.set_xlabel("share (95% bootstrap CI over articles); the outlets should sit apart")
    ax.set_title(f"Known groups: {' vs '.join(outlets)}", loc="left")
    corpus_note(ax, corpus, *corpus_totals(rows), small=any_small)
    return ax


# ------------------------------------------------------------------------------ profiles
#: Measures of :func:`plot_outlet_profiles`, all shares in [0, 1] so panels share one axis.
PROFILE_MEASURES = {
    "'regime' share": "terms:share:regime_vs_government:all",
    "'terrorists' share": "terms:share:terrorists_vs_rebels:all",
    "official quote share": "official_quote_share",
    "quote side entropy": "quote_side_entropy",
    "doer named (all)": "agency_named_share",
    "doer named (headline)": "agency_named_share_headline",
}


def plot_outlet_profiles(data: pd.DataFrame, *, measures: Mapping[str, str] | None = None,
                         outlets: Sequence[str] | None = None, ncols: int = 3,
                         corpus: str | None = None) -> Figure:
    """One panel per outlet: its value on each measure, the other outlets as grey ticks.

    Parameters
    ----------
    data : DataFrame
        A long outlet_scores table with the rows of several stages.
    measures : mapping of str to str, optional
        Label shown to measure name; default :data:`PROFILE_MEASURES` (those present).
    outlets : sequence of str, optional
        Outlets drawn; default all, alphabetically.
    ncols : int, default=3
        Panels per row.
    corpus : str, optional
        Name of the corpus, written in the figure title with its size.

    Returns
    -------
    matplotlib Figure
    """
    measures = dict(measures or PROFILE_MEASURES)
    rows = _measures(data, "plot_outlet_profiles", measures.values())
    measures = {k: v for k, v in measures.items() if v in set(rows["measure"])}
    outlets = list(outlets) if outlets is not None else sorted(rows["outlet"].unique())
    nrows = -(-len(outlets) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.0 * ncols, 0.35 * len(measures) * nrows
                                                     + 0.9 * nrows + 0.5),
                             sharex=True, sharey=True, squeeze=False)
    colours = outlet_colors(outlets)
    labels = list(measures)
    for ax, outlet in zip(axes.flat, outlets, strict=False):  # spare panels stay empty
        mine = rows[rows["outlet"] == outlet]
        for y, label in enumerate(labels):
            others = rows[(rows["measure"] == measures[label]) & (rows["outlet"] != outlet)]
            ax.plot(others["value"], [y] * len(others), marker="|", ms=7, color="#BBBBBB",
                    linestyle="none")
            rec = mine[mine["measure"] == measures[label]]
            if not rec.empty and np.isfinite(rec["value"].iat[0]):
                sm = bool(_small(rec).iat[0])
                _dot_ci(ax, y, rec.iloc[0], colours[outlet], filled=not sm)
        n_docs = int(mine["n_docs"].max()) if len(mine) else 0
        small = n_docs < MIN_DOCS
        ax.set_title(f"{outlet} ({n_docs} articles){' ' + SMALL_MARK if small else ''}",
                     loc="left", fontsize=8.5)
        ax.set_yticks(range(len(labels)), labels)
        ax.set_xlim(-0.03, 1.03)
    axes.flat[0].invert_yaxis()  # shared: the first measure on top of every panel
    for ax in list(axes.flat)[len(outlets):]:
        ax.set_visible(False)
    n_docs, n_words = corpus_totals(rows)
    fig.suptitle(f"Outlet profiles{f' · Corpus: {corpus}' if corpus else ''} · {n_docs:,} "
                 f"articles · {n_words:,} words\nDots: the outlet (95% CI; open = small "
                 f"sample); grey ticks: the other outlets", x=0.01, ha="left", fontsize=9)
    return fig


__all__ = [
    "CONSTRUCTION_COLORS", "HOUSE_RC", "OUTLET_COLORS", "PROFILE_MEASURES", "SIDE_COLORS",
    "SavedFigure", "corpus_note", "corpus_totals", "outlet_colors", "period_share_scores",
    "plot_constructions", "plot_corpus_overview", "plot_fightin_words", "plot_known_groups",
    "plot_outlet_profiles",
    "plot_over_time", "plot_quote_balance", "plot_readability", "plot_share",
    "plot_target_tone", "plot_term_heatmap", "save_figure", "side_colors", "theme",
]


# ------------------------------------------------------------------------------ validity
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
    ax.text(0.02, 0.98, text, transform=ax.transAxes, va="top", fontsize=7.5,
            bbox={"facecolor": "white", "edgecolor": "#cccccc", "pad": 3})
    ax.set_xlim(-1, 1)
    ax.set_ylim(-1, 1)
    ax.set_xlabel("mean human rating / 4 (−1 negative … +1 positive)")
    ax.set_ylabel("VADER compound (mean over sentences)")
    ax.set_title("Does tone agree with people?", loc="left")
    corpus_note(ax, corpus)
    return ax
