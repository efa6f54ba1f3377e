"""What a speaker may be, checked over a whole quotes table (:func:`speaker_problems`).

A speaker is a person's name, a pronoun or description resolved to one, a described source
("a Homeland Security Department official"), an institution ("the Pentagon", "SANA"), or
nothing. Everything else is a problem, named by the first rule it breaks:

* ``punctuation``: opens with a mark that is no part of a name (">Sanders", "' he") or ends
  with one ("the statement.");
* ``function word``: a word of a closed class alone ("in", "despite", "which", "who");
* ``possessive``: the owner of something, not a speaker ("Trump's");
* ``date``: holds a date phrase ("On Tuesday Smith", "Homs Thursday", "Published April");
* ``lead word``: opens with a sentence adverb, a conjunction or a preposition glued to the
  name ("Meanwhile Sanders", "In Washington the Pentagon", "Later the source");
* ``unresolved pronoun``: "he", "she", "it", ... left as they are;
* ``clause``: holds a verb or auxiliary, so it is part of a clause ("He went", "Russia has
  not", "Six people were"), or runs over ``_LONGEST`` words;
* ``number``: holds a number outside a hyphenated word ("Ahmed 24"; "28-year-old" is fine);
* ``not a noun phrase``: opens in lower case with no determiner and no person noun ("rebel
  fire", "operates").
"""

from __future__ import annotations

import functools
import re

import pandas as pd

from framing.quotes.words import load_speaker_words

#: A speaker of more words than this is a clause or two phrases glued together.
_LONGEST = 9
_POSSESSIVE_RE = re.compile(r"[’']s?$")
_NUMBER_RE = re.compile(r"(?<![\w-])\d[\d,.:]*(?![\w-])")
_OPEN_OK = re.compile(r"[^\W_]|\(")
_TOKEN_RE = re.compile(r"[^\s,]+")
#: Date words that also stand capitalised in names ("Aleppo Today", "USA Today").
_NAME_DATES = frozenset(("today", "tonight", "tomorrow"))
PROBLEM_COLUMNS = ["doc_id", "quote_id", "speaker", "problem"]


@functools.lru_cache(maxsize=8192)
def speaker_problem(speaker: str) -> str:
    """The problem of one speaker string (see :mod:`framing.quotes.problems`), or ""."""
    words = load_speaker_words()
    s = speaker if isinstance(speaker, str) else ""
    if not s.strip():
        return ""
    if s != s.strip() or not _OPEN_OK.match(s) or not (s[-1].isalnum() or s[-1] in ")."
                                                       and s[-2:-1].isupper()):
        return "punctuation"
    tokens = _TOKEN_RE.findall(s)
    # acronyms ("WHO", "IS") and capitalised words inside a name ("Aleppo Today") are no
    # function, date or clause words
    low = [t.lower().strip(".") if (k == 0 or t.islower()) and not t.isupper() else t
           for k, t in enumerate(tokens)]
    if len(tokens) == 1 and (low[0] in words.function_words or low[0] in words.stop_caps
                             and low[0] not in words.pronouns):
        return "function word"
    if _POSSESSIVE_RE.search(s):
        return "possessive"
    if any(t.lower() in words.date_words and (t.islower() or t.lower() not in _NAME_DATES)
           for t in tokens) or any(t in words.months for t in tokens[:1]) \
            and len(tokens) > 1 and not tokens[1][:1].isupper():
        return "date"
    if low[0] in words.pronouns:
        return "unresolved pronoun" if len(tokens) == 1 else "clause"
    if len(tokens) > 1 and (low[0] in words.function_words or low[0] in words.stop_caps) \
            and low[0] not in words.determiners:
        return "lead word"
    if any(t in words.clause_words for t in low[1:]) or low[0] in words.clause_words \
            or len(tokens) > _LONGEST or (low[0] in words.pronouns and len(tokens) > 1):
        return "clause"
    if _NUMBER_RE.search(s):
        return "number"
    if s[:1].islower() and low[0] not in words.determiners \
            and not words.person_words.search(re.sub(r"s\b", "", s)) and not any(
                t[:1].isupper() for t in tokens):
        return "not a noun phrase"
    return ""


def speaker_problems(quotes: pd.DataFrame) -> pd.DataFrame:
    """Every speaker of a quotes table that is no person, resolved pronoun or description,
    described source or institution, with the reason.

    Parameters
    ----------
    quotes : DataFrame
        A quotes table (:func:`framing.quotes.find_quotes`): ``doc_id``, ``quote_id`` and
        ``speaker`` are read.

    Returns
    -------
    DataFrame
        doc_id, quote_id, speaker and problem (see :mod:`framing.quotes.problems`) of each
        flagged quote, in table order; empty when every speaker is fine.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"doc_id": ["a", "a"], "quote_id": ["a-q1", "a-q2"],
    ...                       "speaker": ["Trump's", "Bernie Sanders"]})
    >>> speaker_problems(table)[["speaker", "problem"]].values.tolist()
    [["Trump's", 'possessive']]
    """
    cache: dict[str, str] = {}
    rows = []
    for doc, qid, speaker in zip(quotes["doc_id"], quotes["quote_id"], quotes["speaker"],
                                 strict=True):
        if speaker not in cache:
            cache[speaker] = speaker_problem(speaker)
        if cache[speaker]:
            rows.append((doc, qid, speaker, cache[speaker]))
    return pd.DataFrame(rows, columns=PROBLEM_COLUMNS)
