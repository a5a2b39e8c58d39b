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


def responses(first: dt.date, last: dt.date) -> list[ResponseRow]:
    """The responses of the days first..last, in no order that tells when they were given:
    by day, then by the random id."""
    query = (SurveyResponse.select()
             .where(SurveyResponse.day.between(first, last))
             .order_by(SurveyResponse.day, SurveyResponse.id))
    return [_row(r) for r in query]


def follow_ups(first: dt.date, last: dt.date) -> list[ResponseRow]:
    query = (SurveyResponse.select()
             .where(SurveyResponse.day.between(first, last), SurveyResponse.follow_up == True)  # noqa: E712
             .order_by(SurveyResponse.day.desc(), SurveyResponse.id))
    return [_row(r) for r in query]


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


def _row(r: SurveyResponse) -> ResponseRow:
    day = r.day if isinstance(r.day, dt.date) else dt.date.fromisoformat(str(r.day))
    return ResponseRow(r.id, day, tuple(int(getattr(r, c)) for c in SCORE_COLUMNS),
                       r.comment, bool(r.follow_up))
