"""Snapshots of the survey's screens facing the taxpayer: at rest, and a question with its
four face buttons, and the comment page with its on-screen keyboard, in both languages, at
a small tablet's 80x24, at 120x40 and at a full-HD touch screen's 240x67."""

from __future__ import annotations

import pytest

from kiosk.app.app import KioskApp
from pilot_helpers import click_ready, until
from screens.survey.questions import QuestionsScreen

SIZES = [(80, 24), (120, 40), (240, 67)]


def _question(desk, comment: bool = False):
    async def show(pilot) -> None:
        ticket = desk.book("perpajakan", "Ani")
        desk.call_next(1, "Budi")
        desk.start(ticket.code, 1, "Budi")
        desk.finish(ticket.code, 1, "Budi", topic="NPWP")
        pilot.app.push_screen(QuestionsScreen(ticket.code, ticket.number))
        await until(pilot, lambda: isinstance(pilot.app.screen, QuestionsScreen))
        await click_ready(pilot, "#answer-3")  # the first answered: the second question shows
        await until(pilot, lambda: pilot.app.screen.page == 1)
        # The same button asks the next question: the picture once its press has faded
        # (Textual's 0.2 s "-active"), else a loaded machine draws it unlit, an idle one lit.
        pressed = pilot.app.screen.query_one("#answer-3")
        await until(pilot, lambda: not pressed.has_class("-active"))
        if comment:  # the nine answered (by touch in test_survey_screens): the comment
            screen = pilot.app.screen
            screen.scores, screen.page = [3] * 9, 9
            screen.query_one("#survey-comment").cursor_blink = False  # the same every run
            screen.show_page()
            await pilot.pause()
            await pilot.hover("#survey-question")  # no key lit by the mouse left over it
        await pilot.pause()
    return show


async def _rest(pilot) -> None:
    await until(pilot, lambda: pilot.app.screen.seen is not None)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("view", ["rest", "question", "comment"])
def test_survey_snapshot(view, lang, size, sqlite_desk, snap_compare):
    app = KioskApp(sqlite_desk, "survey", lang=lang, counter=1)
    run_before = {"rest": _rest, "question": _question(sqlite_desk),
                  "comment": _question(sqlite_desk, comment=True)}[view]
    assert snap_compare(app, terminal_size=size, run_before=run_before)
