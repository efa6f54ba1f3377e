"""Message builders for user-facing errors, so every message reads the same way."""

from __future__ import annotations

from collections.abc import Iterable


class FramingError(ValueError):
    """An error caused by user input; the CLI prints its message as one line."""


def bad_value(param: str, func: str, allowed: Iterable[object], got: object) -> str:
    """Message for a parameter outside its allowed values."""
    return (
        f"The {param!r} parameter of {func} must be one of {sorted(map(str, allowed))}. "
        f"Got {got!r} instead."
    )


def missing_column(column: str, columns: Iterable[str], param: str | None = None) -> str:
    """Message for a column that a frame lacks, listing the ones it has."""
    fix = f"; pass {param}=... to name another" if param else ""
    return f"Column {column!r} not in data; columns are {list(columns)}{fix}."


def bad_entry(source: str, entry: str, problem: str) -> str:
    """Message for a malformed entry in a lexicon or configuration file."""
    return f"{source}: entry {entry!r} {problem}."
