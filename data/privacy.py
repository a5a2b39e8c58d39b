"""Erasing who came: the visitor's name, identity number, telephone and the officer's note
on the tickets of old days. What stays is anonymous: number, day, service, times, topic.

Setting the columns to "" is not enough: the old values stay in the store's files (free
space of a page, the write-ahead log, PostgreSQL's dead row versions). ``scrub_files``,
run after the erasing transaction committed, takes them out of the files."""

from __future__ import annotations

import datetime as dt

import peewee

from data.models import Ticket


def erase_visitors(before: dt.date, erased_name: str) -> int:
    """The personal data of every ticket of a day before ``before`` erased (the name set to
    ``erased_name``); how many tickets still had some."""
    return (Ticket.update(visitor_name=erased_name, id_kind="", id_number="", phone="", note="")
            .where(Ticket.day < before,
                   (Ticket.visitor_name != erased_name) | (Ticket.id_number != "")
                   | (Ticket.phone != "") | (Ticket.note != ""))
            .execute())


def scrub_files(db: peewee.Database) -> list[str]:
    """Old values out of the store's files, outside any transaction; the steps that could
    not be done (a reader holding the WAL, a role without the right), empty when all was."""
    if isinstance(db, peewee.PostgresqlDatabase):
        return _scrub_postgres(db)
    return _scrub_sqlite(db)


def _scrub_sqlite(db: peewee.Database) -> list[str]:
    # secure_delete (set on every connection) zeroed the old cells in the pages written to
    # the WAL; TRUNCATE copies those pages into the main file and empties the WAL, whose
    # older frames still hold the values. It waits (busy timeout) for readers to move on.
    busy, _, _ = db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return ["wal_checkpoint: a reader kept the write-ahead log"] if busy else []


def _scrub_postgres(db: peewee.Database) -> list[str]:
    # UPDATE leaves the old row versions in the table's file; VACUUM FULL writes the table
    # and its indexes anew (the old files are emptied at commit, removed at the next
    # checkpoint). The WAL still holds the old rows until its segments are removed: that
    # needs CHECKPOINT (superuser or pg_checkpoint) and the server's wal_recycle=off.
    left: list[str] = []
    table = Ticket._meta.table_name
    # ANALYZE: the planner's statistics (pg_statistic) keep common values of each column.
    db.execute_sql(f'VACUUM (FULL, ANALYZE) "{table}"')
    try:
        db.execute_sql("SELECT pg_switch_wal()")
        db.execute_sql("CHECKPOINT")
    except peewee.DatabaseError as exc:
        left.append(f"checkpoint: {str(exc).strip().splitlines()[0]}")
    return left
