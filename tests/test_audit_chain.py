"""The audit log is tamper-evident: an attacker who goes round the program (drops the
append-only trigger and edits the database directly) leaves a broken hash chain, and
`kiosk audit verify` names the first entry that does not belong.

The oracle is what each test did to the store, never the product's own hash function."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from data.models import AuditEntry
from kiosk.desk.officers import Officers
from kiosk.desk.store import open_desk

from tests.conftest import ALWAYS_OPEN

NAMES = ("Ana Lado", "Budi Pah", "Cici Tefa", "Dami Nope", "Eli Manu", "Fero Bani")


def _kiosk(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True,
                          timeout=60, env=dict(os.environ), stdin=subprocess.DEVNULL)


def _verify(url: str) -> tuple[int, dict]:
    done = _kiosk("audit", "verify", "--json", "--db", url, "--office", str(ALWAYS_OPEN))
    assert done.stderr == ""
    return done.returncode, json.loads(done.stdout)


@pytest.fixture
def store(store_url):
    """A store with a few days' worth of entries: bookings, a call, an officer's login."""
    desk = open_desk(store_url, ALWAYS_OPEN)
    for name in NAMES:
        desk.book("perpajakan", name)
    officers = Officers(desk)
    officers.add("Sari Dewi", "supervisor", "482913", actor="setup")
    officers.login("Sari Dewi", "482913", counter=1)
    desk.call_next(1, "Sari Dewi")
    desk.db.close()
    return store_url


class Attacker:
    """A direct connection to the store, its append-only trigger out of the way."""

    def __init__(self, url: str):
        self.postgres = url.startswith("postgresql")
        if self.postgres:
            import psycopg2

            self.conn = psycopg2.connect(url)
            self.conn.autocommit = True
            self.run("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change")
        else:
            self.conn = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
            self.run("DROP TRIGGER audit_entry_no_update")
            self.run("DROP TRIGGER audit_entry_no_delete")

    def run(self, sql: str, params: tuple = ()) -> list[tuple]:
        if self.postgres:
            sql = sql.replace("?", "%s")
        cursor = self.conn.cursor()
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description else []

    def ids(self) -> list[int]:
        return [r[0] for r in self.run("SELECT id FROM audit_entry ORDER BY id")]


def test_an_intact_chain_passes(store):
    code, report = _verify(store)
    entries = Attacker(store).ids()
    assert len(entries) == len(NAMES) + 3  # six bookings, the officer added, a login, a call
    assert (code, report["ok"], report["entries"], report["first_broken"]) == (
        0, True, len(entries), None)


def test_an_intact_chain_reads_as_one_line(store):
    done = _kiosk("audit", "verify", "--db", store, "--office", str(ALWAYS_OPEN), "--lang", "en")
    assert done.returncode == 0 and "Audit log intact: 9 entries" in done.stdout


def test_an_edited_entry_is_named(store):
    attacker = Attacker(store)
    victim = attacker.ids()[3]
    attacker.run("UPDATE audit_entry SET actor = 'someone else' WHERE id = ?", (victim,))
    code, report = _verify(store)
    assert (code, report["ok"]) == (3, False)
    assert report["first_broken"]["id"] == victim
    assert report["first_broken"]["why"] == "edited"
    assert report["entries"] == len(attacker.ids())


def test_an_edit_that_keeps_the_hashes_is_named_too(store):
    # The stamp moved by a second: nothing but the hashing can tell.
    attacker = Attacker(store)
    victim = attacker.ids()[2]
    shift = ("at = at + interval '1 second'" if attacker.postgres
             else "at = datetime(at, '+1 second')")
    attacker.run(f"UPDATE audit_entry SET {shift} WHERE id = ?", (victim,))
    code, report = _verify(store)
    assert (code, report["first_broken"]["id"]) == (3, victim)


def test_a_deleted_entry_is_found_at_the_next_one(store):
    attacker = Attacker(store)
    ids = attacker.ids()
    attacker.run("DELETE FROM audit_entry WHERE id = ?", (ids[4],))
    code, report = _verify(store)
    assert code == 3
    assert report["first_broken"] == {"id": ids[5], "why": "removed_before"}


def test_the_first_entry_deleted_is_found(store):
    attacker = Attacker(store)
    ids = attacker.ids()
    attacker.run("DELETE FROM audit_entry WHERE id = ?", (ids[0],))
    code, report = _verify(store)
    assert (code, report["first_broken"]["id"]) == (3, ids[1])


def test_an_entry_slipped_in_at_the_end_is_named(store):
    attacker = Attacker(store)
    attacker.run("INSERT INTO audit_entry (at, actor, counter, action, day, ticket_code, "
                 "ticket_number, detail, reason, prev_hash, entry_hash) SELECT at, 'mallory', "
                 "counter, action, day, ticket_code, ticket_number, detail, reason, prev_hash, "
                 "entry_hash FROM audit_entry WHERE id = ?", (attacker.ids()[-1],))
    forged = attacker.ids()[-1]
    code, report = _verify(store)
    assert (code, report["first_broken"]["id"]) == (3, forged)


def _slip_in(attacker: Attacker, after: int, prev: str, own: str) -> int:
    """A place made after entry ``after`` (the later ids moved on), filled with a copy of
    ``after``'s fields and the given hash columns (SQL expressions); returns its id."""
    attacker.run("UPDATE audit_entry SET id = id + 1000 WHERE id > ?", (after,))
    attacker.run("INSERT INTO audit_entry (id, at, actor, counter, action, day, ticket_code, "
                 "ticket_number, detail, reason, prev_hash, entry_hash) SELECT ?, at, actor, "
                 f"counter, action, day, ticket_code, ticket_number, detail, reason, {prev}, "
                 f"{own} FROM audit_entry WHERE id = ?", (after + 1, after))
    return after + 1


def test_a_copy_slipped_in_between_is_named(store):
    # A replay: entry 2 copied whole (its hashes too) into a place made between 2 and 3.
    attacker = Attacker(store)
    forged = _slip_in(attacker, attacker.ids()[1], "prev_hash", "entry_hash")
    code, report = _verify(store)
    assert (code, report["first_broken"]["id"]) == (3, forged)


def test_an_entry_chained_onto_an_older_one_is_named(store):
    # Slipped in between 2 and 3, chained onto 2, with a made-up hash of its own.
    attacker = Attacker(store)
    forged = _slip_in(attacker, attacker.ids()[1], "entry_hash", "'" + "e" * 64 + "'")
    code, report = _verify(store)
    assert (code, report["first_broken"]["id"]) == (3, forged)


def test_entries_keep_chaining_after_a_verify_and_across_terminals(store):
    # Two desks (two terminals) writing in turn still make one chain.
    first, second = open_desk(store, ALWAYS_OPEN, create=True), open_desk(store, ALWAYS_OPEN)
    first.book("aplikasi", "Gita Nalle")
    second.book("aplikasi", "Hana Ratu")
    first.book("aplikasi", "Ika Sine")
    assert Officers(second).verify_audit().ok
    assert AuditEntry.select().count() == len(NAMES) + 6


def test_the_desk_says_whether_the_chain_holds(store):
    desk = open_desk(store, ALWAYS_OPEN)
    assert Officers(desk).verify_audit().ok
    attacker = Attacker(store)
    victim = attacker.ids()[1]
    attacker.run("UPDATE audit_entry SET detail = 'nothing' WHERE id = ?", (victim,))
    check = Officers(desk).verify_audit()
    assert (check.ok, check.broken_id, check.why) == (False, victim, "edited")


def test_an_upgraded_store_chains_the_entries_it_had(bare_store_url):
    from data import migrations
    from data.database import open_database

    store_url = bare_store_url
    db = open_database(store_url, create=True)
    migrations.migrate(db, migrations.STEPS[:2])  # a store of the release before the chain
    for n in range(3):
        db.execute_sql(f"INSERT INTO audit_entry (at, actor, action, ticket_code, detail, reason) "
                       f"VALUES ('2026-11-0{n + 1} 01:00:00', 'lobby', 'book', '', '', '')")
    db.close()
    code, _ = _verify(store_url)  # opening the store upgrades it
    assert code == 0
    desk = open_desk(store_url, ALWAYS_OPEN)
    desk.book("perpajakan", "Yohanes Ndun")  # chained onto the upgraded ones
    desk.db.close()
    code, report = _verify(store_url)
    assert (code, report["entries"]) == (0, 4)
    attacker = Attacker(store_url)
    attacker.run("UPDATE audit_entry SET actor = 'x' WHERE id = ?", (attacker.ids()[1],))
    assert _verify(store_url)[1]["first_broken"]["id"] == attacker.ids()[1]
