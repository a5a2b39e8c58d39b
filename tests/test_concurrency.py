"""Real processes at once on one store: numbers never shared, skipped or over quota."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from conftest import ALWAYS_OPEN
from kiosk.desk.store import open_desk

WORKER = Path(__file__).parent / "workers" / "desk_worker.py"


def run_workers(url: str, jobs: list[list]) -> list[list[dict]]:
    """Start one process per job (an action and its arguments); all begin at one moment."""
    start = time.time() + 2.0 + 0.1 * len(jobs)
    procs = [subprocess.Popen([sys.executable, str(WORKER), url, str(ALWAYS_OPEN), str(start),
                               *map(str, job)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for job in jobs]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "Traceback" not in err, err
        results.append([json.loads(line) for line in out.splitlines()])
    return results


def test_eight_processes_forty_attempts_quota_fifteen(store_url):
    desk = open_desk(store_url, ALWAYS_OPEN)  # creates the schema before the race
    results = run_workers(store_url, [["book", 5]] * 8)
    attempts = [r for proc in results for r in proc]
    booked = sorted(r["number"] for r in attempts if r["ok"])
    refused = [r for r in attempts if not r["ok"]]
    assert len(attempts) == 40
    assert booked == list(range(1, 16))
    assert len(refused) == 25
    assert {r["key"] for r in refused} == {"quota_reached"}
    status = desk.status()
    assert (status.issued, status.remaining, status.last_number) == (15, 0, 15)
    assert sorted(t.number for t in status.tickets) == list(range(1, 16))


def test_two_counters_calling_at_once_never_share_a_ticket(store_url):
    desk = open_desk(store_url, ALWAYS_OPEN)
    for i in range(12):
        desk.book("perpajakan", f"Wajib Pajak {chr(65 + i)}")
    first, second = run_workers(store_url, [["serve", 20, 1], ["serve", 20, 2]])
    served = [[r["number"] for r in proc if r["ok"]] for proc in (first, second)]
    assert sorted(served[0] + served[1]) == list(range(1, 13))
    for numbers in served:
        assert numbers == sorted(numbers)  # each counter takes them in number order
    assert all(r["key"] == "nobody_waiting" for proc in (first, second) for r in proc if not r["ok"])
    assert all(t.state == "done" for t in desk.status().tickets)


def test_sixteen_processes_book_check_in_and_call_while_the_quota_changes(store_url):
    desk = open_desk(store_url, ALWAYS_OPEN)
    today = desk.today()
    desk.set_quota(today, 12, "awal hari", actor="supervisor")
    booked = [desk.book("perpajakan", f"Wajib Pajak {chr(65 + i)}", day=today) for i in range(6)]
    codes = [t.code for t in booked]
    jobs = ([["book", 4]] * 10
            + [["checkin", *codes[:3]], ["checkin", *codes[3:]]]
            + [["serve", 12, 1], ["serve", 12, 2]]
            + [["quota", 14, 9, 20, 16, 11, 18]]
            + [["book", 4]])
    results = run_workers(store_url, jobs)
    outcomes = [r for proc in results for r in proc]
    keys = {r["key"] for r in outcomes if not r["ok"]}
    assert keys <= {"quota_reached", "nobody_waiting", "counter_busy"}, keys  # no "store_busy"
    assert all(r["ok"] for r in results[10] + results[11])  # every check-in went through

    status = desk.status()
    numbers = [t.number for t in status.tickets]
    assert numbers == list(range(1, len(numbers) + 1))  # none shared, none skipped
    served = [r["number"] for proc in results[12:14] for r in proc if r["ok"]]
    assert len(served) == len(set(served))

    # Replaying the audit log in commit order: no booking ever passed the quota in force.
    from data.models import AuditEntry

    quota, taken = 15, 0
    for entry in AuditEntry.select().where(AuditEntry.day == today).order_by(AuditEntry.id):
        if entry.action == "set_quota":
            quota = int(entry.detail.split("->")[1])
        elif entry.action == "book":
            taken += 1
            assert taken <= quota, f"number {entry.ticket_number} passed quota {quota}"
        elif entry.action == "cancel":
            taken -= 1
    assert taken == status.issued
