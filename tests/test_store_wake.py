"""The change check is woken by the store, not only found by polling: on PostgreSQL a NOTIFY
makes the LISTEN connection's socket readable, on SQLite a commit makes the inotify watch of
the store's folder readable; the follower of a terminal watches that descriptor and checks
at once. Here the follower's timer is set to a minute, so a change seen within the deadline
(generous: the machine may be loaded) can only have been seen by the wake-up. A LISTEN
connection lost (its backend ended) is made again and wakes the follower as before."""

from __future__ import annotations

import select
import time

import psycopg2
import pytest

from conftest import ALWAYS_OPEN, fresh_schema
from data.database import init_store
from kiosk.app.app import KioskApp
from kiosk.desk.store import open_desk
from pilot_helpers import until

DEADLINE = 10.0  # seconds; the timer that would poll is set to 60
NO_POLL = 60.0


def issued_on_board(app: KioskApp) -> int | None:
    status = getattr(app.screen, "status", None)  # the day the board shows
    return status.issued if status is not None else None


def readable(fd: int, seconds: float) -> bool:
    return bool(select.select([fd], [], [], seconds)[0])


@pytest.fixture(params=["sqlite", "postgresql"])
def quiet_store_url(request, tmp_path) -> str:
    """A store nobody else writes to: on PostgreSQL a server of this test run alone. On the
    shared one, the other test processes' stores notify on the same channel (their schema
    as the payload, read as not ours): they wake the descriptor of a quiet store too."""
    if request.param == "sqlite":
        url = str(tmp_path / "kiosk.db")
    else:
        url = request.getfixturevalue("own_pg").url
    init_store(url)
    return url


def test_another_terminals_commit_wakes_the_check(quiet_store_url, clock):
    store_url = quiet_store_url
    desk = open_desk(store_url, ALWAYS_OPEN, clock=clock)
    other = open_desk(store_url, ALWAYS_OPEN, clock=clock)  # another terminal
    watcher = desk.watch()
    try:
        assert watcher.changed()  # connected: the first look always reads
        fd = watcher.wake_fd()
        assert fd is not None
        assert not watcher.changed()
        assert not readable(fd, 0.2)  # quiet: nothing wakes a board that has nothing to do
        other.book("perpajakan", "Budi Santoso")
        assert readable(fd, DEADLINE)
        deadline = time.monotonic() + DEADLINE  # SQLite: woken by the log, then the commit
        while not watcher.changed():
            assert time.monotonic() < deadline, "woken, but the change never showed"
            readable(fd, 0.1)
        # Everything that woke it is read by the checks (PostgreSQL: a booking is two
        # commits, two notifications): the descriptor goes quiet, or a board would spin.
        quiet_by = time.monotonic() + DEADLINE
        while readable(fd, 0.3):
            watcher.changed()
            assert time.monotonic() < quiet_by, "the wake-up stays readable"
        assert watcher.wake_fd() == fd
    finally:
        watcher.close()
        other.db.close()
        desk.db.close()


async def test_the_follower_is_woken_by_another_terminals_booking(store_url, clock):
    desk = open_desk(store_url, ALWAYS_OPEN, clock=clock)
    other = open_desk(store_url, ALWAYS_OPEN, clock=clock)
    app = KioskApp(desk, "board")
    app.follower.idle_check = NO_POLL  # while woken by the store, its timer would poll once a minute
    async with app.run_test(size=(80, 24)) as pilot:
        follower = app.follower
        await until(pilot, lambda: follower.status is not None and follower._pace == NO_POLL,
                    timeout=DEADLINE)
        for number, name in enumerate(("Ani", "Budi", "Citra"), start=1):
            started = time.monotonic()
            other.book("perpajakan", name)
            await until(pilot, lambda: issued_on_board(app) == number, timeout=DEADLINE)
            assert time.monotonic() - started < DEADLINE
    other.db.close()


async def test_a_lost_listen_connection_is_made_again(pg_url, clock):
    desk = open_desk(pg_url, ALWAYS_OPEN, clock=clock, create=True)
    other = open_desk(pg_url, ALWAYS_OPEN, clock=clock)
    app = KioskApp(desk, "board")
    app.follower.idle_check = NO_POLL
    async with app.run_test(size=(80, 24)) as pilot:
        follower = app.follower
        await until(pilot, lambda: follower._pace == NO_POLL, timeout=DEADLINE)
        watch = app.store._watch
        assert watch is not None
        listener = watch._conn
        # Its backend ended (as by a server's idle-session limit or a network cut).
        admin = psycopg2.connect(pg_url)
        admin.autocommit = True
        admin.cursor().execute("SELECT pg_terminate_backend(%s)", (listener.get_backend_pid(),))
        admin.close()
        # Woken by the closed socket, then connected and listening again.
        await until(pilot, lambda: app.store._watch is not None
                    and app.store._watch._conn not in (None, listener)
                    and follower._pace == NO_POLL, timeout=DEADLINE)
        assert follower.trouble is None
        other.book("perpajakan", "Budi Santoso")
        await until(pilot, lambda: issued_on_board(app) == 1, timeout=DEADLINE)
    other.db.close()


def test_a_store_in_another_schema_of_the_database_is_no_change_here(own_pg, clock):
    # On a server of this run alone: on the shared one, other runs' notifications come too.
    desk = open_desk(own_pg.url, ALWAYS_OPEN, clock=clock, create=True)
    with fresh_schema(own_pg.base_url) as elsewhere_url:  # another office's store in the same database
        elsewhere = open_desk(elsewhere_url, ALWAYS_OPEN, clock=clock, create=True)
        watcher = desk.watch()
        try:
            assert watcher.changed()
            fd = watcher.wake_fd()
            assert fd is not None
            elsewhere.book("perpajakan", "Budi Santoso")
            assert readable(fd, DEADLINE)  # a NOTIFY on the database's one channel came...
            assert not watcher.changed()  # ...but with that store's schema, not this one's
            desk.book("perpajakan", "Maria Bria")  # (this store's own still counts)
            assert readable(fd, DEADLINE) and watcher.changed()
        finally:
            watcher.close()
            elsewhere.db.close()
            desk.db.close()
