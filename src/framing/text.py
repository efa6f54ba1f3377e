"""Text primitives with character offsets: words, sentences, paragraphs.

Every span is a ``(start, end)`` pair that slices back into the text it came from. The sentence
splitter is a tuned regular-expression splitter for news copy (titles, initials, "U.S.",
"a.m.", ellipses, quotations that close a sentence, interview "Q:"/"A:" lines); it runs in linear
time and needs no downloaded model.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from operator import itemgetter

import numpy as np
import pandas as pd

from framing._errors import FramingError, missing_column

WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)

# Titles before a name: a period after them never ends a sentence ("Lt. Col. Damien Pickart").
_TITLES = frozenset(
    """mr mrs ms messrs dr prof gen lt col capt cmdr cdr sgt maj adm brig gov sen rep rev fr
    hon pres supt insp cpl pvt spc gens sens reps mt ft vs""".split()
)
# Abbreviations that may also end a sentence ("... in the U.S. The Pentagon said").
_ABBREVIATIONS = frozenset(
    """st jr sr etc inc ltd co corp dept bros approx est ave blvd intl govt natl assn
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    a.m p.m e.g i.e u.s u.k u.n d.c n.y l.a""".split()
)
# Abbreviations that only ever precede a number ("No. 1", "Vol. 3"); elsewhere "No." is a word.
_NUMBER_ABBREVIATIONS = frozenset("no nos vol fig art pp".split())
# Words that commonly open a sentence: after an ambiguous abbreviation ("U.S.", "a.m.", an
# initial) a capitalised word from this list starts a new sentence, any other one continues
# the name or the phrase ("U.S. Army", "George W. Bush", "10 a.m. ET").
_STARTERS = frozenset(
    """the a an he she it they we i you his her its their our my this that these those there
    here but and or so yet if when while as after before since because although though however
    meanwhile moreover still also then now in on at for from with by to according some many
    most all both each no not one two three several other another what why how who where which
    earlier later last""".split()
)
_TERMINALS = ".!?…‽؟。！？।"
_CLOSERS = "\"'”’»)]"
# A candidate boundary: terminal punctuation (with closing quotes or brackets) before white
# space, the end, or a capitalised word glued to it ("hometown.The", a scraping artefact); or a
# line break. Character classes only, so matching is linear. Written as one character class
# followed by look-behinds (the same matches as "[T]+[C]*(?=...)|\n"), so that the regex engine
# skips to candidate characters in C, 2.5 times as fast.
_T, _C = re.escape(_TERMINALS), re.escape(_CLOSERS)
_CANDIDATE_RE = re.compile(
    rf"[{_T}\n](?:(?<=\n)|(?<=[{_T}])[{_T}]*[{_C}]*(?=\s|$|[A-Z][a-z]))")
_TOKEN_BEFORE_RE = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*$")
_GLUED_RE = re.compile(r"[a-z]{2}[.!?]")
_NEXT_WORD_RE = re.compile(r"\s*([\"'“‘«(\[]?)(\w+)")
_SPEECH_AFTER_RE = re.compile(
    r"\s*(?:[A-Z][\w'’.-]*\s+){1,3}(?:said|says|asked|asks|added|adds|told|replied|shouted|wrote)\b"
)
# Look no further than this for the token before a period or the words after a boundary.
_WINDOW = 64


def word_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of every word in ``text``.

    A word is a run of letters or digits, joined across inner apostrophes and hyphens
    ("Syria's", "anti-government").

    Examples
    --------
    >>> word_spans("Syria's anti-government forces")
    [(0, 7), (8, 23), (24, 30)]
    """
    return [m.span() for m in WORD_RE.finditer(text)]


_TEXT_CACHES: list = []
#: Texts each per-text cache holds: stages share their work on chunks of up to this many articles.
TEXT_CACHE_SIZE = 4096


def per_text_cache(func: Callable) -> Callable:
    """Cache ``func``, a function of one article's text, for the other stages of a chunk.

    Up to :data:`TEXT_CACHE_SIZE` texts (more than a chunk's articles: every stage walks the
    whole chunk);
    :func:`framing.pipeline.score_chunk` empties these caches when a chunk is done
    (:func:`clear_text_caches`), so a worker keeps no text longer than it needs.
    """
    cached = lru_cache(maxsize=TEXT_CACHE_SIZE)(func)
    _TEXT_CACHES.append(cached)
    return cached


def clear_text_caches() -> None:
    """Empty every cache made by :func:`per_text_cache`."""
    for cached in _TEXT_CACHES:
        cached.cache_clear()


@per_text_cache
def _n_words(text: str) -> int:
    """Words in ``text``; cached, as every stage's per-outlet rates divide by it."""
    return len(WORD_RE.findall(text))


def count_words(text: str, exclude: Iterable[tuple[int, int]] = ()) -> int:
    """Count words in ``text``, leaving out words that start inside an ``exclude`` span.

    Examples
    --------
    >>> count_words("Russia warns US-led coalition", exclude=[(0, 6)])
    3
    """
    spans = sorted((a, b) for a, b in exclude if b > a)
    if not spans:
        return _n_words(text)
    starts, n, reach = _word_starts(text), 0, -1
    for a, b in spans:  # words starting in the union of the spans, counted once
        a = max(a, reach)
        if a < b:
            n += bisect_left(starts, b) - bisect_left(starts, a)
            reach = b
    return len(starts) - n


def parse_embeds(value: object) -> list[tuple[int, int, str]]:
    """``(start, end, author)`` spans of an articles table's ``embeds`` cell (a JSON list or a
    list of ``[start, end, kind, author]``, or missing): the embedded material (tweets) in
    the text, not the outlet's own words."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value == "":
        return []
    try:
        items = json.loads(value) if isinstance(value, str) else value
        return [(int(e[0]), int(e[1]), str(e[3]) if len(e) > 3 else "") for e in items]
    except (ValueError, TypeError, IndexError) as exc:
        raise FramingError(f"Column 'embeds' must hold a JSON list of [start, end, kind, "
                           f"author] spans; got {str(value)[:60]!r} ({exc}).") from exc


def own_words(text: str, embeds: object = None) -> int:
    """Words an outlet wrote in ``text``: :func:`count_words` with embedded material left out.

    ``embeds`` is the articles table's ``embeds`` cell: a JSON list (or list) of
    ``[start, end, ...]`` spans, or empty. Every per-outlet ``n_words`` and every rate per
    1,000 words divides by this count.

    Examples
    --------
    >>> own_words("Moscow said. @RT_com: a tweet", "[[13, 29, \"tweet\"]]")
    2
    """
    if not isinstance(text, str):
        return 0
    return count_words(text, [(a, b) for a, b, _ in parse_embeds(embeds)])


def article_words(articles, text: str = "text") -> np.ndarray:
    """:func:`own_words` of every row of an articles table (``text`` and optional ``embeds``)."""
    embeds = articles["embeds"].tolist() if "embeds" in articles.columns \
        else [None] * len(articles)
    return np.array([own_words(t, e) for t, e in zip(articles[text].tolist(), embeds,
                                                     strict=True)], dtype=np.int64)


@per_text_cache
def _word_starts(text: str) -> list[int]:
    return [m.start() for m in WORD_RE.finditer(text)]


def _ends_sentence(text: str, cand: re.Match) -> bool:
    """Decide whether the candidate boundary ``cand`` really ends a sentence."""
    mark = cand.group()
    end = cand.end()
    if mark == "\n":
        return _line_break_ends_sentence(text, cand.start())
    if mark == "." and text[end:end + 1] == " " and text[end + 1:end + 2].isupper() \
            and text[end + 1].isalnum():
        # The common case, "... word. The": only the token before the period decides.
        return _period_ends_sentence(text, cand.start(), end, "", text[end + 1])
    if mark.startswith(".") and mark.endswith(")"):
        opened = text.rfind("(", max(0, cand.start() - 12), cand.start())
        if opened >= 0 and not any(c.isspace() for c in text[opened:cand.start()]):
            return False  # "Sen. Curtis Dunlevy (R-Kan.) - one of five": an abbreviation
    if end < len(text) and not text[end].isspace():
        # Glued to a capitalised word: only a single mark after a lower-case word counts.
        if not _GLUED_RE.fullmatch(text, max(0, cand.start() - 2), end):
            return False
    after = text[end:end + _WINDOW]
    rest = after.lstrip()
    if rest[:1] and rest[0] in _TERMINALS:  # a spaced ellipsis ". . ." goes on
        return False
    nxt = _NEXT_WORD_RE.match(after)
    if nxt is None:  # only symbols or nothing follow
        return True
    quote, word = nxt.groups()
    first = word[0]
    if first.islower():  # "e.g. the", '!" he said', "a.m. on Monday"
        return False
    run = mark.rstrip(_CLOSERS)
    closed = len(run) < len(mark)
    if run in ("!", "?") and closed and _SPEECH_AFTER_RE.match(after):
        return False  # '"Are you serious?" Smith asked.'
    if run != ".":
        # "!", "?", an ellipsis ("...", "…") or a mix: a new sentence starts at a capital.
        return not first.isdigit() or "." not in run
    if closed:
        return True
    return _period_ends_sentence(text, cand.start(), end, quote, first)


def _period_ends_sentence(text: str, start: int, end: int, quote: str, first: str) -> bool:
    """Decide a period at ``text[start:end]`` followed by ``quote`` and a word starting with
    ``first`` (not lower-case) from the token before it: titles, abbreviations, initials."""
    last = text[start - 1] if start else " "
    if not last.isspace() and (not last.isalnum() or last.isdecimal()):
        return True  # the token ends in no letter: no title, abbreviation or initial
    tail = text[max(0, start - _WINDOW):start].rsplit(None, 1)
    before = _TOKEN_BEFORE_RE.search(tail[-1]) if tail else None
    if before is None:
        return True
    token = before.group()
    low = token.lower()
    if low in _TITLES:
        return False
    if low in _NUMBER_ABBREVIATIONS:
        return not first.isdigit()
    is_initial = len(token) == 1 and token.isupper()
    dotted = "." in token  # "U.S", "a.m", "D.C"
    if low in _ABBREVIATIONS or is_initial or dotted:
        if first.isdigit():  # "No. 1", "Jan. 5"
            return False
        return bool(quote) or _NEXT_WORD_RE.match(text, end, end + _WINDOW).group(2).lower() \
            in _STARTERS
    return True


def _line_break_ends_sentence(text: str, pos: int) -> bool:
    """A line break ends a sentence unless it wraps a lower-case continuation."""
    prev = text[max(0, pos - _WINDOW):pos].rstrip(" \t\r")
    if not prev or prev.endswith("\n"):  # a blank line separates paragraphs
        return True
    nxt = text[pos + 1:pos + 1 + _WINDOW].lstrip(" \t\r")
    if not nxt or nxt.startswith("\n"):
        return True
    return not (nxt[0].islower() and (prev[-1].isalpha() or prev[-1] in ",;"))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences and return their ``(start, end)`` offsets.

    Sentences end at terminal punctuation (``. ! ? …``, also Arabic, CJK and Devanagari marks)
    with any closing quotes or brackets, and at line breaks. A period does not end a sentence
    after a title ("Mr.", "Lt. Col."), nor after an abbreviation or an initial ("U.S.", "a.m.",
    "W.") unless a common sentence opener follows ("... in the U.S. The Pentagon"); nothing ends
    before a lower-case word ('"Stop!" he said'). Spans exclude surrounding white space; text
    without sentence punctuation yields one sentence per line.

    Parameters
    ----------
    text : str
        Any text; offsets refer to it unchanged.

    Returns
    -------
    list of (int, int)
        Sorted, non-overlapping ``(start, end)`` offsets with ``text[start:end]`` a sentence.

    Examples
    --------
    >>> s = "Lt. Col. Damien Pickart spoke at 10 a.m. Monday. He said: “We are safe.” Q: Why?"
    >>> [s[a:b] for a, b in sentence_spans(s)]
    ['Lt. Col. Damien Pickart spoke at 10 a.m. Monday.', 'He said: “We are safe.”', 'Q: Why?']
    """
    if not isinstance(text, str):
        raise FramingError(
            f"The 'text' parameter of sentence_spans must be a str. Got {type(text).__name__}."
        )
    return list(_sentence_spans(text))


@per_text_cache
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for cand in _CANDIDATE_RE.finditer(text):
        if _ends_sentence(text, cand):
            _append(spans, text, start, cand.end())
            start = cand.end()
    _append(spans, text, start, len(text))
    return tuple(spans)


SENTENCE_COLUMNS = ["doc_id", "sent_id", "start", "end"]


def sentences(articles: pd.DataFrame, *, text: str = "text",
              doc_id: str = "doc_id") -> pd.DataFrame:
    """Split every article into sentences: the **sentences** table.

    Parameters
    ----------
    articles : DataFrame
        An articles table.
    text, doc_id : str
        Columns holding the text and the article id.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, start, end``: ``sent_id`` counts from 0 within each article in text
        order (the ids other stages get from :func:`sentence_index`), offsets slice ``text``.

    Examples
    --------
    >>> import pandas as pd
    >>> sentences(pd.DataFrame({"doc_id": ["a"], "text": ["Mr. Putin spoke. Q: Why?"]}))
      doc_id  sent_id  start  end
    0      a        0      0   16
    1      a        1     17   24
    """
    for col, param in ((text, "text"), (doc_id, "doc_id")):
        if col not in articles.columns:
            raise FramingError(missing_column(col, articles.columns, param))
    rows = [
        (doc, i, start, end)
        for doc, body in zip(articles[doc_id], articles[text], strict=True)
        for i, (start, end) in enumerate(sentence_spans(body))
    ]
    frame = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    return frame.astype({"sent_id": "int64", "start": "int64", "end": "int64"})


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return the offsets of paragraphs (blocks separated by blank lines)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text)]


def sentence_index(spans: Sequence[tuple[int, int]], offset: int) -> int:
    """Index of the sentence in ``spans`` that contains ``offset`` (or the nearest before it)."""
    return max(bisect_right(spans, offset, key=itemgetter(0)) - 1, 0)
