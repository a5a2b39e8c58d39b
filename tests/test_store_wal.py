"""The SQLite store's promises about its files: the write-ahead log deleted under a running
terminal loses nothing and repeats no number; every connection commits with
synchronous=FULL (an acknowledged number survives a power cut); a path with #, %, ? or a
space is followed live like any other."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading

import pytest

from conftest import ALWAYS_OPEN
from data.changes import ChangeWatcher
from kiosk.desk.errors import StoreUnavailable
from kiosk.desk.store import open_desk


def kiosk(url, *args):
    return subprocess.run([sys.executable, "-m", "kiosk", "--db", url, "--office", str(ALWAYS_OPEN),
                           *args], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)


def book(url, name):
    result = kiosk(url, "book", "perpajakan", "--name", name, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["number"]


def test_a_deleted_write_ahead_log_repeats_no_number(sqlite_url):
    holder = open_desk(sqlite_url, ALWAYS_OPEN)  # a terminal that stays open all day
    numbers = [holder.book("perpajakan", "Ani").number, holder.book("perpajakan", "Budi").number]
    assert os.path.exists(sqlite_url + "-wal")
    os.unlink(sqlite_url + "-wal")  # a clean-up script, while the terminal runs
    os.unlink(sqlite_url + "-shm")
    numbers.append(book(sqlite_url, "Citra"))  # another terminal, started afresh
    with pytest.raises(StoreUnavailable) as refused:
        holder.book("perpajakan", "Dedi")  # the holder notices before it writes
    assert "write-ahead log" in str(refused.value)
    numbers.append(holder.book("perpajakan", "Eka").number)  # connected afresh: goes on
    numbers.append(book(sqlite_url, "Fajar"))
    assert numbers == [1, 2, 3, 4, 5]
    holder.db.close()
    status = json.loads(kiosk(sqlite_url, "status", "--json").stdout)
    assert [t["number"] for t in status["tickets"]] == [1, 2, 3, 4, 5]


def synchronous_of(conn) -> int:
    return conn.execute("PRAGMA synchronous").fetchone()[0]


def test_every_connection_of_the_program_commits_in_full(sqlite_url):
    desk = open_desk(sqlite_url, ALWAYS_OPEN)
    seen = [synchronous_of(desk.db.connection())]
    # Another thread (the roles' store thread) gets a connection of its own.
    thread = threading.Thread(target=lambda: seen.append(synchronous_of(desk.db.connection())))
    thread.start()
    thread.join()
    desk.db.close()
    desk.db.connect()  # and so does a reconnect
    seen.append(synchronous_of(desk.db.connection()))
    desk.db.close()
    assert seen == [2, 2, 2]  # 2 = FULL


@pytest.mark.parametrize("name", ["a#b", "a%41b", "a?b", "a b", "a%b"])
def test_a_path_with_uri_characters_is_followed_live(tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    path = str(folder / f"kiosk{name}.db")
    assert kiosk(path, "init").returncode == 0
    desk = open_desk(path, ALWAYS_OPEN)
    watcher = ChangeWatcher(desk.db)
    assert watcher.changed()  # the first look always reads
    assert not watcher.changed()  # nothing new: a quiet board does no work
    book(path, "Ani")
    assert watcher.changed()  # another terminal's booking is seen
    assert not watcher.changed()
    watcher.close()
    desk.db.close()
    # No stray file beside the store made by a misread URI.
    assert sorted(os.listdir(folder)) == [f"kiosk{name}.db"]
    assert sorted(os.listdir(tmp_path)) == [name]
    assert sqlite3.connect(path).execute("SELECT count(*) FROM ticket").fetchone()[0] == 1
