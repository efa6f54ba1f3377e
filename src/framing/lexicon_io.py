"""Read YAML lexicons shipped with framing (or a user's copy) safely and strictly.

Language-level lexicons live in ``framing/lexicons``; topic lexicons (terms, actors, events,
outlets) in the folder of the topic in use (:mod:`framing.topic`).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from framing._errors import FramingError, bad_entry


def read_yaml(name_or_path: str | Path) -> Any:
    """Load a YAML file with the safe loader.

    ``name_or_path`` is either a path to a user's file or the name of a bundled lexicon
    (``"cues.yaml"``), read with :mod:`importlib.resources`; a bare bundled name wins over a
    same-named file in the working directory (write ``./cues.yaml`` to mean that file). The
    names of topic files (``terms.yaml``, ``actors.yaml``, ``events.yaml``, ``outlets.yaml``,
    ``colors.yaml``) read the topic in use.
    """
    from framing.topic import TOPIC_FILES, topic_file

    if str(name_or_path) in TOPIC_FILES:
        path, source = topic_file(str(name_or_path))
        return _load(path.read_text(encoding="utf-8"), source)
    path = Path(name_or_path)
    bundled = resources.files("framing") / "lexicons" / str(name_or_path)
    # a bare bundled name ("outlets.yaml") never picks up a same-named file in the cwd
    if path.exists() and not (path.name == str(name_or_path) and bundled.is_file()):
        raw = path.read_text(encoding="utf-8")
        source = str(path)
    else:
        ref = resources.files("framing") / "lexicons" / str(name_or_path)
        if not ref.is_file():
            raise FramingError(
                f"Lexicon {str(name_or_path)!r} is neither a file nor a bundled lexicon; "
                "bundled ones are "
                f"{sorted(p.name for p in (resources.files('framing') / 'lexicons').iterdir())}."
            )
        raw = ref.read_text(encoding="utf-8")
        source = f"framing/lexicons/{name_or_path}"
    return _load(raw, source)


def _load(raw: str, source: str) -> Any:
    try:  # libyaml's safe loader when installed: the same documents, ten times faster
        return yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    except yaml.YAMLError as exc:
        raise FramingError(f"{source}: not valid YAML ({exc}).") from exc


def check_keys(source: str, entry: str, data: dict, required: set[str], optional: set[str]) -> None:
    """Raise a clear error when ``data`` lacks a required key or has an unknown one."""
    if not isinstance(data, dict):
        raise FramingError(
            bad_entry(source, entry, f"must be a mapping, got {type(data).__name__}"))
    missing = required - data.keys()
    if missing:
        raise FramingError(bad_entry(source, entry, f"lacks key(s) {sorted(missing)}"))
    unknown = data.keys() - required - optional
    if unknown:
        raise FramingError(
            bad_entry(source, entry, f"has unknown key(s) {sorted(unknown)}; "
                      f"allowed are {sorted(required | optional)}")
        )
