"""Finding events: every mention of an event word in one text, or in an articles table."""

from __future__ import annotations

import warnings
from bisect import bisect_right
from collections.abc import Iterable, Sequence

import pandas as pd

from framing._errors import FramingError, missing_column
from framing.agency.actorlike import phrase_side, vet_agent
from framing.agency.chunks import text_of
from framing.agency.events import Mention, read_mention
from framing.agency.lexicon import EventLexicon, load_events
from framing.agency.tokens import Doc, token_at
from framing.text import parse_embeds, sentence_index

EVENT_COLUMNS = [
    "doc_id", "sent_id", "start", "end", "match", "verb", "construction", "agent",
    "agent_side", "patient", "patient_side", "voice", "negated", "hypothetical",
]


def _mentions(doc: Doc) -> Iterable[tuple[int, Mention]]:
    text, lex = doc.text, doc.lex
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    n = len(text)
    for end_idx, surface in lex._automaton.iter_long(low):
        start = end_idx - len(surface) + 1
        end = end_idx + 1
        if start > 0 and text[start - 1].isalnum():
            continue
        if end < n and (text[end].isalnum() or text[end] in "-’'" and end + 1 < n
                        and text[end + 1].isalnum() and text[end + 1] not in "sS"):
            continue
        sid = sentence_index(doc.sents, start)
        toks = doc.toks(sid)
        i = token_at(toks, start)
        if i is None:
            continue
        head = token_at(toks, end - 1)
        mention = read_mention(doc, sid, toks, i, head, lex._plans[surface], start, end)
        if mention is not None:
            vet_agent(doc, sid, mention)
            yield sid, mention


# --- voices ----------------------------------------------------------------------------------

def _voice_spans(text: str, title: str) -> list[tuple[int, int, str]]:
    """Voice regions of :func:`framing.quotes.voice_spans` (speakers are not needed here)."""
    from framing.quotes import voice_spans

    return [(int(s[0]), int(s[1]), str(s[2])) for s in voice_spans(text, title, speakers=False)]


# --- per text and per table -----------------------------------------------------------------

def events_in_text(text: str, *, title: str = "", lexicon: EventLexicon | None = None
                   ) -> list[dict]:
    """Find event mentions in one text and classify who did what.

    Parameters
    ----------
    text : str
        The article text (its headline first, when it has one).
    title : str, default=""
        The headline; offsets ``[0, len(title))`` get voice ``headline``.
    lexicon : EventLexicon, optional
        From :func:`load_events`; default the bundled ``lexicons/events.yaml``.

    Returns
    -------
    list of dict
        One dict per mention with the events columns except ``doc_id``.

    See Also
    --------
    find_events : the same for every article of a table.

    Examples
    --------
    >>> [(e["match"], e["construction"], e["agent"]) for e in
    ...  events_in_text("The Syrian jet was shot down by an American F18.")]
    [('shot down', 'passive_agent', 'an American F18')]
    """
    if not isinstance(text, str):
        raise FramingError(f"events_in_text expects text as str. Got {type(text).__name__}.")
    return [dict(zip(EVENT_COLUMNS[1:], row, strict=True))
            for row in _event_rows(text, title, lexicon or load_events())]


def _event_rows(text: str, title: str, lex: EventLexicon, key: tuple = (),
                embeds: Sequence[tuple[int, int]] = ()) -> list[tuple]:
    """The mentions of :func:`events_in_text` as tuples in ``EVENT_COLUMNS[1:]`` order, each
    preceded by the fields of ``key``; voice ``embedded`` for those starting in a span of
    ``embeds``."""
    doc = Doc(text, lex)
    voices = None
    rows = []
    for sid, m in _mentions(doc):
        if voices is None:
            voices = _voice_spans(text, title)  # regions in order, not overlapping
            starts = [v[0] for v in voices]
        agent, patient, start = text_of(text, m.agent), text_of(text, m.patient), m.start
        k = bisect_right(starts, start) - 1
        if embeds and any(s <= start < e for s, e in embeds):
            voice = "embedded"
        else:
            voice = voices[k][2] if k >= 0 and start < voices[k][1] else "narrator"
        rows.append((*key, sid, start, m.end, text[start:m.end], m.lemma, m.construction,
                     agent, phrase_side(agent) if agent else "", patient,
                     phrase_side(patient) if patient else "", voice,
                     bool(m.negated), bool(m.hypothetical)))
    return rows


def find_events(articles: pd.DataFrame, *, text: str = "text",
                lexicon: EventLexicon | None = None, **per_text) -> pd.DataFrame:
    """Build the **events** table: one row per mention of violence or force, with its doer.

    Parameters
    ----------
    articles : DataFrame
        An articles table (``doc_id``, ``text``; ``title`` and ``embeds`` are used when present).
        A str is read as one text, as :func:`events_in_text` does (deprecated, with a
        ``FutureWarning``: the per-text function was once called ``find_events``).
    text : str, default="text"
        Column holding the article text.
    lexicon : EventLexicon, optional
        From :func:`load_events`; default the bundled lexicon.
    **per_text
        ``title``, passed on to :func:`events_in_text` when ``articles`` is a str.

    Returns
    -------
    DataFrame
        Columns ``EVENT_COLUMNS``: ``doc_id``, ``sent_id``, ``start``, ``end`` (offsets of the
        event words: ``text[start:end] == match``), ``match``, ``verb`` (lemma),
        ``construction`` (one of ``CONSTRUCTIONS``), ``agent`` (empty when hidden, and when
        the doer's slot holds no actor: "a rocket killed three" is ``active`` with no agent, a
        by-phrase or modifier naming no actor makes ``*_agentless``), ``agent_side``, ``patient``,
        ``patient_side``, ``voice`` (``embedded`` inside embedded material), ``negated``,
        ``hypothetical``.

    See Also
    --------
    events_in_text : the mentions of one text.
    score_agency : per-outlet shares of mentions that name the doer.
    construction_shares : tidy construction counts for plotting.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"doc_id": ["d1"], "text": ["Russia warns over downing of Syrian jet"]})
    >>> find_events(arts)[["match", "construction", "patient"]].values.tolist()
    [['downing', 'nominal_agentless', 'Syrian jet']]
    """
    if isinstance(articles, str):
        warnings.warn("find_events(text) is renamed events_in_text; the old name will be removed",
                      FutureWarning, stacklevel=2)
        return events_in_text(articles, lexicon=lexicon, **per_text)
    if per_text:
        raise TypeError(f"find_events() got an unexpected keyword argument "
                        f"{next(iter(per_text))!r}")
    if not isinstance(articles, pd.DataFrame):
        raise FramingError(f"find_events expects an articles DataFrame. "
                           f"Got {type(articles).__name__}.")
    for col in ("doc_id", text):
        if col not in articles.columns:
            raise FramingError(missing_column(col, articles.columns,
                                              "text" if col == text else None))
    lex = lexicon or load_events()
    blank = [""] * len(articles)
    titles = articles["title"].tolist() if "title" in articles.columns else blank
    embeds = articles["embeds"].tolist() if "embeds" in articles.columns else blank
    rows = []
    for doc_id, body, title, emb in zip(articles["doc_id"].tolist(), articles[text].tolist(),
                                        titles, embeds, strict=True):
        if body is None or (isinstance(body, float) and pd.isna(body)):
            continue
        title = title if isinstance(title, str) else ""
        embedded = [(a, b) for a, b, _ in parse_embeds(emb)]
        rows += _event_rows(str(body), title, lex, (doc_id,), embedded)
    frame = pd.DataFrame.from_records(rows, columns=EVENT_COLUMNS)
    return frame.astype({"sent_id": "int64", "start": "int64", "end": "int64",
                         "negated": "bool", "hypothetical": "bool"})


