"""Run every stage over a corpus, in chunks, on one machine or a Dask cluster.

The corpus is cut into chunks of ``chunksize`` articles (the same cut for both engines). Each
chunk is scored on its own: the per-article tables (sentences, term_hits, quotes, events, tone,
readability) and, for the per-outlet statistics, each article's numerator and denominator of
every measure (the stage's ``stats`` table, :data:`framing.stats.ARTICLE_STAT_COLUMNS`). The
chunks' statistics are joined in corpus order and :func:`framing.stats.outlet_scores` bootstraps
once over all of an outlet's articles, so intervals resample articles and do not depend on how
the corpus was cut. No process ever holds all hit rows.

Memory is bounded per chunk, not for the whole run: what grows with the corpus is the parent's
per-article statistics (one row per article and measure, ~200 rows an article kept as
categories and small integers, ~6 KB an article on FA-KES), held until the bootstrap, and,
when no output folder is given, every table returned.

The stages are listed once, in :data:`framing.registry.STAGES`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import multiprocessing
import os
import shutil
import signal
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from framing import registry, stats
from framing._errors import FramingError, bad_value
from framing.corpus import (
    TABLE_SUFFIXES,
    IngestReport,
    load_corpus,
    validate_articles,
    write_table,
)
from framing.text import clear_text_caches

log = logging.getLogger("framing")

ENGINES = ("pandas", "dask")
FORMATS = ("csv", "parquet")
#: Articles per chunk (a Dask partition is one chunk): a few MB of text, ~100 MB of tables.
CHUNKSIZE = 1000
_PARTS = ".framing-parts"


# ---------------------------------------------------------------- the stages
#: The registered stages (:data:`framing.registry.STAGES`), in the order they run.
STAGES = registry.STAGES
#: Every table :func:`score` writes, in order.
TABLES = registry.TABLES


def available_stages() -> list[str]:
    """Names of the registered stages whose module imports in this installation."""
    names = []
    for stage in STAGES:
        try:
            stage.load()
        except ImportError as exc:
            log.warning("stage %s skipped: %s", stage.name, exc)
            continue
        names.append(stage.name)
    return names


def _select_stages(stages: Iterable[str] | None) -> tuple[registry.Stage, ...]:
    known = {s.name: s for s in STAGES}
    wanted = available_stages() if stages is None else list(stages)
    bad = [s for s in wanted if s not in known]
    if bad:
        raise FramingError(bad_value("stages", "score", known, bad[0]))
    return tuple(s for s in STAGES if s.name in wanted)


def stage_stats(stage: registry.Stage, articles: pd.DataFrame, tables: dict) -> pd.DataFrame:
    """One stage's per-article statistics for ``articles``, given the tables found so far."""
    func = stage.function("stats")
    extra = {t: tables[t] for t in stage.uses if t in tables}
    found = func(tables[stage.table], articles, **extra)
    missing = [c for c in stats.ARTICLE_STAT_COLUMNS if c not in found.columns]
    if missing:
        raise FramingError(f"Stage {stage.name!r}: its statistics table lacks the column "
                           f"{missing[0]!r} (see framing.stats.ARTICLE_STAT_COLUMNS).")
    return found


# ---------------------------------------------------------------- one chunk
@dataclass
class ChunkResult:
    """What scoring one chunk returns: tables (or the files they went to) and statistics."""

    index: int
    n_articles: int
    tables: dict[str, pd.DataFrame]
    stats: pd.DataFrame  # per-article statistics (framing.stats.ARTICLE_STAT_COLUMNS)
    ingest: dict = field(default_factory=dict)


def score_chunk(raw: pd.DataFrame, *, index: int = 0, first_row: int = 0, text: str = "text",
                outlet: str | None = "outlet", source: str = "",
                stages: Iterable[str] | None = None, validated: bool = False) -> ChunkResult:
    """Score one chunk of a corpus: every stage's table and the per-article statistics.

    Parameters
    ----------
    raw : DataFrame
        Rows of the corpus (any columns :func:`framing.corpus.validate_articles` accepts).
    index : int
        Position of the chunk in the corpus (results are merged in this order).
    first_row : int
        Row number of the chunk's first row in the corpus (0-based), for ``source_lines``.
    text, outlet, source : str
        Text and outlet columns of ``raw``; name of the file it came from.
    stages : iterable of str, optional
        Stage names (default: every available stage).
    validated : bool, default=False
        ``raw`` is already an articles table.

    Returns
    -------
    ChunkResult
    """
    selected = _select_stages(stages)
    report = IngestReport(source or "data")
    if validated:
        articles = raw.reset_index(drop=True)
    else:
        if "source_lines" not in raw.columns:  # row numbers in the whole corpus, not the chunk
            raw = raw.assign(source_lines=[str(first_row + i + 2) for i in range(len(raw))])
        articles = validate_articles(raw, text=text, outlet=outlet, source=source,
                                     report=report)
    tables: dict[str, pd.DataFrame] = {"articles": articles}
    try:
        for stage in selected:
            tables[stage.table] = stage.function("find")(articles)
        frames = [stage_stats(s, articles, tables) for s in selected if s.stats]
    finally:
        clear_text_caches()  # sentences and voices were shared by this chunk's stages only
    ingest = {"read": report.read, "kept": report.kept,
              "skipped": Counter(r.split(":")[0] for _, r in report.skipped)}
    frames = [f for f in frames if len(f)]
    chunk_stats = _compact(pd.concat(frames, ignore_index=True)) if frames \
        else stats.empty_article_stats()
    return ChunkResult(index=index, n_articles=len(articles), tables=tables, stats=chunk_stats,
                       ingest=ingest)


def _compact(frame: pd.DataFrame) -> pd.DataFrame:
    """Per-article statistics in small dtypes: categories for names, the smallest exact
    integer type for counts (most are), so a chunk's statistics stay a few bytes a row."""
    out = {}
    for col in frame.columns:
        values = frame[col]
        if not pd.api.types.is_numeric_dtype(values):
            out[col] = values.astype(str).astype("category")
            continue
        arr = values.to_numpy()
        if arr.size and np.isfinite(arr).all() and (arr == np.round(arr)).all() \
                and np.abs(arr).max() < 2**31:
            out[col] = arr.astype(np.result_type(np.min_scalar_type(int(arr.min())),
                                                 np.min_scalar_type(int(arr.max()))))
        else:
            out[col] = arr
    return pd.DataFrame(out)


class _Merger:
    """Keeps chunks' per-article statistics and joins them in chunk (corpus) order."""

    def __init__(self, fill: set[str]) -> None:
        self.fill = fill
        self.parts: dict[int, pd.DataFrame] = {}

    def add(self, result: ChunkResult) -> None:
        self.parts[result.index] = result.stats

    def article_stats(self) -> pd.DataFrame:
        missing = sorted(set(range(max(self.parts, default=-1) + 1)) - set(self.parts))
        if missing:
            raise FramingError(f"Chunk {missing[0]} never arrived; cannot merge the statistics.")
        frames = [self.parts[i] for i in sorted(self.parts) if len(self.parts[i])]
        if not frames:
            return stats.empty_article_stats()
        return frames[0] if len(frames) == 1 else _join(frames)

    def outlet_scores(self) -> pd.DataFrame:
        """Per-outlet scores of every chunk; the chunks' tables are let go once joined."""
        table = self.article_stats()
        self.parts.clear()
        return stats.outlet_scores(table, fill=self.fill)


def _join(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate per-article statistics tables keeping their small dtypes: categories are
    united (each chunk has its own), numbers concatenated in their common type."""
    from pandas.api.types import union_categoricals

    if any(list(f.columns) != list(frames[0].columns) for f in frames):
        return pd.concat([f.astype({c: object for c in f.columns if f[c].dtype == "category"})
                          for f in frames], ignore_index=True)
    out = {}
    for col in frames[0].columns:
        parts = [f[col] for f in frames]
        if all(isinstance(p.dtype, pd.CategoricalDtype) for p in parts):
            out[col] = union_categoricals(parts)
        elif not any(isinstance(p.dtype, pd.CategoricalDtype) for p in parts):
            out[col] = np.concatenate([p.to_numpy() for p in parts])
        else:
            out[col] = np.concatenate([p.to_numpy(object) for p in parts])
    return pd.DataFrame(out)


# ---------------------------------------------------------------- reading a corpus in chunks
@dataclass(frozen=True)
class ChunkSpec:
    """Where one chunk of a file lies: rows [start, stop) of a Parquet file, or the byte range
    [start, stop) of a JSONL file; ``first_row`` is the corpus row number of its first row."""

    kind: str
    path: str
    start: int
    stop: int
    first_row: int
    index: int


def plan_chunks(path: str | Path, chunksize: int = CHUNKSIZE) -> list[ChunkSpec]:
    """Cut a JSONL or Parquet file (or a folder of them) into chunks of ``chunksize`` rows.

    Only offsets are read here (newlines, Parquet metadata); the rows are read by whoever
    scores the chunk (:func:`read_chunk`), e.g. a Dask worker.
    """
    path = Path(path)
    files = sorted(p for p in path.iterdir() if TABLE_SUFFIXES.get(p.suffix.lower())
                   in ("jsonl", "parquet")) if path.is_dir() else [path]
    if not files:
        raise FramingError(f"{path} holds no .jsonl or .parquet files to read in chunks.")
    specs: list[ChunkSpec] = []
    row = 0
    for f in files:
        kind = TABLE_SUFFIXES.get(f.suffix.lower())
        if kind == "parquet":
            import pyarrow.parquet as pq

            n = pq.ParquetFile(f).metadata.num_rows
            bounds = [(a, min(a + chunksize, n)) for a in range(0, n, chunksize)]
            rows = [b - a for a, b in bounds]
        elif kind == "jsonl":
            bounds, rows = _jsonl_bounds(f, chunksize)
        else:
            raise FramingError(f"Cannot read {f.name!r} in chunks: expected .jsonl or .parquet; "
                               "other formats are read whole by the pandas engine.")
        for (a, b), n in zip(bounds, rows, strict=True):
            specs.append(ChunkSpec(kind, str(f), a, b, row, len(specs)))
            row += n
    return specs


def _jsonl_bounds(path: Path, chunksize: int) -> tuple[list[tuple[int, int]], list[int]]:
    bounds, rows = [], []
    start = pos = n = 0
    with open(path, "rb") as fh:
        for line in fh:
            pos += len(line)
            if line.strip():
                n += 1
            if n == chunksize:
                bounds.append((start, pos))
                rows.append(n)
                start, n = pos, 0
    if n:
        bounds.append((start, pos))
        rows.append(n)
    return bounds, rows


def read_chunk(spec: ChunkSpec) -> pd.DataFrame:
    """Read the rows of one chunk; bad JSON lines are skipped with a warning naming them."""
    if spec.kind == "parquet":
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(spec.path)
        tables, row = [], 0
        for g in range(pf.num_row_groups):
            n = pf.metadata.row_group(g).num_rows
            if row + n > spec.start and row < spec.stop:
                t = pf.read_row_group(g)
                tables.append(t.slice(max(spec.start - row, 0),
                                      min(spec.stop, row + n) - max(spec.start, row)))
            row += n
        import pyarrow as pa

        return pa.concat_tables(tables).to_pandas()
    with open(spec.path, "rb") as fh:
        fh.seek(spec.start)
        data = fh.read(spec.stop - spec.start)
    records = []
    for lineno, line in enumerate(data.decode("utf-8", errors="replace").splitlines()):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            log.warning("%s: bad JSON in chunk %d line %d skipped (%s)", Path(spec.path).name,
                        spec.index, lineno + 1, exc.msg)
            continue
        records.append(obj if isinstance(obj, dict) else {"text": None})
    return pd.DataFrame(records)


def _score_spec(spec: ChunkSpec, options: dict) -> ChunkResult:
    result = score_chunk(read_chunk(spec), index=spec.index, first_row=spec.first_row,
                         source=Path(spec.path).name, **options["chunk"])
    return _deliver(result, options.get("parts"), options.get("format", "csv"))


def _score_frame(frame: pd.DataFrame, index: int, first_row: int, options: dict) -> ChunkResult:
    result = score_chunk(frame, index=index, first_row=first_row, **options["chunk"])
    return _deliver(result, options.get("parts"), options.get("format", "csv"))


def _deliver(result: ChunkResult, parts: str | None, fmt: str) -> ChunkResult:
    """Write the chunk's tables as part files when an output folder is given."""
    if parts is None:
        return result
    for name, frame in result.tables.items():
        write_table(frame, Path(parts) / name / f"{result.index:07d}.{fmt}")
    result.tables = {}
    return result


# ---------------------------------------------------------------- engines
def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt stops


def _run_pandas(jobs: list[tuple[Callable, tuple]], n_workers: int, on_result) -> None:
    """Run ``jobs`` on a process pool, at most two per worker in flight, results in any order."""
    if n_workers <= 1 or len(jobs) <= 1:
        for func, args in jobs:
            on_result(func(*args))
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = multiprocessing.get_context(method).Pool(n_workers, initializer=_ignore_sigint,
                                                    maxtasksperchild=50)
    try:
        pending = []
        todo = iter(jobs)
        for func, args in todo:
            pending.append(pool.apply_async(func, args))
            while len(pending) >= 2 * n_workers or (pending and pending[0].ready()):
                on_result(pending.pop(0).get())
        for job in pending:
            on_result(job.get())
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _frame_jobs(frame: pd.DataFrame, chunksize: int, options: dict, validated: bool):
    opts = {**options, "chunk": {**options["chunk"], "validated": validated}}
    return [(_score_frame, (frame.iloc[a:a + chunksize], i, a, opts))
            for i, a in enumerate(range(0, max(len(frame), 1), chunksize))]


def _run_dask(jobs: list[tuple[Callable, tuple]], scheduler: str | None, n_workers: int,
              on_result) -> None:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise FramingError("engine='dask' needs dask and distributed: "
                           "pip install 'framing[dask]'.") from exc
    with contextlib.ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(Client(scheduler))
        else:
            cluster = stack.enter_context(LocalCluster(
                n_workers=n_workers, threads_per_worker=1, processes=True,
                dashboard_address=":0", host="127.0.0.1"))
            client = stack.enter_context(Client(cluster))
        print(f"framing: Dask dashboard at {client.dashboard_link}", file=sys.stderr)
        futures = [client.compute(args[0]) if func is None else
                   client.submit(func, *args, pure=False) for func, args in jobs]
        try:
            for future in as_completed(futures):
                on_result(future.result())
                future.release()
        except BaseException:
            client.cancel(futures)
            raise


# ---------------------------------------------------------------- the public entry point
def score(
    articles: pd.DataFrame | str | Path,
    *,
    engine: str = "pandas",
    out: str | Path | None = None,
    format: str = "csv",
    scheduler: str | None = None,
    n_workers: int | None = None,
    chunksize: int = CHUNKSIZE,
    stages: Iterable[str] | None = None,
    text: str = "text",
    outlet: str | None = "outlet",
    progress: bool = True,
) -> dict[str, pd.DataFrame] | dict[str, Path]:
    """Run every stage and the per-outlet statistics over a corpus, in chunks.

    Parameters
    ----------
    articles : DataFrame, dask DataFrame, str or Path
        An articles table (a dask DataFrame's partitions are the chunks), or a corpus file.
        JSONL and Parquet files (or a folder of them) are streamed: each worker reads its own
        chunk, so a worker's memory stays bounded whatever the size (the parent keeps the
        per-article statistics, a few KB an article).
        Other formats are read whole with :func:`framing.load_corpus` first.
    engine : {'pandas', 'dask'}, default='pandas'
        ``'pandas'``: a process pool on this machine (``n_workers`` processes, default all
        cores). ``'dask'``: a Dask cluster, a local one unless ``scheduler`` is given.
    out : str or Path, optional
        Folder to write every table to (``<table>.csv`` or ``.parquet``). Without it the
        tables are returned in memory.
    format : {'csv', 'parquet'}, default='csv'
        File format of the tables written to ``out``.
    scheduler : str, optional
        Address of a running Dask scheduler (``tcp://host:8786``), for ``engine='dask'``.
        Workers must see the corpus and ``out`` at the same paths (a shared file system).
    n_workers : int, optional
        Processes (pandas) or local Dask workers; default every core (pandas) or 2 (Dask).
    chunksize : int, default=1000
        Articles per chunk. Both engines cut the corpus the same way, so give them the same
        ``chunksize`` for identical tables. Stages share per-text work (sentences, quotes,
        word counts) within chunks of up to :data:`framing.text.TEXT_CACHE_SIZE` (4,096)
        articles; larger chunks give the same tables more slowly.
    stages : iterable of str, optional
        Names from :data:`STAGES`; default every stage whose module is installed.
    text, outlet : str
        Text and outlet columns of the corpus (``outlet=None``: outlet ``'unknown'``).
    progress : bool, default=True
        Show a tqdm progress bar (terminal or notebook).

    Returns
    -------
    dict
        Table name -> DataFrame (no ``out``) or -> the file written (with ``out``); names are
        ``articles``, each stage's table and ``outlet_scores``.

    Notes
    -----
    ``outlet_scores`` comes from per-article numerators and denominators merged across chunks,
    then bootstrapped once per outlet, so values and intervals equal a single-pass run
    whatever ``chunksize``, engine or workers: every stage lists an outlet's articles in
    corpus order. ``doc_id`` duplicates are resolved within a chunk, not across chunks.

    Examples
    --------
    >>> from framing.datasets import load_seed
    >>> tables = score(load_seed(), stages=["terms"], progress=False)
    >>> sorted(tables)
    ['articles', 'outlet_scores', 'term_hits']
    """
    if engine not in ENGINES:
        raise FramingError(bad_value("engine", "score", ENGINES, engine))
    if format not in FORMATS:
        raise FramingError(bad_value("format", "score", FORMATS, format))
    if not isinstance(chunksize, int) or chunksize < 1:
        raise FramingError(f"The 'chunksize' parameter of score must be a positive int. "
                           f"Got {chunksize!r} instead.")
    selected = _select_stages(stages)
    names = [s.name for s in selected]
    n_workers = n_workers or (2 if engine == "dask" else os.cpu_count() or 1)
    parts = None
    if out is not None:
        out = Path(out)
        parts = out / _PARTS
        shutil.rmtree(parts, ignore_errors=True)
        parts.mkdir(parents=True)
    options = {"chunk": {"text": text, "outlet": outlet, "stages": names},
               "parts": None if parts is None else str(parts), "format": format}

    if hasattr(articles, "to_delayed"):  # a dask DataFrame: its partitions are the chunks
        if engine != "dask":
            raise FramingError("A dask DataFrame needs engine='dask' in score.")
        from dask import delayed

        lengths = articles.map_partitions(len).compute().tolist()
        starts = np.cumsum([0, *lengths[:-1]]).tolist()
        jobs = [(None, (delayed(_score_frame)(part, i, int(start), options),))
                for i, (part, start) in enumerate(zip(articles.to_delayed(), starts, strict=True))]
        total = int(sum(lengths))
    elif isinstance(articles, pd.DataFrame):
        jobs, total = _frame_jobs(articles, chunksize, options, validated=False), len(articles)
    else:
        path = Path(articles)
        if not path.exists():
            raise FileNotFoundError(f"No such file or folder: {path}")
        if path.is_dir() or TABLE_SUFFIXES.get(path.suffix.lower()) in ("jsonl", "parquet"):
            specs = plan_chunks(path, chunksize)
            jobs = [(_score_spec, (spec, options)) for spec in specs]
            total = None
        else:
            frame = load_corpus(path, text_col=text, outlet_col=outlet)
            opts = {**options, "chunk": {**options["chunk"], "text": "text", "outlet": "outlet"}}
            jobs, total = _frame_jobs(frame, chunksize, opts, validated=True), len(frame)

    merger = _Merger({s.name for s in selected if s.fill_absent})
    collected: dict[int, dict[str, pd.DataFrame]] = {}
    ingest = Counter()
    skipped = Counter()
    from tqdm.auto import tqdm

    bar = tqdm(total=total, unit=" articles", disable=not progress, desc="framing score")

    def on_result(result: ChunkResult) -> None:
        merger.add(result)
        if result.tables:
            collected[result.index] = result.tables
        ingest.update({k: result.ingest.get(k, 0) for k in ("read", "kept")})
        skipped.update(result.ingest.get("skipped", {}))
        bar.update(result.n_articles)

    try:
        if engine == "pandas":
            _run_pandas(jobs, n_workers, on_result)
        else:
            _run_dask(jobs, scheduler, n_workers, on_result)
    except KeyboardInterrupt:
        if parts is not None:
            shutil.rmtree(parts, ignore_errors=True)
        log.warning("interrupted: nothing written")
        raise
    finally:
        bar.close()
    if skipped:
        log.info("read %d rows, kept %d, skipped %s", ingest["read"], ingest["kept"],
                 ", ".join(f"{n} {r}" for r, n in skipped.items()))
    outlet_scores = merger.outlet_scores()
    if parts is None:
        tables = {name: _concat([collected[i][name] for i in sorted(collected)])
                  for name in collected[min(collected)]}
        tables["outlet_scores"] = outlet_scores
        return tables
    written = {name: _assemble(parts / name, out / f"{name}.{format}", format)
               for name in ("articles", *(s.table for s in selected))}
    written["outlet_scores"] = write_table(outlet_scores, out / f"outlet_scores.{format}")
    shutil.rmtree(parts, ignore_errors=True)
    return written


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    full = [f for f in frames if len(f)]
    if not full:
        return frames[0]
    return pd.concat(full, ignore_index=True) if len(full) > 1 else full[0].reset_index(drop=True)


def _assemble(folder: Path, target: Path, fmt: str) -> Path:
    """Join a table's part files, in chunk order, into one file, one part at a time."""
    parts = sorted(folder.glob(f"*.{fmt}"))
    tmp = target.with_name(target.name + ".tmp")
    if fmt == "csv":
        with open(tmp, "wb") as dst:
            for i, part in enumerate(parts):
                with open(part, "rb") as src:
                    header = src.readline()
                    if i == 0:
                        dst.write(header)
                    shutil.copyfileobj(src, dst)
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.unify_schemas([pq.read_schema(p) for p in parts])
        schema = schema.remove_metadata()
        with pq.ParquetWriter(tmp, schema) as writer:
            for part in parts:
                writer.write_table(pq.read_table(part).cast(schema))
    os.replace(tmp, target)
    return target


def __getattr__(name: str):
    if name in ("prepare_bundled", "run_main"):  # moved to framing.main_job
        import warnings

        from framing import main_job

        warnings.warn(f"framing.pipeline.{name} moved to framing.main_job.{name}; the old "
                      "place will be removed", FutureWarning, stacklevel=2)
        return getattr(main_job, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
