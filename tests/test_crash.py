"""Killed mid-booking, again and again: nothing reported is lost, nothing is corrupt."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time

from conftest import ALWAYS_OPEN
from kiosk.desk.store import open_desk
from test_concurrency import WORKER


def test_sigkill_while_booking_loses_nothing_reported(store_url):
    desk = open_desk(store_url, ALWAYS_OPEN)
    desk.set_quota(desk.today(), 999, "uji ketahanan", actor="supervisor")
    reported: list[int] = []
    rng = random.Random(7)
    for _ in range(8):
        proc = subprocess.Popen([sys.executable, str(WORKER), store_url, str(ALWAYS_OPEN),
                                 str(time.time()), "book-forever"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # Let it start and book a while, then kill it wherever it is.
        deadline = time.time() + 15
        first = proc.stdout.readline()
        assert first, proc.stderr.read()
        lines = [first]
        time.sleep(rng.uniform(0.05, 0.4))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        assert time.time() < deadline + 30
        lines += out.splitlines()
        for line in lines:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # the kill cut this line short: it was never shown to anyone
            assert record["ok"], record
            reported.append(record["number"])

    assert len(reported) >= 8
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
