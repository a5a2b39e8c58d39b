"""Every move of the counter's keys has a button too, for touch and mouse (issue 14): the
supervisor's take-over of another counter's number, the visitor's earlier visits (h) and
the follow-up list (u); at 80x24 no button loses its words, in either language."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.widgets import Button

from kiosk.app.app import KioskApp
from kiosk.desk.officers import Officers
from pilot_helpers import click_ready
from screens.counter.visits import VisitsDialog
from test_counter_helpers import PIN, SUPER_PIN, add_officers, logged_in
from test_counter_helpers import wait_for as wait_briefly


async def wait_for(pilot, condition) -> None:
    await wait_briefly(pilot, condition, timeout=30)  # a shared, loaded machine


async def choose(pilot, day, code: str) -> None:
    table = day.query_one("DataTable")
    table.move_cursor(row=table.get_row_index(code))
    await wait_for(pilot, lambda: day.chosen() is not None and day.chosen().code == code)


async def test_a_supervisor_takes_another_counters_number_over_by_click_and_by_key(sqlite_desk):
    desk = sqlite_desk
    add_officers(desk)
    first = desk.book("perpajakan", "Ani")
    second = desk.book("perpajakan", "Citra")
    desk.call_next(1, "Budi Santoso")  # Budi called Ani at counter 1, then left
    app = KioskApp(desk, "counter", counter=2)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot, "Sari Dewi", SUPER_PIN)
        button = day.query_one("#move-take_over", Button)
        await choose(pilot, day, second.code)  # a waiting number: nothing to take over
        assert button.display and button.disabled
        await choose(pilot, day, first.code)
        await wait_for(pilot, lambda: not button.disabled)
        await click_ready(pilot, "#move-take_over")
        await wait_for(pilot, lambda: day.in_hand is not None
                       and day.in_hand.ticket.code == first.code)
        assert desk.ticket(first.code).counter == 2
        # Finished here, then the next one is called at counter 1 and taken by the key.
        desk.start(first.code, 2, "Sari Dewi")
        desk.finish(first.code, 2, "Sari Dewi", "SPT")
        desk.call_next(1, "Budi Santoso")
        await wait_for(pilot, lambda: day.in_hand is None and day.status is not None
                       and any(t.code == second.code and t.state == "called"
                               for t in day.status.tickets))
        await choose(pilot, day, second.code)
        await pilot.press("g")
        await wait_for(pilot, lambda: desk.ticket(second.code).counter == 2)
    taken = [(e.action, e.actor, e.counter, e.detail, e.ticket_number)
             for e in reversed(Officers(desk).audit()) if e.action == "take_over"]
    assert taken == [("take_over", "Sari Dewi", 2, "1 -> 2", 1),
                     ("take_over", "Sari Dewi", 2, "1 -> 2", 2)]


async def test_an_officer_is_not_offered_the_take_over_and_its_key_says_why(sqlite_desk):
    desk = sqlite_desk
    add_officers(desk)
    Officers(desk).add("Yosef Lake", "officer", PIN, "test")
    ticket = desk.book("perpajakan", "Ani")
    desk.call_next(1, "Budi Santoso")
    app = KioskApp(desk, "counter", counter=2)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot, "Yosef Lake", PIN)
        assert not day.query_one("#move-take_over", Button).display
        await choose(pilot, day, ticket.code)
        await pilot.press("g")
        await wait_for(pilot, lambda: "supervisor" in str(day.query_one("#day-message").render()))
    assert desk.ticket(ticket.code).counter == 1  # not moved


async def test_the_earlier_visits_and_the_follow_ups_open_by_click(sqlite_desk, clock):
    desk = sqlite_desk
    add_officers(desk)
    earlier = desk.book("perpajakan", "Ani", nik="5371010101010001")
    desk.call_next(1, "Budi Santoso")
    desk.start(earlier.code, 1, "Budi Santoso")
    desk.finish(earlier.code, 1, "Budi Santoso", "PPh 21", "bawa bukti potong",
                outcome="follow_up")
    clock.advance(days=1)
    desk.book("perpajakan", "Ani", nik="5371010101010001")
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot)
        assert day.query_one("#hand-earlier", Button).disabled  # no number in hand yet
        await click_ready(pilot, "#day-follow-ups")
        await wait_for(pilot, lambda: isinstance(app.screen, VisitsDialog))
        assert "bawa bukti potong" in " ".join(map(str, app.screen.rows[0]))
        await click_ready(pilot, "#visits-back")
        await wait_for(pilot, lambda: app.screen is day)
        await click_ready(pilot, "#move-call")
        await wait_for(pilot, lambda: day.in_hand is not None
                       and not day.query_one("#hand-earlier", Button).disabled)
        await click_ready(pilot, "#hand-earlier")
        await wait_for(pilot, lambda: isinstance(app.screen, VisitsDialog))
        assert app.screen.rows[0][2] == "PPh 21"


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_no_button_of_the_day_loses_its_words_at_80_columns(sqlite_desk, lang):
    desk = sqlite_desk
    add_officers(desk)
    app = KioskApp(desk, "counter", counter=1, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot, "Sari Dewi", SUPER_PIN)  # the supervisor sees them all
        await pilot.pause()
        shown = [b for b in day.query(Button) if b.display]
        assert len(shown) == 19
        for button in shown:
            words = str(button.label)
            # On one line, all of it inside its row (a label too long wraps, and its
            # second line, the key, is cut off by the row's one line).
            assert button.content_region.width >= cell_len(words), words
            assert button.region.height == 1, words
            assert button.parent.region.contains_region(button.region), words
            assert 0 <= button.region.x and button.region.right <= 80, words
            assert button.region.y < 24, words
