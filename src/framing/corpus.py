"""The articles table: its schema, validation, and loading of users' corpora.

``load_corpus`` reads CSV/TSV, JSONL, Parquet, Excel (``.xlsx``), a folder of ``.txt`` or ``.html``
files, or a single text file, and returns a validated **articles** table. Every load counts what it
read, kept and skipped (with reasons) in an :class:`IngestReport`; nothing is dropped silently (a
table's columns framing does not use are kept as extra columns) and input files are only ever
opened for reading.
"""

from __future__ import annotations

import csv
import email.utils
import hashlib
import json
import logging
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from framing._columns import (  # noqa: F401  (re-exported)
    AUTO,
    ROLE_COLUMNS,
    ROLE_NAMES,
    MappingError,
    apply_columns,
    match_role,
    resolve_columns,
)
from framing._errors import FramingError, missing_column
from framing._readers import read_csv_rows, read_excel, read_jsonl
from framing.text import parse_embeds

log = logging.getLogger("framing")

ARTICLE_COLUMNS = [
    "doc_id", "outlet", "relay", "title", "date", "byline", "url", "kind", "text", "source",
    "source_lines", "outlet_evidence", "outlet_confidence", "embeds", "paragraph_lines", "flags",
]
FURNITURE_COLUMNS = ["source", "line", "text", "rule", "doc_id", "action"]
KINDS = ("news", "commentary", "interview", "excerpt")
TABLE_SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl",
                  ".json": "jsonl", ".parquet": "parquet", ".pq": "parquet", ".xlsx": "xlsx"}
#: Articles longer than this many characters are skipped with a reason (see ``max_chars``).
MAX_CHARS = 10_000_000


@dataclass
class IngestReport:
    """What a load read, kept and skipped, with one reason per skipped record."""

    source: str
    read: int = 0
    kept: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (record, reason)
    notes: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # role -> column of the input used
    encoding: str | None = None  # of a text table (CSV, TSV, JSONL) as read

    def skip(self, record: str, reason: str) -> None:
        self.skipped.append((record, reason))
        log.debug("skipped %s: %s", record, reason)

    def summary(self) -> str:
        """One line: read / kept / skipped, and the reasons."""
        line = f"{self.source}: read {self.read}, kept {self.kept}, skipped {len(self.skipped)}"
        if self.skipped:
            reasons = pd.Series([r for _, r in self.skipped]).str.split(":").str[0].value_counts()
            line += " (" + ", ".join(f"{n} {r}" for r, n in reasons.items()) + ")"
        return line


# ---------------------------------------------------------------- reading bytes as text
def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such; other bytes that are not
    valid UTF-8 are read as cp1252 (latin-1 for the five bytes cp1252 leaves undefined). A few
    NUL bytes are removed; a file that is mostly NUL or control bytes is binary and raises
    :class:`FramingError`.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    sample = data[:65536]
    if sample:
        nul = sample.count(0)
        control = sum(1 for b in sample if b < 9 or 13 < b < 32)
        if nul / len(sample) > 0.01 or control / len(sample) > 0.1:
            raise FramingError(
                f"{name} looks binary ({nul} NUL and {control} control bytes in the first "
                f"{len(sample)}); expected text."
            )
    encoding = "utf-8"
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
        encoding = "utf-8 (NUL bytes removed)"
    try:
        return data.decode("utf-8"), encoding
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def read_text(path: str | Path) -> tuple[str, str]:
    """Read a text file whatever its encoding; return ``(text, encoding)``."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"No such file: {path}")
    if path.is_dir():
        raise FramingError(f"{path} is a folder; expected a file.")
    return decode_bytes(path.read_bytes(), str(path))


# ---------------------------------------------------------------- offsets back to raw lines
def raw_line(article: pd.Series | dict, offset: int) -> int | None:
    """Return the 1-based raw-file line that holds character ``offset`` of an article's text.

    Uses the article's ``paragraph_lines``; for corpora without them, the first line or row of
    ``source_lines``; None when neither is known.
    """
    paras = json.loads(article.get("paragraph_lines") or "[]")
    if paras:
        starts = [p[1] for p in paras]
        return int(paras[max(bisect_right(starts, offset) - 1, 0)][0])
    first = str(article.get("source_lines") or "").split("-")[0]
    return int(first) if first.isdigit() else None


def as_text(values: pd.Series, missing: str = "") -> pd.Series:
    """``values`` as strings, ``missing`` where a value is missing (None, NaN, NA)."""
    return values.astype(object).where(values.notna(), missing).astype(str)


def embed_spans(article: pd.Series | dict) -> list[tuple[int, int]]:
    """Spans of ``text`` that are embedded material (tweets), not the outlet's own words."""
    return [(a, b) for a, b, _ in parse_embeds(article.get("embeds"))]


# ---------------------------------------------------------------- validation
def _stable_id(text: str) -> str:
    return "d" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def validate_articles(
    data: pd.DataFrame,
    *,
    text: str = "text",
    outlet: str | None = "outlet",
    source: str = "",
    max_chars: int = MAX_CHARS,
    report: IngestReport | None = None,
    keep_extra: bool = False,
) -> pd.DataFrame:
    """Check and complete a frame into the **articles** table.

    Parameters
    ----------
    data : DataFrame
        One row per article; needs a text column, ideally an outlet column.
    text, outlet : str
        Names of the text and outlet columns in ``data``. ``outlet=None`` sets every outlet to
        ``"unknown"``.
    source : str
        Name of the file the rows came from (``source`` column, evidence text).
    max_chars : int
        Longer texts are skipped with a reason.
    report : IngestReport, optional
        Receives counts and reasons; a new one is made when omitted.
    keep_extra : bool, default=False
        Keep the columns of ``data`` that are not article columns, after them (as text).

    Returns
    -------
    DataFrame
        Columns :data:`ARTICLE_COLUMNS` in order (then the extra columns if ``keep_extra``), all
        strings except ``outlet_confidence``. Empty texts are kept and flagged ``empty_text``;
        empty ids become a hash of the text; duplicate ids are renamed (different text) or
        skipped (same text), with the reason in the report. Dates become ISO dates (see
        :func:`iso_date`); the ones that cannot be read are kept as written and counted in the
        report's notes, with the first examples.
    """
    report = report or IngestReport(source or "data")
    if text not in data.columns:
        raise FramingError(
            missing_column(text, data.columns).rstrip(".")
            + "; pass text_col=... (CLI: --text-col) to name another."
        )
    if outlet is not None and outlet not in data.columns:
        raise FramingError(
            missing_column(outlet, data.columns).rstrip(".")
            + "; pass outlet_col=... (CLI: --outlet-col) to name another, or outlet_col=None "
            "(CLI: --outlet-col '') to set every outlet to 'unknown'."
        )
    frame = data.rename(columns={text: "text", **({outlet: "outlet"} if outlet else {})}).copy()
    if report.read == 0:
        report.read = len(frame)
    frame["text"] = as_text(frame["text"])
    if outlet is None:
        frame["outlet"] = "unknown"
    frame["outlet"] = as_text(frame["outlet"], "unknown").str.strip().replace("", "unknown")
    defaults = {
        "relay": "", "title": "", "date": "", "byline": "", "url": "", "kind": "news",
        "source": source, "embeds": "[]", "paragraph_lines": "[]", "flags": "",
    }
    for col, value in defaults.items():
        if col not in frame.columns:
            frame[col] = value
        frame[col] = as_text(frame[col], value)
    if "outlet_evidence" not in frame.columns:
        frame["outlet_evidence"] = (
            f"column {outlet!r} of {source or 'the data'}" if outlet else "no outlet column"
        )
    if "outlet_confidence" not in frame.columns:
        frame["outlet_confidence"] = 1.0 if outlet else 0.0
    frame["outlet_confidence"] = pd.to_numeric(frame["outlet_confidence"], errors="coerce"
                                               ).fillna(0.0).astype(float)
    frame.loc[frame["outlet"] == "unknown", "outlet_confidence"] = 0.0
    if "source_lines" not in frame.columns:
        frame["source_lines"] = [str(i + 2) for i in range(len(frame))]  # CSV row incl. header
    if "doc_id" not in frame.columns:
        frame["doc_id"] = [_stable_id(t) for t in frame["text"]]
    ids = as_text(frame["doc_id"])
    blank = ids.str.strip() == ""
    if blank.any():
        ids[blank] = [_stable_id(t) for t in frame.loc[blank, "text"]]
        report.notes.append(f"{int(blank.sum())} empty doc_id(s) set to a hash of the text")
    frame["doc_id"] = ids
    frame["date"] = _dates(frame["date"], report)

    keep = []
    seen: dict[str, str] = {}
    for i, row in enumerate(frame.itertuples(index=False)):
        rec = f"{source or 'row'}#{i + 1} (doc_id {row.doc_id})"
        if len(row.text) > max_chars:
            report.skip(rec, f"too long: {len(row.text):,} characters > max_chars={max_chars:,}")
            continue
        if row.doc_id in seen:
            if seen[row.doc_id] == row.text:
                report.skip(rec, "duplicate: same doc_id and text as an earlier row")
                continue
            n = 2
            while f"{row.doc_id}~{n}" in seen:
                n += 1
            new_id = f"{row.doc_id}~{n}"
            report.notes.append(f"{rec}: duplicate doc_id with different text, renamed {new_id}")
            frame.iat[i, frame.columns.get_loc("doc_id")] = new_id
            seen[new_id] = row.text
        else:
            seen[row.doc_id] = row.text
        if not row.text.strip():
            flags = frame.iat[i, frame.columns.get_loc("flags")]
            frame.iat[i, frame.columns.get_loc("flags")] = ";".join(
                f for f in (flags, "empty_text") if f)
            report.notes.append(f"{rec}: empty text (kept, flagged empty_text)")
        keep.append(i)
    extra = [c for c in frame.columns if c not in ARTICLE_COLUMNS] if keep_extra else []
    out = frame.iloc[keep][ARTICLE_COLUMNS + extra].reset_index(drop=True)
    out["outlet_confidence"] = out["outlet_confidence"].astype(float)
    for col in ARTICLE_COLUMNS:
        if col != "outlet_confidence":
            out[col] = out[col].astype(str)
    for col in extra:
        out[col] = as_text(out[col])
    report.kept += len(out)
    return out


_UNIX_SECONDS = re.compile(r"\d{9,10}(\.\d+)?")


def iso_date(value: object) -> str | None:
    """Return ``value`` as an ISO date (``2017-06-10``), ``""`` when empty, None when unreadable.

    Reads ISO 8601, RFC 2822 (``Tue, 10 Jun 2017 14:00:00 GMT``), ``June 10, 2017``,
    ``10 June 2017``, ``2017/06/10`` and unix seconds (9 or 10 digits, read as UTC). A date with
    a time zone keeps its own calendar day. Day and month written as numbers are read
    month first (``06/10/2017`` is June 10), as pandas reads them.
    """
    s = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()
    if not s:
        return ""
    if _UNIX_SECONDS.fullmatch(s):
        return pd.Timestamp(float(s), unit="s", tz="UTC").date().isoformat()
    try:
        stamp = pd.Timestamp(s)
        if not pd.isna(stamp):
            return stamp.date().isoformat()
    except (ValueError, TypeError, OverflowError):
        pass
    try:
        return email.utils.parsedate_to_datetime(s).date().isoformat()
    except (ValueError, TypeError, IndexError):
        return None


def _dates(values: pd.Series, report: IngestReport) -> pd.Series:
    """ISO dates of ``values``; the unreadable ones are kept as written and reported."""
    iso = values.map(iso_date)
    bad = iso.isna()
    if bad.any():
        examples = ", ".join(repr(str(v).strip()) for v in values[bad].unique()[:3])
        report.notes.append(f"date: {int(bad.sum())} value(s) could not be read as dates "
                            f"(kept as written), e.g. {examples}")
    return iso.where(~bad, values.astype(str).str.strip())


# ---------------------------------------------------------------- loading
def load_corpus(
    path: str | Path,
    *,
    text_col: str | None = AUTO,
    outlet_col: str | None = AUTO,
    id_col: str | None = None,
    date_col: str | None = None,
    title_col: str | None = None,
    url_col: str | None = None,
    sheet: str | int = 0,
    max_chars: int = MAX_CHARS,
    return_report: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, IngestReport]:
    """Load a corpus into a validated **articles** table.

    Parameters
    ----------
    path : str or Path
        A ``.csv``/``.tsv``, ``.jsonl``/``.json``, ``.parquet`` or ``.xlsx`` file; a folder of
        ``.txt`` or ``.html`` files (one article each; a sub-folder name is the outlet); or one
        ``.txt`` file (one article). HTML needs the ``framing[html]`` extra (trafilatura),
        Excel needs openpyxl.
    text_col, outlet_col, id_col, date_col, title_col, url_col : str or None
        The table's columns for each role. :data:`AUTO` (``"auto"``; None too, except for
        the outlet) recognises the usual names (:data:`ROLE_NAMES`: ``body``, ``source``,
        ``published``...) and logs the choice; ``""`` means no such column (``outlet_col=""``
        or None: every outlet ``"unknown"``; no id: a hash of the text). A missing text or
        outlet column, or a role two columns could fill, raises :class:`MappingError` listing
        them all. Other columns are kept, after the article columns.
    sheet : str or int, default=0
        Sheet of an Excel file (name or 0-based position); the first one by default.
    max_chars : int
        Longer articles are skipped with a reason.
    return_report : bool, default=False
        Also return the :class:`IngestReport`.

    Returns
    -------
    DataFrame, or (DataFrame, IngestReport)

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> body = "body,source\\nThe regime said.,SANA\\n"
    >>> _ = (folder / "c.csv").write_text(body, encoding="utf-8")
    >>> load_corpus(folder / "c.csv")[["outlet", "text"]].values.tolist()
    [['SANA', 'The regime said.']]
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"No such file or folder: {path}")
    report = IngestReport(str(path))
    if path.is_dir():
        frame = _read_folder(path, report)
        articles = validate_articles(frame, source=path.name, max_chars=max_chars,
                                     report=report, outlet="outlet")
    else:
        kind = TABLE_SUFFIXES.get(path.suffix.lower())
        if kind is None and path.suffix.lower() in (".txt", ".md", ".text", ""):
            text, enc = read_text(path)
            _note_encoding(report, path.name, enc)
            frame = pd.DataFrame({"doc_id": [path.stem], "text": [text], "outlet": ["unknown"]})
            articles = validate_articles(frame, source=path.name, max_chars=max_chars,
                                         report=report, outlet="outlet")
        elif kind is None:
            raise FramingError(
                f"Cannot read {path.name!r}: unknown file type {path.suffix!r}; expected one of "
                f"{sorted(TABLE_SUFFIXES) + ['.txt', 'a folder']}."
            )
        else:
            frame = _read_table(path, kind, report, sheet=sheet)
            frame.columns = [str(c) for c in frame.columns]
            given = {"id": id_col, "text": text_col, "outlet": outlet_col, "date": date_col,
                     "title": title_col, "url": url_col}
            chosen = resolve_columns(list(frame.columns), given)
            lines = frame.attrs.pop("source_lines", None)
            frame = apply_columns(frame, chosen)
            if lines is not None and "source_lines" not in frame.columns:
                frame["source_lines"] = lines
            if chosen["outlet"] and "outlet_evidence" not in frame.columns:
                frame["outlet_evidence"] = f"column {chosen['outlet']!r} of {path.name}"
            report.columns.update({role: col for role, col in chosen.items() if col})
            unnamed = [c for c in frame.columns if c.startswith("Unnamed: ")
                       and not frame[c].astype(str).str.strip().replace("nan", "").any()]
            if unnamed:  # a trailing delimiter on every line, or an empty spreadsheet column
                frame = frame.drop(columns=unnamed)
                report.notes.append(f"dropped {len(unnamed)} empty column(s) without a name")
            extra = [c for c in frame.columns if c not in ARTICLE_COLUMNS]
            if extra:
                report.notes.append(f"kept {len(extra)} other column(s): {', '.join(extra)}")
            articles = validate_articles(frame, text="text",
                                         outlet="outlet" if chosen["outlet"] else None,
                                         source=path.name, max_chars=max_chars, report=report,
                                         keep_extra=True)
    log.info(report.summary())
    if report.columns:
        log.info("  columns: %s", ", ".join(f"{r} <- {c!r}" for r, c in report.columns.items()))
    for note in report.notes:
        log.info("  note: %s", note)
    return (articles, report) if return_report else articles


def _note_encoding(report: IngestReport, name: str, encoding: str) -> None:
    if encoding not in ("utf-8", "utf-8-sig"):
        report.notes.append(f"{name}: read as {encoding}")


def _read_table(path: Path, kind: str, report: IngestReport, *, sheet: str | int = 0
                ) -> pd.DataFrame:
    if kind == "parquet":
        try:
            frame = pd.read_parquet(path)
        except Exception as exc:  # pyarrow raises several types for a bad file
            raise FramingError(f"{path.name}: not a readable Parquet file ({exc}).") from exc
        report.read = len(frame)
        return frame
    if kind == "xlsx":
        frame = read_excel(path, sheet, report)
        report.read = len(frame)
        return frame
    text, report.encoding = read_text(path)
    _note_encoding(report, path.name, report.encoding)
    if not text.strip():
        raise FramingError(f"{path.name} is empty.")
    if kind == "jsonl":
        return read_jsonl(text, path.name, report)
    table = read_csv_rows(text, "\t" if kind == "tsv" else ",", path.name)
    for record, reason in table.problems:
        report.skip(record, reason)
    report.notes.extend(table.notes)
    report.read = len(table.rows) + len(table.problems)
    frame = pd.DataFrame(table.rows, columns=table.header, dtype=object)
    frame = frame.apply(lambda col: col.map(_unneutralise))
    frame.attrs["source_lines"] = [str(a) if a == b else f"{a}-{b}" for a, b in table.lines]
    return frame


def _read_folder(path: Path, report: IngestReport) -> pd.DataFrame:
    files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    rows = []
    report.read = len(files)
    for f in files:
        rec = str(f.relative_to(path))
        outlet = f.parent.name if f.parent != path else "unknown"
        suffix = f.suffix.lower()
        if suffix not in (".txt", ".html", ".htm"):
            report.skip(rec, f"unsupported file type {suffix or '(none)'}")
            continue
        try:
            text, enc = decode_bytes(f.read_bytes(), rec)
        except (FramingError, UnicodeDecodeError) as exc:
            report.skip(rec, f"unreadable: {exc}")
            continue
        _note_encoding(report, rec, enc)
        title = ""
        if suffix in (".html", ".htm"):
            text, title = _html_to_text(text, rec)
        rows.append({"doc_id": f.with_suffix("").relative_to(path).as_posix(), "text": text,
                     "title": title, "outlet": outlet, "source": rec, "source_lines": "1"})
    report.read = len(files)
    report.kept = 0
    return pd.DataFrame(rows, columns=["doc_id", "text", "title", "outlet", "source",
                                       "source_lines"])


def _html_to_text(html: str, name: str) -> tuple[str, str]:
    try:
        import trafilatura
    except ImportError as exc:  # optional extra
        raise FramingError(
            f"Reading {name} (HTML) needs trafilatura: pip install 'framing[html]'."
        ) from exc
    text = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    meta = trafilatura.extract_metadata(html)
    title = (meta.title if meta is not None and meta.title else "") or ""
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}" if text else title
    return text, title


# ---------------------------------------------------------------- writing
def check_output_path(path: str | Path) -> Path:
    """Return ``path`` if its suffix names a table format framing writes, else raise."""
    path = Path(path)
    if TABLE_SUFFIXES.get(path.suffix.lower()) not in ("csv", "jsonl", "parquet"):
        raise FramingError(
            f"Cannot write {path.name!r}: use a .csv, .jsonl or .parquet file name."
        )
    return path


#: Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        try:
            float(value)
            return value  # a negative number, not a formula
        except ValueError:
            return "'" + value
    return value


def _unneutralise(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:2] in FORMULA_START else value


def write_table(frame: pd.DataFrame, path: str | Path, *, safe_csv: bool = True) -> Path:
    """Write a table as CSV, JSONL or Parquet, chosen by the file's suffix; return the path.

    Output is deterministic (no index, fixed column order, ``\\n`` line ends) so re-runs give
    identical files. With ``safe_csv`` (the default), CSV text cells that start with ``= + - @``,
    a tab or a carriage return get a leading ``'`` so a spreadsheet shows them as text instead of
    running them as formulas; :func:`load_corpus` removes that quote again when it reads the file.
    """
    path = check_output_path(path)
    kind = TABLE_SUFFIXES[path.suffix.lower()]
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "csv":
        if safe_csv:
            frame = frame.copy()
            for col in frame.columns:
                if frame[col].dtype == object or pd.api.types.is_string_dtype(frame[col]):
                    frame[col] = frame[col].map(_neutralise)
        # quote every text cell: a lone "\r" in a text would otherwise end the row
        frame.to_csv(path, index=False, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    elif kind == "jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        frame.to_parquet(path, index=False)
    return path


#: Columns of framing's tables (articles, quotes, term hits, events, tone, readability, outlet
#: scores, furniture, kwic) that hold text: :func:`read_table` reads them as text even when a
#: CSV holds nothing but empty cells in them.
TEXT_COLUMNS = frozenset(
    "doc_id outlet relay title date byline url kind text source source_lines outlet_evidence "
    "embeds paragraph_lines flags rule action quote_id speaker speaker_side cue family term "
    "match referent voice verb construction agent agent_side patient patient_side targets "
    "measure reason left right stage statistic subject base part".split())


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a table written by :func:`write_table` (CSV, JSONL or Parquet) as it was written.

    Unlike :func:`load_corpus` this does not validate it as articles; CSV text cells get their
    spreadsheet-safety quote removed. A CSV cannot tell an empty text from a missing one: an
    empty cell reads as "" in a text column (any of :data:`TEXT_COLUMNS`, or one pandas reads
    as text; framing's tables write "" for "none", e.g. a quote without speaker) and as NaN in
    a numeric one.
    """
    path = Path(path)
    kind = TABLE_SUFFIXES.get(path.suffix.lower())
    if kind == "parquet":
        return pd.read_parquet(path)
    if kind == "jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    if kind == "xlsx":
        return read_excel(path, 0, IngestReport(str(path)))
    frame = pd.read_csv(path, keep_default_na=False, na_values=[""],
                        dtype=dict.fromkeys(TEXT_COLUMNS, str))
    for col in frame.columns:
        if frame[col].dtype == object or pd.api.types.is_string_dtype(frame[col]):
            frame[col] = frame[col].map(lambda v: _unneutralise(v) if isinstance(v, str)
                                        else "" if pd.isna(v) else v)
    return frame


def read_articles(path: str | Path, *, text_col: str = "text", outlet_col: str | None = "outlet"
                  ) -> pd.DataFrame:
    """Read an articles table (``framing segment``'s) or any corpus ``load_corpus`` reads."""
    return load_corpus(path, text_col=text_col, outlet_col=outlet_col)
