"""The analysis of one text: its quotes, attributed, and its voice regions.

:func:`analysis` caches it per text for the stages that ask about the same texts."""

from __future__ import annotations

from framing._errors import FramingError
from framing.actors import ActorLexicon, load_actors
from framing.quotes.attribution import (
    attribute_left,
    attribute_right,
    colon_speaker,
    inherit_speakers,
    introduced_after,
    named_after,
    set_speaker,
    sides_from_affiliation,
    split_inverted,
)
from framing.quotes.base import Quote, last_at
from framing.quotes.cues import CueIndex, RelayWindows, load_cues
from framing.quotes.marks import (
    QA_RE,
    closes_sentence,
    interview_voices,
    is_subhead,
    line_spans,
    marked_spans,
    mask_quotes,
)
from framing.quotes.reported import indirect_quotes
from framing.quotes.sentences import Sentences
from framing.quotes.speakers import Resolver
from framing.text import WORD_RE, per_text_cache

#: Attribution cues are looked for this far (characters) before and after a quote.
_REACH = 600


def analyse(text: str, title: str = "", lexicon: ActorLexicon | None = None
            ) -> tuple[list[Quote], list[tuple[int, int, str, str]]]:
    """Find quotes and voice regions of one text; see :func:`framing.quotes.find_quotes`."""
    if not isinstance(text, str):
        raise FramingError(f"Quotes need text as str. Got {type(text).__name__}.")
    lex = lexicon or load_actors()
    lines = line_spans(text)
    head_end = len(title) if title and text.startswith(title) else 0
    qa = interview_voices(text, lines)
    spans = marked_spans(text, lines)
    masked = mask_quotes(text, spans)
    index = CueIndex(masked, load_cues())
    relays = RelayWindows(masked, load_cues(), index)
    # a title-case headline names no antecedent ("Transit Talks Break Off as Union ...")
    resolver = Resolver(text, lex, " " * head_end + masked[head_end:])
    sentences = Sentences(masked, lines)
    sentence_at, line_starts = sentences.at, sentences.line_starts
    subheads: dict[int, bool] = {}

    def subhead(li: int) -> bool:
        if li not in subheads:
            subheads[li] = is_subhead(text, *lines[li])
        return subheads[li]

    if len(index.lower) == len(masked):  # offsets kept: search the lower-cased text
        def interview(a: int, b: int) -> bool:
            return index.lower.find("interview", a, b) >= 0
    else:
        def interview(a: int, b: int) -> bool:
            return "interview" in masked[a:b].lower()

    quotes: list[Quote] = []
    interviewee = ""
    for s, e in spans:
        q = Quote(s, e)
        ss, _ = sentence_at(s)
        _, se = sentence_at(e - 1)
        ss, se = max(ss, s - _REACH), min(se, e + _REACH)
        li = last_at(line_starts, s)
        left = masked[ss:s]
        starts_sentence = not left.strip(" –—-(")
        att = None if starts_sentence else attribute_left(masked, index, ss, s)
        if att is None:
            right = None if closes_sentence(text, s, e) else \
                attribute_right(masked, index, e, se)
            if right is not None:
                phrase, cue, at, inverted = right
                att = (split_inverted(phrase) if inverted else phrase, cue, at,
                       inverted is not False)
        if att is None and li not in qa:
            who = colon_speaker(text, line_starts[li], s, lex)
            if who:  # "A council spokesman: '…'"
                att = (who, "say", line_starts[li], True)
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
            if interview(ss, se):
                q.kind = q.kind + "+interview"
        quotes.append(q)
    used = {q.cue_at for q in quotes if q.cue_at >= 0 and q.kind.startswith("full")}
    indirect = indirect_quotes(text, masked, index, relays, sentences, lines, quotes, qa,
                               head_end, used, subhead)
    quotes = sorted(quotes + indirect, key=lambda q: (q.start, q.end))
    for q in quotes:  # in text order, so pronouns find the speakers before them
        if q.descriptor:
            set_speaker(q, q.descriptor, resolver, lex)
        if q.kind.endswith("+interview"):
            q.kind = q.kind.split("+")[0]
            interviewee = interviewee or q.speaker
    quotes = [q for q in quotes if q.kind != "indirect" or q.speaker]
    inherit_speakers(quotes, line_starts, qa)
    introduced_after(quotes, text, lines, line_starts, resolver)
    named_after(quotes, text, lines, line_starts, resolver)
    sides_from_affiliation(masked, sentences, quotes, resolver)
    voices = voice_regions(text, lines, head_end, qa, quotes, interviewee)
    return quotes, voices


def voice_regions(text, lines, head_end, qa, quotes, interviewee):
    """Sorted (start, end, voice, speaker) of the headline, the Q/A lines ``qa`` and the
    quotations in marks of ``quotes`` that lie outside them."""
    regions: list[tuple[int, int, str, str]] = []
    if head_end:
        regions.append((0, head_end, "headline", ""))
    for li, voice in sorted(qa.items()):
        a, b = lines[li]
        a += len(QA_RE.match(text, a, b).group()) if QA_RE.match(text, a, b) else 0
        regions.append((a, b, voice, interviewee if voice == "interviewee" else ""))
    taken = sorted((s, e) for s, e, _, _ in regions)
    taken_starts = [s for s, _ in taken]
    for q in quotes:
        k = last_at(taken_starts, q.end - 1)
        if q.kind == "indirect" or (k >= 0 and taken[k][1] > q.start):
            continue
        regions.append((q.start, q.end, "quote", q.speaker))
    return sorted(regions)


@per_text_cache
def analysis(text: str, title: str) -> tuple[tuple[Quote, ...], tuple[tuple, ...]]:
    """Quotes and voice regions of a text with the bundled actor lexicon, kept for the other
    stages that ask about the same text (a pipeline chunk holds up to 1000 articles, and the
    quotes, terms, tone and agency stages each walk it). Callers must not change the quotes."""
    quotes, voices = analyse(text, title)
    return tuple(quotes), tuple(voices)
