"""The ``framing`` command line: segment, load and score corpora, write tables and figures."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from framing._errors import FramingError
from framing.topic import DEFAULT_TOPIC

log = logging.getLogger("framing")


def _corpus_options(p: argparse.ArgumentParser) -> None:
    """Column options of a command that reads a corpus ('auto': recognised by name)."""
    p.add_argument("--text-col", default="auto", help="column holding the text (default: "
                   "recognised by name: text, body, content, article...)")
    p.add_argument("--outlet-col", default="auto", help="column holding the outlet (default: "
                   "recognised: outlet, source, publication...; '' for none: 'unknown')")
    for role, names in (("id", "id, doc_id, guid..."), ("date", "date, published..."),
                        ("title", "title, headline"), ("url", "url, link...")):
        p.add_argument(f"--{role}-col", default="auto",
                       help=f"column holding the {role} (default: recognised: {names}; '' none)")


def _columns(args) -> dict[str, str | None]:
    """load_corpus keyword arguments from the column options."""
    cols = {f"{r}_col": getattr(args, f"{r}_col", "auto") for r in ("id", "date", "title", "url")}
    return {"text_col": args.text_col, "outlet_col": args.outlet_col or None, **cols}


def _add_io(p: argparse.ArgumentParser, *, articles: bool = True) -> None:
    if articles:
        p.add_argument("articles", help="articles table or corpus (CSV, JSONL, Parquet, folder)")
        _corpus_options(p)
    p.add_argument("-o", "--out", required=True, help="output folder")
    p.add_argument("--format", choices=["csv", "parquet"], default="csv", help="table format")
    _topic_option(p)


def _topic_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--topic", default=None,
                   help="topic lexicons: a bundled topic (see `framing topics`) or a folder "
                        f"laid out like one (default: {DEFAULT_TOPIC})")


def _load(args):
    """The corpus named on the command line, as a validated articles table."""
    from framing.corpus import load_corpus

    return load_corpus(args.articles, **_columns(args))


def _write(args, name: str, frame) -> Path:
    """Write one table into the output folder in the chosen format."""
    from framing.corpus import write_table

    return write_table(frame, Path(args.out) / f"{name}.{args.format}")


def _write_scores(args, scores, stage: str) -> Path:
    """Add this stage's rows to ``outlet_scores``, replacing its earlier rows, keeping others'."""
    import pandas as pd

    from framing.corpus import read_table
    from framing.stats import outlet_scores_frame

    path = Path(args.out) / f"outlet_scores.{args.format}"
    if path.is_file():
        old = read_table(path)
        if "stage" not in old.columns:
            raise FramingError(f"{path} was written by an older framing (no 'stage' column); "
                               "remove it or write to another folder.")
        old = old[old["stage"].astype(str) != stage]
        scores = outlet_scores_frame(pd.concat([old, scores], ignore_index=True).to_dict(
            "records"))
    path = _write(args, "outlet_scores", scores)
    log.info("%d outlet scores -> %s", len(scores), path)
    return path


# === one subcommand per registered stage (framing.registry.STAGES) ===
def _add_stage(sub, stage) -> None:
    p = sub.add_parser(stage.name, help=stage.help)
    _add_io(p)
    for opt in stage.options:
        p.add_argument(opt.flag, help=opt.help, **({"action": "store_true"} if opt.switch
                                                   else {"default": None}))
    for table in stage.uses:
        p.add_argument(f"--{table}", default=None,
                       help=f"the {table} table of 'framing {table}', used when given")
    p.set_defaults(func=_cmd_stage, stage=stage.name)


def _cmd_stage(args) -> int:
    import inspect

    from framing.corpus import read_table
    from framing.registry import stage as registered
    from framing.stats import outlet_scores

    stage = registered(args.stage)
    module = stage.load()
    find_kw, stats_kw = getattr(module, stage.cli_kwargs)(args) if stage.cli_kwargs else ({}, {})
    articles = _load(args)
    table = stage.function("find")(articles, **find_kw)
    log.info("%s: %d rows from %d articles -> %s", stage.table, len(table), len(articles),
             _write(args, stage.table, table))
    extras = {}
    for name, func in stage.extra_tables:
        extras[name] = extra = getattr(module, func)(articles)
        log.info("%s: %d rows -> %s", name, len(extra), _write(args, name, extra))
    if stage.stats:
        for name in stage.uses:
            if getattr(args, name, None):
                stats_kw[name] = read_table(getattr(args, name))
        stats_func = stage.function("stats")
        accepted = inspect.signature(stats_func).parameters  # e.g. tone_stats(hedges=...)
        stats_kw |= {name: t for name, t in extras.items() if name in accepted}
        per_article = stats_func(table, articles, **stats_kw)
        fill = (stage.name,) if stage.fill_absent else ()
        _write_scores(args, outlet_scores(per_article, fill=fill), stage.name)
    return 0


# === subcommands (one block each: _add_<name> registers, _cmd_<name> runs) ===
def _add_segment(sub) -> None:
    p = sub.add_parser("segment", help="split an aggregator page into an articles table")
    p.add_argument("raw", help="the page as a text file (any encoding)")
    p.add_argument("-o", "--out", required=True,
                   help="articles file: .jsonl, .csv or .parquet (dropped lines go beside it)")
    p.add_argument("--signatures", default="outlets.yaml", help="outlet signature lexicon (YAML)")
    _topic_option(p)
    p.set_defaults(func=_cmd_segment)


def _cmd_segment(args) -> int:
    from framing.corpus import check_output_path, read_text, write_table
    from framing.segment import split_aggregator

    check_output_path(args.out)
    text, encoding = read_text(args.raw)
    if encoding not in ("utf-8", "utf-8-sig"):
        log.info("%s: read as %s", args.raw, encoding)
    if not text.strip():
        raise FramingError(f"{args.raw} is empty: nothing to segment.")
    seg = split_aggregator(text, source=Path(args.raw).name, signatures=args.signatures)
    out = write_table(seg.articles, args.out)
    furn = write_table(seg.furniture, out.with_name(f"{out.stem}_furniture{out.suffix}"))
    n_lines = sum(1 for line in text.split("\n") if line.strip())
    unknown = int((seg.articles["outlet"] == "unknown").sum())
    log.info("%s: read %d non-blank lines; %d articles (%d with unknown outlet) -> %s; "
             "%d lines dropped or moved to metadata -> %s", args.raw, n_lines,
             len(seg.articles), unknown, out, len(seg.furniture), furn)
    return 0


def _add_load(sub) -> None:
    p = sub.add_parser("load",
                       help="read a corpus (CSV, JSONL, Parquet, .xlsx, folder) into an articles "
                            "table")
    p.add_argument("corpus", help="file or folder")
    p.add_argument("-o", "--out", required=True, help="articles file: .jsonl, .csv or .parquet")
    _corpus_options(p)
    p.set_defaults(func=_cmd_load)


def _cmd_load(args) -> int:
    from framing.corpus import check_output_path, load_corpus, write_table

    check_output_path(args.out)
    articles = load_corpus(args.corpus, **_columns(args))
    log.info("wrote %s", write_table(articles, args.out))
    return 0


def _add_init(sub) -> None:
    p = sub.add_parser("init", help="inspect a corpus and write a study file (study.yaml) "
                                    "mapping its columns, topic and comparisons")
    p.add_argument("corpus", help="corpus file or folder")
    p.add_argument("-o", "--out", default="study.yaml", help="study file (default: study.yaml)")
    p.add_argument("--force", action="store_true", help="overwrite an existing study file")
    _topic_option(p)
    p.set_defaults(func=_cmd_init)


def _cmd_init(args) -> int:
    from framing.study import check_mapping, inspect_corpus, propose_mapping, write_study

    out = Path(args.out)
    if out.exists() and not args.force:
        raise FramingError(f"{out} exists; pass --force to overwrite it.")
    found = inspect_corpus(args.corpus)
    print(f"{found['path']}: {found['format']}, {found['rows']} rows, encoding "
          f"{found['encoding']}")
    for col in found["columns"]:
        sample = " | ".join(str(v)[:40].replace("\n", " ") for v in found["samples"].get(col, []))
        print(f"  {col!r:<24} {found['dtypes'].get(col, '')!s:<10} {sample}")
    mapping = propose_mapping(found["columns"], found["samples"])
    print("proposed mapping:")
    for role, entry in mapping.items():
        print(f"  {role:<7} <- {entry['column']!r:<20} {entry['reason']}")
    check_mapping(mapping, found["columns"])
    write_study(out, Path(args.corpus).resolve(), mapping, topic=args.topic or DEFAULT_TOPIC)
    log.info("study -> %s (edit it, then: framing run --study %s -o OUT)", out, out)
    return 0


def _add_run(sub) -> None:
    p = sub.add_parser("run", help="the main job: every table, figure and the report")
    p.add_argument("--study", default=None, help="a study file (framing init CORPUS writes one)")
    p.add_argument("--corpus", default=None,
                   help="a corpus of your own (default: the bundled seed page and FA-KES)")
    _corpus_options(p)
    p.add_argument("--lexicon", action="append", default=[],
                   help="a term lexicon added to the topic's (repeatable)")
    p.add_argument("--actors", action="append", default=[],
                   help="an actor file added to the topic's (repeatable)")
    p.add_argument("-o", "--out", default=None,
                   help="output folder (default: data/processed for the bundled corpora, "
                        "runs/<corpus name> for --corpus or --study)")
    _topic_option(p)
    p.set_defaults(func=_cmd_run)


def _cmd_run(args) -> int:
    from framing.main_job import run_main

    if args.study and args.corpus:
        raise FramingError("Pass --study or --corpus, not both (the study names its corpus).")
    if not (args.study or args.corpus) and (args.lexicon or args.actors):
        raise FramingError("--lexicon and --actors apply to your corpus: add --corpus or --study.")
    run_main(corpus=args.corpus, study=args.study, columns=_columns(args), out=args.out,
             topic=args.topic, lexicons=args.lexicon, actors=args.actors)
    return 0


def _add_kwic(sub) -> None:
    p = sub.add_parser("kwic", help="keyword in context: every hit of a term, with its raw line")
    p.add_argument("term", help="term name (regime) or surface form (\"Assad regime\")")
    p.add_argument("articles", help="articles table or corpus (CSV, JSONL, Parquet, folder)")
    p.add_argument("--outlet", default=None, help="only this outlet")
    p.add_argument("--family", default=None, help="only this term family (state_label...)")
    p.add_argument("--voice", default=None, help="only this voice (narrator, quote, ...)")
    p.add_argument("--referent", default=None, help="only this referent (syria, us, ...)")
    p.add_argument("--width", type=int, default=40, help="characters of context per side")
    p.add_argument("--lexicon", default=None, help="your lexicon, added to the bundled one")
    _corpus_options(p)
    _topic_option(p)
    p.set_defaults(func=_cmd_kwic)


def _cmd_kwic(args) -> int:
    from framing.terms import kwic

    table = kwic(_load(args), args.term, lexicon=args.lexicon, outlet=args.outlet,
                 family=args.family, voice=args.voice, referent=args.referent,
                 width=args.width)
    print(table.to_text(width=args.width))
    log.info("%d hits", len(table))
    return 0


def _add_figures(sub) -> None:
    p = sub.add_parser("figures", help="run the notebooks: figures/*.svg|png|pdf, their "
                                       "provenance and report.html")
    p.add_argument("--processed", default=None,
                   help="tables of `framing run` (default: data/processed)")
    p.add_argument("-o", "--out", default=None, help="figures folder (default: figures)")
    p.add_argument("--width-mm", type=float, default=None,
                   help="width of every figure in mm (85: a journal's single column)")
    p.add_argument("--height-mm", type=float, default=None,
                   help="height of every figure in mm (default: each figure's own)")
    p.add_argument("--font", default=None, help="font family (default: DejaVu Sans)")
    p.add_argument("--font-size", type=float, default=None,
                   help="body font size in points; the others keep their proportions "
                        "(default: 8.5)")
    p.add_argument("--dpi", type=float, default=None, help="PNG and TIFF resolution (150)")
    p.add_argument("--format", default=None,
                   help="comma-separated formats among svg, png, pdf, eps, tiff "
                        "(default: svg,png,pdf)")
    p.add_argument("--svg-text", action="store_true",
                   help="keep SVG text editable (<text>, svg.fonttype none) instead of paths")
    p.set_defaults(func=_cmd_figures)


def _cmd_figures(args) -> int:
    from framing.plots.style import FigureOptions
    from framing.report import build_all

    formats = tuple(f.strip().lower() for f in args.format.split(",") if f.strip()) \
        if args.format else None
    options = FigureOptions(width_mm=args.width_mm, height_mm=args.height_mm, font=args.font,
                            font_size=args.font_size, dpi=args.dpi, formats=formats,
                            svg_text=args.svg_text)
    shown = {"format" if k == "formats" else k: ",".join(v) if isinstance(v, list) else v
             for k, v in options.to_dict().items()}
    # a flag is written bare ("--svg-text"), as argparse reads it back
    command = ["framing", "figures", *(f"--{k.replace('_', '-')}" + ("" if v is True else f"={v}")
                                       for k, v in shown.items())]
    build_all(args.processed, args.out, options=options, command=command)  # logs the path
    return 0


def _add_verify(sub) -> None:
    p = sub.add_parser("verify", help="does a figure still match its inputs? (its "
                                      "provenance's corpus tables, lexicons and files)")
    p.add_argument("figure", nargs="+", help="a figure file or its .provenance.json")
    p.set_defaults(func=_cmd_verify)


def _cmd_verify(args) -> int:
    from framing.provenance import provenance_path, verify

    stale = 0
    for figure in args.figure:
        changed = verify(figure)
        name = provenance_path(figure).name.removesuffix(".provenance.json")
        if changed:
            stale += 1
            print(f"{name}: changed since it was made")
            for line in changed:
                print(f"  - {line}")
        else:
            print(f"{name}: matches its inputs")
    return 1 if stale else 0


def _add_score(sub) -> None:
    p = sub.add_parser("score", help="every stage and the per-outlet statistics, in chunks, on "
                                     "all cores or a Dask cluster")
    p.add_argument("corpus", help="corpus file or folder (JSONL and Parquet are streamed)")
    p.add_argument("-o", "--out", required=True, help="output folder: one file per table")
    p.add_argument("--format", choices=["csv", "parquet"], default="csv", help="table format")
    p.add_argument("--engine", choices=["pandas", "dask"], default="pandas",
                   help="pandas: a process pool here; dask: a Dask cluster")
    p.add_argument("--scheduler", default=None,
                   help="Dask scheduler address (default: a local cluster)")
    p.add_argument("--workers", type=int, default=None,
                   help="processes or local Dask workers (default: all cores; Dask: 2)")
    p.add_argument("--chunksize", type=int, default=1000, help="articles per chunk")
    p.add_argument("--stages", default=None, help="comma-separated stages (default: all)")
    p.add_argument("--text-col", default="text", help="column holding the text")
    p.add_argument("--outlet-col", default="outlet",
                   help="column holding the outlet ('' for none: outlet 'unknown')")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    _topic_option(p)
    p.set_defaults(func=_cmd_score)


def _cmd_score(args) -> int:
    from framing.pipeline import score

    written = score(args.corpus, engine=args.engine, out=args.out, format=args.format,
                    scheduler=args.scheduler, n_workers=args.workers, chunksize=args.chunksize,
                    stages=args.stages.split(",") if args.stages else None,
                    text=args.text_col, outlet=args.outlet_col or None,
                    progress=not args.no_progress)
    for name, path in written.items():
        log.info("%-13s -> %s", name, path)
    return 0


def _add_suggest(sub) -> None:
    p = sub.add_parser("suggest", help="help build a topic: speakers without a side, "
                                       "contested words between outlet groups")
    kinds = p.add_subparsers(dest="kind", required=True, metavar="KIND")
    for kind, about in (("actors", "most-quoted speakers whose side is unknown, as a YAML stub"),
                        ("terms", "candidate contested words between two outlet groups "
                                  "(Fightin' Words), with kwic lines")):
        q = kinds.add_parser(kind, help=about)
        q.add_argument("articles", help="articles table or corpus (CSV, JSONL, Parquet, folder)")
        _corpus_options(q)
        q.add_argument("--top", type=int, default=30 if kind == "actors" else 15,
                       help="how many to list")
        q.add_argument("-o", "--out", default=None, help="write the YAML stub to this file")
        if kind == "terms":
            q.add_argument("--groups", required=True,
                           help="outlet groups to compare: 'A,B:C,D' (or 'A,B': versus the rest)")
        else:
            q.add_argument("--actors", default=None, help="your actor file, added to the topic's")
        _topic_option(q)
        q.set_defaults(func=_cmd_suggest)


def _cmd_suggest(args) -> int:
    from framing import suggest

    articles = _load(args)
    if args.kind == "actors":
        from framing.actors import load_actors
        from framing.quotes import find_quotes

        lexicon = load_actors(args.actors)
        table = suggest.suggest_actors(articles, find_quotes(articles, lexicon=lexicon),
                                       top=args.top)
        stub = suggest.actor_stub(table, sides=list(lexicon.sides))
        print(table.to_string(index=False, max_colwidth=60) if len(table) else
              "Every attributed quote has a side: nothing to suggest.")
    else:
        a, b = suggest.parse_groups(args.groups, sorted(articles["outlet"].unique()))
        table = suggest.suggest_terms(articles, a, b, top=args.top)
        stub = suggest.terms_stub(table)
        print(table.to_string(index=False, max_colwidth=70))
    if args.out:
        Path(args.out).write_text(stub, encoding="utf-8")
        log.info("YAML stub -> %s", args.out)
    return 0


def _add_topics(sub) -> None:
    p = sub.add_parser("topics", help="the topics installed (folders of lexicons)")
    p.set_defaults(func=_cmd_topics)


def _cmd_topics(args) -> int:
    from framing.topic import describe_topics, topic_dir

    for row in describe_topics():
        mark = " (default)" if row["default"] else ""
        print(f"{row['topic']}{mark}: {row['about']}\n    {topic_dir(row['topic'])}\n"
              f"    files: {row['files']}")
    return 0


# === end of subcommands ===


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="show tracebacks and debug logs")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    from framing.registry import STAGES

    adders = {name[5:]: obj for name, obj in globals().items()
              if name.startswith("_add_") and name not in ("_add_io", "_add_stage")}
    adders.update({s.name: (lambda sub, s=s: _add_stage(sub, s)) for s in STAGES})
    for name in sorted(adders):
        adders[name](sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``framing`` command; user errors print one line and return a non-zero code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log.addHandler(handler)
    saved = log.level, log.propagate
    log.setLevel(logging.DEBUG if args.verbose else logging.INFO)
    log.propagate = False
    topic = getattr(args, "topic", None)
    try:
        if topic:
            from framing.topic import using_topic

            with using_topic(topic):
                return int(args.func(args) or 0)
        return int(args.func(args) or 0)
    except (FramingError, FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        if args.verbose:
            raise
        print(f"framing {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"framing {args.command}: interrupted", file=sys.stderr)
        return 130
    finally:
        log.removeHandler(handler)
        log.setLevel(saved[0])
        log.propagate = saved[1]


if __name__ == "__main__":
    sys.exit(main())
