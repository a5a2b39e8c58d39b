"""The runner's figures as a table, each ratio with its spread and no more decimals than
the spread allows."""

from __future__ import annotations

from benchmarks.paired import shown

FIGURES = ("book", "call_next", "status", "report")


def _tail(entry: dict, unit: str) -> str:
    if f"p99_{unit}" in entry:
        return f"p99 {entry[f'p99_{unit}']:.0f}"
    return f"max {entry[f'max_{unit}']:.0f}"


def hot_paths(f: dict, prefix: str, sizes: list[int], baseline: str) -> None:
    print(f"{'figure':<28}{'median µs':>11}{'tail µs':>11}{baseline + ' µs':>14}{'tail µs':>11}"
          f"   ratio (middle half)   n")
    for name in FIGURES:
        for size in sizes:
            e = f[f"{prefix}{name}_{size}"]
            print(f"{name + ' @ ' + format(size, ','):<28}{e['ours']['median_us']:>11.0f}"
                  f"{_tail(e['ours'], 'us'):>11}{e['base']['median_us']:>14.0f}"
                  f"{_tail(e['base'], 'us'):>11}   {shown(e['ratio'], *e['spread']):<22}"
                  f"{e['ours']['samples']}")
    for name in FIGURES:
        print(f"{name} growth {sizes[1]:,}÷{sizes[0]:,}: ours {f[f'{prefix}{name}_growth']:.2f}, "
              f"{baseline} {f[f'{prefix}{name}_raw_growth']:.2f}")


def show(f: dict) -> None:
    print("SQLite (the desk against raw sqlite3, same statements, same pragmas)")
    hot_paths(f, "", f["sizes"], "sqlite3")
    if f["postgresql"]:
        print("PostgreSQL (the desk against raw psycopg2, same statements)")
        hot_paths(f, "postgres_", f["postgres_sizes"], "psycopg2")
    contention = [("SQLite", f["contention"])]
    if f["postgresql"]:
        contention.append(("PostgreSQL", f["postgresql"]["contention"]))
    for engine, c in contention:
        print(f"contention ({engine}): {c['booked']} booked, {c['refused']} refused, "
              f"{c['errors']} errors, {c['bookings_per_s']:.0f} bookings/s, "
              f"quota held: {c['quota_held']}")
    for engine in ("sqlite", "postgresql"):
        lu = f[f"live_update_{engine}"]
        if lu:
            print(f"live update ({engine}, commit → frame painted by the real board in another "
                  f"process, {lu['samples']} changes): median {lu['median_ms']:.0f} ms, "
                  f"{_tail(lu, 'ms')} ms (target p99 ≤ 250); to show(): median "
                  f"{lu['shown']['median_ms']:.0f} ms")
    lu = f["live_update_sqlite"]
    print(f"idle board: {lu['idle_cpu_pct']:.2f} % of one core over {lu['idle_seconds']:.0f} s "
          f"(target ≤ 0.5 %)")
    for v in (f["viewer"], f.get("viewer_terminal")):
        if v:
            print(f"one more web-board viewer, {v.get('board', 'terminal (textual-serve)')}: "
                  f"+{v['pss_mb']:.1f} MB PSS (+{v['rss_mb']:.1f} MB RSS), "
                  f"+{v['cpu_pct']:.2f} % of one core idle ({v['processes'][0]} → "
                  f"{v['processes'][1]} processes)")
    roles = ("lobby", "board", "counter")
    for key, label in (("startup", "as a lobby PC runs (bytecode compiled, "
                        "PYTHONDONTWRITEBYTECODE unset)"),
                       ("startup_dont_write_bytecode", "with PYTHONDONTWRITEBYTECODE=1")):
        st = f[key]
        print(f"start-up to first frame, {label}, median of {st['repeats']}:")
        print(f"{'role':<10}{'ms':>8}{'bare ms':>9}   {'ratio (middle half)':<22}{'max RSS MB':>11}"
              f"{'bare MB':>9}{'ratio':>7}{'idle ms':>9}{'bare':>6}{'to run':>8}{'drawing':>9}")
        b = st["bare"]
        print(f"{'bare':<10}{b['startup_ms']:>8.0f}{'':>9}   {'':<22}{b['maxrss_mb']:>11.1f}"
              f"{'':>9}{'':>7}{b['ready_ms']:>9.0f}{'':>6}{_ms(b, 'before_run_ms'):>8}{_ms(b, 'drawing_ms'):>9}")
        for role in ("floor", *roles) if "floor" in st else roles:
            r = st[role]
            print(f"{role:<10}{r['startup_ms']:>8.0f}{b['startup_ms']:>9.0f}   "
                  f"{shown(r['startup_ratio'], *r['startup_spread']):<22}{r['maxrss_mb']:>11.1f}"
                  f"{b['maxrss_mb']:>9.1f}{r['memory_ratio']:>7.2f}{r['ready_ms']:>9.0f}"
                  f"{b['ready_ms']:>6.0f}{_ms(r, 'before_run_ms'):>8}"
                  f"{_ms(r, 'drawing_ms'):>9}")
        print("(floor: Textual alone drawing the lobby's welcome, no kiosk code; to run: launch "
              "to App.run, the imports, profile and store; drawing: App.run to the first frame)")
    print(f"({f['seconds']:.0f} s)")


def _ms(figures: dict, key: str) -> str:
    """A start-up phase in ms, or "–" for a run from before the phases were measured."""
    return f"{figures[key]:.0f}" if key in figures else "–"
