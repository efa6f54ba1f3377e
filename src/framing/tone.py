"""Tone: VADER sentiment per sentence and article, toward each actor, by voice; loaded
attribution verbs and hedging.

Sentiment is VADER (Hutto & Gilbert 2014) as implemented in the authors' own package,
``vaderSentiment`` 3.3.2. It is the reference implementation, it runs about 2.5 times as fast as
the port in nltk 3.10 (2.1 vs 0.82 MB/s per core), and that port differs from it on about 2.3% of
sentences. nltk's port also refuses a lexicon file outside NLTK's data paths, while
``vaderSentiment`` ships its lexicon inside the package, so it works offline.

How far to trust it: on 5,190 New York Times editorial sentences rated by 20 people each
(Hutto & Gilbert's own test set), VADER correlates r = 0.50 with the mean human rating; single
humans reach r = 0.745. Differences of a few hundredths in mean compound score between outlets
are within that noise; read them with their bootstrap intervals.

VADER scores sentences, so an article's tone is the mean of its sentences' scores
(:func:`article_tone`), not one score of the whole text.

References
----------
Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment
Analysis of Social Media Text. ICWSM-14.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from framing import stats
from framing._compat import callable_module, renamed
from framing._errors import FramingError, bad_entry, missing_column
from framing.actors import find_actors, load_actors
from framing.corpus import embed_spans
from framing.lexicon_io import check_keys, read_yaml
from framing.measures import measure_id
from framing.quotes import voice_spans
from framing.text import sentence_index, sentence_spans

TONE_COLUMNS = ["doc_id", "sent_id", "compound", "pos", "neu", "neg", "voice", "targets"]
HEDGE_COLUMNS = ["doc_id", "sent_id", "start", "end", "family", "term", "match"]
#: Voices whose words are the outlet's own, and voices of people it quotes.
VOICE_GROUPS: dict[str, tuple[str, ...]] = {
    "narrator": ("narrator", "headline", "interviewer"),
    "quoted": ("quote", "interviewee"),
}


def target_groups() -> dict[str, tuple[str, ...]]:
    """Actors whose treatment :func:`target_tone` compares: a name and the sides it covers,
    from the ``targets`` of the topic's actor lexicon (``framing.topic``)."""
    return {name: tuple(sides) for name, sides in load_actors().targets.items()}


def __getattr__(name: str):
    if name == "TARGET_GROUPS":  # a constant before topics; the topic's targets now
        import warnings

        warnings.warn("tone.TARGET_GROUPS is renamed tone.target_groups()", FutureWarning,
                      stacklevel=2)
        return target_groups()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.lru_cache(maxsize=1)
def _analyzer():
    """vaderSentiment's analyser, with shortcuts that leave every score unchanged.

    ``polarity_scores`` first replaces emoji with their descriptions in a character-by-character
    Python loop (15% of its time on news): text without emoji skips that loop, which would copy
    it unchanged. Words outside the lexicon get valence 0 without a call, as in the package. The
    negation and idiom checks lower-case the whole sentence at every sentiment word, though they
    read at most three words either side: they get that window, re-indexed, and the negation
    check is skipped when no word of its window could change the valence. Every other step is
    the package's own, in its order (vaderSentiment 3.3.2); ``tests/test_tone.py`` checks that
    scores are equal on corpus sentences, the NYT test set and random text.
    """
    from vaderSentiment.vaderSentiment import (
        BOOSTER_DICT,
        NEGATE,
        SentimentIntensityAnalyzer,
        SentiText,
    )

    triggers = frozenset(NEGATE) | {"so", "this"}

    class _Vader(SentimentIntensityAnalyzer):
        def __init__(self) -> None:
            super().__init__()
            self.emoji_chars = frozenset(self.emojis)

        @staticmethod
        def _negation_check(valence, words, start_i, i):
            lo = max(0, i - 3)  # reads words i-3 .. i-1 only
            window = words[lo:i]
            low = [str(w).lower() for w in window]
            if triggers.isdisjoint(low) and "n't" not in " ".join(low):
                return valence  # no negation, "never so", "without doubt" or "so"/"this"
            return SentimentIntensityAnalyzer._negation_check(valence, window, start_i, i - lo)

        @staticmethod
        def _special_idioms_check(valence, words, i):
            if i < 3:  # never called so early; kept exact for negative indices all the same
                return SentimentIntensityAnalyzer._special_idioms_check(valence, words, i)
            return SentimentIntensityAnalyzer._special_idioms_check(valence, words[i - 3:i + 3], 3)

        def polarity_scores(self, text: str) -> dict[str, float]:
            if not self.emoji_chars.isdisjoint(text):
                return super().polarity_scores(text)
            text = text.strip()
            sentitext = SentiText(text)
            words = sentitext.words_and_emoticons
            lexicon = self.lexicon
            lowered = [w.lower() for w in words]
            if not any(w in lexicon for w in lowered):
                return self.score_valence([0] * len(words), text)
            sentiments: list[float] = []
            for i, item in enumerate(words):
                if lowered[i] not in lexicon or lowered[i] in BOOSTER_DICT or (
                        i < len(words) - 1 and lowered[i] == "kind" and lowered[i + 1] == "of"):
                    sentiments.append(0)
                    continue
                sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
            sentiments = self._but_check(words, sentiments)
            return self.score_valence(sentiments, text)

    return _Vader()


def sentence_tone(sentence: str) -> dict[str, float]:
    """Score one sentence with VADER.

    Returns
    -------
    dict
        ``compound`` (-1 to 1) and the shares ``pos``, ``neu``, ``neg``, exactly as
        ``vaderSentiment``'s ``polarity_scores``.

    Examples
    --------
    >>> sentence_tone("We feel great joy.")["compound"]
    0.836
    """
    if not isinstance(sentence, str):
        raise FramingError(
            f"The 'sentence' parameter of sentence_tone must be a str. "
            f"Got {type(sentence).__name__}."
        )
    return _analyzer().polarity_scores(sentence)


def _sentence_voices(spans: Sequence[tuple[int, int]], regions: list[tuple[int, int, str]],
                     embeds: list[tuple[int, int]]) -> list[str]:
    """Voice of each sentence: embedded if half of it is embedded, else the voice of most of its
    characters (a tie goes to the quoted voice: "A: No." is the interviewee's)."""
    voices = []
    starts = [r[0] for r in regions]
    for a, b in spans:
        length = b - a
        if sum(max(0, min(b, e) - max(a, s)) for s, e in embeds) * 2 >= length:
            voices.append("embedded")
            continue
        share: dict[str, int] = {}
        j = max(bisect_right(starts, a) - 1, 0)
        while j < len(regions) and regions[j][0] < b:
            s, e, voice = regions[j]
            overlap = min(b, e) - max(a, s)
            if overlap > 0:
                share[voice] = share.get(voice, 0) + overlap
            j += 1
        narrator = length - sum(share.values())
        best = max(share.items(), key=lambda kv: kv[1], default=("narrator", 0))
        voices.append(best[0] if best[1] and best[1] >= narrator else "narrator")
    return voices


def _sentence_targets(text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    found: list[set[str]] = [set() for _ in spans]
    if spans:
        wanted = {s for sides in target_groups().values() for s in sides}
        for actor in find_actors(text):
            if actor["side"] in wanted:
                i = sentence_index(spans, actor["start"])
                if spans[i][0] <= actor["start"] < spans[i][1]:
                    found[i].add(actor["side"])
    return [";".join(sorted(s)) for s in found]


def _require(frame: pd.DataFrame, col: str, param: str) -> None:
    if col not in frame.columns:
        raise FramingError(missing_column(col, frame.columns, param))


def tone_in_text(text: str, title: str = "", *, voices: bool = True,
                 embeds: object = None) -> list[dict]:
    """Score every sentence of one text: the rows :func:`find_tone` gives for it.

    Returns a list of dicts with ``sent_id, compound, pos, neu, neg, voice, targets`` (see
    :func:`find_tone`); ``embeds`` is the article's ``embeds`` cell, if any.
    """
    return [dict(zip(TONE_COLUMNS[1:], row, strict=True))
            for row in _text_rows(text, title, voices, embeds)]


def _text_rows(body: str, head: str, voices: bool, embeds: object):
    spans = sentence_spans(body)
    if voices:
        regions = [(s, e, v) for s, e, v, _ in voice_spans(body, head or "", speakers=False)]
    elif head and body.startswith(head):
        regions = [(0, len(head), "headline")]
    else:
        regions = []
    sent_voices = _sentence_voices(spans, regions, sorted(embed_spans({"embeds": embeds})))
    targets = _sentence_targets(body, spans)
    score = _analyzer().polarity_scores
    for i, (a, b) in enumerate(spans):
        scores = score(body[a:b])
        yield (i, scores["compound"], scores["pos"], scores["neu"], scores["neg"],
               sent_voices[i], targets[i])


def find_tone(articles: pd.DataFrame, *, text: str = "text", doc_id: str = "doc_id",
              title: str = "title", voices: bool = True) -> pd.DataFrame:
    """Score every sentence of every article: the **tone** table.

    Parameters
    ----------
    articles : DataFrame
        An articles table.
    text, doc_id, title : str
        Columns holding the text, the article id and the title (optional column).
    voices : bool, default=True
        Tell each sentence's voice with :func:`framing.quotes.voice_spans` (headline, quote,
        interviewer, interviewee, else narrator). ``False`` skips that analysis, which costs more
        than the sentiment itself: sentences are then ``headline``, ``embedded`` or
        ``narrator``.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, compound, pos, neu, neg, voice, targets``: one row per sentence of
        the sentences table (same ``sent_id``). ``voice`` is the voice of most of the sentence's
        characters, ``embedded`` when half of it is embedded material (a tweet), which
        per-outlet measures leave out. ``targets`` lists the sides of the actors the sentence
        names (see :func:`target_groups`), sorted and joined by ``;`` ("" for none).

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"doc_id": ["a"], "text": ["Russia condemned the strike. Fine."]})
    >>> table = find_tone(arts)
    >>> table["compound"].tolist(), table["targets"].tolist()
    ([-0.5267, 0.2023], ['russia_gov', ''])
    """
    _require(articles, text, "text")
    _require(articles, doc_id, "doc_id")
    n = len(articles)
    bodies = articles[text].tolist()
    ids = articles[doc_id].tolist()
    heads = articles[title].tolist() if title in articles.columns else [""] * n
    embeds = articles["embeds"].tolist() if "embeds" in articles.columns else [None] * n
    rows = [(ident, *row)
            for ident, body, head, emb in zip(ids, bodies, heads, embeds, strict=True)
            for row in _text_rows(body, head, voices, emb)]
    frame = pd.DataFrame(rows, columns=TONE_COLUMNS)
    return frame.astype({"sent_id": "int64", "compound": "float64", "pos": "float64",
                         "neu": "float64", "neg": "float64"})


def article_tone(tone_table: pd.DataFrame, *,
                 voices: Sequence[str] | None = None) -> pd.DataFrame:
    """Mean sentence scores per article.

    Parameters
    ----------
    tone_table : DataFrame
        From :func:`find_tone`.
    voices : sequence of str, optional
        Voices to keep; default every voice but ``embedded``.

    Returns
    -------
    DataFrame
        ``doc_id, n_sentences, compound, pos, neu, neg``.
    """
    keep = _voice_mask(tone_table, voices)
    grouped = tone_table[keep].groupby("doc_id", sort=False)
    out = grouped[["compound", "pos", "neu", "neg"]].mean()
    out.insert(0, "n_sentences", grouped.size())
    return out.reset_index()


def _voice_mask(tone_table: pd.DataFrame, voices: Sequence[str] | None) -> pd.Series:
    if voices is None:
        return tone_table["voice"] != "embedded"
    return tone_table["voice"].isin(list(voices))


def _add_ratio(out: stats.ArticleStats, per_doc: pd.DataFrame, measure: str,
               base: str) -> None:
    """Add a ratio of per-article sums (``num`` / ``den``; ``per_doc`` indexed by doc_id) for
    every outlet; articles in corpus order (not ``per_doc``'s doc_id order, so the bootstrap
    sees the same order whatever the chunks), doc_ids not in the articles are left out."""
    pos_of = {d: i for i, d in enumerate(out.doc_ids)}
    pos = np.array([pos_of.get(str(d), -1) for d in per_doc.index], dtype=np.int64)
    keep = np.flatnonzero(pos >= 0)
    keep = keep[np.argsort(pos[keep], kind="stable")]
    pos, num, den = pos[keep], per_doc["num"].to_numpy(float)[keep], \
        per_doc["den"].to_numpy(float)[keep]
    names = out.outlets[pos]
    for name in pd.unique(names):
        sel = names == name
        out.add(measure, pos[sel], num[sel], den[sel], base=base)


def _per_doc(values: pd.Series, by: pd.Series) -> pd.DataFrame:
    """Per ``doc_id``: the sum of ``values`` (``num``) and their number (``den``)."""
    grouped = values.groupby(by)
    return pd.DataFrame({"num": grouped.sum(), "den": grouped.size()})


def target_tone(tone_table: pd.DataFrame, articles: pd.DataFrame, *, outlet: str = "outlet",
                groups: Mapping[str, Sequence[str]] | None = None,
                seed: int = stats.SEED) -> pd.DataFrame:
    """Mean compound score of sentences naming each actor, per outlet and voice.

    Parameters
    ----------
    tone_table : DataFrame
        From :func:`find_tone`.
    articles : DataFrame
        The articles table (for ``outlet`` and word counts).
    outlet : str, default='outlet'
        Column of ``articles`` naming the outlet.
    groups : mapping of str to sequence of str, optional
        Target name -> sides it covers; default :func:`target_groups` (the topic's).
    seed : int
        Seed of the bootstrap.

    Returns
    -------
    DataFrame
        outlet_scores rows; ``measure`` is ``tone_<target>_<narrator|quoted>`` (voice groups
        as in :data:`VOICE_GROUPS`), ``value`` the mean compound score of those sentences,
        with a percentile bootstrap interval resampling articles; ``n_events`` counts the
        sentences. Outlet and target pairs without such sentences have no row.
    """
    return stats.outlet_scores(target_tone_stats(tone_table, articles, outlet=outlet,
                                                 groups=groups), seed=seed)


def target_tone_stats(tone_table: pd.DataFrame, articles: pd.DataFrame, *,
                      outlet: str = "outlet",
                      groups: Mapping[str, Sequence[str]] | None = None) -> pd.DataFrame:
    """Per-article numerators and denominators of :func:`target_tone`."""
    _require(articles, outlet, "outlet")
    groups = target_groups() if groups is None else groups
    out = stats.ArticleStats(articles, outlet=outlet)
    sides = tone_table["targets"].fillna("").str.split(";")
    for target, members in groups.items():
        names = set(members)
        mentions = sides.map(lambda found, names=names: bool(names.intersection(found)))
        for vgroup, vnames in VOICE_GROUPS.items():
            sel = tone_table[mentions & tone_table["voice"].isin(vnames)]
            if sel.empty:
                continue
            _add_ratio(out, _per_doc(sel["compound"], sel["doc_id"]),
                       measure_id("tone", "mean", target, vgroup), "sentences")
    return out.frame()


def tone_by_outlet(tone_table: pd.DataFrame, articles: pd.DataFrame, *,
                   outlet: str = "outlet", seed: int = stats.SEED) -> pd.DataFrame:
    """Mean compound score of each outlet's sentences, all voices and the narrator's alone.

    Returns outlet_scores rows with ``measure`` ``tone_all`` and ``tone_narrator`` (embedded
    material left out of both).
    """
    return stats.outlet_scores(tone_by_outlet_stats(tone_table, articles, outlet=outlet),
                               seed=seed)


def tone_by_outlet_stats(tone_table: pd.DataFrame, articles: pd.DataFrame, *,
                         outlet: str = "outlet") -> pd.DataFrame:
    """Per-article numerators and denominators of :func:`tone_by_outlet`."""
    _require(articles, outlet, "outlet")
    out = stats.ArticleStats(articles, outlet=outlet)
    for voice, voices in (("all", None), ("narrator", VOICE_GROUPS["narrator"])):
        sel = tone_table[_voice_mask(tone_table, voices)]
        _add_ratio(out, _per_doc(sel["compound"], sel["doc_id"]),
                   measure_id("tone", "mean", "", voice), "sentences")
    return out.frame()


# ---------------------------------------------------------------- attribution verbs
@functools.lru_cache(maxsize=1)
def _cue_tones() -> dict[str, str]:
    """Lemma and surface form -> "neutral" or "loaded", from ``lexicons/cues.yaml``."""
    source = "framing/lexicons/cues.yaml"
    data = read_yaml("cues.yaml")
    tones = {}
    for i, cue in enumerate(data["cues"]):
        check_keys(source, f"cues[{i}]", cue, {"forms", "lemma", "tone", "clause", "note"}, set())
        for word in [cue["lemma"], *cue["forms"]]:
            tones[str(word).lower()] = cue["tone"]
    return tones


def attribution_scores(quotes: pd.DataFrame, articles: pd.DataFrame, *, outlet: str = "outlet",
                       seed: int = stats.SEED) -> pd.DataFrame:
    """Share of loaded attribution verbs ("claimed", "insisted") among all, per outlet and side.

    Parameters
    ----------
    quotes : DataFrame
        The quotes table (:func:`framing.quotes.find_quotes`); quotes without a cue are left out.
    articles : DataFrame
        The articles table.
    outlet : str, default='outlet'
        Column of ``articles`` naming the outlet.
    seed : int
        Seed of the bootstrap.

    Returns
    -------
    DataFrame
        outlet_scores rows: ``loaded_cue_share`` over every quote with a cue, and
        ``loaded_cue_share_<side>`` for quotes of speakers of each side; ``n_events`` counts
        the quotes with a cue. Cue tones come from ``lexicons/cues.yaml`` (neutral: said,
        told...; loaded: claimed, alleged, insisted, admitted, denounced, condemned, accused...).
    """
    return stats.outlet_scores(attribution_stats(quotes, articles, outlet=outlet), seed=seed)


def attribution_stats(quotes: pd.DataFrame, articles: pd.DataFrame, *,
                      outlet: str = "outlet") -> pd.DataFrame:
    """Per-article numerators and denominators of :func:`attribution_scores`."""
    for col in ("doc_id", "cue", "speaker_side"):
        _require(quotes, col, "quotes")
    _require(articles, outlet, "outlet")
    tones = _cue_tones()
    cues = quotes[quotes["cue"].fillna("").str.len() > 0]
    unknown = sorted(set(cues["cue"].str.lower()) - tones.keys())
    if unknown:
        raise FramingError(bad_entry("framing/lexicons/cues.yaml", ", ".join(unknown),
                                     "is a cue in the quotes table without a tone"))
    cues = cues.assign(loaded=cues["cue"].str.lower().map(tones).eq("loaded").astype(int))
    out = stats.ArticleStats(articles, outlet=outlet)
    subsets = [("", cues), *cues.groupby("speaker_side", sort=True)]
    for side, subset in subsets:
        _add_ratio(out, _per_doc(subset["loaded"], subset["doc_id"]),
                   measure_id("tone", "loaded_cue_share", str(side)), "cued_quotes")
    return out.frame()


# ---------------------------------------------------------------- hedges and distancing
_HEDGE_KEYS = {"id", "family", "pattern", "note"}
HEDGE_FAMILIES = ("distancing", "hedge")


@functools.lru_cache(maxsize=1)
def _hedge_patterns() -> tuple[tuple[str, str, re.Pattern], ...]:
    source = "framing/lexicons/hedges.yaml"
    data = read_yaml("hedges.yaml")
    check_keys(source, "<top level>", data, {"markers"}, {"version"})
    out = []
    for i, entry in enumerate(data["markers"]):
        check_keys(source, f"markers[{i}]", entry, _HEDGE_KEYS, set())
        if entry["family"] not in HEDGE_FAMILIES:
            raise FramingError(bad_entry(source, entry["id"], f"has family {entry['family']!r}; "
                                         f"allowed are {list(HEDGE_FAMILIES)}"))
        try:
            regex = re.compile(rf"\b(?:{entry['pattern']})\b", re.IGNORECASE)
        except re.error as exc:
            raise FramingError(
                bad_entry(source, entry["id"], f"has a bad pattern ({exc})")) from exc
        out.append((entry["family"], entry["id"], regex))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _any_hedge() -> re.Pattern:
    """Every marker's pattern without its word boundaries: no match, no marker in the text."""
    bare = (r.pattern.removeprefix(r"\b(?:").removesuffix(r")\b") for _, _, r in _hedge_patterns())
    return re.compile("|".join(f"(?:{b})" for b in bare), re.IGNORECASE)


def find_hedges(articles: pd.DataFrame, *, text: str = "text",
                doc_id: str = "doc_id") -> pd.DataFrame:
    """Find hedging and distancing markers ("alleged", "so-called", "purportedly").

    Markers come from ``lexicons/hedges.yaml``; matches inside embedded material are left out.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, start, end, family, term, match``.
    """
    _require(articles, text, "text")
    _require(articles, doc_id, "doc_id")
    patterns = _hedge_patterns()
    any_marker = _any_hedge()
    n = len(articles)
    embeds = articles["embeds"].tolist() if "embeds" in articles.columns else [None] * n
    rows = []
    for ident, body, emb in zip(articles[doc_id].tolist(), articles[text].tolist(), embeds,
                                strict=True):
        if not any_marker.search(body):
            continue  # no marker's pattern occurs anywhere
        spans = None
        skip = embed_spans({"embeds": emb})
        for family, term, regex in patterns:
            for m in regex.finditer(body):
                if any(a <= m.start() < b for a, b in skip):
                    continue
                if spans is None:
                    spans = sentence_spans(body)
                rows.append((ident, sentence_index(spans, m.start()), m.start(), m.end(),
                             family, term, m.group()))
    frame = pd.DataFrame(rows, columns=HEDGE_COLUMNS)
    return frame.sort_values(["doc_id", "start"], ignore_index=True).astype(
        {"sent_id": "int64", "start": "int64", "end": "int64"})


def hedge_scores(hedges: pd.DataFrame, articles: pd.DataFrame, *,
                 quotes: pd.DataFrame | None = None, outlet: str = "outlet",
                 seed: int = stats.SEED) -> pd.DataFrame:
    """Hedges, distancing markers and scare quotes per 1,000 words, per outlet.

    Parameters
    ----------
    hedges : DataFrame
        From :func:`find_hedges`.
    articles : DataFrame
        The articles table; words are counted without embedded material.
    quotes : DataFrame, optional
        The quotes table; its ``kind == "scare"`` rows give the ``scare_quote`` rate.
    outlet : str, default='outlet'
        Column of ``articles`` naming the outlet.
    seed : int
        Seed of the bootstrap.

    Returns
    -------
    DataFrame
        outlet_scores rows with ``measure`` ``distancing``, ``hedge`` (and ``scare_quote``),
        rates per 1,000 words with bootstrap intervals resampling articles.
    """
    return stats.outlet_scores(hedge_stats(hedges, articles, quotes=quotes, outlet=outlet),
                               seed=seed)


def hedge_stats(hedges: pd.DataFrame, articles: pd.DataFrame, *,
                quotes: pd.DataFrame | None = None, outlet: str = "outlet") -> pd.DataFrame:
    """Per-article numerators and denominators of :func:`hedge_scores`."""
    _require(articles, outlet, "outlet")
    events = {family: hedges[hedges["family"] == family] for family in HEDGE_FAMILIES}
    if quotes is not None:
        _require(quotes, "kind", "quotes")
        events["scare_quote"] = quotes[quotes["kind"] == "scare"]
    out = stats.ArticleStats(articles, outlet=outlet)
    groups = out.positions()
    for name, found in events.items():
        counts = found.groupby("doc_id").size().to_dict()
        for pos in groups.values():
            nums = [int(counts.get(d, 0)) for d in out.doc_ids[pos]]
            out.add(measure_id("tone", "rate", name), pos, nums, out.words[pos], base="words",
                    scale=1000.0)
    return out.frame()


def tone_stats(tone_table: pd.DataFrame, articles: pd.DataFrame, *,
               quotes: pd.DataFrame | None = None, outlet: str = "outlet",
               text: str = "text") -> pd.DataFrame:
    """Per-article statistics of every tone measure: :func:`tone_by_outlet`,
    :func:`target_tone`, :func:`hedge_scores` (hedges found in ``articles``) and, given the
    quotes table, :func:`attribution_scores`."""
    frames = [tone_by_outlet_stats(tone_table, articles, outlet=outlet),
              target_tone_stats(tone_table, articles, outlet=outlet),
              hedge_stats(find_hedges(articles, text=text), articles, quotes=quotes,
                          outlet=outlet)]
    if quotes is not None:
        frames.append(attribution_stats(quotes, articles, outlet=outlet))
    return pd.concat(frames, ignore_index=True)


def score_tone(tone_table: pd.DataFrame, articles: pd.DataFrame, *,
               quotes: pd.DataFrame | None = None, outlet: str = "outlet", text: str = "text",
               seed: int = stats.SEED) -> pd.DataFrame:
    """Every tone measure per outlet (outlet_scores rows of :func:`tone_stats`)."""
    return stats.outlet_scores(tone_stats(tone_table, articles, quotes=quotes, outlet=outlet,
                                          text=text), seed=seed)


def cli_kwargs(args) -> tuple[dict, dict]:
    """Keyword arguments of :func:`find_tone` and :func:`tone_stats` from ``framing tone``'s
    options (see :mod:`framing.registry`)."""
    return {"voices": not args.no_voices}, {}


def tone_validity(ratings: pd.DataFrame, *, text: str = "text", rating: str = "rating",
                  scale: float = 4.0, n_boot: int = 1000) -> tuple[pd.DataFrame, dict]:
    """Score human-rated texts with the tone stage and correlate with the ratings.

    Parameters
    ----------
    ratings : DataFrame
        One row per rated text: ``doc_id``, the text and its mean human rating
        (e.g. :func:`framing.datasets.load_vader_nyt`).
    text, rating : str
        Column names.
    scale : float, default=4.0
        Ratings are divided by it to share VADER's -1..1 range.
    n_boot : int, default=1000
        Bootstrap resamples of texts for the interval of r.

    Returns
    -------
    pairs : DataFrame
        ``doc_id, human, compound``: the scaled rating and the text's mean sentence score.
    summary : dict
        ``r`` (Pearson), ``ci_low``, ``ci_high`` (95% percentile bootstrap) and ``n``.
    """
    missing = [c for c in ("doc_id", text, rating) if c not in ratings.columns]
    if missing:
        raise FramingError(missing_column(missing[0], ratings.columns))
    scored = article_tone(find_tone(ratings.rename(columns={text: "text"}), voices=False))
    pairs = scored[["doc_id", "compound"]].merge(
        ratings[["doc_id", rating]].astype({"doc_id": str}), on="doc_id")
    pairs = pairs.assign(human=pairs[rating] / scale)[["doc_id", "human", "compound"]]
    x, y = pairs["human"].to_numpy(float), pairs["compound"].to_numpy(float)
    r = float(np.corrcoef(x, y)[0, 1])
    rng = np.random.default_rng(stats.SEED)
    boot = []
    for _ in range(n_boot):
        i = rng.integers(0, len(x), len(x))
        boot.append(np.corrcoef(x[i], y[i])[0, 1])
    low, high = np.quantile(boot, [0.025, 0.975])
    return pairs, {"r": r, "ci_low": float(low), "ci_high": float(high), "n": len(pairs)}


tone = renamed(find_tone, "tone")
callable_module(__name__, "find_tone")
