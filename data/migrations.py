"""Schema versions. A new store is created at the newest version; an older store is
brought up step by step, each step in its own transaction, so an upgrade keeps its data.

To change the schema: change the models, append a step to STEPS that makes the same
change on an existing store (playhouse.migrate), and tests/test_migrations.py proves it.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

import peewee

from data.models import ALL_MODELS, SchemaVersion

Step = Callable[[peewee.Database], None]


def _v1_initial(db: peewee.Database) -> None:
    # Version 1 is the first schema; a store at version 0 has no tables yet.
    db.create_tables(ALL_MODELS)


def _v2_audit_append_only(db: peewee.Database) -> None:
    # The audit log is evidence: the database itself refuses to change or delete an entry.
    if isinstance(db, peewee.PostgresqlDatabase):
        db.execute_sql(
            "CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION 'the audit log is append-only'; END; $$ LANGUAGE plpgsql")
        db.execute_sql("DROP TRIGGER IF EXISTS audit_entry_no_change ON audit_entry")
        db.execute_sql(
            "CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry "
            "FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()")
    else:
        for event in ("UPDATE", "DELETE"):
            db.execute_sql(
                f"CREATE TRIGGER IF NOT EXISTS audit_entry_no_{event.lower()} BEFORE {event} "
                "ON audit_entry BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")


# STEPS[i] brings a store from version i to version i + 1.
STEPS: list[Step] = [_v1_initial, _v2_audit_append_only]
# What the models can't say (triggers), applied to a new store made from the models.
EXTRAS: list[Step] = [_v2_audit_append_only]
LATEST = len(STEPS)


def current_version(db: peewee.Database) -> int:
    if not db.table_exists(SchemaVersion._meta.table_name):
        return 0
    row = SchemaVersion.select(peewee.fn.MAX(SchemaVersion.version)).scalar()
    return row or 0


def migrate(db: peewee.Database, steps: list[Step] | None = None) -> int:
    """Bring the store to the newest version; returns the version it is at."""
    steps = STEPS if steps is None else steps
    if current_version(db) == len(steps):
        return len(steps)  # the usual start: no write lock taken, nothing to wait for
    with db.atomic():
        if isinstance(db, peewee.PostgresqlDatabase):
            # Terminals starting together must not create the schema twice.
            db.execute_sql("SELECT pg_advisory_xact_lock(4242001)")
        version = current_version(db)
        if version > len(steps):
            raise RuntimeError(
                f"the database is at schema version {version}, newer than this program "
                f"({len(steps)}); upgrade the program")
        if version == 0 and steps is STEPS:
            db.create_tables(ALL_MODELS)  # a new store starts at the newest schema
            for extra in EXTRAS:
                extra(db)
            _stamp(LATEST)
            return LATEST
    while version < len(steps):
        with db.atomic():
            if isinstance(db, peewee.PostgresqlDatabase):
                db.execute_sql("SELECT pg_advisory_xact_lock(4242001)")
            if current_version(db) != version:  # another terminal did this step
                version = current_version(db)
                continue
            steps[version](db)
            version += 1
            _stamp(version)
    return version


def _stamp(version: int) -> None:
    SchemaVersion.create(version=version, applied_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))
