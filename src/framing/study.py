"""A study: one user's corpus, how to read its columns, and the topic to measure it with.

:func:`inspect_corpus` shows what a corpus holds, :func:`propose_mapping` says which column
holds the text, the outlet, the date..., :func:`write_study` writes that down as a commented
``study.yaml`` the user can edit, and :func:`load_study` reads it back as a :class:`Study`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from framing._columns import (
    AUTO,
    REQUIRED_ROLES,
    ROLE_COLUMNS,
    MappingError,
    headlines_as_text,
    match_role,
)
from framing._errors import FramingError
from framing.provenance import relative
from framing.topic import DEFAULT_TOPIC, bundled_topics

__all__ = ["AUTO", "MappingError", "Study", "inspect_corpus", "load_study", "propose_mapping",
           "write_study"]

ROLES = tuple(ROLE_COLUMNS)  # id, text, outlet, date, title, url
_URL = re.compile(r"https?://\S+", re.I)


# ---------------------------------------------------------------- looking at a corpus
def _kind_of(values: list[str]) -> str:
    """Type of a column's (text) values: empty, integer, number, date, url or text."""
    from framing.corpus import iso_date

    values = [v.strip() for v in values if v.strip()]
    if not values:
        return "empty"
    if all(re.fullmatch(r"[+-]?\d+", v) for v in values):
        return "integer"
    if all(re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", v) for v in values):
        return "number"
    if all(_URL.fullmatch(v) for v in values):
        return "url"
    if all(len(v) < 40 and iso_date(v) for v in values):
        return "date"
    return "text"


def inspect_corpus(path: str | Path, *, n_samples: int = 3) -> dict[str, Any]:
    """Describe a corpus before loading it: its columns, their types, and a few values.

    Parameters
    ----------
    path : str or Path
        Any corpus :func:`framing.corpus.load_corpus` reads.
    n_samples : int, default=3
        Sample values per column (the first distinct non-empty ones, cut to 80 characters).

    Returns
    -------
    dict
        ``path``, ``format``, ``encoding`` (of a text file; ``None`` for Parquet, Excel and
        folders), ``rows``, ``columns`` (names, in order), ``dtypes`` (column -> ``integer``,
        ``number``, ``date``, ``url``, ``text`` or ``empty``, judged on up to 200 values),
        ``samples`` (column -> list), ``skipped`` (rows not readable, with reasons) and
        ``notes``.
    """
    from framing import corpus as c

    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"No such file or folder: {path}")
    report = c.IngestReport(str(path))
    encoding = None
    if path.is_dir():
        kind, frame = "folder", c._read_folder(path, report)
    else:
        kind = c.TABLE_SUFFIXES.get(path.suffix.lower())
        if kind is None:
            kind, (text, encoding) = "text", c.read_text(path)
            frame = pd.DataFrame({"text": [text]})
        else:
            frame = c._read_table(path, kind, report)
            encoding = report.encoding
    frame.attrs.clear()
    columns = [str(col) for col in frame.columns]
    dtypes, samples = {}, {}
    for name, col in zip(columns, frame.columns, strict=True):
        values = [str(v) for v in frame[col].head(200) if not _blank(v)]
        dtypes[name] = _kind_of(values)
        first = list(dict.fromkeys(v.strip() for v in values if v.strip()))[:n_samples]
        samples[name] = [v if len(v) <= 80 else v[:79] + "…" for v in first]
    return {"path": str(path), "format": kind, "encoding": encoding, "rows": len(frame),
            "columns": columns, "dtypes": dtypes, "samples": samples,
            "skipped": list(report.skipped), "notes": list(report.notes)}


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or str(value) == ""


# ---------------------------------------------------------------- proposing a mapping
def propose_mapping(columns: list[str], samples: dict[str, list[str]] | None = None, *,
                    strict: bool = False) -> dict[str, dict[str, str | None]]:
    """Propose the column of each role (id, text, outlet, date, title, url), with the reason.

    A column is first found by its usual names (``body``, ``source``, ``published``...; see
    :data:`framing.corpus.ROLE_NAMES`). Failing that, ``samples`` (as from
    :func:`inspect_corpus`) decide: text is the column of the longest values (40 characters on
    average or more), url a column of web addresses, date a column of dates.

    Parameters
    ----------
    columns : list of str
        The corpus's columns.
    samples : dict, optional
        Column -> a few of its values.
    strict : bool, default=False
        Raise :class:`MappingError` when text or outlet has no column or a role is ambiguous.

    Returns
    -------
    dict
        Role -> ``{"column": name or None, "reason": why}``.

    Raises
    ------
    MappingError
        With ``strict``: every missing or ambiguous role at once, with the columns found, e.g.
        ``text: no column found (columns: a, b, c); outlet: ambiguous between 'source' and
        'paper'``.
    """
    columns = [str(c) for c in columns]
    samples = {str(k): [str(v) for v in vs] for k, vs in (samples or {}).items()}
    out: dict[str, dict[str, str | None]] = {}
    for role in ROLES:
        col, why = match_role(role, columns, tuple(m["column"] for m in out.values()
                                                   if m["column"]))
        out[role] = {"column": col, "reason": why}
    taken = {m["column"] for m in out.values() if m["column"]}
    free = [c for c in columns if c not in taken]
    for role, guess in (("url", _guess_url), ("date", _guess_date), ("text", _guess_text)):
        if out[role]["column"] is None and out[role]["reason"] == "no column found":
            col, why = guess(free, samples)
            if col:
                out[role] = {"column": col, "reason": why}
                free.remove(col)
    if out["text"]["column"] is None and out["text"]["reason"] == "no column found" \
            and out["title"]["column"]:  # a headlines-only table, as load_corpus reads it
        col, why = headlines_as_text(columns, tuple(m["column"] for r, m in out.items()
                                                    if m["column"] and r != "title"))
        out["text"], out["title"] = {"column": col, "reason": why}, \
            {"column": None, "reason": f"{col!r} is the text"}
    if strict:
        check_mapping(out, columns)
    return out


def _guess_url(free: list[str], samples: dict[str, list[str]]) -> tuple[str | None, str]:
    for col in free:
        vals = [v for v in samples.get(col, []) if v.strip()]
        if vals and all(_URL.fullmatch(v.strip()) for v in vals):
            return col, f"the values of {col!r} are web addresses"
    return None, ""


def _guess_date(free: list[str], samples: dict[str, list[str]]) -> tuple[str | None, str]:
    for col in free:
        vals = [v for v in samples.get(col, []) if v.strip()]
        if vals and _kind_of(vals) == "date":
            return col, f"the values of {col!r} read as dates"
    return None, ""


def _guess_text(free: list[str], samples: dict[str, list[str]]) -> tuple[str | None, str]:
    lengths = {c: sum(map(len, samples[c])) / len(samples[c]) for c in free
               if samples.get(c) and any(" " in v for v in samples[c])}
    if not lengths:
        return None, ""
    col = max(lengths, key=lengths.get)
    if lengths[col] < 40:
        return None, ""
    return col, f"{col!r} holds the longest texts ({lengths[col]:.0f} characters on average)"


def check_mapping(mapping: dict[str, Any], columns: list[str] | None = None) -> None:
    """Raise :class:`MappingError` listing every role of ``mapping`` that is not usable.

    ``mapping`` is :func:`propose_mapping`'s answer or a plain role -> column (or None) dict.
    Text needs a column; so does the outlet in a proposal (a plain None outlet means
    "unknown"); ambiguous roles, unknown roles and columns not in ``columns`` are errors.
    """
    problems = []
    listing = f" (columns: {', '.join(map(str, columns))})" if columns is not None else ""
    for role in mapping:
        if role not in ROLES:
            problems.append(f"{role}: not a role (roles: {', '.join(ROLES)})")
    for role in ROLES:
        entry = mapping.get(role)
        col, why = (entry.get("column"), entry.get("reason", "")) if isinstance(entry, dict) \
            else (entry, "")
        if col:
            if columns is not None and col not in columns:
                problems.append(f"{role}: column {col!r} not found{listing}")
        elif why.startswith("ambiguous"):
            problems.append(f"{role}: {why}")
        elif role == "text" or (role in REQUIRED_ROLES and isinstance(entry, dict)):
            problems.append(f"{role}: no column found{listing}")
    if problems:
        raise MappingError("; ".join(problems) + ".")


def _columns_of(mapping: dict[str, Any]) -> dict[str, str | None]:
    return {role: (e.get("column") if isinstance(e, dict) else e) or None
            for role, e in ((r, mapping.get(r)) for r in ROLES)}


# ---------------------------------------------------------------- the study file
@dataclass
class Study:
    """A study read from ``study.yaml``: paths are absolute, columns by role."""

    path: Path
    corpus: Path
    columns: dict[str, str | None]
    topic: str = DEFAULT_TOPIC
    lexicons: list[Path] = field(default_factory=list)
    actors: list[Path] = field(default_factory=list)
    targets: list[str] | dict[str, list[str]] | None = None
    groups: dict[str, list[str]] | None = None
    focus: list[str] | None = None

    def load_kwargs(self) -> dict[str, str | None]:
        """Keyword arguments of :func:`framing.corpus.load_corpus` for these columns."""
        kw: dict[str, str | None] = {f"{r}_col": (self.columns.get(r) or "") for r in ROLES}
        kw["outlet_col"] = self.columns.get("outlet") or None
        return kw

    def load(self, **kwargs: Any) -> pd.DataFrame:
        """The corpus as an articles table (``kwargs`` go to ``load_corpus``)."""
        from framing.corpus import load_corpus

        return load_corpus(self.corpus, **{**self.load_kwargs(), **kwargs})


_KEYS = ("version", "corpus", "columns", "topic", "lexicons", "actors", "targets", "groups",
         "focus")
_COMMENTS = {
    "corpus": "corpus file or folder (relative paths: from this file's folder)",
    "columns": "the corpus's column for each role; null: none (no outlet: 'unknown')",
    "topic": "bundled topic name (syria) or a topic folder",
    "lexicons": "term lexicon files (YAML) added to the topic's",
    "actors": "actor lexicon files (YAML) added to the topic's",
    "targets": "tone targets to report, e.g. [regime, opposition]; null: all",
    "groups": "outlet groups, e.g. {state: [SANA, RT], wire: [AFP, Reuters]}; null: none",
    "focus": "outlets to show first, e.g. [SANA]; null: none",
}


def _flow(value: Any) -> str:
    import yaml

    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6)
    return text.removesuffix("...\n").strip()


def write_study(path: str | Path, corpus: str | Path, mapping: dict[str, Any], *,
                topic: str = DEFAULT_TOPIC, lexicons: tuple | list = (), actors: tuple | list = (),
                targets: list[str] | dict[str, list[str]] | None = None,
                groups: dict[str, list[str]] | None = None,
                focus: str | list[str] | None = None) -> Path:
    """Write a commented ``study.yaml``; return its path.

    Parameters
    ----------
    path : str or Path
        The study file to write (its folder is made if needed).
    corpus : str or Path
        The corpus; written relative to the study file's folder.
    mapping : dict
        :func:`propose_mapping`'s answer (the reasons become comments) or role -> column.
    topic, lexicons, actors, targets, groups, focus
        See :class:`Study`; lexicon and actor files are written relative to the study.

    Raises
    ------
    MappingError
        When the mapping has no text column, a proposal no outlet, or an ambiguous role.
    """
    check_mapping(mapping)
    path = Path(path)
    folder = path.resolve().parent
    cols = _columns_of(mapping)
    focus = [focus] if isinstance(focus, str) else focus
    values = {"version": 1, "corpus": relative(corpus, folder), "topic": str(topic),
              "lexicons": [relative(p, folder) for p in lexicons],
              "actors": [relative(p, folder) for p in actors],
              "targets": targets, "groups": groups, "focus": focus}
    lines = ["# framing study: one corpus, its columns, and the topic to measure it with.",
             "# Edit freely; framing reads it with framing.study.load_study.", ""]
    for key in _KEYS:
        comment = f"  # {_COMMENTS[key]}" if key in _COMMENTS else ""
        if key == "columns":
            lines.append(f"columns:{comment}")
            for role in ROLES:
                entry = mapping.get(role)
                why = entry.get("reason", "") if isinstance(entry, dict) else ""
                note = f"  # {why}" if why else ""
                lines.append(f"  {role}: {_flow(cols[role])}{note}")
        else:
            lines.append(f"{key}: {_flow(values[key])}{comment}")
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _fail(source: Path, problem: str) -> FramingError:
    return FramingError(f"{source}: {problem}")


def _names(source: Path, key: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise _fail(source, f"{key!r} must be a list of names, got {value!r}")
    return [str(v) for v in value]


def _files(source: Path, key: str, value: Any, folder: Path) -> list[Path]:
    out = []
    for name in _names(source, key, value or []):
        p = (folder / Path(name).expanduser()).resolve()
        if not p.exists():
            raise _fail(source, f"{key}: no such file {name!r} (looked for {p})")
        out.append(p)
    return out


def load_study(path: str | Path) -> Study:
    """Read and check a ``study.yaml`` (see :func:`write_study`).

    Paths are resolved against the study file's folder. Raises :class:`FramingError` for an
    unknown key (with the closest known one), a missing corpus, lexicon or actor file, an
    unknown role or a study without a text column; ``topic`` must be a bundled topic or a
    folder when framing has topics.
    """
    import yaml

    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No such study file: {path}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise _fail(path, f"not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise _fail(path, "expected keys (corpus: ..., columns: ...), got "
                          f"{type(data).__name__}")
    unknown = [str(k) for k in data if k not in _KEYS]
    if unknown:
        hints = [f"{k!r}" + (f" (did you mean {m[0]!r}?)" if (m := difflib.get_close_matches(
            k, _KEYS, n=1)) else "") for k in unknown]
        raise _fail(path, f"unknown key(s) {', '.join(hints)}; keys are {', '.join(_KEYS)}")
    folder = path.resolve().parent
    if not data.get("corpus"):
        raise _fail(path, "no 'corpus' (the corpus file or folder)")
    corpus = (folder / Path(str(data["corpus"])).expanduser()).resolve()
    if not corpus.exists():
        raise _fail(path, f"corpus {data['corpus']!r} not found (looked for {corpus})")
    columns = data.get("columns") or {}
    if not isinstance(columns, dict):
        raise _fail(path, f"'columns' must map roles to columns, got {columns!r}")
    try:
        check_mapping({str(k): (None if v is None else str(v)) for k, v in columns.items()})
    except MappingError as exc:
        raise MappingError(f"{path}: columns: {exc}") from None
    topic = str(data.get("topic") or DEFAULT_TOPIC)
    topic = _topic(path, topic, folder)
    targets = data.get("targets")
    if isinstance(targets, dict):
        targets = {str(k): _names(path, f"targets.{k}", v) for k, v in targets.items()}
    elif targets is not None:
        targets = _names(path, "targets", targets)
    groups = data.get("groups")
    if groups is not None:
        if not isinstance(groups, dict):
            raise _fail(path, f"'groups' must map group names to outlets, got {groups!r}")
        groups = {str(k): _names(path, f"groups.{k}", v) for k, v in groups.items()}
    focus = data.get("focus")
    return Study(path=path.resolve(), corpus=corpus,
                 columns={r: (None if columns.get(r) is None else str(columns[r]))
                          for r in ROLES},
                 topic=topic,
                 lexicons=_files(path, "lexicons", data.get("lexicons"), folder),
                 actors=_files(path, "actors", data.get("actors"), folder),
                 targets=targets, groups=groups,
                 focus=None if focus is None else _names(path, "focus", focus))


def _topic(source: Path, topic: str, folder: Path) -> str:
    """A bundled topic name as is; a folder resolved against the study's folder."""
    if topic in bundled_topics():
        return topic
    candidate = (folder / Path(topic).expanduser()).resolve()
    if candidate.is_dir():
        return str(candidate)
    raise _fail(source, f"topic {topic!r} is neither a bundled topic "
                        f"({', '.join(bundled_topics())}) nor a folder (looked for {candidate})")
