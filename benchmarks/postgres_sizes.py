"""The PostgreSQL store's figures alone, at two sizes in one run: the part of
benchmarks/run.py that measures the desk against raw psycopg2 (book, call next, status, the
93-day report, the survey report), here up to 10 million tickets, without its SQLite stores,
viewers and start-ups.

    python benchmarks/postgres_sizes.py [--pg URL] [--runs 3] [--sizes 10000 10000000]

The same measures as run.py (``run.measure_store``), each size on a fresh schema of the
server, dropped after the run. Unlike run.py, both sizes are filled first and the server let
settle (VACUUM ANALYZE, a checkpoint where the role may ask for one, no autovacuum at work)
before either is measured: right after a fill of 10 million rows the server is still writing
gigabytes out, which slowed raw psycopg2 at the large size by 2–3× in a first try and said
nothing of the desk. Prints one JSON object as benchmarks/sqlite_sizes.py does: each
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


def filled(url: str, n: int) -> None:
    from benchmarks import bulk_fill
    from kiosk.desk.store import open_desk

    desk = open_desk(url, run.OFFICE, create=True)
    today = desk.today()
    desk.db.close()
    run.log(f"filling a store of {n:,} tickets …")
    run.log(f"  filled in {bulk_fill.fill_postgres(url, n, today):.1f} s")


def settled(urls: list[str], wait: float = 300.0) -> None:
    """VACUUM ANALYZE each schema's tables, a CHECKPOINT if the role may, then wait (up to
    ``wait`` seconds) until no autovacuum worker is at work in this database."""
    import psycopg2

    for url in urls:
        conn = psycopg2.connect(url)
        conn.autocommit = True
        cur = conn.cursor()
        cur.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        for (table,) in cur.fetchall():
            cur.execute(f'VACUUM ANALYZE "{table}"')
        conn.close()
    conn = psycopg2.connect(urls[0])
    conn.autocommit = True
    try:
        conn.cursor().execute("CHECKPOINT")
    except psycopg2.Error as exc:  # not a superuser nor pg_checkpoint: the server's own pace
        run.log(f"  no CHECKPOINT: {str(exc).strip()}")
    started = time.time()
    while True:
        cur = conn.cursor()
        cur.execute("SELECT count(*) FROM pg_stat_activity WHERE backend_type = "
                    "'autovacuum worker' AND datname = current_database()")
        if cur.fetchone()[0] == 0:
            break
        if time.time() - started > wait:
            run.log(f"  autovacuum still at work after {wait:.0f} s: measured all the same")
            break
        time.sleep(1)
    conn.close()
    run.log(f"  settled ({time.time() - started:.0f} s waiting for autovacuum)")


def one_run(pg: str, sizes: list[int]) -> dict:
    """Both sizes filled, the server settled, then each measured (the large one first)."""
    def with_small(small_url: str) -> dict:
        def with_large(large_url: str) -> dict:
            urls = {sizes[0]: small_url, sizes[1]: large_url}
            for size, url in urls.items():
                filled(url, size)
            settled(list(urls.values()))
            return {str(size): run.measure_store(urls[size], size, PLAN, lambda desk, n: 0.0)
                    for size in reversed(sizes)}
        return run.postgres_schema(pg, with_large)
    return run.postgres_schema(pg, with_small)


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
        one.update(one_run(args.pg, args.sizes))
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
