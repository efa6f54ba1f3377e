"""The ``framing`` command line: segment, load and score corpora, write tables and figures."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from framing._errors import FramingError

log = logging.getLogger("framing")


def _add_io(p: argparse.ArgumentParser, *, articles: bool = True) -> None:
    if articles:
        p.add_argument("articles", help="articles table or corpus (CSV, JSONL, Parquet, folder)")
        p.add_argument("--text-col", default="text", help="column holding the text")
        p.add_argument("--outlet-col", default="outlet", help="column holding the outlet")
    p.add_argument("-o", "--out", required=True, help="output folder")
    p.add_argument("--format", choices=["csv", "parquet"], default="csv", help="table format")


def _load(args):
    """The corpus named on the command line, as a validated articles table."""
    from framing.corpus import load_corpus

    return load_corpus(args.articles, text_col=args.text_col, outlet_col=args.outlet_col or None)


def _write(args, name: str, frame) -> Path:
    """Write one table into the output folder in the chosen format."""
    from framing.corpus import write_table

    return write_table(frame, Path(args.out) / f"{name}.{args.format}")


def _write_scores(args, scores, prefixes: tuple[str, ...]) -> Path:
    """Add this stage's rows to ``outlet_scores``, replacing its earlier rows, keeping others'."""
    import pandas as pd

    from framing.corpus import read_table

    path = Path(args.out) / f"outlet_scores.{args.format}"
    if path.is_file():
        old = read_table(path)
        old = old[~old["measure"].astype(str).str.startswith(prefixes)]
        scores = pd.concat([old, scores], ignore_index=True)
    path = _write(args, "outlet_scores", scores)
    log.info("%d outlet scores -> %s", len(scores), path)
    return path


# === subcommands (one block each: _add_<name> registers, _cmd_<name> runs) ===
def _add_segment(sub) -> None:
    p = sub.add_parser("segment", help="split an aggregator page into an articles table")
    p.add_argument("raw", help="the page as a text file (any encoding)")
    p.add_argument("-o", "--out", required=True,
                   help="articles file: .jsonl, .csv or .parquet (dropped lines go beside it)")
    p.add_argument("--signatures", default="outlets.yaml", help="outlet signature lexicon (YAML)")
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
                       help="read a corpus (CSV, JSONL, Parquet, folder) into an articles table")
    p.add_argument("corpus", help="file or folder")
    p.add_argument("-o", "--out", required=True, help="articles file: .jsonl, .csv or .parquet")
    p.add_argument("--text-col", default="text", help="column holding the text")
    p.add_argument("--outlet-col", default="outlet",
                   help="column holding the outlet ('' for none: outlet 'unknown')")
    p.add_argument("--id-col", default=None, help="column holding the document id")
    p.set_defaults(func=_cmd_load)


def _cmd_load(args) -> int:
    from framing.corpus import check_output_path, load_corpus, write_table

    check_output_path(args.out)
    articles = load_corpus(args.corpus, text_col=args.text_col,
                           outlet_col=args.outlet_col or None, id_col=args.id_col)
    log.info("wrote %s", write_table(articles, args.out))
    return 0


def _add_run(sub) -> None:
    p = sub.add_parser("run", help="the main job: every table, figure and the report")
    p.add_argument("--corpus", default=None,
                   help="a corpus of your own (default: the bundled seed page and FA-KES)")
    p.add_argument("--text-col", default="text", help="column holding the text")
    p.add_argument("--outlet-col", default="outlet", help="column holding the outlet")
    p.add_argument("-o", "--out", default=None, help="output folder (default: data/processed)")
    p.set_defaults(func=_cmd_run)


def _cmd_run(args) -> int:
    from framing.pipeline import run_main

    run_main(corpus=args.corpus, text_col=args.text_col, outlet_col=args.outlet_col or None,
             out=args.out)
    return 0


def _add_agency(sub) -> None:
    p = sub.add_parser("agency", help="events of violence and force: who did it, named or hidden")
    _add_io(p)
    p.set_defaults(func=_cmd_agency)


def _cmd_agency(args) -> int:
    from framing.agency import agency, agency_scores

    articles = _load(args)
    events = agency(articles)
    log.info("%d event mentions in %d articles -> %s", len(events), len(articles),
             _write(args, "events", events))
    _write_scores(args, agency_scores(events, articles), ("agency_",))
    return 0


def _add_terms(sub) -> None:
    p = sub.add_parser("terms", help="contested labels: term_hits and per-outlet rates/shares")
    _add_io(p)
    p.add_argument("--lexicon", default=None,
                   help="your lexicon (framing YAML, quanteda YAML or LIWC .dic), added to the "
                        "bundled one")
    p.add_argument("--lexicon-only", action="store_true",
                   help="use --lexicon alone instead of adding it to the bundled lexicon")
    p.set_defaults(func=_cmd_terms)


def _cmd_terms(args) -> int:
    from framing.lexicon import load_lexicon
    from framing.terms import find_terms, term_scores

    lexicon = load_lexicon(args.lexicon, extend=not args.lexicon_only)
    articles = _load(args)
    hits = find_terms(articles, lexicon)
    log.info("%d term hits in %d articles -> %s", len(hits), len(articles),
             _write(args, "term_hits", hits))
    _write_scores(args, term_scores(articles, hits, lexicon=lexicon), ("terms:",))
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
    p.add_argument("--text-col", default="text", help="column holding the text")
    p.add_argument("--outlet-col", default="outlet", help="column holding the outlet")
    p.set_defaults(func=_cmd_kwic)


def _cmd_kwic(args) -> int:
    from framing.terms import kwic

    table = kwic(_load(args), args.term, lexicon=args.lexicon, outlet=args.outlet,
                 family=args.family, voice=args.voice, referent=args.referent,
                 width=args.width)
    print(table.to_text(width=args.width))
    log.info("%d hits", len(table))
    return 0


def _add_quotes(sub) -> None:
    p = sub.add_parser("quotes", help="quotations with speaker, side and relay; voice balance")
    _add_io(p)
    p.add_argument("--actors", default=None, help="your actor lexicon (YAML, as actors.yaml)")
    p.set_defaults(func=_cmd_quotes)


def _cmd_quotes(args) -> int:
    from framing.actors import load_actors
    from framing.quotes import QUOTE_MEASURE_PREFIXES, find_quotes, quote_scores

    lexicon = load_actors(args.actors)
    articles = _load(args)
    quotes = find_quotes(articles, lexicon=lexicon)
    log.info("%d quotes in %d articles -> %s", len(quotes), len(articles),
             _write(args, "quotes", quotes))
    _write_scores(args, quote_scores(quotes, articles, lexicon=lexicon), QUOTE_MEASURE_PREFIXES)
    return 0


def _add_tone(sub) -> None:
    p = sub.add_parser("tone", help="VADER tone per sentence, toward actors, by voice; hedges")
    _add_io(p)
    p.add_argument("--no-voices", action="store_true",
                   help="skip quote and interview voices (faster; headline/narrator only)")
    p.add_argument("--quotes", default=None,
                   help="quotes table from 'framing quotes', for loaded verbs and scare quotes")
    p.set_defaults(func=_cmd_tone)


def _cmd_tone(args) -> int:
    import pandas as pd

    from framing.corpus import read_table
    from framing.tone import (
        attribution_scores,
        find_hedges,
        hedge_scores,
        target_tone,
        tone,
        tone_by_outlet,
    )

    articles = _load(args)
    quotes = read_table(args.quotes) if args.quotes else None
    table = tone(articles, voices=not args.no_voices)
    hedges = find_hedges(articles)
    log.info("%d sentences scored in %d articles -> %s", len(table), len(articles),
             _write(args, "tone", table))
    log.info("%d hedges -> %s", len(hedges), _write(args, "hedges", hedges))
    parts = [tone_by_outlet(table, articles), target_tone(table, articles),
             hedge_scores(hedges, articles, quotes=quotes)]
    if quotes is not None:
        parts.append(attribution_scores(quotes, articles))
    _write_scores(args, pd.concat(parts, ignore_index=True),
                  ("tone_", "distancing", "hedge", "scare_quote", "loaded_cue_share"))
    return 0


def _add_readability(sub) -> None:
    p = sub.add_parser("readability", help="Flesch, Flesch-Kincaid, fog, SMOG, Dale-Chall")
    _add_io(p)
    p.set_defaults(func=_cmd_readability)


def _cmd_readability(args) -> int:
    from framing.readability import MEASURES, readability, readability_by_outlet

    articles = _load(args)
    table = readability(articles)
    undefined = int((table["reason"] != "").sum())
    log.info("%d articles scored (%d undefined, see 'reason') -> %s", len(table), undefined,
             _write(args, "readability", table))
    _write_scores(args, readability_by_outlet(table, articles), MEASURES)
    return 0


def _add_figures(sub) -> None:
    p = sub.add_parser("figures", help="run the notebooks: figures/*.svg|png|pdf and report.html")
    p.add_argument("--processed", default=None,
                   help="tables of `framing run` (default: data/processed)")
    p.add_argument("-o", "--out", default=None, help="figures folder (default: figures)")
    p.set_defaults(func=_cmd_figures)


def _cmd_figures(args) -> int:
    from framing.report import build_all

    log.info("report -> %s", build_all(args.processed, args.out))
    return 0


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


# === end of subcommands ===


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="show tracebacks and debug logs")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, obj in sorted(globals().items()):
        if name.startswith("_add_") and name != "_add_io" and callable(obj):
            obj(sub)
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
    try:
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
