"""`kiosk restore FILE` on PostgreSQL brings a `kiosk backup` dump back as on SQLite: it asks
first, refuses while anyone else is connected to the store's database (pg_stat_activity),
refuses a damaged or foreign file in one sentence leaving the store untouched, and checks
the restored store. On a throwaway cluster of this run (tests/pg_cluster.py): the shared
server always has other test runs connected."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ALWAYS_OPEN, fresh_schema
from data.database import init_store
from data import restore_postgres
from data.restore_postgres import store_schema
from kiosk.desk.store import open_desk

ROOT = Path(__file__).resolve().parent.parent


def kiosk(db: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", "--db", db, "--lang", "en", *args],
                          cwd=ROOT, capture_output=True, text=True, input=stdin, timeout=120)


def codes(url: str) -> list[str]:
    desk = open_desk(url, ALWAYS_OPEN)
    try:
        return sorted(t.code for t in desk.status(desk.today()).tickets)
    finally:
        desk.db.close()


def book(url: str, *names: str) -> None:
    desk = open_desk(url, ALWAYS_OPEN)
    try:
        for name in names:
            desk.book("perpajakan", name)
    finally:
        desk.db.close()


@pytest.fixture
def backed_up(own_pg, tmp_path):
    """A store with three numbers, its backup, then two more numbers and a cancellation."""
    url = own_pg.url
    init_store(url)
    book(url, "Ani", "Budi", "Citra")
    made = kiosk(url, "backup", "--to", str(tmp_path / "b"))
    assert made.returncode == 0, made.stderr
    [dump] = (tmp_path / "b").glob("*.dump")
    in_backup = codes(url)
    book(url, "Dewi", "Eko")
    desk = open_desk(url, ALWAYS_OPEN)
    desk.cancel(in_backup[0], "cli", "pulang")
    desk.db.close()
    return url, dump, in_backup


def test_restore_brings_the_backup_back_and_keeps_the_old_store(backed_up, tmp_path):
    url, dump, in_backup = backed_up
    before = codes(url)
    assert len(before) == 5
    done = kiosk(url, "restore", str(dump), "--yes")
    assert done.returncode == 0, done.stderr
    assert "Restored:" in done.stdout and "3 tickets" in done.stdout
    assert codes(url) == in_backup
    desk = open_desk(url, ALWAYS_OPEN)
    try:
        [first] = [t for t in desk.status(desk.today()).tickets if t.code == in_backup[0]]
        assert first.state == "waiting"  # the cancellation came after the backup
        assert desk.audit_log.verify().ok  # the chain goes on from the restored head
        assert desk.book("perpajakan", "Fajar").number == 4
    finally:
        desk.db.close()
    [kept] = (tmp_path / "b").glob("*.before-restore.dump")
    assert str(kept) in done.stdout
    listed = subprocess.run(["pg_restore", "--list", str(kept)], capture_output=True, text=True)
    assert listed.returncode == 0 and "TABLE DATA" in listed.stdout
    # The store as it was can itself be brought back: five numbers, one cancelled.
    again = kiosk(url, "restore", str(kept), "--yes")
    assert again.returncode == 0, again.stderr
    assert codes(url) == before


def test_restore_asks_first(backed_up):
    url, dump, in_backup = backed_up
    before = codes(url)
    answer = kiosk(url, "restore", str(dump), stdin="n\n")
    assert answer.returncode == 3
    assert "Type y to go on" in answer.stderr and "Restore cancelled" in answer.stderr
    assert codes(url) == before
    answer = kiosk(url, "restore", str(dump), stdin="y\n")
    assert answer.returncode == 0, answer.stderr
    assert codes(url) == in_backup


def test_restore_is_refused_while_a_terminal_is_connected(backed_up):
    import psycopg2

    url, dump, _ = backed_up
    before = codes(url)
    terminal = psycopg2.connect(url, application_name="kiosk-counter")
    try:
        refused = kiosk(url, "restore", str(dump), "--yes")
        assert refused.returncode == 3, refused.stderr
        assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
        assert "in use by 1 other sessions" in refused.stderr
        assert "kiosk-counter" in refused.stderr
    finally:
        terminal.close()
    assert codes(url) == before
    assert kiosk(url, "restore", str(dump), "--yes").returncode == 0


@pytest.mark.parametrize("damage", ["truncated", "bytes flipped", "audit data flipped",
                                    "not a dump", "plain SQL", "another schema",
                                    "not a kiosk store", "officers only"])
def test_a_damaged_or_foreign_backup_is_refused_in_one_sentence(backed_up, own_pg, tmp_path,
                                                                 damage):
    url, dump, _ = backed_up
    data = bytearray(dump.read_bytes())
    bad = tmp_path / "bad.dump"
    if damage == "truncated":
        bad.write_bytes(bytes(data[: len(data) * 2 // 3]))
    elif damage == "bytes flipped":
        for at in range(len(data) // 2, len(data), 101):  # the data, not the table of contents
            data[at] ^= 0xFF
        bad.write_bytes(bytes(data))
    elif damage == "audit data flipped":  # the first table's data; the tickets' are sound
        start = data.index(b"\x78\x9c")  # the first compressed block (zlib's header)
        for at in range(start + 2, start + 40):
            data[at] ^= 0xFF
        bad.write_bytes(bytes(data))
    elif damage == "officers only":  # the store's own schema, but not a whole store
        subprocess.run(["pg_dump", "--format=custom", f"--file={bad}",
                        f"--table={store_schema(url)}.officer", f"--dbname={url}"], check=True)
    elif damage == "not a dump":
        bad.write_bytes(b"hello" * 1000)
    elif damage == "plain SQL":
        subprocess.run(["pg_restore", f"--file={bad}", str(dump)], check=True)
    else:
        with fresh_schema(own_pg.base_url) as other:
            if damage == "another schema":
                init_store(other)
            else:
                import psycopg2

                conn = psycopg2.connect(other)
                conn.autocommit = True
                conn.cursor().execute("CREATE TABLE visitors (name text); "
                                      "INSERT INTO visitors VALUES ('x')")
                conn.close()
            if damage == "another schema":
                made = kiosk(other, "backup", "--to", str(tmp_path / "other"))
                assert made.returncode == 0, made.stderr
                [bad] = (tmp_path / "other").glob("*.dump")
            else:
                subprocess.run(["pg_dump", "--format=custom", f"--file={bad}",
                                f"--schema={store_schema(other)}", f"--dbname={other}"],
                               check=True)
    before = codes(url)
    refused = kiosk(url, "restore", str(bad), "--yes")
    assert refused.returncode == 3, (refused.stdout, refused.stderr)
    assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    assert "This backup cannot be restored" in refused.stderr
    assert codes(url) == before, "the store is untouched"
    assert not list(tmp_path.glob("b/*.before-restore.dump")), "nothing was even begun"


def test_two_restores_in_one_second_keep_both_stores_as_they_were(backed_up, tmp_path):
    """The second restore brings back the first one's copy of the store, within the same
    second: its own copy takes another name, never the file it is restoring (a copy named
    by the second alone was written over by pg_dump: the restore read a store of 3+1
    tickets where it had counted 5, and the five were gone)."""
    url, dump, in_backup = backed_up
    before = codes(url)
    now = dt.datetime(2026, 12, 2, 9, 30, 0)
    first = restore_postgres.restore(url, restore_postgres.read_dump(dump, url), tmp_path, now)
    assert codes(url) == in_backup and first.kept is not None
    book(url, "Fajar")
    second = restore_postgres.restore(url, restore_postgres.read_dump(first.kept, url),
                                      tmp_path, now)
    assert codes(url) == before
    assert second.kept is not None and second.kept != first.kept
    assert restore_postgres.read_dump(first.kept, url).tickets == 5
    assert restore_postgres.read_dump(second.kept, url).tickets == 4
