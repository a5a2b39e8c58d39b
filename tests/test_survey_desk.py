"""The survey over the store, on both engines: one anonymous response per served ticket,
the period's report, the supervisor's follow-up list, and a purge that keeps responses."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import ALWAYS_OPEN
from data import migrations
from data.database import open_database
from kiosk.desk.errors import InvalidInput, NotFound, Refused
from kiosk.desk.privacy import purge
from kiosk.desk.store import open_desk
from kiosk.desk.survey import Survey

GOOD = [4, 3, 4, 4, 3, 3, 4, 3, 3]
PERSONAL = ("Maria Goreti Bria", "3171011708450001", "081234567890")


def served(desk, name=PERSONAL[0], **who):
    ticket = desk.book("perpajakan", name, **who)
    desk.call_next(1, "Budi")
    desk.start(ticket.code, 1, "Budi")
    desk.finish(ticket.code, 1, "Budi", topic="SPT Tahunan")
    return ticket


def test_a_served_ticket_is_rated_once(desk):
    survey = Survey(desk)
    ticket = served(desk)
    assert survey.rateable(ticket.code) == ticket.number
    rated = survey.answer(ticket.code, GOOD)
    assert rated.day == ticket.date and not rated.follow_up
    for again in (lambda: survey.answer(ticket.code, [1] * 9), lambda: survey.rateable(ticket.code)):
        with pytest.raises(Refused) as refused:
            again()
        assert refused.value.key == "survey_answered"
    assert survey.report().respondents == 1


def test_a_ticket_not_served_cannot_be_rated(desk):
    survey = Survey(desk)
    waiting = desk.book("perpajakan", "Yohanes Ndun")
    cancelled = desk.book("aplikasi", "Yohanes Ndun")
    desk.cancel(cancelled.code, "lobby")
    for code in (waiting.code, cancelled.code):
        with pytest.raises(Refused) as refused:
            survey.answer(code, GOOD)
        assert refused.value.key == "survey_not_served"
    with pytest.raises(NotFound):
        survey.answer("ZZZ-999", GOOD)
    assert survey.report().respondents == 0


@pytest.mark.parametrize("scores, key", [
    ([4] * 8, "survey_nine_scores"), ([4] * 10, "survey_nine_scores"),
    ([4] * 8 + [5], "survey_score_range"), ([0] + [4] * 8, "survey_score_range"),
    ([4] * 8 + ["4"], "survey_score_range"), ([True] * 9, "survey_score_range")])
def test_scores_are_nine_from_one_to_four(desk, scores, key):
    ticket = served(desk)
    with pytest.raises(InvalidInput) as refused:
        Survey(desk).answer(ticket.code, scores)
    assert refused.value.key == key
    assert Survey(desk).rateable(ticket.code) == ticket.number  # nothing was recorded


def test_the_report_of_a_period(desk, clock):
    survey = Survey(desk)
    first = [served(desk) for _ in range(3)]
    desk.book("perpajakan", "Yohanes Ndun")  # waiting: not of the population
    survey.answer(first[0].code, [4] * 9)
    survey.answer(first[1].code, [2] * 9)
    clock.advance(days=1, hours=3)  # a whole day exactly looks like a clock ahead
    later = served(desk)
    survey.answer(later.code, [1] * 9)
    day = first[0].date
    report = survey.report(day, day)
    assert (report.respondents, report.population, report.minimum_sample) == (2, 3, 3)
    assert [float(m) for m in report.nrr] == [3.0] * 9
    assert str(report.ikm) == "75.00" and report.grade == "C"
    everything = survey.report(day, day + dt.timedelta(days=1)).to_json()
    assert (everything["respondents"], everything["population"]) == (3, 4)
    assert everything["ikm"] == 58.33 and everything["grade"] == "D"  # 25 × 7/3


def test_a_low_complaints_score_or_a_comment_goes_to_the_supervisor(desk):
    survey = Survey(desk)
    low, commented, fine = served(desk), served(desk), served(desk)
    assert survey.answer(low.code, GOOD[:7] + [2] + GOOD[8:]).follow_up
    assert survey.answer(commented.code, GOOD, "Antrean di luar panas").follow_up
    assert not survey.answer(fine.code, GOOD).follow_up
    listed = survey.follow_ups(low.date, low.date)
    assert sorted((f.complaints, f.comment) for f in listed) == [(2, ""), (3, "Antrean di luar panas")]
    with pytest.raises(InvalidInput):
        survey.answer(served(desk).code, GOOD, "\x1b[31mred")  # checked like other typed text


def test_no_personal_data_is_stored_with_a_response(desk, clock):
    ticket = served(desk, PERSONAL[0], nik=PERSONAL[1], phone=PERSONAL[2])
    Survey(desk).answer(ticket.code, GOOD, "Petugas ramah")
    db = desk.db
    response = {c.name for c in db.get_columns("survey_response")}
    assert response == {"id", "day", *(f"u{i}" for i in range(1, 10)), "comment", "follow_up"}
    assert db.get_foreign_keys("survey_response") == []
    assert db.get_foreign_keys("survey_answered") == []
    rows = db.execute_sql("SELECT * FROM survey_response").fetchall()
    assert len(rows) == 1
    stored = " ".join(str(value) for value in rows[0])
    for value in (*PERSONAL, ticket.code):
        assert value not in stored
    # Purge erases the visitor; the response stays, and still counts.
    clock.advance(days=5, hours=3)
    assert purge(desk, "Sari", older_than_days=1).tickets == 1
    report = Survey(desk).report(ticket.date, ticket.date)
    assert (report.respondents, report.population, report.scores) == (1, 1, (tuple(GOOD),))


def test_a_store_of_the_previous_version_gets_the_survey(bare_store_url):
    db = open_database(bare_store_url, create=True)
    migrations.migrate(db, migrations.STEPS[:3])  # the store before the survey
    assert not db.table_exists("survey_response")
    db.close()
    desk = open_desk(bare_store_url, ALWAYS_OPEN)
    assert migrations.current_version(desk.db) == migrations.LATEST
    ticket = served(desk)
    Survey(desk).answer(ticket.code, GOOD)
    assert Survey(desk).report().respondents == 1
    desk.db.close()
