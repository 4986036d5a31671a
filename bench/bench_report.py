"""Seconds to write the example's reports: the first one in a fresh process, then warm.

The first figure is what a reporter waits for after ``make demo`` (importing matplotlib and
pandas, reading the lexicons, parsing, every table, four charts); the warm figures write the
same reports again in the same process (the tables are memoised per text, so they cost
almost nothing the second time; the charts are drawn anew). Last, the whole command in a new
process, as the README runs it.

    python bench/bench_report.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "articles" / "musk-putin-starlink.txt"


def main() -> None:
    began = time.perf_counter()
    from storyline import read_article, write_report
    from storyline.analysis import analyze

    imported = time.perf_counter() - began
    with tempfile.TemporaryDirectory() as out:
        for run in ("first", "warm", "warm"):
            started = time.perf_counter()
            article = read_article(EXAMPLE)
            tables = analyze(article)
            analysed = time.perf_counter() - started
            for format in ("html", "md", "xlsx"):
                written = time.perf_counter()
                write_report(article, tables, out, format=format)
                print(f"{run:>5}: {format:<4} report {time.perf_counter() - written:5.2f} s "
                      f"(tables {analysed:5.2f} s)")
        print(f"import storyline: {imported:5.2f} s")
        command = [str(Path(sys.executable).parent / "storyline"), "analyze", str(EXAMPLE),
                   "--format", "html", "--out", out]
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        print(f"storyline analyze --format html (new process): "
              f"{time.perf_counter() - started:5.2f} s (target < 30 s)")


if __name__ == "__main__":
    main()
