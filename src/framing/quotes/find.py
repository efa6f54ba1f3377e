"""The quotes of one text (:func:`quotes_in_text`) and of an articles table
(:func:`find_quotes`, the **quotes** table)."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable

import pandas as pd

from framing._errors import FramingError
from framing.actors import ActorLexicon, load_actors
from framing.quotes.analyse import analyse, analysis
from framing.quotes.base import QUOTE_COLUMNS, column
from framing.quotes.problems import checked_speaker


def quotes_in_text(text: str, title: str = "", *, outlet: str = "",
                   skip: Iterable[tuple[int, int]] = (),
                   lexicon: ActorLexicon | None = None) -> list[dict]:
    """Find the quotations of one text, with speaker, side, cue and relay.

    Parameters
    ----------
    text : str
        An article's text (beginning with its title, as in the articles table).
    title : str, default=""
        The title; quotations in it are of kind ``"title"``.
    outlet : str, default=""
        The article's outlet: a relay naming it is its own reporting, written as "".
    skip : iterable of (start, end)
        Spans of embedded material; quotations starting inside them are left out.
    lexicon : ActorLexicon, optional
        Actor lexicon for speaker sides (default the bundled one).

    Returns
    -------
    list of dict
        One dict per quotation in text order, with the keys of the quotes table after
        ``quote_id``: start, end, text, kind, speaker, speaker_side, cue, relay.

    Examples
    --------
    >>> [q["speaker"] for q in quotes_in_text('“We feel great joy,” said Abu Saleh al-Hindawi.')]
    ['Abu Saleh al-Hindawi']
    """
    if not isinstance(text, str):
        raise FramingError(f"Quotes need text as str. Got {type(text).__name__}.")
    lex = lexicon or load_actors()
    # the bundled lexicon's analysis is cached per text, shared with voice_spans
    quotes = analysis(text, title)[0] if lex is load_actors() else analyse(text, title, lex)[0]
    skip = tuple(skip)
    rows = []
    for q in quotes:
        if any(s <= q.start < e for s, e in skip):
            continue
        # a speaker is a person, description, source or institution, or nobody
        speaker, side = checked_speaker(q.speaker, q.side)
        rows.append({"start": q.start, "end": q.end, "text": text[q.start:q.end],
                     "kind": q.kind, "speaker": speaker, "speaker_side": side, "cue": q.cue,
                     "relay": "" if q.relay == outlet else q.relay})
    return rows


def find_quotes(articles: pd.DataFrame, *, text: str = "text", title: str = "title",
                outlet: str = "outlet", lexicon: ActorLexicon | None = None) -> pd.DataFrame:
    """Find every quotation in an articles table, with speaker, side, cue and relay.

    Parameters
    ----------
    articles : DataFrame
        An articles table (``doc_id`` and the ``text`` column are required; ``title``,
        ``outlet`` and ``embeds`` are used when present).
    text, title, outlet : str
        Column names.
    lexicon : ActorLexicon, optional
        Actor lexicon for speaker sides (default the bundled one).

    Returns
    -------
    DataFrame
        The **quotes** table: doc_id, quote_id (``<doc_id>-q<n>``), start, end, text
        (``article_text[start:end]``), kind (full, partial, scare, title, indirect), speaker,
        speaker_side, cue (lemma), relay. Quotes inside embedded material are left out.
    """
    if not isinstance(articles, pd.DataFrame):
        raise FramingError(f"find_quotes expects an articles DataFrame. "
                           f"Got {type(articles).__name__}.")
    texts = column(articles, text, "text")
    ids = column(articles, "doc_id", None)
    titles = articles[title] if title in articles.columns else pd.Series([""] * len(articles))
    outlets = articles[outlet] if outlet in articles.columns else pd.Series([""] * len(articles))
    embeds = articles["embeds"] if "embeds" in articles.columns else pd.Series([""] * len(articles))
    lex = lexicon or load_actors()
    rows = []
    columns = (ids, texts, titles, outlets, embeds)  # as lists: faster to walk than Series
    for doc_id, body, head, out, emb in zip(*(c.tolist() for c in columns), strict=False):
        body = "" if body is None or (isinstance(body, float) and math.isnan(body)) else body
        skip = [(int(s), int(e)) for s, e, *_ in json.loads(emb)] if isinstance(emb, str) \
            and emb.strip() else []
        found = quotes_in_text(body, head if isinstance(head, str) else "", skip=skip,
                               outlet=out if isinstance(out, str) else "", lexicon=lex)
        rows.extend((doc_id, f"{doc_id}-q{n}", *q.values()) for n, q in enumerate(found, 1))
    frame = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return frame.astype({"start": "int64", "end": "int64"})
