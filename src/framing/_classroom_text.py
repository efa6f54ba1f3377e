"""Text helpers of the classroom: outlet aliases, near misses, paragraphs without giveaways."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from framing.lexicon_io import check_keys, read_yaml

ALIASES_FILE = "classroom.yaml"
#: Placeholder for an outlet's name blanked out of a mystery paragraph.
BLANK = "[outlet]"

# "TEHRAN (FNA)-", "BEIRUT, June 18 (Reuters) -", "WASHINGTON (AP) —" at a paragraph's start
_DATELINE = re.compile(r"^[A-Z][\w.'’ /-]{1,40}(?:,[\w.'’ ]{1,30})?\s*\([A-Za-z.& ]{1,30}\)\s*"
                       r"[-–—:]+\s*")
_BYLINE = re.compile(r"^(By|BY|From) [A-Z][^\n]{0,80}$", re.MULTILINE)


@lru_cache(maxsize=4)
def outlet_aliases(path: str = ALIASES_FILE) -> dict[str, tuple[str, ...]]:
    """Canonical outlet name -> other names students may write (bundled ``classroom.yaml``)."""
    data = read_yaml(path)
    check_keys(path, "(top level)", data, {"version", "outlet_aliases"}, set())
    return {str(k): tuple(str(a) for a in (v or ())) for k, v in data["outlet_aliases"].items()}


def outlet_key(name: object) -> str:
    """Compare outlet names ignoring case, dots, spaces, hyphens and a leading 'The'."""
    text = re.sub(r"^\s*the\s+", "", str(name).casefold())
    return re.sub(r"[^\w]|_", "", text)


def names_of(outlet: str) -> tuple[str, ...]:
    """The outlet's name and its aliases."""
    return (outlet, *outlet_aliases().get(outlet, ()))


def resolve_outlet(guess: str, outlets: list[str]) -> str | None:
    """The outlet (of ``outlets`` or the alias list) a guess names exactly, or None."""
    key = outlet_key(guess)
    for outlet in dict.fromkeys([*outlets, *outlet_aliases()]):
        if key and key in {outlet_key(n) for n in names_of(outlet)}:
            return outlet
    return None


def close_to(guess: str, names: list[str] | tuple[str, ...], key=None) -> bool:
    """Whether ``guess`` is a near miss of one of ``names``: a prefix (3+ letters) or a typo."""
    key = key or _loose
    g = key(guess)
    if len(g) < 3:
        return False
    for name in names:
        n = key(name)
        if n.startswith(g) or g.startswith(n) or difflib.SequenceMatcher(None, g, n).ratio() >= 0.8:
            return True
    return False


def _loose(text: object) -> str:
    return re.sub(r"[\W_]", "", str(text).casefold())


def closest(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """The choice ``word`` is a near miss of (a typo'd key), or None."""
    found = difflib.get_close_matches(_loose(word), [_loose(c) for c in choices], n=1, cutoff=0.75)
    return next((c for c in choices if found and _loose(c) == found[0]), None)


def _name_pattern(name: str) -> re.Pattern:
    if name.isupper() and len(name) <= 5 and name.isalpha():  # acronym: A.F.P. too, case kept
        body, flags = r"\.?".join(map(re.escape, name)) + r"\.?", 0
    else:
        body, flags = re.escape(name).replace(r"\ ", r"\s+"), re.IGNORECASE
    return re.compile(rf"(?<![\w.]){body}(?![\w])", flags)


def giveaways(outlet: str) -> tuple[list[re.Pattern], list[re.Pattern]]:
    """Patterns that betray an outlet: its names and aliases; its signatures (outlets.yaml)."""
    from framing.segment import load_signatures

    names = [_name_pattern(n) for n in sorted(names_of(outlet), key=len, reverse=True)]
    return names, [r.pattern for r in load_signatures().rules if r.outlet == outlet]


def without_giveaways(text: str, outlet: str, bylines: str = "") -> str:
    """A paragraph without its dateline, byline, signature lines and its outlet's names."""
    names, signatures = giveaways(outlet)
    text = _BYLINE.sub("", _DATELINE.sub("", text.strip()))
    for person in re.split(r",| and ", bylines or ""):
        if len(person.strip()) > 3:
            text = text.replace(person.strip(), "[reporter]")
    text = "\n".join(_strip_line(line, signatures) for line in text.split("\n"))
    for pat in names:
        text = pat.sub(BLANK, text)
    return re.sub(r"[ \t]{2,}", " ", re.sub(r"\n{2,}", "\n", text)).strip()


def _strip_line(line: str, patterns: list[re.Pattern]) -> str:
    for pat in patterns:
        line = pat.sub("", line)
    return line
