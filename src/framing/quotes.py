"""Quotations, their speakers, the sides they speak for, and the agencies that relayed them.

Two layers, as in textacy: :func:`voice_spans` and the private scanner work on one text and
return offsets; :func:`find_quotes` builds the **quotes** table of an articles table and
:func:`quote_scores` turns it into per-outlet balance rows (outlet_scores).

Span rules (one pass over the quotation marks, linear in the text):

* curly “ ”, straight ", guillemets « », low „ and the odd closer ’’ or '' make double quotes;
  ‘ ’ and ' make single quotes, read only outside double quotes (inside they are nested).
* A quote never crosses a line break, except a multi-paragraph quote: a paragraph that opens a
  quote without closing it, followed by a paragraph that opens with a quotation mark.
  Otherwise an unclosed quote (a paywall cut: “In regions where the…) ends at its line.
* Spans without a letter or digit (a page of nothing but quotation marks) are dropped.

Attribution: a cue before or after the quotation names the speaker ("said X", "X told",
"according to X", "with X saying", "X was quoted as saying"). Before the cue the name nearest
it speaks ("Hockey Association president Marty Jones said"), unless an apposition follows the
name ("Ken Njoroge, chief executive of a company that ..., said"); after the cue the first
name speaks. Cues after an article or a passive ("the alleged use", "were reported") are no
speech, and a quotation that ends its sentence takes no cue from the next one. "he", "she"
and person descriptions ("the 28-year-old") go to the latest earlier speaker or subject of a
clause (a person mention followed by a verb, not "from Zehaf Bibeau and") of that gender
(honorifics, or the pronouns that follow the person's mentions) whom the article treats as a
person; names holding place or organisation words ("Fraser Valley", "BC Hydro") are none. A
later surname or first name alone stands for the full name. "Her statement said" is hers. A
speaker of unknown side takes the side of the group the article affiliates them with ("signed
up with the SDF").

Speed: the text is read once per pattern family (quotation marks, one Aho-Corasick pass for the
cues and one for the relays), windows are served from those passes, lines are split into
sentences only when a quotation or a cue form needs them, results for short phrases (actor
matches, names, sides) are cached on the actor lexicon, and the analysis of a text is cached
so that :func:`find_quotes` and :func:`voice_spans` (called by later stages) share it.

The word lists behind attribution (person nouns, titles, place and organisation words, name
particles, pronouns, honorifics) are data: ``lexicons/speakers.yaml``.

References
----------
Bell, A. (1991). *The Language of News Media*. Blackwell (attribution and relays).
Asr, F. T., et al. (2021). The Gender Gap Tracker. *PLOS ONE* 16(1) (quote scoring rule).
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick
import numpy as np
import pandas as pd

from framing._errors import FramingError, bad_entry, bad_value, missing_column
from framing.actors import ActorLexicon, _matches, find_actors, load_actors, side_of
from framing.lexicon_io import check_keys, read_yaml
from framing.measures import measure_id
from framing.text import WORD_RE, per_text_cache, sentence_spans

QUOTE_COLUMNS = ["doc_id", "quote_id", "start", "end", "text", "kind", "speaker",
                 "speaker_side", "cue", "relay"]
QUOTE_KINDS = ("full", "partial", "scare", "title", "indirect")
VOICES = ("headline", "quote", "interviewer", "interviewee")
#: Measure names written by :func:`quote_scores` start with one of these.
QUOTE_MEASURE_PREFIXES = ("quotes_", "quoted_words_", "quote_share_", "quoted_word_share_",
                          "quote_side_entropy", "official_quote_share")

_DOUBLE_RE = re.compile("’’|''|[“”„«»\"]")
_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = ("”", "»", "’’", "''")
_WORDY = re.compile(r"[^\W_]")
_QA_RE = re.compile(r"\s*(Q|A|Question|Answer)\s*[:.]\s", re.IGNORECASE)
_MASK = "_"
#: How far back (characters) a pronoun looks for its antecedent, and how many speakers.
_LOOKBACK, _RECENT = 3000, 30
#: How far from a pronoun (characters) the mentions that tell a name's gender are read.
_EVIDENCE = 20_000
#: Attribution cues are looked for this far (characters) before and after a quote.
_REACH = 600
#: A "sentence" longer than this (characters) is not one: no reported speech is read from it.
_LONGEST_SENTENCE = 2500
_LEAD_RE = re.compile(r"^(?:[\s,]|\b(?:and|but|so|yet|however|meanwhile|moreover)\b)+",
                      re.IGNORECASE)


def _anycase(word: str) -> str:
    """``word`` as a pattern matching it in any case, as ``re.IGNORECASE`` would."""
    folds = {"s": "Ss\u017f", "i": "Ii\u0130\u0131", "k": "Kk\u212a"}
    return "".join(f"[{folds.get(c, c.upper() + c)}]" for c in word)


# The clause breaks ";", ", but", "but", "that" and a quotation, case-insensitive; written with
# a look-behind after the first letter so that the engine skips to the characters ; , b t _.
_CLAUSE_BREAK_RE = re.compile(
    r";|,\s+(?:" + "|".join(map(_anycase, ("but", "and", "while", "as", "adding", "after")))
    + rf")\b|[Bb](?<!\w.){_anycase('ut')}\b|[Tt](?<!\w.){_anycase('hat')}\b|_+[”»\"’']*")
_DATELINE_RE = re.compile(r"^[\s>]*[A-Z][A-Z .,()'’]+\s*[–—-]+\s*")
_VERB_START_RE = re.compile(r"(?:was|were|is|are|has|had|have|would|will|could|can|did|does)\b")
_TOKEN_RE = re.compile(r"\S+")
_ACRONYM_RE = re.compile(r"\b[A-Z]{2,}\b")
_WORD_AT_RE = re.compile(r"\s*([\w’'-]+)")
_ANY_APPOSITION_RE = re.compile(r",[^,.;:!?]{1,150},")
_APPOSITION_RE = re.compile(r",\s*(?:a|an|the|\d+|[\w’'-]+’s|[\w’'-]+'s)\b[^,.;:!?]{0,120},")
#: Words tying a person to the group named after them, and words showing a person armed.
_AFFILIATION_RE = re.compile(r"\b(?:join(?:s|ed|ing)?|signed up (?:with|for)|members? of|"
                             r"ranks of|commands?|commanders? of|fighters? (?:of|with|for))\b",
                             re.IGNORECASE)
_AFFILIATION_REACH = 60
_SPEECH_VERB_RE = re.compile(r"\b(?:said|says|told|tells|asked|urged|called on)\b")
_ARMED_RE = re.compile(r"\b(?:fighter|commander|militiam[ae]n|(?:bearing|carrying|holding|"
                       r"clutching)\s+(?:an?\s+)?(?:\w+\s+)?(?:weapon|rifle|gun|Kalashnikov))\b",
                       re.IGNORECASE)
#: A surname right after these words names a place or thing ("the Krakatau volcano").
_NOT_ALONE_RE = re.compile(r"\b(?:the|a|an|of|in|at|on|from|to|for|by|with|near|into)\s+$",
                           re.IGNORECASE)
_LINE_RE = re.compile(r"[^\n]+")
#: A piece of an apposition: it opens with a lower-case word or a number ("a resident of",
#: "50"), or is an abbreviation ("D-Calif.", "Mo.").
_APPOSITION_PART_RE = re.compile(r"\s*(?:[a-z\d].*|[A-Z][\w.\-]*\.)\s*", re.DOTALL)
_NEXT_CHAR_RE = re.compile(r"[ \t]*(\S)")
_SINGLE_RE = re.compile("[‘’']")
_BY_RE = re.compile(r"^(?:with|by|from|for)\s+")
_DEFINITE_RE = re.compile(r"(?:the|this|that)\s")
_RELATIVE_RE = re.compile(r",\s*(?:who|which)\b")
_NAME_END_RE = re.compile(r"\s+(?:in|on|at|after|as|while|when)\s")
_APPOSITIVE_END_RE = re.compile(r",\s*(?:who|which|adding|referring|saying)\b|\s+(?:who|which)\s")
_ENDS_HERE_RE = re.compile(r"[\s]*(?:[,.;]|$)")
_THAT_RE = re.compile(r"\s*that\s")
_BEFORE_THAT_RE = re.compile(r"\s*,?\s*(?=that\s)")
_BUT_RE = re.compile(r",\s+but\b|;")
_WITH_RE = re.compile(r"(?:^|,\s*)[Ww]ith\s+(?=\S)")
# "according to a statement from the Pentagon": the Pentagon speaks
_STATEMENT_OF_RE = re.compile(r"^(?:an?|the)\s+(?:\w+\s+)?(?:statement|report|communiqu[eé]|"
                              r"post|tweet|announcement)\s+(?:from|by|of|issued by|released by)"
                              r"\s+(?=\S)", re.IGNORECASE)
_SPEAKER_CUT_RE = re.compile(r"\s+(?:in|who|which|outside|on|from|near|approached|when)\s+|,",
                             re.IGNORECASE)


@dataclass
class _Quote:
    start: int
    end: int
    kind: str = ""
    speaker: str = ""
    descriptor: str = ""
    side: str = "unknown"
    cue: str = ""
    relay: str = ""
    cue_at: int = -1
    #: The speaker's name opens the speaker phrase: it follows the cue ("said X", "according
    #: to X") or an apposition follows it ("Roman, a resident of ..., said"). Otherwise the
    #: name nearest the cue speaks ("Hockey Association president Marty Jones said").
    name_first: bool = False


@dataclass(frozen=True)
class _Cues:
    regex: re.Pattern
    automaton: ahocorasick.Automaton
    lemma: dict
    clause: frozenset
    participles: frozenset
    relays: tuple
    relay_names: dict
    relay_automaton: ahocorasick.Automaton


@functools.lru_cache(maxsize=1)
def _cues() -> _Cues:
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
            (exact if pattern.isupper() else folded).append(re.escape(pattern))
    # one pass per case rule; the earliest mention in the sentence names the relay
    relays = tuple(re.compile(r"\b(?:" + "|".join(sorted(group, key=len, reverse=True))
                              + r")\b", flags)
                   for group, flags in ((exact, 0), (folded, re.IGNORECASE)) if group)
    forms = sorted(lemma, key=len, reverse=True)
    # Case-sensitive: "States" in "United States" is no cue; "According to" opens sentences.
    regex = re.compile(r"\b(?:[Aa]ccording to|" + "|".join(re.escape(f) for f in forms) + r")\b")
    automaton = ahocorasick.Automaton()
    for form in [*forms, "According to", "according to"]:
        automaton.add_word(form, len(form))
    automaton.make_automaton()
    participles = frozenset(f for f in lemma if f.endswith("ing"))
    relay_automaton = ahocorasick.Automaton()
    for pattern in names:  # "_" reads as a space in the windows the relay regexes see
        parts = pattern.split(" ")
        for seps in itertools.product(" _", repeat=len(parts) - 1):
            variant = parts[0] + "".join(sep + part for sep, part in zip(seps, parts[1:],
                                                                         strict=True))
            relay_automaton.add_word(variant, len(variant))
    relay_automaton.make_automaton()
    return _Cues(regex, automaton, lemma, frozenset(clause), participles, relays, names,
                 relay_automaton)


#: Entries of speakers.yaml and the keys each has besides its note; "words" of pronouns and
#: owner_pronouns map a word to a word, every other list is a list of words.
_SPEAKER_LISTS = {
    "person_words": ("words",), "title_words": ("words",), "stop_caps": ("words",),
    "non_person_words": ("words",), "particles": ("words",), "surname_particles": ("words",),
    "mention_prefixes": ("words",), "pronouns": ("words",), "gendered_pronouns": ("male", "female"),
    "honorifics": ("male", "female"), "owner_pronouns": ("words",), "own_words": ("words",),
    "body_words": ("words",), "thing_heads": ("words",), "not_verbs": ("words",),
    "days": ("words",), "months": ("words",),
}
_MAPPINGS = ("pronouns", "owner_pronouns")
_PRONOUN_KINDS = ("person", "thing", "any")


@dataclass(frozen=True)
class _Words:
    """The word lists of speakers.yaml, as sets and the patterns compiled from them."""

    person_words: re.Pattern
    title_words: frozenset
    stop_caps: frozenset
    non_person: re.Pattern
    name_token: str
    name_run: re.Pattern
    particle_dash: re.Pattern
    particle_token: re.Pattern
    surname_particle: re.Pattern
    mention_prefixes: tuple
    pronouns: dict
    pronoun_gender: dict
    gendered: re.Pattern
    honorific: re.Pattern
    owner_pronouns: dict
    own_words: re.Pattern
    body: re.Pattern
    thing_heads: frozenset
    not_verbs: frozenset
    lone_name: re.Pattern
    trail: re.Pattern
    after_cue: re.Pattern


def _alternation(words: Iterable[str]) -> str:
    return "(?:" + "|".join(map(re.escape, words)) + ")"


@functools.lru_cache(maxsize=4)
def _words(name: str = "speakers.yaml") -> _Words:
    """Read and check the speaker word lists (the bundled file, or a copy at path ``name``)."""
    source = f"framing/lexicons/{name}" if name == "speakers.yaml" else str(name)
    data = read_yaml(name)
    check_keys(source, "<top level>", data, set(_SPEAKER_LISTS) | {"version"}, set())
    lists = {}
    for entry, keys in _SPEAKER_LISTS.items():
        check_keys(source, entry, data[entry], {"note", *keys}, set())
        for key in keys:
            value = data[entry][key]
            mapping = entry in _MAPPINGS
            if not isinstance(value, dict if mapping else list) or not value:
                kind = "a mapping of words to words" if mapping else "a list of words"
                raise FramingError(bad_entry(source, f"{entry}.{key}",
                                             f"must be a non-empty {kind}, got {value!r}"))
            for word in [*value.items()] if mapping else value:
                if not all(isinstance(w, str) and w.strip() for w in
                           (word if mapping else (word,))):
                    raise FramingError(bad_entry(
                        source, f"{entry}.{key}", f"holds {word!r}, which is no word; write "
                        "words as strings (quote YAML booleans such as 'on' and 'no')"))
            lists[entry if key == "words" else f"{entry}.{key}"] = value
    bad = sorted(set(lists["pronouns"].values()) - set(_PRONOUN_KINDS))
    if bad:
        raise FramingError(bad_entry(source, "pronouns.words", f"has kind(s) {bad}; allowed "
                                     f"are {list(_PRONOUN_KINDS)}"))
    particles = lists["particles"]
    name_token = rf"(?:[A-Z][\w’'\-]*\.?|{_alternation(particles)}(?:-[\w’'\-]+)?(?![\w’'\-]))"
    male, female = lists["gendered_pronouns.male"], lists["gendered_pronouns.female"]
    days = _alternation(lists["days"])
    return _Words(
        person_words=re.compile(rf"\b{_alternation(lists['person_words'])}\b", re.IGNORECASE),
        title_words=frozenset(w.lower() for w in lists["title_words"]),
        stop_caps=frozenset(w.lower() for w in lists["stop_caps"] + lists["days"]),
        non_person=re.compile(rf"\b{_alternation(lists['non_person_words'])}\b"),
        name_token=name_token,
        # A run starts at a capitalised word (the boundary before it is a look-behind after
        # the letter, so the regex engine skips to capitals); _name_runs adds a particle
        # joined to it by a hyphen ("al-Assad").
        name_run=re.compile(rf"[A-Z](?<!\w.)[\w’'\-]*\.?(?:[ \t]+{name_token})*"),
        particle_dash=re.compile(rf"(?<!\w){_alternation(particles)}-\Z"),
        particle_token=re.compile(rf"{_alternation(particles)}(?:-[A-Z][\w’'\-]*)?"),
        surname_particle=re.compile(rf"^{_alternation(lists['surname_particles'])}-"),
        mention_prefixes=tuple(f"{p}-" for p in lists["mention_prefixes"]),
        pronouns={k.lower(): v for k, v in lists["pronouns"].items()},
        pronoun_gender={male[0].lower(): "m", female[0].lower(): "f"},
        gendered=re.compile(rf"\b(?:({'|'.join(map(re.escape, male))})|"
                            rf"({'|'.join(map(re.escape, female))}))\b", re.IGNORECASE),
        honorific=re.compile(
            rf"\b(?:({'|'.join(map(re.escape, lists['honorifics.male']))})|"
            rf"({'|'.join(map(re.escape, lists['honorifics.female']))}))"
            r"\.?\s+(?:[A-Z][\w’'\-]*\s+)?$"),
        owner_pronouns={k.lower(): v.lower() for k, v in lists["owner_pronouns"].items()},
        own_words=re.compile(rf"({'|'.join(map(re.escape, lists['owner_pronouns']))})\s+"
                             rf"(?:[\w-]+\s+)?{_alternation(lists['own_words'])}s?",
                             re.IGNORECASE),
        body=re.compile(rf"\b{_alternation(lists['body_words'])}\b", re.IGNORECASE),
        thing_heads=frozenset(w.lower() for w in lists["thing_heads"]),
        not_verbs=frozenset(lists["not_verbs"]),
        # a name of one word ("McNeely", "IRCC"), not a day or a month
        lone_name=re.compile(rf"(?!{_alternation(lists['days'] + lists['months'])}\b)"
                             r"[A-Z][\w’'\-]*"),
        trail=re.compile(
            rf"(?:[\s,]+(?:(?:on|late|early|last|this)\s+{days}|{days}|also|however|then|now|"
            r"previously|meanwhile|has|had|have|would|will|later|earlier|once|"
            r"(?-i:[a-z]\w*ly)))+[\s,]*$", re.IGNORECASE),
        after_cue=re.compile(
            rf"(?:\s+(?:(?:on|late|early|last|this)\s+)?(?:{days}|week|night|month|year)\b"
            r"|\s+in an? (?:written |joint |televised |brief )?(?:statement|interview|"
            r"news conference|press conference|speech|post|tweet)"
            r"(?:\s+(?:released|issued|published)(?:\s+\w+day)?)?"
            r"|\s+(?:also|later|earlier|previously|separately|again|repeatedly))*"),
    )


def _is_word(ch: str) -> bool:
    """True for the characters ``\\w`` matches (``\\b`` lies between word and non-word)."""
    return ch.isalnum() or ch == "_"


class _Hit(NamedTuple):
    """A cue match, with the ``re.Match`` methods the attribution code uses."""

    a: int
    b: int
    form: str

    def start(self) -> int:
        return self.a

    def end(self) -> int:
        return self.b

    def group(self) -> str:
        return self.form

    def span(self) -> tuple[int, int]:
        return self.a, self.b


class _CueIndex:
    """Every cue of one text, found in one Aho-Corasick pass and served per window.

    ``find(lo, hi)`` equals ``cues.regex.finditer(text, lo, hi)``: matches are leftmost-longest
    on word boundaries, and a window that ends inside a word (where ``endpos`` would make a
    boundary) is handed to the regex itself.
    """

    def __init__(self, text: str, cues: _Cues):
        self.text, self.regex = text, cues.regex
        n, longest = len(text), {}
        #: Starts of cue forms with a word boundary before them: every window that holds a cue
        #: holds one of these (a window ending inside the next word makes the boundary after).
        self.near: list[int] = []
        for last, length in cues.automaton.iter(text):
            start, end = last - length + 1, last + 1
            if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            self.near.append(start)
            if end < n and (text[end].isalnum() or text[end] == "_"):
                continue
            if longest.get(start, 0) < end:
                longest[start] = end
        self.hits: list[_Hit] = []
        reach = -1
        for start in sorted(longest):
            if start >= reach:
                reach = longest[start]
                self.hits.append(_Hit(start, reach, text[start:reach]))
        self.starts = [h.a for h in self.hits]

    def find(self, lo: int, hi: int) -> list[_Hit]:
        text = self.text
        if 0 < hi < len(text) and _is_word(text[hi - 1]) and _is_word(text[hi]):
            return [_Hit(m.start(), m.end(), m.group()) for m in self.regex.finditer(text, lo, hi)]
        out, hits = [], self.hits
        for k in range(bisect_left(self.starts, lo), len(hits)):
            if hits[k].b > hi:
                break
            out.append(hits[k])
        return out


class _Sentences:
    """Sentence spans of a masked text, split line by line as far as they are asked for.

    A line is split with :func:`framing.text.sentence_spans` when first asked for. :meth:`at`
    gives the last sentence starting at or before an offset, else the first sentence, else
    the whole text.
    """

    def __init__(self, masked: str, lines: list[tuple[int, int]]):
        self.masked, self.lines = masked, lines
        self.line_starts = [a for a, _ in lines]
        self._split: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}
        self._last: dict[int, tuple[int, int] | None] = {}  # last sentence up to a line
        self._first: tuple[int, int] | None = None

    def of_line(self, li: int) -> tuple[list[tuple[int, int]], list[int]]:
        """The sentences of line ``li`` and their starts."""
        if li not in self._split:
            a, b = self.lines[li]
            spans = [(a + s, a + e) for s, e in sentence_spans(self.masked[a:b])]
            self._split[li] = spans, [s for s, _ in spans]
        return self._split[li]

    def at(self, pos: int) -> tuple[int, int]:
        li = _bisect(self.line_starts, pos)
        if li >= 0:
            spans, starts = self.of_line(li)
            k = _bisect(starts, pos)
            found = spans[k] if k >= 0 else self._last_up_to(li - 1)
            if found is not None:
                return found
        return self._first_sentence()

    def _last_up_to(self, li: int) -> tuple[int, int] | None:
        empty = []
        while li >= 0 and li not in self._last:
            spans = self.of_line(li)[0]
            if spans:
                self._last[li] = spans[-1]
                break
            empty.append(li)
            li -= 1
        found = self._last[li] if li >= 0 else None
        for k in empty:
            self._last[k] = found
        return found

    def _first_sentence(self) -> tuple[int, int]:
        if self._first is None:
            first = next((self.of_line(li)[0][0] for li in range(len(self.lines))
                          if self.of_line(li)[0]), None)
            self._first = first or (0, len(self.masked))
        return self._first

    def near_cues(self, index: _CueIndex) -> Iterator[tuple[int, int]]:
        """In text order, every sentence that may hold a cue of ``index`` (a line without a
        cue form is not split)."""
        for li in sorted({_bisect(self.line_starts, at) for at in index.near}):
            if li >= 0:
                yield from self.of_line(li)[0]


# ---------------------------------------------------------------- quotation marks
def _lines(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _LINE_RE.finditer(text)]


def _is_opening_single(text: str, i: int, end: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isalnum() and not after.isspace() and after not in "’'"


def _is_closing_single(text: str, i: int, end: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isspace() and not after.isalnum()


def _marked_spans(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Offsets of quotations in marks, in text order (see the module docstring)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for li, (a, b) in enumerate(lines):
        singles_from, first = a, len(spans)
        skip_first = open_at is not None  # the re-opening mark of a continued paragraph
        # single marks are read after the line's double quotes (_single_spans); a continued
        # paragraph opens with its double mark, so that is the line's first mark of any kind
        for m in _DOUBLE_RE.finditer(text, a, b):
            mark, i = m.group(), m.start()
            if skip_first:
                skip_first = False
                if mark in _DOUBLE_OPEN or mark == '"':
                    continue
            if open_at is None:
                if mark in _DOUBLE_OPEN or mark == '"':
                    open_at = i
                continue
            if mark in _DOUBLE_CLOSE or mark == '"' or (
                mark == "“" and not text[i - 1].isspace()
                and (i + 1 >= b or not text[i + 1].isalnum())
            ):
                spans.append((open_at, m.end()))
                open_at = None
            elif mark in _DOUBLE_OPEN:  # the previous quote was never closed
                spans.append((open_at, _rstrip(text, open_at, i)))
                open_at = i
        if open_at is not None:
            nxt = lines[li + 1][0] if li + 1 < len(lines) else None
            if nxt is not None and (text[nxt] in _DOUBLE_OPEN or text[nxt] == '"'):
                continue  # multi-paragraph quote
            spans.append((open_at, _rstrip(text, open_at, b)))
            open_at = None
        spans.extend(_single_spans(text, singles_from, b, spans[first:]))
    spans.sort()
    return [(s, e) for s, e in spans if _WORDY.search(text, s, e)]


def _single_spans(text: str, a: int, b: int,
                  doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if text.find("‘", a, b) < 0 and text.find("'", a, b) < 0:
        return []  # no mark that opens a single quote
    inside = [(s, e) for s, e in doubles if e > a and s < b]
    out, open_at, k = [], None, 0
    for m in _SINGLE_RE.finditer(text, a, b):
        i = m.start()
        while k < len(inside) and inside[k][1] <= i:
            k += 1
        if k < len(inside) and inside[k][0] <= i:
            open_at = None
            continue
        mark = m.group()
        if open_at is None:
            if mark in "‘'" and _is_opening_single(text, i, b):
                open_at = i
        elif mark in "’'" and _is_closing_single(text, i, b):
            out.append((open_at, i + 1))
            open_at = None
    return out


# "he was quoted as (saying)": the subject speaks
_QUOTED_AS_RE = re.compile(r"\s+(?:is|are|was|were|being|been)\s+quoted\s+as\s*$")
_NOT_SPEECH_RE = re.compile(r"(?:-|\b(?:a|an|the|is|are|was|were|be|been|being)\s+)$")


def _not_speech(masked: str, lo: int, at: int) -> bool:
    """Whether the cue at ``at`` is no speech of the words before it: an adjective after an
    article ("the alleged use"), a passive ("were reported dead", "was told") or the end of
    a compound ("co-wrote")."""
    return _NOT_SPEECH_RE.search(masked, max(lo, at - 12), at) is not None


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# ---------------------------------------------------------------- speakers
def _name_in(text: str, lexicon: ActorLexicon, last: bool = False) -> str:
    """The first (or ``last``) person name in ``text`` ("Sergei Ryabkov"), titles and
    nationalities removed; runs naming places or organisations ("Fraser Valley", "BC Hydro")
    are no person names."""
    names = lexicon.cached("names_in", text, lambda t: _find_names(t, lexicon))
    return (names[-1] if last else names[0]) if names else ""


def _find_names(text: str, lexicon: ActorLexicon) -> tuple[str, ...]:
    found, words = [], _words()
    persons, non_person = set(), set()  # starts of person names; offsets inside other actors
    for s, e, entry in _matches(text, lexicon):
        if entry.kind == "person":
            persons.add(s)
        elif entry.kind != "role":
            non_person.update(range(s, e))
    for m in _name_runs(text):
        tokens = [(t.start(), t.end(), t.group()) for t in _TOKEN_RE.finditer(text, *m.span())]
        titled = False
        while tokens and (tokens[0][2].lower().rstrip(",") in words.title_words
                          or tokens[0][2].lower() in words.stop_caps
                          or tokens[0][0] in non_person):
            titled |= tokens[0][2].lower() in words.title_words
            tokens = tokens[1:]
        tokens = _name_tokens(tokens)
        if not tokens:
            continue
        if any(t[0] in non_person for t in tokens):
            continue
        if tokens[0][0] in persons or len(tokens) >= 2 or titled:
            name = text[tokens[0][0]:tokens[-1][1]].rstrip(".,’'")
            if not name[:1].isupper() or words.non_person.search(name) \
                    or _ACRONYM_RE.search(name):
                continue
            found.append(name)
    return tuple(found)


def _name_runs(text: str) -> Iterator[_Hit]:
    """Runs of name tokens in ``text``: capitalised words and particles joined by spaces,
    from a capitalised word or a particle hyphenated to one ("al-Nusra Front"), in text order.
    A run holds more than names ("The Russian defence"); callers cut it to the name."""
    words = _words()
    for m in words.name_run.finditer(text):
        a, b = m.span()
        if a > 2 and text[a - 1] == "-":
            particle = words.particle_dash.search(text, max(0, a - 5), a)
            if particle:
                a = particle.start()
        yield _Hit(a, b, text[a:b])


def _mentions(text: str, word: str, lo: int = 0, hi: int | None = None,
              prefixes: tuple[str, ...] = ()) -> Iterator[int]:
    """Offsets of ``word`` in ``text[lo:hi]`` standing alone, not inside a longer name (no
    letter, digit, apostrophe or hyphen next to it), or after one of ``prefixes`` ("al-")."""
    hi = len(text) if hi is None else hi
    at = text.find(word, lo, hi) if word else -1
    while at >= 0:
        end, head = at + len(word), at
        for prefix in prefixes:
            if text.startswith(prefix, at - len(prefix)):
                head = at - len(prefix)
                break
        if not (head and _is_name_char(text[head - 1])) and \
                not (end < len(text) and _is_name_char(text[end])):
            yield at
        at = text.find(word, at + 1, hi)


def _is_name_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_’'-"


def _name_tokens(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cut a run of name tokens where the name ends: before a lower-case word that is no
    particle ("To determine", "Assad also"), after a word that ends a sentence ("Complex. In")."""
    words = _words()
    for k, (_, _, token) in enumerate(tokens):
        if k and token[:1].islower() and not words.particle_token.fullmatch(token):
            return tokens[:k]
        if token.endswith(".") and len(token) > 2 and token.lower() not in words.title_words \
                and token.lower() not in ("jr.", "sr.", "st."):
            return tokens[:k + 1]
    return tokens


def _looks_named(name: str) -> bool:
    """Whether a speaker is named like a person ("Yuni", "Rod Peters"; not "Burnaby RCMP")."""
    words = _words()
    last = words.surname_particle.sub("", name.split()[-1]) if name.strip() else ""
    return name[:1].isupper() and last[:1].isupper() and last.lower() not in words.stop_caps \
        and not words.non_person.search(name) and not _ACRONYM_RE.search(name)


def _speaker_kind(name: str, lexicon: ActorLexicon) -> str:
    """"thing" for a speaker named as an institution or a body ("the defence ministry"), else
    "person"."""
    things = find_actors(name, lexicon=lexicon,
                         kinds=("institution", "group", "media", "capital", "nationality"))
    words = _words()
    return "thing" if (things and not words.person_words.search(name)) \
        or words.body.search(name) else "person"


@functools.lru_cache(maxsize=4096)
def _clean_subject(subject: str) -> str:
    subject = _DATELINE_RE.sub("", _words().trail.sub("", _QUOTED_AS_RE.sub("", subject)))
    subject = _LEAD_RE.sub("", subject).strip(" ,:;–—-")
    return subject


def _speaker_text(subject: str, lexicon: ActorLexicon, last: bool = False) -> tuple[str, str]:
    """(speaker, descriptor): the first (``last``) person name in ``subject`` or its last noun
    phrase."""
    return lexicon.cached("speaker_text_last" if last else "speaker_text", subject,
                          lambda s: _find_speaker_text(s, lexicon, last))


def _find_speaker_text(subject: str, lexicon: ActorLexicon, last: bool) -> tuple[str, str]:
    chunks = [c.strip() for c in subject.strip(" ,").split(",") if c.strip()] or [subject]
    edge = chunks[-1] if last else chunks[0]
    if _words().lone_name.fullmatch(edge) and edge.lower() not in _words().stop_caps:
        return edge, subject  # "When she and her boyfriend got a cat, McNeely (said)"
    name = _name_in(subject, lexicon, last)
    if name:
        return name, subject
    named = [c for c in chunks if len(c.split()) <= 6 and any(
        h["kind"] != "nationality" for h in find_actors(c, lexicon=lexicon))]
    tail = named[0] if named else chunks[-1]
    tail = _BY_RE.sub("", tail)
    head = _SPEAKER_CUT_RE.split(tail, maxsplit=1)[0].strip()
    return head or tail, tail


class _RelayWindows:
    """The relay named in a window of a text, with one Aho-Corasick pass to skip most windows.

    Relay patterns are ASCII words matched on word boundaries (``_`` reads as a space); each
    place the relay regexes could match (in any case) holds a lower-cased pattern between
    boundaries of the lower-cased text, so a window holding none names no relay. Texts with
    letters that ``re.IGNORECASE`` folds onto ASCII ones (İ ı ſ and the Kelvin sign), and
    windows whose edge cuts a word (a boundary only for the slice), are left to the regexes.
    The pass is made at the first window asked about (texts without quotes need none).
    """

    def __init__(self, masked: str, cues: _Cues):
        self.masked, self.cues = masked, cues
        self.seen: dict[tuple[int, int], str] = {}
        self.lower = ""
        self.starts: list[int] | None = None

    def _scan(self) -> None:
        masked, cues = self.masked, self.cues
        self.lower = lower = masked.lower()
        if len(lower) != len(masked) or any(c in masked for c in "\u0130\u0131\u212a\u017f"):
            return
        n, spans = len(lower), []
        for last, length in cues.relay_automaton.iter(lower):
            a, b = last - length + 1, last + 1
            if not (a and lower[a - 1].isalnum()) and not (b < n and lower[b].isalnum()):
                spans.append((a, b))
        spans.sort()
        self.starts = [a for a, _ in spans]
        self.first_end = [b for _, b in spans]  # from k on, the earliest end
        for k in range(len(spans) - 2, -1, -1):
            self.first_end[k] = min(self.first_end[k], self.first_end[k + 1])

    def relay(self, lo: int, hi: int) -> str:
        """The relay :func:`_relay_in` finds in ``masked[lo:hi]`` with quotations blanked."""
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
        return _relay_in(self.masked[lo:hi].replace(_MASK, " "))


def _relay_in(text: str) -> str:
    cues = _cues()
    found = [m for m in (regex.search(text) for regex in cues.relays) if m]
    if not found:
        return ""
    return cues.relay_names[min(found, key=lambda m: m.start()).group().lower()]


class _Resolver:
    """Turns pronouns and descriptions ("he", "the ministry") into the speaker they point to."""

    def __init__(self, text: str, lexicon: ActorLexicon, masked: str | None = None):
        self.text = text
        self.masked = text if masked is None else masked
        self.lexicon = lexicon
        self._people: list[tuple[int, str, bool, bool]] = []  # read as far as asked
        self._people_starts: list[int] = []
        self._people_runs: Iterator[_Hit] | None = None
        self._people_run: _Hit | None = None
        self._aliases: dict[str, str] = {}
        self._sure: dict[str, bool] = {}
        self.speakers: list[tuple[int, str, str, str]] = []  # (position, name, type, side)
        # runs of two or more capitalised words, read from the text as far as asked, and the
        # name each holds (found when first needed)
        self._multi: list[tuple[int, str]] = []
        self._multi_starts: list[int] = []
        self._multi_names: dict[int, str] = {}
        self._runs: Iterator[_Hit] | None = None
        self._run: _Hit | None = None
        self._genders: dict[str, str] = {}
        self.sides: dict[str, str] = {}  # surname -> side of its latest speaker with one
        self._persons: dict[str, bool] = {}

    def _evidence(self, pos: int) -> tuple[int, int]:
        """The stretch of text searched for evidence about a name asked about at ``pos``."""
        return max(0, pos - _EVIDENCE), pos + _EVIDENCE

    def gender(self, name: str, pos: int) -> str:
        """"m", "f" or "" for the person ``name``, from the article: an honorific before a
        mention of the surname, else the pronoun that most often first follows a mention."""
        surname = name.split()[-1]
        if surname not in self._genders:
            votes = {"m": 0, "f": 0}
            for at in _mentions(self.text, surname, *self._evidence(pos)):
                title = _words().honorific.search(self.text, max(0, at - 40), at)
                if title:
                    votes["m" if title.group(1) else "f"] += 3
                    continue
                end = at + len(surname)
                pronoun = _words().gendered.search(self.text, end, end + 160)
                if pronoun:
                    votes["m" if pronoun.group(1) else "f"] += 1
            self._genders[surname] = "" if votes["m"] == votes["f"] else \
                max(votes, key=votes.get)
        return self._genders[surname]

    def _runs_before(self, pos: int) -> range:
        """Indices in ``self._multi`` of the runs starting less than ``_LOOKBACK`` before
        ``pos``."""
        if self._runs is None:
            self._runs = _name_runs(self.text)
            self._run = next(self._runs, None)
        run, runs = self._run, self._runs
        while run is not None and run.start() < pos:
            if " " in run.group():  # single capitalised words are mostly not names
                self._multi.append((run.start(), run.group()))
                self._multi_starts.append(run.start())
            run = next(runs, None)
        self._run = run
        return range(_bisect(self._multi_starts, pos - _LOOKBACK) + 1,
                     _bisect(self._multi_starts, pos - 1) + 1)

    def _multi_name(self, k: int) -> str:
        if k not in self._multi_names:
            self._multi_names[k] = _name_in(self._multi[k][1], self.lexicon)
        return self._multi_names[k]

    def _names_before(self, pos: int) -> list[tuple[int, str]]:
        """(offset, name) of the names in runs of two or more words shortly before ``pos``."""
        return [(self._multi[k][0], name) for k in self._runs_before(pos)
                if (name := self._multi_name(k))]

    def _recent_speakers(self, pos: int) -> list[tuple[int, str, str, str]]:
        return [sp for sp in self.speakers[-_RECENT:] if pos - _LOOKBACK <= sp[0] < pos]

    def full_name(self, name: str, before: int) -> str:
        """The longest earlier form of a surname ("Hussein" -> "Khalil al-Hussein")."""
        if " " in name:
            return name
        best, surname = name, _surname(name)
        for k in self._runs_before(before):
            run = self._multi[k][1]  # its name is part of it, so holds the surname
            if len(run) > len(best) and surname in run.lower():
                other = self._multi_name(k)
                if len(other) > len(best) and _surname(other) == surname:
                    best = other
        return best

    def remember(self, pos: int, name: str, side: str) -> None:
        kind = self.lexicon.cached("speaker_kind", name, lambda n: _speaker_kind(n, self.lexicon))
        self.speakers.append((pos, name, kind, side))
        if side != "unknown":
            self.sides[_surname(name)] = side

    def is_person(self, name: str, pos: int) -> bool:
        """A name is a person's when the lexicon says so, or when the article also calls it
        by its last word alone, as news style does for people ("Kevin Vickers ... Vickers
        said", "said Hussein") but not for places and organisations; a last word after an
        article or preposition ("the Krakatau volcano", "in Thunder Bay") does not count."""
        if name not in self._persons:
            *first, last = name.split()
            surname = _words().surname_particle.sub("", last)
            alone = bool(first) and any(
                not _NOT_ALONE_RE.search(self.text, max(0, at - 12), at)
                and not self.text.startswith(first[-1] + " ", at - len(first[-1]) - 1)
                for at in _mentions(self.text, surname, *self._evidence(pos)))
            self._persons[name] = alone or bool(
                find_actors(name, lexicon=self.lexicon, kinds=("person",)))
        return self._persons[name]

    def people(self, pos: int) -> tuple[list[tuple[int, str, bool, bool]], list[int]]:
        """Mentions of persons outside quotations before ``pos``, in text order, and their
        offsets (the text is read as far as asked).

        Each mention is (offset, full name, subject, titled). A run of two or more capitalised
        words may name a person when no word of it names a place or an organisation
        (``non_person_words`` of speakers.yaml) or is an acronym; it surely does
        (:meth:`surely_person`) when the article treats it as a person. Later mentions by
        surname or first name alone map to the full name; a lone name new to the article
        counts when an apposition ("Roman, a resident of ...,") or a speech verb ("Yuni
        said") follows it. A mention is a subject
        when the next word after it (past an apposition) is a lower-case word that is not a
        preposition, conjunction or article ("Vickers rolled", not "from Zehaf Bibeau and").
        """
        if self._people_runs is None:
            self._people_runs = _name_runs(self.masked)
            self._people_run = next(self._people_runs, None)
        while self._people_run is not None and self._people_run.start() < pos:
            found = self._person_at(self._people_run, self._aliases)
            if found:
                self._people.append(found)
                self._people_starts.append(found[0])
            self._people_run = next(self._people_runs, None)
        return self._people, self._people_starts

    def _person_at(self, run: _Hit,
                   aliases: dict[str, str]) -> tuple[int, str, bool, bool] | None:
        masked, words = self.masked, _words()
        word = run.group()
        if " " not in word and "\t" not in word and word not in aliases and (
                word.lower() in words.stop_caps or not _APPOSITION_RE.match(masked, run.end())
                and not _SPEECH_VERB_RE.match(masked, run.end() + 1)):
            return None  # a capitalised word new to the article, mostly no name
        tokens = [(t.start(), t.end(), t.group()) for t in _TOKEN_RE.finditer(masked, *run.span())]
        titled = False
        for k in range(len(tokens) - 2, -1, -1):  # "Toronto Mayor John Tory" -> "John Tory"
            if tokens[k][2].lower().rstrip(",") in words.title_words:
                tokens, titled = tokens[k + 1:], True
                break
        while tokens and tokens[0][2].lower() in words.stop_caps:
            tokens = tokens[1:]
        tokens = _name_tokens(tokens)
        owner = next((k for k, t in enumerate(tokens) if t[2].endswith(("’s", "'s"))), None)
        tokens = tokens if owner is None else tokens[:owner + 1]  # "Hussein’s Al-Rumeilah"
        if not tokens:
            return None
        start, end = tokens[0][0], tokens[-1][1]
        name = masked[start:end].rstrip(".,")
        name = name[:-2] if owner is not None else name
        after_word = _NOT_ALONE_RE.search(masked, max(0, start - 12), start)
        if not name[:1].isupper() or words.non_person.search(name) \
                or _ACRONYM_RE.search(name) \
                or (after_word and after_word.group().lower().startswith(("the", "a"))):
            return None
        subject = owner is None and not after_word and self._is_subject(end)
        if " " not in name:
            if name not in aliases:
                if name.lower() in words.stop_caps or not (
                        titled or _APPOSITION_RE.match(masked, end)
                        or (subject and _SPEECH_VERB_RE.match(masked, end + 1))):
                    return None
                aliases[name] = name
            return start, aliases[name], subject, True
        aliases.setdefault(name.split()[0], name)
        aliases[name.split()[-1]] = name
        return start, name, subject, titled

    def surely_person(self, name: str, pos: int) -> bool:
        """Whether the article surely treats ``name`` as a person's: the lexicon says so, or
        no actor of another kind matches it and :meth:`is_person` holds or "he" or "she"
        follows its mentions."""
        if name not in self._sure:
            hits = find_actors(name, lexicon=self.lexicon)
            self._sure[name] = any(h["kind"] == "person" for h in hits) or not hits and (
                " " not in name or self.is_person(name, pos) or self.gender(name, pos) != "")
        return self._sure[name]

    def _is_subject(self, end: int) -> bool:
        apposition = _ANY_APPOSITION_RE.match(self.masked, end)
        word = _WORD_AT_RE.match(self.masked, apposition.end() if apposition else end)
        return bool(word) and word.group(1)[:1].islower() \
            and word.group(1) not in _words().not_verbs

    def _resolve_person(self, gender: str, pos: int,
                        same_side: str | None = None) -> tuple[str, str] | None:
        """"he" (``gender`` "m"), "she" ("f") or a description of a person ("") at ``pos``:
        the latest earlier subject or speaker not known to be of the other gender (and of
        ``same_side`` when given), else the latest such person. A pronoun only goes to a name
        the article surely treats as a person's."""
        people, starts = self.people(pos)
        found = people[bisect_left(starts, pos - _LOOKBACK):bisect_left(starts, pos)]
        found += [(at, name, True, True) for at, name, kind, _ in self._recent_speakers(pos)
                  if kind == "person" and _looks_named(name)]
        found.sort(reverse=True)
        for at, name, _, titled in [p for p in found if p[2]] + [p for p in found if not p[2]]:
            if gender and not ((titled or self.surely_person(name, at))
                               and self.gender(name, pos) in ("", gender)):
                continue
            side = next((s[3] for s in self.speakers if _surname(s[1]) == _surname(name)),
                        side_of(name, lexicon=self.lexicon))
            if same_side in (None, side):
                return name, side
        return None

    def resolve(self, words: str, pos: int) -> tuple[str, str] | None:
        """Antecedent and side of a pronoun or definite description at ``pos``."""
        low = words.lower().strip()
        want = _words().pronouns.get(low)
        gender = _words().pronoun_gender.get(low, "")
        if gender:
            return self._resolve_person(gender, pos)
        same_side = None
        if want is None:
            if not _DEFINITE_RE.match(low) or _name_in(words, self.lexicon):
                return None
            hits = find_actors(words, lexicon=self.lexicon)
            if any(h["kind"] != "nationality" for h in hits):
                return None
            same_side = hits[-1]["side"] if hits else None
            head = low.split()[-1]
            for _, name, _, side in reversed(self._recent_speakers(pos)):
                if head in name.lower():
                    return name, side
            if _words().person_words.search(low):  # "the affable proprietor": a person named before
                return self._resolve_person("", pos, same_side)
            want = "thing"
            if head not in _words().thing_heads:
                return None
        best: tuple[int, str, str] | None = None
        recent = self._recent_speakers(pos)
        for spos, name, kind, side in recent:
            if (want == "any" or kind == want) and same_side in (None, side):
                best = (spos, name, side)
        if want != "thing":
            surnames = {}
            for npos, name in self._names_before(pos):
                surnames[name] = npos
            for name, npos in surnames.items():
                last = max([npos] + [s[0] for s in recent
                                     if s[1].split()[-1] == name.split()[-1]])
                if best is None or last > best[0]:
                    side = next((s[3] for s in self.speakers
                                 if s[1].split()[-1] == name.split()[-1]),
                                side_of(name, lexicon=self.lexicon))
                    if same_side in (None, side):
                        best = (last, name, side)
        return (best[1], best[2]) if best else None


# ---------------------------------------------------------------- attribution
def _subject_before(masked: str, lo: int, cue_start: int) -> tuple[str, bool]:
    """The subject of the cue at ``cue_start`` (the clause text before it, cleaned), and
    whether it is a name followed by an apposition ("Ken Njoroge, chief executive of a
    company that offers ..., said", "Brooks, who still has ..., said"): clause breaks
    inside the apposition do not cut it."""
    seg = masked[lo:cue_start]
    body = seg.rstrip()
    k = body.rfind(",", 0, len(body) - 1) if body.endswith(",") else -1
    if k > 0:
        clause = _after_breaks(body[:k])
        cut = len(clause)  # "Will Young, a mechanic in Kansas City, Mo., and an organizer"
        while (j := clause.rfind(",", 0, cut)) >= 0 and \
                _APPOSITION_PART_RE.fullmatch(clause[j + 1:cut]):
            cut = j
        head_at = clause.rfind(",", 0, cut) + 1
        head, apposition = clause[head_at:cut], clause[cut:] + body[k:-1]
        if head.strip()[:1].isupper() and _MASK not in head + apposition \
                and len(apposition.split()) <= 25:
            return _clean_subject(head + apposition), True
    return _clean_subject(_after_breaks(seg).replace(_MASK, " ")), False


def _after_breaks(seg: str) -> str:
    breaks = list(_CLAUSE_BREAK_RE.finditer(seg))
    return seg[breaks[-1].end():] if breaks else seg


def _attribute_left(masked: str, index: _CueIndex, lo: int,
                    hi: int) -> tuple[str, str, int, bool] | None:
    """(subject, cue, cue position, subject after the cue) for a cue before the quote, within
    ``masked[lo:hi]``."""
    cues = _cues()
    found = [h for h in index.find(lo, hi) if not _not_speech(masked, lo, h.start())]
    if not found:
        return None
    last = found[-1]
    form = last.group().lower()
    if form == "according to":
        after = masked[last.end():hi].split(",")[0]
        return _clean_subject(after), "according to", last.start(), True
    if form in cues.participles:
        finite = [m for m in found[:-1] if m.group().lower() not in cues.participles]
        if finite:
            subj, first = _subject_before(masked, lo, finite[-1].start())
            return subj, cues.lemma[form], finite[-1].start(), first
        clause = masked[lo:last.start()].rstrip(" ,")
        subj = _clean_subject(clause.rsplit(",", 1)[-1].replace(_MASK, " "))
        return subj, cues.lemma[form], last.start(), False
    subj, first = _subject_before(masked, lo, last.start())
    return subj, cues.lemma[form], last.start(), first


def _attribute_right(masked: str, index: _CueIndex, lo: int,
                     hi: int) -> tuple[str, str, int, bool | None] | None:
    """(speaker phrase, cue, cue position, inverted) for a cue after the quote; inverted is
    None for "quoted X" and "according to X" (the phrase follows the cue, uncut)."""
    cues = _cues()
    found = [h for h in index.find(lo, hi) if not _not_speech(masked, lo, h.start())]
    if not found:
        return None
    m = found[0]
    form = m.group().lower()
    before = masked[lo:m.start()]
    if form == "quoted":
        rest = masked[m.end():hi]
        k = rest.find(" as ")
        return _clean_subject(rest[:k] if k >= 0 else rest), "say", m.start(), None
    if form == "according to":
        return _clean_subject(masked[m.end():hi].split(",")[0]), "according to", m.start(), None
    if not before.strip(" ,;:–—-" + _MASK + "”»\"’"):
        return masked[m.end():hi].strip().rstrip("."), cues.lemma[form], m.start(), True
    subject = before.replace(_MASK, " ")
    subject = _RELATIVE_RE.split(subject)[0].strip(" ”»\"’,")
    chunks = [c.strip() for c in subject.split(",")]
    if len(chunks) > 1 and len(chunks[-2].split()) <= 5 and chunks[-2][:1].isascii() \
            and chunks[-2][:1].isupper():
        subject = chunks[-2] + ", " + chunks[-1]  # "Sergei Ryabkov, Russia's deputy minister"
        first = None
    else:
        subject, first = chunks[-1], False
    subject = _clean_subject(subject)
    if not subject or len(subject.split()) > 16:
        return None
    return subject, cues.lemma[form], m.start(), first


def _split_inverted(phrase: str) -> str:
    """Cut "Lt Col Damien Pickart, a spokesman at X, who ..." to the name and its appositive."""
    name, _, appositive = phrase.partition(",")
    name = _NAME_END_RE.split(name, maxsplit=1)[0]
    appositive = _APPOSITIVE_END_RE.split(appositive, maxsplit=1)[0]
    return (name + ", " + appositive).strip(" ,") if appositive.strip() else name.strip()


@functools.lru_cache(maxsize=4096)
def _surname(name: str) -> str:
    return _words().surname_particle.sub("", name.split()[-1].lower()) if name else ""


def _closes_sentence(text: str, s: int, e: int) -> bool:
    """Whether the quotation ``text[s:e]`` ends its sentence: a full stop inside the closing
    mark and a new sentence or quotation after it ("… or not.” While some critics say"), so
    a cue after it belongs to the next sentence."""
    if not text[s:e].rstrip("”»\"’'").endswith("."):
        return False
    nxt = _NEXT_CHAR_RE.match(text, e)
    return nxt is None or nxt.group(1).isupper() or nxt.group(1) in "“\"«‘"


def _is_subhead(text: str, a: int, b: int) -> bool:
    """AFP subheads: a short line between dashes ("– ‘Beautiful memories’ –")."""
    line = text[a:b].strip()
    return line[:1] in "–—-" and line[-1:] in "–—-" and len(line.split()) <= 8


def _interview_voices(text: str, lines: list[tuple[int, int]]) -> dict[int, str]:
    voices, current = {}, None
    for li, (a, b) in enumerate(lines):
        m = _QA_RE.match(text, a, b)
        if m:
            current = "interviewer" if m.group(1).lower().startswith("q") else "interviewee"
        elif current is None or text[a:b].startswith("http"):
            continue
        voices[li] = current
    return voices


def _analyse(text: str, title: str = "", lexicon: ActorLexicon | None = None
             ) -> tuple[list[_Quote], list[tuple[int, int, str, str]]]:
    """Find quotes and voice regions of one text; see :func:`find_quotes`."""
    if not isinstance(text, str):
        raise FramingError(f"Quotes need text as str. Got {type(text).__name__}.")
    lex = lexicon or load_actors()
    lines = _lines(text)
    head_end = len(title) if title and text.startswith(title) else 0
    qa = _interview_voices(text, lines)
    spans = _marked_spans(text, lines)
    masked = _masked(text, spans)
    index = _CueIndex(masked, _cues())
    relays = _RelayWindows(masked, _cues())
    resolver = _Resolver(text, lex, masked)
    sentences = _Sentences(masked, lines)
    sentence_at, line_starts = sentences.at, sentences.line_starts
    subhead = functools.lru_cache(maxsize=None)(lambda li: _is_subhead(text, *lines[li]))
    quotes: list[_Quote] = []
    interviewee = ""
    for s, e in spans:
        q = _Quote(s, e)
        ss, _ = sentence_at(s)
        _, se = sentence_at(e - 1)
        ss, se = max(ss, s - _REACH), min(se, e + _REACH)
        li = _bisect(line_starts, s)
        left = masked[ss:s]
        starts_sentence = not left.strip(" –—-(")
        att = None if starts_sentence else _attribute_left(masked, index, ss, s)
        if att is None:
            right = None if _closes_sentence(text, s, e) else \
                _attribute_right(masked, index, e, se)
            if right is not None:
                phrase, cue, at, inverted = right
                att = (_split_inverted(phrase) if inverted else phrase, cue, at,
                       inverted is not False)
        if s < head_end or subhead(li):
            q.kind = "title"
        elif starts_sentence or (left.rstrip()[-1:] in (":", ",")
                                 and text[s + 1:s + 2].isupper()):
            q.kind = "full"
        elif att is not None:
            q.kind = "partial"
        else:
            q.kind = "scare" if len(WORD_RE.findall(text, s, e)) <= 4 else "partial"
        if att is not None and q.kind != "title":
            q.descriptor, q.cue, q.cue_at, q.name_first = att
            q.relay = relays.relay(ss, se)
            if "interview" in masked[ss:se].lower():
                q.kind = q.kind + "+interview"
        quotes.append(q)
    used = {q.cue_at for q in quotes if q.cue_at >= 0 and q.kind.startswith("full")}
    indirect = _indirect_quotes(text, masked, index, relays, sentences, lines, quotes, qa,
                                head_end, used, subhead)
    quotes = sorted(quotes + indirect, key=lambda q: (q.start, q.end))
    for q in quotes:  # in text order, so pronouns find the speakers before them
        if q.descriptor:
            _set_speaker(q, q.descriptor, resolver, lex)
        if q.kind.endswith("+interview"):
            q.kind = q.kind.split("+")[0]
            interviewee = interviewee or q.speaker
    quotes = [q for q in quotes if q.kind != "indirect" or q.speaker]
    _inherit_speakers(quotes, line_starts, qa)
    _sides_from_affiliation(masked, sentences, quotes, resolver)
    voices = _voice_regions(text, lines, head_end, qa, quotes, interviewee)
    return quotes, voices


def _sides_from_affiliation(masked: str, sentences: _Sentences,
                            quotes: list[_Quote], resolver: _Resolver) -> None:
    """Give speakers of unknown side the side of the group the article says they belong to.

    An affiliation shortly after a mention of the speaker (by surname) in a sentence ("Hussein
    signed up with the SDF", "al-Hindawi, a fighter who commands Arab members of the SDF")
    gives the side of the first group after it. A speaker the article shows armed there ("a
    fighter", "bearing an automatic weapon") but affiliates with no group takes the side of
    the other affiliated speakers, when they all share one. Only speakers named as persons
    ("Khalil al-Hussein", not "The army") are affiliated.
    """
    lex = resolver.lexicon
    named = {q.speaker for q in quotes if q.kind != "title" and " " in q.speaker
             and _name_in(q.speaker, lex) == q.speaker}
    unknown = {q.speaker for q in quotes if q.speaker in named and q.side == "unknown"}
    if not unknown:
        return
    affiliated, armed = {}, set()
    for name in named:
        surname = _words().surname_particle.sub("", name.split()[-1])
        votes: dict[str, int] = {}
        for at in _mentions(masked, surname, prefixes=_words().mention_prefixes):
            a, b = sentences.at(at)
            end = at + len(surname)
            near = masked[end:min(b, end + _AFFILIATION_REACH)]
            cue = _AFFILIATION_RE.search(near)
            if cue and not _SPEECH_VERB_RE.search(near, 0, cue.start()):
                groups = [h for h in find_actors(masked[end + cue.end():b], lexicon=lex)
                          if h["kind"] in ("group", "institution")]
                if groups:
                    votes[groups[0]["side"]] = votes.get(groups[0]["side"], 0) + 1
            if _ARMED_RE.search(near):
                armed.add(name)
        if votes:
            affiliated[name] = max(votes, key=votes.get)
    sides = set(affiliated.values())
    for name in unknown:
        side = affiliated.get(name)
        if side is None and len(sides) == 1 and name in armed:
            side = next(iter(sides))
        for q in quotes:
            if q.speaker == name and side is not None:
                q.side = side


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the inside of every quotation (but its line breaks) replaced by ``_MASK``."""
    pieces, at = [], 0
    for s, e in spans:  # sorted by start; a span may lie inside another
        a, b = max(s + 1, at), e - 1
        if a >= b:
            continue
        inside = text[a:b]
        pieces.append(text[at:a])
        pieces.append("\n".join(_MASK * len(p) for p in inside.split("\n")) if "\n" in inside
                      else _MASK * len(inside))
        at = b
    pieces.append(text[at:])
    return "".join(pieces)


def _inherit_speakers(quotes: list[_Quote], line_starts: list[int], qa: dict) -> None:
    """A quote without a cue continues the last attributed quote of the two lines before."""
    last: _Quote | None = None
    for q in quotes:
        if q.speaker and q.kind != "title":
            last = q
            continue
        li = _bisect(line_starts, q.start)
        if q.kind in ("full", "partial") and last is not None and li not in qa \
                and li - _bisect(line_starts, last.end - 1) <= 2:
            q.speaker, q.side, q.relay = last.speaker, last.side, last.relay
            last = q


def _bisect(starts: list[int], pos: int) -> int:
    """Index of the last of ``starts`` at or before ``pos`` (-1 when none)."""
    return bisect_right(starts, pos) - 1


def _set_speaker(q: _Quote, phrase: str, resolver: _Resolver, lex: ActorLexicon) -> None:
    speaker, descriptor = _speaker_text(phrase, lex, not q.name_first) if phrase else ("", "")
    owner = _words().own_words.fullmatch(speaker)
    if owner:  # "her statement said": she speaks
        speaker = _words().owner_pronouns[owner.group(1).lower()]
    resolved = resolver.resolve(speaker, q.start) if speaker else None
    if resolved:
        q.speaker, q.side = resolved
    elif speaker:
        q.speaker = resolver.full_name(speaker, q.start)
        known = find_actors(q.speaker, lexicon=lex, kinds=("person",))
        q.side = known[0]["side"] if known else side_of(descriptor, lexicon=lex)
        if q.side == "unknown":
            q.side = side_of(q.speaker, lexicon=lex)
        if q.side == "unknown":
            q.side = resolver.sides.get(_surname(q.speaker), "unknown")
    if q.speaker:
        resolver.remember(max(q.cue_at, q.start), q.speaker, q.side)


# Cues that may follow their content ("..., the Pentagon said.").
_TRAILING_CUES = frozenset("say tell add report state confirm warn claim insist explain note "
                           "announce write tweet".split())
_TELL_OBJECT_RE = re.compile(r"\s+(?:(?:the\s+)?(?:state-owned\s+|state\s+)?(?:[A-Z][\w.\-]*\s*)+"
                             r"(?:news agency)?|reporters|journalists|us|him|her|them|the media)")


def _indirect_quotes(text, masked, index, relays, sentences, lines, quotes, qa, head_end,
                     used, subhead) -> list[_Quote]:
    """Reported speech without marks: "X said (that) ...", "..., X said", "quoted X as saying"."""
    cues = _cues()
    out = []
    line_starts = sentences.line_starts
    direct = [(q.start, q.end) for q in quotes]
    direct_starts = [s for s, _ in direct]
    for ss, se in sentences.near_cues(index):
        found = index.find(ss, se)
        if not found:
            continue
        li = _bisect(line_starts, ss)
        if ss < head_end or li in qa or se - ss > _LONGEST_SENTENCE or subhead(li) or \
                text.startswith((">>", "©", "http"), lines[li][0]):
            continue
        body_end = _rstrip(text, ss, se)
        while body_end > ss and text[body_end - 1] in ".!?":
            body_end -= 1
        for m in found:
            if m.start() in used:
                continue
            q = _indirect_at(text, masked, ss, body_end, se, m, cues)
            if q is None:
                continue
            near = direct[max(0, _bisect(direct_starts, q.start) - 1):
                          _bisect(direct_starts, q.end) + 1]
            if any(s <= q.start < e or q.start <= s < q.end and e - s >= 0.8 * (q.end - q.start)
                   for s, e in near):
                break
            q.relay = relays.relay(ss, se)
            out.append(q)
            break
    return out


def _indirect_at(text, masked, ss, body_end, se, m, cues) -> _Quote | None:
    form = m.group().lower()
    if form not in cues.clause and form not in ("quoted", "according to"):
        return None
    before = masked[ss:m.start()]
    if _not_speech(masked, ss, m.start()):
        return None
    if form in cues.participles or form == "according to":
        q = _according_or_with(text, masked, ss, body_end, m, form)
        if q is not None:
            q.kind, q.cue, q.cue_at = "indirect", cues.lemma[form], m.start()
        return q
    after = masked[m.end():se]
    q = None
    tail = _words().after_cue.match(after)
    ends_here = _ENDS_HERE_RE.match(after, tail.end())
    inverted = "," in before and not before[before.rfind(",") + 1:].strip() and \
        after.lstrip()[:1].isupper() and len(after.split()) <= 16
    if form == "quoted" or ("," in before and (ends_here or inverted)
                            and cues.lemma[form] in _TRAILING_CUES):
        # "Content, the Pentagon said." / "Content, said NAME, TITLE." / "..., TASS quoted X"
        k = before.rfind(",")
        content = before[:k]
        subject = before[k + 1:]
        if form == "quoted":
            j = after.find(" as ")
            subject = after[:j] if j >= 0 else after
        elif not subject.strip():
            subject = _split_inverted(after.strip(" ,.").rstrip("."))
        from_after = form == "quoted" or not before[k + 1:].strip()
        if _MASK not in subject and 0 < len(subject.split()) <= 16 and \
                len(content.split()) >= 4:
            start = ss + len(_DATELINE_RE.match(content).group()) \
                if _DATELINE_RE.match(content) else ss
            q = _Quote(start, _rstrip(text, start, ss + k), name_first=from_after)
            q.descriptor = _clean_subject(subject)
    elif form in cues.clause and not ends_here:
        subject, first = _subject_before(masked, ss, m.start())
        rest_at = m.end()
        if cues.lemma[form] == "tell":
            obj = _TELL_OBJECT_RE.match(masked, rest_at, se)
            rest_at = obj.end() if obj else rest_at
            if not _THAT_RE.match(masked, rest_at, se):
                return None
        rest_at = _words().after_cue.match(masked, rest_at, se).end()
        that = _BEFORE_THAT_RE.match(masked, rest_at, se)
        rest_at = that.end() if that else rest_at
        while rest_at < se and masked[rest_at] == " ":
            rest_at += 1
        end = body_end
        stop = _BUT_RE.search(masked, rest_at, end)
        if stop:
            end = stop.start()
        words = masked[rest_at:end].split()
        if subject and len(subject.split()) <= 25 and len(words) >= 4 and \
                masked[rest_at:rest_at + 1].isalnum() and not _VERB_START_RE.match(words[0]):
            q = _Quote(rest_at, _rstrip(text, rest_at, end), name_first=first)
            q.descriptor = subject
    if q is None:
        return None
    q.kind, q.cue, q.cue_at = "indirect", cues.lemma[form], m.start()
    return q


def _according_or_with(text, masked, ss, body_end, m, form) -> _Quote | None:
    """Reported speech around "according to X" or a participle after "with X".

    "Content, according to X." and "According to X, content." give the content; "..., with
    Washington saying (that) content" gives what follows the participle. The source has at
    most 12 words and no quotation in it; the content has at least 4 words.
    """
    before = masked[ss:m.start()]
    if form == "according to":
        source_end = masked.find(",", m.end(), body_end)
        if before.rstrip().endswith(",") and source_end < 0:
            # "Content, according to X."
            source = masked[m.end():body_end]
            start = ss + (len(_DATELINE_RE.match(before).group())
                          if _DATELINE_RE.match(before) else 0)
            end = ss + len(before.rstrip()) - 1
        elif not before.strip() and source_end > 0:
            # "According to X, content."
            source = masked[m.end():source_end]
            start = source_end + 1
            while start < body_end and masked[start] == " ":
                start += 1
            end = body_end
        else:
            return None
    else:
        with_at = _WITH_RE.search(before)
        if with_at is None:
            return None
        source = before[with_at.end():]
        start = _BEFORE_THAT_RE.match(masked, m.end(), body_end)
        start = start.end() if start else m.end()
        while start < body_end and masked[start] == " ":
            start += 1
        end = body_end
        stop = _BUT_RE.search(masked, start, end)
        if stop:
            end = stop.start()
    source = _STATEMENT_OF_RE.sub("", _clean_subject(source)) if _MASK not in source else ""
    if not source or len(source.split()) > 12 or len(masked[start:end].split()) < 4 \
            or not masked[start:start + 1].isalnum():
        return None
    q = _Quote(start, _rstrip(text, start, end), name_first=form == "according to")
    q.descriptor = source
    return q


def _voice_regions(text, lines, head_end, qa, quotes, interviewee):
    regions: list[tuple[int, int, str, str]] = []
    if head_end:
        regions.append((0, head_end, "headline", ""))
    for li, voice in sorted(qa.items()):
        a, b = lines[li]
        a += len(_QA_RE.match(text, a, b).group()) if _QA_RE.match(text, a, b) else 0
        regions.append((a, b, voice, interviewee if voice == "interviewee" else ""))
    taken = sorted((s, e) for s, e, _, _ in regions)
    taken_starts = [s for s, _ in taken]
    for q in quotes:
        k = _bisect(taken_starts, q.end - 1)
        if q.kind == "indirect" or (k >= 0 and taken[k][1] > q.start):
            continue
        regions.append((q.start, q.end, "quote", q.speaker))
    return sorted(regions)


# ---------------------------------------------------------------- public API
@per_text_cache
def _analysis(text: str, title: str) -> tuple[tuple[_Quote, ...], tuple[tuple, ...]]:
    """Quotes and voice regions of a text with the bundled actor lexicon, kept for the other
    stages that ask about the same text (a pipeline chunk holds up to 1000 articles, and the
    quotes, terms, tone and agency stages each walk it). Callers must not change the quotes."""
    quotes, voices = _analyse(text, title)
    return tuple(quotes), tuple(voices)


def voice_spans(text: str, title: str = "", *,
                speakers: bool = True) -> list[tuple[int, int, str, str]]:
    """Regions of ``text`` spoken by someone other than the narrator.

    Parameters
    ----------
    text : str
        An article's text (beginning with its title, as in the articles table).
    title : str, default=""
        The title; when ``text`` starts with it, that span is the headline.
    speakers : bool, default=True
        Attribute each quotation and interview answer to its speaker. With ``False`` the
        regions are the same but every speaker is "" and no attribution is done, which is
        about ten times faster: use it when only the voices matter.

    Returns
    -------
    list of (start, end, voice, speaker)
        Non-overlapping, in text order. ``voice`` is ``"headline"``, ``"quote"`` (inside
        quotation marks; ``speaker`` when known, else ""), ``"interviewer"`` or
        ``"interviewee"`` (Q:/A: paragraphs). Text outside every region is the narrator's.

    Examples
    --------
    >>> voice_spans('“We feel great joy,” said Abu Saleh al-Hindawi.')
    [(0, 20, 'quote', 'Abu Saleh al-Hindawi')]
    >>> voice_spans('“We feel great joy,” said Abu Saleh al-Hindawi.', speakers=False)
    [(0, 20, 'quote', '')]
    """
    if not isinstance(text, str):
        raise FramingError(f"Quotes need text as str. Got {type(text).__name__}.")
    if speakers:
        return list(_analysis(text, title)[1])
    return list(_marked_voices(text, title))


@per_text_cache  # terms, score_terms, tone and agency ask for the same texts
def _marked_voices(text: str, title: str) -> tuple[tuple[int, int, str, str], ...]:
    """:func:`voice_spans` without speakers."""
    lines = _lines(text)
    head_end = len(title) if title and text.startswith(title) else 0
    # Every quotation in marks is a "quote" region, whoever speaks it (see _voice_regions).
    quotes = [_Quote(s, e) for s, e in _marked_spans(text, lines)]
    return tuple(_voice_regions(text, lines, head_end, _interview_voices(text, lines), quotes,
                                ""))


def _column(articles: pd.DataFrame, name: str, param: str) -> pd.Series:
    if name not in articles.columns:
        raise FramingError(missing_column(name, articles.columns, param))
    return articles[name]


def find_quotes(articles: pd.DataFrame, *, text: str = "text", title: str = "title",
                outlet: str = "outlet", lexicon: ActorLexicon | None = None) -> pd.DataFrame:
    """Find every quotation in an articles table, with speaker, side, cue and relay.

    Parameters
    ----------
    articles : DataFrame
        An articles table (``doc_id`` and the ``text`` column are required; ``title``,
        ``outlet`` and ``embeds`` are used when present).
    text, title, outlet : str
        Column names.
    lexicon : ActorLexicon, optional
        Actor lexicon for speaker sides (default the bundled one).

    Returns
    -------
    DataFrame
        The **quotes** table: doc_id, quote_id (``<doc_id>-q<n>``), start, end, text
        (``article_text[start:end]``), kind (full, partial, scare, title, indirect), speaker,
        speaker_side, cue (lemma), relay. Quotes inside embedded material are left out.
    """
    if not isinstance(articles, pd.DataFrame):
        raise FramingError(f"find_quotes expects an articles DataFrame. "
                           f"Got {type(articles).__name__}.")
    texts = _column(articles, text, "text")
    ids = _column(articles, "doc_id", None)
    titles = articles[title] if title in articles.columns else pd.Series([""] * len(articles))
    outlets = articles[outlet] if outlet in articles.columns else pd.Series([""] * len(articles))
    embeds = articles["embeds"] if "embeds" in articles.columns else pd.Series([""] * len(articles))
    lex = lexicon or load_actors()
    shared = lex is load_actors()  # the analysis voice_spans also uses, cached per text
    rows = []
    for doc_id, body, head, out, emb in zip(ids, texts, titles, outlets, embeds, strict=False):
        body = "" if body is None or (isinstance(body, float) and math.isnan(body)) else body
        head = head if isinstance(head, str) else ""
        skip = [(int(s), int(e)) for s, e, *_ in json.loads(emb)] if isinstance(emb, str) \
            and emb.strip() else []
        quotes = _analysis(body, head)[0] if shared else _analyse(body, head, lex)[0]
        out = out if isinstance(out, str) else ""
        n = 0
        for q in quotes:
            if any(s <= q.start < e for s, e in skip):
                continue
            n += 1
            rows.append((doc_id, f"{doc_id}-q{n}", q.start, q.end, body[q.start:q.end], q.kind,
                         q.speaker, q.side, q.cue, "" if q.relay == out else q.relay))
    frame = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return frame.astype({"start": "int64", "end": "int64"})


def quote_scores(quotes: pd.DataFrame, articles: pd.DataFrame, *, outlet: str = "outlet",
                 lexicon: ActorLexicon | None = None,
                 kinds: Iterable[str] = ("full", "partial", "indirect")) -> pd.DataFrame:
    """Per-outlet balance of voices, as outlet_scores rows with article bootstrap CIs.

    Measures (``<side>`` for each side of the lexicon):

    * ``quotes_<side>`` and ``quoted_words_<side>``: quotes and words inside quotes per article;
    * ``quote_share_<side>``: share of an outlet's quotes from that side;
    * ``quoted_word_share_<side>``: share of its quoted words from that side;
    * ``quote_side_entropy``: Shannon entropy of the side distribution of quotes divided by
      its maximum, log(number of sides) (0 = one side only, 1 = all sides equally);
    * ``official_quote_share``: share of quotes from official sides (states and armies).

    Partial quotes that lie inside an indirect quote count once. Words are counted in the
    quote text; indirect quotes add to quote counts but not to quoted words (they are the
    writer's words).

    Parameters
    ----------
    quotes : DataFrame
        From :func:`find_quotes`.
    articles : DataFrame
        The articles the quotes came from (``doc_id``, ``outlet``, ``text``): every article
        counts, including those without quotes.
    outlet : str, default="outlet"
        Column of ``articles`` naming the outlet.
    lexicon : ActorLexicon, optional
        Gives the sides and which are official.
    kinds : iterable of str
        Quote kinds counted as voices (scare and title quotes are the writer's framing).
    """
    from framing.stats import outlet_scores

    return outlet_scores(quote_stats(quotes, articles, outlet=outlet, lexicon=lexicon,
                                     kinds=kinds))


def quote_stats(quotes: pd.DataFrame, articles: pd.DataFrame, *, outlet: str = "outlet",
                lexicon: ActorLexicon | None = None,
                kinds: Iterable[str] = ("full", "partial", "indirect")) -> pd.DataFrame:
    """Per-article numerators and denominators of :func:`quote_scores`' measures.

    Returns a :data:`framing.stats.ARTICLE_STAT_COLUMNS` table; its parameters are those of
    :func:`quote_scores`.
    """
    from framing.stats import ArticleStats

    lex = lexicon or load_actors()
    for col in QUOTE_COLUMNS:
        _column(quotes, col, None)
    ids = _column(articles, "doc_id", None)
    _column(articles, outlet, "outlet")
    kinds = tuple(kinds)
    bad = set(kinds) - set(QUOTE_KINDS)
    if bad:
        raise FramingError(bad_value("kinds", "quote_scores", QUOTE_KINDS, sorted(bad)))
    counted = _counted_quotes(quotes, kinds)
    sides = list(lex.sides)
    # Per distinct doc_id: quotes and quoted words by side, all quotes, official quotes.
    uniq = pd.Index(pd.unique(np.asarray(ids, dtype=object)))
    doc = uniq.get_indexer(counted["doc_id"].astype(object))
    keep = doc >= 0
    doc = doc[keep]
    side = pd.Index(sides).get_indexer(counted["speaker_side"].astype(object))[keep]
    n_wq = counted["n_words"].to_numpy(float)[keep]
    official = np.array([lex.is_official(x) for x in counted["speaker_side"]], bool)[keep]
    n_u, n_s = len(uniq), len(sides)
    on_side = side >= 0
    by_side = np.bincount(doc[on_side] * n_s + side[on_side],
                          minlength=n_u * n_s).reshape(n_u, n_s).astype(float)
    words_side = np.bincount(doc[on_side] * n_s + side[on_side], weights=n_wq[on_side],
                             minlength=n_u * n_s).reshape(n_u, n_s)
    all_q = np.bincount(doc, minlength=n_u).astype(float)
    all_w = np.bincount(doc, weights=n_wq, minlength=n_u)
    off_q = np.bincount(doc[official], minlength=n_u).astype(float)
    row_of = uniq.get_indexer(np.asarray(ids, dtype=object))
    out = ArticleStats(articles, outlet=outlet)
    for pos in out.positions().values():
        r = row_of[pos]
        n_q, n_w = all_q[r], all_w[r]
        for k, side_name in enumerate(sides):
            q_side, w_side = by_side[r, k], words_side[r, k]
            out.add(measure_id("quotes", "per_article", side_name), pos, q_side,
                    base="articles")
            out.add(measure_id("quotes", "words_per_article", side_name), pos, w_side,
                    base="articles")
            out.add(measure_id("quotes", "share", side_name), pos, q_side, n_q, base="quotes")
            out.add(measure_id("quotes", "word_share", side_name), pos, w_side, n_w,
                    base="quoted_words")
        out.add(measure_id("quotes", "official_share"), pos, off_q[r], n_q, base="quotes")
        out.add(measure_id("quotes", "entropy"), pos, by_side[r], base="quotes", parts=sides)
    return out.frame()


def cli_kwargs(args) -> tuple[dict, dict]:
    """Keyword arguments of :func:`find_quotes` and :func:`quote_stats` from ``framing
    quotes``'s options (see :mod:`framing.registry`)."""
    lexicon = load_actors(args.actors)
    return {"lexicon": lexicon}, {"lexicon": lexicon}


def _counted_quotes(quotes: pd.DataFrame, kinds: tuple[str, ...]) -> pd.DataFrame:
    keep = quotes[quotes["kind"].isin(kinds)].copy()
    indirect = keep[keep["kind"] == "indirect"]
    spans = {d: list(zip(g["start"], g["end"], strict=True))
             for d, g in indirect.groupby("doc_id")}
    inside = [k == "partial" and any(s <= a and b <= e for s, e in spans.get(d, []))
              for d, k, a, b in zip(keep["doc_id"], keep["kind"], keep["start"], keep["end"],
                                    strict=True)]
    keep = keep[np.array([not x for x in inside], dtype=bool)]  # a list of [] selects columns
    keep["n_words"] = [0 if k == "indirect" else len(WORD_RE.findall(t))
                       for k, t in zip(keep["kind"], keep["text"], strict=False)]
    return keep
