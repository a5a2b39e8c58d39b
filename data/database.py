"""Opening the one database handle of the process from a URL.

A file path or ``sqlite:///path`` gives the embedded default: SQLite in WAL mode with a
busy timeout and foreign keys on, every transaction ``BEGIN IMMEDIATE`` so a writer takes
the lock before it reads. ``postgresql://`` is for terminals on several hosts.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlsplit

import peewee
from platformdirs import user_data_dir
from playhouse.shortcuts import ReconnectMixin

from data.errors import StoreError, first_line, is_busy
from data.migrations import current_version, migrate
from data.models import database as proxy

BUSY_TIMEOUT_S = 5.0
# Less free space than this on the store's disk, and an I/O error is the disk being full.
DISK_FULL_BYTES = 1 << 20

# The type of the process's database handle, for the layers above that never import peewee.
Database = peewee.Database


def default_url() -> str:
    """``KIOSK_DB`` or an SQLite file in the user's data directory."""
    env = os.environ.get("KIOSK_DB", "").strip()
    if env:
        return env
    folder = Path(user_data_dir("helpdesk-kiosk", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder / "kiosk.db")


def split_url(url: str):
    """The URL's parts; a port out of range or a broken IPv6 address is a StoreError."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (checks the port)
    except ValueError as exc:
        raise StoreError(f"{_hide_password(url)}: {exc}") from None
    return parts


def _hide_password(url: str) -> str:
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def describe(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return _hide_password(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return parts._replace(netloc=netloc).geturl()
    return url


def sqlite_path(url: str) -> str:
    if url.startswith("sqlite:"):
        if not url.startswith("sqlite:///"):
            # sqlite://foo.db would silently be an in-memory database elsewhere.
            raise StoreError(f"{url}: use sqlite:///relative/path.db or sqlite:////absolute/path.db")
        path = unquote(url[len("sqlite:///"):].split("?", 1)[0])
    else:
        path = url
    if not path or path == ":memory:":
        raise StoreError(f"{url}: the kiosk needs a database file, not an in-memory database")
    return path


# How a running terminal says its file is no longer there (data.errors: StoreError.missing).
FILE_GONE = "the database file is gone (deleted or moved away)"


class StoreMissing(StoreError):
    """There is no store at the URL: no file, or no schema in it. Only ``kiosk init``
    makes one; anything else that made one would hand out number 1 again."""


def open_store(url: str, create: bool = False) -> peewee.Database:
    """The database at ``url``, connected and at the current schema (an older one is
    brought up step by step). Only with ``create`` is a missing store made, at the newest
    schema. Raises StoreMissing when it is not there, StoreError for any other trouble."""
    try:
        db = open_database(url, create=create)
        db.connect(reuse_if_open=True)
        if not create and current_version(db) == 0:
            db.close()
            raise StoreMissing(describe(url))
        migrate(db)
    except StoreError:
        raise
    except (peewee.DatabaseError, peewee.InterfaceError, RuntimeError, OSError) as exc:
        first = first_line(exc)
        raise StoreError(f"{describe(url)}: {first}", busy=is_busy(first)) from None
    return db


def init_store(url: str) -> bool:
    """Make the store at ``url`` (``kiosk init``): the file and the newest schema. Returns
    False, changing nothing, when it is already there. Raises StoreError."""
    try:
        db = open_database(url, create=True)
        db.connect(reuse_if_open=True)
        there = current_version(db) > 0
        db.close()
    except (peewee.DatabaseError, peewee.InterfaceError, OSError) as exc:
        raise StoreError(f"{describe(url)}: {first_line(exc)}", busy=is_busy(first_line(exc))) from None
    open_store(url, create=True).close()  # brings an older store to the newest schema too
    return not there


def open_database(url: str, create: bool = False) -> peewee.Database:
    """Open (lazily) and bind the process's database; the schema is not touched here.
    Only with ``create`` is a missing SQLite file made."""
    scheme = split_url(url).scheme.lower() if "://" in url else ""
    db: peewee.Database
    if scheme in ("postgres", "postgresql"):
        db = _postgres(url)
    elif scheme in ("", "sqlite") or (len(scheme) == 1 and os.name == "nt"):
        db = _sqlite(sqlite_path(url), create)
    else:
        raise StoreError(f"{describe(url)}: unknown database kind {scheme!r}; use a file path, sqlite:/// or postgresql://")
    proxy.initialize(db)
    return db


class KioskSqlite(peewee.SqliteDatabase):
    """The file is created only when asked (``kiosk init``), never later: a connection made
    after the file was moved or deleted fails instead of starting an empty database and
    handing out number 1 again. ``check_file()`` notices a file moved or replaced under us."""

    def __init__(self, path: str, create: bool = False, **kwargs):
        super().__init__(path, **kwargs)
        if create:
            sqlite3.connect(path).close()  # create it now, if it is new
        elif not os.path.exists(path):
            raise StoreMissing(path)
        self._identity = self._file_identity()
        self._wal: dict[int, tuple] = {}  # each open connection's -wal and -shm, by id

    def _file_identity(self, suffix: str = "") -> tuple[int, int] | None:
        try:
            info = os.stat(self.database + suffix)
        except OSError:
            return None
        return info.st_dev, info.st_ino

    @property
    def identity(self) -> tuple[int, int] | None:
        """The file this handle works on (device, inode): a change watcher follows it."""
        return self._identity

    def check_file(self) -> None:
        now = self._file_identity()
        if now != self._identity:
            if now is None:
                self._let_go()
                raise peewee.OperationalError(f"{self.database}: {FILE_GONE}")
            if not self.is_closed():
                self._let_go()
                raise peewee.OperationalError(
                    f"{self.database}: the database file was moved or replaced")
            # No connection open on the old file: another file in its place (a backup put
            # back) is the store from now on; one that is not a store says so when read.
            self._identity = now
        # The write-ahead log holds the last commits until a checkpoint, and its -shm the
        # locks every terminal shares: deleted under an open connection, the others would
        # start afresh without them and hand out the same numbers again.
        if not self.is_closed() and self._wal.get(id(self.connection())) != self._wal_identity():
            self._let_go()
            raise peewee.OperationalError(
                f"{self.database}: its write-ahead log (-wal, -shm) was deleted or replaced")

    def execute_sql(self, sql, params=None):
        try:
            return super().execute_sql(sql, params)
        except peewee.OperationalError as exc:
            self._say_disk_full(exc)
            raise

    def rollback(self) -> None:
        try:
            super().rollback()
        except peewee.OperationalError as exc:
            self._say_disk_full(exc)
            raise

    def _say_disk_full(self, exc: Exception) -> None:
        """On a full disk SQLite may say "disk I/O error", or "cannot rollback" when it has
        already rolled back itself: the person at the terminal is told the disk is full."""
        text = str(exc)
        if "full" in text or not ("I/O error" in text or "no transaction is active" in text):
            return
        try:
            disk = os.statvfs(os.path.dirname(os.path.abspath(self.database)))
        except OSError:
            return
        if disk.f_bavail * disk.f_frsize < DISK_FULL_BYTES:
            raise peewee.OperationalError(
                f"{self.database}: database or disk is full (no space left on its disk)") from exc

    def _wal_identity(self) -> tuple:
        return self._file_identity("-wal"), self._file_identity("-shm")

    def _let_go(self) -> None:
        if not self.in_transaction():
            self.close()

    def close(self) -> bool:
        if not self.is_closed():
            self._wal.pop(id(self.connection()), None)
        return super().close()

    def _connect(self):
        self.check_file()
        conn = sqlite3.connect(f"file:{quote(os.path.abspath(self.database))}?mode=rw", uri=True,
                               timeout=self.timeout, isolation_level=None, **self.connect_params)
        try:
            self._add_conn_hooks(conn)  # type: ignore[attr-defined]  # peewee's pragmas; not in its stubs
            conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()  # opens -wal and -shm
        except sqlite3.OperationalError as exc:
            conn.close()
            self._say_disk_full(exc)
            raise
        except Exception:
            conn.close()
            raise
        self._wal[id(conn)] = self._wal_identity()
        return conn


def _sqlite(path: str, create: bool) -> peewee.SqliteDatabase:
    folder = Path(path).expanduser().resolve().parent
    if not folder.is_dir():
        if not create:
            raise StoreMissing(f"{path} (folder {folder} does not exist)")
        raise StoreError(f"{path}: folder {folder} does not exist / folder tidak ada")
    try:
        return _sqlite_db(path, create)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: {exc}") from None


def _sqlite_db(path: str, create: bool = False) -> peewee.SqliteDatabase:
    return KioskSqlite(
        str(Path(path).expanduser()), create,
        timeout=BUSY_TIMEOUT_S,
        lock_type="IMMEDIATE",
        pragmas={
            "journal_mode": "wal",
            "busy_timeout": int(BUSY_TIMEOUT_S * 1000),
            "foreign_keys": 1,
            # An acknowledged number survives a power cut: each commit is on the disk
            # (WAL and all) before the desk says it is done.
            "synchronous": "full",
            # Every commit is copied into the main file at once (15 bookings a day: cheap),
            # so a -wal deleted by a clean-up script takes no acknowledged booking with it.
            "wal_autocheckpoint": 1,
            # Deleted and overwritten content is zeroed, not left in free space (kiosk purge).
            "secure_delete": 1,
        },
    )


def _postgres(url: str) -> peewee.PostgresqlDatabase:
    parts = split_url(url)
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise StoreError(f"{describe(url)}: the URL names no database")
    kwargs: dict = dict(parse_qsl(parts.query))
    if parts.hostname:
        kwargs["host"] = parts.hostname
    if parts.port:
        kwargs["port"] = parts.port
    if parts.username:
        kwargs["user"] = unquote(parts.username)
    if parts.password:
        kwargs["password"] = unquote(parts.password)
    from data import pg_wait  # psycopg2: only when the store is PostgreSQL

    kwargs.setdefault("connect_timeout", str(int(pg_wait.CONNECT_SECONDS)))
    # A dead server or network is noticed in about half a minute, not after the kernel's
    # two hours; a row held by another terminal is waited for as long as SQLite's busy
    # timeout, then refused as "busy"; no statement of the kiosk runs anywhere near 30 s.
    # A hung server (which keeps the connection open) is given up by pg_wait's deadline.
    pg_wait.install()
    for key, value in (("keepalives", "1"), ("keepalives_idle", "10"),
                       ("keepalives_interval", "5"), ("keepalives_count", "3")):
        kwargs.setdefault(key, value)
    limits = f"-c lock_timeout={int(BUSY_TIMEOUT_S * 1000)} -c statement_timeout=30000"
    kwargs["options"] = f"{kwargs['options']} {limits}" if kwargs.get("options") else limits
    return ReconnectingPostgres(name, **kwargs)


class ReconnectingPostgres(ReconnectMixin, peewee.PostgresqlDatabase):
    """Reconnects once when the server has restarted since the last statement (only
    outside a transaction, so nothing half-done is silently replayed)."""

    reconnect_errors = (
        (peewee.OperationalError, "server closed the connection"),
        (peewee.OperationalError, "terminating connection"),
        (peewee.OperationalError, "connection already closed"),
        (peewee.OperationalError, "could not receive data"),
        (peewee.OperationalError, "ssl syscall"),
        (peewee.InterfaceError, "connection already closed"),
    )


def engine(db: peewee.Database) -> str:
    return "postgresql" if isinstance(db, peewee.PostgresqlDatabase) else "sqlite"
