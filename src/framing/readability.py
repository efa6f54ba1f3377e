"""Readability of articles: textstat's five classic measures, computed once per article.

textstat (0.7.13) recounts words, sentences and syllables inside every measure and cleans the
text again for each count, so four measures cost about 1 MB/s. :func:`find_readability` follows
textstat's own definitions step by step (the same punctuation removal, word split, sentence
regex, CMU dictionary with Pyphen fallback, and Dale-Chall easy-word list) but counts each
article once and looks each word type up once per process. The values are identical to
textstat's functions, which ``tests/test_readability.py`` checks on every bundled article.

References
----------
Flesch (1948); Kincaid, Fishburne, Rogers & Chissom (1975); Gunning (1952); McLaughlin (1969,
SMOG); Dale & Chall (1948). Formulas and constants as implemented in textstat 0.7.13.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import re
from collections import Counter
from pathlib import Path

import pandas as pd

from framing import stats
from framing._compat import callable_module, renamed
from framing._errors import FramingError, missing_column
from framing.corpus import embed_spans
from framing.measures import measure_id
from framing.offline import ensure_cmudict, nltk_data_dir

MEASURES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "dale_chall_readability_score",
)
READABILITY_COLUMNS = ["doc_id", "n_words", "n_sentences", *MEASURES, "reason"]
#: More words than this without any sentence punctuation make the counts meaningless.
MAX_UNPUNCTUATED_WORDS = 40

# English syllable and easy-word rules do not apply to a text with more non-Latin letters than
# Latin ones.
# textstat's text cleaning (backend/utils/constants.py and transformations): drop apostrophes
# that do not start a contraction ending, then everything that is not a word character,
# white space or an apostrophe.
_NONCONTRACTION_APOSTROPHE_RE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION_RE = re.compile(r"[^\w\s']")
# textstat's sentence count: these segments, less those with two words or fewer.
_SEGMENT_RE = re.compile(r"\b[^.!?]+[.!?]*")
_WORD_CHAR_RE = re.compile(r"\w")
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_LATIN_RE = re.compile(f"[{_LATIN}]")
_OTHER_LETTER_RE = re.compile(rf"[^\W\d_{_LATIN}]")
_FOG_SYLLABLES = 3  # textstat's "syllable_threshold" for English


def _clean(text: str) -> str:
    return _PUNCTUATION_RE.sub("", _NONCONTRACTION_APOSTROPHE_RE.sub("", text))


class _WordTable:
    """Syllables and difficulty per word type, from textstat's own resources, memoised."""

    max_cache = 1_000_000  # word types; cleared when full so memory stays bounded

    def __init__(self) -> None:
        import pyphen

        self.cmu = _cmu_syllables()
        self.pyphen = pyphen.Pyphen(lang="en_US")
        with open(_package_dir("textstat") / "resources" / "en" / "easy_words.txt",
                  encoding="utf-8") as fh:
            self.easy = {line.strip() for line in fh}
        self.cache: dict[str, tuple[int, bool, bool, bool]] = {}

    def syllables(self, word: str) -> int:
        """textstat's count for one lower-case word: CMU vowels, else Pyphen breaks + 1."""
        found = self.cmu.get(word)
        return len(self.pyphen.positions(word)) + 1 if found is None else found

    def info(self, word: str) -> tuple[int, bool, bool, bool]:
        """(syllables, polysyllabic, hard for Gunning fog, hard for Dale-Chall) of ``word``,
        computed and stored in the cache."""
        low = word.lower()
        syl = self.syllables(low)
        easy = low in self.easy
        # textstat re-cleans the lower-cased word before counting its syllables for the
        # difficulty test; that only changes a word whose lower case adds a combining mark.
        again = _clean(low).lower().split()
        syl_hard = syl if again == [low] else sum(self.syllables(w) for w in again)
        hit = (syl, syl >= 3, not easy and syl_hard >= _FOG_SYLLABLES, not easy)
        if len(self.cache) >= self.max_cache:
            self.cache.clear()
        self.cache[word] = hit
        return hit


def _package_dir(name: str) -> Path:
    """Folder of an installed package, found without importing it (textstat imports nltk)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise FramingError(f"readability needs the package {name!r}; install it with "
                           f"`pip install {name}`.")
    return Path(next(iter(spec.submodule_search_locations)))


def _cmu_syllables() -> dict[str, int]:
    """Syllables of each word's first pronunciation in the CMU dictionary textstat reads.

    That is NLTK's ``cmudict`` corpus, which :func:`framing.offline.ensure_cmudict` writes
    (lines ``WORD 1 PH ONES``); reading it here, as NLTK's corpus reader splits it, takes a
    tenth of the time of importing nltk and building ``cmudict.dict()``.
    """
    path = nltk_data_dir() / "corpora" / "cmudict" / "cmudict"
    if not path.is_file():
        ensure_cmudict()
    counts: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            pieces = line.split(None, 2)  # word, variant number, phones
            if pieces:
                word = pieces[0].lower()
                if word not in counts:
                    phones = pieces[2] if len(pieces) > 2 else ""
                    # a vowel's stress digit ends it; no other phone holds a digit
                    counts[word] = len(phones) - len(phones.translate(_NO_DIGITS))
    return counts


_NO_DIGITS = str.maketrans("", "", "0123456789")


@functools.lru_cache(maxsize=1)
def _word_table() -> _WordTable:
    return _WordTable()


def _count_sentences(text: str) -> int:
    """textstat's ``count_sentences``: regex segments with three or more words, at least 1."""
    if not text:
        return 0
    segments = _SEGMENT_RE.findall(text)
    short = 0
    for seg in segments:
        # A white-space chunk survives textstat's cleaning if it holds a word character.
        n = 0
        for chunk in seg.split():
            if _WORD_CHAR_RE.search(chunk):
                n += 1
                if n > 2:
                    break
        if n <= 2:
            short += 1
    return max(1, len(segments) - short)


def _undefined_reason(text: str, words: list[str]) -> str:
    """Why the measures are undefined for ``text`` ("" when they are defined)."""
    if not text.strip():
        return "empty text"
    if not words:
        return "no words"
    if len(words) == 1:
        return "one word"
    if len(words) > MAX_UNPUNCTUATED_WORDS and not any(c in text for c in ".!?"):
        return f"no sentence punctuation in {len(words)} words"
    if not text.isascii():
        other = len(_OTHER_LETTER_RE.findall(text))  # usually 0: one cheap pass
        if other and other > len(_LATIN_RE.findall(text)):
            return "mostly non-Latin script"
    return ""


def readability_in_text(text: str) -> dict:
    """Compute word and sentence counts and the five measures for one text.

    Parameters
    ----------
    text : str
        The text, as textstat would receive it.

    Returns
    -------
    dict
        ``n_words`` (textstat's ``lexicon_count``), ``n_sentences`` (textstat's
        ``sentence_count``), one float per name in :data:`MEASURES`, and ``reason``: empty when
        the measures are defined, else why they are NaN ("empty text", "no words", "one word",
        "no sentence punctuation in N words", "mostly non-Latin script").

    Examples
    --------
    >>> r = readability_in_text("The cat sat on the mat. It was happy there.")
    >>> r["n_words"], r["n_sentences"], round(r["flesch_reading_ease"], 2)
    (10, 2, 108.7)
    """
    if not isinstance(text, str):
        raise FramingError(
            f"The 'text' parameter of readability_in_text must be a str. Got {type(text).__name__}."
        )
    words = _clean(text).split()
    n_words = len(words)
    n_sent = _count_sentences(text)
    row = {"n_words": n_words, "n_sentences": n_sent}
    reason = _undefined_reason(text, words)
    if reason:
        row.update(dict.fromkeys(MEASURES, math.nan), reason=reason)
        return row
    table = _word_table()
    cached = table.cache.get
    syllables = poly = hard_fog = hard_dc = 0
    for word, n in Counter(words).items():
        syl, is_poly, is_hard_fog, is_hard_dc = cached(word) or table.info(word)
        syllables += syl * n
        poly += is_poly * n
        hard_fog += is_hard_fog * n
        hard_dc += is_hard_dc * n
    # Same operations, in the same order, as textstat's metric functions.
    wps = n_words / n_sent
    spw = syllables / n_words
    row["flesch_reading_ease"] = (
        0.0 if wps == 0 or spw == 0 else 206.835 - 1.015 * wps - 84.6 * spw
    )
    row["flesch_kincaid_grade"] = (
        0.0 if wps == 0 or spw == 0 else (0.39 * wps) + (11.8 * spw) - 15.59
    )
    row["gunning_fog"] = 0.4 * (wps + 100 * hard_fog / n_words)
    row["smog_index"] = (1.043 * (30 * (poly / n_sent)) ** 0.5) + 3.1291
    pdw = 100 * hard_dc / n_words
    dale_chall = (0.1579 * pdw) + (0.0496 * wps)
    row["dale_chall_readability_score"] = dale_chall + 3.6365 if pdw > 5 else dale_chall
    row["reason"] = ""
    return row


def host_text(article: pd.Series | dict, text: str = "text") -> str:
    """Return the article's text without its embedded material (tweets and the like).

    Each embedded span is replaced by a paragraph break, so the host outlet's words are scored
    alone and no sentence runs across the cut.
    """
    body = article[text]
    spans = sorted(embed_spans(article)) if "embeds" in article else []
    if not spans:
        return body
    parts, pos = [], 0
    for start, end in spans:
        parts.append(body[pos:max(pos, start)])
        pos = max(pos, end)
    parts.append(body[pos:])
    return "\n\n".join(parts)


def find_readability(articles: pd.DataFrame, *, text: str = "text",
                     doc_id: str = "doc_id") -> pd.DataFrame:
    """Score the readability of every article: the **readability** table.

    Parameters
    ----------
    articles : DataFrame
        An articles table (one row per article).
    text, doc_id : str
        Columns holding the text and the article id.

    Returns
    -------
    DataFrame
        Columns ``doc_id, n_words, n_sentences, flesch_reading_ease, flesch_kincaid_grade,
        gunning_fog, smog_index, dale_chall_readability_score, reason``; embedded material is
        left out (see :func:`host_text`); measures are NaN with a ``reason`` where undefined.

    See Also
    --------
    readability_in_text : the same for one text.
    score_readability : per-outlet means with bootstrap intervals.
    """
    for col, param in ((text, "text"), (doc_id, "doc_id")):
        if col not in articles.columns:
            raise FramingError(missing_column(col, articles.columns, param))
    rows = []
    for record in articles.to_dict("records"):
        row = readability_in_text(host_text(record, text))
        row["doc_id"] = record[doc_id]
        rows.append(row)
    frame = pd.DataFrame(rows, columns=READABILITY_COLUMNS)
    return frame.astype({"n_words": "int64", "n_sentences": "int64"})


def score_readability(scores: pd.DataFrame, articles: pd.DataFrame, *,
                      outlet: str = "outlet", seed: int = stats.SEED) -> pd.DataFrame:
    """Mean readability per outlet with percentile bootstrap intervals over articles.

    Parameters
    ----------
    scores : DataFrame
        The readability table from :func:`find_readability`.
    articles : DataFrame
        The articles table, for each article's outlet.
    outlet : str, default='outlet'
        Column of ``articles`` naming the outlet.
    seed : int
        Seed of the bootstrap.

    Returns
    -------
    DataFrame
        outlet_scores rows: one per outlet and formula of :data:`MEASURES`
        (``readability:mean:<formula>:``); articles whose measures are NaN are left out of
        ``value`` and ``n_docs``; ``n_events`` is the number of sentences behind them.
    """
    return stats.outlet_scores(readability_stats(scores, articles, outlet=outlet), seed=seed)


def readability_stats(scores: pd.DataFrame, articles: pd.DataFrame, *,
                      outlet: str = "outlet") -> pd.DataFrame:
    """Per-article values of :func:`score_readability`'s measures (articles whose value is
    NaN left out); each article adds its sentences to ``n_events``."""
    if outlet not in articles.columns:
        raise FramingError(missing_column(outlet, articles.columns, "outlet"))
    out = stats.ArticleStats(articles, outlet=outlet)
    data = scores.merge(articles[["doc_id"]].reset_index(drop=True).reset_index(),
                        on="doc_id", how="inner", validate="1:1")
    for measure in MEASURES:  # outlet_scores groups the rows by outlet
        ok = data[data[measure].notna()]
        out.add(measure_id("readability", "mean", measure), ok["index"].to_numpy(),
                ok[measure].to_numpy(float), base="articles",
                events=ok["n_sentences"].to_numpy(float))
    return out.frame()


readability = renamed(find_readability, "readability")
text_readability = renamed(readability_in_text, "text_readability")
readability_by_outlet = renamed(score_readability, "readability_by_outlet")
callable_module(__name__, "find_readability")
