"""Eight processes booking one day at once: bookings a second, errors, and the quota."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

WORKER = """
import json, os, sys, time
from kiosk.desk.errors import DeskError
from kiosk.desk.store import open_desk
url = os.environ["KIOSK_DB"]  # not on the argv: `ps` shows that to every user
office, start, count = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
desk = open_desk(url, office)
desk.status()
time.sleep(max(0.0, start - time.time()))
ok = refused = errors = 0
t0 = time.perf_counter()
for _ in range(count):
    try:
        desk.book("perpajakan", "Yohanes Ndun")
        ok += 1
    except DeskError as exc:
        if exc.key == "quota_reached":
            refused += 1
        else:
            errors += 1
print(json.dumps({"ok": ok, "refused": refused, "errors": errors,
                  "seconds": time.perf_counter() - t0}))
"""


def measure(url: str, office: str, quota: int, processes: int = 8, each: int = 100) -> dict:
    from kiosk.desk.store import open_desk

    desk = open_desk(url, office, create=True)
    desk.set_quota(desk.today(), quota, "benchmark", actor="benchmark")
    before = desk.status().issued
    start = time.time() + 1.5
    env = {**os.environ, "KIOSK_DB": url}
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, office, str(start), str(each)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(processes)]
    results, crashed = [], 0
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        if proc.returncode != 0:
            crashed += 1
            continue
        results.append(json.loads(out.strip().splitlines()[-1]))
    wall = max(r["seconds"] for r in results) if results else float("nan")
    booked = sum(r["ok"] for r in results)
    status = desk.status()
    numbers = sorted(t.number for t in status.tickets)
    return {
        "processes": processes,
        "attempts": processes * each,
        "booked": booked,
        "refused": sum(r["refused"] for r in results),
        "errors": sum(r["errors"] for r in results) + crashed,
        "bookings_per_s": booked / wall if wall else 0.0,
        "quota_held": status.issued <= quota and numbers == list(range(1, len(numbers) + 1))
                      and status.issued - before == booked,
    }
