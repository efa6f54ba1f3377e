"""Tokens: the words of a sentence with their offsets and word classes, cached per lexicon."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate, chain
from operator import itemgetter
from typing import TYPE_CHECKING

from framing.agency.words import (
    ACCUSE,
    ADV,
    AUX,
    BE,
    CLAUSE_END,
    CONJ,
    DET,
    DO,
    HAVE,
    IRREALIS,
    MODAL,
    NEG,
    OBJ_PRON,
    POSS_PRON,
    PREP,
    REL,
    REPORT,
    SUBJ_PRON,
)
from framing.text import sentence_spans

if TYPE_CHECKING:
    from framing.agency.lexicon import EventLexicon

# Upper-case names that would otherwise read as function words ("US" is not "us").
_UPPER_NAMES = {"US": "u.s.", "US’s": "u.s.’s", "US's": "u.s.'s", "IS": "i.s.", "IT": "i.t."}
# Frequent irregular or -ed-less finite verbs that end a subject noun phrase.
_COMMON_VERBS = frozenset(
    "began begins begin took takes made makes came comes went goes gave gives saw sees held "
    "holds left leaves fled flees led leads sent sends kept keeps became becomes brought "
    "brings fought fights won wins lost loses met meets put puts ran runs set sets stood "
    "stands thought thinks knew knows found finds seemed seems remains remain called calls "
    "warns warn urges urge vows vow want wants wanted".split()
)
# -ed words that are adjectives inside noun phrases ("armed groups", "unidentified gunmen").
_ED_ADJ = frozenset("armed alleged unidentified unnamed suspected armoured armored masked "
                    "organized organised united".split())
TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}(?:-[^\W_]+)*"  # U.S., U.S.-backed
    r"|[^\W_]+(?:[’'\-/][^\W_]+)*(?:[’']s?)?"  # words, hyphenated words, possessives
    r"|[^\w\s]",
    re.UNICODE,
)


class Tok:
    """A word: surface, lower-cased form, capitalised, possessive, the lower-cased form
    without its possessive ending (:func:`_bare`), and the word classes the rules ask about
    most: an auxiliary-chain word (``aux``, see :func:`aux_chain`), what it is to
    :func:`_irrealis_before` (``irr``: 1 clause end, 2 irrealis cue, 3 "short", else 0) and,
    under one lexicon, whether it is probably a finite verb (``verb``,
    :func:`_verb_like_word`), can sit inside a noun phrase (``np``, :func:`_np_word`) and ends
    the search for a by-phrase (``by_stop``, see :func:`by_agent`). One object per distinct
    word and lexicon, shared by all its occurrences; offsets live in :class:`Toks`."""

    __slots__ = ("text", "low", "cap", "poss", "bare", "aux", "irr", "verb", "np", "by_stop")

    def __init__(self, w: str, lex: EventLexicon):
        low = _UPPER_NAMES.get(w) or w.lower()
        self.text = w
        self.low = low
        self.cap = w != w.lower()
        self.poss = low.endswith(("'s", "’s", "s'", "s’")) or low in POSS_PRON
        self.bare = _bare(low)
        self.aux = low in AUX or low.endswith("n't") or _is_adverb(low)
        self.irr = (1 if w in CLAUSE_END else 2 if low in IRREALIS else 3 if low == "short"
                    else 0)
        self.verb = _verb_like_word(self, lex)
        self.np = _np_word(self, lex)
        self.by_stop = w in CLAUSE_END or low in CONJ or low in REL or self.verb


class Toks(list):
    """The tokens of a text span (a list of :class:`Tok`) with their offsets: token ``k``
    is ``text[toks.starts[k]:toks.ends[k]]``."""

    __slots__ = ("starts", "ends")
    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, words: Iterable[Tok], starts: list[int], ends: list[int]) -> Toks:
        toks = cls(words)
        toks.starts = starts
        toks.ends = ends
        return toks


#: Entries a :class:`Memo` holds at most; past it, it starts again empty.
_MEMO_SIZE = 200_000


class Memo(dict):
    """A bounded cache: ``memo[key]`` is ``factory(key)``, computed on first lookup."""

    __slots__ = ("factory",)

    def __init__(self, factory: Callable[[str], object]):
        super().__init__()
        self.factory = factory

    def __missing__(self, key: str) -> object:
        if len(self) > _MEMO_SIZE:
            self.clear()
        value = self[key] = self.factory(key)
        return value


def chunk_tokens(chunk: str, words: Memo) -> tuple[tuple[Tok, ...], tuple[int, ...]]:
    """The tokens of ``chunk`` (their :class:`Tok` from ``words``) and where they lie: for
    each token, how far its start is from the previous token's end (the first token's from
    one character before the chunk), then its length."""
    toks, steps, at = [], [], -1
    for m in TOKEN_RE.finditer(chunk):
        toks.append(words[m.group()])
        steps += (m.start() - at, m.end() - m.start())
        at = m.end()
    return tuple(toks), tuple(steps)


_first, _second = itemgetter(0), itemgetter(1)


def span_tokens(text: str, start: int, end: int, lex: EventLexicon) -> Toks:
    """Tokens of ``text[start:end]`` (matches of ``TOKEN_RE``); their word classes are those
    of ``lex``.

    No token holds white space and none reaches past one (the pattern has no look-around), so
    the tokens of a span are those of its white-space-separated chunks: a span whose chunks
    are one white-space character apart and end in a token (most sentences) is read chunk by
    chunk from the lexicon's chunk cache, without running the pattern; others are read whole.
    """
    span = text[start:end]
    found = list(map(lex._chunks.__getitem__, span.split()))
    # [start - 1, start of token 0, its end, start of token 1, ...]: a chunk's steps start one
    # character before it, at the white space after the one before
    at = list(accumulate(chain.from_iterable(map(_second, found)), initial=start - 1))
    if at[-1] != end:  # chunks further apart, or characters of no token ("_") at a chunk end
        found = [chunk_tokens(span, lex._words)]
        at = list(accumulate(found[0][1], initial=start - 1))
    return Toks.of(chain.from_iterable(map(_first, found)), at[1::2], at[2::2])


def _bare(low: str) -> str:
    """A token without its possessive ending ("america's" → "america")."""
    for suffix in ("'s", "’s"):
        if low.endswith(suffix):
            return low[: -len(suffix)]
    return low


def _is_closed(low: str) -> bool:
    return (low in DET or low in PREP or low in BE or low in HAVE or low in DO
            or low in MODAL or low in NEG or low in SUBJ_PRON or low in OBJ_PRON
            or low in REL or low in CONJ or low in ADV or low.endswith("n't"))


def _is_adverb(low: str) -> bool:
    return low in ADV or (low.endswith("ly") and len(low) > 4 and low not in {"italy", "ally"})


def _verb_like_word(tok: Tok, lex: EventLexicon) -> bool:
    """A token that is probably a finite verb (ends a subject noun phrase on its right)."""
    low = tok.low
    if (low in BE or low in HAVE or low in DO or low in MODAL or low in REPORT
            or low in _COMMON_VERBS or low in lex.finite_verbs or low in ACCUSE):
        return True
    if low.endswith("n't"):
        return True
    for r in lex.readings.get(low, ()):
        if r.role in ("third", "past") and r.role != "homograph":
            return not tok.cap or low in REPORT
    return (low.endswith("ed") and len(low) > 4 and not tok.cap and "-" not in low
            and low not in _ED_ADJ)


def _np_word(tok: Tok, lex: EventLexicon) -> bool:
    """A token that can sit inside a noun phrase (``tok.verb`` already set)."""
    low = tok.low
    if tok.text in ("-", "/", "&"):
        return False
    if not tok.text[0].isalnum():
        return False
    if low in DET or low in POSS_PRON:
        return True
    if _is_closed(low) or _is_adverb(low) or low in lex.light_verbs:
        return False
    if low.endswith("ing") and not tok.cap and low not in lex.event_nouns:
        return False
    return not tok.verb

class Doc:
    """One article being read: its text, sentences and a per-sentence token cache."""

    def __init__(self, text: str, lex: EventLexicon):
        self.text = text
        self.lex = lex
        self.sents = sentence_spans(text)
        self._toks: dict[int, Toks] = {}
        self._title: dict[int, bool] = {}

    def toks(self, sid: int) -> Toks:
        if sid not in self._toks:
            s, e = self.sents[sid]
            self._toks[sid] = span_tokens(self.text, s, e, self.lex)
        return self._toks[sid]

    def title_case(self, sid: int) -> bool:
        """True for a Title Case sentence (a headline), where capitals say nothing of names."""
        if sid not in self._title:
            words = [t for t in self.toks(sid) if len(t.text) > 3 and t.text.isalpha()]
            self._title[sid] = len(words) >= 3 and sum(t.cap for t in words) > 0.6 * len(words)
        return self._title[sid]

def token_at(toks: Toks, offset: int) -> int | None:
    """Index of the token holding character ``offset``, or None (white space)."""
    lo = bisect_right(toks.ends, offset)
    if lo < len(toks) and toks.starts[lo] <= offset:
        return lo
    return None

def is_date_number(tok: Tok) -> bool:
    return tok.text.isdigit() and (len(tok.text) == 4 or len(tok.text) <= 2)

