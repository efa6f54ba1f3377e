"""Scores: counted mentions, construction shares and per-article / per-outlet agency measures."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing._errors import FramingError, missing_column
from framing.agency.events import AGENT_CONSTRUCTIONS, CONSTRUCTIONS
from framing.agency.find import EVENT_COLUMNS
from framing.measures import measure_id


def counted(events: pd.DataFrame) -> pd.DataFrame:
    """Mentions that report an event: not negated, not hypothetical, not embedded material."""
    keep = ~events["negated"].astype(bool) & ~events["hypothetical"].astype(bool)
    return events[keep & (events["voice"] != "embedded")]


def construction_shares(events: pd.DataFrame, articles: pd.DataFrame | None = None
                        ) -> pd.DataFrame:
    """Tidy counts of constructions per outlet and voice, for a stacked bar.

    Parameters
    ----------
    events : DataFrame
        From :func:`find_events`. Needs an ``outlet`` column, or ``articles`` to join it from.
    articles : DataFrame, optional
        Articles table giving each ``doc_id`` its ``outlet``.

    Returns
    -------
    DataFrame
        Columns ``outlet``, ``voice`` (``headline`` or ``body``), ``construction``, ``n``,
        ``share`` (of the outlet-voice total), counted mentions only, every construction
        listed (n = 0 included) so bars stack the same way.
    """
    ev = _with_outlet(events, articles, "construction_shares")
    ev = counted(ev).assign(voice=lambda d: d["voice"].where(d["voice"] == "headline", "body"))
    if ev.empty:
        return pd.DataFrame({"outlet": pd.Series(dtype=str), "voice": pd.Series(dtype=str),
                             "construction": pd.Series(dtype=str),
                             "n": pd.Series(dtype="int64"), "share": pd.Series(dtype=float)})
    counts = ev.groupby(["outlet", "voice", "construction"]).size()
    groups = counts.groupby(level=[0, 1]).sum()
    idx = pd.MultiIndex.from_tuples(
        [(o, v, c) for o, v in groups.index for c in CONSTRUCTIONS],
        names=["outlet", "voice", "construction"])
    counts = counts.reindex(idx, fill_value=0)
    out = counts.rename("n").reset_index()
    totals = out.groupby(["outlet", "voice"])["n"].transform("sum")
    out["share"] = out["n"] / totals
    out["n"] = out["n"].astype("int64")
    return out.sort_values(["outlet", "voice", "construction"], ignore_index=True)


def _with_outlet(events: pd.DataFrame, articles: pd.DataFrame | None, func: str) -> pd.DataFrame:
    if "outlet" in events.columns:
        return events
    if articles is None:
        raise FramingError(f"{func} needs the outlet of each event: pass articles=... or add an "
                           f"'outlet' column to events.")
    for col in ("doc_id", "outlet"):
        if col not in articles.columns:
            raise FramingError(missing_column(col, articles.columns))
    return events.merge(articles[["doc_id", "outlet"]], on="doc_id", how="left")


def score_agency(events: pd.DataFrame, articles: pd.DataFrame, *, text: str = "text"
                 ) -> pd.DataFrame:
    """Per-outlet agency measures in the long **outlet_scores** format.

    Only counted mentions (see :func:`counted`) enter. Measures, each a share of mentions
    that name the doer (construction ``active``, ``passive_agent`` or ``nominal_agent`` with a
    non-empty ``agent``: "a rocket killed three" names no doer), resampled by article for the
    interval:

    * ``agency:named_share::all``: all mentions;
    * ``agency:named_share::headline`` / ``agency:named_share::body``: by voice (body = every
      voice but the headline);
    * ``agency:share:<construction>:``: share of mentions in each construction;
    * ``agency:named_share:<side>:all``: for an actor side, how often it is named when it is
      the doer (see Notes).

    Notes
    -----
    A hidden mention has no doer to read, so within an article a hidden mention of the same
    event (same lemma) as named ones borrows their side when they all agree;
    ``agency:named_share:<side>:all`` is named / (named + borrowed hidden) over that side's
    mentions. Hidden mentions of an event never named in the article stay out.

    Parameters
    ----------
    events : DataFrame
        From :func:`find_events`.
    articles : DataFrame
        The articles the events came from (``doc_id``, ``outlet``, ``text``).
    text : str, default="text"
        Column holding the article text (for word counts).

    Returns
    -------
    DataFrame
        outlet_scores rows (``outlet``, ``measure``, ``value``, ``ci_low``, ``ci_high``,
        ``n_docs``, ``n_words``, ``n_events``, ``small_sample``).
    """
    from framing.stats import outlet_scores

    return outlet_scores(agency_stats(events, articles, text=text), fill=("agency",))


def agency_stats(events: pd.DataFrame, articles: pd.DataFrame, *,
                 text: str = "text") -> pd.DataFrame:
    """Per-article numerators and denominators of :func:`score_agency`' measures.

    Returns a :data:`framing.stats.ARTICLE_STAT_COLUMNS` table. The doer sides listed are
    those found in ``events``: another chunk of a corpus may list others, so
    :func:`framing.stats.outlet_scores` is given ``fill=("agency",)``.
    """
    from framing.stats import ArticleStats

    for col in ("doc_id", "outlet", text):
        if col not in articles.columns:
            raise FramingError(missing_column(col, articles.columns,
                                              "text" if col == text else None))
    missing = [c for c in EVENT_COLUMNS if c not in events.columns]
    if missing:
        raise FramingError(missing_column(missing[0], events.columns))
    ev = counted(events.merge(articles[["doc_id", "outlet"]], on="doc_id", how="left"))
    named = (ev["construction"].isin(AGENT_CONSTRUCTIONS) & (ev["agent"].fillna("") != "")
             ).to_numpy(bool)
    body = (ev["voice"] != "headline").to_numpy(bool)
    doer = _doer_sides(ev, named)
    sides = sorted(s for s in pd.Series(doer).dropna().unique() if s not in ("", "unknown"))
    # one column per (numerator, denominator) of a measure, one row per counted mention
    measures = [(measure_id("agency", "named_share", "", "all"), named, None),
                (measure_id("agency", "named_share", "", "headline"), named & ~body, ~body),
                (measure_id("agency", "named_share", "", "body"), named & body, body)]
    measures += [(measure_id("agency", "share", c), (ev["construction"] == c).to_numpy(bool),
                  None) for c in CONSTRUCTIONS]
    for side in sides:
        is_side = doer == side
        measures.append((measure_id("agency", "named_share", side, "all"), named & is_side,
                         is_side))
    columns = [np.ones(len(ev), dtype=bool)]  # column 0 counts mentions: the usual denominator
    pairs = []  # the numerator and denominator columns of each measure
    for _, num, den in measures:
        pairs.append((len(columns), 0 if den is None else len(columns) + 1))
        columns += [num] if den is None else [num, den]
    per_doc = _per_article(ev, articles, np.column_stack(columns).astype("int64"))
    out = ArticleStats(articles, text=text)
    pos = np.arange(len(articles))  # every article, in corpus order; outlet_scores groups them
    for (measure, _, _), (i, j) in zip(measures, pairs, strict=True):
        out.add(measure, pos, per_doc[:, i], per_doc[:, j], base="events")
    return out.frame()


def _per_article(ev: pd.DataFrame, articles: pd.DataFrame, values: np.ndarray) -> np.ndarray:
    """Sums of ``values`` (one row per mention of ``ev``) per row of ``articles``, by outlet
    and doc_id (every row of an article listed twice gets the sums of both)."""
    keys = ["outlet", "doc_id"]
    cols = [f"v{j}" for j in range(values.shape[1])]
    sums = (pd.DataFrame(values, columns=cols).assign(outlet=ev["outlet"].to_numpy(),
                                                       doc_id=ev["doc_id"].to_numpy())
            .groupby(keys, sort=False)[cols].sum())
    found = articles[keys].merge(sums, left_on=keys, right_index=True, how="left")
    return found[cols].fillna(0).to_numpy("int64")


def _doer_sides(ev: pd.DataFrame, named: np.ndarray) -> np.ndarray:
    """Side of each mention's doer: its own agent side, or one borrowed within the article
    (the one side named for the same event there, "" when none or several)."""
    side = ev["agent_side"]
    keys = ["doc_id", "verb"]
    known = ev.loc[named & ~side.isin(["", "unknown"]).to_numpy(bool) & side.notna().to_numpy(),
                   [*keys, "agent_side"]].dropna(subset=keys).drop_duplicates()
    single = known[~known.duplicated(keys, keep=False)]
    fill = ev[keys].merge(single, on=keys, how="left")["agent_side"].fillna("")
    return np.where(named, side.to_numpy(object), fill.to_numpy(object))


