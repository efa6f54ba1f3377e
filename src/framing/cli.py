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
    p = sub.add_parser("load", help="read a corpus (CSV, JSONL, Parquet, folder) into an articles table")
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
# === end of subcommands ===


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="show tracebacks and debug logs")
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
