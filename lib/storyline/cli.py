"""The ``storyline`` command: analyse articles from the shell.

Examples::

    storyline analyze data/articles/musk-putin-starlink.txt --format json
    storyline analyze my-story.txt --published 2024-10-25 --outlet "Daily Mail" --out reports/
    storyline corpus articles.jsonl --out corpus/   # many articles into Parquet tables
    storyline setup        # fetch the NLTK data the kit needs (needs internet)

Exit codes: 0 success, 1 when an article could not be analysed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

from storyline.analysis import analyze, to_json
from storyline.articles import ArticleError, StorylineWarning, parse_published, read_article
from storyline.chunks import load_models
from storyline.corpus_cli import add_corpus_parser, run_corpus
from storyline.engines import models_frozen
from storyline.report import REPORT_FORMATS, write_report
from storyline.resources import MissingNLTKData


def _published(value: str):
    try:
        return parse_published(value, where="--published")
    except ArticleError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="storyline", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)

    analyze_cmd = commands.add_parser("analyze", help="tabulate who claimed what, and when")
    analyze_cmd.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .md or .html files")
    analyze_cmd.add_argument("--published", type=_published, help="publication date YYYY-MM-DD")
    analyze_cmd.add_argument("--outlet", help="the outlet that published the article")
    analyze_cmd.add_argument("--format", choices=FORMATS, default="json",
                             help="json (default, JSON Lines for several articles), html (a "
                             "self-contained report per article), md, csv or xlsx")
    analyze_cmd.add_argument("--out", type=Path, help="folder to write into (default: stdout "
                             "for json, reports/ for the others)")

    add_corpus_parser(commands)
    commands.add_parser("setup", help="download the NLTK data the kit needs")
    return parser


def _write_json(article, tables, out: Path | None) -> str | None:
    line = json.dumps(to_json(article, tables), ensure_ascii=False)
    if out is None:
        print(line)
        return None
    path = out / f"{article.id}.json"
    path.write_text(line + "\n", encoding="utf-8")
    return str(path)


def _writer(format: str):
    def write(article, tables, out: Path | None) -> str:
        return str(write_report(article, tables, out or Path("reports"), format=format))
    return write


FORMATS = {"json": _write_json, **{name: _writer(name) for name in REPORT_FORMATS}}


def _analyze(args: argparse.Namespace) -> int:
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    # As in a corpus worker: with the models loaded and kept out of the garbage collector's
    # passes, a full collection (in the analysis, or while matplotlib loads to draw the
    # charts) no longer walks their ~170,000 objects, 0.2-0.3 s each.
    load_models()
    with models_frozen():
        return _analyze_paths(args)


def _analyze_paths(args: argparse.Namespace) -> int:
    failed = 0
    for path in args.paths:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", StorylineWarning)
                article = read_article(Path(path), published=args.published, outlet=args.outlet)
            for note in article.warnings:
                print(f"storyline: warning: {note}", file=sys.stderr)
            with warnings.catch_warnings(record=True) as raised:
                warnings.simplefilter("always", StorylineWarning)
                tables = analyze(article)
            ours = [w for w in raised if issubclass(w.category, StorylineWarning)]
            for warning in raised:
                if warning in ours:
                    print(f"storyline: warning: {warning.message}", file=sys.stderr)
                else:
                    warnings.showwarning(warning.message, warning.category, warning.filename,
                                         warning.lineno)
            if article.published is None and not ours:
                print(f"storyline: note: {path} has no publication date; pass --published "
                      "YYYY-MM-DD to resolve 'today', 'in March' and the like", file=sys.stderr)
            written = FORMATS[args.format](article, tables, args.out)
            if written:
                print(f"storyline: wrote {written}", file=sys.stderr)
                if args.format == "html":
                    print(f"storyline: open file://{Path(written).resolve()} in a browser",
                          file=sys.stderr)
        except (ArticleError, OSError) as error:
            failed += 1
            print(f"storyline: error: {error}", file=sys.stderr)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "setup":
            from storyline.resources import main as setup

            setup()
            return 0
        if args.command == "corpus":
            return run_corpus(args)
        return _analyze(args)
    except MissingNLTKData as error:
        print(f"storyline: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
