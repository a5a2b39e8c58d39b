"""The report of a day or a range of days: what the Help Desk issued and served.

Counted from the tickets themselves (their states and timestamps):
- issued: every number given out on those days (cancelled ones included);
- served: finished (done); cancelled: cancelled;
- no-shows: marked no-show, or called and never served before the day ended (expired);
- wait: from arrival to the first call; service time: from start to finish;
- still waiting: issued and not yet finished, cancelled or a no-show (waiting, called,
  being served, or booked for the day and not yet come), so the figures add up;
- by hour: by the local hour the taxpayer arrived (numbers that never arrived are left out);
- by day, service, topic, outcome, officer and counter: the same figures for each;
- bookings for days not yet come are not issued numbers: counted apart (booked_ahead).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kiosk.desk import states
from kiosk.desk.desk import Desk
from kiosk.desk.errors import InvalidInput
from kiosk.desk.records import FinishedView, TicketView

MAX_DAYS = 93  # a quarter at most: one read of the day each


@dataclass(frozen=True)
class Figures:
    issued: int
    served: int
    no_shows: int
    cancelled: int
    average_wait: float | None  # seconds
    longest_wait: float | None
    average_service: float | None
    still_waiting: int = 0

    def to_json(self) -> dict:
        return {"issued": self.issued, "served": self.served, "no_shows": self.no_shows,
                "cancelled": self.cancelled, "still_waiting": self.still_waiting,
                "average_wait_seconds": self.average_wait,
                "longest_wait_seconds": self.longest_wait,
                "average_service_seconds": self.average_service}


@dataclass(frozen=True)
class ReportLine:
    label: str
    figures: Figures


@dataclass(frozen=True)
class Report:
    start: dt.date
    end: dt.date
    total: Figures
    by_service: tuple[ReportLine, ...]
    by_hour: tuple[ReportLine, ...]
    by_day: tuple[ReportLine, ...] = ()
    by_topic: tuple[ReportLine, ...] = ()
    by_outcome: tuple[ReportLine, ...] = ()
    by_officer: tuple[ReportLine, ...] = ()
    by_counter: tuple[ReportLine, ...] = ()
    waiting_numbers: tuple[int, ...] = ()  # today's numbers still in the queue
    booked_ahead: int = 0  # bookings for days not yet come: not issued yet

    def scopes(self) -> list[tuple[str, ReportLine]]:
        """Every line with its scope, in the order of the screen, the CSV and the JSON."""
        lines = [("total", ReportLine("all", self.total))]
        for scope in SCOPES:
            lines += [(scope, line) for line in getattr(self, f"by_{scope}")]
        return lines

    def csv_rows(self) -> list[list[str]]:
        rows = [list(CSV_COLUMNS)]
        period = (self.start.isoformat(), self.end.isoformat())
        for scope, line in self.scopes():
            f = line.figures
            rows.append([*period, scope, line.label, str(f.issued), str(f.served),
                         str(f.no_shows), str(f.cancelled), _minutes(f.average_wait),
                         _minutes(f.longest_wait), _minutes(f.average_service),
                         str(f.still_waiting)])
        return rows

    def to_json(self) -> dict:
        """The same lines as the CSV, figure by figure (seconds, not rounded minutes)."""
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "lines": [{"scope": scope, "label": line.label, **line.figures.to_json()}
                          for scope, line in self.scopes()],
                "waiting_numbers": list(self.waiting_numbers),
                "booked_ahead": self.booked_ahead}

    def to_csv(self) -> str:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(self.csv_rows())
        return out.getvalue()


CSV_COLUMNS = ("start", "end", "scope", "label", "issued", "served", "no_shows", "cancelled",
               "average_wait_minutes", "longest_wait_minutes", "average_service_minutes",
               "still_waiting")
SCOPES = ("service", "hour", "day", "topic", "outcome", "officer", "counter")
STILL_OPEN = (states.BOOKED, states.WAITING, states.CALLED, states.SERVING)


def _minutes(seconds: float | None) -> str:
    return "" if seconds is None else f"{seconds / 60:.1f}"


def is_no_show(t: TicketView) -> bool:
    return t.state == states.NO_SHOW or (
        t.state == states.EXPIRED and t.called_at is not None and t.started_at is None)


def figures(tickets: list[TicketView]) -> Figures:
    waits = [t.waited_seconds for t in tickets if t.waited_seconds is not None]
    spans = [t.served_seconds for t in tickets if t.served_seconds is not None]
    return Figures(
        issued=len(tickets),
        served=sum(1 for t in tickets if t.state == states.DONE),
        no_shows=sum(1 for t in tickets if is_no_show(t)),
        cancelled=sum(1 for t in tickets if t.state == states.CANCELLED),
        average_wait=sum(waits) / len(waits) if waits else None,
        longest_wait=max(waits) if waits else None,
        average_service=sum(spans) / len(spans) if spans else None,
        still_waiting=sum(1 for t in tickets if t.state in STILL_OPEN),
    )


def grouped(tickets: list[TicketView], key: Callable[[TicketView], str | None],
            order: Iterable[str] = ()) -> tuple[ReportLine, ...]:
    """The figures of each group (``order`` first, then the rest sorted); None: no group."""
    groups: dict[str, list[TicketView]] = {label: [] for label in order}
    for t in tickets:
        label = key(t)
        if label is not None:
            groups.setdefault(label, []).append(t)
    rest = sorted(label for label in groups if label not in set(order))
    return tuple(ReportLine(label, figures(groups[label])) for label in [*order, *rest]
                 if groups[label])


def build_report(desk: Desk, start: dt.date, end: dt.date | None = None) -> Report:
    end = end or start
    if end < start or (end - start).days >= MAX_DAYS:
        raise InvalidInput("end", "counter_report_range", days=MAX_DAYS)
    tickets: list[TicketView] = []
    today, booked_ahead = desk.today(), 0
    day = start
    while day <= end:
        for t in desk.status(day).tickets:
            if day > today and t.state == states.BOOKED:
                booked_ahead += 1  # not come yet: not an issued number of the period
            else:
                tickets.append(t)
        day += dt.timedelta(days=1)
    zone = desk.office.zone
    by_service = tuple(
        ReportLine(s.code, figures([t for t in tickets if t.service == s.code]))
        for s in desk.office.services)
    hours: dict[int, list[TicketView]] = {}
    for t in tickets:
        if t.arrived_at is not None:
            hours.setdefault(t.arrived_at.astimezone(zone).hour, []).append(t)
    by_hour = tuple(ReportLine(f"{h:02d}:00", figures(hours[h])) for h in sorted(hours))
    written: dict[str, FinishedView] = {f.code: f for f in desk.finished(start, end)}

    def topic(t: TicketView) -> str | None:
        done = written.get(t.code)
        return done.topic if done else None

    def outcome(t: TicketView) -> str | None:
        done = written.get(t.code)
        return done.outcome if done else None

    return Report(
        start, end, figures(tickets), by_service, by_hour,
        by_day=grouped(tickets, lambda t: t.date.isoformat()) if end > start else (),
        by_topic=grouped(tickets, topic),
        by_outcome=grouped(tickets, outcome, order=("resolved", "follow_up")),
        by_officer=grouped(tickets, lambda t: t.officer or None),
        by_counter=grouped(tickets, lambda t: str(t.counter) if t.counter else None),
        waiting_numbers=tuple(t.number for t in tickets
                              if t.date == today and t.state in STILL_OPEN),
        booked_ahead=booked_ahead)
