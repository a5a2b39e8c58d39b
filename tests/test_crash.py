"""Killed mid-booking, again and again: nothing reported is lost, nothing is corrupt."""

from __future__ import annotations

import json
import random
import select
import signal
import subprocess
import sys
import time

import pytest

from conftest import ALWAYS_OPEN
from kiosk.desk.store import open_desk
from test_concurrency import WORKER

FIRST_BOOKING_S = 15  # start-up and a first booking, on a busy machine
BOOKINGS_PER_S = 10  # a worker books every few milliseconds; slower than 0.1 s is broken


def first_line_within(proc, seconds: float) -> tuple[str, float]:
    """The worker's first reported booking and when it came, or a failure in time."""
    ready, _, _ = select.select([proc.stdout], [], [], seconds)
    if not ready:
        proc.kill()
        pytest.fail(f"no booking reported within {seconds} s: {proc.communicate()[1]}")
    return proc.stdout.readline(), time.monotonic()


def test_sigkill_while_booking_loses_nothing_reported(store_url):
    desk = open_desk(store_url, ALWAYS_OPEN)
    desk.set_quota(desk.today(), 999, "uji ketahanan", actor="supervisor")
    reported: list[int] = []
    booking_time = 0.0  # how long the workers had for booking after their first number
    rng = random.Random(7)
    for _ in range(8):
        proc = subprocess.Popen([sys.executable, str(WORKER), store_url, str(ALWAYS_OPEN),
                                 str(time.time()), "book-forever"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first, first_at = first_line_within(proc, FIRST_BOOKING_S)
        assert first, proc.communicate()[1]
        # Let it book a while, then kill it wherever it is.
        time.sleep(rng.uniform(0.05, 0.4))
        proc.send_signal(signal.SIGKILL)
        booking_time += time.monotonic() - first_at
        out, _ = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        for line in [first, *out.splitlines()]:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # the kill cut this line short: it was never shown to anyone
            assert record["ok"], record
            reported.append(record["number"])

    # Each worker kept booking until the kill: a hung or slow one reports only its first.
    assert len(reported) - 8 >= BOOKINGS_PER_S * booking_time, (len(reported), booking_time)
    if not desk.postgres:
        assert desk.db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    again = open_desk(store_url, ALWAYS_OPEN)  # starts normally
    status = again.status()
    numbers = [t.number for t in status.tickets]
    assert numbers == list(range(1, len(numbers) + 1))
    assert set(reported) <= set(numbers)
    assert len(reported) == len(set(reported))
    assert (status.last_number, status.issued) == (len(numbers), len(numbers))
    assert again.book("aplikasi", "Maria Goreti Bria").number == len(numbers) + 1
