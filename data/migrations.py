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


# STEPS[i] brings a store from version i to version i + 1.
STEPS: list[Step] = [_v1_initial]
LATEST = len(STEPS)


def current_version(db: peewee.Database) -> int:
    if not db.table_exists(SchemaVersion._meta.table_name):
        return 0
    row = SchemaVersion.select(peewee.fn.MAX(SchemaVersion.version)).scalar()
    return row or 0


def migrate(db: peewee.Database, steps: list[Step] | None = None) -> int:
    """Bring the store to the newest version; returns the version it is at."""
    steps = STEPS if steps is None else steps
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
