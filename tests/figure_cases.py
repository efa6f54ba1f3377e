"""Every figure the notebooks draw, built from the test tables as the notebooks build them.

Each builder takes the inputs of :func:`inputs` and returns a Figure drawn under the theme at
the notebook's size; tests resize them (:func:`framing.plots.resize_figure`) as `framing
figures --width-mm ...` does.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt

from framing import plots, report
from framing.corpus import read_table

DATA = Path(__file__).parent / "data" / "plots"
SEED, FAKES = "seed page (aggregator blog, June 2017)", "FA-KES (Salem et al. 2019)"


def inputs(seed_articles, fakes_articles) -> dict:
    """Tables behind the figures: the test outlet_scores and the bundled corpora."""
    from framing.agency import construction_shares, find_events
    from framing.datasets import OPPOSITION, STATE_ALIGNED, load_vader_nyt
    from framing.terms import distinctive_words, find_terms
    from framing.tone import tone_validity

    fakes_few = fakes_articles[fakes_articles["outlet"].isin(["sana", "etilaf", "reuters",
                                                               "tass"])]
    groups = {"state-aligned": STATE_ALIGNED, "opposition": OPPOSITION}
    pairs, summary = tone_validity(load_vader_nyt())
    return {
        "seed": read_table(DATA / "seed_outlet_scores.csv"),
        "fakes": read_table(DATA / "fakes_outlet_scores.csv"),
        "summary": report.corpus_summary(seed_articles),
        "shares": construction_shares(find_events(seed_articles), seed_articles),
        "n_seed": len(seed_articles),
        "words": distinctive_words(fakes_articles, "sana", prior="pooled", min_count=5),
        "n_fakes": len(fakes_articles),
        "over_time": plots.period_share_scores(fakes_few, find_terms(fakes_few), groups),
        "pairs": pairs, "validity": summary,
    }


def _axes(width: float, height: float):
    return plt.subplots(figsize=(width, height))


def corpus_overview(d):
    fig, ax = _axes(6.5, 1.4 + 0.3 * len(d["summary"]))
    plots.plot_corpus_overview(d["summary"], ax=ax, corpus=SEED)
    return fig


def terminology_heatmap(d):
    fig, ax = _axes(7.5, 1.8 + 0.42 * d["seed"]["outlet"].nunique())
    plots.plot_term_heatmap(d["seed"], ax=ax, corpus=SEED)
    return fig


def regime_share(d):
    fig, ax = _axes(7, 1.8 + 0.42 * d["fakes"]["outlet"].nunique())
    plots.plot_share(d["fakes"], share="regime_vs_government", ax=ax, corpus=FAKES)
    return fig


def fightin_words(d):
    fig, ax = _axes(7, 4.5)
    plots.plot_fightin_words(d["words"], group="sana", ax=ax, corpus=FAKES, n_docs=d["n_fakes"])
    return fig


def fakes_label_over_time(d):
    fig, ax = _axes(7, 4)
    plots.plot_over_time(d["over_time"], ax=ax, corpus=FAKES)
    return fig


def fakes_known_groups(d):
    fig, ax = _axes(7, 2.8)
    plots.plot_known_groups(d["fakes"], outlets=("sana", "etilaf"), ax=ax, corpus=FAKES)
    return fig


def quote_balance(d):
    fig, ax = _axes(7.5, 2.4 + 0.4 * d["seed"]["outlet"].nunique())
    plots.plot_quote_balance(d["seed"], ax=ax, corpus=SEED)
    return fig


def agency_constructions(d):
    fig, ax = _axes(7.5, 2.4 + 0.32 * len(d["shares"].groupby(["outlet", "voice"])))
    plots.plot_constructions(d["shares"], ax=ax, corpus=SEED, n_docs=d["n_seed"])
    return fig


def target_tone(d):
    scores = d["seed"]
    targets = plots.tone_targets(scores, voice="narrator", top=3)
    shown = (scores["stage"] == "tone") & (scores["voice"] == "narrator")
    fig, ax = _axes(7, 1.6 + 0.16 * int((shown & scores["subject"].isin(targets)).sum()))
    plots.plot_target_tone(scores, targets=targets, ax=ax, corpus=SEED)
    return fig


def readability(d):
    fig, ax = _axes(7, 1.6 + 0.32 * d["fakes"]["outlet"].nunique())
    plots.plot_readability(d["fakes"], measure="readability:mean:flesch_kincaid_grade:", ax=ax,
                           corpus=FAKES)
    return fig


def tone_validity(d):
    fig, ax = _axes(6.2, 4.4)
    plots.plot_tone_validity(d["pairs"], summary=d["validity"], ax=ax,
                             reference={"VADER paper": 0.492, "one person vs mean": 0.745},
                             corpus="NYT editorials, 20 raters each (Hutto & Gilbert 2014)")
    return fig


def outlet_profiles(d):
    return plots.plot_outlet_profiles(d["fakes"], corpus=FAKES)


BUILDERS = {f.__name__: f for f in (
    corpus_overview, terminology_heatmap, regime_share, fightin_words, fakes_label_over_time,
    fakes_known_groups, quote_balance, agency_constructions, target_tone, readability,
    tone_validity, outlet_profiles)}


def build(name: str, data: dict, *, font_size: float | None = None):
    """The figure ``name`` drawn under the theme (at ``font_size`` when given)."""
    with plots.theme(font_size=font_size):
        return BUILDERS[name](data)
