"""The satisfaction survey's rows: one answered mark per served ticket, anonymous responses,
and the served tickets of a period (the survey's population).

The mark (day and number of the ticket) and the response are written in one transaction
and share nothing: no key, no time, no sequence; the response's id is random.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import NamedTuple, Sequence

import peewee

from data.models import SurveyAnswered, SurveyResponse, Ticket

SCORE_COLUMNS = ("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9")


class ResponseRow(NamedTuple):
    id: str
    day: dt.date
    scores: tuple[int, ...]  # nine, in the regulation's order
    comment: str
    follow_up: bool


def answered(day: dt.date, number: int) -> bool:
    return (SurveyAnswered.select().where(SurveyAnswered.day == day,
                                          SurveyAnswered.number == number).exists())


def record(day: dt.date, number: int, scores: Sequence[int], comment: str,
           follow_up: bool) -> bool:
    """Write the mark and the response; False (nothing written) when the ticket was rated
    already, by another terminal a moment before too. Call inside a transaction."""
    try:
        with SurveyAnswered._meta.database.atomic():  # a savepoint: a refusal undoes only this
            SurveyAnswered.insert(day=day, number=number).execute()
    except peewee.IntegrityError:
        return False
    values = dict(zip(SCORE_COLUMNS, scores))
    SurveyResponse.insert(id=uuid.uuid4().hex, day=day, comment=comment, follow_up=follow_up,
                          **values).execute()
    return True


def _read(where: str, order: str, first: dt.date, last: dt.date) -> list[ResponseRow]:
    """Plain SQL, read as tuples: a year holds thousands of responses, and a model instance
    a row (peewee's converters, a field set at a time) was most of the survey report's time
    (benchmarks/survey_year.py)."""
    db = SurveyResponse._meta.database
    p = db.param
    sql = (f"SELECT id, day, {', '.join(SCORE_COLUMNS)}, comment, follow_up FROM survey_response "
           f"WHERE day BETWEEN {p} AND {p}{where} ORDER BY {order}")
    return [_row(r) for r in db.execute_sql(sql, (first.isoformat(), last.isoformat())).fetchall()]


def responses(first: dt.date, last: dt.date) -> list[ResponseRow]:
    """The responses of the days first..last, in no order that tells when they were given:
    by day, then by the random id."""
    return _read("", "day, id", first, last)


def follow_ups(first: dt.date, last: dt.date) -> list[ResponseRow]:
    return _read(" AND follow_up", "day DESC, id", first, last)


def served(first: dt.date, last: dt.date, state: str) -> int:
    """How many tickets of the days first..last reached ``state`` (done): the population."""
    return (Ticket.select().where(Ticket.day.between(first, last), Ticket.state == state)
            .count())


def first_day() -> dt.date | None:
    """The earliest day with a response or a ticket: where "all time" begins."""
    days = [SurveyResponse.select(peewee.fn.MIN(SurveyResponse.day)).scalar(),
            Ticket.select(peewee.fn.MIN(Ticket.day)).scalar()]
    found = [d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d)) for d in days if d]
    return min(found) if found else None


def _row(r: tuple) -> ResponseRow:
    day = r[1] if isinstance(r[1], dt.date) else dt.date.fromisoformat(str(r[1]))
    return ResponseRow(r[0], day, tuple(r[2:2 + len(SCORE_COLUMNS)]), r[-2], bool(r[-1]))
