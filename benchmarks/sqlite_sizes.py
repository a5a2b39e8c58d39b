"""The SQLite store's figures alone, at two sizes in one run: the part of benchmarks/run.py
that needs the 10-million store (book, call next, status, the 93-day report, the survey
report, `kiosk backup`), without its minutes of PostgreSQL, viewers and start-ups.

    python benchmarks/sqlite_sizes.py --keep DIR [--runs 3] [--sizes 10000 10000000]

The same code as run.py (``run.sqlite_store``), the store filled once and kept in DIR for
the day's later runs (--keep, as run.py). Prints one JSON object: each run's figures and,
for each figure, the median of the runs' ratios and growths with their range.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import run  # noqa: E402

FIGURES = ("book", "call_next", "status", "report", "survey", "backup")
PLAN = {"rounds": 10, "per_round": 30, "report_rounds": 8}


def median_of(values: list[float]) -> dict:
    return {"median": statistics.median(values), "lowest": min(values), "highest": max(values)}


def unit(figure: dict) -> str:
    return "median_s" if "median_s" in figure["ours"] else "median_us"


def summary(runs: list[dict], small: str, large: str, figures: tuple = FIGURES) -> dict:
    out: dict = {}
    for name in figures:
        key = unit(runs[0][small][name])
        out[name] = {
            f"ratio_{small}": median_of([r[small][name]["ratio"] for r in runs]),
            f"ratio_{large}": median_of([r[large][name]["ratio"] for r in runs]),
            "growth": median_of([r[large][name]["ours"][key] / r[small][name]["ours"][key]
                                 for r in runs]),
            "raw_growth": median_of([r[large][name]["base"][key] / r[small][name]["base"][key]
                                     for r in runs])}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[10_000, 10_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, required=True,
                        help="keep the filled stores here and copy them on later runs of the day")
    args = parser.parse_args(argv)
    args.keep.mkdir(parents=True, exist_ok=True)
    runs = []
    for number in range(args.runs):
        started = time.time()
        one: dict = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
        with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
            for size in args.sizes:
                one[str(size)] = run.sqlite_store(Path(tmp), size, PLAN, args.keep)
        one["seconds"] = time.time() - started
        run.log(f"run {number + 1} of {args.runs}: {one['seconds']:.0f} s")
        runs.append(one)
    small, large = (str(size) for size in args.sizes)
    print(json.dumps({"runs": runs, "summary": summary(runs, small, large)}, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
