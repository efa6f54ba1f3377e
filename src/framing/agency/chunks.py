"""Chunks: noun phrases and auxiliary chains around a token, as token index ranges."""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing.agency.tokens import Toks
from framing.agency.words import DET, OBJ_PRON, SUBJ_PRON, TIME

if TYPE_CHECKING:
    from framing.agency.lexicon import EventLexicon


def np_left(toks: Toks, j: int) -> tuple[int, int] | None:
    """Noun phrase ending at token ``j`` (inclusive), as token indices [a, b)."""
    if j < 0:
        return None
    if toks[j].low in SUBJ_PRON or toks[j].low in OBJ_PRON:
        return (j, j + 1)
    a = j + 1
    k = j
    while k >= 0:
        tok = toks[k]
        if a <= j and tok.bare in TIME:
            break  # "in February its website": a time word starts another phrase
        if tok.np:
            if tok.low in DET and not tok.poss:
                a = k
                break
            a = k
            k -= 1
            continue
        if tok.text == ")" and a <= j and k >= 3 and toks[k - 2].text == "(":
            k -= 3  # "the Levant (ISIL) terrorist organization"
            continue
        if tok.low == "of" and a <= j and k > 0 and toks[k - 1].np:
            k -= 1
            continue
        break
    # a phrase of determiners only is none; the walk stops at the first one, so it is one word
    if a > j or (a == j and toks[j].low in DET and not toks[j].poss):
        return None
    return (a, j + 1)


def np_right(toks: Toks, i: int, *, allow_of: bool = True) -> tuple[int, int] | None:
    """Noun phrase starting at token ``i``, as token indices [a, b)."""
    n = len(toks)
    if i >= n:
        return None
    if toks[i].low in OBJ_PRON:
        return (i, i + 1)
    k = i
    while k < n:
        tok = toks[k]
        if tok.text == "-" and k > i and k + 1 < n and toks[k + 1].cap:
            k += 1
            continue
        if tok.np and not (k > i and tok.low in DET and not tok.poss):
            k += 1
            continue
        if (allow_of and tok.low == "of" and k > i and k + 1 < n
                and toks[k + 1].np):
            k += 2  # "the aircrafts of the US-led coalition": a determiner may follow "of"
            continue
        break
    if k == i or (k == i + 1 and toks[i].low in DET and not toks[i].poss):
        return None
    return (i, k)


def head_of(toks: Toks, ab: tuple[int, int]) -> int:
    """Index of the head noun of phrase ``ab``: its last word before "of" ("the city of X")."""
    a, b = ab
    for t in range(a + 1, b - 1):
        if toks[t].low == "of":
            return t - 1
    return b - 1


def np_before(toks: Toks, k: int, lex: EventLexicon) -> tuple[int, int] | None:
    """:func:`np_left`, also when token ``k`` is an event noun that looks like a verb
    ("US-led air strikes in Syria kill": strikes)."""
    ab = np_left(toks, k)
    if ab is None and k >= 0 and toks[k].low in lex.event_nouns:
        left = np_left(toks, k - 1)
        ab = (left[0] if left is not None else k, k + 1)
    return ab


def span_of(toks: Toks, ab: tuple[int, int] | None) -> tuple[int, int] | None:
    """Character offsets of the tokens ``ab`` (None for None)."""
    if ab is None:
        return None
    return (toks.starts[ab[0]], toks.ends[ab[1] - 1])


def aux_chain(toks: Toks, i: int) -> tuple[int, list[str]]:
    """Walk left over auxiliaries, modals, negation and adverbs; return (first index, words)."""
    words: list[str] = []
    k = i - 1
    while k >= 0 and toks[k].aux:
        words.append(toks[k].low)
        k -= 1
    return k + 1, words


def text_of(text: str, span: tuple[int, int] | str | None) -> str:
    if span is None:
        return ""
    if isinstance(span, str):
        return span
    return text[span[0]:span[1]]

