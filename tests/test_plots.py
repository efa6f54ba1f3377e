"""Figures: fixed colours, the house theme, deterministic files, and the data each plot draws.

tests/data/plots/*_outlet_scores.csv are outlet_scores of the seed page and of four FA-KES
outlets, as `framing score` writes them (per-term rates, tone rates and construction shares
left out to keep them small).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from framing import plots
from framing._errors import FramingError
from framing.agency import construction_shares, find_events
from framing.corpus import read_table
from framing.measures import parse_measure
from framing.quotes import find_quotes, score_quotes
from framing.stats import outlet_scores_frame
from framing.terms import distinctive_words, find_terms, score_terms

DATA = Path(__file__).parent / "data" / "plots"


@pytest.fixture(scope="module")
def seed_scores(seed_articles):
    return score_terms(find_terms(seed_articles), seed_articles)


@pytest.fixture(scope="module")
def seed_table():
    return read_table(DATA / "seed_outlet_scores.csv")


@pytest.fixture(scope="module")
def fakes_table():
    return read_table(DATA / "fakes_outlet_scores.csv")


def _rows(table, **parts):
    keep = np.ones(len(table), bool)
    for col, value in parts.items():
        keep &= (table[col] == value).to_numpy()
    return table[keep]


def _dots(ax):
    """(x, y, filled) of every dot drawn."""
    return [(float(line.get_xdata()[0]), float(line.get_ydata()[0]),
             line.get_markerfacecolor() != "white")
            for line in ax.lines if line.get_marker() == "o"]


def _outlet(label):
    """The outlet of a tick label or panel title such as 'AFP (3) †' or 'AFP (3 articles)'."""
    return re.sub(r" \(\d+( articles)?\)( †)?$", "", label)


def _ticks(ax):
    """Outlet of each y tick label -> its position."""
    return {_outlet(t.get_text()): y for t, y in zip(ax.get_yticklabels(), ax.get_yticks(),
                                                      strict=True)}


def _row(outlet, measure, value, low, high, n_docs=6, n_events=20):
    return {"outlet": outlet, "measure": measure, "value": value, "ci_low": low,
            "ci_high": high, "n_docs": n_docs, "n_words": 1000 * n_docs, "n_events": n_events,
            "small_sample": n_docs < 5 or n_events < 10}


def test_an_outlet_keeps_its_colour_whatever_else_is_plotted():
    alone = plots.outlet_colors(["AFP", "my local paper"])
    mixed = plots.outlet_colors(["sana", "my local paper", "AFP", "etilaf"])
    assert alone["AFP"] == mixed["AFP"]
    assert alone["my local paper"] == mixed["my local paper"]


def test_outlet_colours_ignore_case_so_both_corpora_agree():
    upper, lower = plots.outlet_colors(["Reuters", "reuters"]).values()
    assert upper == lower


def test_outlets_of_each_bundled_corpus_get_distinct_colours(seed_articles, fakes_articles):
    for articles in (seed_articles, fakes_articles):
        colours = plots.outlet_colors(articles["outlet"].unique())
        assert len(set(colours.values())) == len(colours)


def test_theme_restores_the_callers_style():
    before = dict(mpl.rcParams)
    with plots.theme():
        assert mpl.rcParams["svg.hashsalt"] == "framing"
        assert mpl.rcParams["axes.spines.top"] is False
    assert mpl.rcParams["svg.hashsalt"] == before["svg.hashsalt"]
    assert mpl.rcParams["axes.spines.top"] == before["axes.spines.top"]


def _draw_heatmap(scores):
    with plots.theme():
        fig, ax = plt.subplots(figsize=(6, 4))
        plots.plot_term_heatmap(scores, ax=ax, corpus="seed page")
    return fig


def test_saved_figures_are_byte_identical_from_save_to_save(seed_scores, tmp_path):
    first = plots.save_figure(_draw_heatmap(seed_scores), "heatmap", tmp_path / "a")
    second = plots.save_figure(_draw_heatmap(seed_scores), "heatmap", tmp_path / "b")
    assert [p.suffix for p in first] == [".svg", ".png", ".pdf"]
    for a, b in zip(first, second, strict=True):
        assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()


def test_saved_files_carry_no_date_or_version(seed_scores, tmp_path):
    svg, png, pdf = plots.save_figure(_draw_heatmap(seed_scores), "heatmap", tmp_path)
    assert "<dc:date>" not in svg.read_text(encoding="utf-8")
    assert b"Matplotlib version" not in png.read_bytes()
    assert b"CreationDate" not in pdf.read_bytes()


def test_save_figure_closes_the_figure_and_shows_the_png(seed_scores, tmp_path):
    fig = _draw_heatmap(seed_scores)
    saved = plots.save_figure(fig, "heatmap", tmp_path, formats=("png",))
    assert not plt.fignum_exists(fig.number)
    assert saved._repr_png_() == (tmp_path / "heatmap.png").read_bytes()


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"formats": ("jpg",)}, "'formats' parameter of save_figure"),
    ({"name": "../escape"}, "plain file stem"),
])
def test_save_figure_rejects_bad_names_and_formats(tmp_path, kwargs, message):
    fig = plt.figure()
    args = {"name": "fig", "figures_dir": tmp_path, **kwargs}
    with pytest.raises(FramingError, match=message):
        plots.save_figure(fig, **args)


def test_heatmap_cells_are_the_family_rates_of_term_scores(seed_scores):
    ax = plots.plot_term_heatmap(seed_scores)
    rows = _rows(seed_scores, stage="terms", statistic="rate", subject="*", voice="all")
    expected = rows.pivot(index="outlet", columns="family", values="value")
    np.testing.assert_allclose(ax.images[0].get_array(), expected.to_numpy())


def test_heatmap_annotates_the_hit_counts(seed_scores):
    ax = plots.plot_term_heatmap(seed_scores, families=["state_label"])
    afp = seed_scores.query("outlet == 'AFP' and measure == 'terms:rate:state_label/*:all'")
    texts = [t.get_text() for t in ax.texts]
    assert f"{afp['value'].iat[0]:.1f}\n({afp['n_events'].iat[0]})" in texts


def test_outlets_with_few_articles_are_marked_small(seed_scores):
    ax = plots.plot_term_heatmap(seed_scores)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "AFP (3) †" in labels
    assert plots.SMALL_NOTE in ax.get_title(loc="left")


def test_figures_say_which_corpus_they_show(seed_scores):
    ax = plots.plot_share(seed_scores, corpus="seed page")
    assert "Corpus: seed page · 15 articles" in ax.get_title(loc="left")


def test_share_plot_draws_each_interval_and_value():
    data = outlet_scores_frame([
        _row("sana", "terms:share:regime_vs_government:narrator", 0.1, 0.0, 0.3),
        _row("sana", "terms:share:regime_vs_government:all", 0.2, 0.1, 0.4),
        _row("etilaf", "terms:share:regime_vs_government:narrator", 0.9, 0.8, 1.0),
        _row("etilaf", "terms:share:regime_vs_government:all", 0.95, 0.9, 1.0),
    ])
    ax = plots.plot_share(data)
    intervals = sorted(tuple(line.get_xdata()) for line in ax.lines if len(line.get_xdata()) == 2)
    assert intervals == [(0.0, 0.3), (0.1, 0.4), (0.8, 1.0), (0.9, 1.0)]


def test_share_plot_says_no_mentions_instead_of_zero(seed_scores):
    ax = plots.plot_share(seed_scores)
    assert "no mentions" in [t.get_text() for t in ax.texts]  # the Guardian never labels Syria


def test_plot_names_the_measures_it_needs_when_they_are_missing(seed_scores):
    with pytest.raises(FramingError, match="'quotes:word_share:<side>:'"):
        plots.plot_quote_balance(seed_scores)


def test_quote_balance_bars_split_each_outlets_quoted_words(seed_articles):
    scores = score_quotes(find_quotes(seed_articles), seed_articles)
    ax = plots.plot_quote_balance(scores)
    widths: dict[float, float] = {}
    for bar in ax.patches:
        widths[bar.get_y()] = widths.get(bar.get_y(), 0.0) + bar.get_width()
    quoting = [w for w in widths.values() if w > 0]
    np.testing.assert_allclose(quoting, 1.0)
    assert any(t.get_text() == "no quotes" for t in ax.texts)  # the blog's own post


def test_construction_bars_stack_to_one_per_outlet_and_voice(seed_articles):
    shares = construction_shares(find_events(seed_articles), seed_articles)
    ax = plots.plot_constructions(shares)
    totals: dict[float, float] = {}
    for bar in ax.patches:
        totals[bar.get_y()] = totals.get(bar.get_y(), 0.0) + bar.get_width()
    assert len(totals) == len(shares.groupby(["outlet", "voice"]))
    np.testing.assert_allclose(list(totals.values()), 1.0)


def test_fightin_words_labels_the_most_distinctive_words(seed_articles):
    words = distinctive_words(seed_articles, "Fars News")
    ax = plots.plot_fightin_words(words, group="Fars News", n_labels=3)
    top = words.sort_values(["z", "word"], ascending=[False, True])["word"].head(3)
    labels = [t.get_text() for t in ax.texts]
    assert set(top) <= set(labels)


def test_target_tone_draws_one_dot_per_outlet_and_actor():
    data = outlet_scores_frame([
        _row("sana", "tone:mean:syria_gov:narrator", 0.2, 0.1, 0.3),
        _row("etilaf", "tone:mean:syria_gov:narrator", -0.5, -0.6, -0.4),
        _row("etilaf", "tone:mean:syrian_rebels:narrator", 0.1, -0.1, 0.3, n_docs=2),
        _row("etilaf", "tone:mean:syria_gov:quoted", -0.9, -1.0, -0.8),
    ])
    ax = plots.plot_target_tone(data)
    dots = sorted(float(line.get_xdata()[0]) for line in ax.lines
                  if line.get_marker() == "o")
    assert dots == [-0.5, 0.1, 0.2]
    assert "etilaf (n=20) †" in [t.get_text() for t in ax.get_yticklabels()]


def test_known_groups_names_the_outlets_it_can_use():
    data = outlet_scores_frame([_row("sana", "terms:share:regime_vs_government:all", 0, 0, 0)])
    with pytest.raises(FramingError, match="'outlets' parameter of plot_known_groups"):
        plots.plot_known_groups(data, outlets=("sana", "etilaf"))


def test_period_shares_follow_each_group_by_year(fakes_articles):
    arts = fakes_articles[fakes_articles["outlet"].isin(["sana", "etilaf"])]
    data = plots.period_share_scores(arts, find_terms(arts), {"state": ["sana"],
                                                               "opposition": ["etilaf"]},
                                     share="terrorists_vs_rebels")
    years = pd.to_numeric(arts["date"].str[:4])
    sana_2016 = data.query("group == 'state' and year == 2016")
    assert sana_2016["n_docs"].iat[0] == ((arts["outlet"] == "sana") & (years == 2016)).sum()
    assert sana_2016["value"].iat[0] > 0.9  # SANA calls the armed opposition "terrorists"


def test_outlet_profiles_draw_one_panel_per_outlet():
    data = outlet_scores_frame([_row(o, m, 0.5, 0.4, 0.6) for o in ("a", "b", "c", "d")
                                for m in ("quotes:official_share::", "agency:named_share::all")])
    fig = plots.plot_outlet_profiles(data, ncols=3)
    titles = [ax.get_title(loc="left") for ax in fig.axes if ax.get_visible()]
    assert titles == ["a (6)", "b (6)", "c (6)", "d (6)"]


def test_tone_validity_plot_bins_every_pair_and_prints_r():
    from framing.datasets import load_vader_nyt
    from framing.tone import tone_validity

    pairs, summary = tone_validity(load_vader_nyt().head(400), n_boot=50)
    ax = plots.plot_tone_validity(pairs, summary=summary, reference={"VADER paper": 0.492})
    counts = ax.collections[0].get_array()
    assert counts.sum() == len(pairs) == 400
    note = ax.texts[0].get_text()
    assert f"r = {summary['r']:.3f}" in note and "VADER paper: r = 0.492" in note
    assert ax.get_xlabel().startswith("mean human rating")


# ------------------------------------------------------------------------------ new-schema tables
@pytest.mark.parametrize("voice", ["all", "narrator"])
def test_heatmap_of_a_scored_table_shows_its_family_rates_and_counts(seed_table, voice):
    ax = plots.plot_term_heatmap(seed_table, voice=voice)
    rows = _rows(seed_table, stage="terms", statistic="rate", subject="*", voice=voice)
    rates = rows.pivot(index="outlet", columns="family", values="value")
    counts = rows.pivot(index="outlet", columns="family", values="n_events")
    np.testing.assert_allclose(ax.images[0].get_array(), np.nan_to_num(rates.to_numpy()))
    assert [t.get_text() for t in ax.get_xticklabels()] == [f.replace("_", " ")
                                                            for f in rates.columns]
    assert list(_ticks(ax)) == list(rates.index)
    cells = [t.get_text() for t in ax.texts]
    assert cells == [f"{rates.iat[i, j]:.1f}\n({counts.iat[i, j]})"
                     for i in range(len(rates)) for j in range(rates.shape[1])]


@pytest.mark.parametrize("share", ["regime_vs_government", "terrorists_vs_rebels"])
def test_share_dots_are_the_share_rows_narrator_filled(seed_table, share):
    ax = plots.plot_share(seed_table, share=share)
    rows = _rows(seed_table, stage="terms", statistic="share", subject=share)
    rows = rows[np.isfinite(rows["value"])]
    ticks = _ticks(ax)
    expected = sorted((v, ticks[o] + (0.15 if voice == "narrator" else -0.15), voice == "narrator")
                      for o, voice, v in zip(rows["outlet"], rows["voice"], rows["value"],
                                             strict=True))
    np.testing.assert_allclose(sorted(_dots(ax)), expected)
    notes = sorted(t.get_text() for t in ax.texts if t.get_text().startswith("n="))
    assert notes == sorted(f"n={n}" for n in rows["n_events"])


@pytest.mark.parametrize("measure", ["word_share", "share"])
def test_quote_balance_bars_are_the_share_rows_of_each_side(seed_table, measure):
    ax = plots.plot_quote_balance(seed_table, measure=measure)
    rows = _rows(seed_table, stage="quotes", statistic=measure)
    table = rows.pivot(index="outlet", columns="subject", values="value").fillna(0.0)
    legend = ax.figure.legends[0]  # under the figure, in as many columns as fit
    sides = [t.get_text().replace(" ", "_") for t in legend.get_texts()]
    assert set(table.columns[table.sum() > 0]) == set(sides)
    outlets = sorted(table.index, reverse=True)
    widths = np.array([p.get_width() for p in ax.patches]).reshape(len(sides), len(outlets))
    np.testing.assert_allclose(widths, table.loc[outlets, sides].to_numpy().T)
    entropy = _rows(seed_table, stage="quotes", statistic="entropy").set_index("outlet")
    texts = [t.get_text() for t in ax.texts]
    for outlet in outlets:
        if table.loc[outlet].sum() > 0:
            h, n = entropy.at[outlet, "value"] + 0.0, entropy.at[outlet, "n_events"]
            assert f"H={h:.2f}, {n} quotes" in texts


def test_quote_balance_takes_the_0x_statistic_names_with_a_warning(seed_table):
    new = plots.plot_quote_balance(seed_table, measure="share")
    with pytest.warns(FutureWarning, match="'quote_share' is renamed 'share'"):
        old = plots.plot_quote_balance(seed_table, measure="quote_share", ax=plt.figure().gca())
    assert [p.get_width() for p in old.patches] == [p.get_width() for p in new.patches]


@pytest.mark.parametrize("voice", ["narrator", "quoted"])
def test_target_tone_dots_are_the_tone_rows_of_each_actor(seed_table, voice):
    ax = plots.plot_target_tone(seed_table, voice=voice)
    rows = _rows(seed_table, stage="tone", statistic="mean", voice=voice)
    rows = rows[(rows["subject"] != "") & np.isfinite(rows["value"])]
    assert sorted(x for x, _, _ in _dots(ax)) == pytest.approx(sorted(rows["value"]))
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == len(rows)
    assert {lab.split(" (n=")[0] for lab in labels} == set(rows["outlet"])
    actors = {t.get_text() for t in ax.texts}
    assert actors == {s.replace("_", " ") for s in rows["subject"]}


@pytest.mark.parametrize("formula", ["flesch_kincaid_grade", "gunning_fog"])
def test_readability_dots_are_the_mean_rows(seed_table, formula):
    measure = f"readability:mean:{formula}:"
    ax = plots.plot_readability(seed_table, measure=measure)
    rows = _rows(seed_table, stage="readability", statistic="mean", subject=formula)
    ticks = _ticks(ax)
    assert sorted((ticks[o], v) for o, v in zip(rows["outlet"], rows["value"], strict=True)) \
        == sorted((y, x) for x, y, _ in _dots(ax))
    assert ax.get_xlabel().startswith(formula.replace("_", " "))
    with pytest.warns(FutureWarning, match=f"'{formula}' is renamed '{measure}'"):
        old = plots.plot_readability(seed_table, measure=formula, ax=plt.figure().gca())
    assert _dots(old) == _dots(ax)


def test_known_groups_write_each_outlets_value_and_count(fakes_table):
    ax = plots.plot_known_groups(fakes_table, outlets=("sana", "etilaf"))
    texts = {t.get_text() for t in ax.texts}
    for label, measure in plots.known_group_measures().items():
        share = parse_measure(measure)["subject"]
        assert label in [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
        for outlet in ("sana", "etilaf"):
            rec = _rows(fakes_table, stage="terms", statistic="share", subject=share,
                        voice="all", outlet=outlet).iloc[0]
            assert (f"{outlet} {rec['value']:.2f} (n={rec['n_events']})" in texts
                    if np.isfinite(rec["value"]) else f"{outlet}: no mentions" in texts)


def test_known_groups_take_0x_measure_names_with_a_warning(fakes_table):
    new = plots.plot_known_groups(fakes_table, outlets=("sana", "etilaf"),
                                  measures={"q": "quotes:official_share::"})
    with pytest.warns(FutureWarning, match="'official_quote_share' is renamed"):
        old = plots.plot_known_groups(fakes_table, outlets=("sana", "etilaf"),
                                      measures={"q": "official_quote_share"},
                                      ax=plt.figure().gca())
    assert _dots(old) == _dots(new) and len(_dots(new)) == 2


def test_outlet_profiles_dot_each_outlets_value_of_each_measure(seed_table):
    fig = plots.plot_outlet_profiles(seed_table)
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == seed_table["outlet"].nunique()
    labels = list(plots.profile_measures())
    assert [t.get_text() for t in panels[0].get_yticklabels()] == labels
    for ax in panels:
        outlet = _outlet(ax.get_title(loc="left"))
        expected = []
        for y, label in enumerate(labels):
            rec = _rows(seed_table, outlet=outlet, **parse_measure(plots.profile_measures()[label]))
            if np.isfinite(rec["value"].iat[0]):
                expected.append((rec["value"].iat[0], y))
        np.testing.assert_allclose(sorted((x, y) for x, y, _ in _dots(ax)), sorted(expected))


def test_plots_choose_rows_by_their_part_columns_not_their_ids(seed_table):
    drawn = plots.plot_term_heatmap(seed_table).images[0].get_array()
    blind = plots.plot_term_heatmap(seed_table.assign(measure="?"), ax=plt.figure().gca())
    np.testing.assert_array_equal(blind.images[0].get_array(), drawn)


def test_plots_read_tables_whose_empty_parts_are_nan(seed_table):
    raw = pd.read_csv(DATA / "seed_outlet_scores.csv")
    assert raw["voice"].isna().any()
    assert _dots(plots.plot_target_tone(raw)) == _dots(
        plots.plot_target_tone(seed_table, ax=plt.figure().gca()))


def test_tables_without_part_columns_get_them_from_the_ids(seed_table):
    bare = seed_table.drop(columns=["stage", "statistic", "family", "subject", "voice"])
    ax = plots.plot_readability(bare)
    assert _dots(ax) == _dots(plots.plot_readability(seed_table, ax=plt.figure().gca()))


def test_tables_of_0x_measure_names_ask_for_a_new_score():
    old = pd.DataFrame([_row("sana", "quote_share_syria_gov", 0.5, 0.4, 0.6)])
    with pytest.raises(FramingError, match="framing 0.x"):
        plots.plot_quote_balance(old)


def test_corpus_overview_bars_are_each_outlets_words(seed_articles):
    from framing.report import corpus_summary

    summary = corpus_summary(seed_articles)
    ax = plots.plot_corpus_overview(summary)
    rows = summary.sort_values("outlet", ascending=False)
    assert [p.get_width() for p in ax.patches] == list(rows["words"])
    assert [t.get_text() for t in ax.get_yticklabels()] == list(rows["outlet"])
