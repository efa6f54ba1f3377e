"""Finding term hits: per text (:func:`terms_in_text`), per articles table (:func:`find_terms`)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from framing._compat import renamed
from framing._errors import FramingError
from framing.lexicon import Lexicon, load_lexicon
from framing.quotes import voice_spans as quote_voice_spans
from framing.terms.checks import check_articles, require_column
from framing.terms.patterns import Compiled, compile_lexicon, scan
from framing.terms.referents import (
    article_subject,
    explicit_referent,
    resolve_referents,
    sentence_country,
)
from framing.terms.voices import VoiceIndex, any_quoted, parse_embeds
from framing.text import sentence_index, sentence_spans

TERM_HIT_COLUMNS = [
    "doc_id", "sent_id", "start", "end", "family", "term", "match", "referent", "voice", "speaker",
]


def terms_in_text(
    text: str,
    lexicon: Lexicon | None = None,
    *,
    doc_id: str = "",
    title: str = "",
    embeds: Iterable[tuple[int, int, str]] = (),
    sentences: Iterable[tuple[int, int]] | None = None,
    speakers: bool = True,
) -> list[tuple]:
    """Find the labels of ``lexicon`` in one text; return term_hits rows as tuples.

    Parameters
    ----------
    text : str
        The article text (headline first when it has one).
    lexicon : Lexicon, optional
        Defaults to the bundled lexicon.
    doc_id, title : str
        Written into the rows; ``title`` marks the headline voice.
    embeds : iterable of (start, end, author)
        Spans of embedded material (voice ``embedded``).
    sentences : iterable of (start, end), optional
        Sentence spans of ``text`` (default: :func:`framing.text.sentence_spans`).
    speakers : bool, default=True
        Find quotations and their speakers with :mod:`framing.quotes`; False uses quotation
        marks alone (no speaker), several times faster on quote-rich text.

    Returns
    -------
    list of tuple
        In the order of :data:`TERM_HIT_COLUMNS`.

    Examples
    --------
    >>> rows = terms_in_text("The Syrian regime said the rebels lied.")
    >>> [(r[5], r[6], r[7]) for r in rows]
    [('regime', 'Syrian regime', 'syria'), ('rebels', 'rebels', 'syria')]
    """
    if not isinstance(text, str):
        raise FramingError(f"The 'text' parameter of terms_in_text must be a str. "
                           f"Got {type(text).__name__}.")
    comp = compile_lexicon(load_lexicon(lexicon))
    return hit_rows(text, comp, doc_id, title, list(embeds), sentences, speakers)


def hit_rows(text: str, comp: Compiled, doc_id: str, title: str, embeds: list,
             sentences: Iterable[tuple[int, int]] | None, speakers: bool) -> list[tuple]:
    """:func:`terms_in_text` with the lexicon already compiled and no argument checks."""
    lex = comp.lexicon
    hits, cues, norm = scan(text, comp)
    if not hits:
        return []
    sents = list(sentences) if sentences is not None else sentence_spans(text)
    spans = quote_voice_spans(text, title, speakers=False)
    if speakers and any_quoted(hits, spans):  # attribute speakers only where a hit is quoted
        spans = quote_voice_spans(text, title)
    voices = VoiceIndex(spans, embeds) if spans or embeds else None
    cue_ends = [c[1] for c in cues]
    cue_starts = [c[0] for c in cues]
    rows = []
    # referent-bearing rows: (row index, family, term, explicit, anaphora, sentence span)
    pending = []
    for start, end, e in hits:
        fam = lex.families[e.family]
        term = fam.terms[e.term]
        sid = sentence_index(sents, start)
        match = text[start:end]
        if fam.referent:
            sent = sents[sid] if sents else (0, len(text))
            explicit = explicit_referent(norm, start, end, match, cues, cue_ends, cue_starts,
                                         sent)
            pending.append((len(rows), fam.name, term.name, explicit, term.anaphora, sent))
        voice, speaker = voices.voice(start) if voices else ("narrator", "")
        rows.append([doc_id, sid, start, end, fam.name, term.name, match, "", voice, speaker])
    resolved = resolve_referents([p[1:] for p in pending], article_subject(cues),
                                 lambda sent: sentence_country(cues, cue_starts, sent))
    for (k, *_), ref in zip(pending, resolved, strict=True):
        rows[k][7] = ref
    return [tuple(r) for r in rows]


def find_terms(
    articles: pd.DataFrame,
    lexicon: Lexicon | str | None = None,
    *,
    text: str = "text",
    sentences: pd.DataFrame | None = None,
    speakers: bool = True,
) -> pd.DataFrame:
    """Find every contested label in an articles table.

    Parameters
    ----------
    articles : DataFrame
        An articles table: ``doc_id`` and the text column; ``title`` and ``embeds`` are used
        when present (headline and embedded voices).
    lexicon : Lexicon, path or None, default=None
        The bundled lexicon, or one accepted by :func:`framing.lexicon.load_lexicon`.
    text : str, default='text'
        Column holding the text.
    sentences : DataFrame, optional
        The **sentences** table of these articles (``doc_id, sent_id, start, end``), so that
        a pipeline splits sentences once; by default they are split here.
    speakers : bool, default=True
        Attribute quotations to speakers (:mod:`framing.quotes`); False decides voices by
        quotation marks and Q:/A: lines only, leaving ``speaker`` empty, and runs faster.

    Returns
    -------
    DataFrame
        The **term_hits** table (:data:`TERM_HIT_COLUMNS`): ``text[start:end] == match``;
        ``referent`` is empty for families without referents; ``voice`` is one of
        :data:`VOICES`.

    See Also
    --------
    score_terms : per-outlet rates and shares from these hits.
    kwic : the hits in context.

    Examples
    --------
    >>> articles = pd.DataFrame({"doc_id": ["d1"], "text": ["Assad regime forces shelled Homs."]})
    >>> find_terms(articles)[["term", "match", "referent", "voice"]].values.tolist()
    [['regime', 'Assad regime', 'syria', 'narrator']]
    """
    articles = check_articles(articles, "find_terms")
    comp = compile_lexicon(load_lexicon(lexicon))
    ids = require_column(articles, "doc_id", "find_terms", "").astype(str).tolist()
    texts = require_column(articles, text, "find_terms", "text").tolist()
    n = len(ids)
    titles = articles["title"].tolist() if "title" in articles.columns else [""] * n
    embeds = articles["embeds"].tolist() if "embeds" in articles.columns else [None] * n
    sents = _sentences_by_doc(sentences)
    rows: list[tuple] = []
    for doc_id, t, title, emb in zip(ids, texts, titles, embeds, strict=True):
        if t is None or (isinstance(t, float) and np.isnan(t)):
            raise FramingError(f"find_terms: article {doc_id!r} has no text (missing value); "
                               "drop it or fill it with ''.")
        title = title if isinstance(title, str) else ""
        if not isinstance(t, str):
            raise FramingError(f"find_terms: article {doc_id!r} has a text of type "
                               f"{type(t).__name__}; expected str.")
        rows.extend(hit_rows(t, comp, doc_id, title, parse_embeds(emb), sents.get(doc_id),
                             speakers))
    return _hits_frame(rows)


def _sentences_by_doc(sentences: pd.DataFrame | None) -> dict[str, list[tuple[int, int]]]:
    if sentences is None:
        return {}
    for col in ("doc_id", "sent_id", "start", "end"):
        require_column(sentences, col, "find_terms", "")
    ordered = sentences.sort_values(["doc_id", "sent_id"], kind="stable")
    docs = ordered["doc_id"].astype(str).to_numpy()
    spans = list(zip(ordered["start"].tolist(), ordered["end"].tolist(), strict=True))
    cuts = [0, *(np.flatnonzero(docs[1:] != docs[:-1]) + 1).tolist(), len(docs)]
    return {docs[a]: spans[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if b > a}


def _hits_frame(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=TERM_HIT_COLUMNS)
    return frame.astype({"sent_id": "int64", "start": "int64", "end": "int64"} | {
        c: "string" for c in TERM_HIT_COLUMNS if c not in ("sent_id", "start", "end")})


find_terms_in_text = renamed(terms_in_text, "find_terms_in_text")
