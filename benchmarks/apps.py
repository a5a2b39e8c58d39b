"""What a user of the terminals feels and what the machine spends: live update (a commit here
to the real board in another process showing it), the idle board's CPU, and each role's
start-up time and memory against a bare one-line Textual app."""

from __future__ import annotations

import compileall
import json
import os
import random
import select
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.paired import quartiles, summary

ROOT = Path(__file__).resolve().parent.parent
PROBE = str(ROOT / "benchmarks" / "app_probe.py")
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system time of a process so far, from /proc (its threads included)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def _painted(board: subprocess.Popen, at_least: int, timeout: float = 10.0) -> tuple[float, float]:
    """The wall times at which the board showed, then painted, a status with ``at_least``
    numbers issued."""
    deadline = time.time() + timeout
    shown = None
    out = board.stdout
    assert out is not None
    while time.time() < deadline:
        ready, _, _ = select.select([out], [], [], max(0.0, deadline - time.time()))
        if not ready:
            break
        line = out.readline().decode()  # unbuffered: select() sees every line not yet read
        if not line:
            break
        what, issued, when = line.split()
        if int(issued) >= at_least:
            if what == "shown" and shown is None:
                shown = float(when)
            elif what == "painted":
                return shown if shown is not None else float(when), float(when)
    raise RuntimeError("the board did not paint the change")


def live_update(url: str, office: str, changes: int, idle_seconds: float = 0.0) -> dict:
    """Median and p99 (or, under 200 samples, the maximum) ms from a booking's commit here
    to the board (another process) painting the frame that shows it, and to its show();
    with ``idle_seconds``, first the board's CPU % of one core while nothing changes."""
    from kiosk.desk.store import open_desk

    desk = open_desk(url, office, create=True)
    desk.set_quota(desk.today(), 999, "benchmark", actor="benchmark")
    board = subprocess.Popen([sys.executable, PROBE, "board", office], bufsize=0,
                             env=store_env(url), stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL)
    result: dict = {}
    try:
        issued = desk.status().issued
        _painted(board, issued, timeout=30)
        if idle_seconds:
            time.sleep(1.0)  # let start-up settle
            cpu, wall = cpu_seconds(board.pid), time.monotonic()
            time.sleep(idle_seconds)
            result["idle_cpu_pct"] = (100 * (cpu_seconds(board.pid) - cpu)
                                      / (time.monotonic() - wall))
            result["idle_seconds"] = idle_seconds
        painted, shown = [], []
        for _ in range(changes):
            time.sleep(random.uniform(0.05, 0.3))  # land anywhere in the board's poll cycle
            desk.book("perpajakan", "Yohanes Ndun")
            committed = time.time()
            issued += 1
            at_show, at_paint = _painted(board, issued)
            painted.append(at_paint - committed)
            shown.append(at_show - committed)
        result.update(changes=changes, **summary(painted, 1e3, "ms"),
                      shown=summary(shown, 1e3, "ms"))
        result["max_ms"] = max(painted) * 1e3
    finally:
        board.kill()
        board.wait()
        desk.db.close()
    return result


def store_env(url: str, env: dict | None = None) -> dict:
    """``env`` (or this process's) with the store's URL as KIOSK_DB: a child is given it
    there, not on its argv, where `ps` would show a PostgreSQL password to every user."""
    return {**(os.environ if env is None else env), "KIOSK_DB": url}


def lobby_pc_env(dont_write_bytecode: bool = False) -> dict:
    """The environment of the probes: as a lobby PC runs the program (PYTHONDONTWRITEBYTECODE
    unset), or with it set, as on this project's build machines."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if dont_write_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def startup(db: str, office: str, repeats: int, env: dict | None = None) -> dict:
    """Median launch-to-first-frame ms (and launch-to-idle ms, for information) and max RSS
    of each role and of a bare Textual app, with their spreads (the middle half of the
    starts). The runs take turns, so a slower moment of the machine does not fall on one
    role only."""
    # "floor": Textual alone drawing the lobby's welcome (benchmarks/app_probe.py), no kiosk code.
    roles = ("bare", "floor", "lobby", "board", "counter")
    # As on a lobby PC after `pip install .`: the program's bytecode is compiled (pip does it at
    # install; a checkout would write it on the first start, unless PYTHONDONTWRITEBYTECODE
    # is set as on some CI machines), and one unmeasured start has filled the holiday cache.
    for package in ("kiosk", "data", "screens", "benchmarks"):
        compileall.compile_dir(ROOT / package, quiet=1)
    for role in roles:
        _start(role, db, office, env)
    times: dict = {role: [] for role in roles}
    before_run: dict = {role: [] for role in roles}  # launch to App.run
    ready: dict = {role: [] for role in roles}
    rss: dict = {role: [] for role in roles}
    for _ in range(repeats):
        for role in roles:
            launched = time.time()
            probe = _start(role, db, office, env)
            times[role].append((probe["painted"] - launched) * 1e3)
            before_run[role].append((probe["run"] - launched) * 1e3)
            ready[role].append((probe["ready"] - launched) * 1e3)
            rss[role].append(probe["maxrss_kb"] / 1024)
    # Where the time goes: up to App.run (Python, the imports, the command line, the
    # profile, the store), then App.run to the first frame (Textual drawing the screen).
    result: dict = {role: {"startup_ms": statistics.median(times[role]),
                           "before_run_ms": statistics.median(before_run[role]),
                           "drawing_ms": statistics.median(
                               [t - b for t, b in zip(times[role], before_run[role])]),
                           "ready_ms": statistics.median(ready[role]),
                           "maxrss_mb": statistics.median(rss[role])} for role in roles}
    bare = result["bare"]
    for role in roles[1:]:
        # Each round's ratio to the bare app started just before it.
        ratios = [t / b for t, b in zip(times[role], times["bare"])]
        result[role]["startup_ratio"] = statistics.median(ratios)
        result[role]["startup_spread"] = list(quartiles(ratios))
        result[role]["memory_ratio"] = result[role]["maxrss_mb"] / bare["maxrss_mb"]
    result["repeats"] = repeats
    result["dont_write_bytecode"] = bool((env or os.environ).get("PYTHONDONTWRITEBYTECODE"))
    return result


def _start(role: str, db: str, office: str, env: dict | None = None) -> dict:
    """One start of the probe: what it printed (first frame, idle, peak memory)."""
    out = subprocess.run([sys.executable, PROBE, "startup", role, office], env=store_env(db, env),
                         capture_output=True, text=True, timeout=60, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])
