"""`kiosk purge` takes the erased values out of the store's files, not only out of the rows.

Distinctive names, identity numbers, telephones and notes are booked, the day is served, a
month passes and the purge runs; then the bytes of every file of the store are searched
for each value (as `strings | grep` would). As a control the same search finds them before
the purge, and finds the values of the recent ticket, which are kept, after it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import ALWAYS_OPEN, Clock
from kiosk.desk.privacy import purge
from kiosk.desk.store import open_desk


def book_the_day(desk, clock: Clock) -> tuple[list[str], list[str]]:
    """Three served tickets a month back and one recent: (values to erase, values kept)."""
    erased: list[str] = []
    for i, kind in enumerate(("nik", "passport", "nik")):
        ident = f"317101170845{i + 71:04d}" if kind == "nik" else f"XQ{i}8812345"
        name, phone = f"Purgatoria Zyxwvut{'ABC'[i]}", f"0813{i}7654321"
        ticket = desk.book("perpajakan", name, phone=phone, **{kind: ident})
        desk.call_next(1, "Budi")
        desk.start(ticket.code, 1, "Budi")
        note = f"catatan rahasia Qwertzuiop{i}"
        desk.finish(ticket.code, 1, "Budi", topic="SPT Tahunan", note=note)
        stored = desk.detail(ticket.code).visitor
        erased += [name, stored.id_number, stored.phone, note]
    clock.advance(days=30)
    kept = desk.book("aplikasi", "Tetaptinggal Ombakbiru", phone="081399988877")
    return erased, [kept.code, "Tetaptinggal Ombakbiru"]


def found_in(files: list[Path], values: list[str]) -> dict[str, list[str]]:
    """For each value found, the files holding its bytes (UTF-8, as stored)."""
    found: dict[str, list[str]] = {}
    blobs = {}
    for path in files:
        try:
            blobs[str(path)] = path.read_bytes()
        except OSError:  # a file removed while we look (a checkpoint, a WAL segment)
            continue
    for value in values:
        where = [name for name, blob in blobs.items() if value.encode() in blob]
        if where:
            found[value] = where
    return found


def test_sqlite_purge_leaves_no_erased_value_in_main_wal_or_shm(tmp_path, clock):
    db_file = tmp_path / "kiosk.db"
    desk = open_desk(str(db_file), ALWAYS_OPEN, clock=clock, create=True)
    try:
        erased, kept = book_the_day(desk, clock)
        files = lambda: sorted(tmp_path.glob("kiosk.db*"))  # noqa: E731  main, -wal, -shm
        before = found_in(files(), erased)
        assert sorted(before) == sorted(erased)  # the control: the search does find them
        result = purge(desk, "Sari", older_than_days=10)
        assert result.tickets == 3 and result.not_scrubbed == ()
        assert found_in(files(), erased) == {}
        assert sorted(found_in(files(), kept)) == sorted(kept)
        assert desk.detail(kept[0]).visitor.name == kept[1]
    finally:
        desk.db.close()


@pytest.fixture(scope="module")
def own_cluster_factory():
    """Throwaway clusters of this module's own (their files are read): made on demand,
    removed at the end. With KIOSK_REQUIRE_PG=1 (CI) a machine that cannot make one fails."""
    from pg_cluster import PgCluster, problem

    why = problem()
    if why:
        if os.environ.get("KIOSK_REQUIRE_PG") == "1":
            pytest.fail(why)
        pytest.skip(why)
    made: list[PgCluster] = []

    def make(settings: str = "") -> PgCluster:
        # Commits reach the WAL at once, as on the office's server: the control sees them there.
        made.append(PgCluster("synchronous_commit = on\nfull_page_writes = on\n" + settings).create())
        return made[-1]

    yield make
    for cluster in made:
        cluster.remove()


def purge_on(cluster, clock: Clock):
    desk = open_desk(cluster.url, ALWAYS_OPEN, clock=clock, create=True)
    try:
        erased, kept = book_the_day(desk, clock)
        assert sorted(found_in(cluster.files(), erased)) == sorted(erased)  # the control
        result = purge(desk, "Sari", older_than_days=10)
        assert result.tickets == 3
        assert desk.detail(kept[0]).visitor.name == kept[1]
        return result, erased
    finally:
        desk.db.close()


def test_postgres_purge_rewrites_the_table_files_even_for_a_plain_role(own_cluster_factory, clock):
    """The terminals' role owns the table: VACUUM FULL needs no more. The WAL it cannot
    clear (no checkpoint, no segment switch for that role), and the purge says so."""
    cluster = own_cluster_factory()
    result, erased = purge_on(cluster, clock)
    cluster.admin("CHECKPOINT")  # the server's own, within checkpoint_timeout: pages to disk
    tables = [p for p in cluster.files() if "pg_wal" not in p.parts]
    assert found_in(tables, erased) == {}
    assert result.not_scrubbed and "pg_switch_wal" in result.not_scrubbed[0]


def test_postgres_purge_leaves_no_erased_value_in_any_file_with_the_office_setup(
        own_cluster_factory, clock):
    """The set-up the README asks for: wal_recycle=off on the server, the purging role
    granted pg_checkpoint and pg_switch_wal. Then neither base/ nor pg_wal/ holds a value."""
    cluster = own_cluster_factory("wal_recycle = off")
    cluster.admin("GRANT pg_checkpoint TO kiosk")
    cluster.admin("GRANT EXECUTE ON FUNCTION pg_switch_wal() TO kiosk", "kiosk_test")
    result, erased = purge_on(cluster, clock)
    assert result.not_scrubbed == ()
    assert found_in(cluster.files(), erased) == {}
