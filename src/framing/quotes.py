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

References
----------
Bell, A. (1991). *The Language of News Media*. Blackwell (attribution and relays).
Asr, F. T., et al. (2021). The Gender Gap Tracker. *PLOS ONE* 16(1) (quote scoring rule).
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from framing._errors import FramingError, bad_value, missing_column
from framing.actors import ActorLexicon, find_actors, load_actors, side_of
from framing.lexicon_io import check_keys, read_yaml
from framing.text import WORD_RE, sentence_spans

QUOTE_COLUMNS = ["doc_id", "quote_id", "start", "end", "text", "kind", "speaker",
                 "speaker_side", "cue", "relay"]
QUOTE_KINDS = ("full", "partial", "scare", "title", "indirect")
VOICES = ("headline", "quote", "interviewer", "interviewee")
#: Measure names written by :func:`quote_scores` start with one of these.
QUOTE_MEASURE_PREFIXES = ("quotes_", "quoted_words_", "quote_share_", "quoted_word_share_",
                          "quote_side_entropy", "official_quote_share")

_MARK_RE = re.compile("’’|''|[“”„«»\"‘’']")
_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = ("”", "»", "’’", "''")
_WORDY = re.compile(r"[^\W_]")
_QA_RE = re.compile(r"\s*(Q|A|Question|Answer)\s*[:.]\s", re.IGNORECASE)
_MASK = "_"
#: How far back (characters) a pronoun looks for its antecedent, and how many speakers.
_LOOKBACK, _RECENT = 3000, 30
#: Attribution cues are looked for this far (characters) before and after a quote.
_REACH = 600
#: Lines longer than this are split for sentence splitting (no real paragraph is so long).
_CHUNK = 5000
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ADVERBIAL_RE = re.compile(
    rf"\s*(?:(?:on|late|early|last|this)\s+)?(?:{_DAYS}|week|night|month|year|day)\b"
    r"|\s*(?:in|on) (?:a|an|its|his|her|their) (?:written |joint |televised |brief )?"
    r"(?:statement|interview|news conference|press conference|speech|post|tweet)\b[^,]*?(?=\s+\w)"
    r"|\s*(?:also|later|earlier|previously|separately|again)\b", re.IGNORECASE)
_TRAIL_RE = re.compile(
    rf"(?:[\s,]+(?:(?:on|late|early|last|this)\s+{_DAYS}|{_DAYS}|also|however|then|now|"
    r"previously|meanwhile|has|had|have|would|will|later|earlier|once|\w+ly))+[\s,]*$",
    re.IGNORECASE)
_LEAD_RE = re.compile(r"^(?:[\s,]|\b(?:and|but|so|yet|however|meanwhile|moreover)\b)+",
                      re.IGNORECASE)
_CLAUSE_BREAK_RE = re.compile(r";|,\s+(?:but|and|while|as|adding|after)\b|\bbut\b|\bthat\b"
                              r"|_+[”»\"’']*", re.IGNORECASE)
_DATELINE_RE = re.compile(r"^[\s>]*[A-Z][A-Z .,()'’]+\s*[–—-]+\s*")
_VERB_START_RE = re.compile(r"(?:was|were|is|are|has|had|have|would|will|could|can|did|does)\b")
_PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "thing", "we": "any",
             "i": "person"}
_PERSON_WORDS = re.compile(
    r"\b(?:official|spokes(?:man|woman|person)|fighter|minister|governor|analyst|rebel|man|"
    r"woman|resident|year-old|leader|commander|diplomat|president|expert|researcher|"
    r"correspondent|envoy|chairman|officer|colonel|captain|general|soldier|father|mother|"
    r"source)\b", re.IGNORECASE)
_TITLE_WORDS = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. president prime minister deputy foreign defence defense
    secretary col col. colonel lieutenant lt lt. capt capt. captain navy army gen gen. general
    chancellor governor sen sen. rep rep. chairman spokesman sheikh ayatollah king prince
    provincial under state interior information vice commander major maj maj. sgt sgt.
    sergeant admiral adm adm. brigadier""".split())
_STOP_CAPS = frozenset(
    """the a an but and in on at for of when while after before as if it its this that these
    those he she they we i his her their our my so yet however meanwhile moreover since
    according earlier later last also there here what why how who where""".split())
_NAME_TOKEN = r"(?:[A-Z][\w’'\-]*\.?|(?:al|el|bin|ibn|de|van|von|du|da)-?[A-Z]?[\w’'\-]*)"
_NAME_RUN_RE = re.compile(rf"\b{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN})*")
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


@dataclass(frozen=True)
class _Cues:
    regex: re.Pattern
    lemma: dict
    clause: frozenset
    participles: frozenset
    relays: tuple
    relay_names: dict


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
    participles = frozenset(f for f in lemma if f.endswith("ing"))
    return _Cues(regex, lemma, frozenset(clause), participles, relays, names)


# ---------------------------------------------------------------- quotation marks
def _lines(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^\n]+", text)]


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
        for m in _MARK_RE.finditer(text, a, b):
            mark, i = m.group(), m.start()
            if skip_first:
                skip_first = False
                if mark in _DOUBLE_OPEN or mark == '"':
                    continue
            if mark in "‘’'":
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
    inside = [(s, e) for s, e in doubles if e > a and s < b]
    out, open_at, k = [], None, 0
    for m in re.finditer("[‘’']", text[a:b]):
        i = a + m.start()
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


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# ---------------------------------------------------------------- speakers
def _name_in(text: str, lexicon: ActorLexicon) -> str:
    """The first person name in ``text`` ("Sergei Ryabkov"), titles and nationalities removed."""
    non_person = {(a["start"], a["end"]) for a in find_actors(text, lexicon=lexicon,
                                                              kinds=("institution", "group",
                                                                     "media", "nationality",
                                                                     "capital", "place"))}
    persons = {a["start"]: a for a in find_actors(text, lexicon=lexicon, kinds=("person",))}
    for m in _NAME_RUN_RE.finditer(text):
        tokens = [(t.start() + m.start(), t.end() + m.start(), t.group())
                  for t in re.finditer(r"\S+", m.group())]
        titled = False
        while tokens and (tokens[0][2].lower().rstrip(",") in _TITLE_WORDS
                          or tokens[0][2].lower() in _STOP_CAPS
                          or any(s <= tokens[0][0] < e for s, e in non_person)):
            titled |= tokens[0][2].lower() in _TITLE_WORDS
            tokens = tokens[1:]
        if not tokens:
            continue
        if any(s <= t[0] < e for s, e in non_person for t in tokens):
            continue
        if tokens[0][0] in persons or len(tokens) >= 2 or titled:
            if not tokens[0][2][:1].isupper():
                continue
            return text[tokens[0][0]:tokens[-1][1]].rstrip(".,’'")
    return ""


def _clean_subject(subject: str) -> str:
    subject = _DATELINE_RE.sub("", _TRAIL_RE.sub("", subject))
    subject = _LEAD_RE.sub("", subject).strip(" ,:;–—-")
    return subject


def _speaker_text(subject: str, lexicon: ActorLexicon) -> tuple[str, str]:
    """(speaker, descriptor): the person name in ``subject`` or its last noun phrase."""
    name = _name_in(subject, lexicon)
    if name:
        return name, subject
    chunks = [c.strip() for c in subject.strip(" ,").split(",") if c.strip()] or [subject]
    named = [c for c in chunks if len(c.split()) <= 6 and any(
        h["kind"] != "nationality" for h in find_actors(c, lexicon=lexicon))]
    tail = named[0] if named else chunks[-1]
    tail = re.sub(r"^(?:with|by|from|for)\s+", "", tail)
    head = _SPEAKER_CUT_RE.split(tail, maxsplit=1)[0].strip()
    return head or tail, tail


def _relay_in(text: str) -> str:
    cues = _cues()
    found = [m for m in (regex.search(text) for regex in cues.relays) if m]
    if not found:
        return ""
    return cues.relay_names[min(found, key=lambda m: m.start()).group().lower()]


class _Resolver:
    """Turns pronouns and descriptions ("he", "the ministry") into the speaker they point to."""

    def __init__(self, text: str, lexicon: ActorLexicon):
        self.text = text
        self.lexicon = lexicon
        self.speakers: list[tuple[int, str, str, str]] = []  # (position, name, type, side)
        self.names: list[tuple[int, str]] = []
        for m in _NAME_RUN_RE.finditer(text):
            if " " in m.group():  # single capitalised words are mostly not names
                name = _name_in(m.group(), lexicon)
                if name:
                    self.names.append((m.start(), name))
        self.name_starts = [pos for pos, _ in self.names]

    def _names_before(self, pos: int) -> list[tuple[int, str]]:
        hi = _bisect(self.name_starts, pos - 1) + 1
        lo = _bisect(self.name_starts, pos - _LOOKBACK) + 1
        return self.names[lo:hi]

    def _recent_speakers(self, pos: int) -> list[tuple[int, str, str, str]]:
        return [sp for sp in self.speakers[-_RECENT:] if pos - _LOOKBACK <= sp[0] < pos]

    def full_name(self, name: str, before: int) -> str:
        """The longest earlier form of a surname ("Hussein" -> "Khalil al-Hussein")."""
        if " " in name:
            return name
        best = name
        for _, other in self._names_before(before):
            if _surname(other) == _surname(name) and len(other) > len(best):
                best = other
        return best

    def remember(self, pos: int, name: str, side: str) -> None:
        things = find_actors(name, lexicon=self.lexicon,
                             kinds=("institution", "group", "media", "capital", "nationality"))
        kind = "thing" if (things and not _PERSON_WORDS.search(name)) or re.search(
            r"\b(?:ministry|military|statement|government|army|agency|office|command|"
            r"forces|headquarters)\b", name, re.IGNORECASE) else "person"
        self.speakers.append((pos, name, kind, side))

    def resolve(self, words: str, pos: int) -> tuple[str, str] | None:
        """Antecedent and side of a pronoun or definite description at ``pos``."""
        low = words.lower().strip()
        want = _PRONOUNS.get(low)
        same_side = None
        if want is None:
            if not re.match(r"(?:the|this|that)\s", low) or _name_in(words, self.lexicon):
                return None
            hits = find_actors(words, lexicon=self.lexicon)
            if any(h["kind"] != "nationality" for h in hits):
                return None
            same_side = hits[-1]["side"] if hits else None
            head = low.split()[-1]
            for _, name, _, side in reversed(self._recent_speakers(pos)):
                if head in name.lower():
                    return name, side
            want = "person" if _PERSON_WORDS.search(low) else "thing"
            if want == "thing" and head not in ("statement", "ministry", "military", "army",
                                                "government", "group", "agency", "office"):
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
def _subject_before(masked: str, lo: int, cue_start: int) -> str:
    """The subject of the cue at ``cue_start``: the clause text before it, cleaned."""
    seg = masked[lo:cue_start]
    breaks = list(_CLAUSE_BREAK_RE.finditer(seg))
    if breaks:
        seg = seg[breaks[-1].end():]
    return _clean_subject(seg.replace(_MASK, " "))


def _attribute_left(masked: str, lo: int, hi: int) -> tuple[str, str, int] | None:
    """(subject, cue, cue position) for a cue before the quote, within ``masked[lo:hi]``."""
    cues = _cues()
    found = list(cues.regex.finditer(masked, lo, hi))
    if not found:
        return None
    last = found[-1]
    form = last.group().lower()
    if form == "according to":
        after = masked[last.end():hi].split(",")[0]
        return _clean_subject(after), "according to", last.start()
    if form in cues.participles:
        finite = [m for m in found[:-1] if m.group().lower() not in cues.participles]
        if finite:
            subj = _subject_before(masked, lo, finite[-1].start())
            return subj, cues.lemma[form], finite[-1].start()
        clause = masked[lo:last.start()].rstrip(" ,")
        subj = _clean_subject(clause.rsplit(",", 1)[-1].replace(_MASK, " "))
        return subj, cues.lemma[form], last.start()
    return _subject_before(masked, lo, last.start()), cues.lemma[form], last.start()


def _attribute_right(masked: str, lo: int, hi: int) -> tuple[str, str, int, bool] | None:
    """(speaker phrase, cue, cue position, inverted) for a cue after the quote."""
    cues = _cues()
    m = cues.regex.search(masked, lo, hi)
    if m is None:
        return None
    form = m.group().lower()
    before = masked[lo:m.start()]
    if form == "quoted":
        rest = masked[m.end():hi]
        k = rest.find(" as ")
        return _clean_subject(rest[:k] if k >= 0 else rest), "say", m.start(), False
    if form == "according to":
        return _clean_subject(masked[m.end():hi].split(",")[0]), "according to", m.start(), False
    if not before.strip(" ,;:–—-" + _MASK + "”»\"’"):
        return masked[m.end():hi].strip().rstrip("."), cues.lemma[form], m.start(), True
    subject = before.replace(_MASK, " ")
    subject = re.split(r",\s*(?:who|which)\b", subject)[0].strip(" ”»\"’,")
    chunks = [c.strip() for c in subject.split(",")]
    if len(chunks) > 1 and len(chunks[-2].split()) <= 5 and re.match(r"[A-Z]", chunks[-2]):
        subject = chunks[-2] + ", " + chunks[-1]  # "Sergei Ryabkov, Russia's deputy minister"
    else:
        subject = chunks[-1]
    subject = _clean_subject(subject)
    if not subject or len(subject.split()) > 16:
        return None
    return subject, cues.lemma[form], m.start(), False


def _split_inverted(phrase: str) -> str:
    """Cut "Lt Col Damien Pickart, a spokesman at X, who ..." to the name and its appositive."""
    name, _, appositive = phrase.partition(",")
    name = re.split(r"\s+(?:in|on|at|after|as|while|when)\s", name, maxsplit=1)[0]
    appositive = re.split(r",\s*(?:who|which|adding|referring|saying)\b|\s+(?:who|which)\s",
                          appositive, maxsplit=1)[0]
    return (name + ", " + appositive).strip(" ,") if appositive.strip() else name.strip()


def _surname(name: str) -> str:
    return re.sub(r"^(?:al|el|de|bin|ibn)-", "", name.split()[-1].lower()) if name else ""


def _is_subhead(text: str, a: int, b: int) -> bool:
    """AFP subheads: a short line between dashes ("– ‘Beautiful memories’ –")."""
    line = text[a:b].strip()
    return len(line.split()) <= 8 and line[:1] in "–—-" and line[-1:] in "–—-"


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


def _analyse(text: str, title: str = "", lexicon: ActorLexicon | None = None,
             outlet: str = "") -> tuple[list[_Quote], list[tuple[int, int, str, str]]]:
    """Find quotes and voice regions of one text; see :func:`find_quotes`."""
    if not isinstance(text, str):
        raise FramingError(f"Quotes need text as str. Got {type(text).__name__}.")
    lex = lexicon or load_actors()
    lines = _lines(text)
    line_starts = [a for a, _ in lines]
    head_end = len(title) if title and text.startswith(title) else 0
    qa = _interview_voices(text, lines)
    spans = _marked_spans(text, lines)
    chars = list(text)
    for s, e in spans:
        for i in range(s + 1, e - 1):
            if chars[i] != "\n":
                chars[i] = _MASK
    masked = "".join(chars)
    resolver = _Resolver(text, lex)
    sentences: list[tuple[int, int]] = []
    for a, b in lines:
        for c in _chunks(masked, a, b):
            piece = masked[c:min(b, c + _CHUNK)]
            sentences.extend((c + s, c + e) for s, e in sentence_spans(piece))
    starts = [s for s, _ in sentences]

    def sentence_at(pos: int) -> tuple[int, int]:
        return sentences[max(0, _bisect(starts, pos))] if sentences else (0, len(text))

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
        att = None if starts_sentence else _attribute_left(masked, ss, s)
        if att is None:
            right = _attribute_right(masked, e, se)
            if right is not None:
                phrase, cue, at, inverted = right
                att = (_split_inverted(phrase) if inverted else phrase, cue, at)
        if s < head_end or subhead(li):
            q.kind = "title"
        elif starts_sentence or (re.search(r"[:,]\s*$", left) and text[s + 1:s + 2].isupper()):
            q.kind = "full"
        elif att is not None:
            q.kind = "partial"
        else:
            q.kind = "scare" if len(WORD_RE.findall(text, s, e)) <= 4 else "partial"
        if att is not None and q.kind != "title":
            q.descriptor, q.cue, q.cue_at = att
            q.relay = _relay_in(masked[ss:se].replace(_MASK, " "))
            if "interview" in masked[ss:se].lower():
                q.kind = q.kind + "+interview"
        quotes.append(q)
    used = {q.cue_at for q in quotes if q.cue_at >= 0 and q.kind.startswith("full")}
    indirect = _indirect_quotes(text, masked, sentences, lines, quotes, qa, head_end, used,
                                subhead)
    quotes = sorted(quotes + indirect, key=lambda q: (q.start, q.end))
    for q in quotes:  # in text order, so pronouns find the speakers before them
        if q.descriptor:
            _set_speaker(q, q.descriptor, resolver, lex)
        if q.kind.endswith("+interview"):
            q.kind = q.kind.split("+")[0]
            interviewee = interviewee or q.speaker
    quotes = [q for q in quotes if q.kind != "indirect" or q.speaker]
    _inherit_speakers(quotes, line_starts, qa)
    for q in quotes:
        if q.relay and q.relay == outlet:
            q.relay = ""
    voices = _voice_regions(text, lines, head_end, qa, quotes, interviewee)
    return quotes, voices


def _chunks(text: str, a: int, b: int) -> list[int]:
    """Starts of pieces of at most ``_CHUNK`` characters of ``text[a:b]``, cut after a space."""
    starts = [a]
    while b - starts[-1] > _CHUNK:
        cut = text.rfind(" ", starts[-1] + _CHUNK // 2, starts[-1] + _CHUNK)
        starts.append(cut + 1 if cut > 0 else starts[-1] + _CHUNK)
    return starts


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
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def _set_speaker(q: _Quote, phrase: str, resolver: _Resolver, lex: ActorLexicon) -> None:
    speaker, descriptor = _speaker_text(phrase, lex) if phrase else ("", "")
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
            q.side = next((s[3] for s in reversed(resolver.speakers)
                           if _surname(s[1]) == _surname(q.speaker) and s[3] != "unknown"),
                          "unknown")
    if q.speaker:
        resolver.remember(max(q.cue_at, q.start), q.speaker, q.side)


_AFTER_CUE_RE = re.compile(
    rf"(?:\s+(?:(?:on|late|early|last|this)\s+)?(?:{_DAYS}|week|night|month|year)\b"
    r"|\s+in an? (?:written |joint |televised |brief )?(?:statement|interview|news conference|"
    r"press conference|speech|post|tweet)(?:\s+(?:released|issued|published)(?:\s+\w+day)?)?"
    r"|\s+(?:also|later|earlier|previously|separately|again|repeatedly))*")
# Cues that may follow their content ("..., the Pentagon said.").
_TRAILING_CUES = frozenset("say tell add report state confirm warn claim insist explain note "
                           "announce write tweet".split())
_TELL_OBJECT_RE = re.compile(r"\s+(?:(?:the\s+)?(?:state-owned\s+|state\s+)?(?:[A-Z][\w.\-]*\s*)+"
                             r"(?:news agency)?|reporters|journalists|us|him|her|them|the media)")


def _indirect_quotes(text, masked, sentences, lines, quotes, qa, head_end,
                     used, subhead) -> list[_Quote]:
    """Reported speech without marks: "X said (that) ...", "..., X said", "quoted X as saying"."""
    cues = _cues()
    out = []
    line_starts = [a for a, _ in lines]
    direct = [(q.start, q.end) for q in quotes]
    direct_starts = [s for s, _ in direct]
    for ss, se in sentences:
        li = _bisect(line_starts, ss)
        if ss < head_end or li in qa or se - ss > _CHUNK // 2 or subhead(li) or \
                text.startswith((">>", "©", "http"), lines[li][0]):
            continue
        body_end = _rstrip(text, ss, se)
        while body_end > ss and text[body_end - 1] in ".!?":
            body_end -= 1
        for m in cues.regex.finditer(masked, ss, se):
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
            q.relay = _relay_in(masked[ss:se].replace(_MASK, " "))
            out.append(q)
            break
    return out


def _indirect_at(text, masked, ss, body_end, se, m, cues) -> _Quote | None:
    form = m.group().lower()
    if form not in cues.clause and form not in ("quoted", "according to"):
        return None
    if form in cues.participles or re.search(r"\b(?:a|an|the)\s+$", masked[ss:m.start()]):
        return None
    before = masked[ss:m.start()]
    after = masked[m.end():se]
    q = None
    tail = _AFTER_CUE_RE.match(after)
    ends_here = re.match(r"[\s]*(?:[,.;]|$)", after[tail.end():])
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
        if _MASK not in subject and 0 < len(subject.split()) <= 16 and \
                len(content.split()) >= 4:
            start = ss + len(_DATELINE_RE.match(content).group()) \
                if _DATELINE_RE.match(content) else ss
            q = _Quote(start, _rstrip(text, start, ss + k))
            q.descriptor = _clean_subject(subject)
    elif form == "according to":
        return None
    elif form in cues.clause and not ends_here:
        subject = _subject_before(masked, ss, m.start())
        rest_at = m.end()
        if cues.lemma[form] == "tell":
            obj = _TELL_OBJECT_RE.match(masked, rest_at, se)
            rest_at = obj.end() if obj else rest_at
            if not re.match(r"\s*that\s", masked[rest_at:se]):
                return None
        rest_at = _AFTER_CUE_RE.match(masked, rest_at, se).end()
        that = re.match(r"\s*,?\s*(?=that\s)", masked[rest_at:se])
        rest_at += that.end() if that else 0
        while rest_at < se and masked[rest_at] == " ":
            rest_at += 1
        end = body_end
        stop = re.search(r",\s+but\b|;", masked[rest_at:end])
        if stop:
            end = rest_at + stop.start()
        words = masked[rest_at:end].split()
        if subject and len(subject.split()) <= 25 and len(words) >= 4 and \
                masked[rest_at:rest_at + 1].isalnum() and not _VERB_START_RE.match(words[0]):
            q = _Quote(rest_at, _rstrip(text, rest_at, end))
            q.descriptor = subject
    if q is None:
        return None
    q.kind, q.cue, q.cue_at = "indirect", cues.lemma[form], m.start()
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
def voice_spans(text: str, title: str = "") -> list[tuple[int, int, str, str]]:
    """Regions of ``text`` spoken by someone other than the narrator.

    Parameters
    ----------
    text : str
        An article's text (beginning with its title, as in the articles table).
    title : str, default=""
        The title; when ``text`` starts with it, that span is the headline.

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
    """
    return _analyse(text, title)[1]


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
    rows = []
    for doc_id, body, head, out, emb in zip(ids, texts, titles, outlets, embeds, strict=False):
        body = "" if body is None or (isinstance(body, float) and math.isnan(body)) else body
        head = head if isinstance(head, str) else ""
        skip = [(int(s), int(e)) for s, e, *_ in json.loads(emb)] if isinstance(emb, str) \
            and emb.strip() else []
        quotes, _ = _analyse(body, head, lexicon, out if isinstance(out, str) else "")
        n = 0
        for q in quotes:
            if any(s <= q.start < e for s, e in skip):
                continue
            n += 1
            rows.append({"doc_id": doc_id, "quote_id": f"{doc_id}-q{n}", "start": q.start,
                         "end": q.end, "text": body[q.start:q.end], "kind": q.kind,
                         "speaker": q.speaker, "speaker_side": q.side, "cue": q.cue,
                         "relay": q.relay})
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
    from framing.stats import outlet_scores_frame, score_row

    lex = lexicon or load_actors()
    for col in QUOTE_COLUMNS:
        _column(quotes, col, None)
    ids = _column(articles, "doc_id", None)
    outlets = _column(articles, outlet, "outlet")
    kinds = tuple(kinds)
    bad = set(kinds) - set(QUOTE_KINDS)
    if bad:
        raise FramingError(bad_value("kinds", "quote_scores", QUOTE_KINDS, sorted(bad)))
    counted = _counted_quotes(quotes, kinds)
    words_of = {d: len(WORD_RE.findall(t))
                for d, t in zip(ids, articles["text"].fillna(""), strict=True)}
    sides = list(lex.sides)
    rows = []
    for name, docs in pd.Series(list(ids)).groupby(list(outlets)):
        docs = list(docs)
        per = counted[counted["doc_id"].isin(docs)]
        n_words = sum(words_of[d] for d in docs)
        n_q = per.groupby("doc_id").size().reindex(docs, fill_value=0)
        n_w = per.groupby("doc_id")["n_words"].sum().reindex(docs, fill_value=0)
        for side in sides:
            mine = per[per["speaker_side"] == side]
            q_side = mine.groupby("doc_id").size().reindex(docs, fill_value=0)
            w_side = mine.groupby("doc_id")["n_words"].sum().reindex(docs, fill_value=0)
            rows.append(score_row(name, f"quotes_{side}", q_side, None, n_words=n_words,
                                  n_events=int(q_side.sum())))
            rows.append(score_row(name, f"quoted_words_{side}", w_side, None, n_words=n_words,
                                  n_events=int(w_side.sum())))
            rows.append(score_row(name, f"quote_share_{side}", q_side, n_q, n_words=n_words))
            rows.append(score_row(name, f"quoted_word_share_{side}", w_side, n_w,
                                  n_words=n_words))
        official = [lex.is_official(side) for side in per["speaker_side"]]
        off = per.loc[official].groupby("doc_id").size().reindex(docs, fill_value=0)
        rows.append(score_row(name, "official_quote_share", off, n_q, n_words=n_words))
        rows.append(_entropy_row(name, per, docs, sides, n_words))
    return outlet_scores_frame(rows)


def _counted_quotes(quotes: pd.DataFrame, kinds: tuple[str, ...]) -> pd.DataFrame:
    keep = quotes[quotes["kind"].isin(kinds)].copy()
    indirect = keep[keep["kind"] == "indirect"]
    spans = {d: list(zip(g["start"], g["end"], strict=True))
             for d, g in indirect.groupby("doc_id")}
    inside = [k == "partial" and any(s <= a and b <= e for s, e in spans.get(d, []))
              for d, k, a, b in zip(keep["doc_id"], keep["kind"], keep["start"], keep["end"],
                                    strict=True)]
    keep = keep[[not x for x in inside]]
    keep["n_words"] = [0 if k == "indirect" else len(WORD_RE.findall(t))
                       for k, t in zip(keep["kind"], keep["text"], strict=False)]
    return keep


def _entropy_row(outlet: str, per: pd.DataFrame, docs: list, sides: list[str],
                 n_words: int) -> dict:
    """Normalised side entropy with an article bootstrap (stats.bootstrap_ci is a ratio)."""
    import numpy as np

    from framing.stats import MIN_DOCS, MIN_EVENTS, N_BOOT, SEED

    table = per.groupby(["doc_id", "speaker_side"]).size().unstack(fill_value=0)
    table = table.reindex(index=docs, columns=sides, fill_value=0).to_numpy(float)

    def entropy(counts: np.ndarray) -> np.ndarray:
        total = counts.sum(axis=-1, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            p = counts / total
            h = -np.where(p > 0, p * np.log(p), 0.0).sum(axis=-1)
        return np.where(total[..., 0] > 0, h / math.log(len(sides)), np.nan)

    value = float(entropy(table.sum(axis=0)))
    low = high = float("nan")
    if len(docs) > 1:
        rng = np.random.default_rng(SEED)
        idx = rng.integers(0, len(docs), size=(N_BOOT, len(docs)))
        boot = entropy(table[idx].sum(axis=1))
        boot = boot[np.isfinite(boot)]
        if boot.size:
            low, high = (float(x) for x in np.quantile(boot, [0.025, 0.975]))
    n_events = int(table.sum())
    return {"outlet": outlet, "measure": "quote_side_entropy", "value": value, "ci_low": low,
            "ci_high": high, "n_docs": len(docs), "n_words": int(n_words), "n_events": n_events,
            "small_sample": bool(len(docs) < MIN_DOCS or n_events < MIN_EVENTS)}
