"""Reported speech without quotation marks: "X said (that) ...", "..., X said", "quoted X as
saying", "according to X", "with X saying ..." (quotes of kind ``indirect``)."""

from __future__ import annotations

import re

from framing.quotes.attribution import RELATIVE_RE, split_inverted, subject_before
from framing.quotes.base import MASK, Quote, last_at, trim_end
from framing.quotes.cues import load_cues, not_speech
from framing.quotes.names import DATELINE_RE, clean_subject
from framing.quotes.words import load_speaker_words

#: A "sentence" longer than this (characters) is not one: no reported speech is read from it.
_LONGEST_SENTENCE = 2500
_VERB_START_RE = re.compile(r"(?:was|were|is|are|has|had|have|would|will|could|can|did|does)\b")
_ENDS_HERE_RE = re.compile(r"[\s]*(?:[,.;]|$)")
_THAT_RE = re.compile(r"\s*that\s")
_BEFORE_THAT_RE = re.compile(r"\s*,?\s*(?=that\s)")
#: Where an indirect quote stops: ", but", ";", or ", and" before another speaker's cue
#: ("Forecasters warned X, and aid groups said Y").
_BUT_RE = re.compile(r",\s+but\b|;|,(?=\s+and\s+(?:[\w’'-]+\s+){1,4}(?:said|says|warned|"
                     r"warns|told|tells|added|argued|insisted)\b)")
_WITH_RE = re.compile(r"(?:^|,\s*)[Ww]ith\s+(?=\S)")
# "according to a statement from the Pentagon": the Pentagon speaks
_STATEMENT_OF_RE = re.compile(r"^(?:an?|the)\s+(?:\w+\s+)?(?:statement|report|communiqu[eé]|"
                              r"post|tweet|announcement)\s+(?:from|by|of|issued by|released by)"
                              r"\s+(?=\S)", re.IGNORECASE)
# Cues that may follow their content ("..., the Pentagon said.").
_TRAILING_CUES = frozenset("say tell add report state confirm warn claim insist explain note "
                           "announce write tweet".split())
_QUOTED_AS_RE_TEXT = r"\s+as\s+(?:saying|telling\s+\w+)(?:\s*,?\s*that)?\s+"
_QUOTED_AS_SAYING_RE = re.compile(_QUOTED_AS_RE_TEXT)
_RELATIVE_BEFORE_RE = re.compile(r",\s*(?:who|which)\s[^,]*,\s*$")
#: A clause opening with a subject pronoun and its verb ("she had voted", "he would").
_PRONOUN_CLAUSE_RE = re.compile(r"\s*(?:he|she|they|it|we|I)\s+(?:had|has|have|was|were|is|are|"
                                r"would|will|could|can|did|does|do|should|might|may|\w+ed)\b")
#: Cue forms that are also plural nouns ("states", "reports").
_PLURAL_NOUN_CUES = frozenset(("states", "reports", "claims", "notes", "estimates", "hopes"))
_TELL_OBJECT_RE = re.compile(r"\s+(?:(?:the\s+)?(?:state-owned\s+|state\s+)?(?:[A-Z][\w.\-]*\s*)+"
                             r"(?:news agency)?|reporters|journalists|us|him|her|them|the media)")


def _words_at_least(text: str, n: int) -> bool:
    """Whether ``text`` holds ``n`` words or more (split no further than needed)."""
    return len(text.split(None, n)) >= n


def indirect_quotes(text, masked, index, relays, sentences, lines, quotes, qa, head_end,
                    used, subhead) -> list[Quote]:
    """Reported speech without marks: "X said (that) ...", "..., X said", "quoted X as saying"."""
    cues = load_cues()
    out = []
    line_starts = sentences.line_starts
    direct = [(q.start, q.end) for q in quotes]
    direct_starts = [s for s, _ in direct]
    for ss, se in sentences.near_cues(index):
        found = index.find(ss, se)
        if not found:
            continue
        li = last_at(line_starts, ss)
        if ss < head_end or li in qa or se - ss > _LONGEST_SENTENCE or subhead(li) or \
                text.startswith((">>", "©", "http"), lines[li][0]):
            continue
        body_end = trim_end(text, ss, se)
        while body_end > ss and text[body_end - 1] in ".!?":
            body_end -= 1
        taken_to = ss  # one quote per cue, later cues only after it ("X, and Y said Z")
        for m in found:
            if m.start() in used or m.start() < taken_to:
                continue
            q = _indirect_at(text, masked, taken_to, body_end, se, m, cues)
            if q is None:
                continue
            near = direct[max(0, last_at(direct_starts, q.start) - 1):
                          last_at(direct_starts, q.end) + 1]
            if any(s <= q.start < e or q.start <= s < q.end and e - s >= 0.8 * (q.end - q.start)
                   for s, e in near):
                break
            q.relay = relays.relay(ss, se)
            out.append(q)
            if not _BUT_RE.match(masked, q.end):
                break
            taken_to = q.end
    return out


def _indirect_at(text, masked, ss, body_end, se, m, cues) -> Quote | None:
    form = m.group().lower()
    if form not in cues.clause and form not in ("quoted", "according to"):
        return None
    before = masked[ss:m.start()]
    if not_speech(masked, ss, m.start()):
        return None
    if form in cues.participles or form == "according to":
        q = _according_or_with(text, masked, ss, body_end, m, form)
        if q is not None:
            q.kind, q.cue, q.cue_at = "indirect", cues.lemma[form], m.start()
        return q
    after = masked[m.end():se]
    q = None
    tail = load_speaker_words().after_cue.match(after)
    ends_here = _ENDS_HERE_RE.match(after, tail.end())
    inverted = "," in before and not before[before.rfind(",") + 1:].strip() and \
        after.lstrip()[:1].isupper() and not _words_at_least(after, 17) and \
        not _RELATIVE_BEFORE_RE.search(before)  # "X, who spoke on condition ..., said"
    quoted_as = _QUOTED_AS_SAYING_RE.search(after) if form == "quoted" else None
    rest_at = m.end() + quoted_as.end() if quoted_as else se
    if quoted_as and MASK not in after[:quoted_as.start()] and \
            len(after[:quoted_as.start()].split()) <= 16 and \
            _words_at_least(masked[rest_at:body_end], 4) and masked[rest_at].isalnum() and \
            not load_speaker_words().after_cue.match(masked, rest_at - 1, body_end).end() \
            > rest_at:
        # "The Republic quoted X as saying (that) content": the content follows
        q = Quote(rest_at, trim_end(text, rest_at, body_end), name_first=True)
        q.descriptor = clean_subject(after[:quoted_as.start()])
    elif form == "quoted" or ("," in before and (ends_here or inverted)
                            and cues.lemma[form] in _TRAILING_CUES):
        # "Content, the Pentagon said." / "Content, said NAME, TITLE." / "..., TASS quoted X"
        k = before.rfind(",")
        content = before[:k]
        subject = before[k + 1:]
        if form == "quoted":
            j = after.find(" as ")
            subject = after[:j] if j >= 0 else after
        elif not subject.strip():
            subject = split_inverted(after.strip(" ,.").rstrip("."))
        from_after = form == "quoted" or not before[k + 1:].strip()
        if MASK not in subject and 0 < len(subject.split()) <= 16 and \
                _words_at_least(content, 4):
            start = ss + len(DATELINE_RE.match(content).group()) \
                if DATELINE_RE.match(content) else ss
            q = Quote(start, trim_end(text, start, ss + k), name_first=from_after)
            q.descriptor = clean_subject(subject)
    elif form in cues.clause and not ends_here:
        rest_at = m.end()
        if cues.lemma[form] in ("tell", "assure"):  # the addressee, then the content
            obj = _TELL_OBJECT_RE.match(masked, rest_at, se)
            rest_at = obj.end() if obj else rest_at
            if not _THAT_RE.match(masked, rest_at, se) \
                    and not _PRONOUN_CLAUSE_RE.match(masked, rest_at, se):
                return None  # "told reporters (that) he would appeal", not "told him a story"
        rest_at = load_speaker_words().after_cue.match(masked, rest_at, se).end()
        that = _BEFORE_THAT_RE.match(masked, rest_at, se)
        rest_at = that.end() if that else rest_at
        while rest_at < se and masked[rest_at] == " ":
            rest_at += 1
        end = body_end
        stop = _BUT_RE.search(masked, rest_at, end)
        if stop:
            end = stop.start()
        words = masked[rest_at:end].split(None, 4)  # the first word, and are there 4?
        if len(words) < 4 or not masked[rest_at:rest_at + 1].isalnum() \
                or _VERB_START_RE.match(words[0]) \
                or form in _PLURAL_NOUN_CUES and words[0].endswith("ed"):
            return None  # "storm-battered states collapsed": a noun, no speech
        subject, first = subject_before(masked, ss, m.start())
        if subject and len(subject.split()) <= 25:
            q = Quote(rest_at, trim_end(text, rest_at, end), name_first=first)
            q.descriptor = subject
    if q is None:
        return None
    q.kind, q.cue, q.cue_at = "indirect", cues.lemma[form], m.start()
    return q


def _according_or_with(text, masked, ss, body_end, m, form) -> Quote | None:
    """Reported speech around "according to X" or a participle after "with X".

    "Content, according to X." and "According to X, content." give the content; "..., with
    Washington saying (that) content" gives what follows the participle. The source has at
    most 12 words and no quotation in it; the content has at least 4 words.
    """
    before = masked[ss:m.start()]
    if form == "according to":
        source_end = masked.find(",", m.end(), body_end)
        relative = source_end > 0 and RELATIVE_RE.match(masked, source_end, body_end)
        if before.rstrip().endswith(",") and (source_end < 0 or relative):
            # "Content, according to X." / "Content, according to X, who spoke ..."
            source = masked[m.end():source_end if relative else body_end]
            start = ss + (len(DATELINE_RE.match(before).group())
                          if DATELINE_RE.match(before) else 0)
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
    source = _STATEMENT_OF_RE.sub("", clean_subject(source)) if MASK not in source else ""
    if not source or len(source.split()) > 12 or not _words_at_least(masked[start:end], 4) \
            or not masked[start:start + 1].isalnum():
        return None
    q = Quote(start, trim_end(text, start, end), name_first=form == "according to")
    q.descriptor = source
    return q
