"""The figures of issue 18 beyond the hot paths: the survey report over a year (both
engines, both sizes) and `kiosk backup` (SQLite, both sizes), each with its baseline, ratio
and spread; their keys in ``run.py --json``, their lines in the table and the summary."""

from __future__ import annotations

from benchmarks.paired import shown

SIZED = ("survey",)


def collect(figures: dict, engine: str, stores: dict, small: int, large: int) -> None:
    prefix = "" if engine == "sqlite" else "postgres_"
    names = SIZED + (("backup",) if engine == "sqlite" and "backup" in stores[small] else ())
    for name in names:
        for size in (small, large):
            f = stores[size][name]
            figures[f"{prefix}{name}_{size}"] = {**f, "median_us": f["ours"]["median_us"],
                                                 "raw_median_us": f["base"]["median_us"]}
        big, little = stores[large][name], stores[small][name]
        figures[f"{prefix}{name}_growth"] = big["ours"]["median_us"] / little["ours"]["median_us"]
        figures[f"{prefix}{name}_raw_growth"] = big["base"]["median_us"] / little["base"]["median_us"]
        figures[f"{prefix}{name}_ratio"] = big["ratio"]
        figures[f"{prefix}{name}_ratio_spread"] = big["spread"]
    if "backup" in names:
        figures["backup_seconds"] = stores[large]["backup"]["ours"]["median_s"]


def show(f: dict) -> None:
    for prefix, engine, sizes in (("", "sqlite3", f["sizes"]),
                                  ("postgres_", "psycopg2", f.get("postgres_sizes") or [])):
        for name, what, unit, scale in (("survey", "survey report, a year", "ms", 1e3),
                                        ("backup", "kiosk backup", "s", 1e6)):
            if f"{prefix}{name}_ratio" not in f:
                continue
            for size in sizes:
                e = f[f"{prefix}{name}_{size}"]
                extra = f", {e['store_mb']:.0f} MB" if "store_mb" in e else ""
                print(f"{what} @ {size:,}{extra}: ours {e['ours']['median_us'] / scale:.1f} {unit}, "
                      f"{engine} {e['base']['median_us'] / scale:.1f} {unit}, ratio "
                      f"{shown(e['ratio'], *e['spread'])} (n {e['ours']['samples']})")
            print(f"{what} growth: ours {f[f'{prefix}{name}_growth']:.2f}, "
                  f"{engine} {f[f'{prefix}{name}_raw_growth']:.2f}")


def summary_rows(runs: list[dict], median_run, fmt) -> list[str]:
    """The README table's rows of these figures (summarize.py's helpers passed in)."""
    lines = []
    for prefix, engine, sizes_key in (("", "sqlite3", "sizes"),
                                      ("postgres_", "psycopg2", "postgres_sizes")):
        for name, what, unit, scale in (("survey", "survey report, a year", "ms", 1e3),
                                        ("backup", "kiosk backup", "s", 1e6)):
            if not all(f"{prefix}{name}_ratio" in r for r in runs):
                continue
            for size in runs[0][sizes_key]:
                key = f"{prefix}{name}_{size}"
                ratio, low, high, mid = median_run(runs, lambda r: r[key]["ratio"])
                e = mid[key]
                lines.append(f"| {what} @ {size:,} ({engine}) | {e['ours']['median_us'] / scale:.1f} "
                             f"{unit} | {e['base']['median_us'] / scale:.1f} {unit} | "
                             f"{fmt(ratio, low, high, e['spread'])} | {e['ours']['samples']} |")
    return lines
