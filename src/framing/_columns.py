"""Roles of a corpus's columns: which column holds the text, the outlet, the date...

Users' tables name their columns in many ways (``body``, ``source``, ``published``);
:func:`resolve_columns` finds each role's column by its usual names or takes the one named,
and says at once every role it cannot fill.
"""

from __future__ import annotations

import logging
import re

import pandas as pd

from framing._errors import FramingError

log = logging.getLogger("framing")

#: The value of a ``*_col`` parameter of :func:`load_corpus` that means "recognise it by name".
AUTO = "auto"
#: Column of the articles table each role fills.
ROLE_COLUMNS = {"id": "doc_id", "text": "text", "outlet": "outlet", "date": "date",
                "title": "title", "url": "url"}
#: Usual names of each role's column, best first (compared lower-case, spaces as ``_``).
ROLE_NAMES = {
    "id": ("doc_id", "id", "article_id", "guid"),
    "text": ("text", "body", "content", "article", "story"),
    "outlet": ("outlet", "source", "publication", "publisher", "paper", "media_name"),
    "date": ("date", "published", "published_at", "pubdate", "timestamp"),
    "title": ("title", "headline"),
    "url": ("url", "link", "permalink"),
}
#: Roles a corpus must have a column for (an outlet column may be waived: outlet "unknown").
REQUIRED_ROLES = ("text", "outlet")


class MappingError(FramingError):
    """Columns for some roles (text, outlet, ...) are missing or ambiguous; lists all of them."""


def _norm(name: object) -> str:
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())


def match_role(role: str, columns: list[str], exclude: tuple[str, ...] = ()
               ) -> tuple[str | None, str]:
    """Find a role's column among ``columns`` by its usual names (:data:`ROLE_NAMES`).

    Returns
    -------
    (column or None, reason)
        The reason says why the column was chosen, or ``"no column found"``, or
        ``"ambiguous between 'a' and 'b'"``. The role's own name (``text``, ``doc_id``...)
        wins over the other usual names.
    """
    names = ROLE_NAMES[role]
    free = [c for c in columns if c not in exclude]
    if names[0] in free:
        return names[0], f"column {names[0]!r} has the {role}'s own name"
    found = [c for c in free if _norm(c) in names]
    how = "is"
    if not found:  # "Body Text", "story_id", "publish_date": the last word is the usual name
        found, how = [c for c in free if _norm(c).rsplit("_", 1)[-1] in names], "ends in"
    if not found:  # "source_name", "headline_text": another word of it is
        found, how = [c for c in free if set(_norm(c).split("_")) & set(names)], "holds"
    if len(found) == 1:
        return found[0], f"{found[0]!r} {how} a usual name for the {role} column"
    if found:
        return None, "ambiguous between " + " and ".join(repr(c) for c in found)
    return None, "no column found"


def headlines_as_text(columns: list[str], exclude: tuple[str, ...] = ()
                      ) -> tuple[str | None, str]:
    """For a table without a text column, its headline column as the text (a headlines-only
    table), with the reason; (None, "no column found") when it has none either."""
    col, _ = match_role("title", columns, exclude)
    if col is None:
        return None, "no column found"
    return col, f"no text column; the headlines in {col!r} are the texts"


def resolve_columns(columns: list[str], given: dict[str, str | None]) -> dict[str, str | None]:
    """Column of each role: the one named in ``given``, or one recognised by name.

    ``given`` maps roles to a column name, :data:`AUTO` (recognise), or ``""``/None (no such
    column; None means :data:`AUTO` for every role but ``outlet``, as ``load_corpus`` always
    did). Raises :class:`MappingError` listing every missing or ambiguous role at once; text
    and outlet are required (``outlet=""``/None gives outlet ``'unknown'``).
    """
    columns = [str(c) for c in columns]
    chosen: dict[str, str | None] = {}
    problems, auto = [], []
    for role in ROLE_COLUMNS:
        value = given.get(role, AUTO)
        if value is None and role != "outlet":
            value = AUTO
        if value == AUTO:
            auto.append(role)
            continue
        if not value:
            chosen[role] = None
        elif value not in columns:
            fix = (" or outlet_col=None (CLI: --outlet-col '') to set every outlet to 'unknown'"
                   if role == "outlet" else "")
            problems.append(f"Column {value!r} not in data; columns are {columns}; pass "
                            f"{role}_col=... (CLI: --{role}-col) to name another{fix}")
        elif value in chosen.values():
            problems.append(f"{role}: column {value!r} is already used for another role")
        else:
            chosen[role] = value
    for role in list(auto):
        if role not in auto:  # title taken as the text of a headlines-only table
            continue
        col, why = match_role(role, columns, tuple(c for c in chosen.values() if c))
        if role == "text" and col is None and why == "no column found" and "title" in auto:
            col, why = headlines_as_text(columns, tuple(c for c in chosen.values() if c))
            if col:
                auto.remove("title")
                chosen["title"] = None
                log.info("text: %s", why)
        if col is None and (role in REQUIRED_ROLES or why.startswith("ambiguous")):
            listing = f" (columns: {', '.join(columns)})" if why == "no column found" else ""
            problems.append(f"{role}: {why}{listing}")
        chosen[role] = col
        if col:
            log.debug("%s column: %s", role, why)
    if problems:
        hint = ("; name the columns with text_col=..., outlet_col=... (CLI: --text-col, "
                "--outlet-col, ...); outlet_col=None sets every outlet to 'unknown'"
                if any(not p.startswith("Column ") for p in problems) else "")
        raise MappingError("; ".join(problems) + hint + ".")
    return chosen


def apply_columns(frame: pd.DataFrame, chosen: dict[str, str | None]) -> pd.DataFrame:
    """Rename the chosen columns to the articles table's names (``body`` -> ``text``...).

    A column that already has such a name but was not chosen is kept as ``<name>_original``.
    """
    renames = {col: ROLE_COLUMNS[role] for role, col in chosen.items() if col}
    taken = set(renames.values())
    for col in frame.columns:
        if col in taken and col not in renames:
            renames[col] = f"{col}_original"
    return frame.rename(columns=renames)
