"""Quotation marks: pairing them into quotation spans, masking quotations, Q/A lines.

See :mod:`framing.quotes` for the span rules.
"""

from __future__ import annotations

import re

from framing.quotes.base import MASK, is_word, trim_end

# "’’|''|[“”„«»\"]", written as one character class followed by look-behinds so that the
# regex engine skips to candidate characters in C (nearly 3 times as fast)
_DOUBLE_RE = re.compile("[’'“”„«»\"](?:(?<=[“”„«»\"])|(?<=’)’|(?<=')')")
_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = ("”", "»", "’’", "''")
_WORDY = re.compile(r"[^\W_]")
QA_RE = re.compile(r"\s*(Q|A|Question|Answer)\s*[:.]\s", re.IGNORECASE)
_LINE_RE = re.compile(r"[^\n]+")
_NEXT_CHAR_RE = re.compile(r"[ \t]*(\S)")
_SINGLE_RE = re.compile("[‘’']")


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line of ``text``."""
    return [m.span() for m in _LINE_RE.finditer(text)]


def _is_opening_single(text: str, i: int, end: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isalnum() and not after.isspace() and after not in "’'"


def _is_closing_single(text: str, i: int, end: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isspace() and not after.isalnum()


def marked_spans(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Offsets of quotations in marks, in text order (see :mod:`framing.quotes`)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    single_open: int | None = None  # a single quote continued in the next paragraph
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
                if mark in _DOUBLE_OPEN or mark == '"' or mark == "''" and _opens_pair(text, i, b):
                    open_at = i
                continue
            if mark in _DOUBLE_CLOSE or mark == '"' or (
                mark == "“" and not text[i - 1].isspace()
                and (i + 1 >= b or not text[i + 1].isalnum())
            ):
                spans.append((open_at, m.end()))
                open_at = None
            elif mark in _DOUBLE_OPEN:  # the previous quote was never closed
                spans.append((open_at, trim_end(text, open_at, i)))
                open_at = i
        if open_at is not None:
            nxt = lines[li + 1][0] if li + 1 < len(lines) else None
            if nxt is not None and (text[nxt] in _DOUBLE_OPEN or text[nxt] == '"'):
                continue  # multi-paragraph quote
            spans.append((open_at, trim_end(text, open_at, b)))
            open_at = None
        found, single_open = _single_spans(text, singles_from, b, spans[first:], single_open)
        nxt = lines[li + 1][0] if li + 1 < len(lines) else None
        if single_open is not None and (nxt is None or text[nxt] not in "‘'"):
            single_open = None  # unclosed and not continued: no quote (mostly an apostrophe)
        spans.extend(found)
    spans.sort()
    return [(s, e) for s, e in spans if _WORDY.search(text, s, e)]


def _opens_pair(text: str, i: int, end: int) -> bool:
    """Whether the two apostrophes at ``i`` open a quotation (older NYT archives: ''Yes,''
    he said): no word character before them, a word or mark other than a space after."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 2] if i + 2 < end else " "
    return not is_word(before) and not after.isspace()


def _single_spans(text: str, a: int, b: int, doubles: list[tuple[int, int]],
                  carry: int | None = None) -> tuple[list[tuple[int, int]], int | None]:
    """Single quotes of the line ``text[a:b]`` outside ``doubles``, and the start of a quote
    left open at its end; ``carry`` is the start of the quote the line continues (UK style:
    ‘... [paragraph] ‘...’), whose re-opening mark opens the line."""
    if text.find("‘", a, b) < 0 and text.find("'", a, b) < 0:
        return [], None  # no mark that opens a single quote
    inside = [(s, e) for s, e in doubles if e > a and s < b]
    out, open_at, k = [], None, 0
    for m in _SINGLE_RE.finditer(text, a, b):
        i = m.start()
        if carry is not None:
            open_at, carry = carry, None
            if i == a:
                continue
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
    return out, open_at


def closes_sentence(text: str, s: int, e: int) -> bool:
    """Whether the quotation ``text[s:e]`` ends its sentence: a full stop inside the closing
    mark and a new sentence or quotation after it ("… or not.” While some critics say"), so
    a cue after it belongs to the next sentence."""
    if not text[s:e].rstrip("”»\"’'").endswith("."):
        return False
    nxt = _NEXT_CHAR_RE.match(text, e)
    return nxt is None or nxt.group(1).isupper() or nxt.group(1) in "“\"«‘"


def is_subhead(text: str, a: int, b: int) -> bool:
    """AFP subheads: a short line between dashes ("– ‘Beautiful memories’ –")."""
    line = text[a:b].strip()
    return line[:1] in "–—-" and line[-1:] in "–—-" and len(line.split()) <= 8


def interview_voices(text: str, lines: list[tuple[int, int]]) -> dict[int, str]:
    """Line index -> "interviewer" or "interviewee" for the lines of a Q:/A: interview."""
    voices, current = {}, None
    for li, (a, b) in enumerate(lines):
        m = QA_RE.match(text, a, b)
        if m:
            current = "interviewer" if m.group(1).lower().startswith("q") else "interviewee"
        elif current is None or text[a:b].startswith("http"):
            continue
        voices[li] = current
    return voices


def mask_quotes(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the inside of every quotation (but its line breaks) replaced by ``MASK``."""
    pieces, at = [], 0
    for s, e in spans:  # sorted by start; a span may lie inside another
        a, b = max(s + 1, at), e - 1
        if a >= b:
            continue
        inside = text[a:b]
        pieces.append(text[at:a])
        pieces.append("\n".join(MASK * len(p) for p in inside.split("\n")) if "\n" in inside
                      else MASK * len(inside))
        at = b
    pieces.append(text[at:])
    return "".join(pieces)
