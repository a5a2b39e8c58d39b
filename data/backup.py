"""Backups of the store, and bringing one back (``kiosk backup``, ``kiosk restore``).

SQLite: an online copy while the terminals work. One read transaction is held on the store
for the whole copy, so SQLite's backup API copies a single moment of it, page by page (a
booking committed meanwhile is simply in the next backup; readers never block writers in WAL
mode), and the tickets counted in that transaction are the ones the copy must hold. The copy
is written under a temporary name, checked (SQLite's quick_check of every page, or with
``full`` its integrity_check, which also reads every index back against its table; the
ticket count; the audit chain), made a one-file database and only then given its name; the
oldest are removed beyond ``keep``.
PostgreSQL: ``pg_dump`` in its custom format, checked by ``pg_restore --list``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qsl, unquote, urlsplit

import peewee
from platformdirs import user_data_path

from data.audit_chain import verify_chain

STEP_PAGES = 4096  # pages a step of the copy (16 MiB of 4 KiB pages): progress, short locks
_NAME = re.compile(r"-(\d{8}-\d{6})\.(db|dump)$")
Progress = Callable[[int, int], None]  # (bytes copied, bytes in all)
# What the check of a copy is doing: ("pages", 0, 0) as SQLite's check of the pages begins,
# ("chain", entries walked, entries in all) now and then during the audit chain's walk.
CheckProgress = Callable[[str, int, int], None]
QUICK, FULL = "quick_check", "integrity_check"  # the PRAGMA that checks the copy's pages


class BackupError(Exception):
    """A backup could not be made or is not sound; the text says why in one sentence."""


@dataclass(frozen=True)
class Backup:
    path: Path
    size: int
    seconds: float
    tickets: int | None  # None on PostgreSQL (pg_restore --list checked the dump)
    audit_entries: int | None
    audit_broken_id: int | None  # the store's chain was already broken there (copied as it is)
    removed: tuple[Path, ...]  # older backups rotated out


def default_dir() -> Path:
    return user_data_path("helpdesk-kiosk", appauthor=False) / "backups"


def backups_in(folder: Path, stem: str | None = None) -> list[Path]:
    """The backups in ``folder`` (of the store named ``stem``), oldest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_file() and _NAME.search(p.name)
             and (stem is None or p.name.startswith(f"{stem}-"))]
    return sorted(found, key=lambda p: (_NAME.search(p.name).group(1), p.name))  # type: ignore[union-attr]


def backup_sqlite(store: str, folder: Path, keep: int, now: dt.datetime,
                  progress: Progress | None = None, *, full: bool = False,
                  checking: CheckProgress | None = None) -> Backup:
    """The copy, then its check: quick_check (every page of every table and index read,
    their structure and records checked), or with ``full`` integrity_check (an index's
    entries matched against its table's rows too: several times longer on a large store)."""
    started = dt.datetime.now()
    folder.mkdir(parents=True, exist_ok=True)
    stem = Path(store).stem
    final = folder / f"{stem}-{now:%Y%m%d-%H%M%S}.db"
    partial = folder / f".{final.name}.partial"
    source = sqlite3.connect(f"file:{os.path.abspath(store)}?mode=rw", uri=True, timeout=5.0,
                             isolation_level=None)
    try:
        source.execute("BEGIN")  # one moment of the store for the whole copy
        tickets = source.execute("SELECT count(*) FROM ticket").fetchone()[0]
        target = sqlite3.connect(partial, isolation_level=None)
        try:
            def step(_status: int, remaining: int, total: int) -> None:
                if progress:
                    page = source.execute("PRAGMA page_size").fetchone()[0]
                    progress((total - remaining) * page, total * page)
            source.backup(target, pages=STEP_PAGES, progress=step)
        finally:
            target.close()
        source.execute("COMMIT")
    except sqlite3.Error as exc:
        _remove(partial)
        raise BackupError(f"{store}: {exc}") from None
    finally:
        source.close()
    try:
        check = check_sqlite(partial, expect_tickets=tickets, full=full, progress=checking)
        os.replace(partial, final)
    except BaseException:
        _remove(partial)
        raise
    _sync_folder(folder)
    return Backup(final, final.stat().st_size, (dt.datetime.now() - started).total_seconds(),
                  check.tickets, check.audit_entries, check.audit_broken_id,
                  rotate(folder, stem, keep))


@dataclass(frozen=True)
class Check:
    tickets: int
    audit_entries: int
    audit_broken_id: int | None


def check_sqlite(path: str | Path, expect_tickets: int | None = None, *, full: bool = True,
                 progress: CheckProgress | None = None) -> Check:
    """A backup that can be brought back: a sound SQLite database holding a kiosk store (and
    every ticket expected). Leaves the file a one-file database (no -wal beside it). Its
    pages are checked by integrity_check, or by quick_check when not ``full``."""
    if not Path(path).is_file():
        raise BackupError(f"{path}: no such file")
    conn = sqlite3.connect(f"file:{os.path.abspath(path)}?mode=rw", uri=True,
                           isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        if progress:
            progress("pages", 0, 0)
        result = [row[0] for row in conn.execute(f"PRAGMA {FULL if full else QUICK}")]
        if result != ["ok"]:
            raise BackupError(f"{path}: the file is damaged ({result[0]})")
        tickets = conn.execute("SELECT count(*) FROM ticket").fetchone()[0]
        entries = conn.execute("SELECT count(*) FROM audit_entry").fetchone()[0]
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # damaged text decodes badly too
        raise BackupError(f"{path}: not a sound kiosk store ({exc})") from None
    finally:
        conn.close()
    if expect_tickets is not None and tickets != expect_tickets:
        raise BackupError(f"{path}: holds {tickets} tickets, the store had {expect_tickets}")
    chain_db = peewee.SqliteDatabase(str(path))  # not the process's handle: only for the walk
    try:
        report = verify_chain(chain_db, None if progress is None
                              else lambda walked: progress("chain", walked, entries))
    except (peewee.DatabaseError, UnicodeDecodeError) as exc:
        raise BackupError(f"{path}: the audit log cannot be read ({exc})") from None
    finally:
        chain_db.close()
    broken = report.first_broken.id if report.first_broken else None
    return Check(tickets, report.entries, broken)


def rotate(folder: Path, stem: str, keep: int) -> tuple[Path, ...]:
    old = backups_in(folder, stem)[:-keep] if keep > 0 else []
    for path in old:
        _remove(path)
    return tuple(old)


def prepare_restore(backup: Path, store: str) -> tuple[Path, Check]:
    """A copy of ``backup`` beside the store, checked: the very bytes that will be put in
    place (the backup itself is only read, so it may sit on read-only media), and what the
    check found. Raises BackupError for a file that is not a sound kiosk store."""
    if not backup.is_file():
        raise BackupError(f"{backup}: no such file")
    incoming = Path(f"{os.path.abspath(store)}.restoring")
    try:
        shutil.copyfile(backup, incoming)
        check = check_sqlite(incoming)
        with open(incoming, "rb+") as handle:
            os.fsync(handle.fileno())
    except BaseException:
        _remove(incoming)
        raise
    return incoming, check


def put_in_place(incoming: Path, store: str, now: dt.datetime) -> Path | None:
    """Put the prepared copy in the place of ``store`` (the caller holds data.in_use.alone()):
    the store as it was is kept beside it first. Returns where that copy is."""
    kept = None
    if os.path.exists(store):
        kept = kept_aside(f"{store}.before-restore-{now:%Y%m%d-%H%M%S}")
        with contextlib.closing(sqlite3.connect(store, isolation_level=None)) as old, \
                contextlib.closing(sqlite3.connect(kept, isolation_level=None)) as aside:
            old.backup(aside)
    # A -wal or -shm left beside the store belongs to the old file: SQLite would lay it over
    # the restored one. Nobody has the store open (alone()), so they hold nothing else.
    for suffix in ("-wal", "-shm", "-journal"):
        _remove(Path(store + suffix))
    os.replace(incoming, store)
    _sync_folder(Path(store).resolve().parent)
    return kept


def discard(incoming: Path) -> None:
    _remove(incoming)


def pg_dump_command(url: str, target: Path) -> list[str]:
    """The pg_dump that backs up the store at ``url`` (its schema only, when the URL names
    one through its search_path)."""
    command = ["pg_dump", "--format=custom", f"--file={target}", f"--dbname={url}"]
    options = dict(parse_qsl(urlsplit(url).query)).get("options", "")
    match = re.search(r"search_path=([A-Za-z0-9_]+)", unquote(options))
    if match:
        command.append(f"--schema={match.group(1)}")
    return command


def backup_postgres(url: str, folder: Path, keep: int, now: dt.datetime) -> Backup:
    started = dt.datetime.now()
    if not shutil.which("pg_dump") or not shutil.which("pg_restore"):
        raise FileNotFoundError("pg_dump")
    folder.mkdir(parents=True, exist_ok=True)
    name = unquote(urlsplit(url).path.lstrip("/")) or "kiosk"
    final = folder / f"{name}-{now:%Y%m%d-%H%M%S}.dump"
    partial = folder / f".{final.name}.partial"
    done = subprocess.run(pg_dump_command(url, partial), capture_output=True, text=True)
    if done.returncode != 0:
        _remove(partial)
        raise BackupError(f"pg_dump: {_first(done.stderr)}")
    listed = subprocess.run(["pg_restore", "--list", str(partial)], capture_output=True, text=True)
    if listed.returncode != 0 or not re.search(r"TABLE DATA \S+ ticket ", listed.stdout):
        _remove(partial)
        raise BackupError(f"{final}: pg_restore cannot read the dump ({_first(listed.stderr)})")
    os.replace(partial, final)
    return Backup(final, final.stat().st_size, (dt.datetime.now() - started).total_seconds(),
                  None, None, None, rotate(folder, name, keep))


def _first(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else "no message"


def kept_aside(name: str, suffix: str = "") -> Path:
    """A new file ``name`` + ``suffix`` made for the store as it was, never one already there:
    a second restore within the same second (the first's copy restored back, say) must not
    write over that copy, which may be the very file it is restoring. Made empty at once
    (O_EXCL), so two restores cannot take one name either."""
    for n in range(1, 1000):
        path = Path(f"{name}{'' if n == 1 else f'-{n}'}{suffix}")
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            continue
        return path
    raise BackupError(f"{name}{suffix}: a thousand copies of that second already")


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _sync_folder(folder: Path) -> None:
    """The new name survives a power cut too."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
