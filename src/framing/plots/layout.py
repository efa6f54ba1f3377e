"""Text that fits the figure it is drawn in, and a check that no text collides or is cut off.

Annotation sizes follow the figure: :class:`CellText` sizes a label to its heatmap cell each
time the figure is drawn (after :func:`framing.plots.save_figure` resized it), titles wrap
at the figure's edge (``wrap=True``), and other annotations take sizes relative to the font
size in force (:func:`framing.plots.style.scaled`). :func:`text_problems` lists overlapping or
clipped texts from matplotlib's own bounding boxes; the tests run it on every figure.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import matplotlib as mpl
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.text import Text
from matplotlib.transforms import Bbox


class CellGroup:
    """Labels of one heatmap: they share the size of the tightest, refitted when the Axes'
    size or limits change."""

    def __init__(self) -> None:
        self.members: list[CellText] = []
        self._fitted: tuple | None = None

    def size(self, renderer, ax) -> float:
        key = (tuple(ax.get_window_extent().bounds), ax.figure.dpi, ax.get_xlim(),
               ax.get_ylim())
        if self._fitted is None or self._fitted[0] != key:
            sizes = [t._ideal(renderer) for t in self.members if t.axes is ax]
            self._fitted = (key, min(sizes) if sizes else None)
        return self._fitted[1]


class CellText(Text):
    """A label centred in a ``cell`` (width, height in data units), sized at draw time.

    Its font size is the largest that fits the cell with a margin, up to ``max_size``, so the
    labels of a heatmap stay apart at any figure size. Labels sharing a :class:`CellGroup`
    (one per heatmap) all take the size of the tightest among them.
    """

    def __init__(self, x: float, y: float, text: str, *, cell: tuple[float, float] = (1, 1),
                 max_size: float | None = None, fill: float = 0.86,
                 group: CellGroup | None = None, **kwargs) -> None:
        kwargs.setdefault("ha", "center")
        kwargs.setdefault("va", "center")
        super().__init__(x, y, text, **kwargs)
        self._cell = cell
        self._max_size = max_size or mpl.rcParams["font.size"]
        self._fill = fill
        self._group = group or CellGroup()
        self._group.members.append(self)

    def _ideal(self, renderer) -> float:
        """The largest size (up to max_size) at which this label fits its cell."""
        x, y = self.get_position()
        w, h = self._cell[0] / 2, self._cell[1] / 2
        (x0, y0), (x1, y1) = self.axes.transData.transform([(x - w, y - h), (x + w, y + h)])
        self._fontproperties.set_size(10.0)
        box = super().get_window_extent(renderer)
        if box.width <= 0 or box.height <= 0:
            return self._max_size
        size = 10.0 * self._fill * min(abs(x1 - x0) / box.width, abs(y1 - y0) / box.height)
        return max(1.0, min(self._max_size, round(size, 2)))

    def fit(self, renderer) -> None:
        """Set the font size that fits the group's cells at the Axes' current size."""
        size = self._group.size(renderer, self.axes)
        self._fontproperties.set_size(size if size is not None else self._ideal(renderer))

    def draw(self, renderer) -> None:
        if self.get_visible() and self.axes is not None:
            self.fit(renderer)
        super().draw(renderer)

    def get_window_extent(self, renderer=None, dpi=None):
        if renderer is not None and self.axes is not None:
            self.fit(renderer)
        return super().get_window_extent(renderer, dpi)


# ------------------------------------------------------------------------------ refitting
def on_resize(fig: Figure, func: Callable[[Figure, object], None]) -> None:
    """Run ``func(fig, renderer)`` whenever :func:`refit` runs (save_figure, after resizing)."""
    fig.__dict__.setdefault("_framing_refit", []).append(func)


def refit(fig: Figure) -> Figure:
    """Lay ``fig`` out at its current size and let its annotations refit (legend columns, tick
    label rotation, labels that would collide). Called by :func:`framing.plots.save_figure`."""
    for func in getattr(fig, "_framing_refit", ()):
        fig.draw_without_rendering()
        func(fig, fig.canvas.get_renderer())
    return fig


def legend_below(ax, handles=None, labels=None, *, ncols: int = 3, **kwargs) -> Legend:
    """A figure legend under everything (constrained layout makes room), in as many columns
    (up to ``ncols``) as fit the figure's width at every size."""
    fig = ax.figure
    if handles is None:
        handles, labels = ax.get_legend_handles_labels()
    elif labels is None:
        labels = [h.get_label() for h in handles]
    state = {"legend": fig.legend(handles, labels, loc="outside lower center", ncols=ncols,
                                  **kwargs)}

    def fit(fig: Figure, renderer) -> None:
        if state["legend"]._ncols != ncols:  # start again from the widest layout
            state["legend"].remove()
            state["legend"] = fig.legend(handles, labels, loc="outside lower center",
                                         ncols=ncols, **kwargs)
            fig.draw_without_rendering()
        while (state["legend"]._ncols > 1 and state["legend"].get_window_extent(
                renderer).width > 0.98 * fig.bbox.width):
            fits = state["legend"]._ncols - 1
            state["legend"].remove()
            state["legend"] = fig.legend(handles, labels, loc="outside lower center",
                                         ncols=fits, **kwargs)
            fig.draw_without_rendering()

    on_resize(fig, fit)
    return state["legend"]


def place_labels(texts: Sequence[Text], offsets: Sequence[tuple[float, float]] = (
        (4, 3), (4, -9), (-4, 3), (-4, -9))) -> None:
    """Move each of ``texts`` (annotations in offset points, best first) to the first offset at
    which it meets no text already drawn, hiding it when none is free; refits on resize."""
    texts = list(texts)
    if not texts:
        return
    fig = texts[0].figure

    def fit(fig: Figure, renderer) -> None:
        mine = {id(t) for t in texts}
        taken = [t.get_window_extent(renderer) for t in _texts(fig) if id(t) not in mine]
        taken.append(Bbox.null())
        for text in texts:
            text.set_visible(True)
            for dx, dy in offsets:
                text.set_position((dx, dy))
                text.set_horizontalalignment("center" if dx == 0 else
                                             "left" if dx > 0 else "right")
                box = text.get_window_extent(renderer)
                if box.x0 >= fig.bbox.x0 and box.x1 <= fig.bbox.x1 and not any(
                        _overlap(box, b, 0.5) for b in taken):
                    taken.append(box)
                    break
            else:
                text.set_visible(False)

    on_resize(fig, fit)


def _texts(fig: Figure) -> list[Text]:
    """Visible, non-empty texts that the figure draws (tick labels outside the view left out)."""
    drawn, ticks = set(), set()
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        for axis in ax._axis_map.values():
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                ticks.update((id(tick.label1), id(tick.label2)))
            for tick in axis._update_ticks():
                drawn.update(id(t) for t in (tick.label1, tick.label2) if t.get_visible())
    found = []
    for text in fig.findobj(Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        if id(text) in ticks and id(text) not in drawn:
            continue
        if text.axes is not None and not text.axes.get_visible():
            continue
        found.append(text)
    return found


def text_problems(fig: Figure, *, tolerance: float = 0.5) -> list[str]:
    """Texts of ``fig`` that overlap one another or leave the canvas (empty list: none).

    The figure is drawn first (constrained layout, wrapping and cell labels settle), then each
    visible, non-empty text's window extent is compared with the canvas and every other's.
    ``tolerance`` (pixels) forgives boxes that merely touch.
    """
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = []
    for text in _texts(fig):
        box = text.get_window_extent(renderer)
        if box.width > 0 and box.height > 0:
            boxes.append((text, box))
    canvas = fig.bbox
    problems = []
    for text, box in boxes:
        if (box.x0 < canvas.x0 - tolerance or box.y0 < canvas.y0 - tolerance
                or box.x1 > canvas.x1 + tolerance or box.y1 > canvas.y1 + tolerance):
            problems.append(f"{text.get_text()!r} leaves the canvas ({_fmt(box)} outside "
                            f"{_fmt(canvas)})")
    for (a, ba), (b, bb) in itertools.combinations(boxes, 2):
        if _overlap(ba, bb, tolerance):
            problems.append(f"{a.get_text()!r} overlaps {b.get_text()!r}")
    return problems


def _overlap(a, b, tolerance: float) -> bool:
    return (min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance
            and min(a.y1, b.y1) - max(a.y0, b.y0) > tolerance)


def _fmt(box) -> str:
    return f"[{box.x0:.0f}, {box.y0:.0f}, {box.x1:.0f}, {box.y1:.0f}]"


__all__ = ["CellGroup", "CellText", "legend_below", "on_resize", "place_labels", "refit",
           "text_problems"]
