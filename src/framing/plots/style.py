"""The house style: fixed colours per outlet and side (the topic's ``colors.yaml``), the
theme, deterministic figure files.

The colours come from the Okabe-Ito and Paul Tol "muted" palettes, chosen to stay apart for
colour-blind readers; every mark is also labelled by position or text, so colour is never the
only cue. :func:`save_figure` writes SVG, PNG, PDF, EPS and TIFF that are byte-identical from run to
run, at a journal's size and font when asked (:class:`FigureOptions`).

References
----------
Okabe, M. & Ito, K. (2008). Color Universal Design. https://jfly.uni-koeln.de/color/
Tol, P. (2021). Colour Schemes. SRON/EPS/TN/09-002. https://personal.sron.nl/~pault/
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.text import Text

from framing._errors import FramingError, bad_entry, bad_value
from framing.lexicon_io import check_keys, read_yaml
from framing.stats import MIN_DOCS, MIN_EVENTS
from framing.topic import topic_cached, topic_file

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
             "#000000")
TOL_MUTED = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677",
             "#882255", "#AA4499")
#: Constructions of the agency stage: named doers in blues, hidden doers in oranges.
CONSTRUCTION_COLORS = {
    "active": "#08306B", "passive_agent": "#2171B5", "nominal_agent": "#6BAED6",
    "passive_agentless": "#D55E00", "nominal_agentless": "#E69F00", "intransitive": "#BBBBBB",
}
GROUP_COLORS = {"state-aligned": "#CC6677", "opposition": "#117733"}
_HEX_RE = re.compile(r"#[0-9A-Fa-f]{6}")
SMALL_MARK = "†"
SMALL_NOTE = f"{SMALL_MARK} small sample: fewer than {MIN_DOCS} articles or {MIN_EVENTS} events"

#: The house style at the default font size; :func:`house_rc` scales it to another size and
#: font. Also applied by :func:`save_figure`, so saved files never depend on the caller's
#: rcParams.
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
    "ps.fonttype": 42,
    "path.simplify": True,
}
BASE_FONT_SIZE = HOUSE_RC["font.size"]
_SIZED = ("font.size", "axes.titlesize", "axes.labelsize", "xtick.labelsize", "ytick.labelsize",
          "legend.fontsize")
#: Every format :func:`save_figure` writes; :data:`DEFAULT_FORMATS` unless asked otherwise.
FORMATS = ("svg", "png", "pdf", "eps", "tiff")
DEFAULT_FORMATS = ("svg", "png", "pdf")
_METADATA = {
    "svg": {"Date": None, "Creator": "framing"},
    "png": {"Software": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": "framing", "Creator": "framing"},
    "eps": {"Creator": "framing"},
    "tiff": None,
}
#: Environment variable holding :class:`FigureOptions` as JSON: ``framing figures`` sets it for
#: the notebook kernels, and :func:`theme` and :func:`save_figure` take their defaults from it.
OPTIONS_ENV = "FRAMING_FIGURE_OPTIONS"


# ------------------------------------------------------------------------------ options
@dataclass(frozen=True)
class FigureOptions:
    """Size, font and files of saved figures (``None``: the figure's own or the house default).

    Attributes
    ----------
    width_mm, height_mm : float, optional
        Size of the saved figure in millimetres (85 for a journal's single column); a figure
        given only one of them keeps its other dimension.
    font : str, optional
        Font family of every text (default DejaVu Sans, shipped with matplotlib).
    font_size : float, optional
        Body font size in points; titles, labels, ticks and annotations keep their proportions
        to it (house default 8.5).
    dpi : float, optional
        Resolution of PNG and TIFF (default 150); vector formats ignore it.
    formats : tuple of str, optional
        Files written, any of :data:`FORMATS` (default :data:`DEFAULT_FORMATS`).
    svg_text : bool, default=False
        Keep SVG text as editable ``<text>`` (``svg.fonttype: none``) instead of paths.
    """

    width_mm: float | None = None
    height_mm: float | None = None
    font: str | None = None
    font_size: float | None = None
    dpi: float | None = None
    formats: tuple[str, ...] | None = None
    svg_text: bool = False

    def __post_init__(self) -> None:
        for key in ("width_mm", "height_mm", "font_size", "dpi"):
            value = getattr(self, key)
            if value is not None and not (isinstance(value, (int, float)) and value > 0):
                raise FramingError(f"The {key!r} figure option takes a positive number. "
                                   f"Got {value!r} instead.")
        if self.formats is not None:
            formats = tuple(self.formats)
            bad = [f for f in formats if f not in FORMATS]
            if bad or not formats:
                raise FramingError(bad_value("formats", "save_figure", FORMATS, list(formats)))
            object.__setattr__(self, "formats", formats)

    def replace(self, **changes: object) -> FigureOptions:
        """These options with the non-``None`` ``changes`` applied."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    def to_dict(self) -> dict:
        """The options set (``None`` and ``False`` left out), as JSON-ready values."""
        return {k: list(v) if isinstance(v, tuple) else v
                for k, v in dataclasses.asdict(self).items() if v not in (None, False)}

    @classmethod
    def from_env(cls) -> FigureOptions:
        """The options in ``$FRAMING_FIGURE_OPTIONS`` (JSON), else the defaults."""
        raw = os.environ.get(OPTIONS_ENV, "").strip()
        if not raw:
            return cls()
        try:
            values = json.loads(raw)
            return cls(**{k: tuple(v) if k == "formats" else v for k, v in values.items()})
        except (ValueError, TypeError) as exc:
            raise FramingError(f"${OPTIONS_ENV} must hold figure options as JSON, e.g. "
                               f'{{"width_mm": 85, "formats": ["svg", "pdf"]}}. Got {raw!r} '
                               f"({exc}).") from None


def figure_options(**overrides: object) -> FigureOptions:
    """The options in force: ``$FRAMING_FIGURE_OPTIONS`` with the non-``None`` ``overrides``."""
    return FigureOptions.from_env().replace(**overrides)


@contextlib.contextmanager
def figure_options_env(options: FigureOptions | None) -> Iterator[None]:
    """Set ``$FRAMING_FIGURE_OPTIONS`` to ``options`` inside a ``with`` block (child processes,
    such as notebook kernels, inherit it)."""
    before = os.environ.get(OPTIONS_ENV)
    if options is not None and options.to_dict():
        os.environ[OPTIONS_ENV] = json.dumps(options.to_dict(), sort_keys=True)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(OPTIONS_ENV, None)
        else:
            os.environ[OPTIONS_ENV] = before


# ------------------------------------------------------------------------------ style
def house_rc(font: str | None = None, font_size: float | None = None) -> dict:
    """:data:`HOUSE_RC` in ``font`` (DejaVu Sans as fallback) with every size scaled to
    ``font_size``."""
    rc = dict(HOUSE_RC)
    if font_size:
        ratio = font_size / BASE_FONT_SIZE
        rc.update({k: round(HOUSE_RC[k] * ratio, 3) for k in _SIZED})
    if font:
        rc["font.family"] = [font, "DejaVu Sans"] if font != "DejaVu Sans" else font
    return rc


def scaled(size: float) -> float:
    """``size`` (points at the house font size) at the font size in force, for annotations."""
    return round(size * mpl.rcParams["font.size"] / BASE_FONT_SIZE, 3)


@contextlib.contextmanager
def theme(font: str | None = None, font_size: float | None = None) -> Iterator[None]:
    """Apply the house style inside a ``with`` block and restore the caller's afterwards.

    ``font`` and ``font_size`` default to those of ``$FRAMING_FIGURE_OPTIONS`` (set by
    ``framing figures --font ... --font-size ...``), else DejaVu Sans at 8.5 pt.

    Examples
    --------
    >>> with theme():
    ...     fig, ax = plt.subplots()
    >>> plt.close(fig)
    """
    opts = figure_options(font=font, font_size=font_size)
    with mpl.rc_context(house_rc(opts.font, opts.font_size)):
        yield


def _colour(name: str, fixed: Mapping[str, str], pool: Sequence[str]) -> str:
    key = str(name).strip().lower()
    if key in fixed:
        return fixed[key]
    # crc32, not hash(): the same name gets the same colour in every process.
    return pool[zlib.crc32(key.encode("utf-8")) % len(pool)]


@topic_cached
def topic_colors() -> dict[str, dict[str, str]]:
    """The fixed colours of the topic in use (its ``colors.yaml``): ``{"outlets": {name:
    colour}, "sides": {side: colour}}``, outlet names lower-cased, sides in the file's order."""
    source = topic_file("colors.yaml")[1]
    data = read_yaml("colors.yaml")
    check_keys(source, "<top level>", data, {"version"}, {"outlets", "sides"})
    found = {}
    for entry in ("outlets", "sides"):
        table = data.get(entry) or {}
        check_keys(source, entry, table, set(), set(table))
        for name, colour in table.items():
            if not (isinstance(colour, str) and _HEX_RE.fullmatch(colour)):
                raise FramingError(bad_entry(source, f"{entry}.{name}",
                                             f"must be a colour like '#0072B2', got {colour!r}"))
        found[entry] = {str(k).strip().lower(): v for k, v in table.items()}
    return found


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """Return the fixed colour of each outlet (the topic's ``colors.yaml``); other outlets get
    a stable colour from their name.

    Examples
    --------
    >>> colours = outlet_colors(["My Outlet", "my outlet"])
    >>> colours["My Outlet"] == colours["my outlet"]
    True
    """
    return {o: _colour(o, topic_colors()["outlets"], OKABE_ITO[:7] + TOL_MUTED) for o in outlets}


def side_colors(sides: Iterable[str]) -> dict[str, str]:
    """Return the fixed colour of each speaker or actor side (stable for sides of user lexicons)."""
    return {s: _colour(s, topic_colors()["sides"], TOL_MUTED) for s in sides}


# ------------------------------------------------------------------------------ saving
def mark_figure(fig: Figure) -> Figure:
    """Note on ``fig`` the font and size in force when it was drawn (read by save_figure)."""
    if not hasattr(fig, "_framing_font"):
        family = mpl.rcParams["font.family"]
        fig._framing_font = (family[0] if isinstance(family, list) else family,
                             float(mpl.rcParams["font.size"]))
    return fig


def _restyle(fig: Figure, font: str | None, font_size: float | None) -> None:
    """Set every text of ``fig`` in ``font``, scaling sizes from the drawn font size."""
    drawn_font, drawn_size = getattr(fig, "_framing_font", (HOUSE_RC["font.family"],
                                                            BASE_FONT_SIZE))
    ratio = font_size / drawn_size if font_size else 1.0
    if ratio == 1.0 and (font is None or font == drawn_font):
        return
    family = [font, "DejaVu Sans"] if font and font != "DejaVu Sans" else font
    for ax in fig.axes:  # materialise the ticks so that their labels are restyled too
        ax.xaxis.get_major_ticks()
        ax.yaxis.get_major_ticks()
    for text in fig.findobj(Text):
        if ratio != 1.0:
            text.set_fontsize(text.get_fontsize() * ratio)
        if family:
            text.set_fontfamily(family)
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            ticks = axis.get_major_ticks()
            size = ticks[0].label1.get_fontsize() if ticks else None
            axis.set_tick_params(which="both", labelsize=size)
    fig._framing_font = (font or drawn_font, font_size or drawn_size)


def resize_figure(fig: Figure, *, width_mm: float | None = None, height_mm: float | None = None,
                  font: str | None = None, font_size: float | None = None) -> Figure:
    """Give a drawn figure a new size in millimetres and a new font, as :func:`save_figure` does.

    A dimension left ``None`` keeps the figure's; every text is set in ``font`` and scaled by
    ``font_size`` over the size the figure was drawn at. Cell labels and wrapped titles refit
    at the next draw; legends, tick labels and word labels refit
    (:func:`framing.plots.layout.refit`). Returns ``fig``.
    """
    if width_mm or height_mm:
        width, height = fig.get_size_inches()
        fig.set_size_inches((width_mm or width * 25.4) / 25.4, (height_mm or height * 25.4) / 25.4)
    _restyle(fig, font, font_size)
    from framing.plots.layout import refit

    return refit(fig)


@contextlib.contextmanager
def _reproducible() -> Iterator[None]:
    """Fixed dates for writers that read SOURCE_DATE_EPOCH (EPS)."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "0"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def save_figure(fig: Figure, name: str, figures_dir: str | Path | None = None, *,
                formats: Sequence[str] | None = None, width_mm: float | None = None,
                height_mm: float | None = None, font: str | None = None,
                font_size: float | None = None, dpi: float | None = None,
                svg_text: bool | None = None, close: bool = True) -> SavedFigure:
    """Write ``fig`` as ``<figures_dir>/<name>.<format>``, byte-identical on every run.

    Dates and software versions are left out of the metadata, SVG ids are salted with a fixed
    string, EPS is dated 1970 (SOURCE_DATE_EPOCH), text is drawn in DejaVu Sans (shipped with
    matplotlib) unless another font is asked for, and PNG and TIFF are rendered by Agg at a
    fixed dpi, so the same figure gives the same bytes.

    Every option left ``None`` comes from ``$FRAMING_FIGURE_OPTIONS`` (:class:`FigureOptions`
    as JSON; ``framing figures --width-mm ... --format ...`` sets it for the notebooks), else
    the figure's own size and font, 150 dpi and SVG, PNG and PDF.

    Parameters
    ----------
    fig : matplotlib Figure
        The figure to save.
    name : str
        File stem, e.g. ``"terminology_heatmap"``.
    figures_dir : str or Path, optional
        Target folder (created when missing); default :data:`framing.config.FIGURES_DIR`.
    formats : sequence of {'svg', 'png', 'pdf', 'eps', 'tiff'}, optional
        Files to write (default ``('svg', 'png', 'pdf')``).
    width_mm, height_mm : float, optional
        Size of the saved figure in millimetres; one alone keeps the other dimension. Cell
        labels and wrapped titles refit to the new size when the figure is drawn.
    font : str, optional
        Font family of every text (installed fonts; DejaVu Sans stands in for missing glyphs).
    font_size : float, optional
        Body font size in points; every other text keeps its proportion to it.
    dpi : float, optional
        Resolution of PNG and TIFF.
    svg_text : bool, optional
        Write SVG text as editable ``<text>`` elements (``svg.fonttype: none``) instead of
        paths (default False: paths, identical in every viewer).
    close : bool, default=True
        Close the figure after saving, so a notebook shows the saved PNG once (the returned
        object displays it) instead of the live figure as well.

    Returns
    -------
    SavedFigure
        The paths written; displays as the saved image in Jupyter.
    """
    from framing import config

    opts = figure_options(formats=tuple(formats) if formats is not None else None,
                          width_mm=width_mm, height_mm=height_mm, font=font,
                          font_size=font_size, dpi=dpi, svg_text=svg_text)
    if not name or Path(name).name != name:
        raise FramingError(f"The 'name' parameter of save_figure must be a plain file stem such "
                           f"as 'terminology_heatmap'. Got {name!r} instead.")
    out = Path(figures_dir) if figures_dir is not None else config.FIGURES_DIR
    out.mkdir(parents=True, exist_ok=True)
    drawn = getattr(fig, "_framing_font", (None, None))
    rc = house_rc(opts.font or drawn[0], opts.font_size or drawn[1])
    rc.update({"savefig.dpi": opts.dpi or HOUSE_RC["savefig.dpi"],
               "svg.fonttype": "none" if opts.svg_text else "path"})
    paths = []
    with mpl.rc_context(rc), _reproducible():
        resize_figure(fig, width_mm=opts.width_mm, height_mm=opts.height_mm, font=opts.font,
                      font_size=opts.font_size)
        for fmt in opts.formats or DEFAULT_FORMATS:
            path = out / f"{name}.{fmt}"
            extra = {"pil_kwargs": {"compression": "tiff_lzw"}} if fmt == "tiff" else \
                {"metadata": _METADATA[fmt]}
            fig.savefig(path, format=fmt, **extra)
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
    "BASE_FONT_SIZE", "CONSTRUCTION_COLORS", "DEFAULT_FORMATS", "FORMATS", "GROUP_COLORS",
    "HOUSE_RC", "OKABE_ITO", "OPTIONS_ENV", "SMALL_MARK", "SMALL_NOTE", "TOL_MUTED",
    "FigureOptions", "SavedFigure", "figure_options", "figure_options_env", "house_rc",
    "mark_figure", "outlet_colors", "resize_figure", "save_figure", "scaled", "side_colors",
    "theme", "topic_colors",
]
