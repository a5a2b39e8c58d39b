"""Time: the day rolling over at midnight WITA while the lobby and the counter run; a clock
set back (an NTP correction, even back across midnight); a booking for a day that has
since been closed in the profile."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import ALWAYS_OPEN
from kiosk.app.app import KioskApp
from kiosk.cli.main import main
from kiosk.desk.errors import Refused
from kiosk.desk.store import open_desk
from kiosk.texts import say
from test_counter_helpers import add_officers, logged_in, wait_for
from pilot_helpers import click_ready, settled, until


def screen_text(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query("Static, Label"))


def book_some(desk, n: int) -> list:
    return [desk.book("perpajakan", f"Budi {chr(65 + i)}") for i in range(n)]


async def test_lobby_rolls_over_at_midnight(sqlite_desk, clock):
    desk = sqlite_desk
    clock.set(2026, 11, 30, 23, 58)
    book_some(desk, 4)
    app = KioskApp(desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        # Settled on the old day: its start-up reads are over, so only the rollover itself
        # can bring the new day's count.
        await settled(pilot, lambda: say("lobby_left_today", "id", left=11, quota=15)
                      in screen_text(app) and "30 November 2026" in screen_text(app))
        clock.set(2026, 12, 1, 0, 1)
        # Nobody writes at night: the count and the clock line change on their own.
        await until(pilot, lambda: say("lobby_left_today", "id", left=15, quota=15)
                    in screen_text(app) and "1 Desember 2026" in screen_text(app))
        assert "Selasa, 1 Desember 2026" in screen_text(app)
        # The first number of the new day is 1 again.
        await pilot.click("#service-perpajakan")
        await click_ready(pilot, "#status-self")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "name")
        await pilot.press(*"Maria Bria", "enter", "enter", "enter")
        await until(pilot, lambda: app.screen.query_one("#steps").current == "step-confirm")
        await pilot.click("#confirm-ok")
        await until(pilot, lambda: type(app.screen).__name__ == "TicketScreen")
        assert app.screen.ticket.number == 1 and app.screen.ticket.date == dt.date(2026, 12, 1)
    yesterday = desk.status(dt.date(2026, 11, 30))
    assert {t.state for t in yesterday.tickets} == {"expired"}


async def test_counter_rolls_over_at_midnight(sqlite_desk, clock):
    desk = sqlite_desk
    add_officers(desk)
    clock.set(2026, 11, 30, 23, 58)
    book_some(desk, 3)
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot)
        assert day.status.date == dt.date(2026, 11, 30) and len(day.status.waiting) == 3
        # A quiet second before midnight: the counter has read its day and nothing changes,
        # so whatever follows the store has settled (a fresh screen would read anyway).
        await pilot.pause(1.0)
        assert day.status.date == dt.date(2026, 11, 30)
        clock.set(2026, 12, 1, 0, 1)
        # No other terminal writes at night: the counter must see the new day by itself.
        await until(pilot, lambda: day.status.date == dt.date(2026, 12, 1))
        numbers = say("counter_numbers", "id", issued=0, quota=15, left=15, waiting=0)
        await until(pilot, lambda: numbers in screen_text(app))
        assert day.query_one("DataTable").row_count == 0  # yesterday's waiting tickets gone
        await pilot.press("n")  # nobody waiting today: a sentence, not yesterday's number 1
        message = day.query_one("#day-message")
        await until(pilot, lambda: say("nobody_waiting", "id") in str(message.render()))
        assert day.in_hand is None
        assert desk.status(dt.date(2026, 11, 30)).waiting == ()


async def test_clock_set_back_an_hour_keeps_numbering(sqlite_desk, clock):
    desk = sqlite_desk
    add_officers(desk)
    clock.set(2026, 11, 30, 11, 0)
    book_some(desk, 2)
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot)
        clock.set(2026, 11, 30, 10, 0)  # NTP corrects the clock by an hour
        # A tick of the clock passes with a negative idle time (it shows the new time).
        await until(pilot, lambda: "10:00" in str(day.query_one("#day-who").render()))
        assert app.is_running and app._exception is None
        third = desk.book("perpajakan", "Maria Bria")
        assert third.number == 3
        await pilot.press("n")
        await wait_for(pilot, lambda: day.in_hand and day.in_hand.ticket.number == 1)
    numbers = [t.number for t in desk.status().tickets]
    assert numbers == [1, 2, 3]


async def test_clock_set_back_across_midnight(sqlite_desk, clock):
    desk = sqlite_desk
    clock.set(2026, 12, 1, 0, 10)
    first = desk.book("perpajakan", "Budi A")
    app = KioskApp(desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        clock.set(2026, 11, 30, 23, 50)  # back across midnight
        await wait_for(pilot, lambda: "30 November 2026" in screen_text(app))
        back = desk.book("perpajakan", "Budi B")
        clock.set(2026, 12, 1, 0, 20)
        await wait_for(pilot, lambda: "1 Desember 2026" in screen_text(app))
        again = desk.book("perpajakan", "Budi C")
        assert app.is_running and app._exception is None
    assert (first.number, again.number) == (1, 2)  # the day's sequence goes on, no reuse
    assert back.date == dt.date(2026, 11, 30) and back.number == 1
    for day in (dt.date(2026, 11, 30), dt.date(2026, 12, 1)):
        numbers = [t.number for t in desk.status(day).tickets]
        assert numbers == list(range(1, len(numbers) + 1))
    assert desk.ticket(first.code).state == "waiting"


@pytest.fixture
def closed_profile(tmp_path):
    text = ALWAYS_OPEN.read_text().replace(
        "closed_dates = []", 'closed_dates = ["2026-12-01"]')
    path = tmp_path / "closed.toml"
    path.write_text(text)
    return path


def test_booked_day_closed_since_shows_closed(sqlite_url, clock, closed_profile, capsys):
    booked = open_desk(sqlite_url, ALWAYS_OPEN, clock=clock).book(
        "perpajakan", "Budi Santoso", day=dt.date(2026, 12, 1))
    desk = open_desk(sqlite_url, closed_profile, clock=clock)
    clock.set(2026, 12, 1, 9, 0)
    status = desk.status()
    assert status.open is False and status.closed_why and not status.bookable
    assert desk.ticket(booked.code).state == "booked"
    # The command line's status says it too (it reads the real clock: ask for the date).
    code = main(["--db", sqlite_url, "--office", str(closed_profile), "status", "--date",
                 "2026-12-01"])
    out = capsys.readouterr().out
    assert code == 0 and "tutup" in out and say("why_office_closed", "id") in out


def test_check_in_on_a_day_closed_since_is_refused(sqlite_url, clock, closed_profile):
    booked = open_desk(sqlite_url, ALWAYS_OPEN, clock=clock).book(
        "perpajakan", "Budi Santoso", day=dt.date(2026, 12, 1))
    desk = open_desk(sqlite_url, closed_profile, clock=clock)
    clock.set(2026, 12, 1, 9, 0)
    with pytest.raises(Refused) as refused:
        desk.check_in(booked.code)
    assert refused.value.key == "day_closed"
    assert "2026-12-01" in refused.value.message("id")
