"""The survey's screens, by clicks: the counter's survey screen invites once the officer
finishes, nine touches and "Send" record one response; a second one for the same ticket is
refused; the lobby's "Rate our service" by code; the supervisor's report; no personal data
shown beside a response."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Button, Input, Static

from kiosk.app.app import KioskApp
from kiosk.desk.survey import Survey
from pilot_helpers import click_ready, settled, until
from screens.survey.questions import QuestionsScreen
from screens.survey.rest import SurveyScreen

NAME, NIK, PHONE = "Maria Goreti Bria", "3171011708450001", "081234567890"


def serve(desk, counter: int = 1, name: str = NAME, **who):
    ticket = desk.book("perpajakan", name, **who)
    desk.call_next(counter, "Budi")
    desk.start(ticket.code, counter, "Budi")
    return desk.finish(ticket.code, counter, "Budi", topic="SPT Tahunan")


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def everything_shown(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static)
                     if w.display) + "\n".join(str(b.label) for b in app.screen.query(Button))


async def tap(pilot, selector: str) -> None:
    """Click ``selector`` once it is laid out on the screen (a new screen takes a moment)."""
    # A button ignores a click while it still shows the last one (0.2 s), and an answer
    # while its question is fresh (screens.common.fresh): a touch that fast on the next
    # question is a test's, not a person's.
    await click_ready(pilot, selector, timeout=10)


async def answer_all(pilot, scores) -> None:
    for score in scores:
        page = pilot.app.screen.page
        await tap(pilot, f"#answer-{score}")
        await until(pilot, lambda: pilot.app.screen.page == page + 1)


async def test_the_counter_finishes_the_screen_invites_nine_touches_and_send(sqlite_desk):
    desk = sqlite_desk
    serve(desk, counter=1)  # finished before the screen started: not asked about
    app = KioskApp(desk, "survey", counter=1)
    async with app.run_test(size=(100, 30)) as pilot:
        rest = app.screen
        assert isinstance(rest, SurveyScreen)
        await until(pilot, lambda: rest.seen is not None)
        other = serve(desk, counter=2)  # another counter's taxpayer is not in front of this screen
        await settled(pilot, lambda: app.screen is rest and any(
            t.code == other.code and t.state == "done" for t in app.follower.status.tickets))
        ticket = serve(desk, counter=1, nik=NIK, phone=PHONE)
        await until(pilot, lambda: isinstance(app.screen, QuestionsScreen))
        questions = app.screen
        assert questions.number == ticket.number
        await until(pilot, lambda: bool(questions.query("#survey-invite"))  # composed
                    and f"Nomor {ticket.number}" in text(questions, "#survey-invite"))
        shown = everything_shown(app)
        assert NAME not in shown and NIK not in shown and PHONE not in shown
        await answer_all(pilot, [4, 3, 4, 4, 3, 3, 4, 2, 3])
        await tap(pilot, "#survey-send")
        await until(pilot, lambda: app.screen is rest)
        assert "Terima kasih" in text(rest, "#rest-thanks")
    report = Survey(desk).report(ticket.date, ticket.date)
    assert report.respondents == 1 and report.scores == ((4, 3, 4, 4, 3, 3, 4, 2, 3),)
    assert Survey(desk).follow_ups(ticket.date, ticket.date)[0].complaints == 2


async def test_skipped_or_left_idle_the_screen_rests_and_records_nothing(sqlite_desk, clock):
    desk = sqlite_desk
    app = KioskApp(desk, "survey", counter=1)
    async with app.run_test(size=(100, 30)) as pilot:
        rest = app.screen
        await until(pilot, lambda: rest.seen is not None)
        serve(desk)
        await until(pilot, lambda: isinstance(app.screen, QuestionsScreen))
        await tap(pilot, "#survey-skip")
        await until(pilot, lambda: app.screen is rest)
        serve(desk)
        await until(pilot, lambda: isinstance(app.screen, QuestionsScreen))
        await answer_all(pilot, [4, 4])
        clock.advance(seconds=desk.office.survey.idle_seconds + 1)  # walked away
        await until(pilot, lambda: app.screen is rest)
    assert Survey(desk).report().respondents == 0


async def test_a_second_response_for_the_same_ticket_is_refused(sqlite_desk):
    desk = sqlite_desk
    ticket = serve(desk)
    app = KioskApp(desk, "survey", counter=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.screen.seen is not None)
        app.push_screen(QuestionsScreen(ticket.code, ticket.number))
        await until(pilot, lambda: isinstance(app.screen, QuestionsScreen))
        await answer_all(pilot, [3] * 9)
        Survey(desk).answer(ticket.code, [4] * 9)  # meanwhile, at the lobby
        await tap(pilot, "#survey-send")
        await until(pilot, lambda: "sudah dinilai" in text(app.screen, "#survey-why"))
        assert isinstance(app.screen, QuestionsScreen)
    assert Survey(desk).report().scores == ((4,) * 9,)


async def test_the_lobby_rates_by_booking_code(sqlite_desk):
    desk = sqlite_desk
    ticket = serve(desk)
    waiting = desk.book("aplikasi", "Yohanes Ndun")
    app = KioskApp(desk, "lobby")
    async with app.run_test(size=(100, 30)) as pilot:
        await tap(pilot, "#rate")
        await until(pilot, lambda: app.screen.query("#rate-code"))
        app.screen.query_one("#rate-code", Input).value = waiting.code
        await tap(pilot, "#rate-go")
        await until(pilot, lambda: "belum selesai" in text(app.screen, "#rate-why"))
        app.screen.query_one("#rate-code", Input).value = ticket.code.lower()
        await tap(pilot, "#rate-go")
        await until(pilot, lambda: isinstance(app.screen, QuestionsScreen))
        await answer_all(pilot, [4] * 9)
        app.screen.query_one("#survey-comment", Input).value = "Cepat sekali"
        await tap(pilot, "#survey-send")
        await until(pilot, lambda: len(app.screen_stack) == 1)
    follow = Survey(desk).follow_ups(ticket.date, ticket.date)
    assert [(f.complaints, f.comment) for f in follow] == [(4, "Cepat sekali")]


async def test_the_supervisor_s_report_weakest_first_and_no_personal_data(sqlite_desk, tmp_path):
    from dataclasses import replace

    from data.office_settings import CounterSettings
    from screens.counter.survey_report import SurveyReportScreen
    from test_counter_helpers import SUPER_PIN, add_officers, logged_in

    desk = sqlite_desk
    add_officers(desk)
    desk.office = replace(desk.office, counter=CounterSettings(report_dir=str(tmp_path)))
    first = serve(desk, nik=NIK, phone=PHONE)
    second = serve(desk, name="Yohanes Ndun")
    Survey(desk).answer(first.code, [4, 4, 4, 4, 4, 4, 4, 1, 3], "Loket kurang jelas")
    Survey(desk).answer(second.code, [4, 4, 4, 4, 4, 4, 4, 3, 3])
    app = KioskApp(desk, "counter", lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await logged_in(pilot, "Sari Dewi", SUPER_PIN)
        await tap(pilot, "#tool-survey")
        await until(pilot, lambda: isinstance(app.screen, SurveyReportScreen)
                    and app.screen.report is not None)
        screen = app.screen
        total = str(screen.query_one("#report-total").render())
        # (8 × ... ) NRR 4,4,4,4,4,4,4,2,3: Σ 33; 25 × 33 / 9 = 91.67, A.
        assert "Respondents 2 · population (served) 2 · minimum sample 2" in total
        assert "IKM 91.67 · grade A (Very good) · weight exactly 1/9" in total
        lines = str(screen.query_one("#survey-elements").render()).splitlines()
        assert lines[0].startswith("U8 ██████████░") and "Handling of complaints" in lines[0]
        assert lines[1].startswith("U9 ") and len(lines) == 9
        follow = str(screen.query_one("#survey-followups").render())
        assert "complaints 1 · Loket kurang jelas" in follow
        shown = everything_shown(app)
        for personal in (NAME, NIK, PHONE, "Yohanes Ndun", first.code, second.code):
            assert personal not in shown
        await pilot.press("f2")
        path = tmp_path / f"skm-{first.date.replace(day=1)}-{first.date}.csv"
        await until(pilot, path.exists)
        assert path.read_text(encoding="utf-8").splitlines()[0].startswith("No. responden,U1")


async def test_the_survey_screen_is_closed_to_the_public_like_the_lobby(sqlite_desk):
    from screens.lobby.unlock import UnlockScreen

    desk = sqlite_desk
    app = KioskApp(desk, "survey", counter=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.screen.seen is not None)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, UnlockScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, SurveyScreen))
        serve(desk)
        await until(pilot, lambda: isinstance(app.screen, QuestionsScreen))
        await pilot.press("ctrl+c")
        await until(pilot, lambda: isinstance(app.screen, UnlockScreen))
        assert app.is_running
