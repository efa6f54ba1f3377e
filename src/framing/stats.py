"""Per-outlet statistics with honest uncertainty: rates, shares, bootstrap intervals.

Every measure ends up in the long **outlet_scores** table (one row per outlet and measure) with the
counts behind it, so a figure can show sample sizes and a reader can expand a number to its rows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping

import numpy as np
import pandas as pd

from framing.measures import MEASURE_PARTS, parse_measure

#: Columns of outlet_scores. ``measure`` is the id of the ``stage`` ... ``voice`` columns
#: (:func:`framing.measures.measure_id`); ``n_words`` is the outlet's own words, the same on
#: every row of an outlet; ``base`` names what the denominator counts (words, quotes, events...)
#: and ``n_base`` sums it; ``n_events`` counts what the value rests on (hits of a rate, the
#: denominator of a share).
OUTLET_SCORE_COLUMNS = [
    "outlet", "measure", "stage", "statistic", "family", "subject", "voice",
    "value", "ci_low", "ci_high", "n_docs", "n_words", "n_events", "base", "n_base",
    "small_sample",
]
#: Columns of a per-article statistics table (:class:`ArticleStats`): one row per article
#: and measure (and ``part``, the category of an entropy), in article order.
ARTICLE_STAT_COLUMNS = [
    "doc_id", "outlet", "measure", "base", "scale", "part", "numerator", "denominator",
    "events", "n_words",
]

#: Fewer articles than this in an outlet marks its rows ``small_sample``.
MIN_DOCS = 5
#: Fewer counted events (the denominator of a share) than this also marks a row small.
MIN_EVENTS = 10
N_BOOT = 2000
SEED = 20170618  # the day of the SU-22 shoot-down; any fixed value would do


def rate_per_1000(count: float, n_words: float) -> float:
    """Return ``count`` per 1,000 words, or NaN when there are no words."""
    return float(count) * 1000.0 / n_words if n_words else float("nan")


def bootstrap_ci(
    numerators: Iterable[float],
    denominators: Iterable[float] | None = None,
    *,
    scale: float = 1.0,
    n_boot: int = N_BOOT,
    level: float = 0.95,
    seed: int = SEED,
) -> tuple[float, float, float]:
    """Estimate a ratio of sums and its percentile bootstrap interval, resampling documents.

    Parameters
    ----------
    numerators : iterable of float
        Per-document counts (e.g. hits of "regime" in each article).
    denominators : iterable of float, optional
        Per-document totals (words, or hits of the whole family). Without them the statistic
        is the mean of ``numerators``.
    scale : float, default=1.0
        Multiplier of the ratio (1000 for a rate per 1,000 words).
    n_boot : int, default=2000
        Number of bootstrap resamples of documents.
    level : float, default=0.95
        Coverage of the interval.
    seed : int
        Seed of the random generator, so intervals are reproducible.

    Returns
    -------
    (value, ci_low, ci_high) : tuple of float
        NaN where the statistic is undefined (no documents, a zero denominator).

    Examples
    --------
    >>> value, low, high = bootstrap_ci([2, 0, 1], [100, 50, 50], scale=1000)
    >>> round(value, 1)
    15.0
    """
    num = np.asarray(list(numerators), dtype=float)
    den = None if denominators is None else np.asarray(list(denominators), float)
    return ratio_cis([(num, den, scale)], n_boot=n_boot, level=level, seed=seed)[0]


def ratio_cis(
    items: list[tuple[np.ndarray, np.ndarray | None, float]],
    *,
    n_boot: int = N_BOOT,
    level: float = 0.95,
    seed: int = SEED,
) -> list[tuple[float, float, float]]:
    """:func:`bootstrap_ci` of many ratios over the same documents, sharing the draws.

    ``items`` are ``(numerators, denominators or None, scale)`` with one value per document,
    in the same document order for every item; the result is what :func:`bootstrap_ci` gives
    for each, bit for bit, computed with one pass over the bootstrap draws.
    """
    out: list[tuple[float, float, float] | None] = [None] * len(items)
    columns: list[np.ndarray] = []
    todo = []
    for k, (num, den, scale) in enumerate(items):
        den = np.ones_like(num) if den is None else den
        if num.size == 0 or den.sum() == 0:
            out[k] = (float("nan"), float("nan"), float("nan"))
            continue
        value = scale * num.sum() / den.sum()
        if num.size == 1:
            out[k] = (value, float("nan"), float("nan"))
        elif 0.0 < scale < np.inf and (den > 0).all() and not num.any() \
                and not np.signbit(num).any():
            out[k] = (float(value), 0.0, 0.0)  # every resample's ratio is exactly 0.0
        else:
            todo.append((k, value, scale))
            columns += [num, den]
    if todo:
        sums = boot_sums(columns, n_boot=n_boot, seed=seed)
        alpha = (1.0 - level) / 2.0
        scales = np.array([t[2] for t in todo])
        with np.errstate(invalid="ignore", divide="ignore"):
            boot = scales * sums[:, 0::2] / sums[:, 1::2]
        finite = np.isfinite(boot)
        whole = finite.all(axis=0)
        bounds = np.full((2, len(todo)), np.nan)
        if whole.any():  # the same numbers as column by column, in one call
            bounds[:, whole] = np.quantile(boot[:, whole], [alpha, 1.0 - alpha], axis=0)
        for j in np.flatnonzero(~whole):
            kept = boot[finite[:, j], j]
            if kept.size:
                bounds[:, j] = np.quantile(kept, [alpha, 1.0 - alpha])
        for j, (k, value, _) in enumerate(todo):
            out[k] = (float(value), float(bounds[0, j]), float(bounds[1, j]))
    return out  # type: ignore[return-value]


#: Cells (draws x documents) of one block of bootstrap draws held at a time (~8 MB an array).
_BLOCK_CELLS = 1_000_000
#: Draws of up to this many cells are made at once and kept for the next measures of an outlet.
_REUSE_CELLS = 4_000_000
#: Columns summed by one matrix product.
_BLOCK_COLUMNS = 256


def boot_sums(columns: list[np.ndarray], *, n_boot: int = N_BOOT, seed: int = SEED) -> np.ndarray:
    """Bootstrap sums of per-document columns: an ``(n_boot, len(columns))`` array.

    Draw ``b`` resamples the documents with replacement (``idx``, drawn from
    ``numpy.random.default_rng(seed).integers(0, n, (n_boot, n))``), and entry ``[b, j]`` is
    ``columns[j][idx[b]].sum()``. The draws are made in blocks of the same stream, so memory
    stays bounded whatever the number of documents. For integer-valued columns (counts, words)
    every partial sum is exact, so a product with the matrix of how often each document was
    drawn gives the same numbers, for many columns at once; other columns are summed as drawn.
    """
    distinct, where = _distinct(columns)  # many measures share a denominator (words, quotes)
    sums = _boot_sums(distinct, n_boot, seed)
    return sums if len(distinct) == len(columns) else sums[:, where]


def _boot_sums(columns: list[np.ndarray], n_boot: int, seed: int) -> np.ndarray:
    n = len(columns[0])
    out = np.empty((n_boot, len(columns)))
    exact = [j for j, c in enumerate(columns)
             if c.size and np.abs(c).max() * n < 2.0**53 and (c == np.round(c)).all()]
    inexact = sorted(set(range(len(columns))) - set(exact))
    block = n_boot if n * n_boot <= _REUSE_CELLS else max(1, min(n_boot, _BLOCK_CELLS // n))
    for b0, idx, times in _draws(n, n_boot, seed, block):
        b = len(idx)
        if exact:
            for c0 in range(0, len(exact), _BLOCK_COLUMNS):
                cols = exact[c0:c0 + _BLOCK_COLUMNS]
                out[b0:b0 + b, cols] = times @ np.column_stack([columns[j] for j in cols])
        for j in inexact:
            out[b0:b0 + b, j] = columns[j][idx].sum(axis=1)
    return out


def _distinct(columns: list[np.ndarray]) -> tuple[list[np.ndarray], list[int]]:
    """The distinct columns, and for each column the index of its equal among them."""
    distinct: list[np.ndarray] = []
    seen: dict[int, list[int]] = {}
    where = []
    for c in columns:
        same = seen.setdefault(hash(c.tobytes()), [])
        j = next((k for k in same if np.array_equal(distinct[k], c)), None)
        if j is None:
            j = len(distinct)
            distinct.append(c)
            same.append(j)
        where.append(j)
    return distinct, where


def _draws(n: int, n_boot: int, seed: int, block: int) -> Iterator[tuple]:
    """Blocks ``(first draw, idx, times)`` of the bootstrap draws; one block is kept for reuse
    (an outlet's measures are scored one after another with the same documents)."""
    key = (n, n_boot, seed)
    if block == n_boot and key in _DRAWS:
        _DRAWS.move_to_end(key)
        yield 0, *_DRAWS[key]
        return
    rng = np.random.default_rng(seed)
    for b0 in range(0, n_boot, block):
        b = min(block, n_boot - b0)
        idx = rng.integers(0, n, size=(b, n))
        flat = (idx + (np.arange(b) * n)[:, None]).ravel()
        times = np.bincount(flat, minlength=b * n).reshape(b, n).astype(float)
        if block == n_boot:
            idx.setflags(write=False)
            times.setflags(write=False)
            _DRAWS[key] = (idx, times)
            while len(_DRAWS) > 1 and sum(k[0] * k[1] for k in _DRAWS) > _REUSE_CELLS:
                _DRAWS.popitem(last=False)
        yield b0, idx, times


_DRAWS: OrderedDict[tuple[int, int, int], tuple[np.ndarray, np.ndarray]] = OrderedDict()


def entropy_row(outlet: str, measure: str, counts: np.ndarray, *, n_words: int,
                seed: int = SEED) -> dict:
    """Normalised entropy of category counts pooled over documents, with a document bootstrap.

    Parameters
    ----------
    counts : array of shape (n_docs, n_categories)
        Events per document and category (e.g. quotes per article and speaker side).
        Entropy is divided by log(n_categories), so 1 means evenly spread, 0 one category.
    """
    counts = np.asarray(counts, dtype=float)
    k = counts.shape[1] if counts.ndim == 2 else 0

    def entropy(table: np.ndarray) -> np.ndarray:
        total = table.sum(axis=-1, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            p = table / total
            h = -np.where(p > 0, p * np.log(p), 0.0).sum(axis=-1)
        return np.where(total[..., 0] > 0, h / np.log(k) if k > 1 else np.nan, np.nan)

    n_docs = counts.shape[0]
    value = float(entropy(counts.sum(axis=0))) if n_docs and k else float("nan")
    low = high = float("nan")
    if n_docs > 1 and k:
        boot = entropy(boot_sums(list(counts.T), n_boot=N_BOOT, seed=seed))
        boot = boot[np.isfinite(boot)]
        if boot.size:
            low, high = (float(x) for x in np.quantile(boot, [0.025, 0.975]))
    n_events = int(counts.sum())
    return {"outlet": outlet, "measure": measure, "value": value, "ci_low": low,
            "ci_high": high, "n_docs": n_docs, "n_words": int(n_words), "n_events": n_events,
            "small_sample": bool(n_docs < MIN_DOCS or n_events < MIN_EVENTS)}


def score_row(
    outlet: str,
    measure: str,
    numerators: Iterable[float],
    denominators: Iterable[float] | None,
    *,
    n_words: int,
    n_events: int | None = None,
    scale: float = 1.0,
    seed: int = SEED,
) -> dict:
    """Build one outlet_scores row (the statistic, its interval and the sample sizes) from
    one outlet's per-article numerators and denominators: ``value`` through ``small_sample``
    of :data:`OUTLET_SCORE_COLUMNS`, with ``outlet`` and ``measure``."""
    num = np.asarray(list(numerators), dtype=float)
    den = None if denominators is None else np.asarray(list(denominators), dtype=float)
    return score_rows([{"outlet": outlet, "measure": measure, "numerators": num,
                        "denominators": den, "n_words": n_words, "n_events": n_events,
                        "scale": scale, "seed": seed}])[0]


def score_rows(requests: list[Mapping]) -> list[dict]:
    """:func:`score_row` for many rows at once (its arguments as mappings, arrays given).

    Rows over the same documents (an outlet's measures: same length and seed) share one
    pass over the bootstrap draws (:func:`ratio_cis`), which is what makes merging the
    statistics of a large corpus fast.
    """
    groups: dict[tuple[int, int], list[int]] = {}
    for k, req in enumerate(requests):
        groups.setdefault((len(req["numerators"]), req.get("seed", SEED)), []).append(k)
    cis: list = [None] * len(requests)
    for (_, seed), members in groups.items():
        items = [(requests[k]["numerators"], requests[k]["denominators"],
                  requests[k].get("scale", 1.0)) for k in members]
        for k, ci in zip(members, ratio_cis(items, seed=seed), strict=True):
            cis[k] = ci
    rows = []
    for req, (value, low, high) in zip(requests, cis, strict=True):
        num, den, scale = req["numerators"], req["denominators"], req.get("scale", 1.0)
        n_events = req.get("n_events")
        n_docs = len(num)
        n_ev = int(round(sum((den if den is not None and scale == 1.0 else num).tolist()))) \
            if n_events is None else int(n_events)
        rows.append({
            "outlet": req["outlet"],
            "measure": req["measure"],
            "value": value,
            "ci_low": low,
            "ci_high": high,
            "n_docs": n_docs,
            "n_words": int(req["n_words"]),
            "n_events": n_ev,
            "small_sample": bool(n_docs < MIN_DOCS or n_ev < MIN_EVENTS),
        })
    return rows


def outlet_scores_frame(rows: Iterable[Mapping]) -> pd.DataFrame:
    """Assemble rows into an outlet_scores DataFrame with the documented columns and order.

    The ``stage`` ... ``voice`` columns come from each row's measure id; ``base`` and
    ``n_base`` are '' and 0 when a row lacks them.
    """
    frame = pd.DataFrame(list(rows))
    if "measure" not in frame.columns:
        frame = pd.DataFrame(columns=OUTLET_SCORE_COLUMNS)
    parts = {m: parse_measure(m) for m in pd.unique(frame["measure"])}
    for name in MEASURE_PARTS:
        frame[name] = [parts[m][name] for m in frame["measure"]]
    if "base" not in frame.columns:
        frame["base"] = ""
    if "n_base" not in frame.columns:
        frame["n_base"] = 0.0
    frame = frame[OUTLET_SCORE_COLUMNS]
    return frame.astype(
        {"n_docs": "int64", "n_words": "int64", "n_events": "int64", "small_sample": "bool",
         "n_base": "float64", "value": "float64", "ci_low": "float64", "ci_high": "float64"}
        | {c: "object" for c in ("outlet", "measure", "base", *MEASURE_PARTS)}
    ).sort_values(["measure", "outlet"], ignore_index=True)


class ArticleStats:
    """Collects one stage's per-article numerators and denominators for a set of articles.

    A stage's ``<stage>_stats`` adds, for each measure, one value per article of every outlet
    (:meth:`add`, articles in corpus order); :meth:`frame` gives the tidy table
    (:data:`ARTICLE_STAT_COLUMNS`) that :func:`outlet_scores` groups by outlet and measure
    into per-outlet values. Tables of several chunks of a corpus concatenate (in corpus
    order) into the table of the whole corpus.

    Parameters
    ----------
    articles : DataFrame
        The articles scored (``doc_id``, the outlet and text columns, optional ``embeds``).
    outlet, text : str
        Columns naming the outlet and holding the text.
    """

    def __init__(self, articles: pd.DataFrame, *, outlet: str = "outlet",
                 text: str = "text") -> None:
        from framing.text import article_words

        self.doc_ids = articles["doc_id"].astype(str).to_numpy(object)
        self.outlets = articles[outlet].astype(str).to_numpy(object)
        self.words = article_words(articles, text)
        self._pieces: list[tuple] = []  # (measure, base, scale, pos, part, num, den, events)

    def add(self, measure: str, positions: np.ndarray, numerators, denominators=None, *,
            base: str, scale: float = 1.0, events=None, parts: Iterable[str] | None = None
            ) -> None:
        """Add one measure's numbers for the articles at ``positions`` (rows of ``articles``).

        ``denominators`` None: the statistic is the mean of ``numerators``. ``events``: what
        each article adds to ``n_events`` (default the denominators of a share, else the
        numerators). ``parts``: category names of an entropy, whose ``numerators`` is an
        ``(n_articles, n_parts)`` array of counts.
        """
        positions = np.asarray(positions, dtype=np.int64)
        num = np.asarray(numerators, dtype=float)
        n = len(positions)
        if parts is not None:
            parts = list(parts)
            k = len(parts)
            num = num.reshape(n, k).ravel()
            self._pieces.append((measure, base, float(scale), np.repeat(positions, k),
                                 np.tile(np.array(parts, object), n), num,
                                 np.full(n * k, np.nan), num))
            return
        den = np.full(n, np.nan) if denominators is None \
            else np.asarray(denominators, dtype=float)
        if events is None:
            events = den if denominators is not None and scale == 1.0 else num
        self._pieces.append((measure, base, float(scale), positions, None,
                             *(np.broadcast_to(np.asarray(x, dtype=float), (n,))
                               for x in (num, den, events))))

    def frame(self) -> pd.DataFrame:
        """The per-article statistics table (:data:`ARTICLE_STAT_COLUMNS`)."""
        if not self._pieces:
            return empty_article_stats()
        measures, bases, scales, pos, parts, num, den, events = zip(*self._pieces, strict=True)
        sizes = [len(p) for p in pos]
        pos = np.concatenate(pos)
        return pd.DataFrame({
            "doc_id": self.doc_ids[pos], "outlet": self.outlets[pos],
            "measure": np.repeat(np.array(measures, object), sizes),
            "base": np.repeat(np.array(bases, object), sizes),
            "scale": np.repeat(np.array(scales, float), sizes),
            "part": np.concatenate([np.full(n, "", object) if p is None else p
                                    for p, n in zip(parts, sizes, strict=True)]),
            "numerator": np.concatenate(num), "denominator": np.concatenate(den),
            "events": np.concatenate(events), "n_words": self.words[pos]})


def empty_article_stats() -> pd.DataFrame:
    """A per-article statistics table without rows."""
    return pd.DataFrame({c: pd.Series(dtype=float if c in ("scale", "numerator", "denominator",
                                                             "events") else object)
                         for c in ARTICLE_STAT_COLUMNS}).astype({"n_words": "int64"})


def outlet_scores(article_stats: pd.DataFrame, *, fill: Iterable[str] = (),
                  seed: int = SEED) -> pd.DataFrame:
    """Per-outlet values with bootstrap intervals from a per-article statistics table.

    For each outlet and measure the value is ``scale * sum(numerator) / sum(denominator)``
    over its articles (the mean of ``numerator`` when there are no denominators; the
    normalised entropy of the summed ``part`` counts for an ``entropy`` statistic), with a
    percentile bootstrap interval that resamples the articles (:func:`ratio_cis`).

    Parameters
    ----------
    article_stats : DataFrame
        :data:`ARTICLE_STAT_COLUMNS` rows, from one stage or several, for the whole corpus or
        concatenated chunks in corpus order; name columns may be categorical. A Dask user
        groups by ``outlet`` and applies this function to each group: an outlet's rows are
        all it needs.
    fill : iterable of str
        Stages whose measures count as zero (numerator and denominator) for an article of the
        outlet that the stage lists under other measures but not under this one (their list
        of measures depends on what a chunk holds).
    seed : int
        Seed of the bootstrap.

    Returns
    -------
    DataFrame
        outlet_scores (:data:`OUTLET_SCORE_COLUMNS`); ``n_words`` is the outlet's own words
        (each article counted once).
    """
    missing = [c for c in ARTICLE_STAT_COLUMNS if c not in article_stats.columns]
    if missing:
        from framing._errors import FramingError, missing_column

        raise FramingError(missing_column(missing[0], article_stats.columns))
    table = article_stats.reset_index(drop=True)
    if table.empty:
        return outlet_scores_frame([])
    fill = set(fill)
    outlets, docs, parts_all = (_strings(table[c]) for c in ("outlet", "doc_id", "part"))
    measures = _strings(table["measure"], convert=False)
    meta = {m: parse_measure(m) for m in pd.unique(measures)}
    first = dict(zip(*np.unique(measures.astype(str), return_index=True), strict=True))
    words = (pd.DataFrame({"o": outlets, "d": docs, "w": table["n_words"].to_numpy()})
             .drop_duplicates(["o", "d"]).groupby("o")["w"].sum())
    bases, scales = _strings(table["base"], convert=False), table["scale"].to_numpy(float)
    num_all = table["numerator"].to_numpy(float)
    den_all = table["denominator"].to_numpy(float)
    ev_all = table["events"].to_numpy(float)
    groups = pd.DataFrame({"o": outlets, "m": measures}).groupby(["o", "m"], sort=True).indices
    stage_docs: dict[tuple[str, str], pd.Index] = {}
    if fill:  # each fill stage's articles per outlet, in order of first appearance
        stage_of = np.array([meta[m]["stage"] for m in measures], object)
        for (o, st), pos in pd.DataFrame({"o": outlets, "s": stage_of}).groupby(
                ["o", "s"], sort=False).indices.items():
            if st in fill:
                stage_docs[(o, st)] = pd.Index(pd.unique(docs[pos]))
    stage_measures: dict[str, set[str]] = {}
    for m, info in meta.items():
        stage_measures.setdefault(info["stage"], set()).add(m)
    outlet_measures: dict[str, set[str]] = {}
    for o, m in groups:
        outlet_measures.setdefault(o, set()).add(m)
    rows: list[dict] = []
    for outlet in sorted(set(outlets)):
        requests, extras = [], []
        n_words = int(words.get(outlet, 0))
        listed = set(outlet_measures.get(outlet, ()))
        for st in fill:  # every measure of a fill stage, for every outlet it lists
            if (outlet, st) in stage_docs:
                listed |= stage_measures[st]
        for measure in sorted(listed):
            pos = groups.get((outlet, measure), np.zeros(0, np.int64))
            info = meta[measure]
            i0 = first[measure]
            base, scale = bases[i0], float(scales[i0])
            if info["statistic"] == "entropy":
                doc_index = pd.Index(pd.unique(docs[pos]))
                part_index = pd.Index(pd.unique(parts_all[pos]))
                counts = np.zeros((len(doc_index), len(part_index)))
                np.add.at(counts, (doc_index.get_indexer(docs[pos]),
                                   part_index.get_indexer(parts_all[pos])), num_all[pos])
                row = entropy_row(outlet, measure, counts, n_words=n_words, seed=seed)
                row.update(base=base, n_base=float(counts.sum()))
                rows.append(row)
                continue
            num, den, ev = num_all[pos], den_all[pos], ev_all[pos]
            key = (outlet, info["stage"])
            if key in stage_docs and len(stage_docs[key]) != len(pos):
                where = stage_docs[key].get_indexer(docs[pos])
                num, den, ev = (_spread(x, where, len(stage_docs[key])) for x in (num, den, ev))
            no_den = bool(np.isnan(den).all())
            requests.append({"outlet": outlet, "measure": measure, "numerators": num,
                             "denominators": None if no_den else np.nan_to_num(den),
                             "n_words": n_words, "n_events": int(round(float(ev.sum()))),
                             "scale": scale, "seed": seed})
            extras.append({"base": base,
                           "n_base": float(len(num) if no_den else np.nansum(den))})
        for row, extra in zip(score_rows(requests), extras, strict=True):
            row.update(extra)
            rows.append(row)
    return outlet_scores_frame(rows)


def _strings(column: pd.Series, *, convert: bool = True) -> np.ndarray:
    """A column as an object array (of str if ``convert``), a categorical's via its categories."""
    if isinstance(column.dtype, pd.CategoricalDtype) and not column.isna().any():
        cats = column.cat.categories
        cats = (cats.astype(str) if convert else cats).to_numpy(object)
        return cats[column.cat.codes.to_numpy()]
    return (column.astype(str) if convert else column).to_numpy(object)


def _spread(values: np.ndarray, where: np.ndarray, n: int) -> np.ndarray:
    out = np.zeros(n)
    out[where] = values
    return out


def log_odds_dirichlet(
    counts_a: Mapping[str, float] | pd.Series,
    counts_b: Mapping[str, float] | pd.Series,
    *,
    prior: float | Mapping[str, float] | pd.Series | str = 0.01,
    prior_scale: float = 1.0,
) -> pd.DataFrame:
    """Compare word use of two groups: log-odds ratio with a Dirichlet prior ("Fightin' Words").

    For each word w with counts y_a, y_b (totals n_a, n_b) and prior alpha_w (total alpha_0):
    delta_w = log[(y_a + alpha_w) / (n_a + alpha_0 - y_a - alpha_w)]
    - log[(y_b + alpha_w) / (n_b + alpha_0 - y_b - alpha_w)],
    var(delta_w) ~ 1 / (y_a + alpha_w) + 1 / (y_b + alpha_w), z_w = delta_w / sqrt(var).
    Positive z: more typical of group a.

    Parameters
    ----------
    counts_a, counts_b : mapping or Series of word -> count
        Word counts of the two groups (the vocabulary is their union).
    prior : float, mapping/Series or 'pooled', default=0.01
        A float is a uniform alpha_w; a mapping gives alpha_w per word (an informative prior,
        e.g. counts from a background corpus; words it lacks get 0.01); ``'pooled'`` uses the
        two groups' summed counts as the informative prior.
    prior_scale : float, default=1.0
        Multiplies an informative prior (shrinks or strengthens it).

    Returns
    -------
    DataFrame
        Columns ``word, count_a, count_b, prior, delta, var, z``, sorted by z descending.

    References
    ----------
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical feature
    selection and evaluation for identifying the content of political conflict. Political
    Analysis, 16(4), 372-403, equations 16, 18-22.

    Examples
    --------
    >>> res = log_odds_dirichlet({"regime": 30, "the": 500}, {"regime": 1, "the": 480})
    >>> res["word"].iloc[0]
    'regime'
    """
    a = pd.Series(counts_a, dtype=float)
    b = pd.Series(counts_b, dtype=float)
    vocab = a.index.union(b.index)
    ya = a.reindex(vocab, fill_value=0.0).to_numpy()
    yb = b.reindex(vocab, fill_value=0.0).to_numpy()
    if (ya < 0).any() or (yb < 0).any() or not np.isfinite(np.r_[ya, yb]).all():
        raise ValueError("log_odds_dirichlet: counts must be finite and non-negative.")
    if isinstance(prior, str):
        if prior != "pooled":
            raise ValueError(
                f"The 'prior' parameter of log_odds_dirichlet must be a float, a mapping of "
                f"word -> alpha or 'pooled'. Got {prior!r} instead."
            )
        alpha = prior_scale * (ya + yb)
    elif isinstance(prior, (int, float)):
        alpha = np.full(len(vocab), float(prior))
    else:
        alpha = prior_scale * pd.Series(prior, dtype=float).reindex(vocab).fillna(0.01).to_numpy()
    if (alpha <= 0).any():
        alpha = np.where(alpha <= 0, 0.01, alpha)  # a zero prior leaves unseen words undefined
    a0, na, nb = alpha.sum(), ya.sum(), yb.sum()
    delta = (np.log((ya + alpha) / (na + a0 - ya - alpha))
             - np.log((yb + alpha) / (nb + a0 - yb - alpha)))
    var = 1.0 / (ya + alpha) + 1.0 / (yb + alpha)
    frame = pd.DataFrame({"word": vocab.astype(str), "count_a": ya, "count_b": yb,
                          "prior": alpha, "delta": delta, "var": var,
                          "z": delta / np.sqrt(var)})
    return frame.sort_values(["z", "word"], ascending=[False, True], ignore_index=True)
