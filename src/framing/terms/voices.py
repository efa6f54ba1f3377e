"""Voices: whose words a hit stands in (narrator, headline, quotation, interview turn, embed)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from framing.quotes import voice_spans as quote_voice_spans
from framing.text import parse_embeds  # noqa: F401  (the terms modules read it here)

VOICES = ("narrator", "quote", "headline", "interviewer", "interviewee", "embedded")


def voice_spans(text: str, title: str = "", *, speakers: bool = True
                ) -> list[tuple[int, int, str, str]]:
    """Return ``(start, end, voice, speaker)`` spans of headline, quotes and interview turns.

    The regions of :func:`framing.quotes.voice_spans`; with ``speakers=False`` every speaker
    is "" and no attribution is done (much faster).
    """
    return quote_voice_spans(text, title, speakers=speakers)


def any_quoted(hits: list[tuple[int, int, object]], spans: list[tuple[int, int, str, str]]
               ) -> bool:
    """True when some hit starts inside a quotation or an interview turn."""
    inner = [(a, b) for a, b, voice, _ in spans if voice != "headline"]
    starts = [a for a, _ in inner]
    for start, _, _ in hits:
        i = bisect_right(starts, start) - 1
        if i >= 0 and start < inner[i][1]:
            return True
    return False


class VoiceIndex:
    """Answer "which voice holds this offset" for one text in logarithmic time.

    Layers are searched innermost first: embedded material, quotations, then headline and
    interview turns (a quotation inside an answer is a quotation). Spans within a layer do
    not overlap.
    """

    def __init__(self, spans: Sequence[tuple[int, int, str, str]],
                 embeds: Sequence[tuple[int, int, str]]):
        layers = ([(a, b, "embedded", who) for a, b, who in embeds],
                  [sp for sp in spans if sp[2] == "quote"],
                  [sp for sp in spans if sp[2] != "quote"])
        self.layers = [(sorted(la), [sp[0] for sp in sorted(la)]) for la in layers if la]

    def voice(self, start: int) -> tuple[str, str]:
        for spans, starts in self.layers:
            i = bisect_right(starts, start) - 1
            if i >= 0 and start < spans[i][1]:
                return spans[i][2], spans[i][3] or ""
        return "narrator", ""
