"""Snapshots of the one store banner (issue 14): over the lobby's form being filled, and at
the bottom of the counter's day under the ticket in hand, at 80x24, the clock the fixture's."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from kiosk.app.app import KioskApp
from kiosk.desk.errors import StoreUnavailable
from pilot_helpers import click_ready, until
from screens.common.store_banner import StoreBanner
from test_counter_helpers import add_officers, logged_in

DRIVER = 'connection to server at "10.20.30.40", port 5432 failed: Connection refused'


def refusing(monkeypatch, desk):
    def down(*args, **kwargs):
        raise StoreUnavailable(DRIVER, key="store_refused")
    monkeypatch.setattr(desk, "status", down)


async def _banner_up(pilot) -> None:
    pilot.app.follower.refresh()
    await until(pilot, lambda: bool(pilot.app.screen.query(StoreBanner)))
    await pilot.pause()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_banner_over_the_lobby_form(snap_compare, sqlite_desk, monkeypatch, lang):
    async def run_before(pilot) -> None:
        await click_ready(pilot, "#service-perpajakan")
        await click_ready(pilot, "#status-self")
        await pilot.pause()
        await pilot.press(*"Maria Bria")
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False  # a steady cursor: the same picture every run
        refusing(monkeypatch, sqlite_desk)
        await _banner_up(pilot)

    assert snap_compare(KioskApp(sqlite_desk, "lobby", lang=lang), terminal_size=(80, 24),
                        run_before=run_before)


def test_the_banner_under_the_ticket_in_hand(snap_compare, sqlite_desk, monkeypatch):
    add_officers(sqlite_desk)
    sqlite_desk.book("perpajakan", "Ani Lestari")

    async def run_before(pilot) -> None:
        day = await logged_in(pilot)
        await pilot.press("n")
        await until(pilot, lambda: day.in_hand is not None and not day.busy)
        refusing(monkeypatch, sqlite_desk)
        await _banner_up(pilot)

    assert snap_compare(KioskApp(sqlite_desk, "counter", counter=1), terminal_size=(80, 24),
                        run_before=run_before)
