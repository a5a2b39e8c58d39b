"""Rule 9: a terminal is not the clock of the office. A terminal whose clock is a day ahead
does not expire today's queue, one years behind books nothing, on PostgreSQL the server's
clock stamps; the sweep is done once by one writer; a clock set back never stores a move
before the ticket's previous one."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
import types

import pytest

from conftest import ALWAYS_OPEN, Clock
from data.tickets import TicketRows
from kiosk.desk import clock as desk_clock
from kiosk.desk.errors import StoreUnavailable
from kiosk.desk.store import open_desk
from kiosk.texts import say


def moment(value) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def entries(desk, action: str) -> list:
    from data.models import AuditEntry

    return [(e.ticket_code, e.day) for e in AuditEntry.select().where(AuditEntry.action == action)]


def test_a_desk_a_day_ahead_does_not_expire_todays_queue(desk, store_url, clock):
    a, b = desk.book("perpajakan", "Ani Lado"), desk.book("perpajakan", "Budi Bria")
    desk.call_next(1, "Budi Santoso")
    clock.advance(minutes=20)  # the queue moved twenty minutes ago
    ahead = Clock(clock.current + dt.timedelta(days=1))
    with pytest.raises(StoreUnavailable) as refused:
        open_desk(store_url, ALWAYS_OPEN, clock=ahead)  # what `kiosk status` does first
    assert refused.value.key == "clock_ahead"
    assert "clock looks ahead" in refused.value.message("en")
    assert "terlalu cepat" in refused.value.message("id")
    assert (desk.ticket(a.code).state, desk.ticket(b.code).state) == ("called", "waiting")
    assert entries(desk, "expire") == []


def test_a_store_idle_over_a_weekend_is_swept_on_monday(desk, store_url, clock):
    clock.set(2026, 11, 27, 15, 30)  # Friday afternoon: one left waiting at closing
    left = desk.book("perpajakan", "Ani Lado")
    monday = Clock(dt.datetime(2026, 11, 30, 8, 0, tzinfo=clock.current.tzinfo))
    open_desk(store_url, ALWAYS_OPEN, clock=monday).db.close()
    assert desk.ticket(left.code).state == "expired"


def test_a_desk_years_behind_books_nothing(desk, store_url, clock):
    desk.book("perpajakan", "Ani Lado")
    behind = open_desk(store_url, ALWAYS_OPEN, clock=Clock(clock.current.replace(year=2019)))
    with pytest.raises(StoreUnavailable) as refused:
        behind.book("perpajakan", "Budi Bria")
    assert refused.value.key == "clock_behind"
    assert "clock is behind" in refused.value.message("en")
    assert behind.status(dt.date(2019, 11, 30)).tickets == ()
    assert [t.number for t in desk.status().tickets] == [1]


def test_a_clock_set_back_never_stores_a_finish_before_its_start(desk, clock):
    ticket = desk.book("perpajakan", "Ani Lado")
    desk.call_next(1, "Budi Santoso")
    desk.start(ticket.code, 1, "Budi Santoso")
    clock.advance(minutes=-40)  # NTP sets the clock back, within what may still write
    desk.finish(ticket.code, 1, "Budi Santoso", "SPT Tahunan")
    row = TicketRows(desk.db).by_code(ticket.code)
    assert row.state == "done"
    assert moment(row.finished_at) >= moment(row.started_at) >= moment(row.called_at)


def _ahead_by_an_hour(monkeypatch) -> None:
    """This terminal's own clock an hour ahead (the desk's default clock reads it)."""

    class Ahead(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return dt.datetime.now(tz) + dt.timedelta(hours=1)

    shim = types.SimpleNamespace(**{k: getattr(dt, k) for k in dir(dt) if not k.startswith("__")})
    shim.datetime = Ahead
    monkeypatch.setattr(desk_clock, "dt", shim)


def test_postgresql_stamps_the_servers_time_not_the_terminals(pg_url, monkeypatch):
    _ahead_by_an_hour(monkeypatch)
    desk = open_desk(pg_url, ALWAYS_OPEN, create=True)  # the terminal's own clock, an hour off
    ticket = desk.book("perpajakan", "Ani Lado")
    server = desk.db.execute_sql("SELECT now() AT TIME ZONE 'UTC'").fetchone()[0]
    assert abs(ticket.booked_at.replace(tzinfo=None) - server) < dt.timedelta(minutes=1)
    assert abs(desk.now() - server.replace(tzinfo=dt.timezone.utc)) < dt.timedelta(minutes=1)
    desk.db.close()


def test_parallel_sweeps_write_one_expire_entry_per_ticket(store_url):
    """Eight `kiosk status` at one moment on a store with yesterday's queue left over."""
    yesterday = Clock(dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1, hours=3))
    desk = open_desk(store_url, ALWAYS_OPEN, clock=yesterday)
    codes = {desk.book("perpajakan", f"Ani {chr(65 + i)}").code for i in range(5)}
    desk.db.close()
    start = time.time() + 2.0
    script = ("import sys, time; time.sleep(max(0, float(sys.argv[1]) - time.time()));"
              "from kiosk.cli.main import main; sys.exit(main(sys.argv[2:]))")
    procs = [subprocess.Popen([sys.executable, "-c", script, str(start), "status", "--db",
                               store_url, "--office", str(ALWAYS_OPEN)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env={**os.environ})
             for _ in range(8)]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    desk = open_desk(store_url, ALWAYS_OPEN)
    expired = entries(desk, "expire")
    assert sorted(code for code, _ in expired) == sorted(codes)  # once each, not 8 times
    desk.db.close()


def test_the_refusal_is_said_in_both_languages():
    assert say("clock_behind", "id", now="x", newest="y") != say("clock_behind", "en",
                                                                  now="x", newest="y")
