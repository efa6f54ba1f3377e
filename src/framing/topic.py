"""Topics: the lexicons of one conflict or subject, as a folder of YAML files.

A topic folder holds ``terms.yaml`` (contested term families), ``actors.yaml`` (actors, sides,
titles and tone targets), ``events.yaml`` (words of violence and force) and ``outlets.yaml``
(outlet signatures for aggregator pages), with a ``README.md`` saying what it covers.
Language-level lexicons (attribution cues, speaker words, hedges) stay in
``framing/lexicons`` and serve every topic. Bundled topics live in ``framing/topics/``;
``syria`` is the default. A user's topic is any folder laid out the same way: a file it lacks
is taken from the default topic.

The topic in use is process-wide (:func:`use_topic`, or the ``FRAMING_TOPIC`` environment
variable, which worker processes inherit); every lexicon loader reads it, and switching empties
the loaders' caches.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path

from framing._errors import FramingError

#: Lexicon files that belong to a topic (the others are language-level).
TOPIC_FILES = ("terms.yaml", "actors.yaml", "events.yaml", "outlets.yaml", "colors.yaml")
DEFAULT_TOPIC = "syria"
_ENV = "FRAMING_TOPIC"
_EXTRA = {"lexicons": "FRAMING_LEXICONS", "actors": "FRAMING_ACTORS"}
_CACHES: list[Callable] = []


def extra_files(kind: str) -> list[Path]:
    """The user's files added to the topic in use (``kind``: lexicons or actors)."""
    value = os.environ.get(_EXTRA[kind], "")
    return [Path(p) for p in value.split(os.pathsep) if p]


def bundled_topics() -> list[str]:
    """Names of the topics shipped with framing."""
    root = resources.files("framing") / "topics"
    return sorted(p.name for p in root.iterdir()
                  if p.is_dir() and not p.name.startswith(("_", ".")))


def topic_dir(topic: str | Path | None = None) -> Path:
    """The folder of ``topic`` (a bundled name or a path; default: the topic in use)."""
    topic = current_topic() if topic is None else topic
    bundled = resources.files("framing") / "topics" / str(topic)
    if "/" not in str(topic) and "\\" not in str(topic) and bundled.is_dir():
        return Path(str(bundled))
    path = Path(topic).expanduser()
    if path.is_dir():
        return path.resolve()
    raise FramingError(f"Topic {str(topic)!r} is neither a bundled topic "
                       f"({', '.join(bundled_topics())}) nor a folder.")


def current_topic() -> str:
    """The topic in use: set by :func:`use_topic`, else ``$FRAMING_TOPIC``, else ``syria``."""
    return os.environ.get(_ENV) or DEFAULT_TOPIC


def use_topic(topic: str | Path | None, *, lexicons: Sequence[str | Path] = (),
              actors: Sequence[str | Path] = ()) -> str:
    """Make ``topic`` (a bundled name or a folder) the one every loader reads; ``None`` goes
    back to the default. ``lexicons`` (term lexicons: framing YAML, quanteda YAML, LIWC .dic)
    and ``actors`` (actor files) are added to the topic's, for every stage (a study's extra
    files). Returns the topic's name or folder as stored."""
    if topic is None:
        os.environ.pop(_ENV, None)
        name = DEFAULT_TOPIC
    else:
        folder = topic_dir(topic)
        name = str(topic) if folder.parent.name == "topics" and folder.name == str(topic) \
            else str(folder)
        os.environ[_ENV] = name
    for kind, files in (("lexicons", lexicons), ("actors", actors)):
        paths = [Path(f).expanduser().resolve() for f in files]
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            raise FramingError(f"use_topic: {kind} file {missing[0]!r} does not exist.")
        if paths:
            os.environ[_EXTRA[kind]] = os.pathsep.join(map(str, paths))
        else:
            os.environ.pop(_EXTRA[kind], None)
    _clear_caches()
    return name


def _clear_caches() -> None:
    for cache in _CACHES:
        cache.cache_clear()
    from framing.text import clear_text_caches

    clear_text_caches()  # per-text results (voices, hits) were read with the old lexicons


@contextlib.contextmanager
def using_topic(topic: str | Path | None, *, lexicons: Sequence[str | Path] = (),
                actors: Sequence[str | Path] = ()) -> Iterator[str]:
    """:func:`use_topic` for the ``with`` block only: the topic and files in use before it
    (``$FRAMING_TOPIC`` and the study files, set or not) come back after it."""
    keys = (_ENV, *_EXTRA.values())
    saved = {k: os.environ.get(k) for k in keys}
    try:
        yield use_topic(topic, lexicons=lexicons, actors=actors)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        _clear_caches()


def topic_file(name: str, topic: str | Path | None = None) -> tuple[Path, str]:
    """The file ``name`` of a topic, falling back to the default topic; with a label for
    messages (``topics/syria/terms.yaml`` or the user's path)."""
    folder = topic_dir(topic)
    path = folder / name
    if not path.is_file():
        folder = topic_dir(DEFAULT_TOPIC)
        path = folder / name
    bundled = Path(str(resources.files("framing") / "topics"))
    label = (f"framing/topics/{path.relative_to(bundled).as_posix()}"
             if bundled in path.parents else str(path))
    return path, label


def topic_cached(func: Callable) -> Callable:
    """``functools.lru_cache(maxsize=1)`` for a loader of topic data, emptied by
    :func:`use_topic`."""
    return register_cache(functools.lru_cache(maxsize=1)(func))


def register_cache(cached: Callable) -> Callable:
    """Have :func:`use_topic` empty ``cached`` (anything with ``cache_clear``)."""
    _CACHES.append(cached)
    return cached


def describe_topics() -> list[dict]:
    """One row per bundled topic: name, files, and the first line of its README."""
    rows = []
    for name in bundled_topics():
        folder = topic_dir(name)
        readme = folder / "README.md"
        first = ""
        if readme.is_file():
            first = next((ln.lstrip("# ").strip() for ln in readme.read_text("utf-8").splitlines()
                          if ln.strip()), "")
        rows.append({"topic": name, "default": name == DEFAULT_TOPIC,
                     "files": ", ".join(f for f in TOPIC_FILES if (folder / f).is_file()),
                     "about": first})
    return rows
