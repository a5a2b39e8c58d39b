"""A full disk is said as a full disk on every refusal, never "disk I/O error" or "cannot
rollback - no transaction is active"; nothing half-written. Real processes, a 1 MB disk."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ALWAYS_OPEN
from kiosk.desk.store import open_desk
from test_store_faults import fill, small_disk  # noqa: F401  (small_disk: the fixture)


def kiosk(url, *args):
    return subprocess.run([sys.executable, "-m", "kiosk", "--db", url, "--office", str(ALWAYS_OPEN),
                           *args], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)


def test_every_refusal_on_a_full_disk_says_the_disk_is_full(small_disk):  # noqa: F811
    path = str(small_disk / "kiosk.db")
    desk = open_desk(path, ALWAYS_OPEN, create=True)
    desk.set_quota(desk.today(), 999, "uji", actor="sup")
    desk.book("perpajakan", "Budi")
    desk.db.close()
    fill(small_disk)
    for _ in range(10):
        result = kiosk(path, "book", "perpajakan", "--name", "Budi")
        assert result.returncode == 4, result.stdout
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
        assert "disk is full" in lines[0] and "Disk basis data penuh" in lines[0], lines[0]
        assert "I/O error" not in lines[0] and "no transaction" not in lines[0], lines[0]
    (small_disk / "filler").unlink()
    status = json.loads(kiosk(path, "status", "--json").stdout)
    assert [t["number"] for t in status["tickets"]] == [1]
    assert kiosk(path, "book", "perpajakan", "--name", "Budi").returncode == 0
