"""Person names in text and the speaker phrases around cues.

Finds runs of capitalised words that name people (not places or organisations), cuts a
subject or speaker phrase to the name or noun phrase that speaks, and caches the results for
short phrases on the actor lexicon."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from framing.actors import ActorLexicon, _matches, find_actors
from framing.quotes.base import Hit, is_word
from framing.quotes.problems import repair_speaker, speaker_problem
from framing.quotes.words import UPPER, load_speaker_words

_LEAD_RE = re.compile(r"^(?:[\s,]|\b(?:and|but|so|yet|however|meanwhile|moreover)\b)+",
                      re.IGNORECASE)
_MARKS_RE = re.compile(r"^[^\w(]+|[’']+$")
# "whom he called", "which she described as": the subject after the relative speaks
_RELATIVE_SUBJECT_RE = re.compile(r"(?:^|[\s,])(?:whom|which)\s+(he|she|they|we|I|"
                                  r"[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)*)$")
# "In a 2009 interview he", "Asked about it, she": a subject pronoun last speaks
_LAST_PRONOUN_RE = re.compile(r"[\s,](he|she|they|we|I)$")
# "what one colleague called": the noun phrase after "what" speaks
_WHAT_SUBJECT_RE = re.compile(r"(?:^|[\s,])what\s+((?:one|a|an|the|some|many|several|other|"
                              r"his|her|their|its)\s+[a-z][\w’'\-]*(?:\s+[a-z][\w’'\-]*){0,3})$")
# "a move one Russian official (described as)": a noun with a reduced relative clause; the noun
# phrase of the clause speaks
_REDUCED_RELATIVE_RE = re.compile(r"(?:^|[\s,])(?:a|an|the)\s+[a-z][\w\-]*\s+((?:one|another|some|"
                                  r"several|many|two|three)\s+[\w’'\-]+(?:\s+[\w’'\-]+){0,3})$")
_REDUCED_WORDS_RE = re.compile("one|another|some|several|many|two|three")
# "Trump, who": the antecedent speaks
_TRAILING_RELATIVE_RE = re.compile(r",?\s+(?:who|which)$")
DATELINE_RE = re.compile(r"^[\s>]*[A-Z][A-Z .,()'’]+\s*[–—-]+\s*")
TOKEN_RE = re.compile(r"\S+")
ACRONYM_RE = re.compile(rf"\b[{UPPER}]{{2,}}\b")
_BY_RE = re.compile(r"^(?:with|by|from|for)\s+")
_SPEAKER_CUT_RE = re.compile(r"\s+(?:in|who|which|outside|on|from|near|approached|when)\s+|,",
                             re.IGNORECASE)
_OF_THE_RE = re.compile(r"\b(?:of|the)\s+$")
_OF_AND_RE = re.compile(r"\b(?:of|and|for)\s+$")
_RELATIVE_CHUNK_RE = re.compile(r"(?:who|whom|whose|which)\s")
#: A name after lower-case words that describe it, optionally after one capitalised adjective
#: ("State miner Codelco", "Australian miner Redgum Resources"): group 2 is the name.
_DESCRIBED_NAME_RE = re.compile(r"((?:[A-Z][\w’'-]*\s+)?(?:[a-z][\w’'-]*\s+){1,3})"
                                r"([A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3})")
_LOWER_WORD_RE = re.compile(r"(?<![\w’'\-])(?!(?:al|el|bin|ibn|de|van|von|du|da)\b)[a-z]")
# "he was quoted as (saying)": the subject speaks
#: The subject of a subordinate clause that ends a phrase ("shares fell after the company").
_SUBORDINATE_SUBJECT_RE = re.compile(r"\s(?:after|because|when|while|before|since|until|"
                                     r"once|though|although)\s+((?:the|a|an|its|his|her|their)"
                                     r"\s+[\w’'-]+(?:\s+[\w’'-]+){0,3})$")
#: A description and the relative clause after it ("A headteacher who banned phones").
_DESCRIBED_WHO_RE = re.compile(r"((?:a|an|the)\s+[^,]*?)\s+who\s(?!.*\b(?:name|named|called|"
                               r"known|goes by|calls? (?:himself|herself))\b)", re.IGNORECASE)
_QUOTED_AS_RE = re.compile(r"\s+(?:is|are|was|were|being|been)\s+quoted\s+as\s*$")


def name_in(text: str, lexicon: ActorLexicon, last: bool = False) -> str:
    """The first (or ``last``) person name in ``text`` ("Sergei Ryabkov"), titles and
    nationalities removed; runs naming places or organisations ("Fraser Valley", "BC Hydro")
    are no person names."""
    names = lexicon.cached("names_in", text, lambda t: find_names(t, lexicon))
    return (names[-1] if last else names[0]) if names else ""


def find_names(text: str, lexicon: ActorLexicon) -> tuple[str, ...]:
    """Every person name in ``text``, uncached (see :func:`name_in`)."""
    found, words = [], load_speaker_words()
    persons, non_person = set(), set()  # starts of person names; offsets inside other actors
    for s, e, entry in _matches(text, lexicon):
        if entry.kind == "person":
            persons.add(s)
        elif entry.kind != "role":
            non_person.update(range(s, e))
    for m in name_runs(text):
        run = m.group()
        if " " not in run and "\t" not in run and m.start() not in persons:
            continue  # one word that starts no person of the lexicon: no name
        tokens = [(t.start(), t.end(), t.group()) for t in TOKEN_RE.finditer(text, *m.span())]
        titled = False
        while tokens and (tokens[0][2].lower().rstrip(",") in words.title_words
                          or tokens[0][2].lower() in words.stop_caps
                          or tokens[0][2] in words.credit_words
                          or tokens[0][0] in non_person):
            titled |= tokens[0][2].lower() in words.title_words
            tokens = tokens[1:]
        tokens = name_tokens(tokens)
        place = [k for k, t in enumerate(tokens[:-2]) if words.non_person.fullmatch(t[2])] \
            if _OF_AND_RE.search(text, max(0, m.start() - 5), m.start()) else []
        if place:  # "Minister of Water Resources Hassan al-Obeidi": the name after the place
            tokens = tokens[place[-1] + 1:]
            while tokens and tokens[0][2].lower().rstrip(",") in words.title_words:
                titled, tokens = True, tokens[1:]
        if not tokens:
            continue
        if non_person and any(t[0] in non_person for t in tokens):
            continue
        if titled and len(tokens) == 1 and tokens[0][0] not in persons \
                and _OF_THE_RE.search(text, max(0, m.start() - 5), m.start()):
            continue  # "College of General Practitioners": a title word inside a name
        if tokens[0][0] in persons or len(tokens) >= 2 or titled:
            name = text[tokens[0][0]:tokens[-1][1]].rstrip(".,")
            if name.endswith(("’s", "'s", "s’", "s'")):
                continue  # an owner ("with Trump's"), no speaker
            name = name.rstrip("’'")
            if not name[:1].isupper() or words.non_person.search(name) \
                    or ACRONYM_RE.search(name):
                continue
            found.append(name)
    return tuple(found)


def name_runs(text: str) -> Iterator[Hit]:
    """Runs of name tokens in ``text``: capitalised words and particles joined by spaces,
    from a capitalised word or a particle hyphenated to one ("al-Nusra Front"), in text order.
    A run holds more than names ("The Russian defence"); callers cut it to the name."""
    words = load_speaker_words()
    if "-" not in text:  # no particle joined to a run by a hyphen
        return words.name_run.finditer(text)
    return _joined_runs(text, words)


def _joined_runs(text: str, words) -> Iterator[Hit]:
    """:func:`name_runs` of a text holding a hyphen."""
    for m in words.name_run.finditer(text):
        a = m.start()
        if a > 2 and text[a - 1] == "-":
            particle = words.particle_dash.search(text, max(0, a - 5), a)
            if particle:
                yield Hit(particle.start(), m.end(), text[particle.start():m.end()])
                continue
        yield m  # a match has the Hit methods callers use (start, end, span, group)


def mentions(text: str, word: str, lo: int = 0, hi: int | None = None,
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


def name_tokens(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cut a run of name tokens where the name ends: before a lower-case word that is no
    particle ("To determine", "Assad also"), after a word that ends a sentence ("Complex. In")."""
    words = load_speaker_words()
    for k, (_, _, token) in enumerate(tokens):
        if k and token[:1].islower() and not words.particle_token.fullmatch(token):
            return tokens[:k]
        if token.endswith(".") and len(token) > 2 and token.lower() not in words.title_words \
                and token.lower() not in ("jr.", "sr.", "st."):
            return tokens[:k + 1]
    return tokens


def looks_named(name: str) -> bool:
    """Whether a speaker is named like a person ("Yuni", "Rod Peters"; not "Burnaby RCMP")."""
    words = load_speaker_words()
    last = words.surname_particle.sub("", name.split()[-1]) if name.strip() else ""
    return name[:1].isupper() and last[:1].isupper() and last.lower() not in words.stop_caps \
        and not words.non_person.search(name) and not ACRONYM_RE.search(name)


def may_be_person(name: str, lexicon: ActorLexicon) -> bool:
    """Whether a speaker may be a person: named like one ("Andrea Goldstein", not "BC Hydro"
    or "the utility") or described as one ("a witness")."""
    return bool(load_speaker_words().person_words.search(name)) or looks_named(name) \
        and speaker_kind(name, lexicon) != "thing"


_THING_KINDS = frozenset(("institution", "group", "media", "capital", "nationality"))


def speaker_kind(name: str, lexicon: ActorLexicon) -> str:
    """"thing" for a speaker named as an institution or a body ("the defence ministry"), else
    "person"."""
    things = any(entry.kind in _THING_KINDS for _, _, entry in _matches(name, lexicon))
    words = load_speaker_words()
    return "thing" if (things and not words.person_words.search(name)) \
        or words.body.search(name) else "person"


@functools.lru_cache(maxsize=4096)
def clean_subject(subject: str) -> str:
    """A subject phrase without its dateline, leading conjunctions, trailing adverbs and
    "was quoted as"."""
    words = load_speaker_words()
    if "quoted" in subject:
        subject = _QUOTED_AS_RE.sub("", subject)
    if _may_trail(subject, words.trail_ends):
        subject = words.trail.sub("", subject)
    subject = DATELINE_RE.sub("", subject)
    subject = _LEAD_RE.sub("", subject).strip(" ,:;–—-")
    if subject and not (is_word(subject[0]) or subject[0] == "(") \
            or _ends_with(subject, ("’", "'")):
        subject = _MARKS_RE.sub("", subject)
    lead = words.lead.match(subject)
    if lead and lead.end() < len(subject):
        subject = subject[lead.end():]
    last = subject.rsplit(None, 1)[-1] if subject.strip() else ""
    if last.endswith(".") and last.count(".") == 1 and last.lower() not in words.title_words \
            and not (last[:1].isupper() and len(last) <= 4):
        subject = subject[:-1]  # "according to the statement." (not "U.S." or "Jr.")
    return tidy_phrase(subject)


def _may_trail(subject: str, ends: tuple[str, ...]) -> bool:
    """Whether ``words.trail`` may match ``subject``: its last word, past spaces and commas,
    has one of the lower-cased ``ends``, or a letter that case folding maps onto ASCII is in
    it (a cheap test that spares the regex most phrases)."""
    tail = subject.rstrip()
    while tail.endswith(","):
        tail = tail[:-1].rstrip()
    return tail[-12:].lower().endswith(ends) or _FOLDED_RE.search(subject) is not None


#: Letters that ``re.IGNORECASE`` matches to ASCII ones ("ſ" to "s", "K" to "k", "ı" to "i").
_FOLDED_RE = re.compile("[\u017f\u212a\u0130\u0131]")


def _ends_with(phrase: str, ends: tuple[str, ...]) -> bool:
    """Whether ``phrase`` ends with one of ``ends``, also before a final newline (where
    ``$`` matches too)."""
    return phrase.endswith(ends) or phrase.endswith("\n") and phrase[:-1].endswith(ends)


def tidy_phrase(phrase: str) -> str:
    """A subject phrase cut to the subject after a relative ("whom he", "what one colleague"),
    to a subject pronoun that ends it ("In an interview he"), or to the antecedent before
    "who"."""
    # each regex is tried only when the words it needs are in the phrase
    rel = ("whom" in phrase or "which" in phrase) and _RELATIVE_SUBJECT_RE.search(phrase) \
        or _ends_with(phrase, ("he", "they", "we", "I")) and _LAST_PRONOUN_RE.search(phrase) \
        or "what" in phrase and _WHAT_SUBJECT_RE.search(phrase) \
        or _REDUCED_WORDS_RE.search(phrase) and _REDUCED_RELATIVE_RE.search(phrase)
    if rel:
        return rel.group(1)
    if _ends_with(phrase, ("who", "which")):
        return _TRAILING_RELATIVE_RE.sub("", phrase)
    return phrase


def _may_speak(phrase: str) -> bool:
    """Whether a description may speak: no problem, and its last word a name or a noun for a
    person, group, institution or company ("the ministry", not "a toxic gas")."""
    if speaker_problem(phrase):
        return False
    words, head = load_speaker_words(), phrase.split()[-1]
    low = head.lower().removesuffix("s")
    return head[:1].isupper() or bool(words.person_words.fullmatch(head.lower())) \
        or bool(words.person_words.fullmatch(low)) or bool(words.body.fullmatch(head)) \
        or any(w in words.group_words or w in words.thing_heads or w in words.company_heads
               for w in (head.lower(), low))


def lead_pronoun(phrase: str) -> str:
    """The pronoun that opens ``phrase`` before a lower-case word ("He went", "He voiced his
    anger on Twitter"), else ""."""
    tokens = phrase.split(None, 2)
    if len(tokens) > 1 and tokens[0].lower() in load_speaker_words().pronouns \
            and tokens[1][:1].islower():
        return tokens[0]
    return ""


def tidy_speaker(phrase: str) -> str:
    """A speaker that is no name cut to what may speak: a pronoun without the verb after it
    ("He went"), a noun phrase without the auxiliary after it ("Russia has not")."""
    words = load_speaker_words()
    tokens = phrase.split()
    pronoun = lead_pronoun(phrase)
    if pronoun:
        return pronoun
    clause = len(tokens) > 3 and _SUBORDINATE_SUBJECT_RE.search(phrase)
    if clause and _may_speak(clause.group(1)) and speaker_problem(repair_speaker(phrase)):
        return clause.group(1)  # "shares fell after the company (said)": its subject
    if len(tokens) > 2 and tokens[0][:1].isupper() and tokens[0].lower() not in \
            words.stop_caps and not tokens[0].endswith(("’s", "'s")) \
            and tokens[1][:1].islower() and tokens[1] not in words.function_words \
            and not words.particle_token.fullmatch(tokens[1]) \
            and not words.person_words.search(phrase) and not words.body.search(phrase):
        return tokens[0]  # "Kasich set his budget against Christie's"
    for k in range(1, min(len(tokens), 7)):
        if tokens[k].lower() in words.clause_words and tokens[k].islower():
            if tokens[0].lower() in words.function_words or "," in " ".join(tokens[:k]):
                break
            return " ".join(tokens[:k])
    return phrase


def speaker_text(subject: str, lexicon: ActorLexicon, last: bool = False) -> tuple[str, str]:
    """(speaker, descriptor): the first (``last``) person name in ``subject`` or its last noun
    phrase."""
    return lexicon.cached("speaker_text_last" if last else "speaker_text", subject,
                          lambda s: find_speaker_text(s, lexicon, last))


def find_speaker_text(subject: str, lexicon: ActorLexicon, last: bool) -> tuple[str, str]:
    """:func:`speaker_text`, uncached."""
    words = load_speaker_words()
    # "A statement from the EU", "a release sent to media by the union", "the union's
    # release": its issuer
    bare_subject = subject.strip(" ,")
    issued = bare_subject[:1] in "AaTtOo" and (words.issued_by.fullmatch(bare_subject)
                                               or words.owned_by.fullmatch(bare_subject))
    if issued:
        return find_speaker_text(issued.group(1), lexicon, last)
    relative = " who " in subject and _DESCRIBED_WHO_RE.match(subject)
    if relative:  # "A keeper who spent 30 years on Fair Rock": the relative names no speaker
        return find_speaker_text(relative.group(1), lexicon, last)
    clause = _SUBORDINATE_SUBJECT_RE.search(subject)
    if clause and _may_speak(clause.group(1)):
        return clause.group(1), clause.group(1)  # "shares fell after the company (said)"
    chunks = [c.strip() for c in bare_subject.split(",") if c.strip()] or [subject]
    # "A nurse, who spoke on condition of anonymity, (said)": the relative is no speaker
    chunks = [c for c in chunks if not _RELATIVE_CHUNK_RE.match(c)] or chunks
    edge = chunks[-1] if last else chunks[0]
    if words.lone_name.fullmatch(edge) and edge.lower() not in words.stop_caps:
        return edge, subject  # "When she and her boyfriend got a cat, McNeely (said)"
    # "The mayor of the North Pennines, Sarah Holt, (said)": the chunk that is a name alone
    bare = [n for c in (chunks if len(chunks) > 1 else ()) if not _LOWER_WORD_RE.search(c)
            and (n := name_in(c, lexicon))]
    if bare:
        return (bare[-1] if last else bare[0]), subject
    names = lexicon.cached("names_in", subject, lambda t: find_names(t, lexicon))
    if len(names) > 1 and f"{names[-2]} and {names[-1]}" in subject:
        return f"{names[-2]} and {names[-1]}", subject  # "owners Tore Sohlberg and Lehla Abreder"
    if names:  # as name_in
        return (names[-1] if last else names[0]), subject
    described = _DESCRIBED_NAME_RE.fullmatch(edge)
    if described and not any(w.lower() in words.function_words or w.lower() in words.determiners
                             or w.endswith(("’s", "'s")) or words.particle_token.fullmatch(w)
                             for w in described.group(1).split()):  # not "Mrs ap Gwynedd"
        return described.group(2), subject  # "State miner Codelco", "oat-milk maker Brightfield"
    named = [c for c in chunks if len(c.split()) <= 6 and any(
        h["kind"] != "nationality" for h in find_actors(c, lexicon=lexicon))]
    # "said the 23-year-old, ranked 47th": a last chunk that is no noun phrase does not speak
    modifier = not last and len(chunks) > 1 and chunks[-1][:1].islower() \
        and chunks[-1].split()[0].lower() not in words.determiners
    # "The FNSEA, France's largest farm union, (said)": a name before its apposition speaks
    first = chunks[0].split()
    org_first = not last and len(chunks) > 1 and len(first) <= 6 \
        and not _LOWER_WORD_RE.search(chunks[0]) \
        and first[0].lower() not in words.stop_caps - {"the"} \
        and first[0].lower() not in words.function_words \
        and (chunks[1].split()[0].lower() in words.determiners
             or chunks[1].split()[0].endswith(("’s", "'s")))
    tail = named[0] if named else chunks[0] if modifier or org_first else chunks[-1]
    tail = _BY_RE.sub("", tail)
    head = _SPEAKER_CUT_RE.split(tail, maxsplit=1)[0].strip()
    return head or tail, tail


@functools.lru_cache(maxsize=4096)
def surname_of(name: str) -> str:
    """The last word of ``name``, lower-cased, without a surname particle ("al-")."""
    return load_speaker_words().surname_particle.sub("", name.split()[-1].lower()) if name else ""
