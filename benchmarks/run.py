"""How fast, how light, how it grows: every figure against its baseline in the same run.

    python benchmarks/run.py            # the full run: 10 thousand and 10 million tickets
    python benchmarks/run.py --quick    # a short run: 10 thousand and 200 thousand
    python benchmarks/run.py --json     # one JSON object instead of the table

Ratios are ours ÷ baseline (lower is better), each the median of per-round ratios with
its spread (the middle half of them); growth is the figure at the large store ÷ the same
figure at the small one. Figures: book, call next, today's status, a 93-day report and the
survey report over a year against the same statements by hand (sqlite3, psycopg2) at both
sizes on both engines; `kiosk backup` against a bare copy (SQLite, both sizes);
contention; live update (a commit here to the frame the real board, headless in another
process, paints) on SQLite and PostgreSQL; the idle board's CPU; one more web-board
viewer; each role's start-up to first frame and peak memory against a bare one-line
Textual app, as a lobby PC runs (PYTHONDONTWRITEBYTECODE unset) and with it set.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import apps, contention, hot_paths, store_gen, table, viewer  # noqa: E402
from benchmarks import counter_viewer  # noqa: E402
from benchmarks import backup_figure, bulk_fill, more_figures  # noqa: E402
from benchmarks.raw import RawDesk  # noqa: E402

OFFICE = str(ROOT / "tests" / "profiles" / "always-open.toml")
KUPANG = str(ROOT / "data" / "offices" / "kpp-pratama-kupang.toml")
PG_DEFAULT = "postgresql://kiosk:kiosk@127.0.0.1:5432/kiosk_test"
FIGURES = ("book", "call_next", "status", "report")


def log(*parts) -> None:
    print(*parts, file=sys.stderr, flush=True)


def measure_store(url: str, size: int, plan: dict, fill) -> dict:
    from kiosk.desk.store import open_desk

    desk = open_desk(url, OFFICE, create=True)
    log(f"filling a store of {size:,} tickets ({url.split('?')[0].split('/')[-1]}) …")
    seconds = fill(desk, size)
    log(f"  filled in {seconds:.1f} s")
    desk.db.close()
    desk = open_desk(url, OFFICE)  # as a terminal opens it
    raw = RawDesk(url)
    try:
        return hot_paths.measure(desk, raw, plan["rounds"], plan["per_round"],
                                 plan["report_rounds"], store_gen.layout(size)[0])
    finally:
        raw.close()
        desk.db.close()


def sqlite_store(folder: Path, size: int, plan: dict, keep: Path | None = None) -> dict:
    """The figures on a SQLite store of ``size`` tickets; with ``keep``, the filled store is
    kept there (one per size and day) and copied for every later run of that day."""
    path = folder / f"store-{size}.db"

    def fill(desk, n):
        desk.db.close()
        kept = keep / f"store-{n}-{desk.today().isoformat()}.db" if keep else None
        if kept and kept.exists():
            started = time.perf_counter()
            shutil.copyfile(kept, path)
            log(f"  copied from {kept}")
            return time.perf_counter() - started
        seconds = bulk_fill.fill_sqlite(str(path), n, desk.today(), progress=log)
        log(f"  {path.stat().st_size / 1e6:.0f} MB")
        if kept:
            shutil.copyfile(path, kept)
        return seconds

    try:
        result = measure_store(str(path), size, plan, fill)
        log(f"kiosk backup of the store of {size:,} …")
        result["backup"] = backup_figure.measure(path, folder, 3 if size <= 1_000_000 else 1)
        return result
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def postgres_ok(url: str) -> bool:
    try:
        import psycopg2

        psycopg2.connect(url, connect_timeout=3).close()
        return True
    except Exception as exc:
        log(f"PostgreSQL skipped: {exc}")
        return False


def postgres_store(url: str, size: int, plan: dict) -> dict:
    return postgres_schema(url, lambda schema_url: measure_store(
        schema_url, size, plan, lambda desk, n: bulk_fill.fill_postgres(schema_url, n, desk.today())))


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


def collect(figures: dict, engine: str, stores: dict, small: int, large: int) -> None:
    """The per-figure entries and the top-level ratios of one engine."""
    prefix = "" if engine == "sqlite" else "postgres_"
    for name in FIGURES:
        for size in (small, large):
            f = stores[size][name]
            entry = {**f, "median_us": f["ours"]["median_us"],
                     "raw_median_us": f["base"]["median_us"]}
            for key in ("p99_us", "max_us"):
                if key in f["ours"]:
                    entry[key] = f["ours"][key]
                    entry[f"raw_{key}"] = f["base"][key]
            figures[f"{prefix}{name}_{size}"] = entry
        big, little = stores[large][name], stores[small][name]
        figures[f"{prefix}{name}_growth"] = big["ours"]["median_us"] / little["ours"]["median_us"]
        figures[f"{prefix}{name}_raw_growth"] = big["base"]["median_us"] / little["base"]["median_us"]
        worst = max((small, large), key=lambda s: stores[s][name]["ratio"])
        figures[f"{prefix}{name}_ratio"] = stores[worst][name]["ratio"]
        figures[f"{prefix}{name}_ratio_spread"] = stores[worst][name]["spread"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short run")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--pg", default=os.environ.get("KIOSK_BENCH_PG", PG_DEFAULT),
                        help="PostgreSQL URL for the PostgreSQL figures")
    parser.add_argument("--large", type=int, default=None,
                        help="the large SQLite store (default: 10 million; --quick 200 thousand)")
    parser.add_argument("--pg-large", type=int, default=None,
                        help="the large PostgreSQL store (default: as large as SQLite's)")
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep the filled SQLite stores in this folder and copy them "
                             "on later runs of the same day (the fill of 10 million takes minutes)")
    args = parser.parse_args(argv)
    small, large = (10_000, 200_000) if args.quick else (10_000, 10_000_000)
    large = args.large or large
    pg_large = args.pg_large or large
    plan = ({"rounds": 6, "per_round": 20, "report_rounds": 4} if args.quick
            else {"rounds": 10, "per_round": 30, "report_rounds": 8})
    changes, idle, repeats = (60, 5.0, 3) if args.quick else (200, 20.0, 7)
    started = time.time()
    figures: dict = {"quick": args.quick, "sizes": [small, large], "postgres_sizes": [small, pg_large],
                     "iterations": plan["rounds"] * plan["per_round"], "plan": plan,
                     "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                     "python": sys.version.split()[0]}

    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        folder = Path(tmp)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
        stores = {size: sqlite_store(folder, size, plan, args.keep) for size in (small, large)}
        collect(figures, "sqlite", stores, small, large)
        more_figures.collect(figures, "sqlite", stores, small, large)
        log("contention: 8 processes booking at once …")
        figures["contention"] = contention.measure(str(folder / "contention.db"), OFFICE,
                                                   quota=400, each=100)
        log(f"live update ({changes} changes) and idle board on SQLite …")
        figures["live_update_sqlite"] = apps.live_update(str(folder / "live.db"), OFFICE,
                                                         changes, idle_seconds=idle)
        log("one more web-board viewer (the TV page, then the terminal board) …")
        figures["viewer"] = viewer.one_more_viewer(str(folder / "live.db"), OFFICE)
        figures["viewer_terminal"] = viewer.one_more_viewer(str(folder / "live.db"), OFFICE,
                                                            terminal=True)
        log("one more served counter (an officer's browser) …")
        figures["counter_viewer"] = counter_viewer.one_more_counter(str(folder / "live.db"), OFFICE)
        log("start-up and memory of each role (as a lobby PC runs, then with "
            "PYTHONDONTWRITEBYTECODE=1) …")
        figures["startup"] = apps.startup(str(folder / "live.db"), KUPANG, repeats,
                                          env=apps.lobby_pc_env())
        figures["startup_dont_write_bytecode"] = apps.startup(
            str(folder / "live.db"), KUPANG, repeats, env=apps.lobby_pc_env(True))
    figures["postgresql"] = None
    figures["live_update_postgresql"] = None
    if postgres_ok(args.pg):
        pg = {size: postgres_store(args.pg, size, plan) for size in (small, pg_large)}
        collect(figures, "postgresql", pg, small, pg_large)
        more_figures.collect(figures, "postgresql", pg, small, pg_large)
        figures["postgresql"] = {"contention": postgres_schema(
            args.pg, lambda url: contention.measure(url, OFFICE, quota=400, each=100))}
        log("live update on PostgreSQL …")
        figures["live_update_postgresql"] = postgres_schema(
            args.pg, lambda url: apps.live_update(url, OFFICE, changes))

    ratio_keys = [f"{n}_ratio" for n in FIGURES]
    ratio_keys += [f"postgres_{n}_ratio" for n in FIGURES if figures["postgresql"]]
    figures["growth_max"] = max(figures[k.replace("_ratio", "_growth")] for k in ratio_keys)
    lives = [f for f in (figures["live_update_sqlite"], figures["live_update_postgresql"]) if f]
    tail = "p99_ms" if all("p99_ms" in f for f in lives) else "max_ms"
    figures["live_update_p99_ms"] = max(f[tail] for f in lives)
    figures["live_update_tail"] = tail
    figures["live_update_samples"] = min(f["samples"] for f in lives)
    figures["idle_board_cpu_pct"] = figures["live_update_sqlite"]["idle_cpu_pct"]
    figures["viewer_memory_mb"] = figures["viewer"]["pss_mb"] if figures["viewer"] else None
    figures["viewer_cpu_pct"] = figures["viewer"]["cpu_pct"] if figures["viewer"] else None
    terminal_viewer = figures["viewer_terminal"]
    figures["viewer_terminal_memory_mb"] = terminal_viewer["pss_mb"] if terminal_viewer else None
    roles = ("lobby", "board", "counter")
    figures["startup_ratio"] = max(figures["startup"][r]["startup_ratio"] for r in roles)
    figures["memory_ratio"] = max(figures["startup"][r]["memory_ratio"] for r in roles)
    figures["contention_errors"] = figures["contention"]["errors"]
    figures["quota_held"] = figures["contention"]["quota_held"] and (
        not figures["postgresql"] or figures["postgresql"]["contention"]["quota_held"])
    figures["seconds"] = time.time() - started

    if args.json:
        print(json.dumps(figures, indent=2, default=str))
    else:
        table.show(figures)
        more_figures.show(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
