"""Whether a phrase can name a doer (a person, group, state, force or institution), and
the trimming and vetting of a mention's agent."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from framing.actors import find_actors, side_of
from framing.agency.chunks import head_of
from framing.agency.lexicon import EventLexicon
from framing.agency.tokens import Doc, Toks, is_date_number, span_tokens, token_at
from framing.agency.words import DET, OBJ_PRON, POSS_PRON, SUBJ_PRON, TIME
from framing.topic import register_cache

if TYPE_CHECKING:
    from framing.agency.events import Mention

def actor_like(doc: Doc, sid: int, text: str, toks: Toks, ab: tuple[int, int], *,
               names: bool = True) -> bool:
    """Whether tokens ``ab`` can name a doer: a person, group, state, force or institution.

    Pronouns can; weapons, places, counts and events (``non_agents`` of the lexicon, event
    nouns, numbers) cannot; a head among ``agent_heads``, a known actor, or (outside Title Case
    headlines, and when ``names``) a capitalised name that is not a place can. ``toks`` are
    tokens of ``text`` (the article, or a resolved agent's text) in sentence ``sid``.
    """
    lex = doc.lex
    a, b = ab
    h = head_of(toks, ab)  # "the Syrian city of Aleppo": city
    head = toks[h]
    low = head.bare
    if b - a == 1 and (low in SUBJ_PRON or low in OBJ_PRON or low in POSS_PRON):
        return True
    if (low in lex.non_agents or low in lex.event_nouns or low in TIME
            or not head.text[0].isalpha()):
        return False
    if low in lex.agent_heads or low in lex.agent_modifiers:
        return True
    if phrase_side(text[toks.starts[a]:toks.ends[h]]) != "unknown":
        return True
    return (names and head.cap and low not in lex.location_modifiers
            and not is_place(head.text) and not doc.title_case(sid))


def _named_actor_start(lex: EventLexicon, text: str, toks: Toks, a: int, b: int) -> int:
    """Token where a named actor starts after a run-on common noun in tokens [a, b), else
    ``a``."""
    span_start, span_end = toks.starts[a], toks.ends[b - 1]
    actor = _first_actor(text[span_start:span_end])
    if actor is None:
        return a
    first, last, kind = actor
    if kind == "media" and first == 0:  # a dateline: "SANA Aircrafts of"
        end = span_start + last
        t = next((t for t in range(a, b) if toks.starts[t] >= end), None)
        return t if t is not None else a
    start = span_start + first
    t = next((t for t in range(a + 1, b) if toks.starts[t] == start), None)
    if t is not None:
        prev = toks[t - 1]
        if (prev.text.isalpha() and prev.text.islower() and prev.low not in DET
                and prev.low not in lex.agent_modifiers):
            return t
    return a


@register_cache  # the topic's actors: emptied when it changes
@functools.lru_cache(maxsize=65536)
def _first_actor(phrase: str) -> tuple[int, int, str] | None:
    """Start, end and kind of the first actor :func:`framing.actors.find_actors` finds."""
    for actor in find_actors(phrase):
        return actor["start"], actor["end"], actor["kind"]
    return None


def _token_range(doc: Doc, sid: int, start: int, end: int) -> tuple[Toks, int, int]:
    """Tokens ``toks[a:b]`` that are ``doc.text[start:end]``, as ``(toks, a, b)``: those of
    sentence ``sid`` when it holds them, else the span's own."""
    toks = doc.toks(sid)
    a, b = token_at(toks, start), token_at(toks, end - 1)
    if a is None or b is None or toks.starts[a] != start or toks.ends[b] != end:
        toks = span_tokens(doc.text, start, end, doc.lex)
        return toks, 0, len(toks)
    return toks, a, b + 1


def vet_agent(doc: Doc, sid: int, m: Mention) -> None:
    """Empty the agent of ``m`` unless it names an actor; a passive or noun then hides it.

    Leading dates, a conjunction "that", and words before a named actor that follows a
    common noun (FA-KES lost its commas: "a bulletin Jabhat al-Nusra terrorists") are trimmed.
    """
    if m.agent is None or m.agent == "":
        m.agent = None
    else:
        if isinstance(m.agent, str):
            text = m.agent
            toks = span_tokens(text, 0, len(text), doc.lex)
            lo, b = 0, len(toks)
        else:
            text = doc.text
            toks, lo, b = _token_range(doc, sid, *m.agent)
        a = lo
        while a < b - 1 and (is_date_number(toks[a]) or toks[a].bare in TIME
                             or (a == lo and toks[a].low == "that")):
            a += 1
        if b - a > 1 and any(toks[t].cap for t in range(a, b)):
            a = _named_actor_start(doc.lex, text, toks, a, b)
        if b <= lo or not actor_like(doc, sid, text, toks, (a, b)):
            m.agent = None
        elif isinstance(m.agent, str):
            m.agent = m.agent[toks.starts[a]:]
        else:
            m.agent = (toks.starts[a], m.agent[1])
    if m.agent is None and m.construction in ("passive_agent", "nominal_agent"):
        m.construction = m.construction.replace("_agent", "_agentless")


@register_cache  # the topic's actors: emptied when it changes
@functools.lru_cache(maxsize=4096)
def is_place(word: str) -> bool:
    return any(a["kind"] == "place" for a in find_actors(word, kinds=("place",)))


@register_cache  # the topic's actors: emptied when it changes
@functools.lru_cache(maxsize=65536)
def phrase_side(phrase: str) -> str:
    return side_of(phrase)


@register_cache  # the topic's actors: emptied when it changes
@functools.lru_cache(maxsize=4096)
def has_actor(word: str) -> bool:
    return bool(find_actors(word))


