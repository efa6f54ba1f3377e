"""Sentences of a masked text, split lazily line by line."""

from __future__ import annotations

from collections.abc import Iterator

from framing.quotes.base import last_at
from framing.quotes.cues import CueIndex
from framing.text import _sentence_spans  # the cached splitter, without the type check


class Sentences:
    """Sentence spans of a masked text, split line by line as far as they are asked for.

    A line is split with :func:`framing.text.sentence_spans` when first asked for. :meth:`at`
    gives the last sentence starting at or before an offset, else the first sentence, else
    the whole text.
    """

    def __init__(self, masked: str, lines: list[tuple[int, int]]):
        self.masked, self.lines = masked, lines
        self.line_starts = [a for a, _ in lines]
        self._split: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}
        self._last: dict[int, tuple[int, int] | None] = {}  # last sentence up to a line
        self._first: tuple[int, int] | None = None

    def of_line(self, li: int) -> tuple[list[tuple[int, int]], list[int]]:
        """The sentences of line ``li`` and their starts."""
        if li not in self._split:
            a, b = self.lines[li]
            spans = [(a + s, a + e) for s, e in _sentence_spans(self.masked[a:b])]
            self._split[li] = spans, [s for s, _ in spans]
        return self._split[li]

    def at(self, pos: int) -> tuple[int, int]:
        li = last_at(self.line_starts, pos)
        if li >= 0:
            spans, starts = self.of_line(li)
            k = last_at(starts, pos)
            found = spans[k] if k >= 0 else self._last_up_to(li - 1)
            if found is not None:
                return found
        return self._first_sentence()

    def _last_up_to(self, li: int) -> tuple[int, int] | None:
        empty = []
        while li >= 0 and li not in self._last:
            spans = self.of_line(li)[0]
            if spans:
                self._last[li] = spans[-1]
                break
            empty.append(li)
            li -= 1
        found = self._last[li] if li >= 0 else None
        for k in empty:
            self._last[k] = found
        return found

    def _first_sentence(self) -> tuple[int, int]:
        if self._first is None:
            first = next((self.of_line(li)[0][0] for li in range(len(self.lines))
                          if self.of_line(li)[0]), None)
            self._first = first or (0, len(self.masked))
        return self._first

    def near_cues(self, index: CueIndex) -> Iterator[tuple[int, int]]:
        """In text order, every sentence that may hold a cue of ``index`` (a line without a
        cue form is not split)."""
        for li in sorted({last_at(self.line_starts, at) for at in index.near}):
            if li >= 0:
                yield from self.of_line(li)[0]
