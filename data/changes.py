"""A cheap "has anything changed?" check, so every terminal follows the others live.

SQLite: ``PRAGMA data_version`` on a connection of its own (~5 µs; it moves on every
commit by any other connection, this process's own writer included). PostgreSQL: a
connection that LISTENs on the channel the desk NOTIFYs on every write.

``wake_fd()`` is a descriptor that becomes readable when a change has (or may have) come —
the LISTEN connection's socket (a notification arrived), or on SQLite an inotify watch of
the store's folder (data.folder_watch) — so the caller can wait on it with select() or its
event loop and check at once instead of polling often. The check then reads what woke it.
"""

from __future__ import annotations

import os
import select
import sqlite3
import time
from typing import Any
from urllib.parse import quote

import peewee

from data.errors import HUNG_WORDS, StoreError, first_line
from data.folder_watch import FolderWatch

NOTIFY_CHANNEL = "kiosk_changes"
# What the desk sends with every write: its schema as the payload, since a channel is the
# database's (several stores in schemas of one database — an office's test store beside
# its own, a test run — would otherwise wake each other's terminals for nothing).
NOTIFY_SQL = f"SELECT pg_notify('{NOTIFY_CHANNEL}', current_schema())"
# A LISTEN connection hears nothing from a hung server either: it is asked every few
# seconds, and a server that does not answer within a moment is said at once (no read
# that would wait for the statements' longer deadline).
PING_SECONDS = 2.0
PING_ANSWER_SECONDS = 3.0


class ChangeWatcher:
    """``changed()`` is True when another connection has committed since the last call.
    ``look_again`` is True after a check that read a write to the store's files (SQLite):
    a commit may still be on its way (its log is written a moment before it shows, and a
    move may commit twice), and that check has used up its wake-up, so the caller looks once
    more shortly instead of at its next check by the clock."""

    def __init__(self, db: peewee.Database):
        self.db = db
        self._conn: Any = None  # a sqlite3 or psycopg2 connection of its own
        self._version: int | None = None
        self._ping_at = 0.0
        self._file: object = None  # the SQLite file (its identity) the connection is on
        self._folder: FolderWatch | None = None  # SQLite: the wake-up on its files' writes
        self._folder_tried = False
        self._schema = ""  # PostgreSQL: the store's schema, the payload of its notifications
        self.look_again = False

    def changed(self) -> bool:
        try:
            if self._conn is None:
                self._connect()
                self.look_again = False
                return True  # (re)connected: read the day once
            return self._poll()
        except Exception as exc:  # the store went away: say "changed" so the caller reads and sees why
            self.close()
            if any(word in str(exc) for word in HUNG_WORDS):
                raise StoreError(first_line(exc)) from exc  # a hung server: said, not read
            return True

    def wake_fd(self) -> int | None:
        """A descriptor readable when there may be news (see above); None while there is
        none (not connected, no inotify): then only checking now and then finds a change."""
        if self._conn is None:
            return None
        if isinstance(self.db, peewee.PostgresqlDatabase):
            return None if self._conn.closed else self._conn.fileno()
        if not self._folder_tried:  # made on the first ask, not at the first (start-up) check
            self._folder_tried = True
            self._folder = FolderWatch.open(self.db.database)
        return self._folder.fileno() if self._folder is not None else None

    def close(self) -> None:
        if self._folder is not None:
            self._folder.close()
            self._folder, self._folder_tried = None, False
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:
                pass
        self._conn = None

    def _connect(self) -> None:
        if isinstance(self.db, peewee.PostgresqlDatabase):
            import psycopg2

            conn = psycopg2.connect(dbname=self.db.database, **self.db.connect_params)
            conn.autocommit = True
            cursor = conn.cursor()
            cursor.execute(f"LISTEN {NOTIFY_CHANNEL}; SELECT current_schema()")
            self._schema = cursor.fetchone()[0]
            self._ping_at = time.monotonic() + PING_SECONDS
        else:
            # Quoted: a "#", "?" or "%" in the path is part of the name, not of the URI.
            self._file = getattr(self.db, "identity", None)
            path = quote(os.path.abspath(self.db.database))
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                   check_same_thread=False, timeout=1)
            self._version = conn.execute("PRAGMA data_version").fetchone()[0]
        self._conn = conn

    def _ping(self) -> None:
        from data.pg_wait import answer_within

        with answer_within(self._conn, PING_ANSWER_SECONDS):
            self._conn.cursor().execute("SELECT 1")
        self._ping_at = time.monotonic() + PING_SECONDS

    def _poll(self) -> bool:
        if isinstance(self.db, peewee.PostgresqlDatabase):
            if time.monotonic() >= self._ping_at:
                self._ping()
            if select.select([self._conn], [], [], 0)[0]:
                self._conn.poll()
            if self._conn.notifies:
                ours = any(n.payload in (self._schema, "") for n in self._conn.notifies)
                self._conn.notifies.clear()
                if ours:  # (an empty payload: a bare NOTIFY, as an older desk sends)
                    return True
            # A dead server shows up only when we talk to it.
            if self._conn.closed:
                raise ConnectionError("closed")
            return False
        # Read what woke us (the data version says whether it counts).
        news = self._folder.news() if self._folder is not None else False
        check_file = getattr(self.db, "check_file", None)
        if check_file is not None:
            check_file()  # the file moved or replaced (~2 µs): raises, so the caller reads
            if getattr(self.db, "identity", None) != self._file:
                raise ConnectionError("another file in its place")  # reconnect to it
        version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        self.look_again = news
        if version != self._version:
            self._version = version
            return True
        return False
