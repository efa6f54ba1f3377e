"""Terminology framing: which labels each outlet uses, for whom, and in whose voice.

:func:`find_terms` turns an articles table into **term_hits** (one row per label found, with
offsets, the referent the label points at and the voice it is spoken in); :func:`term_scores`
aggregates hits into per-outlet rates and label shares with bootstrap intervals;
:func:`kwic` shows the sentences behind any count; :class:`~framing.vectorize.TermFamilyVectorizer`
gives per-document family rates to scikit-learn.

Matching runs Aho-Corasick automata over a case-folded copy of each text (same length, so
offsets slice the original) and over the text as written (for capitals-only forms such as
"IS"), checks word boundaries, and keeps the longest match within each family.
"""

from __future__ import annotations

import functools
import html
import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import ahocorasick
import numpy as np
import pandas as pd

from framing._errors import FramingError, bad_value, missing_column
from framing._lazy import lazy_exports
from framing.corpus import raw_line
from framing.lexicon import (
    Lexicon,
    expand_pattern,
    fold,
    fold_case_kept,
    load_lexicon,
    lower_same_length,
)
from framing.measures import legacy_measure, measure_id
from framing.measures import parse_measure as parse_id
from framing.quotes import voice_spans as quote_voice_spans
from framing.stats import SEED, ArticleStats, outlet_scores
from framing.text import count_words, sentence_index, sentence_spans, word_spans

TERM_HIT_COLUMNS = [
    "doc_id", "sent_id", "start", "end", "family", "term", "match", "referent", "voice", "speaker",
]
VOICES = ("narrator", "quote", "headline", "interviewer", "interviewee", "embedded")
#: Voices of :func:`term_scores`: every hit, or the outlet's own narration only.
SCORE_VOICES = ("all", "narrator")
KWIC_COLUMNS = ["doc_id", "outlet", "line", "left", "match", "right", "family", "term",
                "referent", "voice", "speaker", "start", "end"]

# Words that may stand between a country cue and the label it modifies ("Syrian President
# Bashar al-Assad's government"); anything else breaks the link.
_GLUE_WORDS = frozenset("the pro al president bashar central national interim transitional new "
                        "current ruling own then".split())
# punctuation that separates a cue from a label: anything but letters, digits, spaces,
# hyphens, apostrophes, and periods inside abbreviations ("U.S.")
_GAP_BREAK_RE = re.compile(r"[^\sA-Za-z0-9'.-]|\.(?:\s|$)")
_RIGHT_RE = re.compile(
    r"^[\s-]+(?:of|in|from)\s+(?:(?:the|president|bashar|[A-Z][\w'.-]*)\s+){0,3}$")
_QUANTIFIERS = frozenset("any every no such other many some all most these those foreign western "
                         "arab european regional".split())
# Plural labels that, with no article or modifier, speak of states in general.
_GENERIC_PLURALS = frozenset({"governments", "regimes", "administrations"})
_COUNTRY_POSSESSIVE_RE = re.compile(r"\bthe (?:country|nation)'s\s+$")
_PRONOUN_POSSESSIVE_RE = re.compile(r"\b(?:its|his|their)\s+$")


@dataclass(frozen=True)
class _Entry:
    family: int  # index into lexicon.families; -1 for a referent cue
    term: int
    exact: str | None  # surface form that must match case-sensitively, else None
    glob: bool
    excluded: bool
    country: str | None = None


@dataclass(frozen=True)
class _Compiled:
    folded: ahocorasick.Automaton  # case-insensitive forms, run on the lower-cased text
    exact: ahocorasick.Automaton  # case-sensitive forms (IS, US), run on the text as written
    lexicon: Lexicon


def _is_exact(form: str, case: str) -> bool:
    return case == "exact" or (case == "auto" and not any(c.islower() for c in form))


def _automaton(table: dict[str, list[_Entry]]) -> ahocorasick.Automaton:
    # payload: (key length, country, entries). A key that is only a referent cue carries its
    # country and no entries (the hot path: cue words are most matches). Otherwise entries
    # are (family, not_exact, seq, glob, short_exact, entry); the first three order
    # candidates: family, then exact case before folded, then lexicon order.
    automaton = ahocorasick.Automaton()
    seq = 0
    for key, entries in table.items():
        if all(e.family < 0 and not e.glob for e in entries):
            automaton.add_word(key, (len(key), entries[0].country, ()))
            continue
        packed = []
        for e in entries:
            short = e.exact is not None and e.family >= 0 and len(e.exact) <= 2
            packed.append((e.family, e.exact is None, seq, e.glob, short, e))
            seq += 1
        automaton.add_word(key, (len(key), None, tuple(packed)))
    if table:
        automaton.make_automaton()
    return automaton


@functools.lru_cache(maxsize=16)
def _compile(lexicon: Lexicon) -> _Compiled:
    folded: dict[str, list[_Entry]] = {}
    exact: dict[str, list[_Entry]] = {}

    def add(pattern: str, entry_args: dict, case: str) -> None:
        glob = pattern.endswith("*")
        for form in expand_pattern(pattern.rstrip("*")):
            if _is_exact(form, case):
                exact.setdefault(form, []).append(_Entry(exact=form, glob=glob, **entry_args))
            else:
                folded.setdefault(fold(form), []).append(_Entry(exact=None, glob=glob,
                                                                **entry_args))

    for fi, fam in enumerate(lexicon.families):
        for ti, term in enumerate(fam.terms):
            for p in term.variants:
                add(p, {"family": fi, "term": ti, "excluded": False}, term.case)
            for p in term.exclude:
                add(p, {"family": fi, "term": ti, "excluded": True}, term.case)
    for country, words in lexicon.referents:
        for w in words:
            add(w, {"family": -1, "term": -1, "excluded": False, "country": country}, "auto")
    return _Compiled(_automaton(folded), _automaton(exact), lexicon)


def _in_caps(norm: str, start: int, end: int) -> bool:
    """True when the text around a match is written in capitals (an all-caps headline)."""
    window = norm[max(0, start - 40):start] + norm[end:end + 40]
    letters = [c for c in window if c.isalpha()]
    return len(letters) >= 8 and not any(c.islower() for c in letters)


def _scan(text: str, comp: _Compiled) -> tuple[list[tuple[int, int, _Entry]], list, str]:
    """Return the kept label matches, the referent cues and the folded text (case kept)."""
    norm = fold_case_kept(text)
    low = lower_same_length(norm)
    n = len(low)
    cands = []
    cue_cands = []
    for automaton, haystack in ((comp.folded, low), (comp.exact, norm)):
        if automaton.kind != ahocorasick.AHOCORASICK:
            continue  # no patterns of this kind
        for last, (klen, country, entries) in automaton.iter(haystack):
            start = last - klen + 1
            if start and low[start - 1].isalnum():
                continue
            end = last + 1
            right_ok = end == n or not low[end].isalnum()
            if country is not None:
                if right_ok:
                    cue_cands.append((start, -end, country))
                continue
            for family, folded, seq, glob, short, e in entries:
                stop = end
                if glob:
                    while stop < n and low[stop].isalnum():
                        stop += 1
                elif not right_ok:
                    continue
                if short and _in_caps(norm, start, end):
                    continue  # "IS" cannot be told from the verb in an all-caps headline
                if family < 0:
                    cue_cands.append((start, -stop, e.country))
                else:
                    cands.append((family, start, start - stop, folded, seq, stop, e))
    # per family: leftmost-longest, exact case first at equal spans
    cands.sort()
    hits = []
    last_family, last_end = None, -1
    for family, start, _, _, _, stop, e in cands:
        if family != last_family:
            last_family, last_end = family, -1
        if start < last_end:
            continue
        last_end = stop
        if not e.excluded:
            hits.append((start, family, stop, e))
    # referent cues: leftmost-longest among themselves
    cue_cands.sort()
    cues, last_end = [], -1
    for start, neg_end, country in cue_cands:
        if start >= last_end:
            cues.append((start, -neg_end, country))
            last_end = -neg_end
    hits.sort()
    return [(h[0], h[2], h[3]) for h in hits], cues, norm


# ------------------------------------------------------------------------------ voices
def voice_spans(text: str, title: str = "", *, speakers: bool = True
                ) -> list[tuple[int, int, str, str]]:
    """Return ``(start, end, voice, speaker)`` spans of headline, quotes and interview turns.

    The regions of :func:`framing.quotes.voice_spans`; with ``speakers=False`` every speaker
    is "" and no attribution is done (much faster).
    """
    return quote_voice_spans(text, title, speakers=speakers)


def _in_spans(hits: list[tuple[int, int, object]], spans: list[tuple[int, int, str, str]]
              ) -> bool:
    """True when some hit starts inside a quotation or an interview turn."""
    inner = [(a, b) for a, b, voice, _ in spans if voice != "headline"]
    starts = [a for a, _ in inner]
    for start, _, _ in hits:
        i = bisect_right(starts, start) - 1
        if i >= 0 and start < inner[i][1]:
            return True
    return False


def _embeds(value: object) -> list[tuple[int, int, str]]:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value == "":
        return []
    try:
        items = json.loads(value) if isinstance(value, str) else value
        return [(int(e[0]), int(e[1]), str(e[3]) if len(e) > 3 else "") for e in items]
    except (ValueError, TypeError, IndexError) as exc:
        raise FramingError(f"Column 'embeds' must hold a JSON list of [start, end, kind, "
                           f"author] spans; got {str(value)[:60]!r} ({exc}).") from exc


class _VoiceIndex:
    """Answer "which voice holds this offset" for one text in logarithmic time.

    Layers are searched innermost first: embedded material, quotations, then headline and
    interview turns (a quotation inside an answer is a quotation). Spans within a layer do
    not overlap.
    """

    def __init__(self, spans: Sequence[tuple[int, int, str, str]],
                 embeds: Sequence[tuple[int, int, str]]):
        layers = ([(a, b, "embedded", who) for a, b, who in embeds],
                  [sp for sp in spans if sp[2] == "quote"],
                  [sp for sp in spans if sp[2] != "quote"])
        self.layers = [(sorted(la), [sp[0] for sp in sorted(la)]) for la in layers if la]

    def voice(self, start: int) -> tuple[str, str]:
        for spans, starts in self.layers:
            i = bisect_right(starts, start) - 1
            if i >= 0 and start < spans[i][1]:
                return spans[i][2], spans[i][3] or ""
        return "narrator", ""


# ------------------------------------------------------------------------------ referents
def _article_subject(cues: list[tuple[int, int, str]]) -> str | None:
    """The country the article is mostly about ("other" lumps many countries, so never)."""
    counts = Counter(c[2] for c in cues if c[2] != "other").most_common(2)
    if not counts or counts[0][1] < 2 or (len(counts) > 1 and counts[1][1] == counts[0][1]):
        return None
    return counts[0][0]


def _sentence_country(cues: list, cue_starts: list, sent: tuple[int, int]) -> str | None:
    """The country a sentence names, when it names exactly one ("other" aside)."""
    lo, hi = bisect_left(cue_starts, sent[0]), bisect_left(cue_starts, sent[1])
    found = {c[2] for c in cues[lo:hi]} - {"other"}
    return found.pop() if len(found) == 1 else None


def _left_gap_ok(gap: str) -> bool:
    if len(gap) > 40 or _GAP_BREAK_RE.search(gap):
        return False
    words = re.findall(r"[A-Za-z]+", gap.replace("'s", " "))
    return len(words) <= 4 and all(w[0].isupper() or w in _GLUE_WORDS for w in words)


def _explicit_referent(norm: str, start: int, end: int, match: str, cues: list,
                       cue_ends: list, cue_starts: list, sent: tuple[int, int]) -> str | None:
    """Referent told by the label's own words and modifiers; None when they say nothing."""
    # a cue inside or overlapping the match ("Assad regime", "pro-Syrian regime")
    i = bisect_right(cue_ends, end) - 1
    if i >= 0 and cues[i][1] > start:
        return cues[i][2]
    # a cue right before it, joined by names and titles ("Syria's government")
    if i >= 0 and _left_gap_ok(norm[cues[i][1]:start]) \
            and not norm[max(0, cues[i][0] - 5):cues[i][0]].lower().endswith(("pro-", "anti-")):
        return cues[i][2]  # "pro-Doha rebels" tells an allegiance, not a nationality
    # a cue right after it ("the government of Syria", "the regime in Damascus")
    j = bisect_left(cue_starts, end)
    if j < len(cues) and cues[j][0] - end <= 40 and _RIGHT_RE.match(norm[end:cues[j][0]]):
        return cues[j][2]
    before = norm[max(0, start - 24):start].lower()
    if _COUNTRY_POSSESSIVE_RE.search(before):
        return None
    if _PRONOUN_POSSESSIVE_RE.search(before):
        k = bisect_right(cue_ends, start) - 1
        return cues[k][2] if k >= 0 and cues[k][0] >= sent[0] else None
    prev = before.split()[-1:] or [""]
    if prev[0] in _QUANTIFIERS or (match.lower() in _GENERIC_PLURALS and prev[0] != "the"):
        return "generic"
    return None


def _resolve_referents(found: list[tuple[str, str, str | None, bool, tuple[int, int]]],
                       subject: str | None,
                       sentence_country: Callable[[tuple[int, int]], str | None]) -> list[str]:
    """Fill labels without a modifier from the article, like a reader resolving "the regime".

    ``found`` holds ``(family, term, explicit_referent, lends, sentence_span)`` in text
    order. An open label takes the referent of the last explicit label of the same term before
    it, else the next one after it, else the last (then next) explicit label of the family
    whose term lends its referent (``anaphora`` in the lexicon), else the article's main
    country, else the one country its sentence names, else ``unknown``.
    """
    named = [r if r not in (None, "generic") else None for _, _, r, _, _ in found]

    def scan(order: range) -> tuple[list, list]:
        by_term: dict[tuple[str, str], str] = {}
        by_family: dict[str, str] = {}
        seen_term, seen_family = [None] * len(found), [None] * len(found)
        for k in order:
            fam, term, _, lends, _ = found[k]
            seen_term[k], seen_family[k] = by_term.get((fam, term)), by_family.get(fam)
            if named[k]:
                by_term[(fam, term)] = named[k]
                if lends:
                    by_family[fam] = named[k]
        return seen_term, seen_family

    term_before, family_before = scan(range(len(found)))
    term_after, family_after = scan(range(len(found) - 1, -1, -1))
    countries: dict[tuple[int, int], str | None] = {}
    out = []
    for k, (_, _, ref, _, sent) in enumerate(found):
        if ref is None:
            ref = term_before[k] or term_after[k] or family_before[k] or family_after[k] \
                or subject
        if ref is None:
            if sent not in countries:
                countries[sent] = sentence_country(sent)
            ref = countries[sent] or "unknown"
        out.append(ref)
    return out


# ------------------------------------------------------------------------------ hits
def find_terms_in_text(
    text: str,
    lexicon: Lexicon | None = None,
    *,
    doc_id: str = "",
    title: str = "",
    embeds: Iterable[tuple[int, int, str]] = (),
    sentences: Iterable[tuple[int, int]] | None = None,
    speakers: bool = True,
) -> list[tuple]:
    """Find the labels of ``lexicon`` in one text; return term_hits rows as tuples.

    Parameters
    ----------
    text : str
        The article text (headline first when it has one).
    lexicon : Lexicon, optional
        Defaults to the bundled lexicon.
    doc_id, title : str
        Written into the rows; ``title`` marks the headline voice.
    embeds : iterable of (start, end, author)
        Spans of embedded material (voice ``embedded``).
    sentences : iterable of (start, end), optional
        Sentence spans of ``text`` (default: :func:`framing.text.sentence_spans`).
    speakers : bool, default=True
        Find quotations and their speakers with :mod:`framing.quotes`; False uses quotation
        marks alone (no speaker), several times faster on quote-rich text.

    Returns
    -------
    list of tuple
        In the order of :data:`TERM_HIT_COLUMNS`.

    Examples
    --------
    >>> rows = find_terms_in_text("The Syrian regime said the rebels lied.")
    >>> [(r[5], r[6], r[7]) for r in rows]
    [('regime', 'Syrian regime', 'syria'), ('rebels', 'rebels', 'syria')]
    """
    if not isinstance(text, str):
        raise FramingError(f"The 'text' parameter of find_terms_in_text must be a str. "
                           f"Got {type(text).__name__}.")
    comp = _compile(load_lexicon(lexicon))
    return _find(text, comp, doc_id, title, list(embeds), sentences, speakers)


def _find(text: str, comp: _Compiled, doc_id: str, title: str, embeds: list,
          sentences: Iterable[tuple[int, int]] | None, speakers: bool) -> list[tuple]:
    lex = comp.lexicon
    hits, cues, norm = _scan(text, comp)
    if not hits:
        return []
    sents = list(sentences) if sentences is not None else sentence_spans(text)
    spans = quote_voice_spans(text, title, speakers=False)
    if speakers and _in_spans(hits, spans):  # attribute speakers only where a hit is quoted
        spans = quote_voice_spans(text, title)
    voices = _VoiceIndex(spans, embeds) if spans or embeds else None
    cue_ends = [c[1] for c in cues]
    cue_starts = [c[0] for c in cues]
    rows = []
    # referent-bearing rows: (row index, family, term, explicit, anaphora, sentence span)
    pending = []
    for start, end, e in hits:
        fam = lex.families[e.family]
        term = fam.terms[e.term]
        sid = sentence_index(sents, start)
        match = text[start:end]
        if fam.referent:
            sent = sents[sid] if sents else (0, len(text))
            explicit = _explicit_referent(norm, start, end, match, cues, cue_ends, cue_starts,
                                          sent)
            pending.append((len(rows), fam.name, term.name, explicit, term.anaphora, sent))
        voice, speaker = voices.voice(start) if voices else ("narrator", "")
        rows.append([doc_id, sid, start, end, fam.name, term.name, match, "", voice, speaker])
    resolved = _resolve_referents([p[1:] for p in pending], _article_subject(cues),
                                  lambda sent: _sentence_country(cues, cue_starts, sent))
    for (k, *_), ref in zip(pending, resolved, strict=True):
        rows[k][7] = ref
    return [tuple(r) for r in rows]


def _column(articles: pd.DataFrame, name: str, func: str, param: str) -> pd.Series:
    if name not in articles.columns:
        raise FramingError(missing_column(name, articles.columns, param) + f" ({func})")
    return articles[name]


def _check_articles(articles: object, func: str) -> pd.DataFrame:
    if not isinstance(articles, pd.DataFrame):
        raise FramingError(f"The 'articles' parameter of {func} must be a DataFrame (an articles "
                           f"table). Got {type(articles).__name__}; see framing.load_corpus.")
    return articles


def find_terms(
    articles: pd.DataFrame,
    lexicon: Lexicon | str | None = None,
    *,
    text: str = "text",
    sentences: pd.DataFrame | None = None,
    speakers: bool = True,
) -> pd.DataFrame:
    """Find every contested label in an articles table.

    Parameters
    ----------
    articles : DataFrame
        An articles table: ``doc_id`` and the text column; ``title`` and ``embeds`` are used
        when present (headline and embedded voices).
    lexicon : Lexicon, path or None, default=None
        The bundled lexicon, or one accepted by :func:`framing.lexicon.load_lexicon`.
    text : str, default='text'
        Column holding the text.
    sentences : DataFrame, optional
        The **sentences** table of these articles (``doc_id, sent_id, start, end``), so that
        a pipeline splits sentences once; by default they are split here.
    speakers : bool, default=True
        Attribute quotations to speakers (:mod:`framing.quotes`); False decides voices by
        quotation marks and Q:/A: lines only, leaving ``speaker`` empty, and runs faster.

    Returns
    -------
    DataFrame
        The **term_hits** table (:data:`TERM_HIT_COLUMNS`): ``text[start:end] == match``;
        ``referent`` is empty for families without referents; ``voice`` is one of
        :data:`VOICES`.

    See Also
    --------
    term_scores : per-outlet rates and shares from these hits.
    kwic : the hits in context.

    Examples
    --------
    >>> articles = pd.DataFrame({"doc_id": ["d1"], "text": ["Assad regime forces shelled Homs."]})
    >>> find_terms(articles)[["term", "match", "referent", "voice"]].values.tolist()
    [['regime', 'Assad regime', 'syria', 'narrator']]
    """
    articles = _check_articles(articles, "find_terms")
    comp = _compile(load_lexicon(lexicon))
    ids = _column(articles, "doc_id", "find_terms", "").astype(str).tolist()
    texts = _column(articles, text, "find_terms", "text").tolist()
    n = len(ids)
    titles = articles["title"].tolist() if "title" in articles.columns else [""] * n
    embeds = articles["embeds"].tolist() if "embeds" in articles.columns else [None] * n
    sents = _sentences_by_doc(sentences)
    rows: list[tuple] = []
    for doc_id, t, title, emb in zip(ids, texts, titles, embeds, strict=True):
        if t is None or (isinstance(t, float) and np.isnan(t)):
            raise FramingError(f"find_terms: article {doc_id!r} has no text (missing value); "
                               "drop it or fill it with ''.")
        title = title if isinstance(title, str) else ""
        if not isinstance(t, str):
            raise FramingError(f"find_terms: article {doc_id!r} has a text of type "
                               f"{type(t).__name__}; expected str.")
        rows.extend(_find(t, comp, doc_id, title, _embeds(emb), sents.get(doc_id), speakers))
    return _hits_frame(rows)


def _sentences_by_doc(sentences: pd.DataFrame | None) -> dict[str, list[tuple[int, int]]]:
    if sentences is None:
        return {}
    for col in ("doc_id", "sent_id", "start", "end"):
        _column(sentences, col, "find_terms", "")
    ordered = sentences.sort_values(["doc_id", "sent_id"], kind="stable")
    docs = ordered["doc_id"].astype(str).to_numpy()
    spans = list(zip(ordered["start"].tolist(), ordered["end"].tolist(), strict=True))
    cuts = [0, *(np.flatnonzero(docs[1:] != docs[:-1]) + 1).tolist(), len(docs)]
    return {docs[a]: spans[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if b > a}


def _hits_frame(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=TERM_HIT_COLUMNS)
    return frame.astype({"sent_id": "int64", "start": "int64", "end": "int64"} | {
        c: "string" for c in TERM_HIT_COLUMNS if c not in ("sent_id", "start", "end")})


# ------------------------------------------------------------------------------ scores
def _doc_words(text: str, title: str, embeds: list) -> tuple[int, int]:
    """Words of the outlet (embeds left out) and words of its narration alone.

    Narration leaves out the headline, quotations and interview turns (the regions of
    :func:`framing.quotes.voice_spans`, found without attributing speakers).
    Both are :func:`framing.text.count_words` counts (words starting outside the spans), from
    one pass over the words.
    """
    emb = [(s, e) for s, e, _ in embeds]
    other = [(s, e) for s, e, _, _ in quote_voice_spans(text, title, speakers=False)]
    return count_words(text, emb), count_words(text, emb + other)


def term_scores(
    articles: pd.DataFrame,
    hits: pd.DataFrame | None = None,
    *,
    lexicon: Lexicon | str | None = None,
    outlet: str = "outlet",
    text: str = "text",
    seed: int = SEED,
    speakers: bool = True,
) -> pd.DataFrame:
    """Score each outlet's labels: rates per 1,000 words and label shares, with 95% CIs.

    Measures (the ``measure`` column), each for voice ``all`` and ``narrator``:

    - ``terms:rate:<family>:<term>:<voice>``: hits per 1,000 words; ``<term>`` ``*`` is the
      whole family. ``n_events`` is the hit count. Words exclude embedded material; for the
      narrator voice they also exclude the headline, quotation marks' spans and interview
      turns, so the rate is per 1,000 words of the outlet's own narration.
    - ``terms:share:<share>:<voice>``: the lexicon's shares (e.g. ``regime_vs_government``,
      regime / (regime + government) for the Syrian referent); ``n_events`` is the
      denominator count.

    Intervals resample articles within an outlet (:func:`framing.stats.bootstrap_ci`).

    Parameters
    ----------
    articles : DataFrame
        Articles table with ``doc_id``, the text column and the outlet column.
    hits : DataFrame, optional
        term_hits from :func:`find_terms` with the same lexicon; computed when omitted.
    lexicon : Lexicon, path or None
        Lexicon for matching and for the list of terms and shares.
    outlet, text : str
        Columns holding the outlet and the text.
    seed : int
        Bootstrap seed.
    speakers : bool, default=True
        As in :func:`find_terms` (used when ``hits`` is not given).

    Returns
    -------
    DataFrame
        outlet_scores rows (see :func:`framing.stats.outlet_scores_frame`).
    """
    return outlet_scores(term_stats(hits, articles, lexicon=lexicon, outlet=outlet, text=text,
                                    speakers=speakers), seed=seed)


def term_stats(
    hits: pd.DataFrame | None,
    articles: pd.DataFrame,
    *,
    lexicon: Lexicon | str | None = None,
    outlet: str = "outlet",
    text: str = "text",
    speakers: bool = True,
) -> pd.DataFrame:
    """Per-article numerators and denominators of :func:`term_scores`' measures.

    Returns a :data:`framing.stats.ARTICLE_STAT_COLUMNS` table; parameters as in
    :func:`term_scores` (``hits`` None: found here).
    """
    articles = _check_articles(articles, "term_scores")
    lex = load_lexicon(lexicon)
    for col, param in ((outlet, "outlet"), (text, "text"), ("doc_id", "")):
        _column(articles, col, "term_scores", param)
    if hits is None:
        hits = find_terms(articles, lex, text=text, speakers=speakers)
    for col in TERM_HIT_COLUMNS:
        _column(hits, col, "term_scores", "")
    doc_ids = articles["doc_id"].astype(str).tolist()
    titles = articles["title"].tolist() if "title" in articles.columns else [""] * len(doc_ids)
    embeds = articles["embeds"].tolist() if "embeds" in articles.columns else [None] * len(doc_ids)
    words = np.array([_doc_words(t, ti if isinstance(ti, str) else "", _embeds(em))
                      for t, ti, em in zip(articles[text].tolist(), titles, embeds, strict=True)],
                     dtype=float).reshape(-1, 2)
    counts = _count_matrices(hits, lex, doc_ids)
    out = ArticleStats(articles, outlet=outlet, text=text)
    for idx in out.positions().values():
        for v, voice in enumerate(SCORE_VOICES):
            wcol = words[idx, v]
            base = "words" if voice == "all" else f"{voice}_words"
            rates, shares = counts[voice]
            k = 0
            for fam in lex.families:
                fam_counts = np.zeros(len(idx))
                for term in fam.terms:
                    c = rates[idx, k]
                    k += 1
                    fam_counts += c
                    out.add(measure_id("terms", "rate", term.name, voice, family=fam.name), idx,
                            c, wcol, base=base, scale=1000.0)
                out.add(measure_id("terms", "rate", "*", voice, family=fam.name), idx,
                        fam_counts, wcol, base=base, scale=1000.0)
            for share, (num, den) in zip(lex.shares, shares, strict=True):
                out.add(measure_id("terms", "share", share.name, voice), idx, num[idx], den[idx],
                        base="labels")
    return out.frame()


def cli_kwargs(args) -> tuple[dict, dict]:
    """Keyword arguments of :func:`find_terms` and :func:`term_stats` from ``framing terms``'s
    options (see :mod:`framing.registry`)."""
    lexicon = load_lexicon(args.lexicon, extend=not args.lexicon_only)
    return {"lexicon": lexicon}, {"lexicon": lexicon}


def _count_matrices(hits: pd.DataFrame, lex: Lexicon, doc_ids: list[str]) -> dict:
    """Per voice: hits per (document, term) and per-document share numerators/denominators."""
    row_of = {d: i for i, d in enumerate(doc_ids)}
    col_of = {(f.name, t.name): k for k, (f, t) in enumerate(lex.iter_terms())}
    h = hits[hits["voice"] != "embedded"]
    out = {}
    for voice in SCORE_VOICES:
        vh = h if voice == "all" else h[h["voice"] == voice]
        rows = np.array([row_of.get(d, -1) for d in vh["doc_id"].tolist()], dtype=int)
        cols = np.array([col_of.get(k, -1) for k in zip(vh["family"].tolist(),
                                                        vh["term"].tolist(), strict=True)],
                        dtype=int)
        keep = (rows >= 0) & (cols >= 0)
        rates = np.zeros((len(doc_ids), len(col_of)))
        np.add.at(rates, (rows[keep], cols[keep]), 1.0)
        families = vh["family"].to_numpy()
        referents = vh["referent"].to_numpy()
        shares = []
        for share in lex.shares:
            ok = (families == share.family) & (rows >= 0)
            if share.referent is not None:
                ok &= referents == share.referent
            names = lex.family(share.family).term_names()
            pair = []
            for terms in (share.numerator, share.denominator):
                mask = ok & vh["term"].isin(names if "*" in terms else list(terms)).to_numpy()
                pair.append(np.bincount(rows[mask], minlength=len(doc_ids)).astype(float))
            shares.append(tuple(pair))
        out[voice] = (rates, shares)
    return out


def parse_measure(measure: str) -> dict[str, str]:
    """Deprecated: use :func:`framing.measures.parse_measure` (this accepts old names too)."""
    import warnings

    warnings.warn("framing.terms.parse_measure is deprecated; use "
                  "framing.measures.parse_measure", FutureWarning, stacklevel=2)
    if measure.count(":") != 3:
        measure = legacy_measure(measure)
    return parse_id(measure)


# ------------------------------------------------------------------------------ distinctive words
def word_counts(texts: Iterable[str], embeds: Iterable[object] | None = None) -> pd.Series:
    """Count lower-cased words over ``texts``, leaving out embedded spans."""
    counts: Counter[str] = Counter()
    texts = list(texts)
    embeds = [None] * len(texts) if embeds is None else list(embeds)
    for t, emb in zip(texts, embeds, strict=True):
        spans = [(s, e) for s, e, _ in _embeds(emb)]
        counts.update(t[a:b].lower().replace("’", "'") for a, b in word_spans(t)
                      if not any(s <= a < e for s, e in spans))
    return pd.Series(counts, dtype=float).sort_index()


def distinctive_words(
    articles: pd.DataFrame,
    group: str | Sequence[str],
    versus: str | Sequence[str] | None = None,
    *,
    outlet: str = "outlet",
    text: str = "text",
    prior: float | str = 0.01,
    min_count: int = 1,
) -> pd.DataFrame:
    """Words that set one group of outlets apart from another ("Fightin' Words").

    Parameters
    ----------
    articles : DataFrame
        Articles table.
    group : str or list of str
        Outlet(s) of group a.
    versus : str or list of str, optional
        Outlet(s) of group b; default every other outlet.
    outlet, text : str
        Columns of ``articles``.
    prior : float or 'pooled', default=0.01
        Dirichlet prior of :func:`framing.stats.log_odds_dirichlet`.
    min_count : int, default=1
        Drop words seen fewer times than this in both groups together.

    Returns
    -------
    DataFrame
        ``word, count_a, count_b, prior, delta, var, z``; positive z leans to ``group``.
    """
    from framing.stats import log_odds_dirichlet

    articles = _check_articles(articles, "distinctive_words")
    col = _column(articles, outlet, "distinctive_words", "outlet")
    _column(articles, text, "distinctive_words", "text")
    a_names = [group] if isinstance(group, str) else list(group)
    in_a = col.isin(a_names)
    in_b = ~in_a if versus is None else col.isin([versus] if isinstance(versus, str)
                                                 else list(versus))
    for name, mask in (("group", in_a), ("versus", in_b)):
        if not mask.any():
            raise FramingError(bad_value(name, "distinctive_words", sorted(col.unique()),
                                         group if name == "group" else versus))
    emb = articles["embeds"] if "embeds" in articles.columns else pd.Series([None] * len(col),
                                                                            index=col.index)
    ca = word_counts(articles.loc[in_a, text], emb[in_a])
    cb = word_counts(articles.loc[in_b, text], emb[in_b])
    res = log_odds_dirichlet(ca, cb, prior=prior)
    return res[res["count_a"] + res["count_b"] >= min_count].reset_index(drop=True)


# ------------------------------------------------------------------------------ kwic
class KwicFrame(pd.DataFrame):
    """A keyword-in-context table that renders as an aligned concordance in notebooks."""

    @property
    def _constructor(self):
        return KwicFrame

    def _repr_html_(self) -> str:
        cols = [c for c in self.columns if c not in ("left", "match", "right", "start", "end")]
        head = "".join(f"<th>{html.escape(str(c))}</th>" for c in cols)
        body = []
        for rec in self.to_dict("records"):
            cells = "".join(f"<td>{html.escape(str(rec[c]))}</td>" for c in cols)
            body.append(
                f"<tr>{cells}<td style='text-align:right;white-space:pre'>"
                f"{html.escape(str(rec.get('left', '')))}</td><td style='text-align:center'>"
                f"<b>{html.escape(str(rec.get('match', '')))}</b></td>"
                f"<td style='text-align:left;white-space:pre'>"
                f"{html.escape(str(rec.get('right', '')))}</td></tr>")
        return (f"<table class='framing-kwic'><thead><tr>{head}<th>left</th><th>match</th>"
                f"<th>right</th></tr></thead><tbody>{''.join(body)}</tbody></table>")

    def to_text(self, width: int | None = None) -> str:
        """The concordance as aligned plain text, one hit per line."""
        if self.empty:
            return "(no hits)"
        lw = width or max(len(s) for s in self["left"])
        lines = []
        for rec in self.to_dict("records"):
            where = f"{rec['doc_id']}:{rec['line'] if rec['line'] is not None else '?'}"
            lines.append(f"{where:<10} {rec['left'][-lw:]:>{lw}} [{rec['match']}] {rec['right']}")
        return "\n".join(lines)


def kwic(
    articles: pd.DataFrame,
    term: str | None = None,
    *,
    hits: pd.DataFrame | None = None,
    lexicon: Lexicon | str | None = None,
    outlet: str | None = None,
    family: str | None = None,
    voice: str | None = None,
    referent: str | None = None,
    measure: str | None = None,
    width: int = 40,
    outlet_col: str = "outlet",
    text: str = "text",
) -> KwicFrame:
    """Keyword in context: every hit of a term with its surroundings and raw-file line.

    Parameters
    ----------
    articles : DataFrame
        Articles table (``doc_id``, text, outlet; ``paragraph_lines`` or ``source_lines`` give
        the raw line).
    term : str, optional
        A term name of the lexicon (``regime``) or a surface form (``Assad regime``), compared
        case-insensitively. A word the lexicon does not know is searched for as a pattern of
        its own (family ``query``). None keeps every term.
    hits : DataFrame, optional
        term_hits to show (default: :func:`find_terms` on ``articles``).
    lexicon : Lexicon, path or None
        Lexicon used when ``hits`` is not given.
    outlet, family, voice, referent : str, optional
        Keep only hits with these values.
    measure : str, optional
        A ``terms:`` measure of :func:`term_scores`: keep exactly the hits it counts (for a
        share, the hits of its denominator), so that with ``outlet`` the table has
        ``n_events`` rows.
    width : int, default=40
        Characters of context on each side (line breaks shown as spaces).
    outlet_col, text : str
        Columns of ``articles`` holding the outlet and the text.

    Returns
    -------
    KwicFrame
        Columns :data:`KWIC_COLUMNS`, in document order.

    Examples
    --------
    >>> articles = pd.DataFrame({"doc_id": ["d1"], "outlet": ["X"],
    ...                          "text": ["Rebels said the regime shelled Homs."]})
    >>> kwic(articles, "regime", width=10)[["left", "match", "right"]].values.tolist()
    [[' said the ', 'regime', ' shelled H']]
    """
    articles = _check_articles(articles, "kwic")
    lex = load_lexicon(lexicon)
    if voice is not None and voice not in VOICES:
        raise FramingError(bad_value("voice", "kwic", VOICES, voice))
    if family is not None and family not in lex.family_names() and hits is None:
        raise FramingError(bad_value("family", "kwic", lex.family_names(), family))
    if outlet is not None:
        names = _column(articles, outlet_col, "kwic", "outlet_col").astype(str)
        if outlet not in set(names):
            raise FramingError(bad_value("outlet", "kwic", set(names), outlet))
        articles = articles[names == outlet]
    if hits is None:
        known = {t.name.lower() for _, t in lex.iter_terms()}
        if term is not None and term.lower() not in known and not _is_variant(lex, term):
            lex = load_lexicon({"families": {"query": {"note": "kwic query", "terms": {
                term: {"note": "kwic query", "variants": [term], "case": "any"}}}}},
                extend=False)
        hits = find_terms(articles, lex, text=text)
    sel = hits if measure is None else _measure_hits(hits, lex, measure)
    if term is not None:
        key = term.lower()
        sel = sel[(sel["term"].str.lower() == key) | (sel["match"].str.lower() == key)]
    for col, val in (("family", family), ("voice", voice), ("referent", referent)):
        if val is not None:
            sel = sel[sel[col] == val]
    by_id = dict(zip(articles["doc_id"].astype(str), articles.to_dict("records"), strict=True))
    records = []
    for h in sel.to_dict("records"):
        art = by_id.get(h["doc_id"])
        if art is None:  # hits of articles filtered out (another outlet)
            continue
        t = art[text]
        s, e = int(h["start"]), int(h["end"])
        records.append({
            "doc_id": h["doc_id"],
            "outlet": art.get(outlet_col, ""),
            "line": raw_line(art, s),
            "left": _flat(t[max(0, s - width):s]),
            "match": h["match"],
            "right": _flat(t[e:e + width]),
            **{c: h[c] for c in ("family", "term", "referent", "voice", "speaker")},
            "start": s,
            "end": e,
        })
    return KwicFrame(pd.DataFrame(records, columns=KWIC_COLUMNS))


def _measure_hits(hits: pd.DataFrame, lex: Lexicon, measure: str) -> pd.DataFrame:
    """The hits that ``term_scores`` counts for ``measure`` (embedded material never counts)."""
    spec = parse_id(measure)
    if spec["stage"] != "terms":
        raise FramingError(f"kwic expands measures of the terms stage; got {measure!r}.")
    sel = hits[hits["voice"] != "embedded"]
    if spec["voice"] == "narrator":
        sel = sel[sel["voice"] == "narrator"]
    if spec["statistic"] == "rate":
        sel = sel[sel["family"] == spec["family"]]
        return sel if spec["subject"] == "*" else sel[sel["term"] == spec["subject"]]
    shares = {sh.name: sh for sh in lex.shares}
    if spec["subject"] not in shares:
        raise FramingError(bad_value("measure", "kwic", [f"terms:share:{n}:<voice>"
                                                         for n in shares], measure))
    share = shares[spec["subject"]]
    sel = sel[sel["family"] == share.family]
    if share.referent is not None:
        sel = sel[sel["referent"] == share.referent]
    if "*" not in share.denominator:
        sel = sel[sel["term"].isin(share.denominator)]
    return sel


def _flat(s: str) -> str:
    return s.translate({10: " ", 13: " ", 9: " "})


def _is_variant(lex: Lexicon, surface: str) -> bool:
    key = fold(surface)
    return any(fold(f) == key for _, t in lex.iter_terms() for p in t.variants
               for f in expand_pattern(p.rstrip("*")))


# scikit-learn loads on first use of the vectorizer, not with framing.terms
__getattr__ = lazy_exports("framing.terms", {"TermFamilyVectorizer": "framing.vectorize"})
