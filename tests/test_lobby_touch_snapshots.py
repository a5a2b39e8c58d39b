"""Snapshots of the touch lobby (issue 13): the on-screen keyboard (a name being typed),
the digit keypad (an NIK), the check-in code keypad and the ticket, at 80x24 and on a
full-HD touch screen (240x67), in both languages. The clock is the fixture's and the codes
are fixed; the ticket's guard is held on so "Done" looks the same every run."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from kiosk.app.app import KioskApp
from screens.lobby import ticket as ticket_screen
from screens.lobby.ticket import TicketScreen
from pilot_helpers import click_ready, until

SIZES = [(80, 24), (240, 67)]
LANGS = ["id", "en"]


async def _steady(pilot) -> None:
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False  # a steady cursor: the same picture every run
    await pilot.wait_for_scheduled_animations()
    # A tapped button still on screen (the kind of identity) once its press has faded
    # (Textual's 0.2 s "-active"): else the picture depends on the machine's speed.
    await until(pilot, lambda: not pilot.app.screen.query(".-active"))
    await pilot.pause()


async def _typed_on(pilot, panel: str, text: str, kind: str = "") -> None:
    """The form, with ``panel`` shown for the field being typed into."""
    await click_ready(pilot, "#service-perpajakan")
    await click_ready(pilot, "#status-self")
    if kind:
        await click_ready(pilot, f"#kind-{kind}")
    await until(pilot, lambda: pilot.app.screen.query_one(f"#{panel}").has_class("-shown"))
    await pilot.press(*text)
    await _steady(pilot)


async def _keyboard(pilot) -> None:
    await _typed_on(pilot, "keyboard", "Yohanes Tefa")


async def _keypad(pilot) -> None:
    await _typed_on(pilot, "digits", "317101", kind="nik")


async def _codepad(pilot) -> None:
    await click_ready(pilot, "#checkin")
    await until(pilot, lambda: pilot.app.screen.query("#codepad"))
    await pilot.press(*"TKT")
    await _steady(pilot)


def _ticket(desk):
    async def show(pilot) -> None:
        desk.book("perpajakan", "Ani")
        ticket = desk.book("aplikasi", "")
        pilot.app.push_screen(TicketScreen(ticket))
        await until(pilot, lambda: pilot.app.screen.query("#wait-0"))
        await pilot.pause()
    return show


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", ["keyboard", "keypad", "codepad", "ticket"])
def test_lobby_touch_snapshot(view, lang, size, sqlite_desk, snap_compare, monkeypatch):
    codes = iter(["TKT234", "TKT345", "TKT456"])
    monkeypatch.setattr(sqlite_desk._booking, "_new_code", lambda: next(codes))
    monkeypatch.setattr(ticket_screen, "GUARD_SECONDS", 3600.0)
    app = KioskApp(sqlite_desk, "lobby", lang=lang)
    run_before = {"keyboard": _keyboard, "keypad": _keypad, "codepad": _codepad,
                  "ticket": _ticket(sqlite_desk)}[view]
    assert snap_compare(app, terminal_size=size, run_before=run_before)
