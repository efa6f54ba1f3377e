"""Attribution: from a cue near a quotation to its speaker phrase, speaker and side.

:func:`attribute_left` and :func:`attribute_right` read the cue before or after a quotation,
:func:`set_speaker` resolves the phrase to a speaker, :func:`inherit_speakers` carries a
speaker to the bare quotations that continue it, and :func:`sides_from_affiliation` gives
speakers of unknown side the side of the group the article ties them to."""

from __future__ import annotations

import re

from framing.actors import ActorLexicon, find_actors, side_of
from framing.quotes.base import MASK, Quote, last_at
from framing.quotes.cues import CueIndex, load_cues, not_speech
from framing.quotes.names import (
    clean_subject,
    lead_pronoun,
    mentions,
    name_in,
    speaker_text,
    surname_of,
    tidy_speaker,
)
from framing.quotes.problems import repair_speaker, speaker_problem
from framing.quotes.sentences import Sentences
from framing.quotes.speakers import SPEECH_VERB_RE, Resolver
from framing.quotes.words import load_speaker_words


def _anycase(word: str) -> str:
    """``word`` as a pattern matching it in any case, as ``re.IGNORECASE`` would."""
    folds = {"s": "Ss\u017f", "i": "Ii\u0130\u0131", "k": "Kk\u212a"}
    return "".join(f"[{folds.get(c, c.upper() + c)}]" for c in word)


# The clause breaks ";", ", but", "but", "that" and a quotation, case-insensitive; written with
# a look-behind after the first letter so that the engine skips to the characters ; , b t _.
CLAUSE_BREAK_RE = re.compile(
    r";|,\s+(?:" + "|".join(map(_anycase, ("but", "and", "while", "as", "adding", "after")))
    + rf")\b|[Bb](?<!\w.){_anycase('ut')}\b|[Tt](?<!\w.){_anycase('hat')}\b|_+[”»\"’']*")
#: Words tying a person to the group named after them, and words showing a person armed.
_AFFILIATION_RE = re.compile(r"\b(?:join(?:s|ed|ing)?|signed up (?:with|for)|members? of|"
                             r"ranks of|commands?|commanders? of|fighters? (?:of|with|for))\b",
                             re.IGNORECASE)
_AFFILIATION_REACH = 60
_ARMED_RE = re.compile(r"\b(?:fighter|commander|militiam[ae]n|(?:bearing|carrying|holding|"
                       r"clutching)\s+(?:an?\s+)?(?:\w+\s+)?(?:weapon|rifle|gun|Kalashnikov))\b",
                       re.IGNORECASE)
#: A piece of an apposition: it opens with a lower-case word or a number ("a resident of",
#: "50"), or is an abbreviation ("D-Calif.", "Mo.").
_APPOSITION_PART_RE = re.compile(r"\s*(?:[a-z\d].*|[A-Z][\w.\-]*\.)\s*", re.DOTALL)
#: A relative clause after a comma (", who spoke on condition ...").
RELATIVE_RE = re.compile(r",\s*(?:who|which)\b")
_NAME_END_RE = re.compile(r"\s+(?:in|on|at|after|as|while|when)\s")
#: A dateline before a quote ("ALTADENA HILLS, Calif. — ", "PARIS (AFP) - ").
_DATELINE_RE = re.compile(r"[A-Z][A-Z .'’-]+(?:,[\w .]+)?(?:\s*\([A-Za-z]+\))?\s*[–—-]+\s*")
#: A paragraph opening with a name and then an apposition or a lower-case verb.
_OPENING_NAME_RE = re.compile(r"((?:[A-Z][\w’'\-]*\.?\s+){1,3}[A-Z][\w’'\-]+)(?=,|\s+[a-z])")
_APPOSITIVE_END_RE = re.compile(r",\s*(?:who|which|adding|referring|saying)\b|\s+(?:who|which)\s")


def subject_before(masked: str, lo: int, cue_start: int) -> tuple[str, bool]:
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
        if head.strip()[:1].isupper() and MASK not in head + apposition \
                and len(apposition.split()) <= 25:
            return clean_subject(head + apposition), True
    return clean_subject(_after_breaks(seg).replace(MASK, " ")), False


def _after_breaks(seg: str) -> str:
    end = 0
    for brk in CLAUSE_BREAK_RE.finditer(seg):
        end = brk.end()
    return seg[end:]


def attribute_left(masked: str, index: CueIndex, lo: int,
                   hi: int) -> tuple[str, str, int, bool] | None:
    """(subject, cue, cue position, subject after the cue) for a cue before the quote, within
    ``masked[lo:hi]``."""
    cues = load_cues()
    found = [h for h in index.find(lo, hi) if not not_speech(masked, lo, h.start())]
    if not found:
        return None
    last = found[-1]
    form = last.group().lower()
    if form == "according to":
        after = masked[last.end():hi].split(",")[0]
        return clean_subject(after), "according to", last.start(), True
    if form in cues.participles:
        finite = [m for m in found[:-1] if m.group().lower() not in cues.participles]
        if finite:
            subj, first = subject_before(masked, lo, finite[-1].start())
            return subj, cues.lemma[form], finite[-1].start(), first
        clause = masked[lo:last.start()].rstrip(" ,")
        subj = clean_subject(clause.rsplit(",", 1)[-1].replace(MASK, " "))
        if lead_pronoun(subj):  # "He voiced his anger on Twitter, writing": the subject
            subj = lead_pronoun(subj)
        elif subj[:1].islower() and "," in clause:
            # "Dominic Farrell, founder of X, criticized the offer, calling it": the name
            # that opens the clause, with its apposition
            opening = _OPENING_NAME_RE.match(clause.lstrip())
            if opening and clause.lstrip()[opening.end():].startswith(","):
                subj = clean_subject(opening.group(1))
        return subj, cues.lemma[form], last.start(), False
    subj, first = subject_before(masked, lo, last.start())
    return subj, cues.lemma[form], last.start(), first


def attribute_right(masked: str, index: CueIndex, lo: int,
                    hi: int) -> tuple[str, str, int, bool | None] | None:
    """(speaker phrase, cue, cue position, inverted) for a cue after the quote; inverted is
    None for "quoted X" and "according to X" (the phrase follows the cue, uncut)."""
    cues = load_cues()
    found = [h for h in index.find(lo, hi) if not not_speech(masked, lo, h.start())]
    if not found:
        return None
    m = found[0]
    form = m.group().lower()
    before = masked[lo:m.start()]
    if form == "quoted":
        rest = masked[m.end():hi]
        k = rest.find(" as ")
        return clean_subject(rest[:k] if k >= 0 else rest), "say", m.start(), None
    if form == "according to":
        return clean_subject(masked[m.end():hi].split(",")[0]), "according to", m.start(), None
    if form in cues.participles and before.strip(" ,;:–—-" + MASK + "”»\"’") \
            and not before.rstrip().endswith(" as"):  # not "he was quoted as saying"
        return None  # '"anger" on Twitter, writing': the phrase before a participle speaks not
    if not before.strip(" ,;:–—-" + MASK + "”»\"’"):
        return masked[m.end():hi].strip().rstrip("."), cues.lemma[form], m.start(), True
    subject = before.replace(MASK, " ")
    subject = RELATIVE_RE.split(subject)[0].strip(" ”»\"’,")
    chunks = [c.strip() for c in subject.split(",")]
    if len(chunks) > 1 and len(chunks[-2].split()) <= 5 and chunks[-2][:1].isascii() \
            and chunks[-2][:1].isupper():
        subject = chunks[-2] + ", " + chunks[-1]  # "Sergei Ryabkov, Russia's deputy minister"
        first = None
    else:
        subject, first = chunks[-1], False
    subject = clean_subject(subject)
    if not subject or len(subject.split()) > 16:
        return None
    return subject, cues.lemma[form], m.start(), first


def split_inverted(phrase: str) -> str:
    """Cut "Lt Col Damien Pickart, a spokesman at X, who ..." to the name and its appositive."""
    name, _, appositive = phrase.partition(",")
    name = _NAME_END_RE.split(name, maxsplit=1)[0]
    appositive = _APPOSITIVE_END_RE.split(appositive, maxsplit=1)[0]
    return (name + ", " + appositive).strip(" ,") if appositive.strip() else name.strip()


def sides_from_affiliation(masked: str, sentences: Sentences,
                           quotes: list[Quote], resolver: Resolver) -> None:
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
             and name_in(q.speaker, lex) == q.speaker}
    unknown = {q.speaker for q in quotes if q.speaker in named and q.side == "unknown"}
    if not unknown:
        return
    affiliated, armed = {}, set()
    for name in named:
        surname = load_speaker_words().surname_particle.sub("", name.split()[-1])
        votes: dict[str, int] = {}
        for at in mentions(masked, surname, prefixes=load_speaker_words().mention_prefixes):
            a, b = sentences.at(at)
            end = at + len(surname)
            near = masked[end:min(b, end + _AFFILIATION_REACH)]
            cue = _AFFILIATION_RE.search(near)
            if cue and not SPEECH_VERB_RE.search(near, 0, cue.start()):
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


def inherit_speakers(quotes: list[Quote], line_starts: list[int], qa: dict) -> None:
    """A quote without a cue continues the last attributed quote of the two lines before."""
    last: Quote | None = None
    for q in quotes:
        if q.speaker and q.kind != "title":
            last = q
            continue
        li = last_at(line_starts, q.start)
        if q.kind in ("full", "partial") and last is not None and li not in qa \
                and li - last_at(line_starts, last.end - 1) <= 2:
            q.speaker, q.side, q.relay = last.speaker, last.side, last.relay
            last = q


def introduced_after(quotes: list[Quote], text: str, lines: list[tuple[int, int]],
                     line_starts: list[int], resolver: Resolver) -> None:
    """A quote left without a speaker that ends its paragraph goes to the person the next
    paragraph opens with (:func:`_opening_person`: "“The fire came down the canyon ...” /
    Rosa Gutierrez-Lam, 52, stood in the driveway"). The quote must be a paragraph of six
    words or more (after a dateline at most), not a subhead."""
    for q in quotes:
        if q.speaker or q.kind != "full":
            continue
        li = last_at(line_starts, q.start)
        lead = text[lines[li][0]:q.start]
        if li + 1 >= len(lines) or text[q.end:lines[li][1]].strip() \
                or (lead.strip() and not _DATELINE_RE.fullmatch(lead)) \
                or len(text[q.start:q.end].split()) < 6:  # a whole paragraph, no subhead
            continue
        name = _opening_person(text, lines[li + 1], resolver)
        if name:
            q.speaker, q.side = name, side_of(name, lexicon=resolver.lexicon)


def _opening_person(text: str, line: tuple[int, int], resolver: Resolver,
                    apposition: bool = False) -> str:
    """The full name a paragraph opens with, when it is the subject of its clause and a
    person's: an age or a person noun in its apposition ("Rosa Gutierrez-Lam, 52, stood",
    "Gillian Achebe, head of Marlpit Academy, told"), or :meth:`Resolver.surely_person`; "" if
    none. With ``apposition``, the name must be followed by one."""
    a, b = line
    run = _OPENING_NAME_RE.match(text, a, b)
    if run is None or apposition and not text.startswith(",", run.end()):
        return ""
    name = name_in(run.group(1), resolver.lexicon)
    after = text[run.end():run.end() + 80].split(",", 2)
    described = len(after) > 2 and (after[1].strip()[:1].isdigit()  # "X, 61, stood"
                                    or load_speaker_words().person_words.search(after[1]))
    if name and " " in name and run.group(1).startswith(name) \
            and (described or resolver.surely_person(name, a)):
        return name
    return ""


#: A speaker introduced by an indefinite description and a relative clause ("A headteacher
#: who banned phones from her school"), not an anonymous source.
_DELAYED_LEDE_RE = re.compile(r"(?:A|An)\s+(?:[\w-]+\s+){0,3}?[\w-]+,?\s+who\s+(?!.*\b(?:"
                              r"anonymity|named|identified|condition|authori[sz]ed)\b)")


def named_after(quotes: list[Quote], text: str, lines: list[tuple[int, int]],
                line_starts: list[int], resolver: Resolver) -> None:
    """A person the article first describes ("A headteacher who banned phones ... says") and
    names in the next paragraph ("Gillian Achebe, head of Marlpit Academy, told"): the quotes
    of that description before the name go to the name."""
    words = load_speaker_words()
    for q in quotes:
        if not (q.speaker[:2] in ("A ", "An") and _DELAYED_LEDE_RE.match(q.descriptor)
                and words.person_words.search(q.speaker.split()[-1])):
            continue
        li = last_at(line_starts, q.start)
        nxt = next((k for k in range(li + 1, len(lines)) if text[slice(*lines[k])].strip()),
                   None)
        name = _opening_person(text, lines[nxt], resolver, apposition=True) \
            if nxt is not None else ""
        if name:
            described = q.speaker
            for other in quotes:
                if other.speaker == described and other.start < lines[nxt][0]:
                    other.speaker = name


#: A paragraph opening "Name[, 58]:" or "A council spokesman:" right before a quote.
_COLON_SPEAKER_RE = re.compile(r"\s*([A-Z][\w’'.\-]*(?:\s+[\w’'.\-]+){0,4})(?:,\s*\d{1,3})?:\s*")


def colon_speaker(text: str, line_start: int, quote_start: int, lex: ActorLexicon) -> str:
    """The speaker phrase of a quote that follows "Name:" at the start of its paragraph
    ("Landlord Terry Blackburn, 58: '…'", "A council spokesman: '…'"), else "": a phrase of
    ending in a full name, or a description ending in a person word."""
    m = _COLON_SPEAKER_RE.fullmatch(text, line_start, quote_start)
    if m is None:
        return ""
    phrase = m.group(1)
    words = phrase.split()
    name = name_in(phrase, lex)
    if name and " " in name and phrase.endswith(name):
        return phrase
    if words[0].lower() in ("a", "an", "the") \
            and load_speaker_words().person_words.fullmatch(words[-1]):
        return phrase
    return ""


def set_speaker(q: Quote, phrase: str, resolver: Resolver, lex: ActorLexicon) -> None:
    """Set the speaker and side of ``q`` from its speaker phrase, and remember the speaker."""
    speaker, descriptor = speaker_text(phrase, lex, not q.name_first) if phrase else ("", "")
    if speaker and speaker == descriptor:  # no name found: cut a clause to its subject
        speaker = tidy_speaker(speaker).strip(" -–—:")
    problem = speaker_problem(speaker)
    if problem == "function word":  # "Earlier", "Speaking": no one
        speaker = ""
    elif problem == "clause":  # "The 71-year-old lost most of her stock": resolve its subject
        cut = repair_speaker(speaker)
        if load_speaker_words().person_words.search(cut.split()[-1]):
            speaker = cut
    owner = load_speaker_words().own_words.fullmatch(speaker)
    if owner:  # "her statement said": she speaks
        speaker = load_speaker_words().owner_pronouns[owner.group(1).lower()]
    resolved = resolver.resolve(speaker, q.start, q.cue_at) if speaker else None
    if resolved:
        q.speaker, q.side = resolved
    elif speaker:
        q.speaker = resolver.full_name(speaker, q.start)
        known = find_actors(q.speaker, lexicon=lex, kinds=("person",))
        q.side = known[0]["side"] if known else side_of(descriptor, lexicon=lex)
        if q.side == "unknown":
            q.side = side_of(q.speaker, lexicon=lex)
        if q.side == "unknown":
            q.side = resolver.sides.get(surname_of(q.speaker), "unknown")
    if q.speaker:
        resolver.remember(max(q.cue_at, q.start), q.speaker, q.side)
