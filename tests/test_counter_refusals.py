"""A refused finish keeps its dialog with what the officer typed; a slow store says
"please wait" on the counter instead of nothing."""

from __future__ import annotations

from pilot_helpers import click_ready

import threading

from textual.widgets import Input, Select

from kiosk.app.app import KioskApp
from kiosk.desk.errors import StoreUnavailable
from screens.counter.finish import FinishDialog
from test_counter_helpers import add_officers, fails_once, logged_in, wait_for


def label(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def test_a_refused_finish_keeps_the_dialog_and_what_was_typed(sqlite_desk, monkeypatch):
    desk = sqlite_desk
    add_officers(desk)
    ticket = desk.book("perpajakan", "Ani")
    desk.call_next(1, "Budi Santoso")
    desk.start(ticket.code, 1, "Budi Santoso")
    flaky = fails_once(desk.finish, StoreUnavailable("database is locked", key="store_busy"))
    monkeypatch.setattr(desk, "finish", flaky)
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot)
        await wait_for(pilot, lambda: day.in_hand is not None)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, FinishDialog))
        dialog = app.screen
        dialog.query_one(Select).value = "SPT Tahunan"
        dialog.query_one(Input).value = "Lapor SPT lewat Coretax"
        await pilot.click("#outcome-follow_up")
        await pilot.click("#finish-ok")
        await wait_for(pilot, lambda: flaky.failed() and "sibuk" in label(dialog, ".dialog-message"))
        assert app.screen is dialog  # still open, nothing lost
        assert dialog.query_one(Select).value == "SPT Tahunan"
        assert dialog.query_one(Input).value == "Lapor SPT lewat Coretax"
        assert desk.ticket(ticket.code).state == "serving"
        await click_ready(pilot, "#finish-ok")  # the store is back: the same answer goes through
        await wait_for(pilot, lambda: app.screen is day)
    detail = desk.detail(ticket.code)
    assert (detail.ticket.state, detail.topic, detail.note, detail.outcome) == (
        "done", "SPT Tahunan", "Lapor SPT lewat Coretax", "follow_up")


async def test_a_slow_store_says_please_wait_on_the_counter(sqlite_desk, monkeypatch):
    desk = sqlite_desk
    add_officers(desk)
    desk.book("perpajakan", "Ani")
    release = threading.Event()
    real = desk.call_next

    def slow(*args):
        release.wait(10)
        return real(*args)

    monkeypatch.setattr(desk, "call_next", slow)
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: "mohon tunggu" in label(day, "#day-message"))
        release.set()
        await wait_for(pilot, lambda: day.in_hand is not None)
        assert "mohon tunggu" not in label(day, "#day-message")
