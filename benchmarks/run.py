"""How fast, how light, how it grows: every figure against its baseline in the same run.

    python benchmarks/run.py            # the full run: 10 thousand and 10 million tickets
    python benchmarks/run.py --quick    # a short run: 10 thousand and 200 thousand
    python benchmarks/run.py --json     # one JSON object instead of the table

Ratios are ours ÷ baseline (lower is better); growth is the figure at the large store ÷
the same figure at the small one. Figures: book, call next, status and the day's report
against raw sqlite3; contention; live update (a commit here to the real board, headless in
another process, showing it) on SQLite and PostgreSQL; the idle board's CPU; each role's
start-up to first paint and peak memory against a bare one-line Textual app (benchmarks/apps.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import apps, contention, hot_paths, store_gen  # noqa: E402

OFFICE = str(ROOT / "tests" / "profiles" / "always-open.toml")
KUPANG = str(ROOT / "data" / "offices" / "kpp-pratama-kupang.toml")
PG_DEFAULT = "postgresql://kiosk:kiosk@127.0.0.1:5432/kiosk_test"


def log(*parts) -> None:
    print(*parts, file=sys.stderr, flush=True)


def sqlite_store(folder: Path, size: int, iterations: int) -> dict:
    from kiosk.desk.store import open_desk

    path = folder / f"store-{size}.db"
    desk = open_desk(str(path), OFFICE, create=True)
    desk.db.close()
    log(f"filling a store of {size:,} tickets …")
    seconds = store_gen.fill_sqlite(str(path), size, desk.today(), progress=log)
    log(f"  filled in {seconds:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")
    desk = open_desk(str(path), OFFICE)
    result = hot_paths.measure(desk, hot_paths.RawDesk(str(path)), iterations)
    desk.db.close()
    path.unlink()
    return result


def postgres_store(url: str, iterations: int, size: int) -> dict | None:
    try:
        import psycopg2

        psycopg2.connect(url, connect_timeout=3).close()
    except Exception as exc:
        log(f"PostgreSQL skipped: {exc}")
        return None
    from kiosk.desk.store import open_desk

    def measure(schema_url: str) -> dict:
        desk = open_desk(schema_url, OFFICE, create=True)
        log(f"filling a PostgreSQL store of {size:,} tickets …")
        store_gen.fill_postgres(desk.db, size, desk.today())
        result = hot_paths.measure(desk, None, iterations)
        desk.db.close()
        return result

    return postgres_schema(url, measure)


def ratio(ours: float, base: float) -> float:
    return ours / base if base else float("inf")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short run")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--pg", default=os.environ.get("KIOSK_BENCH_PG", PG_DEFAULT),
                        help="PostgreSQL URL for the PostgreSQL figures")
    args = parser.parse_args(argv)
    small, large = (10_000, 200_000) if args.quick else (10_000, 10_000_000)
    iterations = 200 if args.quick else 900  # a day holds at most 999 numbers
    changes, idle, repeats = (20, 5.0, 3) if args.quick else (30, 10.0, 5)
    started = time.time()
    figures: dict = {"quick": args.quick, "sizes": [small, large], "iterations": iterations,
                     "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}

    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        folder = Path(tmp)
        stores = {size: sqlite_store(folder, size, iterations) for size in (small, large)}
        log("contention: 8 processes booking at once …")
        figures["contention"] = contention.measure(str(folder / "contention.db"), OFFICE,
                                                   quota=400, each=100)
        log("live update and idle board on SQLite …")
        figures["live_update_sqlite"] = apps.live_update(str(folder / "live.db"), OFFICE,
                                                         changes, idle_seconds=idle)
        log("start-up and memory of each role …")
        figures["startup"] = apps.startup(str(folder / "live.db"), KUPANG, repeats)
    figures["postgresql"] = postgres_store(args.pg, iterations, small)
    figures["live_update_postgresql"] = None
    if figures["postgresql"]:
        log("live update on PostgreSQL …")
        figures["live_update_postgresql"] = postgres_schema(
            args.pg, lambda url: apps.live_update(url, OFFICE, changes))
    if figures["postgresql"]:
        pg_contention = postgres_contention(args.pg)
        figures["postgresql"]["contention"] = pg_contention

    table = []
    growth = []
    for name in ("book", "call_next", "status", "report"):
        for size in (small, large):
            ours, base = stores[size][name], stores[size][f"{name}_raw"]
            figures[f"{name}_{size}"] = {**ours, "raw_median_us": base["median_us"],
                                         "raw_p99_us": base["p99_us"],
                                         "ratio": ratio(ours["median_us"], base["median_us"])}
            table.append((f"{name} @ {size:,}", ours["median_us"], ours["p99_us"],
                          base["median_us"], figures[f"{name}_{size}"]["ratio"]))
        growth.append(ratio(stores[large][name]["median_us"], stores[small][name]["median_us"]))
        figures[f"{name}_growth"] = growth[-1]
    figures["book_ratio"] = max(figures[f"book_{s}"]["ratio"] for s in (small, large))
    figures["call_next_ratio"] = max(figures[f"call_next_{s}"]["ratio"] for s in (small, large))
    figures["status_ratio"] = max(figures[f"status_{s}"]["ratio"] for s in (small, large))
    figures["report_ratio"] = max(figures[f"report_{s}"]["ratio"] for s in (small, large))
    figures["growth_max"] = max(growth)
    lives = [f for f in (figures["live_update_sqlite"], figures["live_update_postgresql"]) if f]
    figures["live_update_p99_ms"] = max(f["p99_ms"] for f in lives)
    figures["idle_board_cpu_pct"] = figures["live_update_sqlite"]["idle_cpu_pct"]
    roles = ("lobby", "board", "counter")
    figures["startup_ratio"] = max(figures["startup"][r]["startup_ratio"] for r in roles)
    figures["memory_ratio"] = max(figures["startup"][r]["memory_ratio"] for r in roles)
    figures["contention_errors"] = figures["contention"]["errors"]
    figures["quota_held"] = figures["contention"]["quota_held"] and (
        not figures["postgresql"] or figures["postgresql"]["contention"]["quota_held"])
    figures["seconds"] = time.time() - started

    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"{'figure':<24}{'median µs':>12}{'p99 µs':>12}{'raw sqlite3 µs':>16}{'ratio':>8}")
    for name, median, p99, base, r in table:
        print(f"{name:<24}{median:>12.1f}{p99:>12.1f}{base:>16.1f}{r:>8.2f}")
    for name in ("book", "call_next", "status", "report"):
        print(f"{name + ' growth ' + f'{large:,}÷{small:,}':<40}{figures[f'{name}_growth']:>8.2f}")
    c = figures["contention"]
    print(f"contention (SQLite): {c['booked']} booked, {c['refused']} refused, {c['errors']} errors, "
          f"{c['bookings_per_s']:.0f} bookings/s, quota held: {c['quota_held']}")
    if figures["postgresql"]:
        pg = figures["postgresql"]
        print(f"PostgreSQL @ {small:,}: book {pg['book']['median_us']:.1f} µs "
              f"(p99 {pg['book']['p99_us']:.1f}), call next {pg['call_next']['median_us']:.1f} µs "
              f"(p99 {pg['call_next']['p99_us']:.1f}), status {pg['status']['median_us']:.1f} µs")
        pc = pg["contention"]
        print(f"contention (PostgreSQL): {pc['booked']} booked, {pc['refused']} refused, "
              f"{pc['errors']} errors, {pc['bookings_per_s']:.0f} bookings/s, quota held: {pc['quota_held']}")
    for engine in ("sqlite", "postgresql"):
        lu = figures[f"live_update_{engine}"]
        if lu:
            print(f"live update ({engine}, real board in another process, {lu['changes']} changes): "
                  f"median {lu['median_ms']:.0f} ms, p99 {lu['p99_ms']:.0f} ms (target p99 ≤ 500)")
    lu = figures["live_update_sqlite"]
    print(f"idle board: {lu['idle_cpu_pct']:.2f} % of one core over {lu['idle_seconds']:.0f} s "
          f"(target ≤ 1 %)")
    st = figures["startup"]
    print(f"{'start-up to first frame':<24}{'ms':>12}{'bare ms':>12}{'ratio':>8}"
          f"{'max RSS MB':>12}{'bare MB':>10}{'ratio':>8}{'idle ms':>10}{'bare':>7}")
    for role in roles:
        r, b = st[role], st["bare"]
        print(f"{role:<24}{r['startup_ms']:>12.0f}{b['startup_ms']:>12.0f}{r['startup_ratio']:>8.2f}"
              f"{r['maxrss_mb']:>12.1f}{b['maxrss_mb']:>10.1f}{r['memory_ratio']:>8.2f}"
              f"{r['ready_ms']:>10.0f}{b['ready_ms']:>7.0f}")
    print(f"({figures['seconds']:.0f} s)")
    return 0


def postgres_contention(url: str) -> dict:
    return postgres_schema(url, lambda schema_url: contention.measure(schema_url, OFFICE,
                                                                       quota=400, each=100))


def postgres_schema(url: str, work):
    """``work(url)`` on a fresh schema of the server at ``url``, dropped afterwards."""
    import psycopg2

    admin = psycopg2.connect(url)
    admin.autocommit = True
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin.cursor().execute(f"CREATE SCHEMA {schema}")
    try:
        sep = "&" if "?" in url else "?"
        return work(f"{url}{sep}options=-csearch_path%3D{schema}")
    finally:
        admin.cursor().execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()


if __name__ == "__main__":
    sys.exit(main())
