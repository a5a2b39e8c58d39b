"""The terminal board: every call event is announced (call, recall, the call of a returned
no-show), a stale one is dropped, the digits grow with the screen, and "no call yet" is said
only when there has been no call today."""

from __future__ import annotations

import threading

import pytest
from textual.widgets import Label

from kiosk.app.app import KioskApp
from screens.board.big_digits import BigDigits, glyph_lines
from screens.board.serving import ServingCard
from test_board_live import on_board_soon


class Announcer:
    """A stand-in for the terminal's speaker that keeps what it was asked to say, and
    checks each call's still() when told its turn came."""

    def __init__(self):
        self.asked: list[tuple[str, object]] = []

    def say(self, sentence: str, still=lambda: True) -> None:
        self.asked.append((sentence, still))

    def close(self) -> None:
        pass


@pytest.fixture
def announcer(monkeypatch) -> Announcer:
    stand_in = Announcer()
    monkeypatch.setattr("kiosk.devices.speech.board_speaker", lambda office: stand_in)
    return stand_in


def sentences(announcer: Announcer) -> list[str]:
    return [sentence for sentence, _ in announcer.asked]


async def test_a_returned_no_show_called_again_is_announced_and_highlighted(
        sqlite_desk, clock, announcer):
    desk = sqlite_desk
    first = desk.book("perpajakan", "Ani")
    app = KioskApp(desk, "board")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        desk.call_next(1, "Petugas")
        await on_board_soon(pilot, lambda: len(announcer.asked) == 1, "the call")
        clock.advance(minutes=2)
        desk.no_show(first.code, 1, "Petugas")
        await on_board_soon(pilot, lambda: not app.screen.query(ServingCard).first().display,
                            "the no-show")
        clock.advance(minutes=5)
        desk.return_to_queue(first.code, "Petugas", 1)
        desk.call_next(2, "Petugas")  # the same number, called again: call count 1 again
        await on_board_soon(pilot, lambda: len(announcer.asked) == 2, "the call after return")
        assert app.screen.query(ServingCard).first().has_class("-fresh")
        assert sentences(announcer) == [
            "Nomor antrean satu, silakan menuju loket Help Desk satu",
            "Nomor antrean satu, silakan menuju loket Help Desk dua"]
        assert announcer.asked[1][1]()  # still true: it is being called


async def test_a_call_whose_ticket_moved_on_is_no_longer_to_be_said(sqlite_desk, announcer):
    desk = sqlite_desk
    first = desk.book("perpajakan", "Ani")
    app = KioskApp(desk, "board")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        desk.call_next(1, "Petugas")
        await on_board_soon(pilot, lambda: len(announcer.asked) == 1, "the call")
        still = announcer.asked[0][1]
        assert still()
        desk.no_show(first.code, 1, "Petugas")  # before the speaker's turn came
        await on_board_soon(pilot, lambda: not still(), "the call gone stale")


async def test_no_call_yet_only_when_there_was_none_today(sqlite_desk, announcer):
    desk = sqlite_desk
    first = desk.book("perpajakan", "Ani")
    app = KioskApp(desk, "board")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        none = app.screen.query_one("#serving-none", Label)
        assert none.display
        desk.call_next(1, "Petugas")
        desk.start(first.code, 1, "Petugas")
        desk.finish(first.code, 1, "Petugas", "NPWP")  # nobody at a counter now
        await on_board_soon(pilot, lambda: app.screen.query_one("#serving-last").display,
                            "the last calls")
        assert not none.display
        assert "1 → Loket 1" in str(app.screen.query_one("#serving-last", Label).render())


async def test_the_digits_grow_with_the_screen(sqlite_desk, announcer):
    desk = sqlite_desk
    desk.book("perpajakan", "Ani")
    desk.call_next(1, "Petugas")
    heights = []
    for size in ((80, 24), (160, 45), (240, 67)):
        app = KioskApp(desk, "board")
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            number = app.screen.query(ServingCard).first().query_one(".card-number", BigDigits)
            assert number.value == "1"
            heights.append(len(glyph_lines(number.value, number.scale)))
    assert heights[0] >= 7 and heights[0] < heights[1] < heights[2]
    assert heights[2] >= 67 * 0.3  # a third of a large screen, not 3 rows


def test_nine_and_four_are_drawn_apart():
    nine, four = glyph_lines("9", 1), glyph_lines("4", 1)
    assert nine != four and sum(a != b for a, b in zip(nine, four)) >= 3
    assert all("██" in line for line in glyph_lines("8", 2))  # thick strokes on every row
