"""Figures of the paper and the notebooks: one house theme, fixed colours, deterministic files.

Every ``plot_*`` function is axes-level in the seaborn manner: it takes a tidy frame as ``data``
(usually the long **outlet_scores** table), draws on ``ax`` or the current Axes and returns it;
:func:`plot_outlet_profiles` draws several panels and returns the Figure. Nothing changes global
state at import: wrap drawing in ``with theme():``. :func:`save_figure` writes SVG, PNG, PDF, EPS
and TIFF that are byte-identical from run to run (no dates, salted SVG ids, DejaVu Sans), at
any size, font and dpi (:class:`FigureOptions`; ``$FRAMING_FIGURE_OPTIONS`` for the notebooks).

Plots choose outlet_scores rows by their ``stage``, ``statistic``, ``family``, ``subject`` and
``voice`` columns; parameters naming a measure take ids of :func:`framing.measures.measure_id`.
Each outlet keeps one colour in every figure (:func:`outlet_colors`).

==============  ================================================================
module          contents
==============  ================================================================
``style``       palettes, :func:`theme`, :func:`save_figure`, :class:`FigureOptions`
``layout``      text sized to the figure, :func:`text_problems` (overlaps, clipping)
``base``        row selection by measure parts, :func:`corpus_note`
``outlets``     per-outlet charts (corpus, labels, quotes, tone, readability, agency)
``groups``      groups of outlets (Fightin' Words, over time, known groups, profiles)
``validity``    measures against human ratings
==============  ================================================================
"""

from framing.plots.base import corpus_note, corpus_totals, share_label
from framing.plots.groups import (
    PROFILE_MEASURES,
    known_group_measures,
    period_share_scores,
    plot_fightin_words,
    plot_known_groups,
    plot_outlet_profiles,
    plot_over_time,
    profile_measures,
)
from framing.plots.layout import CellText, text_problems
from framing.plots.outlets import (
    plot_constructions,
    plot_corpus_overview,
    plot_quote_balance,
    plot_readability,
    plot_share,
    plot_target_tone,
    plot_term_heatmap,
    tone_targets,
)
from framing.plots.style import (
    CONSTRUCTION_COLORS,
    DEFAULT_FORMATS,
    FORMATS,
    GROUP_COLORS,
    HOUSE_RC,
    OKABE_ITO,
    SMALL_MARK,
    SMALL_NOTE,
    TOL_MUTED,
    FigureOptions,
    SavedFigure,
    figure_options,
    outlet_colors,
    resize_figure,
    save_figure,
    side_colors,
    theme,
    topic_colors,
)
from framing.plots.validity import plot_tone_validity

__all__ = [
    "CONSTRUCTION_COLORS", "DEFAULT_FORMATS", "FORMATS", "GROUP_COLORS", "HOUSE_RC", "OKABE_ITO",
    "PROFILE_MEASURES", "SMALL_MARK", "SMALL_NOTE", "TOL_MUTED",
    "CellText", "corpus_note", "corpus_totals", "figure_options", "FigureOptions",
    "known_group_measures", "outlet_colors", "period_share_scores", "plot_constructions",
    "plot_corpus_overview", "plot_fightin_words", "plot_known_groups", "plot_outlet_profiles",
    "plot_over_time", "plot_quote_balance", "plot_readability", "plot_share", "plot_target_tone",
    "plot_term_heatmap", "plot_tone_validity", "profile_measures", "resize_figure", "save_figure",
    "SavedFigure", "share_label", "side_colors", "text_problems", "theme", "tone_targets",
    "topic_colors",
]
