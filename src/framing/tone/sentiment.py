"""VADER sentiment of sentences and the **tone** table: each sentence's scores, voice and targets.

Sentiment is VADER (Hutto & Gilbert 2014) as implemented in the authors' own package,
``vaderSentiment`` 3.3.2. It is the reference implementation, it runs about 2.5 times as fast as
the port in nltk 3.10 (2.1 vs 0.82 MB/s per core), and that port differs from it on about 2.3% of
sentences. nltk's port also refuses a lexicon file outside NLTK's data paths, while
``vaderSentiment`` ships its lexicon inside the package, so it works offline.

How far to trust it: on 5,190 New York Times editorial sentences rated by 20 people each
(Hutto & Gilbert's own test set), VADER correlates r = 0.50 with the mean human rating; single
humans reach r = 0.745. Differences of a few hundredths in mean compound score between outlets
are within that noise; read them with their bootstrap intervals.

VADER scores sentences, so an article's tone is the mean of its sentences' scores
(:func:`framing.tone.scores.article_tone`), not one score of the whole text.

References
----------
Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment
Analysis of Social Media Text. ICWSM-14.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Sequence

import pandas as pd

from framing._errors import FramingError
from framing.corpus import embed_spans
from framing.quotes import voice_spans
from framing.text import sentence_spans
from framing.tone.base import require
from framing.tone.targets import sentence_targets

TONE_COLUMNS = ["doc_id", "sent_id", "compound", "pos", "neu", "neg", "voice", "targets"]


@functools.lru_cache(maxsize=1)
def analyzer():
    """vaderSentiment's analyser, with shortcuts that leave every score unchanged.

    ``polarity_scores`` first replaces emoji with their descriptions in a character-by-character
    Python loop (15% of its time on news): text without emoji skips that loop, which would copy
    it unchanged. Words outside the lexicon get valence 0 without a call, as in the package. The
    negation and idiom checks lower-case the whole sentence at every sentiment word, though they
    read at most three words either side: they get that window, re-indexed, and the negation
    check is skipped when no word of its window could change the valence. Every other step is
    the package's own, in its order (vaderSentiment 3.3.2); ``tests/test_tone.py`` checks that
    scores are equal on corpus sentences, the NYT test set and random text.
    """
    from vaderSentiment.vaderSentiment import (
        BOOSTER_DICT,
        NEGATE,
        SentimentIntensityAnalyzer,
        SentiText,
    )

    triggers = frozenset(NEGATE) | {"so", "this"}

    class _Vader(SentimentIntensityAnalyzer):
        def __init__(self) -> None:
            super().__init__()
            self.emoji_chars = frozenset(self.emojis)

        @staticmethod
        def _negation_check(valence, words, start_i, i):
            lo = max(0, i - 3)  # reads words i-3 .. i-1 only
            window = words[lo:i]
            low = [str(w).lower() for w in window]
            if triggers.isdisjoint(low) and "n't" not in " ".join(low):
                return valence  # no negation, "never so", "without doubt" or "so"/"this"
            return SentimentIntensityAnalyzer._negation_check(valence, window, start_i, i - lo)

        @staticmethod
        def _special_idioms_check(valence, words, i):
            if i < 3:  # never called so early; kept exact for negative indices all the same
                return SentimentIntensityAnalyzer._special_idioms_check(valence, words, i)
            return SentimentIntensityAnalyzer._special_idioms_check(valence, words[i - 3:i + 3], 3)

        def polarity_scores(self, text: str) -> dict[str, float]:
            if not self.emoji_chars.isdisjoint(text):
                return super().polarity_scores(text)
            text = text.strip()
            sentitext = SentiText(text)
            words = sentitext.words_and_emoticons
            lexicon = self.lexicon
            lowered = [w.lower() for w in words]
            if not any(w in lexicon for w in lowered):
                return self.score_valence([0] * len(words), text)
            sentiments: list[float] = []
            for i, item in enumerate(words):
                if lowered[i] not in lexicon or lowered[i] in BOOSTER_DICT or (
                        i < len(words) - 1 and lowered[i] == "kind" and lowered[i + 1] == "of"):
                    sentiments.append(0)
                    continue
                sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
            sentiments = self._but_check(words, sentiments)
            return self.score_valence(sentiments, text)

    return _Vader()


def sentence_tone(sentence: str) -> dict[str, float]:
    """Score one sentence with VADER.

    Returns
    -------
    dict
        ``compound`` (-1 to 1) and the shares ``pos``, ``neu``, ``neg``, exactly as
        ``vaderSentiment``'s ``polarity_scores``.

    Examples
    --------
    >>> sentence_tone("We feel great joy.")["compound"]
    0.836
    """
    if not isinstance(sentence, str):
        raise FramingError(
            f"The 'sentence' parameter of sentence_tone must be a str. "
            f"Got {type(sentence).__name__}."
        )
    return analyzer().polarity_scores(sentence)


def _sentence_voices(spans: Sequence[tuple[int, int]], regions: list[tuple[int, int, str]],
                     embeds: list[tuple[int, int]]) -> list[str]:
    """Voice of each sentence: embedded if half of it is embedded, else the voice of most of its
    characters (a tie goes to the quoted voice: "A: No." is the interviewee's)."""
    voices = []
    starts = [r[0] for r in regions]
    for a, b in spans:
        length = b - a
        if sum(max(0, min(b, e) - max(a, s)) for s, e in embeds) * 2 >= length:
            voices.append("embedded")
            continue
        share: dict[str, int] = {}
        j = max(bisect_right(starts, a) - 1, 0)
        while j < len(regions) and regions[j][0] < b:
            s, e, voice = regions[j]
            overlap = min(b, e) - max(a, s)
            if overlap > 0:
                share[voice] = share.get(voice, 0) + overlap
            j += 1
        narrator = length - sum(share.values())
        best = max(share.items(), key=lambda kv: kv[1], default=("narrator", 0))
        voices.append(best[0] if best[1] and best[1] >= narrator else "narrator")
    return voices


def tone_in_text(text: str, title: str = "", *, voices: bool = True,
                 embeds: object = None) -> list[dict]:
    """Score every sentence of one text: the rows :func:`find_tone` gives for it.

    Returns a list of dicts with ``sent_id, compound, pos, neu, neg, voice, targets`` (see
    :func:`find_tone`); ``embeds`` is the article's ``embeds`` cell, if any.
    """
    return [dict(zip(TONE_COLUMNS[1:], row, strict=True))
            for row in _text_rows(text, title, voices, embeds)]


def _text_rows(body: str, head: str, voices: bool, embeds: object):
    spans = sentence_spans(body)
    if voices:
        regions = [(s, e, v) for s, e, v, _ in voice_spans(body, head or "", speakers=False)]
    elif head and body.startswith(head):
        regions = [(0, len(head), "headline")]
    else:
        regions = []
    sent_voices = _sentence_voices(spans, regions, sorted(embed_spans({"embeds": embeds})))
    targets = sentence_targets(body, spans)
    score = analyzer().polarity_scores
    for i, (a, b) in enumerate(spans):
        scores = score(body[a:b])
        yield (i, scores["compound"], scores["pos"], scores["neu"], scores["neg"],
               sent_voices[i], targets[i])


def find_tone(articles: pd.DataFrame, *, text: str = "text", doc_id: str = "doc_id",
              title: str = "title", voices: bool = True) -> pd.DataFrame:
    """Score every sentence of every article: the **tone** table.

    Parameters
    ----------
    articles : DataFrame
        An articles table.
    text, doc_id, title : str
        Columns holding the text, the article id and the title (optional column).
    voices : bool, default=True
        Tell each sentence's voice with :func:`framing.quotes.voice_spans` (headline, quote,
        interviewer, interviewee, else narrator). ``False`` skips that analysis, which costs more
        than the sentiment itself: sentences are then ``headline``, ``embedded`` or
        ``narrator``.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, compound, pos, neu, neg, voice, targets``: one row per sentence of
        the sentences table (same ``sent_id``). ``voice`` is the voice of most of the sentence's
        characters, ``embedded`` when half of it is embedded material (a tweet), which
        per-outlet measures leave out. ``targets`` lists the sides of the actors the sentence
        names (see :func:`target_groups`), sorted and joined by ``;`` ("" for none).

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"doc_id": ["a"], "text": ["Russia condemned the strike. Fine."]})
    >>> table = find_tone(arts)
    >>> table["compound"].tolist(), table["targets"].tolist()
    ([-0.5267, 0.2023], ['russia_gov', ''])
    """
    require(articles, text, "text")
    require(articles, doc_id, "doc_id")
    n = len(articles)
    bodies = articles[text].tolist()
    ids = articles[doc_id].tolist()
    heads = articles[title].tolist() if title in articles.columns else [""] * n
    embeds = articles["embeds"].tolist() if "embeds" in articles.columns else [None] * n
    rows = [(ident, *row)
            for ident, body, head, emb in zip(ids, bodies, heads, embeds, strict=True)
            for row in _text_rows(body, head, voices, emb)]
    frame = pd.DataFrame(rows, columns=TONE_COLUMNS)
    return frame.astype({"sent_id": "int64", "compound": "float64", "pos": "float64",
                         "neu": "float64", "neg": "float64"})
