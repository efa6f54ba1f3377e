"""Doers: the subject of a clause, a by-phrase, the referent of a pronoun or possessive, and
the doer behind an event noun ("an attack ... that killed 17": the attack's doer)."""

from __future__ import annotations

from framing.agency import events  # circular: events reads its doers here, doers read nouns
from framing.agency.actorlike import actor_like, is_place, phrase_side
from framing.agency.chunks import aux_chain, head_of, np_before, np_left, np_right, span_of, text_of
from framing.agency.lexicon import EventLexicon
from framing.agency.tokens import Doc, Toks
from framing.agency.words import ACCUSE, BE, DET, PREP, REL, REPORT, SUBJ_PRON, TIME


def by_agent(toks: Toks, k: int) -> tuple[int, int] | None:
    """An agent by-phrase starting at or a few tokens after ``k`` ("by the United States")."""
    n = len(toks)
    for j in range(k, min(k + 6, n)):
        low = toks[j].low
        if low == "by":
            if j + 1 >= n:
                return None
            nxt = toks[j + 1]
            if nxt.low in TIME or nxt.text[0].isdigit() or (
                    nxt.low.endswith("ing") and not nxt.cap):
                return None
            ab = np_right(toks, j + 1)
            if ab and any(toks[t].low not in TIME for t in range(*ab)):
                return ab
            return None
        if toks[j].by_stop:
            return None
    return None


def _resolve_pronoun(doc: Doc, sid: int, toks: Toks, p: int) -> str | None:
    """Text of the actor a subject pronoun at token ``p`` stands for, when the text makes it clear.

    Rules: a reporting verb right before ("X said (that) it ...", "U.S. Says It ...") gives its
    subject; else the subject of the previous sentence, when it names a known actor.
    """
    k = p - 1
    if k >= 0 and toks[k].low == "that":
        k -= 1
    if k >= 0 and toks[k].low in REPORT:
        first, _ = aux_chain(toks, k)
        ab = np_left(toks, first - 1)
        if ab is not None:
            if ab[1] - ab[0] == 1 and toks[ab[0]].low in SUBJ_PRON:
                return _resolve_pronoun(doc, sid, toks, ab[0])
            subj = clause_subject(doc, sid, toks, first)  # "extremists in Syria announced"
            return text_of(doc.text, subj if isinstance(subj, str) else span_of(toks, subj))
    if sid == 0:
        return None
    prev = doc.toks(sid - 1)
    for j, tok in enumerate(prev):
        if tok.verb:
            first, _ = aux_chain(prev, j)
            ab = np_left(prev, first - 1)
            if ab is None:
                return None
            phrase = doc.text[prev.starts[ab[0]]:prev.ends[ab[1] - 1]]
            if ab[1] - ab[0] == 1 and prev[ab[0]].low in SUBJ_PRON:
                return None
            return phrase if phrase_side(phrase) != "unknown" else None
    return None


def clause_subject(doc: Doc, sid: int, toks: Toks, i: int) -> tuple[int, int] | str | None:
    """Subject of the verb whose auxiliary chain starts at token ``i``.

    The noun phrase right before the verb, unless it sits in a prepositional phrase: then the
    subject is the phrase it hangs on ("a June 7 attack on the parliament complex and the
    shrine of ... Khomeini that killed 17": attack, not Khomeini). An event noun as subject
    ("airstrikes carried out by the coalition killed") gives its own doer, or none.
    """
    j = i - 1
    if j >= 0 and toks[j].text in _QUOTES:
        j -= 1  # army units "killed many terrorists
    if j >= 0 and toks[j].low in REL:
        k = j - 1
        if k >= 0 and toks[k].text == ",":
            k -= 1
        return _antecedent(doc, sid, toks, k, person=toks[j].low in ("who", "whom"))
    ab = np_left(toks, j)
    if (ab is not None and ab[0] > 0 and toks[ab[0] - 1].low in PREP
            and all(toks[t].bare in TIME or toks[t].text[0].isdigit() for t in range(*ab))):
        ab = np_left(toks, ab[0] - 2)
    if ab is not None and ab[1] - ab[0] == 1 and toks[ab[0]].low in SUBJ_PRON:
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
                             or toks[a].low in DET or is_place(toks[a].text)):
            a += 1
        if a == ab[1]:
            return None  # "rebel infighting in Syria has killed": no subject found
        return event_doer(doc, sid, toks, (a, ab[1])) if a > ab[0] else ab
    if ab is not None and ab[0] > 1 and toks[ab[0] - 1].low in ("and", "&"):
        # coordinated actors opening a clause: "the Assad regime and Russian jets bombed"
        left = np_left(toks, ab[0] - 2)
        if (left is not None and (left[0] == 0 or toks[left[0] - 1].low in _CLAUSE_OPEN)
                and actor_like(doc, sid, doc.text, toks, left)
                and actor_like(doc, sid, doc.text, toks, ab)):
            return (left[0], ab[1])
    return event_doer(doc, sid, toks, ab)


_QUOTES = frozenset("\"“”‘’'")
# Tokens after which a noun phrase opens a clause (so it can be a subject).
_CLAUSE_OPEN = frozenset("that , ; : ( “ \" and but while when as after before since".split())


# Prepositions that attach a phrase to the noun before ("the attack on the town"); not those
# that also open a clause ("after the US downed a jet").
_CHAIN_PREPS = PREP - {"than", "as", "after", "before", "since", "following", "despite"}


def _np_chain(toks: Toks, k: int, lex: EventLexicon) -> list[tuple[int, int]]:
    """Noun phrases linked by prepositions, ending at token ``k``; nearest first.

    "a June 7 attack on the parliament complex and the shrine of ... Khomeini" → [Khomeini's
    phrase, the parliament complex... , a June 7 attack]. "and" links two phrases only inside
    a prepositional phrase, so two clauses are never joined.
    """
    chain: list[tuple[int, int]] = []
    ab = np_left(toks, k)
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
                    toks[q].low not in lex.event_nouns and toks[q].low not in PREP):
                q -= 1
            ab = np_before(toks, q, lex)
        elif low in ("and", "&", "or"):
            ab = np_before(toks, p - 1, lex)
            if ab is None or ab[0] < 1 or toks[ab[0] - 1].low not in _CHAIN_PREPS:
                break
        else:
            break
    return chain


def _antecedent(doc: Doc, sid: int, toks: Toks, k: int, *, person: bool):
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
        if toks[head_of(toks, ab)].low in doc.lex.event_nouns:
            return event_doer(doc, sid, toks, ab)
    last = len(chain) - 1
    end = chain[last][1]
    while last > 0 and toks[chain[last - 1][0] - 1].low == "of":
        last -= 1  # "Aircrafts of the US-led coalition" is one phrase
        end = chain[last][1]
    return event_doer(doc, sid, toks, (chain[-1][0], end))


def event_doer(doc: Doc, sid: int, toks: Toks, ab: tuple[int, int] | None):
    """``ab`` itself, or the doer behind it: for an event noun the text of that event's doer
    ("" if none), for a weapon the by-phrase of its participle ("rocket shells fired by
    terrorist groups")."""
    if ab is None:
        return None
    h = head_of(toks, ab)
    if toks[h].bare in doc.lex.non_agents:
        by = by_after_noun(toks, ab[1], doc.lex, participle=True)
        return by if by is not None else ab
    plan = doc.lex._plans.get(toks[h].low)
    if plan is None or plan.noun is None:
        return ab
    m = events.read_noun(doc, sid, toks, h, h, plan.noun, toks.starts[h], toks.ends[h])
    if m is None:
        return ab
    return text_of(doc.text, m.agent)


def _previous_subject(doc: Doc, sid: int, toks: Toks, j: int):
    """Subject of the nearest finite verb left of token ``j`` (coordination, -ing clauses)."""
    k = j - 1
    while k >= 0:
        if (toks[k].verb and toks[k].low not in REPORT
                and not _noun_homograph(toks, k, doc.lex)):
            first, _ = aux_chain(toks, k)
            subj = clause_subject(doc, sid, toks, first)
            if subj is not None:
                return subj
            k = first  # "shells filled with gas": no subject here, look further left
        k -= 1
    return None


def _noun_homograph(toks: Toks, k: int, lex: EventLexicon) -> bool:
    """A verb-looking event homograph that is a noun here: "with mortar shells", "the bombs"."""
    if not any(r.role == "homograph" for r in lex.readings.get(toks[k].low, ())):
        return False
    p = k - 1
    if p >= 0 and toks[p].np and toks[p].low not in DET:
        p -= 1  # one modifier ("mortar")
    return p >= 0 and (toks[p].low in DET or toks[p].low in PREP or toks[p].text[0].isdigit())


def gerund_agent(doc: Doc, sid: int, toks: Toks, i: int):
    """Doer of a non-finite (-ing or to-infinitive) verb at token ``i``.

    "accused X of ... shooting" → X; "which Washington accused of attacking" → the relative's
    antecedent; "air crews targeting IS" → the noun phrase the clause modifies; else the
    subject of the nearest finite verb to the left, else the sentence's first noun phrase.
    """
    lex = doc.lex
    for k in range(i - 1, -1, -1):
        if toks[k].low in ACCUSE:
            if k + 1 < len(toks) and toks[k + 1].low in ("of", "for"):
                subj = clause_subject(doc, sid, toks, aux_chain(toks, k)[0])
                rel = np_left(toks, aux_chain(toks, k)[0] - 1)
                if rel is not None and rel[0] > 0 and toks[rel[0] - 1].low in REL:
                    ante = np_left(toks, rel[0] - 2 - (toks[rel[0] - 2].text == ","))
                    return span_of(toks, ante)
                return subj if isinstance(subj, str) else span_of(toks, subj)
            ab = np_right(toks, k + 1, allow_of=False)
            if ab and ab[1] < len(toks) and toks[ab[1]].low in ("of", "for"):
                return span_of(toks, ab)
            break
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and prev.low in lex.event_nouns and toks[i].low.endswith("ing"):
        doer = event_doer(doc, sid, toks, np_before(toks, i - 1, lex))
        return doer if isinstance(doer, str) else span_of(toks, doer)  # "bombardment targeting"
    if prev is not None and toks[i].low.endswith("ing") and prev.np and (
            prev.cap or (prev.low.endswith("s") and not prev.low.endswith("ss"))):
        ab = np_left(toks, i - 1)  # not a place: "in Tabqa killing 18 rebels"
        if ab is not None and not (ab[0] > 0 and toks[ab[0] - 1].low in PREP):
            ofs = [t for t in range(*ab) if toks[t].low == "of"]
            if ofs:  # "the safety of American air crews targeting IS": the crews
                ab = (ofs[-1] + 1, ab[1])
            if actor_like(doc, sid, doc.text, toks, ab, names=False):
                return span_of(toks, ab)
    subj = _previous_subject(doc, sid, toks, i)
    if subj is None:
        k = 0
        while k < len(toks) and not toks[k].text[0].isalnum():
            k += 1
        pronoun = k < len(toks) and toks[k].low in SUBJ_PRON
        subj = (k, k + 1) if pronoun else np_right(toks, k)
        if subj is not None and toks[subj[0]].low in SUBJ_PRON:
            resolved = _resolve_pronoun(doc, sid, toks, subj[0])
            return resolved if resolved else span_of(toks, subj)
    return subj if isinstance(subj, str) else span_of(toks, subj)


# Words between an event noun and the by-phrase naming its doer: "strikes [which were most
# likely] carried out by", "the attack [was believed to have been] launched by".
_BY_GAP = frozenset(
    ", which that was were is are had has have been be being to believed thought suspected "
    "likely allegedly probably most reportedly apparently possibly purportedly said reported "
    "seemingly presumably".split())


def by_after_noun(toks: Toks, k: int, lex: EventLexicon, *, participle: bool = False
                  ) -> tuple[int, int] | None:
    """Agent of an event noun in "by X" right after it, or after a light verb participle
    ("airstrikes launched by the coalition", "the attack was carried out by gunmen"); with
    ``participle`` after any participle ("shells fired by terrorist groups")."""
    n = len(toks)
    if k < n and toks[k].low == "by":
        return by_agent(toks, k)
    j = k
    while j < n and j - k < 8 and toks[j].low in _BY_GAP:
        j += 1
    low = toks[j].low if j < n else ""
    if not (low.endswith("ed") and (participle or low in lex.light_verbs)) and low != "dealt":
        return None
    j += 1
    if j < n and toks[j].low == "out":
        j += 1
    return by_agent(toks, j) if j < n and toks[j].low == "by" else None


def resolve_possessive(doc: Doc, sid: int, toks: Toks, p: int) -> str | None:
    """"its attack": the subject of the clause the possessive sits in, else the previous one."""
    low = toks[p].low
    if low not in ("its", "their"):
        return None
    subj = _previous_subject(doc, sid, toks, p)
    if isinstance(subj, str):
        return subj
    if subj is not None:
        span = span_of(toks, subj)
        phrase = doc.text[span[0]:span[1]]
        if phrase.lower() not in SUBJ_PRON and phrase_side(phrase) != "unknown":
            return phrase
    return None


def light_verb_agent(doc: Doc, sid: int, toks: Toks, a: int):
    """Doer of an event noun that is the object of a light verb ("Washington launched strikes")."""
    k = a - 1
    if k >= 0 and toks[k].low == "out":
        k -= 1
    if k < 0 or toks[k].low not in doc.lex.light_verbs:
        return None
    first, chain = aux_chain(toks, k)
    if any(w in BE for w in chain):
        return None
    if toks[k].low.endswith("ing") or "to" in chain:
        return gerund_agent(doc, sid, toks, first)
    subj = clause_subject(doc, sid, toks, first)
    return subj if isinstance(subj, str) else span_of(toks, subj)


