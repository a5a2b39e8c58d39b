"""Bringing a PostgreSQL backup back (``kiosk restore`` on a ``postgresql://`` store).

``kiosk backup`` writes ``pg_dump --format=custom`` of the store's schema, so the backup is
read with ``pg_restore``: first only its table of contents and its tickets (a damaged or
foreign file is refused before anything is touched), then, with nobody else connected, the
whole of it in one transaction (``--single-transaction --exit-on-error``: a dump that breaks
half-way leaves the store as it was). The store as it was is dumped beside the backup first,
and the restored store is checked: every ticket of the backup there, the audit chain walked.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import peewee

from data.audit_chain import verify_chain
from data.backup import BackupError, _first, _remove, kept_aside, pg_dump_command
from data.database import describe, open_database


class StoreInUse(Exception):
    """Other sessions are connected to the store's database; ``sessions`` says who."""

    def __init__(self, sessions: list[str]):
        super().__init__(", ".join(sessions))
        self.sessions = sessions


@dataclass(frozen=True)
class Dump:
    path: Path
    schema: str
    tickets: int  # rows of the ticket table in the file


@dataclass(frozen=True)
class Restored:
    tickets: int
    audit_entries: int
    audit_broken_id: int | None  # the backup's chain was already broken there
    kept: Path | None  # the store as it was before the restore


def store_schema(url: str) -> str:
    """The schema the store's tables are in: the URL's search_path, else public."""
    options = dict(parse_qsl(urlsplit(url).query)).get("options", "")
    match = re.search(r"search_path=([A-Za-z0-9_]+)", unquote(options))
    return match.group(1) if match else "public"


def tools_missing() -> list[str]:
    return [tool for tool in ("pg_dump", "pg_restore") if not shutil.which(tool)]


def read_dump(path: Path, url: str) -> Dump:
    """The backup, read but not yet restored. Raises BackupError, in one sentence, for a file
    that is missing, damaged, not a pg_dump of a kiosk store, or of another schema."""
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    listed = subprocess.run(["pg_restore", "--list", str(path)], capture_output=True, text=True)
    if listed.returncode != 0:
        raise BackupError(f"{path}: not a backup made by `kiosk backup` on PostgreSQL "
                          f"({_first(listed.stderr)})")
    found = re.search(r"TABLE DATA (\S+) ticket ", listed.stdout)
    if not found:
        raise BackupError(f"{path}: a PostgreSQL dump, but not of a kiosk store (no ticket table)")
    schema, wanted = found.group(1), store_schema(url)
    if schema != wanted:
        raise BackupError(f"{path}: a backup of the schema {schema}, but the store is in {wanted}")
    whole = subprocess.run(["pg_restore", "--file=/dev/null", str(path)], capture_output=True,
                           text=True)  # every part of the file read once, nothing restored
    if whole.returncode != 0:
        raise BackupError(f"{path}: the file is damaged ({_first(whole.stderr)})")
    data = subprocess.run(["pg_restore", "--data-only", f"--schema={schema}", "--table=ticket",
                           "--file=-", str(path)], capture_output=True, text=True)
    if data.returncode != 0:
        raise BackupError(f"{path}: the tickets in it cannot be read ({_first(data.stderr)})")
    return Dump(path, schema, _copy_rows(data.stdout))


def _copy_rows(script: str) -> int:
    """The rows of the COPY block of a data-only script (a newline in a value is written \\n)."""
    rows, inside = 0, False
    for line in script.splitlines():
        if inside:
            if line == "\\.":
                inside = False
            else:
                rows += 1
        elif line.startswith("COPY "):
            inside = True
    return rows


def other_sessions(url: str) -> list[str]:
    """Who else is connected to the store's database: each as its program and address."""
    db = _connect(url)
    try:
        cursor = db.execute_sql(
            "SELECT coalesce(nullif(application_name, ''), '?'), "
            "coalesce(host(client_addr), 'local') FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND backend_type = 'client backend' ORDER BY backend_start")
        return [f"{name} ({where})" for name, where in cursor.fetchall()]
    finally:
        db.close()


def restore(url: str, dump: Dump, keep_in: Path, now: dt.datetime) -> Restored:
    """Put the backup in place of the store; the store as it was is dumped into ``keep_in``
    first. Raises BackupError: nothing changed, unless the text says the check failed."""
    keep_in.mkdir(parents=True, exist_ok=True)
    kept = kept_aside(str(keep_in / f"{dump.schema}-{now:%Y%m%d-%H%M%S}"),
                      ".before-restore.dump")
    saved = subprocess.run(pg_dump_command(url, kept), capture_output=True, text=True)
    if saved.returncode != 0:
        _remove(kept)
        raise BackupError(f"the store as it is could not be kept first (pg_dump: "
                          f"{_first(saved.stderr)}); nothing was changed")
    done = subprocess.run(["pg_restore", "--clean", "--if-exists", "--single-transaction",
                           "--exit-on-error", "--no-owner", f"--dbname={url}", str(dump.path)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"pg_restore stopped ({_first(done.stderr)}); the store was left "
                          f"as it was")
    db = _connect(url)
    try:
        tickets = db.execute_sql("SELECT count(*) FROM ticket").fetchone()[0]
        chain = verify_chain(db)
    finally:
        db.close()
    if tickets != dump.tickets:
        raise BackupError(f"{describe(url)} holds {tickets} tickets after the restore, the "
                          f"backup {dump.tickets}; the store as it was is in {kept}")
    broken = chain.first_broken.id if chain.first_broken else None
    return Restored(tickets, chain.entries, broken, kept)


def _connect(url: str) -> peewee.Database:
    db = open_database(url)
    try:
        db.connect(reuse_if_open=True)
    except (peewee.DatabaseError, peewee.InterfaceError) as exc:
        raise BackupError(f"{describe(url)}: {str(exc).strip().splitlines()[0]}") from None
    return db
