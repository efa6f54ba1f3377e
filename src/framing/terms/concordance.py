"""Concordance: every hit of a term in its context (:func:`kwic`), down to the raw-file line."""

from __future__ import annotations

import html

import pandas as pd

from framing._errors import FramingError, bad_value
from framing.corpus import raw_line
from framing.lexicon import Lexicon, expand_pattern, fold, load_lexicon
from framing.measures import parse_measure as parse_id
from framing.terms.checks import check_articles, require_column
from framing.terms.find import find_terms
from framing.terms.voices import VOICES

KWIC_COLUMNS = ["doc_id", "outlet", "line", "left", "match", "right", "family", "term",
                "referent", "voice", "speaker", "start", "end"]


class KwicFrame(pd.DataFrame):
    """A keyword-in-context table that renders as an aligned concordance in notebooks."""

    @property
    def _constructor(self):
        return KwicFrame

    def _repr_html_(self) -> str:
        cols = [c for c in self.columns if c not in ("left", "match", "right", "start", "end")]
        head = "".join(f"<th>{html.escape(str(c))}</th>" for c in cols)
        body = []
        for rec in self.to_dict("records"):
            cells = "".join(f"<td>{html.escape(str(rec[c]))}</td>" for c in cols)
            body.append(
                f"<tr>{cells}<td style='text-align:right;white-space:pre'>"
                f"{html.escape(str(rec.get('left', '')))}</td><td style='text-align:center'>"
                f"<b>{html.escape(str(rec.get('match', '')))}</b></td>"
                f"<td style='text-align:left;white-space:pre'>"
                f"{html.escape(str(rec.get('right', '')))}</td></tr>")
        return (f"<table class='framing-kwic'><thead><tr>{head}<th>left</th><th>match</th>"
                f"<th>right</th></tr></thead><tbody>{''.join(body)}</tbody></table>")

    def to_text(self, width: int | None = None) -> str:
        """The concordance as aligned plain text, one hit per line."""
        if self.empty:
            return "(no hits)"
        lw = width or max(len(s) for s in self["left"])
        lines = []
        for rec in self.to_dict("records"):
            where = f"{rec['doc_id']}:{rec['line'] if rec['line'] is not None else '?'}"
            lines.append(f"{where:<10} {rec['left'][-lw:]:>{lw}} [{rec['match']}] {rec['right']}")
        return "\n".join(lines)


def kwic(
    articles: pd.DataFrame,
    term: str | None = None,
    *,
    hits: pd.DataFrame | None = None,
    lexicon: Lexicon | str | None = None,
    outlet: str | None = None,
    family: str | None = None,
    voice: str | None = None,
    referent: str | None = None,
    measure: str | None = None,
    width: int = 40,
    outlet_col: str = "outlet",
    text: str = "text",
) -> KwicFrame:
    """Keyword in context: every hit of a term with its surroundings and raw-file line.

    Parameters
    ----------
    articles : DataFrame
        Articles table (``doc_id``, text, outlet; ``paragraph_lines`` or ``source_lines`` give
        the raw line).
    term : str, optional
        A term name of the lexicon (``regime``) or a surface form (``Assad regime``), compared
        case-insensitively. A word the lexicon does not know is searched for as a pattern of
        its own (family ``query``). None keeps every term.
    hits : DataFrame, optional
        term_hits to show (default: :func:`find_terms` on ``articles``).
    lexicon : Lexicon, path or None
        Lexicon used when ``hits`` is not given.
    outlet, family, voice, referent : str, optional
        Keep only hits with these values.
    measure : str, optional
        A ``terms:`` measure of :func:`~framing.terms.score_terms`: keep exactly the hits it
        counts (for a share, the hits of its denominator), so that with ``outlet`` the table
        has ``n_events`` rows.
    width : int, default=40
        Characters of context on each side (line breaks shown as spaces).
    outlet_col, text : str
        Columns of ``articles`` holding the outlet and the text.

    Returns
    -------
    KwicFrame
        Columns :data:`KWIC_COLUMNS`, in document order.

    Examples
    --------
    >>> articles = pd.DataFrame({"doc_id": ["d1"], "outlet": ["X"],
    ...                          "text": ["Rebels said the regime shelled Homs."]})
    >>> kwic(articles, "regime", width=10)[["left", "match", "right"]].values.tolist()
    [[' said the ', 'regime', ' shelled H']]
    """
    articles = check_articles(articles, "kwic")
    lex = load_lexicon(lexicon)
    if voice is not None and voice not in VOICES:
        raise FramingError(bad_value("voice", "kwic", VOICES, voice))
    if family is not None and family not in lex.family_names() and hits is None:
        raise FramingError(bad_value("family", "kwic", lex.family_names(), family))
    if outlet is not None:
        names = require_column(articles, outlet_col, "kwic", "outlet_col").astype(str)
        if outlet not in set(names):
            raise FramingError(bad_value("outlet", "kwic", set(names), outlet))
        articles = articles[names == outlet]
    if hits is None:
        known = {t.name.lower() for _, t in lex.iter_terms()}
        if term is not None and term.lower() not in known and not _is_variant(lex, term):
            lex = load_lexicon({"families": {"query": {"note": "kwic query", "terms": {
                term: {"note": "kwic query", "variants": [term], "case": "any"}}}}},
                extend=False)
        hits = find_terms(articles, lex, text=text)
    sel = hits if measure is None else _measure_hits(hits, lex, measure)
    if term is not None:
        key = term.lower()
        sel = sel[(sel["term"].str.lower() == key) | (sel["match"].str.lower() == key)]
    for col, val in (("family", family), ("voice", voice), ("referent", referent)):
        if val is not None:
            sel = sel[sel[col] == val]
    by_id = dict(zip(articles["doc_id"].astype(str), articles.to_dict("records"), strict=True))
    records = []
    for h in sel.to_dict("records"):
        art = by_id.get(h["doc_id"])
        if art is None:  # hits of articles filtered out (another outlet)
            continue
        t = art[text]
        s, e = int(h["start"]), int(h["end"])
        records.append({
            "doc_id": h["doc_id"],
            "outlet": art.get(outlet_col, ""),
            "line": raw_line(art, s),
            "left": _flat(t[max(0, s - width):s]),
            "match": h["match"],
            "right": _flat(t[e:e + width]),
            **{c: h[c] for c in ("family", "term", "referent", "voice", "speaker")},
            "start": s,
            "end": e,
        })
    return KwicFrame(pd.DataFrame(records, columns=KWIC_COLUMNS))


def _measure_hits(hits: pd.DataFrame, lex: Lexicon, measure: str) -> pd.DataFrame:
    """The hits that ``score_terms`` counts for ``measure`` (embedded material never counts)."""
    spec = parse_id(measure)
    if spec["stage"] != "terms":
        raise FramingError(f"kwic expands measures of the terms stage; got {measure!r}.")
    sel = hits[hits["voice"] != "embedded"]
    if spec["voice"] == "narrator":
        sel = sel[sel["voice"] == "narrator"]
    if spec["statistic"] == "rate":
        sel = sel[sel["family"] == spec["family"]]
        return sel if spec["subject"] == "*" else sel[sel["term"] == spec["subject"]]
    shares = {sh.name: sh for sh in lex.shares}
    if spec["subject"] not in shares:
        raise FramingError(bad_value("measure", "kwic", [f"terms:share:{n}:<voice>"
                                                         for n in shares], measure))
    share = shares[spec["subject"]]
    sel = sel[sel["family"] == share.family]
    if share.referent is not None:
        sel = sel[sel["referent"] == share.referent]
    if "*" not in share.denominator:
        sel = sel[sel["term"].isin(share.denominator)]
    return sel


def _flat(s: str) -> str:
    return s.translate({10: " ", 13: " ", 9: " "})


def _is_variant(lex: Lexicon, surface: str) -> bool:
    key = fold(surface)
    return any(fold(f) == key for _, t in lex.iter_terms() for p in t.variants
               for f in expand_pattern(p.rstrip("*")))
