"""Schema versions: a new store starts at the newest; an old one upgrades and keeps its data."""

from __future__ import annotations

import peewee
import pytest
from playhouse.migrate import PostgresqlMigrator, SqliteMigrator, migrate as apply

from conftest import ALWAYS_OPEN
from data import migrations
from data.database import open_database
from data.models import SchemaVersion, Ticket
from kiosk.desk.store import open_desk


def test_a_new_store_is_at_the_newest_version(store_url):
    desk = open_desk(store_url, ALWAYS_OPEN)
    assert migrations.current_version(desk.db) == migrations.LATEST
    assert migrations.migrate(desk.db) == migrations.LATEST  # idempotent


def test_an_old_store_upgrades_and_keeps_its_tickets(store_url):
    desk = open_desk(store_url, ALWAYS_OPEN)
    ticket = desk.book("perpajakan", "Yohanes Ndun")
    db = desk.db
    migrator = PostgresqlMigrator(db) if isinstance(db, peewee.PostgresqlDatabase) else SqliteMigrator(db)

    def v2_add_language(database):
        apply(migrator.add_column("ticket", "language", peewee.CharField(default="id")))

    steps = [*migrations.STEPS, v2_add_language]
    assert migrations.migrate(db, steps) == migrations.LATEST + 1
    assert migrations.current_version(db) == migrations.LATEST + 1
    row = db.execute_sql("SELECT number, language FROM ticket WHERE code = %s" % db.param,
                         (ticket.code,)).fetchone()
    assert tuple(row) == (1, "id")
    assert Ticket.select().count() == 1


def test_a_store_newer_than_the_program_is_refused(store_url):
    desk = open_desk(store_url, ALWAYS_OPEN)
    SchemaVersion.create(version=migrations.LATEST + 5, applied_at=desk.time.stamp())
    with pytest.raises(Exception) as refused:
        open_desk(store_url, ALWAYS_OPEN)
    assert "newer than this program" in str(refused.value)


def test_sqlite_store_runs_in_wal_with_foreign_keys(sqlite_url):
    open_desk(sqlite_url, ALWAYS_OPEN)
    db = open_database(sqlite_url)
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_the_audit_log_cannot_be_changed_or_deleted(store_url):
    from data.models import AuditEntry

    desk = open_desk(store_url, ALWAYS_OPEN)
    desk.book("perpajakan", "Yohanes Ndun")
    for attempt in (lambda: AuditEntry.update(actor="someone else").execute(),
                    lambda: AuditEntry.delete().execute()):
        with pytest.raises(peewee.DatabaseError) as refused:
            with desk.db.atomic():
                attempt()
        assert "append-only" in str(refused.value)
    assert [e.actor for e in AuditEntry.select()] == ["lobby"]


def test_a_version_one_store_gets_the_audit_triggers(bare_store_url):
    store_url = bare_store_url
    db = open_database(store_url, create=True)
    migrations.migrate(db, migrations.STEPS[:1])  # a store made by the first release
    assert migrations.current_version(db) == 1
    desk = open_desk(store_url, ALWAYS_OPEN)
    assert migrations.current_version(desk.db) == migrations.LATEST
    desk.book("perpajakan", "Yohanes Ndun")
    from data.models import AuditEntry

    with pytest.raises(peewee.DatabaseError):
        with desk.db.atomic():
            AuditEntry.delete().execute()


def test_an_upgraded_store_gets_the_audit_index_by_time(bare_store_url):
    db = open_database(bare_store_url, create=True)
    migrations.migrate(db, migrations.STEPS[:4])  # a store from before the index: its
    db.execute_sql("DROP INDEX audit_entry_at")  # first step made today's models' indexes
    desk = open_desk(bare_store_url, ALWAYS_OPEN)
    assert migrations.current_version(desk.db) == migrations.LATEST
    assert "audit_entry_at" in {i.name for i in desk.db.get_indexes("audit_entry")}


def test_an_upgraded_store_gets_the_follow_up_mark(bare_store_url):
    db = open_database(bare_store_url, create=True)
    migrations.migrate(db, migrations.STEPS[:6])  # a store from before the mark: its first
    db.execute_sql("ALTER TABLE ticket DROP COLUMN followed_up_at")  # step made today's models
    desk = open_desk(bare_store_url, ALWAYS_OPEN)
    assert migrations.current_version(desk.db) == migrations.LATEST
    assert "followed_up_at" in {c.name for c in desk.db.get_columns("ticket")}
    ticket = desk.book("perpajakan", "Yohanes Ndun")
    desk.call_next(1, "Sari")
    desk.start(ticket.code, 1, "Sari")
    desk.finish(ticket.code, 1, "Sari", "NPWP", "", "follow_up")
    desk.follow_up_done(ticket.code, "Sari", 1)
    assert desk.follow_ups(desk.today(), desk.today()) == []
