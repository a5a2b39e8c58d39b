"""The PostgreSQL store's figures alone, at two sizes in one run: the part of
benchmarks/run.py that measures the desk against raw psycopg2 (book, call next, status, the
93-day report, the survey report), here up to 10 million tickets, without its SQLite stores,
viewers and start-ups.

    python benchmarks/postgres_sizes.py [--pg URL] [--runs 3] [--sizes 10000 10000000]

The same code as run.py (``run.postgres_store``): each size filled on a fresh schema of the
server, dropped after it. Prints one JSON object as benchmarks/sqlite_sizes.py does: each
run's figures (with the machine's load average before and after) and, for each figure, the
median of the runs' ratios and growths with their range.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import run  # noqa: E402
from benchmarks.sqlite_sizes import PLAN, summary  # noqa: E402

FIGURES = ("book", "call_next", "status", "report", "survey")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[10_000, 10_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pg", default=os.environ.get("KIOSK_BENCH_PG", run.PG_DEFAULT))
    args = parser.parse_args(argv)
    if not run.postgres_ok(args.pg):
        return 1
    runs = []
    for number in range(args.runs):
        started = time.time()
        one: dict = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                     "load_before": os.getloadavg()}
        for size in args.sizes:
            one[str(size)] = run.postgres_store(args.pg, size, PLAN)
        one["load_after"] = os.getloadavg()
        one["seconds"] = time.time() - started
        run.log(f"run {number + 1} of {args.runs}: {one['seconds']:.0f} s")
        runs.append(one)
    small, large = (str(size) for size in args.sizes)
    print(json.dumps({"runs": runs, "summary": summary(runs, small, large, FIGURES)},
                     indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
