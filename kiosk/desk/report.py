"""The report of a day or a range of days: what the Help Desk issued and served.

Counted from the tickets themselves (their states and timestamps), by the store
(data.report_counts: one statement of GROUP BYs over the range, not the tickets read):
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
from collections.abc import Iterable
from dataclasses import dataclass

from data.report_counts import (AHEAD, COUNTER, DAY, HOUR, OFFICER, OPEN_TODAY, OUTCOME,
                                SERVICE, TOPIC, Counted)
from kiosk.desk import states
from kiosk.desk.desk import Desk
from kiosk.desk.errors import InvalidInput
from kiosk.desk.report_hours import hour_spans

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
STILL_OPEN = states.STILL_OPEN


def _minutes(seconds: float | None) -> str:
    return "" if seconds is None else f"{seconds / 60:.1f}"


class Tally:
    """A group's counts added up (the total is the sum of the days)."""

    def __init__(self) -> None:
        self.counts = [0, 0, 0, 0, 0]  # issued, served, no-shows, cancelled, still waiting
        self.waits, self.wait_us, self.longest_us = 0, 0, -1
        self.services, self.service_us = 0, 0

    def add(self, row: Counted) -> None:
        for i, value in enumerate((row.issued, row.served, row.no_shows, row.cancelled,
                                   row.still_waiting)):
            self.counts[i] += value
        if row.waits:
            self.waits += row.waits
            self.wait_us += row.wait_us or 0
            self.longest_us = max(self.longest_us, row.longest_wait_us or 0)
        if row.services:
            self.services += row.services
            self.service_us += row.service_us or 0

    def figures(self) -> Figures:
        issued, served, no_shows, cancelled, still_waiting = self.counts
        return Figures(
            issued=issued, served=served, no_shows=no_shows, cancelled=cancelled,
            average_wait=self.wait_us / 1e6 / self.waits if self.waits else None,
            longest_wait=self.longest_us / 1e6 if self.waits else None,
            average_service=self.service_us / 1e6 / self.services if self.services else None,
            still_waiting=still_waiting)


def lines(tallies: dict[str, Tally], order: Iterable[str] = ()) -> tuple[ReportLine, ...]:
    """The figures of each group that has tickets (``order`` first, then the rest sorted)."""
    first = [label for label in order if label in tallies]
    rest = sorted(label for label in tallies if label not in set(first))
    return tuple(ReportLine(label, tallies[label].figures()) for label in [*first, *rest])


def build_report(desk: Desk, start: dt.date, end: dt.date | None = None) -> Report:
    end = end or start
    if end < start or (end - start).days >= MAX_DAYS:
        raise InvalidInput("end", "counter_report_range", days=MAX_DAYS)
    today = desk.today()
    rows = desk.report_counts(start, end, today, hour_spans(desk.office.zone, start, end))
    scopes: dict[int, dict[str, Tally]] = {scope: {} for scope in
                                           (DAY, SERVICE, HOUR, TOPIC, OUTCOME, OFFICER, COUNTER)}
    total, booked_ahead, waiting = Tally(), 0, []
    for row in rows:
        if row.scope == AHEAD:
            booked_ahead = row.issued
        elif row.scope == OPEN_TODAY:
            waiting.append(int(row.label))
        else:
            if row.scope == DAY:
                total.add(row)
            label = f"{int(row.label):02d}:00" if row.scope == HOUR else row.label
            scopes[row.scope].setdefault(label, Tally()).add(row)
    services = scopes[SERVICE]
    return Report(
        start, end, total.figures(),
        by_service=tuple(ReportLine(s.code, services.get(s.code, Tally()).figures())
                         for s in desk.office.services),
        by_hour=lines(scopes[HOUR]),  # "09:00" sorts as the hour does
        by_day=lines(scopes[DAY]) if end > start else (),
        by_topic=lines(scopes[TOPIC]),
        by_outcome=lines(scopes[OUTCOME], order=("resolved", "follow_up")),
        by_officer=lines(scopes[OFFICER]),
        by_counter=lines(scopes[COUNTER]),
        waiting_numbers=tuple(sorted(waiting)),
        booked_ahead=booked_ahead)
