"""The survey by touch (the tester's report of issue 16): a double tap answers one question
only; "Skip the survey" asks once when answers were given and stores nothing; the idle
time's last part counts down on screen and a touch starts it again; the comment typed on
an on-screen keyboard; digits 1–4 answer; the buttons scale with the screen and stay put
whatever the question's length; the language chosen at rest."""

from __future__ import annotations

from textual.widgets import Static

from kiosk.app.app import KioskApp
from kiosk.desk.survey import Survey
from pilot_helpers import click_ready, until
from screens.common import fresh
from screens.survey.questions import QuestionsScreen
from screens.survey.rest import SurveyScreen
from test_survey_screens import answer_all, serve, tap


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def asked(pilot, desk):
    """The questions for a ticket served before, as the rest screen would show them."""
    ticket = serve(desk)
    await until(pilot, lambda: pilot.app.screen.seen is not None)
    pilot.app.push_screen(QuestionsScreen(ticket.code, ticket.number))
    await until(pilot, lambda: isinstance(pilot.app.screen, QuestionsScreen)
                and pilot.app.screen.query("#answer-4"))
    return ticket, pilot.app.screen


async def fresh_over(pilot, selector: str) -> None:
    await until(pilot, lambda: not pilot.app.screen.query_one(selector).guarded)


async def test_a_double_tap_answers_one_question_only(sqlite_desk, monkeypatch):
    # A longer guard than the product's (0.8 s), so that a loaded machine's slow frames
    # never let the second tap come late enough to count.
    monkeypatch.setattr(fresh, "FRESH_SECONDS", 4.0)
    app = KioskApp(sqlite_desk, "survey", counter=1)
    async with app.run_test(size=(100, 30)) as pilot:
        _, questions = await asked(pilot, sqlite_desk)
        await click_ready(pilot, "#answer-4", timeout=10)
        await until(pilot, lambda: questions.page == 1)
        button = questions.query_one("#answer-4")
        # The second tap of the double tap, once Textual's own 0.2 s "pressed" look is
        # over (as the tester's, 0.4 s apart), and a digit pressed at once.
        await until(pilot, lambda: not button.has_class("-active"))
        await pilot.click("#answer-4")
        await pilot.press("4")
        await pilot.pause()
        assert questions.page == 1 and questions.scores[1] is None
        await fresh_over(pilot, "#answer-2")  # read, then answered: it counts
        await pilot.press("2")
        await until(pilot, lambda: questions.page == 2)
        assert questions.scores[:3] == [4, 2, None]


async def test_skip_asks_once_when_answers_were_given_and_stores_nothing(sqlite_desk):
    desk = sqlite_desk
    app = KioskApp(desk, "survey", counter=1)
    async with app.run_test(size=(100, 30)) as pilot:
        rest = app.screen
        ticket, questions = await asked(pilot, desk)
        assert str(questions.query_one("#survey-skip").label) == "Lewati survei"
        await answer_all(pilot, [3, 3, 2])
        await tap(pilot, "#survey-skip")
        await until(pilot, lambda: questions.has_class("-asking"))
        assert "Akhiri survei?" in text(questions, "#survey-ask-text")
        assert app.focused is not None and app.focused.id == "skip-no"
        await tap(pilot, "#skip-no")  # go on: nothing lost
        await until(pilot, lambda: not questions.has_class("-asking"))
        assert questions.page == 3 and questions.scores[:3] == [3, 3, 2]
        await tap(pilot, "#survey-skip")
        await click_ready(pilot, "#skip-yes", timeout=10)
        await until(pilot, lambda: app.screen is rest)
    # The regulation's tabulation counts a respondent with all nine answers: a partial
    # survey stores nothing, and the ticket may still be rated (at the lobby, by code).
    assert Survey(desk).report().respondents == 0
    assert not Survey(desk).answered(ticket.date, ticket.number)
    Survey(desk).answer(ticket.code, [4] * 9)
    assert Survey(desk).report().respondents == 1


async def test_idle_counts_down_on_screen_and_a_touch_starts_it_again(sqlite_desk, clock):
    desk = sqlite_desk
    idle = desk.office.survey.idle_seconds
    app = KioskApp(desk, "survey", counter=1)
    async with app.run_test(size=(100, 30)) as pilot:
        rest = app.screen
        _, questions = await asked(pilot, desk)
        await answer_all(pilot, [4, 4])
        assert text(questions, "#survey-countdown") == ""
        clock.advance(seconds=idle - 5)
        await until(pilot, lambda: "dalam 5 detik" in text(questions, "#survey-countdown"))
        await pilot.click("#survey-question")  # any touch
        await until(pilot, lambda: text(questions, "#survey-countdown") == "")
        clock.advance(seconds=idle - 1)  # a full idle time again, from the touch
        await until(pilot, lambda: "dalam 1 detik" in text(questions, "#survey-countdown"))
        assert app.screen is questions and questions.scores[:2] == [4, 4]
        clock.advance(seconds=2)
        await until(pilot, lambda: app.screen is rest)
    assert Survey(desk).report().respondents == 0


async def test_digits_answer_and_the_comment_is_typed_on_the_screen_s_keyboard(sqlite_desk):
    desk = sqlite_desk
    app = KioskApp(desk, "survey", counter=1)
    async with app.run_test(size=(100, 30)) as pilot:
        rest = app.screen
        ticket, questions = await asked(pilot, desk)
        for page, digit in enumerate("432143214"):
            await fresh_over(pilot, f"#answer-{digit}")
            await pilot.press(digit)
            await until(pilot, lambda: questions.page == page + 1)
        for key in [*"cepat", "space", *"sekali", "period"]:
            await click_ready(pilot, f"#comment-keys-{key}")
        comment = questions.query_one("#survey-comment")
        assert comment.value == "Cepat sekali."  # a sentence, not a name's capitals
        await click_ready(pilot, "#survey-send", timeout=10)
        await until(pilot, lambda: app.screen is rest)
    assert Survey(desk).report().scores == ((4, 3, 2, 1, 4, 3, 2, 1, 4),)
    follow = Survey(desk).follow_ups(ticket.date, ticket.date)
    assert [f.comment for f in follow] == ["Cepat sekali."]


async def answers_place(pilot, questions) -> set[tuple[int, int]]:
    """Where the first answer button is (its top and height) for each of the nine
    questions, shown in turn."""
    places = set()
    for page in range(len(questions.questions)):
        questions.page = page
        questions.show_page()
        await pilot.pause()
        await pilot.pause()
        region = questions.query_one("#answer-1").region
        places.add((region.y, region.height))
    return places


async def test_the_buttons_scale_with_the_screen_and_stay_under_the_finger(sqlite_desk):
    heights = {}
    for size in [(80, 24), (240, 67)]:
        app = KioskApp(sqlite_desk, "survey", counter=1)
        async with app.run_test(size=size) as pilot:
            _, questions = await asked(pilot, sqlite_desk)
            lines = {len(q.question) > 76 for q in questions.questions}
            assert lines == {True, False}  # one line and two at 80 columns: both asked
            places = await answers_place(pilot, questions)
            assert len(places) == 1, places  # the same place for every question
            heights[size] = places.pop()[1]
            nav = questions.query_one("#survey-skip").region
            assert nav.y + nav.height >= size[1] - 1  # the way out at the bottom edge
    assert heights[(80, 24)] >= 5
    assert heights[(240, 67)] >= 67 // 3  # a third of a tall screen, not 7 rows of it


async def test_the_language_is_chosen_at_rest_and_the_questions_start_in_it(sqlite_desk):
    desk = sqlite_desk
    app = KioskApp(desk, "survey", counter=1)
    async with app.run_test(size=(100, 30)) as pilot:
        rest = app.screen
        assert isinstance(rest, SurveyScreen)
        await until(pilot, lambda: rest.seen is not None)
        await click_ready(pilot, "#rest-lang")
        await until(pilot, lambda: text(rest, "#rest-title") == "Public Satisfaction Survey")
        serve(desk)  # meanwhile the officer finishes
        await until(pilot, lambda: isinstance(app.screen, QuestionsScreen))
        questions = app.screen
        await until(pilot, lambda: "Question 1 of 9" in text(questions, "#survey-step"))
        assert str(questions.query_one("#survey-skip").label) == "Skip the survey"
