"""Database faults on the command line: a clear line and exit 4, never a traceback, and
nothing half-written."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from conftest import ALWAYS_OPEN
from kiosk.desk.store import open_desk


def kiosk(url, *args):
    return subprocess.run([sys.executable, "-m", "kiosk", "--db", url, "--office", str(ALWAYS_OPEN),
                           *args], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)


def assert_one_clear_line(result, code, *words):
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "kiosk.db"
    path.write_bytes(b"this is not a database, it is a shopping list\n" * 200)
    assert_one_clear_line(kiosk(str(path), "status", "--json"), 4, "not a database")
    assert_one_clear_line(kiosk(str(path), "book", "perpajakan", "--name", "Budi"), 4)


def test_a_corrupt_database(tmp_path):
    path = tmp_path / "kiosk.db"
    open_desk(str(path), ALWAYS_OPEN, create=True).book("perpajakan", "Budi")
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page is garbage now
    path.write_bytes(bytes(data))
    for wal in (tmp_path / "kiosk.db-wal", tmp_path / "kiosk.db-shm"):
        wal.unlink(missing_ok=True)
    assert_one_clear_line(kiosk(str(path), "status", "--json"), 4)


def test_a_database_file_that_is_read_only(tmp_path):
    path = tmp_path / "kiosk.db"
    desk = open_desk(str(path), ALWAYS_OPEN, create=True)
    desk.book("perpajakan", "Budi")
    desk.db.close()  # the last connection checkpoints and removes the WAL
    # Immutable: not even root may write it, as on a read-only medium.
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not possible here")
    try:
        result = kiosk(str(path), "book", "perpajakan", "--name", "Budi")
        assert_one_clear_line(result, 4, "readonly")
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=False)
    assert open_desk(str(path), ALWAYS_OPEN).status().issued == 1


def test_another_process_holds_the_write_lock_too_long(tmp_path):
    path = tmp_path / "kiosk.db"
    open_desk(str(path), ALWAYS_OPEN, create=True)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        result = kiosk(str(path), "book", "perpajakan", "--name", "Budi")
        assert time.monotonic() - started >= 4.5  # it waited the busy timeout first
        assert_one_clear_line(result, 4, "sibuk")  # in the terminal's language (id)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert kiosk(str(path), "book", "perpajakan", "--name", "Budi").returncode == 0


def test_another_postgresql_session_holds_the_day_too_long(pg_url):
    import psycopg2

    desk = open_desk(pg_url, ALWAYS_OPEN, create=True)
    desk.book("perpajakan", "Budi")
    desk.db.close()
    holder = psycopg2.connect(pg_url)  # a terminal stuck half-way through a booking
    holder.cursor().execute("SELECT * FROM day_counter FOR UPDATE")
    try:
        started = time.monotonic()
        result = kiosk(pg_url, "book", "perpajakan", "--name", "Ani")
        waited = time.monotonic() - started
        assert 4.5 <= waited < 20  # the lock timeout, not forever
        assert_one_clear_line(result, 4, "sibuk")  # in the terminal's language (id)
    finally:
        holder.rollback()
        holder.close()
    assert kiosk(pg_url, "book", "perpajakan", "--name", "Ani").returncode == 0


@pytest.fixture
def small_disk():
    folder = Path(tempfile.mkdtemp(prefix="kiosk-full-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
                             capture_output=True)
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    yield folder
    subprocess.run(["umount", str(folder)], check=False)
    folder.rmdir()


def test_a_full_disk(small_disk):
    path = small_disk / "kiosk.db"
    desk = open_desk(str(path), ALWAYS_OPEN, create=True)
    desk.set_quota(desk.today(), 999, "uji", actor="sup")
    desk.book("perpajakan", "Budi")
    desk.db.close()
    fill(small_disk)
    # Bookings go on while the store has free pages; from the first refusal on, three more
    # tries (a process each, about a second) show the refusals hold, each one a clean exit 4.
    codes: list[int] = []
    while len(codes) < 40 and sum(1 for c in codes if c != 0) < 4:
        codes.append(kiosk(str(path), "book", "perpajakan", "--name", "Budi").returncode)
    refused = [c for c in codes if c != 0]
    assert refused and set(refused) == {4}
    last = kiosk(str(path), "book", "perpajakan", "--name", "Budi")
    assert_one_clear_line(last, 4, "full")
    (small_disk / "filler").unlink()
    status = json.loads(kiosk(str(path), "status", "--json").stdout)
    numbers = [t["number"] for t in status["tickets"]]
    assert numbers == list(range(1, len(numbers) + 1)) and status["issued"] == len(numbers)
    assert kiosk(str(path), "book", "perpajakan", "--name", "Budi").returncode == 0


def test_postgresql_restarting_mid_day(own_pg):
    desk = open_desk(own_pg.url, ALWAYS_OPEN, create=True)
    desk.book("perpajakan", "Budi")
    own_pg.restart()
    assert desk.status().issued == 1  # reconnected by itself
    assert desk.book("aplikasi", "Yohanes Ndun").number == 2


def test_a_frozen_postgresql_server_is_one_clear_line(own_pg):
    """A server that accepts connections and answers nothing (a hung host): the command
    line gives up within its connect timeout, then works once the server answers again."""
    open_desk(own_pg.url, ALWAYS_OPEN, create=True).db.close()
    own_pg.pause()
    started = time.monotonic()
    result = kiosk(own_pg.url, "status", "--json")
    waited = time.monotonic() - started
    own_pg.resume()
    assert_one_clear_line(result, 4, "timeout")
    assert waited < 20  # a few connect timeouts (5 s each), not forever
    assert kiosk(own_pg.url, "status", "--json").returncode == 0


def test_a_database_file_moved_away_and_back(tmp_path):
    from kiosk.desk.errors import StoreUnavailable

    path = tmp_path / "kiosk.db"
    desk = open_desk(str(path), ALWAYS_OPEN, create=True)
    assert desk.book("perpajakan", "Budi").number == 1
    path.rename(tmp_path / "kiosk.db.bak")
    with pytest.raises(StoreUnavailable) as refused:
        desk.book("perpajakan", "Budi")
    assert "moved" in str(refused.value)
    with pytest.raises(StoreUnavailable):
        desk.status()
    assert not path.exists()  # no empty database started in its place
    (tmp_path / "kiosk.db.bak").rename(path)
    assert desk.book("perpajakan", "Budi").number == 2  # never number 1 twice
    assert [t.number for t in desk.status().tickets] == [1, 2]


def fill(folder) -> None:
    """Write zeros into ``folder/filler`` until its disk is full."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass  # the disk is full now
    finally:
        os.close(fd)
