"""Attribution cues and relays (``lexicons/cues.yaml``), found in one pass per text.

:class:`CueIndex` serves the cue verbs ("said", "according to") of any window of a text from
one Aho-Corasick pass; :class:`RelayWindows` does the same for the news agencies that passed a
quote on ("TASS", "Reuters").
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import ahocorasick

from framing._errors import FramingError, bad_value
from framing.lexicon_io import check_keys, read_yaml
from framing.quotes.base import MASK, Hit, is_word
from framing.quotes.words import initial_alternation


@dataclass(frozen=True)
class Cues:
    """The cues and relays of cues.yaml, as patterns and automata."""

    regex: re.Pattern
    automaton: ahocorasick.Automaton
    lemma: dict
    clause: frozenset
    participles: frozenset
    relays: tuple
    relay_names: dict
    relay_automaton: ahocorasick.Automaton
    #: Cue forms and relay variants in one automaton for lower-cased text: values are
    #: (length, cue form or "", relay variant or not).
    both_automaton: ahocorasick.Automaton


@functools.lru_cache(maxsize=1)
def load_cues() -> Cues:
    """Read and check the bundled ``lexicons/cues.yaml``."""
    source = "framing/lexicons/cues.yaml"
    data = read_yaml("cues.yaml")
    check_keys(source, "<top level>", data, {"cues", "relays"}, {"version"})
    lemma, clause = {}, set()
    for i, cue in enumerate(data["cues"]):
        check_keys(source, f"cues[{i}]", cue, {"forms", "lemma", "tone", "clause", "note"}, set())
        if cue["tone"] not in ("neutral", "loaded"):
            raise FramingError(bad_value("tone", "cues.yaml", ["neutral", "loaded"], cue["tone"]))
        for form in cue["forms"]:
            lemma[form.lower()] = cue["lemma"]
            if cue["clause"]:
                clause.add(form.lower())
    names, exact, folded = {}, [], []
    for i, relay in enumerate(data["relays"]):
        check_keys(source, f"relays[{i}]", relay, {"name", "patterns", "note"}, set())
        for pattern in relay["patterns"]:
            names[pattern.lower()] = relay["name"]
            (exact if pattern.isupper() else folded).append(pattern)
    # one pass per case rule; the earliest mention in the sentence names the relay, the
    # longest pattern there
    relays = tuple(re.compile(r"\b" + initial_alternation(
        sorted(group, key=lambda p: len(re.escape(p)), reverse=True), bool(flags)) + r"\b", flags)
        for group, flags in ((exact, 0), (folded, re.IGNORECASE)) if group)
    forms = sorted(lemma, key=len, reverse=True)
    # Case-sensitive: "States" in "United States" is no cue; "According to" opens sentences.
    regex = re.compile(r"\b(?:[Aa]ccording to|" + "|".join(re.escape(f) for f in forms) + r")\b")
    automaton = ahocorasick.Automaton()
    for form in [*forms, "According to", "according to"]:
        automaton.add_word(form, len(form))
    automaton.make_automaton()
    participles = frozenset(f for f in lemma if f.endswith("ing"))
    relay_automaton, both = ahocorasick.Automaton(), {}
    for pattern in names:  # "_" reads as a space in the windows the relay regexes see
        parts = pattern.split(" ")
        for seps in itertools.product(" _", repeat=len(parts) - 1):
            variant = parts[0] + "".join(sep + part for sep, part in zip(seps, parts[1:],
                                                                         strict=True))
            relay_automaton.add_word(variant, len(variant))
            both[variant] = (len(variant), "", True)
    relay_automaton.make_automaton()
    for form in [*forms, "according to"]:
        both[form] = (len(form), form, form in both)
    both_automaton = ahocorasick.Automaton()
    for word, value in both.items():
        both_automaton.add_word(word, value)
    both_automaton.make_automaton()
    return Cues(regex, automaton, lemma, frozenset(clause), participles, relays, names,
                relay_automaton, both_automaton)


class CueIndex:
    """Every cue of one text, found in one Aho-Corasick pass and served per window.

    ``find(lo, hi)`` equals ``cues.regex.finditer(text, lo, hi)``: matches are leftmost-longest
    on word boundaries, and a window that ends inside a word (where ``endpos`` would make a
    boundary) is handed to the regex itself.
    """

    def __init__(self, text: str, cues: Cues):
        self.text, self.regex = text, cues.regex
        n, longest = len(text), {}
        #: Starts of cue forms with a word boundary before them: every window that holds a cue
        #: holds one of these (a window ending inside the next word makes the boundary after).
        self.near: list[int] = []
        #: The lower-cased text and the relay mentions in it (see :class:`RelayWindows`),
        #: found in the same pass when lower-casing keeps every offset.
        self.lower, self.relay_spans = text.lower(), None
        if len(self.lower) == n:
            lower, spans, found = self.lower, [], []
            for last, (length, form, relay) in cues.both_automaton.iter(lower):
                start, end = last - length + 1, last + 1
                if relay and not (start and lower[start - 1].isalnum()) \
                        and not (end < n and lower[end].isalnum()):
                    spans.append((start, end))
                if form and (text.startswith(form, start) or form == "according to"
                             and text.startswith("According to", start)):
                    found.append((start, end))
            self.relay_spans = spans
        else:
            found = [(last - length + 1, last + 1) for last, length in cues.automaton.iter(text)]
        for start, end in found:
            if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            self.near.append(start)
            if end < n and (text[end].isalnum() or text[end] == "_"):
                continue
            if longest.get(start, 0) < end:
                longest[start] = end
        self.hits: list[Hit] = []
        reach = -1
        for start in sorted(longest):
            if start >= reach:
                reach = longest[start]
                self.hits.append(Hit(start, reach, text[start:reach]))
        self.starts = [h.a for h in self.hits]
        self.ends = [h.b for h in self.hits]

    def find(self, lo: int, hi: int) -> list[Hit]:
        text = self.text
        if 0 < hi < len(text) and is_word(text[hi - 1]) and is_word(text[hi]):
            return [Hit(m.start(), m.end(), m.group()) for m in self.regex.finditer(text, lo, hi)]
        # hits do not overlap, so their ends rise with their starts
        return self.hits[bisect_left(self.starts, lo):bisect_right(self.ends, hi)]


_NOT_SPEECH_RE = re.compile(r"(?:-|\b(?:a|an|the|is|are|was|were|be|been|being)\s+)$")


def not_speech(masked: str, lo: int, at: int) -> bool:
    """Whether the cue at ``at`` is no speech of the words before it: an adjective after an
    article ("the alleged use"), a passive ("were reported dead", "was told") or the end of
    a compound ("co-wrote")."""
    return _NOT_SPEECH_RE.search(masked, max(lo, at - 12), at) is not None


class RelayWindows:
    """The relay named in a window of a text, with one Aho-Corasick pass to skip most windows.

    Relay patterns are ASCII words matched on word boundaries (``_`` reads as a space); each
    place the relay regexes could match (in any case) holds a lower-cased pattern between
    boundaries of the lower-cased text, so a window holding none names no relay. Texts with
    letters that ``re.IGNORECASE`` folds onto ASCII ones (İ ı ſ and the Kelvin sign), and
    windows whose edge cuts a word (a boundary only for the slice), are left to the regexes.
    The pass is the one :class:`CueIndex` ``index`` made, if given; else it is made at the
    first window asked about.
    """

    def __init__(self, masked: str, cues: Cues, index: CueIndex | None = None):
        self.masked, self.cues = masked, cues
        self.seen: dict[tuple[int, int], str] = {}
        self.lower = ""
        self.starts: list[int] | None = None
        if index is not None and index.relay_spans is not None and masked:
            self._index(index.lower, index.relay_spans)  # the pass :class:`CueIndex` made

    def _scan(self) -> None:
        masked, cues = self.masked, self.cues
        self.lower = lower = masked.lower()
        if len(lower) != len(masked):
            return
        n, spans = len(lower), []
        for last, length in cues.relay_automaton.iter(lower):
            a, b = last - length + 1, last + 1
            if not (a and lower[a - 1].isalnum()) and not (b < n and lower[b].isalnum()):
                spans.append((a, b))
        self._index(lower, spans)

    def _index(self, lower: str, spans: list[tuple[int, int]]) -> None:
        self.lower = lower
        if any(c in self.masked for c in "\u0130\u0131\u212a\u017f"):
            return
        spans.sort()
        self.starts = [a for a, _ in spans]
        self.first_end = [b for _, b in spans]  # from k on, the earliest end
        for k in range(len(spans) - 2, -1, -1):
            self.first_end[k] = min(self.first_end[k], self.first_end[k + 1])

    def relay(self, lo: int, hi: int) -> str:
        """The relay :func:`relay_in` finds in ``masked[lo:hi]`` with quotations blanked."""
        if not self.lower and self.masked:
            self._scan()
        if (lo, hi) not in self.seen:
            self.seen[lo, hi] = self._relay(lo, hi)
        return self.seen[lo, hi]

    def _relay(self, lo: int, hi: int) -> str:
        lower, n = self.lower, len(self.lower)
        if self.starts is not None and not (0 < lo < n and lower[lo - 1].isalnum()
                                            and lower[lo].isalnum()) \
                and not (0 < hi < n and lower[hi - 1].isalnum() and lower[hi].isalnum()):
            k = bisect_left(self.starts, lo)
            if k == len(self.starts) or self.first_end[k] > hi:
                return ""
            # no mention starts before the first place a pattern stands
            return relay_in(self.masked[lo:hi].replace(MASK, " "), self.starts[k] - lo)
        return relay_in(self.masked[lo:hi].replace(MASK, " "))


def relay_in(text: str, pos: int = 0) -> str:
    """The relay (news agency) mentioned first in ``text`` (from ``pos`` on), or ""."""
    cues = load_cues()
    found = [m for m in (regex.search(text, pos) for regex in cues.relays) if m]
    if not found:
        return ""
    return cues.relay_names[min(found, key=lambda m: m.start()).group().lower()]
