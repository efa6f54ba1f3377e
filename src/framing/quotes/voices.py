"""Voice regions of a text (headline, quote, interviewer, interviewee): :func:`voice_spans`,
with or without speakers."""

from __future__ import annotations

from framing._errors import FramingError
from framing.quotes.analyse import analysis, voice_regions
from framing.quotes.base import Quote
from framing.quotes.marks import interview_voices, line_spans, marked_spans
from framing.text import per_text_cache


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
        return list(analysis(text, title)[1])
    return list(marked_voices(text, title))


@per_text_cache  # terms, score_terms, tone and agency ask for the same texts
def marked_voices(text: str, title: str) -> tuple[tuple[int, int, str, str], ...]:
    """:func:`voice_spans` without speakers."""
    lines = line_spans(text)
    head_end = len(title) if title and text.startswith(title) else 0
    # Every quotation in marks is a "quote" region, whoever speaks it (see voice_regions).
    quotes = [Quote(s, e) for s, e in marked_spans(text, lines)]
    return tuple(voice_regions(text, lines, head_end, interview_voices(text, lines), quotes,
                               ""))
