"""Agency: who did it. Event mentions of violence and force, and whether the doer is named.

The same shoot-down reads differently when the doer is the subject ("the US military shot down
a Syrian jet"), pushed into a by-phrase ("was shot down by an American F18"), hidden in an
agentless passive ("the Syrian jet was shot down") or in a nominalisation ("over downing of
Syrian jet"). :func:`agency` finds every mention of an event word of ``lexicons/events.yaml``
and classifies its construction with rules a reader can check, no parser:

* the event words are found with one Aho-Corasick pass over the lower-cased text;
* around each hit only, the sentence is tokenised and read left and right: auxiliaries
  ("was", "had been") make a passive, and so does a bare participle in a headline ("Syrian
  aircraft shot down over Raqqa"); a by-phrase names its agent; determiners, possessives
  and prepositions make a noun; subjects, possessives ("America's strike"), actor
  modifiers ("the US strike", "the U.S. downing"), "of" + actor ("the attack of
  terrorists") and "carried out by X" / "launched by X" name the doer;
* a subject belongs to the nearest finite verb ("Moscow condemns downing of ...": Moscow
  did not down anything); a subject inside a prepositional phrase or a relative clause is
  the phrase it hangs on ("an attack on the shrine of Khomeini that killed 17": the attack),
  and an event noun as subject hands on its own doer, or none;
* a doer must be actor-like (lexicon ``agent_heads``, a known actor, a pronoun or a name):
  weapons and places ("a rocket killed", "in Aleppo killing") leave the agent empty;
* a pronoun subject is resolved where the sentence says who it is ("the U.S. military said
  it had shot down", "U.S. Says It Shot Down") or where the previous sentence's subject is a
  known actor;
* negation ("had not shot down") and irrealis contexts (modals, infinitives of purpose,
  "stopped short of threatening a shootdown") are flagged; :func:`agency_scores` leaves them
  out of the counts.

Sides come from :func:`framing.actors.side_of`; voices from :func:`framing.quotes.voice_spans`
when that module is present (else every word outside the headline is the narrator's).
"""

from __future__ import annotations

import functools
import json
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import ahocorasick
import numpy as np
import pandas as pd

from framing._errors import FramingError, bad_entry, missing_column
from framing.actors import find_actors, side_of
from framing.lexicon_io import check_keys, read_yaml
from framing.measures import measure_id
from framing.text import sentence_index, sentence_spans

EVENT_COLUMNS = [
    "doc_id", "sent_id", "start", "end", "match", "verb", "construction", "agent",
    "agent_side", "patient", "patient_side", "voice", "negated", "hypothetical",
]
CONSTRUCTIONS = (
    "active", "passive_agent", "passive_agentless", "nominal_agent", "nominal_agentless",
    "intransitive",
)
#: Constructions in which the doer is named in the clause itself.
AGENT_CONSTRUCTIONS = ("active", "passive_agent", "nominal_agent")
FORM_KEYS = ("base", "third", "past", "participle", "gerund")

# --- closed word classes (grammar, not actors) ---
_DET = frozenset(
    "the a an this that these those its their his her our my your any some several many each "
    "every both another such no".split()
)
# Determiners before a participle that make it adjectival ("the downed jet"); not "that".
_ADJ_DET = frozenset("the a an this these those its their his her our".split())
_POSS_PRON = frozenset("its their his her our my your".split())
_PREP = frozenset(
    "of in on at by for with from to into onto near over against after before during since "
    "without under between among amid around across toward towards through about despite "
    "following per via inside outside within off upon behind beyond along than as "
    "according".split()
)
_BE = frozenset("be is are was were been being am get gets got gotten getting".split())
_HAVE = frozenset("has have had having".split())
_DO = frozenset("do does did".split())
_MODAL = frozenset("will would could can may might shall should must 'll 'd wo ca".split())
_NEG = frozenset("not n't never".split())
_SUBJ_PRON = frozenset("it they he she we i you".split())
_OBJ_PRON = frozenset("it them him her us me you one".split())
_REL = frozenset("that which who whom".split())
_CONJ = frozenset(
    "and but or nor while when whereas because although though if unless whether so yet "
    "where once until".split()
)
_ADV = frozenset(
    "also already still just then once twice again ever even yet previously immediately "
    "directly only first later earlier soon reportedly allegedly apparently now recently "
    "finally further repeatedly subsequently allegedly deliberately indiscriminately "
    "so far thus hence thereby meanwhile however".split()
)
_REPORT = frozenset(
    "said says say saying told tells claimed claims stated announced announces "
    "confirmed confirms reported reports added adds insisted insists alleged alleges "
    "acknowledged admitted admits declared declares".split()
)
_ACCUSE = frozenset(
    "accused accuses accusing accuse condemned condemns condemning condemn blamed blames "
    "blaming blame denounced denounces denouncing".split()
)
_TIME = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december today yesterday tonight "
    "morning evening night week month year weekend day time far then now hour hours days weeks "
    "months years minutes".split()
)
# Words before an event that make it unreal: threatened, feared, planned, prevented.
_IRREALIS = frozenset(
    "threat threats threaten threatens threatened threatening risk risks risked risking "
    "potential possible possibly prevent prevents prevented preventing avoid avoids avoided "
    "avoiding fear fears feared plan plans planned planning want wants wanted vow vows vowed "
    "intend intends intended aim aims aimed seek seeks sought attempt attempts attempted "
    "try tries tried ready prepared if unless whether would could might may will shall "
    "should can must 'll 'd".split()
)
_CLAUSE_END = frozenset(",;:()[]—–\"“”‘’?!".split() + ["\u2014", "\u2013"])

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
_TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}(?:-[^\W_]+)*"  # U.S., U.S.-backed
    r"|[^\W_]+(?:[’'\-/][^\W_]+)*(?:[’']s?)?"  # words, hyphenated words, possessives
    r"|[^\w\s]",
    re.UNICODE,
)


@dataclass(frozen=True)
class _Reading:
    lemma: str
    role: str  # base, third, past, participle, gerund, noun, homograph
    particle: str | None
    intransitive: bool


@dataclass
class EventLexicon:
    """A validated events lexicon: surfaces → readings, plus light verbs and modifier heads.

    Build it with :func:`load_events`.
    """

    source: str
    lemmas: list[str]
    readings: dict[str, tuple[_Reading, ...]]
    light_verbs: frozenset[str]
    modifier_heads: frozenset[str]
    event_nouns: frozenset[str]
    of_agent: frozenset[str]
    finite_verbs: frozenset[str]
    agent_heads: frozenset[str]
    agent_modifiers: frozenset[str]
    non_agents: frozenset[str]
    location_modifiers: frozenset[str]
    victims: frozenset[str]
    _automaton: ahocorasick.Automaton = field(repr=False)
    # the words met so far as _Tok (word classes under this lexicon), and the tokens of the
    # chunks of text without white space met so far (see _chunk_tokens)
    _words: _Memo = field(init=False, repr=False, compare=False)
    _chunks: _Memo = field(init=False, repr=False, compare=False)
    # the readings of each surface sorted for _read
    _plans: dict[str, _Plan] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._words = _Memo(functools.partial(_Tok, lex=self))
        self._chunks = _Memo(functools.partial(_chunk_tokens, words=self._words))
        self._plans = {surface: _plan(rs) for surface, rs in self.readings.items()}


def _build_events(data: object, source: str) -> EventLexicon:
    check_keys(source, "<top level>", data, {"version", "events"}, set(_WORD_LISTS))
    readings: dict[str, list[_Reading]] = {}
    lemmas: list[str] = []
    of_agent: set[str] = set()
    entry_keys = {"lemma", "note"}
    optional = {"verb", "particle", "nouns", "homographs", "intransitive", "of_agent"}
    for i, spec in enumerate(data["events"]):
        name = f"events[{i}]"
        check_keys(source, name, spec, entry_keys, optional)
        lemma = str(spec["lemma"]).strip()
        if not lemma or not str(spec["note"]).strip():
            raise FramingError(bad_entry(source, name, "needs a non-empty lemma and note"))
        if lemma in lemmas:
            raise FramingError(bad_entry(source, lemma, "is defined twice"))
        lemmas.append(lemma)
        if spec.get("of_agent"):
            of_agent.add(lemma)
        verb = spec.get("verb") or {}
        check_keys(source, f"{lemma}.verb", verb, set(), set(FORM_KEYS))
        particle = spec.get("particle")
        intransitive = bool(spec.get("intransitive", False))
        surfaces: list[tuple[str, str]] = [(str(v).lower(), k) for k, v in verb.items()]
        if particle is None:
            surfaces += [(str(n).lower(), "noun") for n in spec.get("nouns") or []]
            surfaces += [(str(h).lower(), "homograph") for h in spec.get("homographs") or []]
        elif spec.get("homographs"):
            raise FramingError(bad_entry(source, lemma, "cannot have both particle and homographs"))
        else:
            # noun forms of a phrasal verb are single words ("shootdown"): no particle needed
            for n in spec.get("nouns") or []:
                readings.setdefault(str(n).lower(), []).append(
                    _Reading(lemma, "noun", None, intransitive))
        if not surfaces and not spec.get("nouns"):
            raise FramingError(bad_entry(source, lemma, "has no verb or noun forms"))
        for surface, role in surfaces:
            if not surface:
                raise FramingError(bad_entry(source, lemma, "has an empty form"))
            readings.setdefault(surface, []).append(
                _Reading(lemma, role, None if role == "noun" else particle, intransitive))
    automaton = ahocorasick.Automaton()
    for surface in readings:
        automaton.add_word(surface, surface)
    automaton.make_automaton()
    nouns = frozenset(s.split()[-1] for s, rs in readings.items()
                      if any(r.role == "noun" for r in rs))
    words = {}
    for key in _WORD_LISTS:
        value = data.get(key) or []
        if not isinstance(value, list):
            raise FramingError(bad_entry(source, key, f"must be a list of words, got "
                                                      f"{type(value).__name__}"))
        words[key] = frozenset(str(w).lower() for w in value)
    return EventLexicon(
        source=source,
        lemmas=lemmas,
        readings={k: tuple(v) for k, v in readings.items()},
        event_nouns=nouns,
        of_agent=frozenset(of_agent),
        _automaton=automaton,
        **words,
    )


#: Optional top-level word lists of an events lexicon (see the comments in events.yaml).
_WORD_LISTS = ("light_verbs", "modifier_heads", "finite_verbs", "agent_heads", "agent_modifiers",
               "non_agents", "location_modifiers", "victims")


@functools.lru_cache(maxsize=1)
def _default_events() -> EventLexicon:
    return _build_events(read_yaml("events.yaml"), "framing/lexicons/events.yaml")


def load_events(path: str | Path | None = None) -> EventLexicon:
    """Load and validate an events lexicon.

    Parameters
    ----------
    path : str or Path, optional
        A YAML file laid out like the bundled ``lexicons/events.yaml``. Default: the bundled one.

    Returns
    -------
    EventLexicon

    Raises
    ------
    FramingError
        On unknown keys, duplicate lemmas, empty forms.
    """
    if path is None:
        return _default_events()
    if not Path(path).is_file():
        raise FramingError(f"The 'path' parameter of load_events must name a YAML file. "
                           f"Got {str(path)!r}, which does not exist.")
    return _build_events(read_yaml(path), str(path))


# --- tokens ----------------------------------------------------------------------------------

class _Tok:
    """A word: surface, lower-cased form, capitalised, possessive, the lower-cased form
    without its possessive ending (:func:`_bare`), and the word classes the rules ask about
    most: an auxiliary-chain word (``aux``, see :func:`_aux_chain`), what it is to
    :func:`_irrealis_before` (``irr``: 1 clause end, 2 irrealis cue, 3 "short", else 0) and,
    under one lexicon, whether it is probably a finite verb (``verb``,
    :func:`_verb_like_word`), can sit inside a noun phrase (``np``, :func:`_np_word`) and ends
    the search for a by-phrase (``by_stop``, see :func:`_by_agent`). One object per distinct
    word and lexicon, shared by all its occurrences; offsets live in :class:`_Toks`."""

    __slots__ = ("text", "low", "cap", "poss", "bare", "aux", "irr", "verb", "np", "by_stop")

    def __init__(self, w: str, lex: EventLexicon):
        low = _UPPER_NAMES.get(w) or w.lower()
        self.text = w
        self.low = low
        self.cap = w != w.lower()
        self.poss = low.endswith(("'s", "’s", "s'", "s’")) or low in _POSS_PRON
        self.bare = _bare(low)
        self.aux = low in _AUX or low.endswith("n't") or _is_adverb(low)
        self.irr = (1 if w in _CLAUSE_END else 2 if low in _IRREALIS else 3 if low == "short"
                    else 0)
        self.verb = _verb_like_word(self, lex)
        self.np = _np_word(self, lex)
        self.by_stop = w in _CLAUSE_END or low in _CONJ or low in _REL or self.verb


class _Toks(list):
    """The tokens of a text span (a list of :class:`_Tok`) with their offsets: token ``k``
    is ``text[toks.starts[k]:toks.ends[k]]``."""

    __slots__ = ("starts", "ends")
    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, words: Iterable[_Tok], starts: list[int], ends: list[int]) -> _Toks:
        toks = cls(words)
        toks.starts = starts
        toks.ends = ends
        return toks


#: Entries a :class:`_Memo` holds at most; past it, it starts again empty.
_MEMO_SIZE = 200_000


class _Memo(dict):
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


def _chunk_tokens(chunk: str, words: _Memo) -> tuple[tuple[_Tok, ...], tuple[int, ...]]:
    """The tokens of ``chunk`` (their :class:`_Tok` from ``words``) and where they lie: for
    each token, how far its start is from the previous token's end (the first token's from
    one character before the chunk), then its length."""
    toks, steps, at = [], [], -1
    for m in _TOKEN_RE.finditer(chunk):
        toks.append(words[m.group()])
        steps += (m.start() - at, m.end() - m.start())
        at = m.end()
    return tuple(toks), tuple(steps)


_first, _second = itemgetter(0), itemgetter(1)


def _tokens(text: str, start: int, end: int, lex: EventLexicon) -> _Toks:
    """Tokens of ``text[start:end]`` (matches of ``_TOKEN_RE``); their word classes are those
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
        found = [_chunk_tokens(span, lex._words)]
        at = list(accumulate(found[0][1], initial=start - 1))
    return _Toks.of(chain.from_iterable(map(_first, found)), at[1::2], at[2::2])


def _bare(low: str) -> str:
    """A token without its possessive ending ("america's" → "america")."""
    for suffix in ("'s", "’s"):
        if low.endswith(suffix):
            return low[: -len(suffix)]
    return low


def _is_closed(low: str) -> bool:
    return (low in _DET or low in _PREP or low in _BE or low in _HAVE or low in _DO
            or low in _MODAL or low in _NEG or low in _SUBJ_PRON or low in _OBJ_PRON
            or low in _REL or low in _CONJ or low in _ADV or low.endswith("n't"))


def _is_adverb(low: str) -> bool:
    return low in _ADV or (low.endswith("ly") and len(low) > 4 and low not in {"italy", "ally"})


def _verb_like_word(tok: _Tok, lex: EventLexicon) -> bool:
    """A token that is probably a finite verb (ends a subject noun phrase on its right)."""
    low = tok.low
    if (low in _BE or low in _HAVE or low in _DO or low in _MODAL or low in _REPORT
            or low in _COMMON_VERBS or low in lex.finite_verbs or low in _ACCUSE):
        return True
    if low.endswith("n't"):
        return True
    for r in lex.readings.get(low, ()):
        if r.role in ("third", "past") and r.role != "homograph":
            return not tok.cap or low in _REPORT
    return (low.endswith("ed") and len(low) > 4 and not tok.cap and "-" not in low
            and low not in _ED_ADJ)


def _np_word(tok: _Tok, lex: EventLexicon) -> bool:
    """A token that can sit inside a noun phrase (``tok.verb`` already set)."""
    low = tok.low
    if tok.text in ("-", "/", "&"):
        return False
    if not tok.text[0].isalnum():
        return False
    if low in _DET or low in _POSS_PRON:
        return True
    if _is_closed(low) or _is_adverb(low) or low in lex.light_verbs:
        return False
    if low.endswith("ing") and not tok.cap and low not in lex.event_nouns:
        return False
    return not tok.verb


def _np_left(toks: _Toks, j: int) -> tuple[int, int] | None:
    """Noun phrase ending at token ``j`` (inclusive), as token indices [a, b)."""
    if j < 0:
        return None
    if toks[j].low in _SUBJ_PRON or toks[j].low in _OBJ_PRON:
        return (j, j + 1)
    a = j + 1
    k = j
    while k >= 0:
        tok = toks[k]
        if a <= j and tok.bare in _TIME:
            break  # "in February its website": a time word starts another phrase
        if tok.np:
            if tok.low in _DET and not tok.poss:
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
    if a > j or (a == j and toks[j].low in _DET and not toks[j].poss):
        return None
    return (a, j + 1)


def _np_right(toks: _Toks, i: int, *, allow_of: bool = True) -> tuple[int, int] | None:
    """Noun phrase starting at token ``i``, as token indices [a, b)."""
    n = len(toks)
    if i >= n:
        return None
    if toks[i].low in _OBJ_PRON:
        return (i, i + 1)
    k = i
    while k < n:
        tok = toks[k]
        if tok.text == "-" and k > i and k + 1 < n and toks[k + 1].cap:
            k += 1
            continue
        if tok.np and not (k > i and tok.low in _DET and not tok.poss):
            k += 1
            continue
        if (allow_of and tok.low == "of" and k > i and k + 1 < n
                and toks[k + 1].np):
            k += 2  # "the aircrafts of the US-led coalition": a determiner may follow "of"
            continue
        break
    if k == i or (k == i + 1 and toks[i].low in _DET and not toks[i].poss):
        return None
    return (i, k)


def _head(toks: _Toks, ab: tuple[int, int]) -> int:
    """Index of the head noun of phrase ``ab``: its last word before "of" ("the city of X")."""
    a, b = ab
    for t in range(a + 1, b - 1):
        if toks[t].low == "of":
            return t - 1
    return b - 1


def _np_before(toks: _Toks, k: int, lex: EventLexicon) -> tuple[int, int] | None:
    """:func:`_np_left`, also when token ``k`` is an event noun that looks like a verb
    ("US-led air strikes in Syria kill": strikes)."""
    ab = _np_left(toks, k)
    if ab is None and k >= 0 and toks[k].low in lex.event_nouns:
        left = _np_left(toks, k - 1)
        ab = (left[0] if left is not None else k, k + 1)
    return ab


def _span(toks: _Toks, ab: tuple[int, int] | None) -> tuple[int, int] | None:
    if ab is None:
        return None
    return (toks.starts[ab[0]], toks.ends[ab[1] - 1])


# --- one event mention -----------------------------------------------------------------------

@dataclass(slots=True)
class _Mention:
    lemma: str
    construction: str
    start: int
    end: int
    agent: tuple[int, int] | str | None = None  # span in text, or resolved text
    patient: tuple[int, int] | None = None
    negated: bool = False
    hypothetical: bool = False


# Words of an auxiliary chain (with n't-words and adverbs, see _Tok.aux).
_AUX = _BE | _HAVE | _DO | _MODAL | _NEG | {"to"}


def _aux_chain(toks: _Toks, i: int) -> tuple[int, list[str]]:
    """Walk left over auxiliaries, modals, negation and adverbs; return (first index, words)."""
    words: list[str] = []
    k = i - 1
    while k >= 0 and toks[k].aux:
        words.append(toks[k].low)
        k -= 1
    return k + 1, words


def _gerund_is_noun(toks: _Toks, i: int, head: int) -> bool:
    """An -ing event word read as a noun: "the downing of", "the terrorist bombing occurred",
    "the U.S. downing"; a verb when an object follows ("in Tabqa killing 18 rebels")."""
    nxt = toks[head + 1] if head + 1 < len(toks) else None
    if nxt is not None and nxt.low in ("of", "by"):
        return True  # "the downing of", "bombing and shelling by the regime"
    if nxt is not None and (nxt.low in _DET or nxt.low in _OBJ_PRON or nxt.text[0].isdigit()
                            or nxt.low in _NUMBER_WORDS):
        return False
    k = i - 1
    while k >= 0 and toks[k].np and toks[k].low not in _DET and not toks[k].poss:
        k -= 1  # over modifiers, to a determiner or possessive
    if k >= 0 and (toks[k].low in _DET or toks[k].poss):
        return True
    if k >= 0 and k < i - 1 and toks[k].low in _PREP and (nxt is None or not nxt.np):
        return True  # "subject to ferocious bombing and shelling"
    prev = toks[i - 1] if i > 0 else None
    before = toks[i - 2].low if i > 1 else ""
    return prev is not None and prev.cap and prev.low not in _PREP and prev.low not in _CONJ and (
        _has_actor(prev.text) or before not in _PREP)


def _noun_reading(toks: _Toks, i: int, head: int, roles: frozenset[str]) -> bool:
    """Decide noun (True) or verb (False) for an ambiguous event word at tokens [i, head]."""
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[head + 1] if head + 1 < len(toks) else None
    plow = prev.low if prev else ""
    if prev is not None and (plow in _SUBJ_PRON or plow in _MODAL or plow in _NEG
                             or plow in ("to", "did", "do", "does", "who", "which")
                             or plow.endswith("n't")):
        return False
    if "gerund" in roles:
        return _gerund_is_noun(toks, i, head)
    if prev is not None and (plow in _BE or plow in _HAVE) and roles & {"past", "participle"}:
        return False
    if prev is None or plow in _DET or prev.poss or plow in _PREP or plow in _CONJ:
        return True
    if not prev.text[0].isalnum():
        return True
    if nxt is not None and nxt.low in ("of", "on", "against", "in", "near", "by", "that", "were",
                                       "was", "have", "has", "had", "are", "is", "will"):
        return True
    if roles & {"third", "past"} and nxt is not None and (
            nxt.low in _DET or nxt.cap or nxt.low in _OBJ_PRON or nxt.text[0].isdigit()):
        return False
    # "a Syrian army jet fires rockets": a noun, the verb, then its object
    return not ("third" in roles and nxt is not None and prev.np and nxt.np)


class _Doc:
    """One article being read: its text, sentences and a per-sentence token cache."""

    def __init__(self, text: str, lex: EventLexicon):
        self.text = text
        self.lex = lex
        self.sents = sentence_spans(text)
        self._toks: dict[int, _Toks] = {}
        self._title: dict[int, bool] = {}

    def toks(self, sid: int) -> _Toks:
        if sid not in self._toks:
            s, e = self.sents[sid]
            self._toks[sid] = _tokens(self.text, s, e, self.lex)
        return self._toks[sid]

    def title_case(self, sid: int) -> bool:
        """True for a Title Case sentence (a headline), where capitals say nothing of names."""
        if sid not in self._title:
            words = [t for t in self.toks(sid) if len(t.text) > 3 and t.text.isalpha()]
            self._title[sid] = len(words) >= 3 and sum(t.cap for t in words) > 0.6 * len(words)
        return self._title[sid]


def _by_agent(toks: _Toks, k: int) -> tuple[int, int] | None:
    """An agent by-phrase starting at or a few tokens after ``k`` ("by the United States")."""
    n = len(toks)
    for j in range(k, min(k + 6, n)):
        low = toks[j].low
        if low == "by":
            if j + 1 >= n:
                return None
            nxt = toks[j + 1]
            if nxt.low in _TIME or nxt.text[0].isdigit() or (
                    nxt.low.endswith("ing") and not nxt.cap):
                return None
            ab = _np_right(toks, j + 1)
            if ab and any(toks[t].low not in _TIME for t in range(*ab)):
                return ab
            return None
        if toks[j].by_stop:
            return None
    return None


def _resolve_pronoun(doc: _Doc, sid: int, toks: _Toks, p: int) -> str | None:
    """Text of the actor a subject pronoun at token ``p`` stands for, when the text makes it clear.

    Rules: a reporting verb right before ("X said (that) it ...", "U.S. Says It ...") gives its
    subject; else the subject of the previous sentence, when it names a known actor.
    """
    k = p - 1
    if k >= 0 and toks[k].low == "that":
        k -= 1
    if k >= 0 and toks[k].low in _REPORT:
        first, _ = _aux_chain(toks, k)
        ab = _np_left(toks, first - 1)
        if ab is not None:
            if ab[1] - ab[0] == 1 and toks[ab[0]].low in _SUBJ_PRON:
                return _resolve_pronoun(doc, sid, toks, ab[0])
            subj = _clause_subject(doc, sid, toks, first)  # "extremists in Syria announced"
            return _text_of(doc.text, subj if isinstance(subj, str) else _span(toks, subj))
    if sid == 0:
        return None
    prev = doc.toks(sid - 1)
    for j, tok in enumerate(prev):
        if tok.verb:
            first, _ = _aux_chain(prev, j)
            ab = _np_left(prev, first - 1)
            if ab is None:
                return None
            phrase = doc.text[prev.starts[ab[0]]:prev.ends[ab[1] - 1]]
            if ab[1] - ab[0] == 1 and prev[ab[0]].low in _SUBJ_PRON:
                return None
            return phrase if _side(phrase) != "unknown" else None
    return None


def _clause_subject(doc: _Doc, sid: int, toks: _Toks, i: int) -> tuple[int, int] | str | None:
    """Subject of the verb whose auxiliary chain starts at token ``i``.

    The noun phrase right before the verb, unless it sits in a prepositional phrase: then the
    subject is the phrase it hangs on ("a June 7 attack on the parliament complex and the
    shrine of ... Khomeini that killed 17": attack, not Khomeini). An event noun as subject
    ("airstrikes carried out by the coalition killed") gives its own doer, or none.
    """
    j = i - 1
    if j >= 0 and toks[j].text in _QUOTES:
        j -= 1  # army units "killed many terrorists
    if j >= 0 and toks[j].low in _REL:
        k = j - 1
        if k >= 0 and toks[k].text == ",":
            k -= 1
        return _antecedent(doc, sid, toks, k, person=toks[j].low in ("who", "whom"))
    ab = _np_left(toks, j)
    if (ab is not None and ab[0] > 0 and toks[ab[0] - 1].low in _PREP
            and all(toks[t].bare in _TIME or toks[t].text[0].isdigit() for t in range(*ab))):
        ab = _np_left(toks, ab[0] - 2)
    if ab is not None and ab[1] - ab[0] == 1 and toks[ab[0]].low in _SUBJ_PRON:
        resolved = _resolve_pronoun(doc, sid, toks, ab[0])
        return resolved if resolved else ab
    if ab is None and j >= 0 and toks[j].low in ("and", "but", "or"):
        return _previous_subject(doc, sid, toks, j)
    if ab is not None and ab[0] > 0 and toks[ab[0] - 1].low in _CHAIN_PREPS:
        if len(_np_chain(toks, ab[1] - 1, doc.lex)) > 1:
            return _antecedent(doc, sid, toks, ab[1] - 1, person=False)
        # a fronted place without its comma (FA-KES): "In Aleppo terrorists targeted"
        a = ab[0]
        while a < ab[1] and (toks[a].bare in doc.lex.location_modifiers
                             or toks[a].low in _DET or _is_place(toks[a].text)):
            a += 1
        if a == ab[1]:
            return None  # "rebel infighting in Syria has killed": no subject found
        return _event_doer(doc, sid, toks, (a, ab[1])) if a > ab[0] else ab
    if ab is not None and ab[0] > 1 and toks[ab[0] - 1].low in ("and", "&"):
        # coordinated actors opening a clause: "the Assad regime and Russian jets bombed"
        left = _np_left(toks, ab[0] - 2)
        if (left is not None and (left[0] == 0 or toks[left[0] - 1].low in _CLAUSE_OPEN)
                and _actor_like(doc, sid, doc.text, toks, left)
                and _actor_like(doc, sid, doc.text, toks, ab)):
            return (left[0], ab[1])
    return _event_doer(doc, sid, toks, ab)


_QUOTES = frozenset("\"“”‘’'")
# Tokens after which a noun phrase opens a clause (so it can be a subject).
_CLAUSE_OPEN = frozenset("that , ; : ( “ \" and but while when as after before since".split())


# Prepositions that attach a phrase to the noun before ("the attack on the town"); not those
# that also open a clause ("after the US downed a jet").
_CHAIN_PREPS = _PREP - {"than", "as", "after", "before", "since", "following", "despite"}


def _np_chain(toks: _Toks, k: int, lex: EventLexicon) -> list[tuple[int, int]]:
    """Noun phrases linked by prepositions, ending at token ``k``; nearest first.

    "a June 7 attack on the parliament complex and the shrine of ... Khomeini" → [Khomeini's
    phrase, the parliament complex... , a June 7 attack]. "and" links two phrases only inside
    a prepositional phrase, so two clauses are never joined.
    """
    chain: list[tuple[int, int]] = []
    ab = _np_left(toks, k)
    while ab is not None and len(chain) < 8:
        chain.append(ab)
        p = ab[0] - 1
        if p < 1:
            break
        low = toks[p].low
        if low in _CHAIN_PREPS:
            q = p - 1  # over a participle: "terrorist groups located in", "strikes carried out by"
            if q > 0 and toks[q].low == "out":
                q -= 1
            if q > 0 and toks[q].low.endswith(("ed", "ing")) and not toks[q].cap and (
                    toks[q].low not in lex.event_nouns and toks[q].low not in _PREP):
                q -= 1
            ab = _np_before(toks, q, lex)
        elif low in ("and", "&", "or"):
            ab = _np_before(toks, p - 1, lex)
            if ab is None or ab[0] < 1 or toks[ab[0] - 1].low not in _CHAIN_PREPS:
                break
        else:
            break
    return chain


def _antecedent(doc: _Doc, sid: int, toks: _Toks, k: int, *, person: bool):
    """What a relative pronoun or a prepositional phrase ending at token ``k`` hangs on.

    "who" takes the nearest phrase; otherwise the nearest event noun in the chain of
    prepositional phrases (whose own doer is the answer), else the chain's first phrase.
    """
    chain = _np_chain(toks, k, doc.lex)
    if not chain:
        return None
    if person:
        return chain[0]
    for ab in chain:
        if toks[_head(toks, ab)].low in doc.lex.event_nouns:
            return _event_doer(doc, sid, toks, ab)
    last = len(chain) - 1
    end = chain[last][1]
    while last > 0 and toks[chain[last - 1][0] - 1].low == "of":
        last -= 1  # "Aircrafts of the US-led coalition" is one phrase
        end = chain[last][1]
    return _event_doer(doc, sid, toks, (chain[-1][0], end))


def _event_doer(doc: _Doc, sid: int, toks: _Toks, ab: tuple[int, int] | None):
    """``ab`` itself, or the doer behind it: for an event noun the text of that event's doer
    ("" if none), for a weapon the by-phrase of its participle ("rocket shells fired by
    terrorist groups")."""
    if ab is None:
        return None
    h = _head(toks, ab)
    if toks[h].bare in doc.lex.non_agents:
        by = _by_after_noun(toks, ab[1], doc.lex, participle=True)
        return by if by is not None else ab
    plan = doc.lex._plans.get(toks[h].low)
    if plan is None or plan.noun is None:
        return ab
    m = _read_noun(doc, sid, toks, h, h, plan.noun, toks.starts[h], toks.ends[h])
    if m is None:
        return ab
    return _text_of(doc.text, m.agent)


def _previous_subject(doc: _Doc, sid: int, toks: _Toks, j: int):
    """Subject of the nearest finite verb left of token ``j`` (coordination, -ing clauses)."""
    k = j - 1
    while k >= 0:
        if (toks[k].verb and toks[k].low not in _REPORT
                and not _noun_homograph(toks, k, doc.lex)):
            first, _ = _aux_chain(toks, k)
            subj = _clause_subject(doc, sid, toks, first)
            if subj is not None:
                return subj
            k = first  # "shells filled with gas": no subject here, look further left
        k -= 1
    return None


def _noun_homograph(toks: _Toks, k: int, lex: EventLexicon) -> bool:
    """A verb-looking event homograph that is a noun here: "with mortar shells", "the bombs"."""
    if not any(r.role == "homograph" for r in lex.readings.get(toks[k].low, ())):
        return False
    p = k - 1
    if p >= 0 and toks[p].np and toks[p].low not in _DET:
        p -= 1  # one modifier ("mortar")
    return p >= 0 and (toks[p].low in _DET or toks[p].low in _PREP or toks[p].text[0].isdigit())


def _irrealis_before(toks: _Toks, i: int, width: int = 6) -> bool:
    """An irrealis cue within ``width`` tokens left of ``i`` in the same clause."""
    for k in range(i - 1, max(i - width, 0) - 1, -1):
        irr = toks[k].irr
        if irr == 1:
            return False
        if irr == 2 or (irr == 3 and k + 1 < i and toks[k + 1].low == "of"):
            return True
    return False


def _read_verb(doc: _Doc, sid: int, toks: _Toks, i: int, head: int, r: _Reading,
               start: int, end: int) -> _Mention:
    lex = doc.lex
    first, chain = _aux_chain(toks, i)
    if first >= 2 and toks[first - 1].low == "help" and toks[first - 2].low == "to":
        first, chain = first - 2, [*chain, "help", "to"]  # "to help oust": a bare infinitive
    if not chain and first >= 2 and (
            toks[first - 1].low in _RAISING
            or (toks[first - 1].low in ("and", "or") and toks[first - 2].low.endswith("ed"))):
        # "were reported injured", "19 Killed and Injured": read from the word before
        f2, ch2 = _aux_chain(toks, first - 1 if toks[first - 1].low in _RAISING else first - 2)
        if toks[first - 1].low not in _RAISING or any(w in _BE for w in ch2):
            first, chain = f2, ch2
    m = _Mention(r.lemma, "active", start, end)
    if chain:
        m.negated = any(w in _NEG or w.endswith("n't") for w in chain)
        m.hypothetical = not _MODAL.isdisjoint(chain) or "to" in chain
    if not m.hypothetical:
        m.hypothetical = _irrealis_before(toks, first, 4)
    right = head + 1  # for a phrasal verb ``head`` is the particle ("shot it down")
    prev = toks[first - 1] if first > 0 else None
    adjectival = prev is not None and (
        prev.low in _ADJ_DET  # "the downed jet"; "Among killed militants"
        or (prev.low in _PREP and prev.low not in ("by", "to") and right < len(toks)
            and toks[right].np and toks[right].low not in _DET))
    passive = r.role in ("participle", "past") and (not _BE.isdisjoint(chain) or adjectival)
    by = None
    if not passive and r.role in ("participle", "past") and not chain:
        by = _by_agent(toks, right)
        passive = by is not None or _reduced_passive(
            toks, first, right, lex, phrasal=r.particle is not None and head == i + 1)
    if r.intransitive:
        m.construction = "intransitive"
        m.patient = _span(toks, _np_left(toks, first - 1))
        return m
    if passive:
        by = by or _by_agent(toks, right)
        m.construction = "passive_agent" if by else "passive_agentless"
        doer = _event_doer(doc, sid, toks, by)
        m.agent = doer if isinstance(doer, str) else _span(toks, doer)
        if adjectival:
            m.patient = _span(toks, _np_right(toks, right, allow_of=False))
        else:
            subj = _clause_subject(doc, sid, toks, first)
            m.patient = subj if isinstance(subj, str) else _span(toks, subj)
        return m
    # active: finite, infinitive or participial (-ing) clause
    if r.role == "gerund" and _BE.isdisjoint(chain) or "to" in chain:
        m.agent = _gerund_agent(doc, sid, toks, first)
    else:
        subj = _clause_subject(doc, sid, toks, first)
        m.agent = subj if isinstance(subj, str) else _span(toks, subj)
    m.patient = _span(toks, _np_right(toks, right))
    if r.particle is not None and m.patient is None and head - i > 1:
        m.patient = _span(toks, (i + 1, head))
    return m


# Verbs between "be" and a participle: "were reported injured", "are feared dead".
_RAISING = frozenset("reported said believed feared thought confirmed found left presumed".split())
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty hundred hundreds dozens thousands scores several many".split()
)


_QUANTIFIERS = frozenset(
    "at least most more than nearly almost about around some over up to".split())
# Words after a participle that show no object follows: the participle is a headline passive.
_NO_OBJECT = frozenset(
    "in during when after following near due while as over outside inside across amid".split())


def _is_date_number(tok: _Tok) -> bool:
    return tok.text.isdigit() and (len(tok.text) == 4 or len(tok.text) <= 2)


def _reduced_passive(toks: _Toks, first: int, right: int, lex: EventLexicon,
                     phrasal: bool = False) -> bool:
    """A participle with no auxiliary that still reads passive, as in headlines (no "was").

    "135 Civilians Killed in Escalating Bombardment", "Seven killed 37 others injured",
    "Syrian aircraft shot down over Raqqa": the subject is a head count (after "at least",
    not a date), or no object follows (a preposition, the clause ends); a phrasal verb
    ("shot down") with no object before or after its particle is passive before any
    preposition.
    """
    subj = _np_left(toks, first - 1)
    if subj is not None:
        a, b = subj
        while a < b - 1 and (toks[a].low in _QUANTIFIERS or toks[a].low in _DET):
            a += 1
        lead = toks[a]
        dated = b - a > 1 and _is_date_number(lead) and _is_date_number(toks[a + 1])
        if (lead.text[0].isdigit() or lead.low in _NUMBER_WORDS) and not dated:
            return True
        if toks[b - 1].bare in lex.victims:  # "Civilian killed 3 injured"
            return True
    if right >= len(toks):
        return subj is not None
    nxt = toks[right]
    return subj is not None and (
        nxt.low in _NO_OBJECT or (phrasal and nxt.low in _PREP and nxt.low != "by")
        or (not nxt.text[0].isalnum() and nxt.text not in ("“", "\"", "‘")))


def _gerund_agent(doc: _Doc, sid: int, toks: _Toks, i: int):
    """Doer of a non-finite (-ing or to-infinitive) verb at token ``i``.

    "accused X of ... shooting" → X; "which Washington accused of attacking" → the relative's
    antecedent; "air crews targeting IS" → the noun phrase the clause modifies; else the
    subject of the nearest finite verb to the left, else the sentence's first noun phrase.
    """
    lex = doc.lex
    for k in range(i - 1, -1, -1):
        if toks[k].low in _ACCUSE:
            if k + 1 < len(toks) and toks[k + 1].low in ("of", "for"):
                subj = _clause_subject(doc, sid, toks, _aux_chain(toks, k)[0])
                rel = _np_left(toks, _aux_chain(toks, k)[0] - 1)
                if rel is not None and rel[0] > 0 and toks[rel[0] - 1].low in _REL:
                    ante = _np_left(toks, rel[0] - 2 - (toks[rel[0] - 2].text == ","))
                    return _span(toks, ante)
                return subj if isinstance(subj, str) else _span(toks, subj)
            ab = _np_right(toks, k + 1, allow_of=False)
            if ab and ab[1] < len(toks) and toks[ab[1]].low in ("of", "for"):
                return _span(toks, ab)
            break
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and prev.low in lex.event_nouns and toks[i].low.endswith("ing"):
        doer = _event_doer(doc, sid, toks, _np_before(toks, i - 1, lex))
        return doer if isinstance(doer, str) else _span(toks, doer)  # "bombardment targeting"
    if prev is not None and toks[i].low.endswith("ing") and prev.np and (
            prev.cap or (prev.low.endswith("s") and not prev.low.endswith("ss"))):
        ab = _np_left(toks, i - 1)  # not a place: "in Tabqa killing 18 rebels"
        if ab is not None and not (ab[0] > 0 and toks[ab[0] - 1].low in _PREP):
            ofs = [t for t in range(*ab) if toks[t].low == "of"]
            if ofs:  # "the safety of American air crews targeting IS": the crews
                ab = (ofs[-1] + 1, ab[1])
            if _actor_like(doc, sid, doc.text, toks, ab, names=False):
                return _span(toks, ab)
    subj = _previous_subject(doc, sid, toks, i)
    if subj is None:
        k = 0
        while k < len(toks) and not toks[k].text[0].isalnum():
            k += 1
        pronoun = k < len(toks) and toks[k].low in _SUBJ_PRON
        subj = (k, k + 1) if pronoun else _np_right(toks, k)
        if subj is not None and toks[subj[0]].low in _SUBJ_PRON:
            resolved = _resolve_pronoun(doc, sid, toks, subj[0])
            return resolved if resolved else _span(toks, subj)
    return subj if isinstance(subj, str) else _span(toks, subj)


def _read_noun(doc: _Doc, sid: int, toks: _Toks, i: int, head: int, r: _Reading,
               start: int, end: int) -> _Mention | None:
    lex = doc.lex
    nxt = toks[head + 1] if head + 1 < len(toks) else None
    if nxt is not None and nxt.low in lex.modifier_heads:
        return None  # "attack helicopters": a modifier, not an event
    m = _Mention(r.lemma, "nominal_agentless", start, end)
    # pre-head modifiers: from the determiner (or phrase start) to the event noun
    a = i
    while a > 0 and toks[a - 1].np and not (
            toks[a - 1].low in _DET and not toks[a - 1].poss):
        a -= 1
    det = toks[a - 1] if a > 0 and toks[a - 1].low in _DET else None
    agent = None
    if a < i:
        mods = toks[a:i]
        poss = [t for t, tok in enumerate(mods) if tok.poss and tok.bare not in _TIME]
        if poss:
            p = a + poss[-1]
            agent = (a, p + 1)
        else:
            # the doer named as a modifier: the actor words before the head ("the US strike",
            # "the first such US attack", "terrorist rocket attacks"); not a place ("Syria
            # attack site") nor, in a title-case headline or first in a sentence, a mere capital
            b0 = b1 = None
            for b in range(a, i):
                tok = toks[b]
                low = tok.bare
                if low in _TIME or low in lex.location_modifiers:
                    continue
                if ((tok.cap and b > 0 and not doc.title_case(sid)) or low in lex.agent_modifiers
                        or (b0 is not None and low in lex.agent_heads) or _has_actor(tok.text)):
                    b0 = b if b0 is None else b0
                    b1 = b + 1
            if b0 is not None:
                agent = (b0, b1)
    if agent is None and det is not None and det.low in _POSS_PRON:
        agent = (a - 1, a)
    if agent is not None and agent[1] - agent[0] == 1 and toks[agent[0]].low in _POSS_PRON:
        resolved = _resolve_possessive(doc, sid, toks, agent[0])
        m.agent = resolved
    elif agent is not None:
        m.agent = _span(toks, agent)
    # post-head: "of"/"on"/"against" patient ("of" + actor: the doer of an attack), then
    # "by" or "carried out by" agent
    k = head + 1
    if nxt is not None and nxt.low in ("of", "on", "against"):
        ab = _np_right(toks, k + 1, allow_of=False)
        if (ab is not None and nxt.low == "of" and r.lemma in lex.of_agent
                and _actor_like(doc, sid, doc.text, toks, ab)):
            m.agent = _span(toks, ab)
            k = ab[1]
            if k + 1 < len(toks) and toks[k].low in ("on", "against"):
                ab = _np_right(toks, k + 1, allow_of=False)
                m.patient = _span(toks, ab)
        else:
            m.patient = _span(toks, ab)
        if ab is not None:
            k = ab[1]
    by = _by_after_noun(toks, k, lex)
    if by is not None:
        m.agent = _span(toks, by)
    generic = agent is not None and m.agent == _span(toks, agent) and all(
        t.bare in lex.agent_modifiers for t in toks[agent[0]:agent[1]])
    if m.agent is None or generic:  # "the Syrian army perpetrates terror attacks"
        m.agent = _light_verb_agent(doc, sid, toks, a if det is None else a - 1) or m.agent
    if m.agent is not None:
        m.construction = "nominal_agent"
    start_np = a - 1 if det is not None else a
    m.hypothetical = _irrealis_before(toks, start_np)
    m.negated = start_np > 0 and toks[start_np - 1].low in _NEG or (
        det is not None and det.low == "no")
    return m


# Words between an event noun and the by-phrase naming its doer: "strikes [which were most
# likely] carried out by", "the attack [was believed to have been] launched by".
_BY_GAP = frozenset(
    ", which that was were is are had has have been be being to believed thought suspected "
    "likely allegedly probably most reportedly apparently possibly purportedly said reported "
    "seemingly presumably".split())


def _by_after_noun(toks: _Toks, k: int, lex: EventLexicon, *, participle: bool = False
                   ) -> tuple[int, int] | None:
    """Agent of an event noun in "by X" right after it, or after a light verb participle
    ("airstrikes launched by the coalition", "the attack was carried out by gunmen"); with
    ``participle`` after any participle ("shells fired by terrorist groups")."""
    n = len(toks)
    if k < n and toks[k].low == "by":
        return _by_agent(toks, k)
    j = k
    while j < n and j - k < 8 and toks[j].low in _BY_GAP:
        j += 1
    low = toks[j].low if j < n else ""
    if not (low.endswith("ed") and (participle or low in lex.light_verbs)) and low != "dealt":
        return None
    j += 1
    if j < n and toks[j].low == "out":
        j += 1
    return _by_agent(toks, j) if j < n and toks[j].low == "by" else None


def _resolve_possessive(doc: _Doc, sid: int, toks: _Toks, p: int) -> str | None:
    """"its attack": the subject of the clause the possessive sits in, else the previous one."""
    low = toks[p].low
    if low not in ("its", "their"):
        return None
    subj = _previous_subject(doc, sid, toks, p)
    if isinstance(subj, str):
        return subj
    if subj is not None:
        span = _span(toks, subj)
        phrase = doc.text[span[0]:span[1]]
        if phrase.lower() not in _SUBJ_PRON and _side(phrase) != "unknown":
            return phrase
    return None


def _light_verb_agent(doc: _Doc, sid: int, toks: _Toks, a: int):
    """Doer of an event noun that is the object of a light verb ("Washington launched strikes")."""
    k = a - 1
    if k >= 0 and toks[k].low == "out":
        k -= 1
    if k < 0 or toks[k].low not in doc.lex.light_verbs:
        return None
    first, chain = _aux_chain(toks, k)
    if any(w in _BE for w in chain):
        return None
    if toks[k].low.endswith("ing") or "to" in chain:
        return _gerund_agent(doc, sid, toks, first)
    subj = _clause_subject(doc, sid, toks, first)
    return subj if isinstance(subj, str) else _span(toks, subj)


def _actor_like(doc: _Doc, sid: int, text: str, toks: _Toks, ab: tuple[int, int], *,
                names: bool = True) -> bool:
    """Whether tokens ``ab`` can name a doer: a person, group, state, force or institution.

    Pronouns can; weapons, places, counts and events (``non_agents`` of the lexicon, event
    nouns, numbers) cannot; a head among ``agent_heads``, a known actor, or (outside Title Case
    headlines, and when ``names``) a capitalised name that is not a place can. ``toks`` are
    tokens of ``text`` (the article, or a resolved agent's text) in sentence ``sid``.
    """
    lex = doc.lex
    a, b = ab
    h = _head(toks, ab)  # "the Syrian city of Aleppo": city
    head = toks[h]
    low = head.bare
    if b - a == 1 and (low in _SUBJ_PRON or low in _OBJ_PRON or low in _POSS_PRON):
        return True
    if (low in lex.non_agents or low in lex.event_nouns or low in _TIME
            or not head.text[0].isalpha()):
        return False
    if low in lex.agent_heads or low in lex.agent_modifiers:
        return True
    if _side(text[toks.starts[a]:toks.ends[h]]) != "unknown":
        return True
    return (names and head.cap and low not in lex.location_modifiers
            and not _is_place(head.text) and not doc.title_case(sid))


def _named_actor_start(lex: EventLexicon, text: str, toks: _Toks, a: int, b: int) -> int:
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
        if (prev.text.isalpha() and prev.text.islower() and prev.low not in _DET
                and prev.low not in lex.agent_modifiers):
            return t
    return a


@functools.lru_cache(maxsize=65536)
def _first_actor(phrase: str) -> tuple[int, int, str] | None:
    """Start, end and kind of the first actor :func:`framing.actors.find_actors` finds."""
    for actor in find_actors(phrase):
        return actor["start"], actor["end"], actor["kind"]
    return None


def _token_range(doc: _Doc, sid: int, start: int, end: int) -> tuple[_Toks, int, int]:
    """Tokens ``toks[a:b]`` that are ``doc.text[start:end]``, as ``(toks, a, b)``: those of
    sentence ``sid`` when it holds them, else the span's own."""
    toks = doc.toks(sid)
    a, b = _token_at(toks, start), _token_at(toks, end - 1)
    if a is None or b is None or toks.starts[a] != start or toks.ends[b] != end:
        toks = _tokens(doc.text, start, end, doc.lex)
        return toks, 0, len(toks)
    return toks, a, b + 1


def _vet_agent(doc: _Doc, sid: int, m: _Mention) -> None:
    """Empty the agent of ``m`` unless it names an actor; a passive or noun then hides it.

    Leading dates, a conjunction "that", and words before a named actor that follows a
    common noun (FA-KES lost its commas: "a bulletin Jabhat al-Nusra terrorists") are trimmed.
    """
    if m.agent is None or m.agent == "":
        m.agent = None
    else:
        if isinstance(m.agent, str):
            text = m.agent
            toks = _tokens(text, 0, len(text), doc.lex)
            lo, b = 0, len(toks)
        else:
            text = doc.text
            toks, lo, b = _token_range(doc, sid, *m.agent)
        a = lo
        while a < b - 1 and (_is_date_number(toks[a]) or toks[a].bare in _TIME
                             or (a == lo and toks[a].low == "that")):
            a += 1
        if b - a > 1 and any(toks[t].cap for t in range(a, b)):
            a = _named_actor_start(doc.lex, text, toks, a, b)
        if b <= lo or not _actor_like(doc, sid, text, toks, (a, b)):
            m.agent = None
        elif isinstance(m.agent, str):
            m.agent = m.agent[toks.starts[a]:]
        else:
            m.agent = (toks.starts[a], m.agent[1])
    if m.agent is None and m.construction in ("passive_agent", "nominal_agent"):
        m.construction = m.construction.replace("_agent", "_agentless")


@functools.lru_cache(maxsize=4096)
def _is_place(word: str) -> bool:
    return any(a["kind"] == "place" for a in find_actors(word, kinds=("place",)))


@functools.lru_cache(maxsize=65536)
def _side(phrase: str) -> str:
    return side_of(phrase)


@functools.lru_cache(maxsize=4096)
def _has_actor(word: str) -> bool:
    return bool(find_actors(word))


def _find_particle(toks: _Toks, i: int, particle: str) -> int | None:
    """Index of ``particle`` after the verb at ``i``, directly or after a short object."""
    for j in range(i + 1, min(i + 5, len(toks))):
        tok = toks[j]
        if tok.low == particle:
            return j
        if not tok.text[0].isalnum() or tok.low in _PREP or tok.low in _CONJ:
            return None
    return None


def _mentions(doc: _Doc) -> Iterable[tuple[int, _Mention]]:
    text, lex = doc.text, doc.lex
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    n = len(text)
    for end_idx, surface in lex._automaton.iter_long(low):
        start = end_idx - len(surface) + 1
        end = end_idx + 1
        if start > 0 and text[start - 1].isalnum():
            continue
        if end < n and (text[end].isalnum() or text[end] in "-’'" and end + 1 < n
                        and text[end + 1].isalnum() and text[end + 1] not in "sS"):
            continue
        sid = sentence_index(doc.sents, start)
        toks = doc.toks(sid)
        i = _token_at(toks, start)
        if i is None:
            continue
        head = _token_at(toks, end - 1)
        mention = _read(doc, sid, toks, i, head, lex._plans[surface], start, end)
        if mention is not None:
            _vet_agent(doc, sid, mention)
            yield sid, mention


def _token_at(toks: _Toks, offset: int) -> int | None:
    """Index of the token holding character ``offset``, or None (white space)."""
    lo = bisect_right(toks.ends, offset)
    if lo < len(toks) and toks.starts[lo] <= offset:
        return lo
    return None


class _Plan(NamedTuple):
    """The readings of one surface sorted for :func:`_read` (they depend on the surface only)."""

    phrasal: tuple[_Reading, ...]  # readings with a particle, tried first
    roles: frozenset[str]  # roles of the readings without a particle
    noun: _Reading | None  # the noun reading
    nominal: bool  # a noun or a homograph reading exists
    verb: _Reading | None  # the preferred verb reading
    gerund_noun: _Reading | None  # ``verb`` read as a noun, when it is a gerund


_PREFER = ("participle", "past", "third", "base", "gerund")


def _plan(readings: tuple[_Reading, ...]) -> _Plan:
    plain = [r for r in readings if r.particle is None]
    verbs = [r for r in plain if r.role in FORM_KEYS]
    nominal = [r for r in plain if r.role in ("noun", "homograph")]
    verb = min(verbs, key=lambda v: _PREFER.index(v.role)) if verbs else None
    if verb is not None and verb.role == "past" and any(v.role == "participle" for v in verbs):
        verb = next(v for v in verbs if v.role == "participle")
    gerund_noun = (_Reading(verb.lemma, "noun", None, verb.intransitive)
                   if verb is not None and verb.role == "gerund" else None)
    return _Plan(tuple(r for r in readings if r.particle is not None),
                 frozenset(r.role for r in plain),
                 next((r for r in nominal if r.role == "noun"), None),
                 bool(nominal), verb, gerund_noun)


def _read(doc: _Doc, sid: int, toks: _Toks, i: int, head: int, plan: _Plan,
          start: int, end: int) -> _Mention | None:
    for r in plan.phrasal:
        p = _find_particle(toks, head, r.particle)
        if p is not None:
            return _read_verb(doc, sid, toks, i, p, r, start, toks.ends[p])
    if not plan.roles:
        return None
    if plan.nominal and plan.verb is not None:
        noun = _noun_reading(toks, i, head, plan.roles)
    else:
        noun = plan.nominal
    if noun:
        if plan.noun is None:
            return None  # a homograph noun: "bombs", "targets", "a storm"
        return _read_noun(doc, sid, toks, i, head, plan.noun, start, end)
    if plan.gerund_noun is not None and _gerund_is_noun(toks, i, head):
        return _read_noun(doc, sid, toks, i, head, plan.gerund_noun, start, end)
    return _read_verb(doc, sid, toks, i, head, plan.verb, start, end)


# --- voices ----------------------------------------------------------------------------------

def _voice_spans(text: str, title: str) -> list[tuple[int, int, str]]:
    """Voice regions of :func:`framing.quotes.voice_spans` (speakers are not needed here)."""
    from framing.quotes import voice_spans

    return [(int(s[0]), int(s[1]), str(s[2])) for s in voice_spans(text, title, speakers=False)]


def _embed_spans(value: object) -> list[tuple[int, int]]:
    if not isinstance(value, str) or not value.strip():
        return []
    try:
        return [(int(e[0]), int(e[1])) for e in json.loads(value)]
    except (ValueError, TypeError, IndexError) as exc:
        raise FramingError(f"Column 'embeds' must hold JSON lists of [start, end, kind, author]; "
                           f"got {value[:60]!r} ({exc}).") from exc


# --- table-level functions -------------------------------------------------------------------

def find_events(text: str, *, title: str = "", lexicon: EventLexicon | None = None) -> list[dict]:
    """Find event mentions in one text and classify who did what.

    Parameters
    ----------
    text : str
        The article text (its headline first, when it has one).
    title : str, default=""
        The headline; offsets ``[0, len(title))`` get voice ``headline``.
    lexicon : EventLexicon, optional
        From :func:`load_events`; default the bundled ``lexicons/events.yaml``.

    Returns
    -------
    list of dict
        One dict per mention with the events columns except ``doc_id``.

    Examples
    --------
    >>> [(e["match"], e["construction"], e["agent"]) for e in
    ...  find_events("The Syrian jet was shot down by an American F18.")]
    [('shot down', 'passive_agent', 'an American F18')]
    """
    if not isinstance(text, str):
        raise FramingError(f"find_events expects text as str. Got {type(text).__name__}.")
    return [dict(zip(EVENT_COLUMNS[1:], row, strict=True))
            for row in _event_rows(text, title, lexicon or load_events())]


def _event_rows(text: str, title: str, lex: EventLexicon, key: tuple = (),
                embeds: Sequence[tuple[int, int]] = ()) -> list[tuple]:
    """The mentions of :func:`find_events` as tuples in ``EVENT_COLUMNS[1:]`` order, each
    preceded by the fields of ``key``; voice ``embedded`` for those starting in a span of
    ``embeds``."""
    doc = _Doc(text, lex)
    voices = None
    rows = []
    for sid, m in _mentions(doc):
        if voices is None:
            voices = _voice_spans(text, title)  # regions in order, not overlapping
            starts = [v[0] for v in voices]
        agent, patient, start = _text_of(text, m.agent), _text_of(text, m.patient), m.start
        k = bisect_right(starts, start) - 1
        if embeds and any(s <= start < e for s, e in embeds):
            voice = "embedded"
        else:
            voice = voices[k][2] if k >= 0 and start < voices[k][1] else "narrator"
        rows.append((*key, sid, start, m.end, text[start:m.end], m.lemma, m.construction,
                     agent, _side(agent) if agent else "", patient,
                     _side(patient) if patient else "", voice,
                     bool(m.negated), bool(m.hypothetical)))
    return rows


def _text_of(text: str, span: tuple[int, int] | str | None) -> str:
    if span is None:
        return ""
    if isinstance(span, str):
        return span
    return text[span[0]:span[1]]


def agency(articles: pd.DataFrame, *, text: str = "text", lexicon: EventLexicon | None = None
           ) -> pd.DataFrame:
    """Build the **events** table: one row per mention of violence or force, with its doer.

    Parameters
    ----------
    articles : DataFrame
        An articles table (``doc_id``, ``text``; ``title`` and ``embeds`` are used when present).
    text : str, default="text"
        Column holding the article text.
    lexicon : EventLexicon, optional
        From :func:`load_events`; default the bundled lexicon.

    Returns
    -------
    DataFrame
        Columns ``EVENT_COLUMNS``: ``doc_id``, ``sent_id``, ``start``, ``end`` (offsets of the
        event words: ``text[start:end] == match``), ``match``, ``verb`` (lemma),
        ``construction`` (one of ``CONSTRUCTIONS``), ``agent`` (empty when hidden, and when
        the doer's slot holds no actor: "a rocket killed three" is ``active`` with no agent, a
        by-phrase or modifier naming no actor makes ``*_agentless``), ``agent_side``, ``patient``,
        ``patient_side``, ``voice`` (``embedded`` inside embedded material), ``negated``,
        ``hypothetical``.

    See Also
    --------
    agency_scores : per-outlet shares of mentions that name the doer.
    construction_shares : tidy construction counts for plotting.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"doc_id": ["d1"], "text": ["Russia warns over downing of Syrian jet"]})
    >>> agency(arts)[["match", "construction", "patient"]].values.tolist()
    [['downing', 'nominal_agentless', 'Syrian jet']]
    """
    if not isinstance(articles, pd.DataFrame):
        raise FramingError(f"agency expects an articles DataFrame. Got {type(articles).__name__}.")
    for col in ("doc_id", text):
        if col not in articles.columns:
            raise FramingError(missing_column(col, articles.columns,
                                              "text" if col == text else None))
    lex = lexicon or load_events()
    blank = [""] * len(articles)
    titles = articles["title"].tolist() if "title" in articles.columns else blank
    embeds = articles["embeds"].tolist() if "embeds" in articles.columns else blank
    rows = []
    for doc_id, body, title, emb in zip(articles["doc_id"].tolist(), articles[text].tolist(),
                                        titles, embeds, strict=True):
        if body is None or (isinstance(body, float) and pd.isna(body)):
            continue
        title = title if isinstance(title, str) else ""
        rows += _event_rows(str(body), title, lex, (doc_id,), _embed_spans(emb))
    frame = pd.DataFrame.from_records(rows, columns=EVENT_COLUMNS)
    return frame.astype({"sent_id": "int64", "start": "int64", "end": "int64",
                         "negated": "bool", "hypothetical": "bool"})


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
        From :func:`agency`. Needs an ``outlet`` column, or ``articles`` to join it from.
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


def agency_scores(events: pd.DataFrame, articles: pd.DataFrame, *, text: str = "text"
                  ) -> pd.DataFrame:
    """Per-outlet agency measures in the long **outlet_scores** format.

    Only counted mentions (see :func:`counted`) enter. Measures, each a share of mentions
    that name the doer (construction ``active``, ``passive_agent`` or ``nominal_agent`` with a
    non-empty ``agent``: "a rocket killed three" names no doer), resampled by article for the
    interval:

    * ``agency_named_share``: all mentions;
    * ``agency_named_share_headline`` / ``agency_named_share_body``: by voice (body = every
      voice but the headline);
    * ``agency_share_<construction>``: share of mentions in each construction;
    * ``agency_named_when_doer_<side>``: for an actor side, how often it is named when it is
      the doer (see Notes).

    Notes
    -----
    A hidden mention has no doer to read, so within an article a hidden mention of the same
    event (same lemma) as named ones borrows their side when they all agree;
    ``agency_named_when_doer_<side>`` is named / (named + borrowed hidden) over that side's
    mentions. Hidden mentions of an event never named in the article stay out.

    Parameters
    ----------
    events : DataFrame
        From :func:`agency`.
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
    """Per-article numerators and denominators of :func:`agency_scores`' measures.

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
    for pos in out.positions().values():
        table = per_doc[pos]
        for (measure, _, _), (i, j) in zip(measures, pairs, strict=True):
            out.add(measure, pos, table[:, i], table[:, j], base="events")
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


__all__ = [
    "AGENT_CONSTRUCTIONS", "CONSTRUCTIONS", "EVENT_COLUMNS", "EventLexicon", "agency",
    "agency_scores", "construction_shares", "counted", "find_events", "load_events",
]
