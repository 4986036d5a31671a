"""``storyline corpus``: analyse a folder or table of articles into Parquet tables.

Examples::

    storyline corpus data/articles --out corpus/
    storyline corpus articles.jsonl --out corpus/ --workers 4
    storyline corpus articles.parquet --out corpus/ --engine dask --scheduler tcp://host:8786

Exit codes: 0 when every input was analysed, 1 when some are in the ``errors`` table, 2 for
a usage error (missing input, unreadable kind of file, bad option).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from storyline.articles import ArticleError
from storyline.corpus import MAX_CHARS, analyze_corpus

#: Errors listed on the terminal at the end; the rest are in the errors table.
SHOWN_ERRORS = 5


def add_corpus_parser(commands: argparse._SubParsersAction) -> None:
    """Add the ``corpus`` command to the ``storyline`` parser."""
    cmd = commands.add_parser("corpus", help="analyse many articles into Parquet tables",
                              description=__doc__.split("\n")[0])
    cmd.add_argument("path", metavar="PATH",
                     help="a folder of .txt/.md/.html, or a .csv, .jsonl or .parquet table")
    cmd.add_argument("--out", type=Path, required=True,
                     help="folder for the Parquet tables; a re-run skips what is done")
    cmd.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="local process pool (default) or a Dask cluster")
    cmd.add_argument("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (with --engine "
                     "dask; default: a local cluster)")
    cmd.add_argument("--workers", type=int, help="worker processes (default: all cores)")
    cmd.add_argument("--max-chars", type=int, default=MAX_CHARS,
                     help=f"longer inputs go to errors (default {MAX_CHARS:,})")
    cmd.add_argument("--no-progress", action="store_true", help="no progress bar")


def run_corpus(args: argparse.Namespace) -> int:
    """Run ``storyline corpus``; print a summary; return the exit code."""
    if args.scheduler and args.engine != "dask":
        return _usage("--scheduler needs --engine dask")
    if args.workers is not None and args.workers < 1:
        return _usage(f"--workers must be at least 1, got {args.workers}")
    try:
        result = analyze_corpus(args.path, engine=args.engine, client=args.scheduler,
                                workers=args.workers, out=args.out, max_chars=args.max_chars,
                                progress=not args.no_progress)
    except (FileNotFoundError, NotADirectoryError, ArticleError, ValueError) as error:
        return _usage(str(error))
    summary = result.summary()
    print(f"storyline: analysed {summary['analysed']} articles, {summary['errors']} errors, "
          f"{summary['skipped']} already done, in {summary['seconds']:.1f} s "
          f"({summary['articles_per_second']:.2f} articles/s)")
    print(f"storyline: {args.out} holds {summary['total_articles']} articles and "
          f"{summary['total_errors']} errors; tables: {', '.join(result.names)}")
    errors = result.errors
    for row in errors.head(SHOWN_ERRORS).itertuples():
        print(f"storyline: error: {row.reference}: {row.error_type}: {row.message}",
              file=sys.stderr)
    if len(errors) > SHOWN_ERRORS:
        print(f"storyline: ... and {len(errors) - SHOWN_ERRORS} more in {args.out}/errors/",
              file=sys.stderr)
    return 1 if len(errors) else 0


def _usage(message: str) -> int:
    print(f"storyline corpus: error: {message}", file=sys.stderr)
    return 2
