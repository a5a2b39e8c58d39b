"""The finish note has the length the desk keeps (500 characters): the dialog counts it,
says so when it is full and cuts a paste to fit; the desk refuses a longer one from any
terminal or the command line."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Label, Select

from kiosk.app.app import KioskApp
from kiosk.desk.errors import InvalidInput
from pilot_helpers import click_ready, until
from test_counter_helpers import add_officers, logged_in, wait_for


def serving(desk, name: str = "Ani"):
    ticket = desk.book("perpajakan", name)
    desk.call_next(1, "Budi Santoso")
    desk.start(ticket.code, 1, "Budi Santoso")
    return ticket


def test_the_desk_keeps_a_note_of_500_characters_and_refuses_a_longer_one(desk):
    too_long = serving(desk)
    with pytest.raises(InvalidInput) as refused:
        desk.finish(too_long.code, 1, "Budi Santoso", "NPWP", "a" * 501, "resolved")
    assert refused.value.key == "text_too_long"
    assert "paling banyak 500 karakter" in refused.value.message("id")
    assert desk.ticket(too_long.code).state == "serving"  # nothing written
    desk.finish(too_long.code, 1, "Budi Santoso", "NPWP", "a" * 500, "resolved")
    assert desk.detail(too_long.code).note == "a" * 500


async def test_the_finish_dialog_counts_the_note_and_says_when_it_is_full(sqlite_desk):
    desk = sqlite_desk
    add_officers(desk)
    ticket = desk.book("perpajakan", "Ani")
    app = KioskApp(desk, "counter")
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot)
        await pilot.click("#move-call")
        await wait_for(pilot, lambda: day.in_hand is not None and not day.busy)
        await pilot.click("#move-start")
        await wait_for(pilot, lambda: day.in_hand.ticket.state == "serving" and not day.busy)
        await pilot.click("#move-finish")
        await wait_for(pilot, lambda: app.screen.query("#finish-ok"))
        dialog = app.screen
        label = lambda: str(dialog.query_one("#finish-note-label", Label).render())  # noqa: E731
        said = lambda: str(dialog.query_one(".dialog-message", Label).render())  # noqa: E731
        assert "0/500 karakter" in label()
        note = dialog.query_one(Input)
        await click_ready(pilot, "#finish-note")  # the dialog in its place first
        await until(pilot, lambda: note.has_focus)  # the keys go where the tap put them
        await pilot.press("a", "b")
        await wait_for(pilot, lambda: "2/500 karakter" in label())
        note.insert_text_at_cursor("x" * 600)  # a paste: cut to what fits
        await wait_for(pilot, lambda: "500/500 karakter" in label())
        assert note.value == "ab" + "x" * 498
        assert "Catatan sudah 500 karakter" in said()
        await pilot.click("#finish-ok")  # no topic yet: the line says that instead
        await wait_for(pilot, lambda: "Catatan sudah" not in said())
        note.focus()
        await pilot.press("z")  # typed past the limit: nothing more goes in, and why
        await wait_for(pilot, lambda: "Catatan sudah 500 karakter" in said())
        assert len(note.value) == 500
        await pilot.press("backspace")
        await wait_for(pilot, lambda: "499/500 karakter" in label() and said() == "")
        dialog.query_one(Select).value = "SPT Tahunan"
        await click_ready(pilot, "#finish-ok")  # its last press faded: else Textual drops it
        await wait_for(pilot, lambda: desk.ticket(ticket.code).state == "done")
    assert desk.detail(ticket.code).note == "ab" + "x" * 497
