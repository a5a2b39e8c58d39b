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


def _v3_audit_chain(db: peewee.Database) -> None:
    # Each entry carries the hash of the one before (data/audit_chain.py); the entries
    # already there are chained in id order, so an upgraded store verifies from the start.
    from playhouse.migrate import SchemaMigrator, migrate

    from data.audit_chain import FIELDS, GENESIS, entry_hash

    postgres = isinstance(db, peewee.PostgresqlDatabase)
    have = {c.name for c in db.get_columns("audit_entry")}
    migrator = SchemaMigrator.from_database(db)
    migrate(*(migrator.add_column("audit_entry", name, peewee.CharField(max_length=64, null=True))
              for name in ("prev_hash", "entry_hash") if name not in have))
    rows = db.execute_sql(f"SELECT id, {', '.join(FIELDS)} FROM audit_entry "
                          "WHERE entry_hash IS NULL ORDER BY id").fetchall()
    last = GENESIS
    if rows:
        if postgres:
            db.execute_sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change")
        else:
            db.execute_sql("DROP TRIGGER IF EXISTS audit_entry_no_update")
        for row in rows:
            new = entry_hash(last, row[1:])
            db.execute_sql(f"UPDATE audit_entry SET prev_hash = {db.param}, entry_hash = {db.param} "
                           f"WHERE id = {db.param}", (last, new, row[0]))
            last = new
        if postgres:
            db.execute_sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_change")
        else:
            _v2_audit_append_only(db)
    if postgres:  # the serialising row the terminals lock to append (data/audit_chain.py)
        db.execute_sql("CREATE TABLE IF NOT EXISTS audit_head (id INTEGER PRIMARY KEY, "
                       "last_hash VARCHAR(64) NOT NULL)")
        db.execute_sql(f"INSERT INTO audit_head (id, last_hash) VALUES (1, {db.param}) "
                       "ON CONFLICT (id) DO NOTHING", (last,))


def _v4_survey(db: peewee.Database) -> None:
    # The satisfaction survey's two tables. On SQLite WITHOUT ROWID: rows are kept in key
    # order (the ticket's day and number; the response's random id), so the order in which
    # they were written, which would pair an answer with its ticket, is not kept.
    from data.models import SURVEY_MODELS

    sqlite = isinstance(db, peewee.SqliteDatabase)
    for model in SURVEY_MODELS:
        model._meta.without_rowid = sqlite
        try:
            db.create_tables([model], safe=True)
        finally:
            model._meta.without_rowid = False


def _v5_audit_by_time(db: peewee.Database) -> None:
    # The counter's audit view of a day asks for the entries written that day: without an
    # index on the stamp that was a walk of the whole log (166 ms at 1 million tickets).
    db.execute_sql("CREATE INDEX IF NOT EXISTS audit_entry_at ON audit_entry (at)")


def _v6_counter_sessions(db: peewee.Database) -> None:
    # One officer, one counter: the open sessions, kept in the store so that every terminal
    # (of every host) sees where an officer is logged in.
    from data.models import CounterSession

    db.create_tables([CounterSession], safe=True)


def _v7_follow_up_handled(db: peewee.Database) -> None:
    # A follow-up marked handled at the counter leaves the open list. A store made by an
    # older release's first step from today's models may have the column already.
    from playhouse.migrate import SchemaMigrator, migrate

    if "followed_up_at" not in {c.name for c in db.get_columns("ticket")}:
        migrator = SchemaMigrator.from_database(db)
        migrate(migrator.add_column("ticket", "followed_up_at",
                                    peewee.DateTimeField(null=True)))


# STEPS[i] brings a store from version i to version i + 1.
STEPS: list[Step] = [_v1_initial, _v2_audit_append_only, _v3_audit_chain, _v4_survey,
                     _v5_audit_by_time, _v6_counter_sessions, _v7_follow_up_handled]
# What the models can't say (triggers, the chain's head), applied to a new store.
EXTRAS: list[Step] = [_v2_audit_append_only, _v3_audit_chain, _v4_survey]
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
