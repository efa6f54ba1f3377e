"""Actors of the conflict and the sides they stand for, read from ``lexicons/actors.yaml``.

Two entry points serve the other stages: :func:`find_actors` locates named actors in a text
(people, institutions, groups, nationality words, capitals) and :func:`side_of` tells which side
a descriptive phrase speaks for ("a spokesman at U.S. Air Forces Central Command" ->
``us_military``), combining title words with the nationality or institution they go with.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import ahocorasick

from framing._errors import FramingError, bad_entry, bad_value
from framing.lexicon_io import check_keys, read_yaml
from framing.topic import extra_files, topic_cached, topic_file

ROLE_TYPES = ("government", "military", "analyst", "media", "civilian")
ACTOR_KINDS = ("person", "institution", "group", "media", "nationality", "capital", "place")
#: Kinds that :func:`find_actors` reports by default (places only lend a country to a title).
DEFAULT_KINDS = ("person", "institution", "group", "media", "nationality", "capital")
_KIND_SET = frozenset(ACTOR_KINDS)

_TOP_KEYS = {"version", "sides", "camps", "roles", "actors", "targets"}
_TARGET_KEYS = {"sides", "note"}
#: Sides that are no tone target unless a lexicon's ``targets`` names them.
_NOT_TARGETS = ("unknown", "analyst", "civilian", "media")
_SIDE_KEYS = {"official", "note"}
_CAMP_KEYS = {"sides", "note"}
_ROLE_KEYS = {"pattern", "type", "note"}
_ACTOR_KEYS = {"id", "actor", "kind", "side", "military", "patterns", "note"}
#: Phrases longer than this are not cached; at most this many are kept per cache.
_MEMO_LEN, _MEMO_SIZE = 300, 50_000
T = TypeVar("T")
# Words that end the head of a descriptor: what follows names an affiliation or a place.
_SPLIT_RE = re.compile(r",|\b(?:at|for|of|in|from|with|who|which|that|on|outside|near)\b",
                       re.IGNORECASE)


@dataclass(frozen=True)
class _Entry:
    actor: str
    kind: str
    side: str
    military: str | None = None
    role_type: str | None = None


@dataclass
class ActorLexicon:
    """A validated actor lexicon: sides, camps, title roles and actor patterns.

    Build it with :func:`load_actors`; pass it as ``lexicon=`` to use your own sides or camps.
    """

    sides: dict[str, dict]
    camps: dict[str, list[str]]
    source: str
    _exact: ahocorasick.Automaton = field(repr=False)
    _folded: ahocorasick.Automaton = field(repr=False)
    #: Tone targets: a name and the sides it covers (the lexicon's ``targets``; by default
    #: every side but unknown, analyst, civilian and media, each on its own).
    targets: dict[str, list[str]] = field(default_factory=dict)
    #: Results for short phrases, which recur across a corpus (per function, bounded).
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    @functools.cached_property
    def target_sides(self) -> frozenset[str]:
        """Every side some tone target covers."""
        return frozenset(s for sides in self.targets.values() for s in sides)

    def __getstate__(self) -> dict:
        """Pickle without the caches (a lexicon sent to workers need not carry them)."""
        return {**self.__dict__, "_memo": {}}

    def cached(self, name: str, phrase: str, compute: Callable[[str], T]) -> T:
        """``compute(phrase)``, remembered in cache ``name`` for short phrases."""
        if len(phrase) > _MEMO_LEN:
            return compute(phrase)
        cache = self._memo.get(name)  # emptied when it grows past its bound
        if cache is None:
            cache = self._memo[name] = {}
        found = cache.get(phrase)
        if found is None:
            if len(cache) > _MEMO_SIZE:
                cache.clear()
            found = cache[phrase] = compute(phrase)
        return found

    def camp_of(self, side: str) -> str:
        """Return the camp a side belongs to, or ``"unknown"``."""
        for camp, sides in self.camps.items():
            if side in sides:
                return camp
        return "unknown"

    def is_official(self, side: str) -> bool:
        """True for sides marked ``official`` (state voices)."""
        return bool(self.sides.get(side, {}).get("official", False))


def _fail(source: str, entry: str, problem: str) -> FramingError:
    return FramingError(bad_entry(source, entry, problem))


def _check_keys(source: str, name: str, item: object, allowed: set[str],
                required: set[str]) -> dict:
    check_keys(source, name, item, required, allowed - required)
    return item


def _build(data: object, source: str) -> ActorLexicon:
    data = _check_keys(source, "<top level>", data, _TOP_KEYS, _TOP_KEYS - {"version", "targets"})
    sides = {}
    for name, spec in data["sides"].items():
        sides[name] = _check_keys(source, f"sides.{name}", spec, _SIDE_KEYS, {"note"})
    if "unknown" not in sides:
        raise _fail(source, "sides", "must define the side 'unknown'")

    def side_ok(where: str, side: object) -> str:
        if side not in sides:
            raise _fail(source, where, bad_value("side", "load_actors", sides, side))
        return str(side)

    camps = {}
    for name, spec in data["camps"].items():
        spec = _check_keys(source, f"camps.{name}", spec, _CAMP_KEYS, _CAMP_KEYS)
        camps[name] = [side_ok(f"camps.{name}", s) for s in spec["sides"]]
    targets = {s: [s] for s in sides if s not in _NOT_TARGETS}
    if "targets" in data:
        targets = {}
        for name, spec in (data["targets"] or {}).items():
            spec = _check_keys(source, f"targets.{name}", spec, _TARGET_KEYS, _TARGET_KEYS)
            targets[str(name)] = [side_ok(f"targets.{name}", s) for s in spec["sides"]]

    exact, folded = ahocorasick.Automaton(), ahocorasick.Automaton()

    def add(pattern: str, entry: _Entry) -> None:
        pattern = str(pattern).strip()
        if not pattern:
            raise _fail(source, entry.actor, "has an empty pattern")
        if any(c.islower() for c in pattern):
            folded.add_word(pattern.lower(), (len(pattern), entry))
        else:
            exact.add_word(pattern, (len(pattern), entry))

    for i, role in enumerate(data["roles"]):
        role = _check_keys(source, f"roles[{i}]", role, _ROLE_KEYS, _ROLE_KEYS)
        if role["type"] not in ROLE_TYPES:
            raise _fail(source, f"roles[{i}]", bad_value("type", "load_actors", ROLE_TYPES,
                                                         role["type"]))
        add(role["pattern"], _Entry(str(role["pattern"]), "role", "unknown",
                                    role_type=role["type"]))
    for i, spec in enumerate(data["actors"]):
        name = f"actors[{i}]"
        spec = _check_keys(source, name, spec, _ACTOR_KEYS, _ACTOR_KEYS - {"military"})
        if spec["kind"] not in ACTOR_KINDS:
            raise _fail(source, name, bad_value("kind", "load_actors", ACTOR_KINDS, spec["kind"]))
        entry = _Entry(str(spec["actor"]), spec["kind"], side_ok(name, spec["side"]),
                       military=side_ok(name, spec["military"]) if "military" in spec else None)
        for pattern in spec["patterns"]:
            add(pattern, entry)
    for automaton in (exact, folded):
        if len(automaton):
            automaton.make_automaton()
    return ActorLexicon(sides=sides, camps=camps, source=source, _exact=exact, _folded=folded,
                        targets=targets)


@topic_cached
def _default_lexicon() -> ActorLexicon:
    label = topic_file("actors.yaml")[1]
    for extra in extra_files("actors"):  # a study's actor files (framing.topic.use_topic)
        label = f"{extra} (added to {label})"
    return _build(_topic_data(), label)


def _add_file(base: dict, path: Path) -> dict:
    """``base`` (actor lexicon data) with the user's file at ``path`` added: sides, camps and
    targets by name, roles and actors after the base's; any key may be left out."""
    user = read_yaml(path)
    check_keys(str(path), "<top level>", user, set(), _TOP_KEYS)
    for key, keys in (("roles", _ROLE_KEYS), ("actors", _ACTOR_KEYS)):
        for i, spec in enumerate(user.get(key) or []):  # named by their place in the user's file
            _check_keys(str(path), f"{key}[{i}]", spec, keys,
                        keys - {"military"} if key == "actors" else keys)
    merged = dict(base)
    for key in ("sides", "camps", "targets"):
        if key in user:
            merged[key] = {**merged.get(key, {}), **(user[key] or {})}
    for key in ("roles", "actors"):
        merged[key] = [*merged.get(key, []), *(user.get(key) or [])]
    return merged


@topic_cached
def _topic_data() -> dict:
    """The topic's actor lexicon data with a study's files added."""
    data = read_yaml("actors.yaml")
    for extra in extra_files("actors"):
        data = _add_file(data, extra)
    return data


def load_actors(path: str | Path | None = None, *, extend: bool = True) -> ActorLexicon:
    """Load and validate an actor lexicon.

    Parameters
    ----------
    path : str or Path, optional
        A YAML file with the layout of the topic's ``actors.yaml`` (keys ``sides``, ``camps``,
        ``roles``, ``actors``, ``targets``). Default: the topic's lexicon alone.
    extend : bool, default=True
        Add the file to the topic's lexicon: its sides, camps and targets are added (a name
        already there is replaced), its roles and actors come after the topic's (a pattern
        already there now means the file's actor). Any key may be left out. ``False`` uses
        the file alone, which must then have every key.

    Returns
    -------
    ActorLexicon

    Raises
    ------
    FramingError
        On unknown keys, undefined sides, unknown kinds or role types.
    """
    if path is None:
        return _default_lexicon()
    if not Path(path).is_file():
        raise FramingError(f"The 'path' parameter of load_actors must name a YAML file. "
                           f"Got {str(path)!r}, which does not exist.")
    if not extend:
        return _build(read_yaml(path), str(path))
    return _build(_add_file(_topic_data(), Path(path)),
                  f"{path} (added to {_default_lexicon().source})")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _matches(text: str, lexicon: ActorLexicon) -> tuple[tuple[int, int, _Entry], ...]:
    """Leftmost-longest, non-overlapping lexicon matches on word boundaries."""
    return lexicon.cached("matches", text, lambda t: _scan(t, lexicon))


def _scan(text: str, lexicon: ActorLexicon) -> tuple[tuple[int, int, _Entry], ...]:
    found = []
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    n = len(text)
    for automaton, haystack in ((lexicon._exact, text), (lexicon._folded, lowered)):
        if not len(automaton):
            continue
        for end_idx, (length, entry) in automaton.iter(haystack):
            start, end = end_idx - length + 1, end_idx + 1
            if start > 0 and _is_word_char(text[start - 1]) and _is_word_char(text[start]):
                continue
            if end < n and _is_word_char(text[end]) and _is_word_char(text[end - 1]):
                continue
            found.append((start, end, entry))
    if len(found) < 2:  # nothing to order or to drop
        return tuple(found)
    found.sort(key=lambda m: (m[0], m[0] - m[1]))
    chosen, last_end = [], -1
    for start, end, entry in found:
        if start >= last_end:
            chosen.append((start, end, entry))
            last_end = end
    return tuple(chosen)


def find_actors(text: str, *, lexicon: ActorLexicon | None = None,
                kinds: tuple[str, ...] = DEFAULT_KINDS) -> list[dict]:
    """Find named actors in ``text``.

    Parameters
    ----------
    text : str
        Any text.
    lexicon : ActorLexicon, optional
        From :func:`load_actors`; default the bundled lexicon.
    kinds : tuple of str
        Actor kinds to report, from ``ACTOR_KINDS``; default all but places.

    Returns
    -------
    list of dict
        One dict per match with ``start``, ``end``, ``match`` (``text[start:end]``), ``actor``
        (canonical name), ``side`` and ``kind``, in text order.

    Examples
    --------
    >>> [(a["match"], a["side"]) for a in find_actors("Ryabkov told the Pentagon.")]
    [('Ryabkov', 'russia_gov'), ('Pentagon', 'us_military')]
    """
    if not isinstance(text, str):
        raise FramingError(f"find_actors expects text as str. Got {type(text).__name__}.")
    if kinds is not DEFAULT_KINDS and not _KIND_SET.issuperset(kinds):
        bad = set(kinds) - _KIND_SET
        raise FramingError(bad_value("kinds", "find_actors", ACTOR_KINDS, sorted(bad)))
    lex = lexicon or load_actors()
    return [
        {"start": s, "end": e, "match": text[s:e], "actor": entry.actor, "side": entry.side,
         "kind": entry.kind}
        for s, e, entry in _matches(text, lex)
        if entry.kind in kinds
    ]


def _segment_side(entries: list[_Entry]) -> str | None:
    """Side of one descriptor segment, or None when it names no side."""
    persons = [e for e in entries if e.kind == "person"]
    if persons:
        return persons[-1].side
    role_types = [e.role_type for e in entries if e.kind == "role"]
    for civil in ("analyst", "media", "civilian"):
        if civil in role_types:
            return civil
    named = [e for e in entries if e.kind in ("institution", "group", "media", "capital")]
    if named:
        return named[-1].side
    countries = [e for e in entries if e.kind in ("nationality", "place")]
    if countries:
        country = countries[-1]
        if country.military and "military" in role_types:
            return country.military
        if country.kind == "place" and not role_types:
            return None
        return country.side
    return None


def side_of(phrase: str, *, lexicon: ActorLexicon | None = None) -> str:
    """Tell which side a speaker or actor description stands for.

    The head of the phrase (up to the first comma, preposition or relative pronoun) is read
    first: a known person decides; then a title of analyst, media or civilian type; then an
    institution or group ("rebel", "Pentagon"); then a nationality or place with a title
    ("Russian Deputy Foreign Minister", "Homs provincial governor"). A bare title ("a
    spokesman") takes the side of the affiliation that follows ("at U.S. Air Forces Central
    Command").

    Parameters
    ----------
    phrase : str
        A name, title or noun phrase.
    lexicon : ActorLexicon, optional
        Default the bundled lexicon.

    Returns
    -------
    str
        A side of the lexicon, ``"unknown"`` when none can be told.

    Examples
    --------
    >>> side_of("a spokesman at U.S. Air Forces Central Command")
    'us_military'
    >>> side_of("a rebel official")
    'syrian_rebels'
    """
    if not isinstance(phrase, str):
        raise FramingError(f"side_of expects phrase as str. Got {type(phrase).__name__}.")
    lex = lexicon or load_actors()
    return lex.cached("side_of", phrase, lambda p: _side_of(p, lex))


def _side_of(phrase: str, lex: ActorLexicon) -> str:
    matches = _matches(phrase, lex)
    if not matches:  # no segment names a side
        return "unknown"
    cuts = [m.start() for m in _SPLIT_RE.finditer(phrase)] + [len(phrase)]
    lo = 0
    for cut in cuts:
        seg = [e for s, _, e in matches if lo <= s < cut]
        side = _segment_side(seg)
        if side is not None:
            return side
        lo = cut
    return "unknown"


def camp_of(side: str, *, lexicon: ActorLexicon | None = None) -> str:
    """Return the camp of ``side`` (``"unknown"`` for a side in no camp)."""
    return (lexicon or load_actors()).camp_of(side)
