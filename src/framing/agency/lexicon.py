"""The events lexicon (``lexicons/events.yaml``): event words and the word lists the rules use."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import ahocorasick

from framing._errors import FramingError, bad_entry
from framing.agency.tokens import Memo, Tok, chunk_tokens
from framing.lexicon_io import check_keys, read_yaml
from framing.topic import topic_cached, topic_file

FORM_KEYS = ("base", "third", "past", "participle", "gerund")

@dataclass(frozen=True)
class Reading:
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
    readings: dict[str, tuple[Reading, ...]]
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
    # the words met so far as Tok (word classes under this lexicon), and the tokens of the
    # chunks of text without white space met so far (see chunk_tokens)
    _words: Memo = field(init=False, repr=False, compare=False)
    _chunks: Memo = field(init=False, repr=False, compare=False)
    # the readings of each surface sorted for read_mention
    _plans: dict[str, Plan] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._words = Memo(functools.partial(Tok, lex=self))
        self._chunks = Memo(functools.partial(chunk_tokens, words=self._words))
        self._plans = {surface: _plan(rs) for surface, rs in self.readings.items()}


def _build_events(data: object, source: str) -> EventLexicon:
    check_keys(source, "<top level>", data, {"version", "events"}, set(_WORD_LISTS))
    readings: dict[str, list[Reading]] = {}
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
                    Reading(lemma, "noun", None, intransitive))
        if not surfaces and not spec.get("nouns"):
            raise FramingError(bad_entry(source, lemma, "has no verb or noun forms"))
        for surface, role in surfaces:
            if not surface:
                raise FramingError(bad_entry(source, lemma, "has an empty form"))
            readings.setdefault(surface, []).append(
                Reading(lemma, role, None if role == "noun" else particle, intransitive))
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


@topic_cached
def _default_events() -> EventLexicon:
    return _build_events(read_yaml("events.yaml"), topic_file("events.yaml")[1])


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


class Plan(NamedTuple):
    """The readings of one surface, sorted for :func:`framing.agency.events.read_mention`."""

    phrasal: tuple[Reading, ...]  # readings with a particle, tried first
    roles: frozenset[str]  # roles of the readings without a particle
    noun: Reading | None  # the noun reading
    nominal: bool  # a noun or a homograph reading exists
    verb: Reading | None  # the preferred verb reading
    gerund_noun: Reading | None  # ``verb`` read as a noun, when it is a gerund


_PREFER = ("participle", "past", "third", "base", "gerund")


def _plan(readings: tuple[Reading, ...]) -> Plan:
    plain = [r for r in readings if r.particle is None]
    verbs = [r for r in plain if r.role in FORM_KEYS]
    nominal = [r for r in plain if r.role in ("noun", "homograph")]
    verb = min(verbs, key=lambda v: _PREFER.index(v.role)) if verbs else None
    if verb is not None and verb.role == "past" and any(v.role == "participle" for v in verbs):
        verb = next(v for v in verbs if v.role == "participle")
    gerund_noun = (Reading(verb.lemma, "noun", None, verb.intransitive)
                   if verb is not None and verb.role == "gerund" else None)
    return Plan(tuple(r for r in readings if r.particle is not None),
                frozenset(r.role for r in plain),
                next((r for r in nominal if r.role == "noun"), None),
                bool(nominal), verb, gerund_noun)


