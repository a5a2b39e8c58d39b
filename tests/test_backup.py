"""Backups that restore: `kiosk backup` copies the SQLite store while terminals book, and the
copy is sound and holds every number acknowledged before it started; `kiosk restore` brings
it back, refuses while a terminal uses the store, and refuses a damaged backup."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import pty
import select
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import ALWAYS_OPEN, require_pg
from data import backup as store_backup
from data.database import init_store
from kiosk.desk.store import open_desk

ROOT = Path(__file__).resolve().parent.parent
WORKER = Path(__file__).parent / "workers" / "desk_worker.py"


def kiosk(*args: str, stdin: str = "", db: str | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "kiosk", "--lang", "en", *(["--db", db] if db else []),
               *args]  # the assertions read the English sentences
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, input=stdin,
                          timeout=120)


def tickets_in(path: Path) -> set[tuple[str, int]]:
    with contextlib.closing(sqlite3.connect(path)) as conn:  # `with conn` alone leaves it open
        return set(conn.execute("SELECT day, number FROM ticket"))


def backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.db"))


class Storm:
    """Booking processes hammering the store; every acknowledged number is collected."""

    def __init__(self, url: str, processes: int):
        start = time.time() + 1.0
        self.procs = [subprocess.Popen([sys.executable, str(WORKER), url, str(ALWAYS_OPEN),
                                        str(start), "book-forever"], cwd=ROOT,
                                       stdout=subprocess.PIPE, text=True)
                      for _ in range(processes)]
        self.acked: list[int] = []
        self.lock = threading.Lock()
        self.readers = [threading.Thread(target=self._read, args=(p,), daemon=True)
                        for p in self.procs]
        for reader in self.readers:
            reader.start()

    def _read(self, proc: subprocess.Popen) -> None:
        assert proc.stdout
        for line in proc.stdout:
            answer = json.loads(line)
            if answer["ok"]:
                with self.lock:
                    self.acked.append(answer["number"])

    def numbers(self) -> set[int]:
        with self.lock:
            return set(self.acked)

    def wait_for(self, count: int, timeout: float = 60) -> None:
        end = time.monotonic() + timeout
        while len(self.numbers()) < count:
            assert time.monotonic() < end, f"the storm booked only {len(self.numbers())}"
            assert all(p.poll() is None for p in self.procs), "a booking process died"
            time.sleep(0.02)

    def stop(self) -> None:
        for proc in self.procs:
            proc.kill()
        for proc in self.procs:
            proc.wait(timeout=10)
        for reader in self.readers:
            reader.join(timeout=10)


def test_a_backup_during_a_storm_of_bookings_holds_every_acknowledged_one(tmp_path):
    store = tmp_path / "kiosk.db"
    init_store(str(store))
    desk = open_desk(str(store), ALWAYS_OPEN)
    desk.set_quota(desk.today(), 999, "uji cadangan", actor="supervisor")
    today = desk.today().isoformat()
    desk.db.close()
    storm = Storm(str(store), 4)
    try:
        storm.wait_for(40)
        before = storm.numbers()  # acknowledged before the backup started
        made = kiosk("backup", "--to", str(tmp_path / "backups"), db=str(store))
        during = len(storm.numbers())
        assert all(p.poll() is None for p in storm.procs), "the storm ran through the backup"
        storm.wait_for(during + 10)  # and goes on after it: nothing was left locked
    finally:
        storm.stop()
    assert made.returncode == 0, made.stderr
    [copy] = backups(tmp_path / "backups")
    assert str(copy) in made.stdout and "Backup made" in made.stdout
    with contextlib.closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file
    numbers = {n for day, n in tickets_in(copy) if day == today}
    assert before <= numbers, f"missing from the backup: {sorted(before - numbers)[:10]}"
    assert len(tickets_in(store)) > len(numbers), "the store went on after the copy"
    assert not list(tmp_path.glob("backups/.*")), "no partial file is left"

    # Restore brings the copy back, and the store works on from it.
    restored = kiosk("restore", str(copy), "--yes", db=str(store))
    assert restored.returncode == 0, restored.stderr
    assert {n for day, n in tickets_in(store) if day == today} == numbers
    kept = list(tmp_path.glob("kiosk.db.before-restore-*"))
    assert len(kept) == 1 and len(tickets_in(kept[0])) > len(numbers)  # the old one, kept
    desk = open_desk(str(store), ALWAYS_OPEN)
    try:
        assert desk.book("perpajakan", "Budi").number == max(numbers) + 1
        assert desk.audit_log.verify().ok  # the chain goes on from the restored head
    finally:
        desk.db.close()


def test_backups_are_rotated_keeping_the_newest(tmp_path):
    store = tmp_path / "kiosk.db"
    init_store(str(store))
    folder = tmp_path / "b"
    for _ in range(3):
        done = kiosk("backup", "--to", str(folder), "--keep", "2", db=str(store))
        assert done.returncode == 0, done.stderr
        time.sleep(1.05)  # a backup's name carries its second
    assert len(backups(folder)) == 2
    assert "older backups removed" in done.stdout


@pytest.mark.parametrize("damage", ["truncated", "bytes flipped", "not a database"])
def test_a_damaged_backup_is_refused_in_one_sentence(tmp_path, damage):
    store, folder = tmp_path / "kiosk.db", tmp_path / "b"
    init_store(str(store))
    desk = open_desk(str(store), ALWAYS_OPEN)
    for i in range(12):
        desk.book("perpajakan", f"Wajib Pajak {chr(65 + i)}")
    desk.db.close()
    assert kiosk("backup", "--to", str(folder), db=str(store)).returncode == 0
    [copy] = backups(folder)
    data = bytearray(copy.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "bytes flipped":
        for at in range(4096 + 100, len(data), 997):  # every page but the header's
            data[at] ^= 0xFF
    else:
        data = bytearray(b"hello" * 1000)
    copy.write_bytes(bytes(data))
    before = store.read_bytes()
    refused = kiosk("restore", str(copy), "--yes", db=str(store))
    assert refused.returncode == 3
    assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    assert "cannot be restored" in refused.stderr
    assert store.read_bytes() == before, "the store is untouched"
    assert not list(tmp_path.glob("kiosk.db.restoring"))


def test_restore_asks_first(tmp_path):
    store, folder = tmp_path / "kiosk.db", tmp_path / "b"
    init_store(str(store))
    assert kiosk("backup", "--to", str(folder), db=str(store)).returncode == 0
    before = store.read_bytes()
    answer = kiosk("restore", str(backups(folder)[0]), stdin="n\n", db=str(store))
    assert answer.returncode == 3 and "Restore cancelled" in answer.stderr
    assert "Type y to go on" in answer.stderr
    assert store.read_bytes() == before
    assert kiosk("restore", str(backups(folder)[0]), stdin="y\n", db=str(store)).returncode == 0


def read_until(fd: int, seen: bytes, done, timeout: float) -> bytes:
    end = time.monotonic() + timeout
    while not done(seen) and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


def test_restore_is_refused_while_a_terminal_uses_the_store(tmp_path):
    store, folder = tmp_path / "kiosk.db", tmp_path / "b"
    init_store(str(store))
    assert kiosk("backup", "--to", str(folder), db=str(store)).returncode == 0
    [copy] = backups(folder)
    pid, fd = pty.fork()
    if pid == 0:  # the child: the real board on a pseudo-terminal
        os.chdir(ROOT)
        os.execv(sys.executable, [sys.executable, "-m", "kiosk", "--db", str(store),
                                  "--office", str(ALWAYS_OPEN), "board"])
    try:
        seen = read_until(fd, b"", lambda data: b"Berikutnya" in data, 30)
        assert b"Berikutnya" in seen, seen[-500:]
        refused = kiosk("restore", str(copy), "--yes", db=str(store))
        assert refused.returncode == 3
        assert "in use by a terminal" in refused.stderr, refused.stderr
    finally:
        os.kill(pid, signal.SIGKILL)  # however a terminal ends, its mark goes with it
        os.waitpid(pid, 0)
        os.close(fd)
    assert kiosk("restore", str(copy), "--yes", db=str(store)).returncode == 0


def test_restore_is_refused_while_another_program_has_the_store_open(tmp_path):
    store, folder = tmp_path / "kiosk.db", tmp_path / "b"
    init_store(str(store))
    assert kiosk("backup", "--to", str(folder), db=str(store)).returncode == 0
    other = sqlite3.connect(store)
    other.execute("SELECT count(*) FROM ticket").fetchall()
    try:
        refused = kiosk("restore", str(backups(folder)[0]), "--yes", db=str(store))
        assert refused.returncode == 3 and "open in another program" in refused.stderr
    finally:
        other.close()


def test_on_postgresql_the_backup_is_a_pg_dump(pg_url, tmp_path):
    require_pg()
    init_store(pg_url)
    desk = open_desk(pg_url, ALWAYS_OPEN)
    desk.book("perpajakan", "Budi")
    desk.db.close()
    done = kiosk("backup", "--to", str(tmp_path), db=pg_url)
    assert done.returncode == 0, done.stderr
    [dump] = list(tmp_path.glob("*.dump"))
    listed = subprocess.run(["pg_restore", "--list", str(dump)], capture_output=True, text=True)
    assert "TABLE DATA" in listed.stdout and " ticket " in listed.stdout


def test_without_pg_dump_it_says_exactly_what_to_run(pg_url, tmp_path):
    init_store(pg_url)
    env_path = os.environ["PATH"]
    os.environ["PATH"] = str(tmp_path)  # no pg_dump here (python is run by its full path)
    try:
        done = kiosk("backup", "--to", str(tmp_path / "b"), db=pg_url)
    finally:
        os.environ["PATH"] = env_path
    assert done.returncode == 4
    assert "pg_dump is not installed" in done.stderr and "pg_dump --format=custom" in done.stderr
    assert "kiosk:kiosk@" not in done.stderr  # the password is not printed


def test_restore_checks_the_backup_once(tmp_path, monkeypatch, capsys):
    """The copy put in place is checked before the question, and not again after it (the
    full check reads every page: minutes on a large store)."""
    from kiosk.cli.main import main

    store, folder = tmp_path / "kiosk.db", tmp_path / "b"
    init_store(str(store))
    desk = open_desk(str(store), ALWAYS_OPEN)
    desk.book("perpajakan", "Wajib Pajak A")
    desk.db.close()
    assert kiosk("backup", "--to", str(folder), db=str(store)).returncode == 0
    checked: list[str] = []
    check = store_backup.check_sqlite

    def counted(path, *args, **kwargs):
        checked.append(str(path))
        return check(path, *args, **kwargs)

    monkeypatch.setattr(store_backup, "check_sqlite", counted)
    assert main(["--lang", "en", "--db", str(store), "restore", str(backups(folder)[0]),
                 "--yes"]) == 0
    assert len(checked) == 1, checked
    assert "1 ticket" in capsys.readouterr().out  # what the one check counted


def test_two_restores_in_one_second_keep_both_stores_as_they_were(tmp_path):
    """Each restore keeps the store as it was beside it; a second one within the same second
    takes another name (named by the second alone, it wrote over the first's copy: the
    store from before both was gone)."""
    store, folder = tmp_path / "kiosk.db", tmp_path / "backups"
    assert kiosk("init", db=str(store)).returncode == 0
    assert kiosk("book", "perpajakan", "--name", "Ani", db=str(store)).returncode == 0
    assert kiosk("backup", "--to", str(folder), db=str(store)).returncode == 0
    assert kiosk("book", "perpajakan", "--name", "Budi", db=str(store)).returncode == 0
    original = tickets_in(store)  # two numbers
    now = dt.datetime(2026, 12, 2, 9, 30, 0)
    kept = []
    for _ in range(2):
        incoming, _check = store_backup.prepare_restore(backups(folder)[0], str(store))
        kept.append(store_backup.put_in_place(incoming, str(store), now))
    assert kept[0] != kept[1]
    assert tickets_in(kept[0]) == original  # the store from before both restores
    assert len(tickets_in(kept[1])) == 1 == len(tickets_in(store))
