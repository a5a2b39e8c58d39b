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

ROOT = Path(__file__).resolve().parent.parent
PROBE = str(ROOT / "benchmarks" / "app_probe.py")
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system time of a process so far, from /proc (its threads included)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def _shown(board: subprocess.Popen, at_least: int, timeout: float = 10.0) -> float:
    """The wall time at which the board showed a status with ``at_least`` numbers issued."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        ready, _, _ = select.select([board.stdout], [], [], max(0.0, deadline - time.time()))
        if not ready:
            break
        line = board.stdout.readline()
        if not line:
            break
        _, issued, when = line.split()
        if int(issued) >= at_least:
            return float(when)
    raise RuntimeError("the board did not show the change")


def live_update(url: str, office: str, changes: int, idle_seconds: float = 0.0) -> dict:
    """Median and p99 ms from a booking's commit here to the board (another process) showing
    it; with ``idle_seconds``, first the board's CPU % of one core while nothing changes."""
    from kiosk.desk.store import open_desk

    desk = open_desk(url, office, create=True)
    desk.set_quota(desk.today(), 999, "benchmark", actor="benchmark")
    board = subprocess.Popen([sys.executable, PROBE, "board", url, office],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    result: dict = {}
    try:
        issued = desk.status().issued
        _shown(board, issued, timeout=30)
        if idle_seconds:
            time.sleep(1.0)  # let start-up settle
            cpu, wall = cpu_seconds(board.pid), time.monotonic()
            time.sleep(idle_seconds)
            result["idle_cpu_pct"] = (100 * (cpu_seconds(board.pid) - cpu)
                                      / (time.monotonic() - wall))
            result["idle_seconds"] = idle_seconds
        samples = []
        for _ in range(changes):
            time.sleep(random.uniform(0.05, 0.3))  # land anywhere in the board's poll cycle
            desk.book("perpajakan", "Yohanes Ndun")
            committed = time.time()
            issued += 1
            samples.append(_shown(board, issued) - committed)
        samples.sort()
        result.update(changes=changes, median_ms=statistics.median(samples) * 1e3,
                      p99_ms=samples[min(len(samples) - 1, int(len(samples) * 0.99))] * 1e3,
                      max_ms=samples[-1] * 1e3)
    finally:
        board.kill()
        board.wait()
        desk.db.close()
    return result


def startup(db: str, office: str, repeats: int) -> dict:
    """Median launch-to-first-frame ms (and launch-to-idle ms, for information) and max RSS
    of each role and of a bare Textual app. The runs take turns, so a slower moment of the
    machine does not fall on one role only."""
    roles = ("bare", "lobby", "board", "counter")
    # As on a lobby PC after `pip install .`: the program's bytecode is compiled (pip does it at
    # install; a checkout would write it on the first start, unless PYTHONDONTWRITEBYTECODE
    # is set as on some CI machines), and one unmeasured start has filled the holiday cache.
    for package in ("kiosk", "data", "screens", "benchmarks"):
        compileall.compile_dir(ROOT / package, quiet=1)
    for role in roles:
        _start(role, db, office)
    times: dict = {role: [] for role in roles}
    ready: dict = {role: [] for role in roles}
    rss: dict = {role: [] for role in roles}
    for _ in range(repeats):
        for role in roles:
            launched = time.time()
            probe = _start(role, db, office)
            times[role].append((probe["painted"] - launched) * 1e3)
            ready[role].append((probe["ready"] - launched) * 1e3)
            rss[role].append(probe["maxrss_kb"] / 1024)
    result = {role: {"startup_ms": statistics.median(times[role]),
                     "ready_ms": statistics.median(ready[role]),
                     "maxrss_mb": statistics.median(rss[role])} for role in roles}
    bare = result["bare"]
    for role in roles[1:]:
        result[role]["startup_ratio"] = result[role]["startup_ms"] / bare["startup_ms"]
        result[role]["memory_ratio"] = result[role]["maxrss_mb"] / bare["maxrss_mb"]
    return result


def _start(role: str, db: str, office: str) -> dict:
    """One start of the probe: what it printed (first frame, idle, peak memory)."""
    out = subprocess.run([sys.executable, PROBE, "startup", role, db, office],
                         capture_output=True, text=True, timeout=60, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])
