"""The house style: fixed colours per outlet and side, the theme, deterministic figure files.

The colours come from the Okabe-Ito and Paul Tol "muted" palettes, chosen to stay apart for
colour-blind readers; every mark is also labelled by position or text, so colour is never the
only cue. :func:`save_figure` writes SVG, PNG and PDF that are byte-identical from run to run.

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
from matplotlib.figure import Figure

from framing._errors import FramingError, bad_value
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
    formats : sequence of {'svg', 'png', 'pdf'}, default=('svg', 'png', 'pdf')
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


__all__ = [
    "CONSTRUCTION_COLORS", "FORMATS", "GROUP_COLORS", "HOUSE_RC", "OKABE_ITO", "OUTLET_COLORS",
    "SIDE_COLORS", "SMALL_MARK", "SMALL_NOTE", "TOL_MUTED", "SavedFigure", "outlet_colors",
    "save_figure", "side_colors", "theme",
]
