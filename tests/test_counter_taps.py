"""The day's screen by touch and mouse as well as by keys: a tapped button gives the keys
back to the day's list, a tapped greyed-out button says why not, and quitting ends the
officer's session like the lock does."""

from __future__ import annotations

import pytest
from textual.widgets import Button

from screens.counter.day_table import DayTable
from screens.counter.visitor import VisitorDialog
from kiosk.app.app import KioskApp
from kiosk.desk.officers import Officers
from kiosk.desk.sessions import SessionElsewhere
from test_counter_day import book_three
from test_counter_helpers import PIN, add_officers, logged_in, wait_for


async def test_after_a_tapped_button_the_arrows_move_the_day_list(sqlite_desk):
    desk = sqlite_desk
    add_officers(desk)
    book_three(desk)
    app = KioskApp(desk, "counter")
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot)
        table = day.query_one(DayTable)
        await pilot.click("#move-call")
        await wait_for(pilot, lambda: day.in_hand is not None and not day.busy)
        await wait_for(pilot, lambda: app.focused is table)
        row = table.cursor_row
        assert row > 0  # number 1, called, is below the two still waiting
        await pilot.press("up")
        assert table.cursor_row == row - 1
        # A button that opens a dialog: back from it, the list has the keys again.
        await pilot.click("#hand-visitor")
        await wait_for(pilot, lambda: isinstance(app.screen, VisitorDialog))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is day)
        await wait_for(pilot, lambda: app.focused is table)
        await pilot.press("down")
        assert table.cursor_row == row


async def test_a_tapped_greyed_out_button_says_why_not(sqlite_desk):
    desk = sqlite_desk
    add_officers(desk)
    app = KioskApp(desk, "counter")
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot)
        message = lambda: str(day.query_one("#day-message").render())  # noqa: E731

        async def tap_greyed(button: str, words: str) -> None:
            day.say("")
            assert day.query_one(button, Button).disabled  # greyed, as shown
            await pilot.click(button)
            await wait_for(pilot, lambda: words in message())

        await tap_greyed("#move-call", "Tidak ada nomor yang menunggu.")
        await tap_greyed("#move-recall", "Belum ada nomor di loket ini")
        await tap_greyed("#move-cancel", "Pilih dulu nomornya di tabel.")
        await tap_greyed("#hand-visitor", "Belum ada nomor di loket ini")
        await tap_greyed("#hand-earlier", "Belum ada nomor di loket ini")
        first = desk.book("perpajakan", "Ani")
        await wait_for(pilot, lambda: not day.query_one("#move-call", Button).disabled)
        await pilot.click("#move-call")
        await wait_for(pilot, lambda: day.in_hand is not None and not day.busy)
        await tap_greyed("#move-call", "Loket 1 masih menangani nomor 1")
        await tap_greyed("#move-finish", "Nomor 1 sedang dipanggil; tidak bisa diselesaikan")
        assert day.query_one("#move-finish", Button).disabled  # still greyed: nothing moved
    assert desk.ticket(first.code).state == "called"


async def test_a_tapped_greyed_out_button_says_why_in_english(sqlite_desk):
    add_officers(sqlite_desk)
    app = KioskApp(sqlite_desk, "counter", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot)
        message = lambda: str(day.query_one("#day-message").render())  # noqa: E731
        await pilot.click("#move-call")
        await wait_for(pilot, lambda: "Nobody is waiting." in message())
        await pilot.click("#hand-visitor")
        await wait_for(pilot, lambda: "No number at this counter yet" in message())


async def test_quitting_ends_the_session_so_the_officer_may_log_in_elsewhere(sqlite_desk):
    desk = sqlite_desk
    add_officers(desk)
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await logged_in(pilot)
        with pytest.raises(SessionElsewhere):  # live at counter 1 meanwhile
            Officers(desk).open_session("Budi Santoso", PIN, 2)
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: not app.is_running)
    # At once, not after the session's expiry: no take-over asked for.
    session = Officers(desk).open_session("Budi Santoso", PIN, 2)
    assert session.counter == 2


async def test_quitting_is_not_held_up_by_a_store_that_hangs(sqlite_desk, monkeypatch):
    import threading
    import time

    desk = sqlite_desk
    add_officers(desk)
    app = KioskApp(desk, "counter", counter=1)
    hung = threading.Event()
    monkeypatch.setattr(app.officers, "end_session", lambda session: hung.wait(30))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await logged_in(pilot)
            asked = time.monotonic()
            await pilot.press("ctrl+q")
            await wait_for(pilot, lambda: not app.is_running)
            assert time.monotonic() - asked < 10  # the bound (3 s), with room for a load
    finally:
        hung.set()  # the store thread's call returns; the session expires by itself
