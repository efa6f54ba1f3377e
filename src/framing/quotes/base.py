"""The quotes table's columns and kinds, the Quote record, and helpers of the quotes modules."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from framing._errors import FramingError, missing_column

QUOTE_COLUMNS = ["doc_id", "quote_id", "start", "end", "text", "kind", "speaker",
                 "speaker_side", "cue", "relay"]
QUOTE_KINDS = ("full", "partial", "scare", "title", "indirect")
VOICES = ("headline", "quote", "interviewer", "interviewee")
#: What :func:`framing.quotes.marks.mask_quotes` writes over the inside of a quotation.
MASK = "_"


@dataclass
class Quote:
    """A quotation (or reported speech) found in a text, while it is being attributed."""

    start: int
    end: int
    kind: str = ""
    speaker: str = ""
    descriptor: str = ""
    side: str = "unknown"
    cue: str = ""
    relay: str = ""
    cue_at: int = -1
    #: The speaker's name opens the speaker phrase: it follows the cue ("said X", "according
    #: to X") or an apposition follows it ("Roman, a resident of ..., said"). Otherwise the
    #: name nearest the cue speaks ("Hockey Association president Marty Jones said").
    name_first: bool = False


def is_word(ch: str) -> bool:
    """True for the characters ``\\w`` matches (``\\b`` lies between word and non-word)."""
    return ch.isalnum() or ch == "_"


class Hit(NamedTuple):
    """A cue match, with the ``re.Match`` methods the attribution code uses."""

    a: int
    b: int
    form: str

    def start(self) -> int:
        return self.a

    def end(self) -> int:
        return self.b

    def group(self) -> str:
        return self.form

    def span(self) -> tuple[int, int]:
        return self.a, self.b


def trim_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over the whitespace that ends ``text[start:end]``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def last_at(starts: list[int], pos: int) -> int:
    """Index of the last of ``starts`` at or before ``pos`` (-1 when none)."""
    return bisect_right(starts, pos) - 1


def column(articles: pd.DataFrame, name: str, param: str | None) -> pd.Series:
    """Column ``name`` of ``articles``, or a FramingError naming the parameter ``param``."""
    if name not in articles.columns:
        raise FramingError(missing_column(name, articles.columns, param))
    return articles[name]
