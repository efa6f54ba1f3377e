"""Help a user build a topic: speakers without a side, and words that set outlets apart.

:func:`suggest_actors` lists the most-quoted speakers whose side the topic cannot tell, with the
titles and affiliations written around their names, as a YAML stub to fill in (then pass it
with ``--actors``). :func:`suggest_terms` lists candidate contested words from Fightin' Words
(Monroe, Colaresi & Quinn 2008) between two groups of outlets, with keyword-in-context lines, as
a stub of a term family. Both only suggest: a person decides the sides and the families.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import pandas as pd

from framing._errors import FramingError, missing_column

#: Columns of :func:`suggest_actors`' table.
SUGGEST_ACTOR_COLUMNS = ["speaker", "n_quotes", "n_docs", "n_outlets", "context", "examples"]
_LOWER_OK = {"of", "the", "for", "and", "de", "al", "el", "von", "van", "der"}


_APPOSITIVE = re.compile(r",\s+((?:the|a|an)\s+[^,.;:\"“”]{3,60}?)[,.;]")
_NOT_NAMES = {"a", "an", "the", "it", "he", "she", "they", "we", "i", "you", "this", "that",
              "one", "some", "local", "military", "activists", "sources", "officials"}


def _is_name(speaker: str) -> bool:
    """A proper name (every word capitalised but small joining words and name particles, as
    in "Bashar al-Assad"; not a pronoun or a description such as "A military source"): the
    speakers a topic can list by name."""
    from framing.quotes.words import load_speaker_words

    particle = load_speaker_words().particle_token
    words = str(speaker).split()
    return bool(words) and words[0].lower() not in _NOT_NAMES and all(
        w[:1].isupper() or w.lower() in _LOWER_OK or particle.fullmatch(w) for w in words)


def _context_phrases(text: str, name: str, *, max_words: int = 6) -> list[str]:
    """Title-like phrases written next to ``name`` in ``text``: capitalised words (and a few
    small words) just before it ("Ukrainian Foreign Minister"), or an appositive after it
    (", the separatist commander,")."""
    found = []
    for m in re.finditer(re.escape(name), text):
        before = text[max(0, m.start() - 80):m.start()].split()
        words = []
        for w in reversed(before):
            if (w[:1].isupper() or w.lower() in _LOWER_OK) and not w.endswith((".", ",", ":")):
                words.insert(0, w)
                if len(words) == max_words:
                    break
            else:
                break
        while words and words[0].lower() in _LOWER_OK:
            words.pop(0)
        if words:
            found.append(" ".join(words))
        after = _APPOSITIVE.match(text, m.end(), m.end() + 90)
        if after:
            found.append(after.group(1).strip())
    return found


def suggest_actors(articles: pd.DataFrame, quotes: pd.DataFrame | None = None, *,
                   top: int = 30, text: str = "text", outlet: str = "outlet") -> pd.DataFrame:
    """Most-quoted speakers whose side is ``unknown``, with what the corpus says about them.

    Parameters
    ----------
    articles : DataFrame
        Articles table.
    quotes : DataFrame, optional
        Its quotes table (default: :func:`framing.quotes.find_quotes` on ``articles``).
    top : int, default=30
        Speakers to list, most quoted first.

    Returns
    -------
    DataFrame
        :data:`SUGGEST_ACTOR_COLUMNS`: the speaker, quotes, articles and outlets quoting them,
        ``context`` (the commonest title-like phrases around the name, with counts) and
        ``examples`` (doc ids).
    """
    for col, param in ((text, "text"), (outlet, "outlet")):
        if col not in articles.columns:
            raise FramingError(missing_column(col, articles.columns, param))
    if quotes is None:
        from framing.quotes import find_quotes

        quotes = find_quotes(articles, text=text)
    unknown = quotes[(quotes["speaker_side"] == "unknown") & (quotes["speaker"].astype(str) != "")]
    unknown = unknown[unknown["speaker"].map(_is_name)]
    if unknown.empty:
        return pd.DataFrame(columns=SUGGEST_ACTOR_COLUMNS)
    texts = dict(zip(articles["doc_id"], articles[text], strict=True))
    outlets = dict(zip(articles["doc_id"], articles[outlet], strict=True))
    rows = []
    for speaker, group in unknown.groupby("speaker", sort=False):
        docs = list(dict.fromkeys(group["doc_id"]))
        phrases = Counter(p for d in docs for p in _context_phrases(texts.get(d, ""), speaker))
        rows.append({"speaker": speaker, "n_quotes": len(group), "n_docs": len(docs),
                     "n_outlets": len({outlets.get(d) for d in docs}),
                     "context": "; ".join(f"{p} ({n})" for p, n in phrases.most_common(4)),
                     "examples": ", ".join(map(str, docs[:3]))})
    table = pd.DataFrame(rows, columns=SUGGEST_ACTOR_COLUMNS)
    return table.sort_values(["n_quotes", "n_docs", "speaker"], ascending=[False, False, True],
                             ignore_index=True).head(top)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "actor"


def _quoted(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def actor_stub(table: pd.DataFrame, sides: Sequence[str] = ()) -> str:
    """A YAML stub of ``actors:`` entries from :func:`suggest_actors`, side left ``unknown``;
    a speaker named like a person is of kind person (:func:`framing.quotes.names.may_be_person`
    with the topic's actors), else institution."""
    from framing.actors import load_actors
    from framing.quotes.names import may_be_person

    lexicon = load_actors()
    lines = ["# Speakers quoted in the corpus whose side the topic could not tell.",
             "# Set each side (one of: " + (", ".join(sides) or "the topic's sides") + "),",
             "# add sides: {name: {official: true|false, note: ...}} for new ones, delete the",
             "# entries you do not want, then: framing run --actors THIS_FILE ...",
             "actors:"]
    for row in table.to_dict("records"):
        name = str(row["speaker"])
        parts = name.split()
        patterns = [name] + ([parts[-1]] if len(parts) > 1 and len(parts[-1]) > 3 else [])
        kind = "person" if may_be_person(name, lexicon) else "institution"
        note = (f"quoted {row['n_quotes']} times in {row['n_docs']} articles "
                f"({row['n_outlets']} outlets)" + (f"; around the name: {row['context']}"
                                                   if row["context"] else ""))
        lines.append(f"  - {{id: {_slug(name)}, actor: {_quoted(name)}, kind: {kind}, "
                     f"side: unknown, patterns: [{', '.join(map(_quoted, patterns))}], "
                     f"note: {_quoted(note)}}}")
    return "\n".join(lines) + "\n"


def parse_groups(spec: str, outlets: Sequence[str]) -> tuple[list[str], list[str]]:
    """``"A,B:C,D"`` -> (["A", "B"], ["C", "D"]); ``"A,B"`` compares with every other outlet.
    Unknown outlet names are an error that lists the outlets found."""
    left, _, right = spec.partition(":")
    a = [s.strip() for s in left.split(",") if s.strip()]
    b = [s.strip() for s in right.split(",") if s.strip()] if right else \
        [o for o in outlets if o not in a]
    unknown = [o for o in a + b if o not in set(outlets)]
    if unknown or not a or not b:
        raise FramingError(
            f"--groups {spec!r}: " + (f"no outlet called {', '.join(map(repr, unknown))}; "
                                      if unknown else "both groups need an outlet; ")
            + f"outlets are {', '.join(map(repr, sorted(outlets)))}.")
    return a, b


def suggest_terms(articles: pd.DataFrame, group: Sequence[str], versus: Sequence[str], *,
                  top: int = 15, min_count: int = 3, width: int = 50, text: str = "text",
                  outlet: str = "outlet") -> pd.DataFrame:
    """Words that set ``group`` apart from ``versus`` (both ways), with kwic lines.

    Returns
    -------
    DataFrame
        ``leans, word, z, count_a, count_b, kwic``: the ``top`` words with the largest z
        toward each group (Fightin' Words with an informative Dirichlet prior), and up to two
        keyword-in-context lines each.
    """
    from framing.terms import distinctive_words

    words = distinctive_words(articles, list(group), list(versus), outlet=outlet, text=text,
                              prior="pooled", min_count=min_count)
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    words = words[words["word"].str.contains(r"[^\W\d_]", regex=True)
                  & (words["word"].str.len() > 2) & ~words["word"].isin(ENGLISH_STOP_WORDS)]
    picks = pd.concat([words.nlargest(top, "z").assign(leans="a"),
                       words.nsmallest(top, "z").assign(leans="b")], ignore_index=True)
    corpus = articles[articles[outlet].isin([*group, *versus])][text].tolist()

    def lines(word: str) -> str:
        pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
        shown = []
        for body in corpus:
            for m in pattern.finditer(body):
                left = body[max(0, m.start() - width):m.start()].replace("\n", " ")
                right = body[m.end():m.end() + width].replace("\n", " ")
                shown.append(f"…{left}[{m.group(0)}]{right}…")
                if len(shown) == 2:
                    return " | ".join(shown)
        return " | ".join(shown)

    picks["kwic"] = picks["word"].map(lines)
    picks["leans"] = picks["leans"].map({"a": ", ".join(group), "b": ", ".join(versus)})
    return picks[["leans", "word", "z", "count_a", "count_b", "kwic"]]


def terms_stub(table: pd.DataFrame) -> str:
    """A YAML stub of one term family from :func:`suggest_terms`' words (edit before use)."""
    lines = ["# Candidate contested words; keep the ones that name the same thing in",
             "# competing ways, group them into terms, then: framing run --lexicon THIS_FILE",
             "version: 1", "families:", "  my_family:",
             "    note: 'Words that set the outlet groups apart (framing suggest terms).'",
             "    terms:"]
    for row in table.to_dict("records"):
        note = f"leans to {row['leans']} (z={row['z']:.1f}); {row['kwic'][:120]}"
        lines.append(f"      {_slug(row['word'])}: {{variants: [{_quoted(row['word'])}], "
                     f"note: {_quoted(note)}}}")
    return "\n".join(lines) + "\n"
