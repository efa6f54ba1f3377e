"""Readers of table files for :func:`framing.corpus.load_corpus`: CSV/TSV, JSON Lines, Excel.

CSV/TSV text is read record by record, with the physical lines of every record.

A stray (unclosed) quotation mark makes a CSV reader take every line after it as part of one
cell, up to the next quotation mark or the end of the file. :func:`read_csv_rows` finds such
cells and says so instead of merging rows silently; see its docstring for what it does.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from framing._errors import FramingError

log = logging.getLogger("framing")


@dataclass
class CsvRows:
    """Header, data rows and the 1-based physical lines each row spans."""

    header: list[str]
    rows: list[list[str]]
    lines: list[tuple[int, int]]
    problems: list[tuple[str, str]]  # (record, reason) of every row that was not read
    messages: list[str]  # one sentence per unclosed quotation mark
    notes: list[str]  # rows read with cells missing


def _scan(lines: list[str], start: int, sep: str) -> list[tuple[int, int, list[str]]]:
    """Records of ``lines[start:]`` as ``(first_line, last_line, fields)``, lines 1-based."""
    reader = csv.reader(iter(lines[start:]), delimiter=sep)
    out, prev = [], 0
    for fields in reader:
        out.append((start + prev + 1, start + reader.line_num, fields))
        prev = reader.line_num
    return out


def _unclosed(raw: str, sep: str) -> bool:
    """True when ``raw`` (one record) ends inside a quoted field: a line after it joins it."""
    if not raw.endswith(("\n", "\r")):
        raw += "\n"
    return sum(1 for _ in csv.reader(io.StringIO(raw + "x\n", newline=""), delimiter=sep)) < 2


_RUN = re.compile(r"[A-Za-z0-9]+")


def _shape(value: str) -> str:
    """Coarse shape of a cell's start: runs of digits -> 9, of letters -> a, of mixed -> x."""
    return _RUN.sub(lambda m: "9" if m[0].isdigit() else "a" if m[0].isalpha() else "x",
                    value[:24])[:12]


def _row_like(lines: list[str], sep: str, shapes: list[Counter], n_good: int) -> list[int]:
    """Indexes of ``lines`` that read as complete rows like the rows read so far.

    ``shapes[j]`` counts the cell shapes of column ``j`` over the ``n_good`` rows read so far
    that have the header's number of fields. A line is row-like when it has that number of
    fields and, in every *regular* column (at most 3 shapes: ids, outlets, dates, not prose), a
    cell of a shape that column has. The first column counts from one row on (ids), the others
    from three.
    """
    regular = [j for j, c in enumerate(shapes) if len(c) <= 3 and (j == 0 or n_good >= 3)]
    if not n_good or not regular:
        return []
    hits, n = [], len(shapes)
    for i, line in enumerate(lines):
        if line.count(sep) < n - 1:
            continue
        fields = next(csv.reader([line.rstrip("\r\n")], delimiter=sep), [])
        if len(fields) == n and all(_shape(fields[j]) in shapes[j] for j in regular):
            hits.append(i)
    return hits


def _header(fields: list[str]) -> list[str]:
    """Column names as pandas makes them: blanks ``Unnamed: j``, repeats ``name.1``."""
    out: list[str] = []
    for j, name in enumerate(fields):
        name = name.strip() or f"Unnamed: {j}"
        base, k = name, 1
        while name in out:
            name, k = f"{base}.{k}", k + 1
        out.append(name)
    return out


def read_csv_rows(text: str, sep: str = ",", name: str = "input") -> CsvRows:
    """Read CSV text into rows, handling unclosed quotation marks.

    Rows with more fields than the header are not read (reason ``broken row``); a trailing empty
    field (a delimiter at the end of the line) is ignored; rows with fewer fields get empty cells.
    A quoted cell that spans lines is one cell (a multi-paragraph text), except when:

    - some of the lines it swallowed read as complete rows like the rows around them (the
      header's number of fields, and ids, outlets, dates of the same shapes): a *probable
      unclosed quotation mark*. The row where it starts is not read (reason ``unclosed
      quotation mark``) and reading starts again on the next line, so the rows it swallowed are
      read as rows instead of one cell;
    - it runs to the end of the file and the lines after it do not read as rows: the rows before
      it are read, the row and the lines after it are not (one skipped record).

    Each case adds one sentence naming the line to ``messages`` (and logs it as a warning).

    Raises
    ------
    FramingError
        When the header's quotation mark is unclosed, or when no data row could be read
        because of an unclosed quotation mark; the message names the line.
    """
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    lines = io.StringIO(text, newline="").readlines()
    header: list[str] | None = None
    n = 0
    rows: list[list[str]] = []
    spans: list[tuple[int, int]] = []
    problems: list[tuple[str, str]] = []
    messages: list[str] = []
    notes: list[str] = []
    shapes: list[Counter] = []
    n_good = 0
    pos = 0
    while pos < len(lines):
        records = _scan(lines, pos, sep)
        pos = len(lines)
        for k, (first, last, fields) in enumerate(records):
            if not fields:
                continue  # blank line
            runs_to_end = k == len(records) - 1 and _unclosed("".join(lines[first - 1:last]), sep)
            if header is None:
                if runs_to_end:
                    raise FramingError(
                        f"{name}: unclosed quotation mark in the header (line {first}): the "
                        f"{last - first} lines after it could not be read; no row could be read.")
                header, n = _header(fields), len(fields)
                shapes = [Counter() for _ in range(n)]
                continue
            if last > first:
                if _row_like(lines[first:last], sep, shapes, n_good):
                    msg = (f"probable unclosed quotation mark in the row starting at line {first}"
                           f": rows at lines {first}..{last} were read as one cell; that row "
                           f"was skipped and lines {first + 1}..{last} were read again as rows")
                    messages.append(f"{name}: {msg}")
                    problems.append((f"{name} line {first}", f"unclosed quotation mark: {msg}"))
                    pos = first  # re-read from the line after it
                    break
                if runs_to_end:
                    msg = (f"unclosed quotation mark in the row starting at line {first}: the "
                           f"{last - first} lines after it could not be read")
                    messages.append(f"{name}: {msg}")
                    problems.append((f"{name} line {first}", f"unclosed quotation mark: {msg}"))
                    break
            if len(fields) == n + 1 and fields[-1] == "":
                fields = fields[:-1]
            if len(fields) > n:
                problems.append((f"{name} line {first}",
                                 f"broken row: {len(fields)} fields, header has {n}"))
                continue
            if len(fields) < n:
                notes.append(f"{name} line {first}: {len(fields)} fields, header has {n} "
                             "(the missing cells are left empty)")
            else:
                n_good += 1
                for j, cell in enumerate(fields):
                    if len(shapes[j]) <= 3:  # more shapes: prose, never regular again
                        shapes[j][_shape(cell)] += 1
            rows.append(fields + [""] * (n - len(fields)))
            spans.append((first, last))
    for msg in messages:
        log.warning(msg)
    if header is None:
        raise FramingError(f"{name} has no header row.")
    if not rows and messages:
        raise FramingError(messages[0] + "; no row could be read.")
    return CsvRows(header, rows, spans, problems, messages, notes)


def read_jsonl(text: str, name: str, report) -> pd.DataFrame:
    """JSON Lines (or a JSON array) as a frame; bad lines go to ``report.skip``."""
    rows, n = [], 0
    stripped = text.lstrip()
    if stripped.startswith("["):  # a JSON array rather than JSON lines
        try:
            rows = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise FramingError(f"{name}: not valid JSON ({exc}).") from exc
        report.read = len(rows)
        return pd.DataFrame(rows)
    # JSON Lines are separated by "\n" only; str.splitlines would also split inside
    # strings at U+0085, U+2028 and other line breaks that JSON leaves unescaped.
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        n += 1
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            report.skip(f"{name} line {lineno}", f"bad JSON: {exc.msg}")
            continue
        if not isinstance(obj, dict):
            report.skip(f"{name} line {lineno}", "bad JSON: not an object")
            continue
        rows.append(obj)
    report.read = n
    return pd.DataFrame(rows)


def read_excel(path: Path, sheet: str | int, report) -> pd.DataFrame:
    """One sheet of an ``.xlsx`` file, every cell as text (empty cells ``""``)."""
    try:
        import openpyxl  # noqa: F401  (pandas reads .xlsx through it)
    except ImportError as exc:
        raise FramingError(f"Reading {path.name} (Excel) needs openpyxl: pip install openpyxl"
                           ) from exc
    try:
        with pd.ExcelFile(path, engine="openpyxl") as book:
            names = book.sheet_names
            if isinstance(sheet, int) and not 0 <= sheet < len(names) or (
                    isinstance(sheet, str) and sheet not in names):
                raise FramingError(f"{path.name}: no sheet {sheet!r}; sheets are {names}.")
            frame = pd.read_excel(book, sheet_name=sheet, dtype=str, keep_default_na=False)
    except FramingError:
        raise
    except Exception as exc:  # zipfile, openpyxl and XML errors for a bad file
        raise FramingError(f"{path.name}: not a readable Excel file ({exc}).") from exc
    name = sheet if isinstance(sheet, str) else names[sheet]
    if len(names) > 1:
        report.notes.append(f"read sheet {name!r} of {len(names)} ({', '.join(names)}); "
                            "pass sheet=... to read another")
    return frame.fillna("")
