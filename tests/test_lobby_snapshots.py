"""Snapshots of the lobby: the welcome, the form with an error, the ticket and the service
information, in both languages, at 80x24 and 120x40. The clock is the fixture's (Monday
30 November 2026, 10:00 WITA) and the booking code is fixed, so every run draws the same."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from kiosk.app.app import KioskApp
from screens.lobby import ticket as ticket_screen
from screens.lobby.ticket import TicketScreen
from pilot_helpers import click_ready

SIZES = [(80, 24), (120, 40)]
LANGS = ["id", "en"]


async def _form_with_errors(pilot) -> None:
    await click_ready(pilot, "#service-perpajakan")
    await click_ready(pilot, "#status-proxy")
    await pilot.pause()
    await pilot.press(*"Budi 7", "enter", *"0130", "enter", "enter")
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False  # a steady cursor: the same picture every run
    await pilot.wait_for_scheduled_animations()  # the scroll back to the first bad field
    await pilot.pause()


def _ticket(desk):
    async def show(pilot) -> None:
        desk.book("perpajakan", "Ani")
        desk.book("aplikasi", "Budi")
        ticket = desk.book("aplikasi", "Citra Manafe")
        pilot.app.push_screen(TicketScreen(ticket))
        await pilot.pause()
    return show


async def _info(pilot) -> None:
    await click_ready(pilot, "#info")
    await pilot.pause()


async def _welcome(pilot) -> None:
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", ["welcome", "form_error", "ticket", "info"])
def test_lobby_snapshot(view, lang, size, sqlite_desk, snap_compare, monkeypatch):
    codes = iter(["TKT234", "TKT345", "TKT456", "TKT567"])
    monkeypatch.setattr(sqlite_desk._booking, "_new_code", lambda: next(codes))
    monkeypatch.setattr(ticket_screen, "GUARD_SECONDS", 3600.0)  # "Done" drawn the same
    app = KioskApp(sqlite_desk, "lobby", lang=lang)
    run_before = {"welcome": _welcome, "form_error": _form_with_errors,
                  "ticket": _ticket(sqlite_desk), "info": _info}[view]
    assert snap_compare(app, terminal_size=size, run_before=run_before)
