"""Check-in at the counter: a booked taxpayer who walks up to the counter instead of the
lobby's terminal is checked in from the day's table, logged with the officer and counter."""

from __future__ import annotations

import pytest
from textual.widgets import Button

from kiosk.app.app import KioskApp
from kiosk.desk.errors import InvalidInput
from kiosk.desk.officers import Officers
from test_counter_helpers import add_officers, logged_in
from test_counter_helpers import wait_for as wait_briefly


async def wait_for(pilot, condition) -> None:
    await wait_briefly(pilot, condition, timeout=30)  # a shared, loaded machine


async def test_a_booked_taxpayer_is_checked_in_at_the_counter_by_clicks(sqlite_desk):
    desk = sqlite_desk
    add_officers(desk)
    walk_in = desk.book("perpajakan", "Ani")
    booked = desk.book("perpajakan", "Budi", day=desk.today())
    assert booked.state == "booked"
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot)
        table = day.query_one("DataTable")
        await pilot.click("#day-table")
        table.move_cursor(row=table.get_row_index(walk_in.code))
        await wait_for(pilot, lambda: day.chosen() is not None
                       and day.chosen().code == walk_in.code)
        assert day.query_one("#move-check_in", Button).disabled  # a waiting number is here
        table.move_cursor(row=table.get_row_index(booked.code))
        await wait_for(pilot, lambda: not day.query_one("#move-check_in", Button).disabled)
        await pilot.click("#move-check_in")
        await wait_for(pilot, lambda: desk.ticket(booked.code).state == "waiting"
                       and len(day.status.waiting) == 2)
    ticket = desk.ticket(booked.code)
    assert (ticket.state, ticket.counter) == ("waiting", None)  # held by no counter yet
    [entry] = [e for e in Officers(desk).audit() if e.action == "check_in"]
    assert (entry.actor, entry.counter, entry.ticket_number) == ("Budi Santoso", 1, 2)


def test_a_counter_check_in_refuses_a_counter_outside_the_profile(desk):
    booked = desk.book("perpajakan", "Budi", day=desk.today())
    with pytest.raises(InvalidInput):
        desk.check_in(booked.code, "Sari", 99)
    assert desk.ticket(booked.code).state == "booked"
    assert desk.check_in(booked.code, "Sari", 2).state == "waiting"
