"""Referents: whose state or group a label points at ("Syrian regime" -> syria).

A label's own words and modifiers name its referent when they can
(:func:`explicit_referent`); open labels ("the regime") are then resolved from the article
like a reader would (:func:`resolve_referents`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable

# Words that may stand between a country cue and the label it modifies ("Syrian President
# Bashar al-Assad's government"); anything else breaks the link.
_GLUE_WORDS = frozenset("the pro al president bashar central national interim transitional new "
                        "current ruling own then".split())
# punctuation that separates a cue from a label: anything but letters, digits, spaces,
# hyphens, apostrophes, and periods inside abbreviations ("U.S.")
_GAP_BREAK_RE = re.compile(r"[^\sA-Za-z0-9'.-]|\.(?:\s|$)")
_RIGHT_RE = re.compile(
    r"^[\s-]+(?:of|in|from)\s+(?:(?:the|president|bashar|[A-Z][\w'.-]*)\s+){0,3}$")
_QUANTIFIERS = frozenset("any every no such other many some all most these those foreign western "
                         "arab european regional".split())
# Plural labels that, with no article or modifier, speak of states in general.
_GENERIC_PLURALS = frozenset({"governments", "regimes", "administrations"})
_COUNTRY_POSSESSIVE_RE = re.compile(r"\bthe (?:country|nation)'s\s+$")
_PRONOUN_POSSESSIVE_RE = re.compile(r"\b(?:its|his|their)\s+$")


def article_subject(cues: list[tuple[int, int, str]]) -> str | None:
    """The country the article is mostly about ("other" lumps many countries, so never)."""
    counts = Counter(c[2] for c in cues if c[2] != "other").most_common(2)
    if not counts or counts[0][1] < 2 or (len(counts) > 1 and counts[1][1] == counts[0][1]):
        return None
    return counts[0][0]


def sentence_country(cues: list, cue_starts: list, sent: tuple[int, int]) -> str | None:
    """The country a sentence names, when it names exactly one ("other" aside)."""
    lo, hi = bisect_left(cue_starts, sent[0]), bisect_left(cue_starts, sent[1])
    found = {c[2] for c in cues[lo:hi]} - {"other"}
    return found.pop() if len(found) == 1 else None


def _left_gap_ok(gap: str) -> bool:
    if len(gap) > 40 or _GAP_BREAK_RE.search(gap):
        return False
    words = re.findall(r"[A-Za-z]+", gap.replace("'s", " "))
    return len(words) <= 4 and all(w[0].isupper() or w in _GLUE_WORDS for w in words)


def explicit_referent(norm: str, start: int, end: int, match: str, cues: list,
                       cue_ends: list, cue_starts: list, sent: tuple[int, int]) -> str | None:
    """Referent told by the label's own words and modifiers; None when they say nothing."""
    # a cue inside or overlapping the match ("Assad regime", "pro-Syrian regime")
    i = bisect_right(cue_ends, end) - 1
    if i >= 0 and cues[i][1] > start:
        return cues[i][2]
    # a cue right before it, joined by names and titles ("Syria's government")
    if i >= 0 and _left_gap_ok(norm[cues[i][1]:start]) \
            and not norm[max(0, cues[i][0] - 5):cues[i][0]].lower().endswith(("pro-", "anti-")):
        return cues[i][2]  # "pro-Doha rebels" tells an allegiance, not a nationality
    # a cue right after it ("the government of Syria", "the regime in Damascus")
    j = bisect_left(cue_starts, end)
    if j < len(cues) and cues[j][0] - end <= 40 and _RIGHT_RE.match(norm[end:cues[j][0]]):
        return cues[j][2]
    before = norm[max(0, start - 24):start].lower()
    if _COUNTRY_POSSESSIVE_RE.search(before):
        return None
    if _PRONOUN_POSSESSIVE_RE.search(before):
        k = bisect_right(cue_ends, start) - 1
        return cues[k][2] if k >= 0 and cues[k][0] >= sent[0] else None
    prev = before.split()[-1:] or [""]
    if prev[0] in _QUANTIFIERS or (match.lower() in _GENERIC_PLURALS and prev[0] != "the"):
        return "generic"
    return None


def resolve_referents(found: list[tuple[str, str, str | None, bool, tuple[int, int]]],
                       subject: str | None,
                       sentence_country: Callable[[tuple[int, int]], str | None]) -> list[str]:
    """Fill labels without a modifier from the article, like a reader resolving "the regime".

    ``found`` holds ``(family, term, explicit_referent, lends, sentence_span)`` in text
    order. An open label takes the referent of the last explicit label of the same term before
    it, else the next one after it, else the last (then next) explicit label of the family
    whose term lends its referent (``anaphora`` in the lexicon), else the article's main
    country, else the one country its sentence names, else ``unknown``.
    """
    named = [r if r not in (None, "generic") else None for _, _, r, _, _ in found]

    def scan(order: range) -> tuple[list, list]:
        by_term: dict[tuple[str, str], str] = {}
        by_family: dict[str, str] = {}
        seen_term, seen_family = [None] * len(found), [None] * len(found)
        for k in order:
            fam, term, _, lends, _ = found[k]
            seen_term[k], seen_family[k] = by_term.get((fam, term)), by_family.get(fam)
            if named[k]:
                by_term[(fam, term)] = named[k]
                if lends:
                    by_family[fam] = named[k]
        return seen_term, seen_family

    term_before, family_before = scan(range(len(found)))
    term_after, family_after = scan(range(len(found) - 1, -1, -1))
    countries: dict[tuple[int, int], str | None] = {}
    out = []
    for k, (_, _, ref, _, sent) in enumerate(found):
        if ref is None:
            ref = term_before[k] or term_after[k] or family_before[k] or family_after[k] \
                or subject
        if ref is None:
            if sent not in countries:
                countries[sent] = sentence_country(sent)
            ref = countries[sent] or "unknown"
        out.append(ref)
    return out
