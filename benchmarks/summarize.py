"""The table of several full runs: each figure the median of the runs, with the range the
runs gave (lowest–highest) and the middle half of the per-round ratios of the median run.

    python benchmarks/run.py --json > run1.json   # (three times)
    python benchmarks/summarize.py run1.json run2.json run3.json
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import more_figures  # noqa: E402
from benchmarks.paired import decimals  # noqa: E402

FIGURES = ("book", "call_next", "status", "report")


def _median_run(runs: list[dict], get) -> tuple[float, float, float, dict]:
    values = [(get(r), r) for r in runs]
    values.sort(key=lambda v: v[0])
    middle = values[len(values) // 2]
    return statistics.median(v for v, _ in values), values[0][0], values[-1][0], middle[1]


def _fmt(value: float, low: float, high: float, spread: list[float] | None = None) -> str:
    lo, hi = (min(low, spread[0]), max(high, spread[1])) if spread else (low, high)
    d = decimals(lo, hi)
    text = f"{value:.{d}f} [{low:.{d}f}–{high:.{d}f}]"
    if spread:
        text += f" ({spread[0]:.{d}f}–{spread[1]:.{d}f})"
    return text


def hot_rows(runs: list[dict], prefix: str, sizes_key: str, baseline: str) -> list[str]:
    lines = [f"| {baseline} figure | ours µs | {baseline} µs | ratio: median [runs] (middle half) | n |",
             "|---|---:|---:|---|---:|"]
    for name in FIGURES:
        for size in runs[0][sizes_key]:
            key = f"{prefix}{name}_{size}"
            ratio, low, high, mid = _median_run(runs, lambda r: r[key]["ratio"])
            e = mid[key]
            lines.append(f"| {name} @ {size:,} | {e['ours']['median_us']:.0f} | "
                         f"{e['base']['median_us']:.0f} | {_fmt(ratio, low, high, e['spread'])} | "
                         f"{e['ours']['samples']} |")
    for name in FIGURES:
        g, low, high, _ = _median_run(runs, lambda r: r[f"{prefix}{name}_growth"])
        rg, rlow, rhigh, _ = _median_run(runs, lambda r: r[f"{prefix}{name}_raw_growth"])
        lines.append(f"| {name} growth (large ÷ 10,000) | {_fmt(g, low, high)} | "
                     f"{_fmt(rg, rlow, rhigh)} | | |")
    return lines


def one(runs: list[dict], label: str, get, unit: str = "") -> str:
    value, low, high, _ = _median_run(runs, get)
    return f"| {label} | {_fmt(value, low, high)}{unit} |"


def main(paths: list[str]) -> int:
    runs = [json.loads(Path(p).read_text()) for p in paths]
    print(f"{len(runs)} runs: " + ", ".join(r["date"] for r in runs))
    print("\n".join(hot_rows(runs, "", "sizes", "sqlite3")))
    if all(r["postgresql"] for r in runs):
        print()
        print("\n".join(hot_rows(runs, "postgres_", "postgres_sizes", "psycopg2")))
    print()
    print("| figure | ours | baseline | ratio: median [runs] (middle half) | n |")
    print("|---|---:|---:|---|---:|")
    print("\n".join(more_figures.summary_rows(runs, _median_run, _fmt)))
    print()
    print("| figure | median [runs] |")
    print("|---|---|")
    tail = runs[0]["live_update_tail"].split("_")[0]
    for engine in ("sqlite", "postgresql"):
        if all(r[f"live_update_{engine}"] for r in runs):
            print(one(runs, f"live update {engine}, median ms",
                      lambda r: r[f"live_update_{engine}"]["median_ms"]))
            print(one(runs, f"live update {engine}, {tail} ms ({runs[0]['live_update_samples']} changes)",
                      lambda r: r[f"live_update_{engine}"][f"{tail}_ms"]))
    print(one(runs, "idle board, % of one core", lambda r: r["idle_board_cpu_pct"]))
    if all(r["viewer"] for r in runs):
        print(one(runs, "one more web viewer, MB (PSS)", lambda r: r["viewer"]["pss_mb"]))
        print(one(runs, "one more web viewer, MB (RSS)", lambda r: r["viewer"]["rss_mb"]))
        print(one(runs, "one more web viewer, % of one core idle", lambda r: r["viewer"]["cpu_pct"]))
    if all(r.get("viewer_terminal") for r in runs):
        print(one(runs, "one more terminal-board viewer (textual-serve), MB (PSS)",
                  lambda r: r["viewer_terminal"]["pss_mb"]))
        print(one(runs, "one more terminal-board viewer (textual-serve), % of one core idle",
                  lambda r: r["viewer_terminal"]["cpu_pct"]))
    for key, env in (("startup", "lobby PC"), ("startup_dont_write_bytecode", "PYTHONDONTWRITEBYTECODE=1")):
        shown = ("floor",) if all("floor" in r[key] for r in runs) else ()  # runs since the floor
        for role in (*shown, "lobby", "board", "counter"):
            print(one(runs, f"start-up {role} ÷ bare ({env})", lambda r: r[key][role]["startup_ratio"]))
        print(one(runs, f"memory (max RSS) worst role ÷ bare ({env})",
                  lambda r: max(r[key][x]["memory_ratio"] for x in ("lobby", "board", "counter"))))
        print(one(runs, f"bare app start-up ms ({env})", lambda r: r[key]["bare"]["startup_ms"]))
    for engine, get in (("SQLite", lambda r: r["contention"]), ("PostgreSQL", lambda r: r["postgresql"]["contention"])):
        if engine == "SQLite" or all(r["postgresql"] for r in runs):
            print(one(runs, f"contention {engine}, bookings/s (8 processes)", lambda r: get(r)["bookings_per_s"]))
    print(f"| contention errors / quota held | {[r['contention_errors'] for r in runs]} / "
          f"{[r['quota_held'] for r in runs]} |")
    print(f"| seconds a run | {[round(r['seconds']) for r in runs]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
