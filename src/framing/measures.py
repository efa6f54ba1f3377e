"""Measure ids: one name per per-outlet statistic, built from and parsed into its parts.

Every row of ``outlet_scores`` names its measure twice: as columns (``stage``, ``statistic``,
``family``, ``subject``, ``voice``) to select by, and as one id,
``<stage>:<statistic>:<subject>:<voice>`` (``<family>/<subject>`` when the subject belongs to
a term family). :func:`measure_id` builds the id and :func:`parse_measure` inverts it, so an
id is never split by hand. Empty parts stay empty: ``quotes:share:russia_gov:``.

====================  ==========================================  ===========================
stage                 statistic (subject; voice)                  base (denominator)
====================  ==========================================  ===========================
terms                 rate (family/term, ``*`` whole family;      words / narrator_words
                      all, narrator), share (share name; voice)   labels
quotes                per_article, words_per_article, share,      articles, quotes,
                      word_share (side), official_share,          quoted_words
                      entropy (over sides)
agency                share (construction), named_share (''       events
                      or the doer's side; all, headline, body)
tone                  mean (''/target; all, narrator, quoted),    sentences, mentions,
                      rate (hedge, distancing, scare_quote),      words, quotes
                      loaded_cue_share ('' or side)
readability           mean (the formula)                          articles
====================  ==========================================  ===========================
"""

from __future__ import annotations

import re

from framing._errors import FramingError

#: The parts of a measure, in id order (``family`` is joined to ``subject`` with ``/``).
MEASURE_PARTS = ("stage", "statistic", "family", "subject", "voice")
_NAME = re.compile(r"[^:/\n]*")


def measure_id(stage: str, statistic: str, subject: str = "", voice: str = "",
               family: str = "") -> str:
    """Build the id of a measure from its parts.

    Examples
    --------
    >>> measure_id("terms", "rate", "regime", "all", family="state_label")
    'terms:rate:state_label/regime:all'
    >>> measure_id("quotes", "share", "city_council")
    'quotes:share:city_council:'
    """
    parts = {"stage": stage, "statistic": statistic, "family": family, "subject": subject,
             "voice": voice}
    for name, value in parts.items():
        if not isinstance(value, str) or not _NAME.fullmatch(value):
            raise FramingError(f"Measure part {name!r} must be a string without ':', '/' or "
                               f"newlines. Got {value!r} instead.")
    if not stage or not statistic:
        raise FramingError("A measure needs a stage and a statistic.")
    if family and not subject:
        raise FramingError(f"Measure family {family!r} needs a subject ('*' for all of it).")
    return f"{stage}:{statistic}:{family + '/' if family else ''}{subject}:{voice}"


def parse_measure(measure: str) -> dict[str, str]:
    """Split a measure id into its parts: the inverse of :func:`measure_id`.

    Examples
    --------
    >>> parse_measure("terms:rate:state_label/regime:narrator")
    {'stage': 'terms', 'statistic': 'rate', 'family': 'state_label', 'subject': 'regime', \
'voice': 'narrator'}
    """
    fields = measure.split(":") if isinstance(measure, str) else []
    if len(fields) != 4 or not fields[0] or not fields[1] or fields[2].count("/") > 1:
        raise FramingError(f"A measure id looks like '<stage>:<statistic>:<subject>:<voice>'. "
                           f"Got {measure!r} instead.")
    family, _, subject = fields[2].rpartition("/")
    return {"stage": fields[0], "statistic": fields[1], "family": family, "subject": subject,
            "voice": fields[3]}


def legacy_measure(name: str) -> str:
    """The id of a measure named in the grammar of framing 0.x (before the stage contract).

    Examples
    --------
    >>> legacy_measure("quote_share_russia_gov")
    'quotes:share:russia_gov:'
    >>> legacy_measure("terms:rate:state_label:regime:all")
    'terms:rate:state_label/regime:all'
    """
    for pattern, build in _LEGACY:
        m = pattern.fullmatch(name)
        if m:
            return build(m)
    raise FramingError(f"{name!r} is not a measure name of framing 0.x.")


#: The readability measure names of framing 0.x: frozen with the other old names below (not
#: readability.MEASURES, which may grow new formulas that never had an old name).
_READABILITY = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
                "dale_chall_readability_score")
_LEGACY = [
    (re.compile(r"terms:rate:([^:]+):([^:]+):([^:]+)"),
     lambda m: measure_id("terms", "rate", m[2], m[3], family=m[1])),
    (re.compile(r"terms:share:([^:]+):([^:]+)"),
     lambda m: measure_id("terms", "share", m[1], m[2])),
    (re.compile(r"quotes_(\w+)"), lambda m: measure_id("quotes", "per_article", m[1])),
    (re.compile(r"quoted_words_(\w+)"),
     lambda m: measure_id("quotes", "words_per_article", m[1])),
    (re.compile(r"quote_share_(\w+)"), lambda m: measure_id("quotes", "share", m[1])),
    (re.compile(r"quoted_word_share_(\w+)"), lambda m: measure_id("quotes", "word_share", m[1])),
    (re.compile(r"official_quote_share"), lambda m: measure_id("quotes", "official_share")),
    (re.compile(r"quote_side_entropy"), lambda m: measure_id("quotes", "entropy")),
    (re.compile(r"agency_named_share(?:_(headline|body))?"),
     lambda m: measure_id("agency", "named_share", "", m[1] or "all")),
    (re.compile(r"agency_named_when_doer_(\w+)"),
     lambda m: measure_id("agency", "named_share", m[1], "all")),
    (re.compile(r"agency_share_(\w+)"), lambda m: measure_id("agency", "share", m[1])),
    (re.compile(r"tone_(all|narrator)"), lambda m: measure_id("tone", "mean", "", m[1])),
    (re.compile(r"tone_(\w+)_(narrator|quoted)"), lambda m: measure_id("tone", "mean", m[1], m[2])),
    (re.compile(r"(hedge|distancing|scare_quote)"), lambda m: measure_id("tone", "rate", m[1])),
    (re.compile(r"loaded_cue_share(?:_(\w+))?"),
     lambda m: measure_id("tone", "loaded_cue_share", m[1] or "")),
    (re.compile("|".join(_READABILITY)), lambda m: measure_id("readability", "mean", m[0])),
]

__all__ = ["MEASURE_PARTS", "legacy_measure", "measure_id", "parse_measure"]
