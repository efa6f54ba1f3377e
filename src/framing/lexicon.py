"""Term lexicons: load, validate and merge families of contested labels.

The bundled lexicon is ``lexicons/terms.yaml`` (its header documents the format). Users can pass
their own file in the same format, a quanteda-style YAML dictionary (``key: [pattern, ...]``,
nested keys allowed) or a LIWC-style ``.dic`` file; ``*`` at the end of a pattern matches any
word ending in all three.
"""

from __future__ import annotations

import itertools
import re
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framing._errors import FramingError, bad_entry, bad_value
from framing.lexicon_io import check_keys, read_yaml
from framing.topic import extra_files, topic_cached, topic_file

BUNDLED = "terms.yaml"
CASE_MODES = ("auto", "exact", "any")
#: Referent values a hit can take besides the countries of the lexicon's ``referents``.
REFERENT_EXTRA = ("generic", "unknown")

_TOP_KEYS = {"version", "families", "shares", "referents"}
_FAMILY_KEYS = {"note", "referent", "terms"}
_TERM_KEYS = {"note", "variants", "case", "exclude", "anaphora"}
_SHARE_KEYS = {"family", "numerator", "denominator", "referent", "note"}
_NAME_RE = re.compile(r"^[^\s:][^:]*$")
_BRACE_RE = re.compile(r"\{([^{}]*)\}")
#: Unicode hyphens and apostrophes folded to ASCII before matching (one character each, so
#: offsets are unchanged); line breaks and no-break spaces fold to a plain space.
FOLD_TABLE = str.maketrans(
    {c: "-" for c in "\u2010\u2011\u2012\u2013\u2212\u00ad"}
    | {c: "'" for c in "\u2019\u2018\u02bc\u2032`\u00b4"}
    | {c: " " for c in "\n\r\t\u00a0\u2009\u202f"}
)


@dataclass(frozen=True)
class Term:
    """One label of a family with the surface forms that count as it."""

    name: str
    variants: tuple[str, ...]
    note: str = ""
    case: str = "auto"
    exclude: tuple[str, ...] = ()
    anaphora: bool = True


@dataclass(frozen=True)
class Family:
    """Competing labels for one thing (``state_label``: regime, government, ...)."""

    name: str
    terms: tuple[Term, ...]
    note: str = ""
    referent: bool = False

    def term_names(self) -> list[str]:
        """Names of the family's terms, in lexicon order."""
        return [t.name for t in self.terms]


@dataclass(frozen=True)
class Share:
    """Share of ``numerator`` terms among ``denominator`` terms of one family."""

    name: str
    family: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    referent: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Lexicon:
    """A validated set of term families, label shares and referent cue words.

    Build it with :func:`load_lexicon`; it is immutable and hashable, so compiled matchers
    can be cached per lexicon.
    """

    families: tuple[Family, ...]
    shares: tuple[Share, ...] = ()
    referents: tuple[tuple[str, tuple[str, ...]], ...] = ()
    source: str = ""

    def family(self, name: str) -> Family:
        """Return the family called ``name``."""
        for fam in self.families:
            if fam.name == name:
                return fam
        raise FramingError(bad_value("family", "Lexicon.family", self.family_names(), name))

    def family_names(self) -> list[str]:
        """Names of the families, in lexicon order."""
        return [f.name for f in self.families]

    def iter_terms(self) -> Iterator[tuple[Family, Term]]:
        """Yield every ``(family, term)`` pair."""
        for fam in self.families:
            for term in fam.terms:
                yield fam, term

    def referent_values(self) -> list[str]:
        """Every value the ``referent`` column can take with this lexicon."""
        return [c for c, _ in self.referents] + list(REFERENT_EXTRA)


_FOLD_ITEMS = tuple((chr(k), v) for k, v in FOLD_TABLE.items())


def fold_case_kept(text: str) -> str:
    """Fold hyphens, apostrophes and spaces as :data:`FOLD_TABLE` does, keeping case.

    Faster than ``str.translate`` on long texts: only characters present are replaced.
    """
    for char, repl in _FOLD_ITEMS:
        if char in text:
            text = text.replace(char, repl)
    return text


def lower_same_length(text: str) -> str:
    """``text.lower()``, except characters that would lower-case to two ("İ") stay as they are."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def fold(text: str) -> str:
    """Lower-case ``text`` and fold hyphens, apostrophes and spaces, keeping its length.

    Examples
    --------
    >>> fold("Assad’s ANTI‐government")
    "assad's anti-government"
    """
    return lower_same_length(fold_case_kept(text))


def expand_pattern(pattern: str) -> list[str]:
    """Expand braces and hyphens of a lexicon pattern into the surface forms it stands for.

    ``{a,b}`` gives each alternative; a hyphen also stands for a space. The result is
    normalised with :data:`FOLD_TABLE` but keeps its case.

    Examples
    --------
    >>> expand_pattern("self-defen{c,s}e")
    ['self-defence', 'self defence', 'self-defense', 'self defense']
    """
    pattern = pattern.translate(FOLD_TABLE).strip()
    parts = _BRACE_RE.split(pattern)
    # split() alternates literal text and brace contents
    choices = [[p] if i % 2 == 0 else p.split(",") for i, p in enumerate(parts)]
    forms = ["".join(c) for c in itertools.product(*choices)]
    out: list[str] = []
    for form in forms:
        pieces = form.split("-")
        for seps in itertools.product("- ", repeat=len(pieces) - 1):
            cand = pieces[0] + "".join(s + p for s, p in zip(seps, pieces[1:], strict=True))
            if cand not in out:
                out.append(cand)
    return out


def load_lexicon(
    source: str | Path | Mapping | Lexicon | None = None, *, extend: bool = True
) -> Lexicon:
    """Load and validate a term lexicon.

    Parameters
    ----------
    source : path, mapping, Lexicon or None, default=None
        None for the bundled ``terms.yaml``; a path to a YAML file in the bundled format, a
        quanteda-style YAML dictionary, or a LIWC-style ``.dic`` file; or an already parsed
        mapping in one of the two YAML layouts.
    extend : bool, default=True
        Add the user's families to the bundled ones (a family with the same name replaces
        the bundled one). False uses the user's lexicon alone.

    Returns
    -------
    Lexicon

    Raises
    ------
    FramingError
        On an unknown key, an empty or malformed pattern, a share naming a missing term;
        the message names the file and the entry.

    Examples
    --------
    >>> lex = load_lexicon()
    >>> "state_label" in lex.family_names()
    True
    """
    if isinstance(source, Lexicon):
        return source
    if source is None:
        return _load_bundled()
    user = _read_user(source)
    return _merge(_load_bundled(), user) if extend else user


def _read_user(source: str | Path | Mapping) -> Lexicon:
    """A user's lexicon from a mapping or a file (framing or quanteda YAML, LIWC .dic)."""
    if isinstance(source, Mapping):
        user = _parse_any(dict(source), "lexicon mapping")
    else:
        path = Path(source)
        if not path.is_file():
            raise FramingError(
                f"The 'lexicon' parameter of load_lexicon names {str(source)!r}, which is not "
                "a file; pass a .yaml/.yml lexicon or a LIWC .dic file."
            )
        if path.suffix.lower() == ".dic":
            user = _parse_liwc(path.read_text(encoding="utf-8", errors="replace"), str(path))
        elif path.suffix.lower() in {".yaml", ".yml"}:
            user = _parse_any(read_yaml(path), str(path))
        else:
            raise FramingError(
                bad_value("lexicon", "load_lexicon", [".yaml", ".yml", ".dic"], path.suffix)
            )
    return user


@topic_cached
def _load_bundled() -> Lexicon:
    lexicon = _parse_native(read_yaml(BUNDLED), topic_file(BUNDLED)[1])
    for extra in extra_files("lexicons"):  # a study's lexicon files (framing.topic.use_topic)
        lexicon = _merge(lexicon, _read_user(extra))
    return lexicon


def _parse_any(data: Any, source: str) -> Lexicon:
    if isinstance(data, dict) and "families" in data:
        return _parse_native(data, source)
    return _parse_quanteda(data, source)


def _check_name(source: str, kind: str, name: Any) -> str:
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise FramingError(
            bad_entry(source, str(name), f"is not a valid {kind} name (a non-empty string "
                      "without ':' or leading space)")
        )
    return name


def _check_patterns(source: str, entry: str, patterns: Any, *, allow_empty: bool = False
                    ) -> tuple[str, ...]:
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, list) or (not patterns and not allow_empty):
        raise FramingError(bad_entry(source, entry, "needs a non-empty list of patterns"))
    out = []
    for p in patterns:
        if not isinstance(p, str) or not p.strip() or not p.strip("*{}, -"):
            raise FramingError(bad_entry(source, entry, f"has an empty pattern {p!r}"))
        if p.count("{") != p.count("}") or "*" in p.rstrip("*") or p.count("*") > 1:
            raise FramingError(bad_entry(
                source, entry, f"has a malformed pattern {p!r} (braces must pair; '*' may only "
                "end a pattern)"))
        if any(not f.strip() for f in expand_pattern(p.rstrip("*"))):
            raise FramingError(bad_entry(source, entry, f"has a pattern {p!r} that expands to "
                                         "an empty form"))
        out.append(p.strip())
    return tuple(out)


def _parse_native(data: Any, source: str) -> Lexicon:
    check_keys(source, "(top level)", data, {"families"}, _TOP_KEYS - {"families"})
    if data.get("version", 1) != 1:
        raise FramingError(bad_entry(source, "version", f"must be 1, got {data['version']!r}"))
    fams_raw = data["families"]
    if not isinstance(fams_raw, dict) or not fams_raw:
        raise FramingError(bad_entry(source, "families", "must be a non-empty mapping"))
    families = []
    for fname, fdata in fams_raw.items():
        _check_name(source, "family", fname)
        check_keys(source, fname, fdata, {"terms"}, _FAMILY_KEYS - {"terms"})
        if not isinstance(fdata["terms"], dict) or not fdata["terms"]:
            raise FramingError(bad_entry(source, f"{fname}.terms", "must be a non-empty mapping"))
        terms = []
        for tname, tdata in fdata["terms"].items():
            entry = f"{fname}.{tname}"
            _check_name(source, "term", tname)
            check_keys(source, entry, tdata, {"variants", "note"}, _TERM_KEYS)
            case = tdata.get("case", "auto")
            if case not in CASE_MODES:
                raise FramingError(bad_entry(
                    source, entry, f"has case {case!r}; allowed are {list(CASE_MODES)}"))
            terms.append(Term(
                name=tname,
                variants=_check_patterns(source, entry, tdata["variants"]),
                note=str(tdata["note"]),
                case=case,
                exclude=_check_patterns(source, f"{entry}.exclude", tdata.get("exclude", []),
                                        allow_empty=True),
                anaphora=bool(tdata.get("anaphora", True)),
            ))
        families.append(Family(fname, tuple(terms), str(fdata.get("note", "")),
                               bool(fdata.get("referent", False))))
    referents = []
    for country, words in (data.get("referents") or {}).items():
        _check_name(source, "referent", country)
        if country in REFERENT_EXTRA:
            raise FramingError(bad_entry(source, f"referents.{country}",
                                         f"is reserved; {list(REFERENT_EXTRA)} are set by rules"))
        referents.append((country, _check_patterns(source, f"referents.{country}", words)))
    shares = []
    for sname, sdata in (data.get("shares") or {}).items():
        _check_name(source, "share", sname)
        check_keys(source, f"shares.{sname}", sdata, {"family", "numerator", "denominator"},
                   _SHARE_KEYS)
        shares.append(Share(
            sname, str(sdata["family"]), tuple(map(str, sdata["numerator"])),
            tuple(map(str, sdata["denominator"])), sdata.get("referent"),
            str(sdata.get("note", "")),
        ))
    lex = Lexicon(tuple(families), tuple(shares), tuple(referents), source)
    for share in lex.shares:
        _check_share(lex, share, source)
    return lex


def _check_share(lex: Lexicon, share: Share, source: str) -> None:
    entry = f"shares.{share.name}"
    if share.family not in lex.family_names():
        raise FramingError(bad_entry(source, entry, f"names family {share.family!r}, which is "
                                     f"not one of {lex.family_names()}"))
    known = lex.family(share.family).term_names()
    for t in share.numerator + share.denominator:
        if t != "*" and t not in known:
            raise FramingError(bad_entry(source, entry, f"names term {t!r}, which is not in "
                                         f"family {share.family!r} (terms: {known})"))
    if share.referent is not None and share.referent not in lex.referent_values():
        raise FramingError(bad_entry(source, entry, f"has referent {share.referent!r}; allowed "
                                     f"are {lex.referent_values()}"))


def _parse_quanteda(data: Any, source: str) -> Lexicon:
    if not isinstance(data, dict) or not data:
        raise FramingError(f"{source}: a lexicon must be a mapping with 'families' (framing "
                           "format) or dictionary keys with pattern lists (quanteda format).")
    groups: dict[str, list[Term]] = {}

    def walk(node: Any, path: list[str]) -> None:
        entry = ".".join(path)
        if isinstance(node, dict):
            if not node:
                raise FramingError(bad_entry(source, entry, "is an empty mapping"))
            for key, child in node.items():
                walk(child, path + [_check_name(source, "dictionary key", key)])
            return
        family = ".".join(path[:-1]) or path[0]
        term = Term(path[-1], _check_patterns(source, entry, node), f"from {source}", "any")
        groups.setdefault(family, []).append(term)

    walk(data, [])
    return Lexicon(tuple(Family(f, tuple(ts), f"from {source}") for f, ts in groups.items()),
                   source=source)


def _parse_liwc(text: str, source: str) -> Lexicon:
    blocks = text.split("%")
    if len(blocks) < 3 or blocks[0].strip():
        raise FramingError(f"{source}: not a LIWC dictionary; it must start with a '%' line, "
                           "list 'number<TAB>category' lines, then '%' and 'word<TAB>number...'.")
    categories: dict[str, str] = {}
    for line in blocks[1].splitlines():
        if line.strip():
            parts = line.split()
            if len(parts) != 2:
                raise FramingError(bad_entry(source, line.strip(), "is not 'number category'"))
            categories[parts[0]] = parts[1]
    words: dict[str, list[str]] = {c: [] for c in categories.values()}
    for line in "%".join(blocks[2:]).splitlines():
        parts = line.split("\t") if "\t" in line else line.split()
        parts = [p.strip() for p in parts if p.strip()]
        if not parts:
            continue
        word, ids = parts[0], parts[1:]
        if not ids:
            raise FramingError(bad_entry(source, word, "has no category number"))
        for cid in ids:
            if cid not in categories:
                raise FramingError(bad_entry(source, word, f"names category {cid!r}, which "
                                             f"is not one of {sorted(categories)}"))
            words[categories[cid]].append(word)
    fams = tuple(
        Family(cat, (Term(cat, _check_patterns(source, cat, pats), f"from {source}", "any"),),
               f"from {source}")
        for cat, pats in words.items() if pats
    )
    if not fams:
        raise FramingError(f"{source}: the LIWC dictionary has no words.")
    return Lexicon(fams, source=source)


def _merge(base: Lexicon, user: Lexicon) -> Lexicon:
    user_names = set(user.family_names())
    families = tuple(f for f in base.families if f.name not in user_names) + user.families
    referents = dict(base.referents)
    for country, words in user.referents:
        referents[country] = tuple(dict.fromkeys(referents.get(country, ()) + words))
    merged = Lexicon(families, (), tuple(referents.items()), f"{base.source} + {user.source}")
    shares = {s.name: s for s in base.shares}
    shares.update({s.name: s for s in user.shares})
    kept = []
    for share in shares.values():
        try:
            _check_share(merged, share, merged.source)
        except FramingError as exc:
            warnings.warn(f"Dropping share {share.name!r}: {exc}", stacklevel=3)
            continue
        kept.append(share)
    return Lexicon(families, tuple(kept), merged.referents, merged.source)
