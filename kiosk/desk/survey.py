"""The satisfaction survey (SKM, PermenPANRB No. 14/2017) over the store: a served ticket
rated once, anonymously; the report of a period as the office must publish it.

Anonymous: the response keeps the day and the nine scores (and a comment the taxpayer may
write), never a name, NPWP, NIK, telephone or ticket; the ticket is marked rated apart
(data.survey), so a second response is refused without either row leading to the other.
``kiosk purge`` erases visitors' data of tickets and leaves the responses as they are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Sequence

from data import survey as rows
from data.office_survey import COMPLAINTS, Question
from data.tickets import TicketRows
from kiosk.desk import survey_index as index
from kiosk.desk.desk import Desk
from kiosk.desk.errors import InvalidInput, Refused
from kiosk.desk.guard import store_errors
from kiosk.desk.identity import check_text
from kiosk.desk.states import DONE
from kiosk.desk.views import find_ticket

COMMENT_MAX = 300
LOW_COMPLAINTS = 2  # tidak baik / kurang baik on complaints handling: the supervisor looks


@dataclass(frozen=True)
class Rated:
    """What an answer recorded: the day, and whether it went on the follow-up list."""

    day: dt.date
    follow_up: bool


@dataclass(frozen=True)
class FollowUp:
    """A response the supervisor should read: no ticket, no name, only the day."""

    day: dt.date
    complaints: int  # the score on handling of complaints
    comment: str


@dataclass(frozen=True)
class SurveyReport:
    first: dt.date
    last: dt.date
    questions: tuple[Question, ...]
    respondents: int
    population: int  # numbers served in the period
    minimum_sample: int
    nrr: tuple[Fraction, ...]  # nine, in the regulation's order; empty without respondents
    weight: str  # "exact" | "rounded"
    ikm: Decimal | None
    grade: str | None
    scores: tuple[tuple[int, ...], ...]  # one row of nine a respondent (the tabulation)
    follow_ups: int

    @property
    def weighted(self) -> Fraction | None:
        return index.weighted(self.nrr, self.weight) if self.nrr else None

    @property
    def weakest_first(self) -> tuple[int, ...]:
        return index.weakest_first(self.nrr)

    def to_json(self) -> dict:
        return {
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "respondents": self.respondents,
            "population": self.population,
            "minimum_sample": self.minimum_sample,
            "elements": [q.element for q in self.questions],
            "nrr": [round(float(m), 4) for m in self.nrr] if self.nrr else None,
            "weighted_nrr": round(float(self.weighted), 4) if self.weighted is not None else None,
            "weight": self.weight,
            "weight_value": float(index.weight(self.weight)),
            "ikm": float(self.ikm) if self.ikm is not None else None,
            "grade": self.grade,
            "weakest_first": [self.questions[i].element for i in self.weakest_first],
            "follow_ups": self.follow_ups,
        }


def check_scores(scores: Sequence[object]) -> tuple[int, ...]:
    if len(scores) != index.ELEMENT_COUNT:
        raise InvalidInput("scores", "survey_nine_scores", given=len(scores))
    checked = []
    for score in scores:
        if isinstance(score, bool) or not isinstance(score, int) \
                or not index.LOWEST <= score <= index.HIGHEST:
            raise InvalidInput("scores", "survey_score_range", score=score)
        checked.append(score)
    return tuple(checked)


class Survey:
    """The survey room of one desk (like kiosk.desk.officers.Officers)."""

    def __init__(self, desk: Desk):
        self.desk, self.db = desk, desk.db
        self.settings = desk.office.survey
        self._tickets = TicketRows(desk.db)

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.settings.questions

    @store_errors(read=True)
    def rateable(self, code: str) -> int:
        """The ticket's number when it can be rated now; a refusal otherwise (the lobby asks
        before showing nine questions)."""
        ticket = find_ticket(self._tickets, code)
        if ticket.state != DONE:
            raise Refused("survey_not_served", number=ticket.number)
        if rows.answered(ticket.day, ticket.number):
            raise Refused("survey_answered", number=ticket.number)
        return ticket.number

    @store_errors(read=True)
    def answered(self, day: dt.date, number: int) -> bool:
        return rows.answered(day, number)

    @store_errors
    def answer(self, code: str, scores: Sequence[object], comment: str | None = "") -> Rated:
        """One response for a served ticket: nine scores 1–4, an optional comment."""
        checked = check_scores(scores)
        text = check_text(comment, "survey_comment", max_len=COMMENT_MAX)
        follow_up = bool(text) or checked[COMPLAINTS] <= LOW_COMPLAINTS
        with self.db.atomic():
            ticket = find_ticket(self._tickets, code)
            if ticket.state != DONE:
                raise Refused("survey_not_served", number=ticket.number)
            if not rows.record(ticket.day, ticket.number, checked, text, follow_up):
                raise Refused("survey_answered", number=ticket.number)
        return Rated(ticket.day, follow_up)

    @store_errors(read=True)
    def report(self, first: dt.date | None = None, last: dt.date | None = None) -> SurveyReport:
        """The period first..last (default: from the first day on record to today)."""
        last = last or self.desk.today()
        first = first or rows.first_day() or last
        found = rows.responses(first, last)
        scores = tuple(r.scores for r in found)
        means = index.nrr(scores)
        population = rows.served(first, last, DONE)
        ikm = index.ikm(means, self.settings.weight) if means else None
        return SurveyReport(
            first=first, last=last, questions=self.questions, respondents=len(found),
            population=population, minimum_sample=index.minimum_sample(population),
            nrr=means, weight=self.settings.weight, ikm=ikm,
            grade=index.grade(ikm) if ikm is not None else None, scores=scores,
            follow_ups=sum(1 for r in found if r.follow_up))

    @store_errors(read=True)
    def follow_ups(self, first: dt.date, last: dt.date) -> tuple[FollowUp, ...]:
        """The supervisor's list: a low score on complaints handling, or a comment."""
        return tuple(FollowUp(r.day, r.scores[COMPLAINTS], r.comment)
                     for r in rows.follow_ups(first, last))
