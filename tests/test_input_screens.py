"""Control and escape sequences never reach the terminal raw: typed (or pasted) into a
lobby field, or stored by another program and shown on the counter."""

from __future__ import annotations

import datetime as dt

from textual import events
from textual.widgets import Input

from kiosk.app.app import KioskApp
from kiosk.texts import say
from pilot_helpers import click_ready
from test_counter_helpers import add_officers, logged_in, wait_for

EVIL = "Budi\x1b[2J\x1b]0;pwned\x07\x9b31m[red]x[/] [/bold]\u202e"  # escapes, markup


def drawn(app) -> str:
    """Every character of every line the screen would send to the terminal."""
    screen = app.screen
    lines = screen._compositor.render_update(full=True)
    return "".join(seg.text for strip in lines.strips for seg in strip) if hasattr(
        lines, "strips") else str(app.export_screenshot())


def raw_controls(text: str) -> set[str]:
    return {ch for ch in text if ch in "\x1b\x07\x9b\u202e"}


async def test_escape_sequence_pasted_into_a_lobby_field(sqlite_desk):
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#service-perpajakan")
        await click_ready(pilot, "#status-self")
        await pilot.pause()
        name = app.screen.query_one("#name", Input)
        name.post_message(events.Paste(EVIL))
        await pilot.press("end", *"x")
        await pilot.pause()
        text = drawn(app)
        assert "Budi" in text and not raw_controls(text)  # shown, but never as escapes
        assert not raw_controls(name.value) and name.value.startswith("Budi[2J")
        why = str(app.screen.query_one("#name-why").render())
        assert why == say("name_invalid", "id")  # what is left is still no name
        await pilot.press("enter", "enter", "enter")
        await pilot.pause()
        assert sqlite_desk.status().issued == 0  # refused: nothing booked


async def test_counter_shows_stored_escape_sequences_harmlessly(sqlite_desk):
    desk = sqlite_desk
    add_officers(desk)
    ticket = desk.book("perpajakan", "Budi Santoso")
    # Another program (an import, a careless script) wrote a hostile name into the store.
    desk.db.execute_sql("UPDATE ticket SET visitor_name = ?, officer = ? WHERE code = ?",
                        (EVIL, EVIL, ticket.code))
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: day.in_hand is not None)
        await pilot.pause(0.3)
        assert app.is_running and app._exception is None
        text = drawn(app)
        assert "Budi" in text and not raw_controls(text)


async def test_escape_sequence_scanned_into_the_check_in_field(sqlite_desk):
    ticket = sqlite_desk.book("perpajakan", "Budi Santoso",
                              day=sqlite_desk.today() + dt.timedelta(days=1))
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#checkin")
        await pilot.pause()
        box = app.screen.query_one("#code", Input)
        box.post_message(events.Paste(f"\x1b[2J{ticket.code[:3]}\x07-{ticket.code[3:]}\u202e"))
        await pilot.pause()
        assert box.value == f"[2J{ticket.code[:3]}-{ticket.code[3:]}"
        assert not raw_controls(drawn(app))


async def test_audit_log_with_a_hostile_actor_draws_harmlessly(sqlite_desk):
    """A script passed `--officer` with an escape sequence; a supervisor reads the log."""
    from test_counter_helpers import SUPER_PIN

    desk = sqlite_desk
    add_officers(desk)
    ticket = desk.book("perpajakan", "Budi Santoso")
    # What `kiosk cancel CODE --officer "$EVIL"` passes on: the actor as typed.
    desk.cancel(ticket.code, EVIL, "salah ambil")
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await logged_in(pilot, "Sari Dewi", SUPER_PIN)
        await pilot.press("a")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "AuditDialog")
        await pilot.pause(0.5)
        assert app.is_running and app._exception is None
        text = drawn(app)
        assert "Budi" in text and not raw_controls(text)
