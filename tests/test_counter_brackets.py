"""Square brackets in stored or typed text never crash the counter nor style it: a quota
reason, a name typed into the officers' dialog, a topic, a closed date's reason, are all
drawn as the very characters typed."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input

from kiosk.app.app import KioskApp
from kiosk.desk import supervision
from kiosk.desk.officers import Officers
from screens.counter.officers import OfficersDialog
from screens.counter.quota import QuotaDialog
from pilot_helpers import click_ready
from test_counter_helpers import SUPER_PIN, add_officers, logged_in, wait_for

TRICKY = ("Rapat [/b] pimpinan", "[reverse blink]Rapat", "[bold red]x[/]", "[link=http://x]y")


def label(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def supervisor(desk):
    return Officers(desk).login("Sari Dewi", SUPER_PIN, 1)


@pytest.mark.parametrize("reason", TRICKY)
async def test_a_quota_reason_with_brackets_is_shown_as_typed(sqlite_desk, reason):
    desk = sqlite_desk
    add_officers(desk)
    supervision.set_quota(desk, supervisor(desk), desk.today(), 12, reason)
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot, "Sari Dewi", SUPER_PIN)
        for _ in range(2):  # "every time it opens"
            await pilot.press("q")
            await wait_for(pilot, lambda: isinstance(app.screen, QuotaDialog))
            dialog = app.screen
            await wait_for(pilot, lambda: "12" in label(dialog, "#quota-now"))
            assert reason in label(dialog, "#quota-now")
            spans = dialog.query_one("#quota-now").render().spans
            assert not any("reverse" in str(s.style) or "blink" in str(s.style)
                           or "bold" in str(s.style) for s in spans)
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is day)
    assert app.return_code in (None, 0)


async def test_disabling_a_name_with_brackets_says_not_found_as_typed(sqlite_desk):
    desk = sqlite_desk
    add_officers(desk)
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await logged_in(pilot, "Sari Dewi", SUPER_PIN)
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, OfficersDialog))
        dialog = app.screen
        await wait_for(pilot, lambda: dialog.query_one(DataTable).row_count == 2)
        dialog.query_one("#officer-name", Input).value = "[/b]"
        await click_ready(pilot, "#officer-disable")
        await wait_for(pilot, lambda: "[/b]" in label(dialog, ".dialog-message"))
        assert isinstance(app.screen, OfficersDialog)
    assert app.return_code in (None, 0)


async def test_the_day_line_and_the_move_message_draw_brackets_as_text(sqlite_desk, clock):
    """A refusal carrying typed text, on the day's message line and in its toast."""
    desk = sqlite_desk
    add_officers(desk)
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot, "Sari Dewi", SUPER_PIN)
        from kiosk.desk.errors import NotFound

        day.say(NotFound("ticket_not_found", code="[/b][reverse blink]").message("id"),
                error=True)
        await pilot.pause()
        assert "[/b][reverse blink]" in label(day, "#day-message")
    assert app.return_code in (None, 0)
