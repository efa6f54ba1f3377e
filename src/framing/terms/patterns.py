"""Compiling a lexicon's term families into Aho-Corasick automata, and scanning texts with them.

Matching runs one automaton over a case-folded copy of each text (same length, so offsets
slice the original) and one over the text as written (for capitals-only forms such as "IS"),
checks word boundaries, and keeps the longest match within each family.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import ahocorasick

from framing.lexicon import Lexicon, expand_pattern, fold, fold_case_kept, lower_same_length


@dataclass(frozen=True)
class _Entry:
    family: int  # index into lexicon.families; -1 for a referent cue
    term: int
    exact: str | None  # surface form that must match case-sensitively, else None
    glob: bool
    excluded: bool
    country: str | None = None


@dataclass(frozen=True)
class Compiled:
    """A lexicon compiled for :func:`scan`."""

    folded: ahocorasick.Automaton  # case-insensitive forms, run on the lower-cased text
    exact: ahocorasick.Automaton  # case-sensitive forms (IS, US), run on the text as written
    lexicon: Lexicon


def _is_exact(form: str, case: str) -> bool:
    return case == "exact" or (case == "auto" and not any(c.islower() for c in form))


def _automaton(table: dict[str, list[_Entry]]) -> ahocorasick.Automaton:
    # payload: (key length, country, entries). A key that is only a referent cue carries its
    # country and no entries (the hot path: cue words are most matches). Otherwise entries
    # are (family, not_exact, seq, glob, short_exact, entry); the first three order
    # candidates: family, then exact case before folded, then lexicon order.
    automaton = ahocorasick.Automaton()
    seq = 0
    for key, entries in table.items():
        if all(e.family < 0 and not e.glob for e in entries):
            automaton.add_word(key, (len(key), entries[0].country, ()))
            continue
        packed = []
        for e in entries:
            short = e.exact is not None and e.family >= 0 and len(e.exact) <= 2
            packed.append((e.family, e.exact is None, seq, e.glob, short, e))
            seq += 1
        automaton.add_word(key, (len(key), None, tuple(packed)))
    if table:
        automaton.make_automaton()
    return automaton


@functools.lru_cache(maxsize=16)
def compile_lexicon(lexicon: Lexicon) -> Compiled:
    """The automata of ``lexicon`` (cached: lexicons are immutable and hashable)."""
    folded: dict[str, list[_Entry]] = {}
    exact: dict[str, list[_Entry]] = {}

    def add(pattern: str, entry_args: dict, case: str) -> None:
        glob = pattern.endswith("*")
        for form in expand_pattern(pattern.rstrip("*")):
            if _is_exact(form, case):
                exact.setdefault(form, []).append(_Entry(exact=form, glob=glob, **entry_args))
            else:
                folded.setdefault(fold(form), []).append(_Entry(exact=None, glob=glob,
                                                                **entry_args))

    for fi, fam in enumerate(lexicon.families):
        for ti, term in enumerate(fam.terms):
            for p in term.variants:
                add(p, {"family": fi, "term": ti, "excluded": False}, term.case)
            for p in term.exclude:
                add(p, {"family": fi, "term": ti, "excluded": True}, term.case)
    for country, words in lexicon.referents:
        for w in words:
            add(w, {"family": -1, "term": -1, "excluded": False, "country": country}, "auto")
    return Compiled(_automaton(folded), _automaton(exact), lexicon)


def _in_caps(norm: str, start: int, end: int) -> bool:
    """True when the text around a match is written in capitals (an all-caps headline)."""
    window = norm[max(0, start - 40):start] + norm[end:end + 40]
    letters = [c for c in window if c.isalpha()]
    return len(letters) >= 8 and not any(c.islower() for c in letters)


def scan(text: str, comp: Compiled) -> tuple[list[tuple[int, int, _Entry]], list, str]:
    """Return the kept label matches, the referent cues and the folded text (case kept)."""
    norm = fold_case_kept(text)
    low = lower_same_length(norm)
    n = len(low)
    cands = []
    cue_cands = []
    for automaton, haystack in ((comp.folded, low), (comp.exact, norm)):
        if automaton.kind != ahocorasick.AHOCORASICK:
            continue  # no patterns of this kind
        for last, (klen, country, entries) in automaton.iter(haystack):
            start = last - klen + 1
            if start and low[start - 1].isalnum():
                continue
            end = last + 1
            right_ok = end == n or not low[end].isalnum()
            if country is not None:
                if right_ok:
                    cue_cands.append((start, -end, country))
                continue
            for family, folded, seq, glob, short, e in entries:
                stop = end
                if glob:
                    while stop < n and low[stop].isalnum():
                        stop += 1
                elif not right_ok:
                    continue
                if short and _in_caps(norm, start, end):
                    continue  # "IS" cannot be told from the verb in an all-caps headline
                if family < 0:
                    cue_cands.append((start, -stop, e.country))
                else:
                    cands.append((family, start, start - stop, folded, seq, stop, e))
    # per family: leftmost-longest, exact case first at equal spans
    cands.sort()
    hits = []
    last_family, last_end = None, -1
    for family, start, _, _, _, stop, e in cands:
        if family != last_family:
            last_family, last_end = family, -1
        if start < last_end:
            continue
        last_end = stop
        if not e.excluded:
            hits.append((start, family, stop, e))
    # referent cues: leftmost-longest among themselves
    cue_cands.sort()
    cues, last_end = [], -1
    for start, neg_end, country in cue_cands:
        if start >= last_end:
            cues.append((start, -neg_end, country))
            last_end = -neg_end
    hits.sort()
    return [(h[0], h[2], h[3]) for h in hits], cues, norm
