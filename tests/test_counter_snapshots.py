"""Snapshots of the counter at a fixed clock: the login, the day with a ticket in hand,
and the report."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.app.app import KioskApp
from screens.counter.report import ReportScreen
from test_counter_helpers import SUPER_PIN, add_officers, caught_up, logged_in, wait_for
from test_counter_report import a_known_day

SIZES = [(80, 24), (120, 36)]


def ids(size):
    return f"{size[0]}x{size[1]}"


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_counter_login(snap_compare, sqlite_desk, size):
    add_officers(sqlite_desk)
    assert snap_compare(KioskApp(sqlite_desk, "counter", counter=1), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_counter_day_with_a_ticket_in_hand(snap_compare, sqlite_desk, clock, size):
    desk = sqlite_desk
    add_officers(desk)
    clock.set(2026, 11, 30, 8, 50)
    booked = desk.book("perpajakan", "Ani Lestari", nik="5371014101900001",
                       day=dt.date(2026, 11, 30))
    clock.set(2026, 11, 30, 9, 5)
    desk.book("aplikasi", "Yohanes Tefa")
    clock.set(2026, 11, 30, 9, 12)
    desk.check_in(booked.code)  # arrived after number 2, still number 1
    clock.set(2026, 11, 30, 9, 20)
    desk.book("perpajakan", "Maria Bria")

    async def call(pilot):
        day = await logged_in(pilot)
        clock.set(2026, 11, 30, 9, 40)
        await pilot.press("n")  # number 1: the booking, checked in at 09:12
        await wait_for(pilot, lambda: day.in_hand is not None)
        desk.call_next(2, "Sari Dewi")  # the other counter takes number 2 meanwhile
        await pilot.press("s")
        await wait_for(pilot, lambda: day.in_hand.ticket.state == "serving"
                       and day.status.tickets[1].state == "called")
        # The other counter's call read in and nothing under way: the same picture each run.
        await wait_for(pilot, lambda: caught_up(day, desk))
        clock.set(2026, 11, 30, 9, 44)  # within the idle time since the last key
        day.tick()  # the clock, the elapsed time and the waits, as each second
        await pilot.pause()

    assert snap_compare(KioskApp(desk, "counter", counter=1), terminal_size=size,
                        run_before=call)


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_counter_report(snap_compare, sqlite_desk, clock, size):
    add_officers(sqlite_desk)
    a_known_day(sqlite_desk, clock)

    async def report(pilot):
        await logged_in(pilot, "Sari Dewi", SUPER_PIN)
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReportScreen)
                       and pilot.app.screen.report is not None)
        await pilot.pause()

    assert snap_compare(KioskApp(sqlite_desk, "counter", lang="en"), terminal_size=size,
                        run_before=report)
