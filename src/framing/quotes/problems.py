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
* ``unresolved pronoun``: "he", "she", "it", ... left as they are (:func:`checked_speaker`
  makes such a quote speakerless);
* ``clause``: holds a verb or auxiliary, so it is part of a clause ("He went", "Russia has
  not", "Six people were"), or a past tense with its object after a description ("The
  charity condemned the attack"), or runs over ``_LONGEST`` words;
* ``number``: holds a number outside a hyphenated word ("Ahmed 24"; "28-year-old" is fine);
* ``not a noun phrase``: opens in lower case with no determiner, and holds no person noun,
  group noun (``group_words`` of speakers.yaml: "police", "state media") or name ("rebel
  fire", "operates"), or ends in a function word ("employers hiring and"), or any phrase
  ends in an article or preposition ("A report by the").
"""

from __future__ import annotations

import functools
import re

import pandas as pd

from framing.quotes.words import load_speaker_words

#: A speaker of more words than this is a clause or two phrases glued together.
_LONGEST = 12
_POSSESSIVE_RE = re.compile(r"[’']s?$")
_NUMBER_RE = re.compile(r"(?<![\w-])\d[\d,.:]*(?![\w-])")
_OPEN_OK = re.compile(r"[^\W_]|\(")
_TOKEN_RE = re.compile(r"[^\s,]+")
#: Word endings of participles and past tenses that end a noun phrase ("dressed", "looking").
_VERB_FORM_RE = re.compile(r"(?:ed|ing)$")
_PEOPLE_SOURCE_RE = re.compile(r"people\s+(?:familiar|close|briefed|involved|with knowledge)\b")
#: Plural endings cut before looking up person nouns ("officials", "witnesses").
_PLURALS = (re.compile(r"s\b"), re.compile(r"es\b"))
#: Date words that also stand capitalised in names ("Aleppo Today", "USA Today").
_NAME_DATES = frozenset(("today", "tonight", "tomorrow"))
PROBLEM_COLUMNS = ["doc_id", "quote_id", "speaker", "problem"]


def _named_head(tokens: list[str], words) -> bool:
    head = tokens[0].lower()
    return tokens[0][:1].isupper() and (len(tokens) == 1 or tokens[1][:1].isupper()) \
        and head not in words.function_words and head not in words.stop_caps


@functools.lru_cache(maxsize=8192)
def speaker_problem(speaker: str) -> str:
    """The problem of one speaker string (see :mod:`framing.quotes.problems`), or ""."""
    words = load_speaker_words()
    s = speaker if isinstance(speaker, str) else ""
    if not s.strip():
        return ""
    if s != s.strip() or "\ufffd" in s or not _OPEN_OK.match(s) \
            or not (s[-1].isalnum() or s[-1] in ")." and s[-2:-1].isupper()):
        return "punctuation"
    tokens = _TOKEN_RE.findall(s)
    # acronyms ("WHO", "IS") and capitalised words inside a name ("Aleppo Today") are no
    # function, date or clause words
    # ... and a capitalised first word is a name when a capitalised word follows it or it
    # stands alone ("Will Young", "May")
    low = [t.lower().strip(".") if (k == 0 and not _named_head(tokens, words) or t.islower())
           and not t.isupper() else t for k, t in enumerate(tokens)]
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
    if tokens[0].lower() in words.determiners and _clause_start(tokens, words) is not None:
        return "clause"  # "The charity condemned the attack", "The Russians declared this"
    if _NUMBER_RE.search(s):
        return "number"
    if len(tokens) > 1 and tokens[-1] in _OPEN_ENDS:
        return "not a noun phrase"  # "A report by the"
    if s[:1].islower() and low[0] not in words.determiners and not _described(tokens, s, words):
        return "not a noun phrase"
    return ""


#: Adverbs and auxiliaries that, inside a description, show a clause has begun.
_INNER_ADVERBS = frozenset(("also", "however", "meanwhile", "reportedly", "has", "had", "have",
                            "would", "will", "did", "does", "is", "was", "were", "are"))
#: Quantifiers that stand alone as a subject ("Many pointed their fingers at").
_PRONOUN_QUANTIFIERS = frozenset(("many", "some", "several", "few", "most", "all", "both",
                                  "others", "each"))
#: Lower-case words no speaker ends with.
_OPEN_ENDS = frozenset(("the", "a", "an", "of", "and", "or", "to", "by", "with", "for"))
#: Participles that introduce a name or a place, not an object ("a witness named Ahmad").
_NAMING_PARTICIPLES = frozenset(("named", "called", "dubbed", "nicknamed", "titled", "entitled",
                                 "based", "identified", "described", "known"))


def _clause_start(tokens: list[str], words) -> int | None:
    """Index where a clause begins inside a description, or None: any verb after an age
    ("The 71-year-old lost"); an adverb that opens a clause ("also"); a past tense after the
    first two words that takes an object (a determiner, a pronoun or a capitalised word
    follows it: "placed the", "chastised JAZZ"), unlike a participle that modifies ("a
    statement issued by", "the man arrested after")."""
    first = 1 if tokens[0].lower() in _PRONOUN_QUANTIFIERS else 2  # "Many pointed their"
    age = next((k for k, t in enumerate(tokens[:4]) if t.endswith("year-old")), None)
    if age is not None and age + 1 < len(tokens):  # "The 71-year-old lost most of her stock"
        nxt = tokens[age + 1]
        if nxt.islower() and nxt not in words.function_words \
                and not words.person_words.fullmatch(nxt) and not _VERB_FORM_RE.search(nxt):
            return age + 1
    for k in range(first, len(tokens) - 1):
        if tokens[k] in _INNER_ADVERBS:  # "The foreign ministry also (issued)"
            return k
        nxt = tokens[k + 1]
        if nxt.lower().strip(",.") in words.date_words or nxt in words.months:
            continue  # "a report released Tuesday by"
        if tokens[k].isalpha() and tokens[k].islower() and tokens[k].endswith("ed") \
                and tokens[k] not in _NAMING_PARTICIPLES and (
                nxt.lower() in words.determiners or nxt.lower() in words.pronouns
                or nxt[:1].isupper()):
            return k
    return None


def _described(tokens: list[str], s: str, words) -> bool:
    """Whether a lower-case phrase still names who speaks: it holds a person noun ("rebel
    commanders"), a group noun ("state media", "people familiar with the talks") or a name
    ("al-Hajj", "activist Ahmed"), and no participle after its first word ("team members
    dressed for a game") nor a function word at its end ("employers hiring and")."""
    if tokens[-1].lower() in words.function_words:
        return False
    if any(words.surname_particle.sub("", t)[:1].isupper() for t in tokens) \
            or _PEOPLE_SOURCE_RE.match(s):
        return True
    if any(_VERB_FORM_RE.search(t) for t in tokens[1:]):  # "team members dressed for"
        return False
    return any(words.person_words.search(re.sub(plural, "", s)) for plural in _PLURALS) \
        or any(t.lower() in words.group_words for t in tokens)


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


_MARK_EDGES = re.compile(r"^[^\w(]+|[^\w).]+$")


def repair_speaker(speaker: str) -> str:
    """``speaker`` cut to a speaker without problem when the problem is a part glued to it:
    marks at its edges, lead words ("Meanwhile Sanders"), date words ("Homs Thursday"),
    numbers ("Ahmed 24"); unchanged when no cut leaves a clean speaker."""
    problem = speaker_problem(speaker)
    if problem not in ("punctuation", "lead word", "date", "number", "clause", "possessive",
                       "not a noun phrase"):
        return speaker
    words = load_speaker_words()
    tokens = _MARK_EDGES.sub("", speaker).split()
    if problem == "not a noun phrase":  # "team members dressed for a game": the nouns before
        at = next((k for k in range(1, len(tokens)) if _VERB_FORM_RE.search(tokens[k])
                   or tokens[k].lower() in words.function_words), len(tokens))
        tokens = tokens[:at]
    if problem == "possessive" and len(tokens) > 0:  # "Freeland's" (a speaker left glued)
        tokens[-1] = _POSSESSIVE_RE.sub("", tokens[-1])
    if tokens and tokens[0].lower() in words.determiners:
        at = _clause_start(tokens, words)  # "The charity condemned the attack", "The
        while at and at > 1 and tokens[at - 1].endswith("ly") and tokens[at - 1].islower():
            at -= 1  # camp reportedly hosted", "The office also published a notice"
        tokens = tokens[:at] if at else tokens
    if problem == "clause":  # "The Observatory relies": the noun phrase before the verb
        at = next((k for k in range(1, len(tokens))
                   if tokens[k].lower() in words.clause_words or tokens[k] == "a"
                   and k > 1), None)
        tokens = tokens[:at] if at else tokens
    if tokens and tokens[-1].endswith(".") and not tokens[-1][:-1].isupper():
        tokens[-1] = tokens[-1][:-1]  # "the statement." (not "U.S.")
    if len(tokens) > 2 and tokens[0].lower() in words.function_words:
        # "In Washington the Pentagon": the phrase from the determiner speaks
        at = next((k for k in range(2, len(tokens)) if tokens[k].lower() in words.determiners),
                  None)
        tokens = tokens[at:] if at else tokens
    while len(tokens) > 1 and tokens[0].lower() in (words.function_words | words.stop_caps) \
            and tokens[0].lower() not in words.determiners:
        tokens = tokens[1:]
    tokens = [t for t in tokens if t.lower().strip(",.") not in words.date_words
              and t not in words.months and not _NUMBER_RE.fullmatch(t)]
    while tokens and (tokens[-1].lower() in words.function_words or tokens[-1] in _OPEN_ENDS):
        tokens = tokens[:-1]
    cut = " ".join(tokens)
    return cut if cut and not speaker_problem(cut) else speaker


#: Problems :func:`checked_speaker` lets through: none. A pronoun no antecedent was found for
#: is no answer, nor a lower-case phrase that names no person, group or body: the quote has
#: no speaker.
KEPT_PROBLEMS = ("",)


def checked_speaker(speaker: str, side: str) -> tuple[str, str]:
    """(speaker, side) as the quotes table reports them: repaired when a glued part was the
    problem (:func:`repair_speaker`), nobody (side unknown) when the rest is still no speaker
    (a clause, a fragment, a possessive...)."""
    fixed = repair_speaker(speaker)
    return (fixed, side) if speaker_problem(fixed) in KEPT_PROBLEMS else ("", "unknown")
