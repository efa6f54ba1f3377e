"""Event rules: read one mention of an event word as a verb or a noun and classify its
construction, doer, patient and flags."""

from __future__ import annotations

from dataclasses import dataclass

from framing.agency.actorlike import actor_like, has_actor
from framing.agency.chunks import aux_chain, np_left, np_right, span_of
from framing.agency.doers import (
    by_after_noun,
    by_agent,
    clause_subject,
    event_doer,
    gerund_agent,
    light_verb_agent,
    resolve_possessive,
)
from framing.agency.lexicon import EventLexicon, Plan, Reading
from framing.agency.tokens import Doc, Toks, is_date_number
from framing.agency.words import (
    ADJ_DET,
    BE,
    CONJ,
    DET,
    HAVE,
    MODAL,
    NEG,
    OBJ_PRON,
    POSS_PRON,
    PREP,
    SUBJ_PRON,
    TIME,
)

CONSTRUCTIONS = (
    "active", "passive_agent", "passive_agentless", "nominal_agent", "nominal_agentless",
    "intransitive",
)
#: Constructions in which the doer is named in the clause itself.
AGENT_CONSTRUCTIONS = ("active", "passive_agent", "nominal_agent")


@dataclass(slots=True)
class Mention:
    """One mention of an event word as the rules read it (offsets in the article text)."""

    lemma: str
    construction: str
    start: int
    end: int
    agent: tuple[int, int] | str | None = None  # span in text, or resolved text
    patient: tuple[int, int] | None = None
    negated: bool = False
    hypothetical: bool = False


def _gerund_is_noun(toks: Toks, i: int, head: int) -> bool:
    """An -ing event word read as a noun: "the downing of", "the terrorist bombing occurred",
    "the U.S. downing"; a verb when an object follows ("in Tabqa killing 18 rebels")."""
    nxt = toks[head + 1] if head + 1 < len(toks) else None
    if nxt is not None and nxt.low in ("of", "by"):
        return True  # "the downing of", "bombing and shelling by the regime"
    if nxt is not None and (nxt.low in DET or nxt.low in OBJ_PRON or nxt.text[0].isdigit()
                            or nxt.low in _NUMBER_WORDS):
        return False
    k = i - 1
    while k >= 0 and toks[k].np and toks[k].low not in DET and not toks[k].poss:
        k -= 1  # over modifiers, to a determiner or possessive
    if k >= 0 and (toks[k].low in DET or toks[k].poss):
        return True
    if k >= 0 and k < i - 1 and toks[k].low in PREP and (nxt is None or not nxt.np):
        return True  # "subject to ferocious bombing and shelling"
    prev = toks[i - 1] if i > 0 else None
    before = toks[i - 2].low if i > 1 else ""
    return prev is not None and prev.cap and prev.low not in PREP and prev.low not in CONJ and (
        has_actor(prev.text) or before not in PREP)


def _noun_reading(toks: Toks, i: int, head: int, roles: frozenset[str]) -> bool:
    """Decide noun (True) or verb (False) for an ambiguous event word at tokens [i, head]."""
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[head + 1] if head + 1 < len(toks) else None
    plow = prev.low if prev else ""
    if prev is not None and (plow in SUBJ_PRON or plow in MODAL or plow in NEG
                             or plow in ("to", "did", "do", "does", "who", "which")
                             or plow.endswith("n't")):
        return False
    if "gerund" in roles:
        return _gerund_is_noun(toks, i, head)
    if prev is not None and (plow in BE or plow in HAVE) and roles & {"past", "participle"}:
        return False
    if prev is None or plow in DET or prev.poss or plow in PREP or plow in CONJ:
        return True
    if not prev.text[0].isalnum():
        return True
    if nxt is not None and nxt.low in ("of", "on", "against", "in", "near", "by", "that", "were",
                                       "was", "have", "has", "had", "are", "is", "will"):
        return True
    if roles & {"third", "past"} and nxt is not None and (
            nxt.low in DET or nxt.cap or nxt.low in OBJ_PRON or nxt.text[0].isdigit()):
        return False
    # "a Syrian army jet fires rockets": a noun, the verb, then its object
    return not ("third" in roles and nxt is not None and prev.np and nxt.np)


def _irrealis_before(toks: Toks, i: int, width: int = 6) -> bool:
    """An irrealis cue within ``width`` tokens left of ``i`` in the same clause."""
    for k in range(i - 1, max(i - width, 0) - 1, -1):
        irr = toks[k].irr
        if irr == 1:
            return False
        if irr == 2 or (irr == 3 and k + 1 < i and toks[k + 1].low == "of"):
            return True
    return False


def _read_verb(doc: Doc, sid: int, toks: Toks, i: int, head: int, r: Reading,
               start: int, end: int) -> Mention:
    lex = doc.lex
    first, chain = aux_chain(toks, i)
    if first >= 2 and toks[first - 1].low == "help" and toks[first - 2].low == "to":
        first, chain = first - 2, [*chain, "help", "to"]  # "to help oust": a bare infinitive
    if not chain and first >= 2 and (
            toks[first - 1].low in _RAISING
            or (toks[first - 1].low in ("and", "or") and toks[first - 2].low.endswith("ed"))):
        # "were reported injured", "19 Killed and Injured": read from the word before
        f2, ch2 = aux_chain(toks, first - 1 if toks[first - 1].low in _RAISING else first - 2)
        if toks[first - 1].low not in _RAISING or any(w in BE for w in ch2):
            first, chain = f2, ch2
    m = Mention(r.lemma, "active", start, end)
    if chain:
        m.negated = any(w in NEG or w.endswith("n't") for w in chain)
        m.hypothetical = not MODAL.isdisjoint(chain) or "to" in chain
    if not m.hypothetical:
        m.hypothetical = _irrealis_before(toks, first, 4)
    right = head + 1  # for a phrasal verb ``head`` is the particle ("shot it down")
    prev = toks[first - 1] if first > 0 else None
    adjectival = prev is not None and (
        prev.low in ADJ_DET  # "the downed jet"; "Among killed militants"
        or (prev.low in PREP and prev.low not in ("by", "to") and right < len(toks)
            and toks[right].np and toks[right].low not in DET))
    passive = r.role in ("participle", "past") and (not BE.isdisjoint(chain) or adjectival)
    by = None
    if not passive and r.role in ("participle", "past") and not chain:
        by = by_agent(toks, right)
        passive = by is not None or _reduced_passive(
            toks, first, right, lex, phrasal=r.particle is not None and head == i + 1)
    if r.intransitive:
        m.construction = "intransitive"
        m.patient = span_of(toks, np_left(toks, first - 1))
        return m
    if passive:
        by = by or by_agent(toks, right)
        m.construction = "passive_agent" if by else "passive_agentless"
        doer = event_doer(doc, sid, toks, by)
        m.agent = doer if isinstance(doer, str) else span_of(toks, doer)
        if adjectival:
            m.patient = span_of(toks, np_right(toks, right, allow_of=False))
        else:
            subj = clause_subject(doc, sid, toks, first)
            m.patient = subj if isinstance(subj, str) else span_of(toks, subj)
        return m
    # active: finite, infinitive or participial (-ing) clause
    if r.role == "gerund" and BE.isdisjoint(chain) or "to" in chain:
        m.agent = gerund_agent(doc, sid, toks, first)
    else:
        subj = clause_subject(doc, sid, toks, first)
        m.agent = subj if isinstance(subj, str) else span_of(toks, subj)
    m.patient = span_of(toks, np_right(toks, right))
    if r.particle is not None and m.patient is None and head - i > 1:
        m.patient = span_of(toks, (i + 1, head))
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


def _reduced_passive(toks: Toks, first: int, right: int, lex: EventLexicon,
                     phrasal: bool = False) -> bool:
    """A participle with no auxiliary that still reads passive, as in headlines (no "was").

    "135 Civilians Killed in Escalating Bombardment", "Seven killed 37 others injured",
    "Syrian aircraft shot down over Raqqa": the subject is a head count (after "at least",
    not a date), or no object follows (a preposition, the clause ends); a phrasal verb
    ("shot down") with no object before or after its particle is passive before any
    preposition.
    """
    subj = np_left(toks, first - 1)
    if subj is not None:
        a, b = subj
        while a < b - 1 and (toks[a].low in _QUANTIFIERS or toks[a].low in DET):
            a += 1
        lead = toks[a]
        dated = b - a > 1 and is_date_number(lead) and is_date_number(toks[a + 1])
        if (lead.text[0].isdigit() or lead.low in _NUMBER_WORDS) and not dated:
            return True
        if toks[b - 1].bare in lex.victims:  # "Civilian killed 3 injured"
            return True
    if right >= len(toks):
        return subj is not None
    nxt = toks[right]
    return subj is not None and (
        nxt.low in _NO_OBJECT or (phrasal and nxt.low in PREP and nxt.low != "by")
        or (not nxt.text[0].isalnum() and nxt.text not in ("“", "\"", "‘")))


def read_noun(doc: Doc, sid: int, toks: Toks, i: int, head: int, r: Reading,
              start: int, end: int) -> Mention | None:
    lex = doc.lex
    nxt = toks[head + 1] if head + 1 < len(toks) else None
    if nxt is not None and nxt.low in lex.modifier_heads:
        return None  # "attack helicopters": a modifier, not an event
    m = Mention(r.lemma, "nominal_agentless", start, end)
    # pre-head modifiers: from the determiner (or phrase start) to the event noun
    a = i
    while a > 0 and toks[a - 1].np and not (
            toks[a - 1].low in DET and not toks[a - 1].poss):
        a -= 1
    det = toks[a - 1] if a > 0 and toks[a - 1].low in DET else None
    agent = None
    if a < i:
        mods = toks[a:i]
        poss = [t for t, tok in enumerate(mods) if tok.poss and tok.bare not in TIME]
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
                if low in TIME or low in lex.location_modifiers:
                    continue
                if ((tok.cap and b > 0 and not doc.title_case(sid)) or low in lex.agent_modifiers
                        or (b0 is not None and low in lex.agent_heads) or has_actor(tok.text)):
                    b0 = b if b0 is None else b0
                    b1 = b + 1
            if b0 is not None:
                agent = (b0, b1)
    if agent is None and det is not None and det.low in POSS_PRON:
        agent = (a - 1, a)
    if agent is not None and agent[1] - agent[0] == 1 and toks[agent[0]].low in POSS_PRON:
        resolved = resolve_possessive(doc, sid, toks, agent[0])
        m.agent = resolved
    elif agent is not None:
        m.agent = span_of(toks, agent)
    # post-head: "of"/"on"/"against" patient ("of" + actor: the doer of an attack), then
    # "by" or "carried out by" agent
    k = head + 1
    if nxt is not None and nxt.low in ("of", "on", "against"):
        ab = np_right(toks, k + 1, allow_of=False)
        if (ab is not None and nxt.low == "of" and r.lemma in lex.of_agent
                and actor_like(doc, sid, doc.text, toks, ab)):
            m.agent = span_of(toks, ab)
            k = ab[1]
            if k + 1 < len(toks) and toks[k].low in ("on", "against"):
                ab = np_right(toks, k + 1, allow_of=False)
                m.patient = span_of(toks, ab)
        else:
            m.patient = span_of(toks, ab)
        if ab is not None:
            k = ab[1]
    by = by_after_noun(toks, k, lex)
    if by is not None:
        m.agent = span_of(toks, by)
    generic = agent is not None and m.agent == span_of(toks, agent) and all(
        t.bare in lex.agent_modifiers for t in toks[agent[0]:agent[1]])
    if m.agent is None or generic:  # "the Syrian army perpetrates terror attacks"
        m.agent = light_verb_agent(doc, sid, toks, a if det is None else a - 1) or m.agent
    if m.agent is not None:
        m.construction = "nominal_agent"
    start_np = a - 1 if det is not None else a
    m.hypothetical = _irrealis_before(toks, start_np)
    m.negated = start_np > 0 and toks[start_np - 1].low in NEG or (
        det is not None and det.low == "no")
    return m


def _find_particle(toks: Toks, i: int, particle: str) -> int | None:
    """Index of ``particle`` after the verb at ``i``, directly or after a short object."""
    for j in range(i + 1, min(i + 5, len(toks))):
        tok = toks[j]
        if tok.low == particle:
            return j
        if not tok.text[0].isalnum() or tok.low in PREP or tok.low in CONJ:
            return None
    return None


def read_mention(doc: Doc, sid: int, toks: Toks, i: int, head: int, plan: Plan,
                 start: int, end: int) -> Mention | None:
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
        return read_noun(doc, sid, toks, i, head, plan.noun, start, end)
    if plan.gerund_noun is not None and _gerund_is_noun(toks, i, head):
        return read_noun(doc, sid, toks, i, head, plan.gerund_noun, start, end)
    return _read_verb(doc, sid, toks, i, head, plan.verb, start, end)

