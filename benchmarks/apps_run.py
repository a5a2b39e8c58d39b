"""The terminals' own figures alone, several times: live update on both engines, the idle
board, one more web-board viewer (the TV page and the terminal board), each role's start-up
and memory. The same measures as ``benchmarks/run.py`` (benchmarks/apps.py, viewer.py),
without the stores of millions of tickets, for checking a change to the boards or start-up.

    python benchmarks/apps_run.py [--runs 3] [--changes 200] [--json]

Prints, for each figure, the median of the runs and their range [lowest–highest], with the
machine's load average at the start and end of each run (a shared machine moves them).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import apps, run, viewer  # noqa: E402

Read = Callable[[dict], "float | None"]
FIGURES: dict[str, Read] = {  # label -> how to read it from one run
    "live update sqlite, median ms": lambda r: r["live_update_sqlite"]["median_ms"],
    "live update sqlite, p99 ms": lambda r: r["live_update_sqlite"].get("p99_ms"),
    "live update sqlite, max ms": lambda r: r["live_update_sqlite"]["max_ms"],
    "live update postgresql, median ms": lambda r: (r["live_update_postgresql"] or {}).get("median_ms"),
    "live update postgresql, p99 ms": lambda r: (r["live_update_postgresql"] or {}).get("p99_ms"),
    "live update postgresql, max ms": lambda r: (r["live_update_postgresql"] or {}).get("max_ms"),
    "idle board, % of one core": lambda r: r["live_update_sqlite"]["idle_cpu_pct"],
    "one more TV-page viewer, MB (PSS)": lambda r: (r["viewer"] or {}).get("pss_mb"),
    "one more TV-page viewer, % of one core idle": lambda r: (r["viewer"] or {}).get("cpu_pct"),
    "one more terminal-board viewer, MB (PSS)": lambda r: (r["viewer_terminal"] or {}).get("pss_mb"),
    "one more terminal-board viewer, % of one core idle":
        lambda r: (r["viewer_terminal"] or {}).get("cpu_pct"),
}
ROLES = ("lobby", "board", "counter")


def _ratio(key: str, role: str) -> Read:
    return lambda r: r[key][role]["startup_ratio"]


def _memory(key: str) -> Read:
    return lambda r: max(r[key][role]["memory_ratio"] for role in ROLES)


def _ms(key: str, role: str, figure: str) -> Read:
    return lambda r: r[key][role].get(figure)


for _key, _env in (("startup", "lobby PC"), ("startup_dont_write_bytecode", "PYTHONDONTWRITEBYTECODE=1")):
    for _role in ("floor", *ROLES):
        FIGURES[f"start-up {_role} ÷ bare ({_env})"] = _ratio(_key, _role)
    FIGURES[f"memory worst role ÷ bare ({_env})"] = _memory(_key)
    for _role in ("bare", "floor", *ROLES):
        FIGURES[f"{_role} start-up ms ({_env})"] = _ms(_key, _role, "startup_ms")
        FIGURES[f"{_role} launch to App.run ms ({_env})"] = _ms(_key, _role, "before_run_ms")
        FIGURES[f"{_role} App.run to first frame ms ({_env})"] = _ms(_key, _role, "drawing_ms")


def one_run(changes: int, idle: float, repeats: int, pg: str) -> dict:
    figures: dict = {"load_before": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="kiosk-apps-") as tmp:
        live = str(Path(tmp) / "live.db")
        figures["live_update_sqlite"] = apps.live_update(live, run.OFFICE, changes, idle_seconds=idle)
        figures["viewer"] = viewer.one_more_viewer(live, run.OFFICE)
        figures["viewer_terminal"] = viewer.one_more_viewer(live, run.OFFICE, terminal=True)
        figures["startup"] = apps.startup(live, run.KUPANG, repeats, env=apps.lobby_pc_env())
        figures["startup_dont_write_bytecode"] = apps.startup(
            live, run.KUPANG, repeats, env=apps.lobby_pc_env(True))
    figures["live_update_postgresql"] = (
        run.postgres_schema(pg, lambda url: apps.live_update(url, run.OFFICE, changes))
        if run.postgres_ok(pg) else None)
    figures["load_after"] = os.getloadavg()
    return figures


def summary(runs: list[dict]) -> list[str]:
    lines = []
    for label, read in FIGURES.items():
        values = [v for v in (read(r) for r in runs) if v is not None]
        if values:
            digits = 0 if max(abs(v) for v in values) >= 20 else 2
            lines.append(f"| {label} | {statistics.median(values):.{digits}f} "
                         f"[{min(values):.{digits}f}–{max(values):.{digits}f}] |")
    loads = [f"{r['load_before'][0]:.1f}→{r['load_after'][0]:.1f}" for r in runs]
    lines.append(f"| load average (1 min) at the start → end of each run | {', '.join(loads)} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--changes", type=int, default=200, help="live updates a run (≥ 200: a p99)")
    parser.add_argument("--idle", type=float, default=20.0, help="seconds of the idle board")
    parser.add_argument("--repeats", type=int, default=7, help="starts of each role a run")
    parser.add_argument("--pg", default=os.environ.get("KIOSK_BENCH_PG", run.PG_DEFAULT))
    parser.add_argument("--json", action="store_true", help="print the runs as JSON")
    args = parser.parse_args(argv)
    runs = []
    for number in range(args.runs):
        started = time.time()
        print(f"run {number + 1} of {args.runs} …", file=sys.stderr, flush=True)
        runs.append(one_run(args.changes, args.idle, args.repeats, args.pg))
        runs[-1]["seconds"] = time.time() - started
    if args.json:
        print(json.dumps(runs, indent=2, default=str))
    else:
        print("\n".join(summary(runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
