"""The report of a day or a range of days: what the Help Desk issued and served.

Counted from the tickets themselves (their states and timestamps):
- issued: every number given out on those days (cancelled ones included);
- served: finished (done); cancelled: cancelled;
- no-shows: marked no-show, or called and never served before the day ended (expired);
- wait: from arrival to the first call; service time: from start to finish;
- by hour: by the local hour the taxpayer arrived (numbers that never arrived are left out).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from kiosk.desk import states
from kiosk.desk.desk import Desk
from kiosk.desk.errors import InvalidInput
from kiosk.desk.records import TicketView

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

    def csv_rows(self) -> list[list[str]]:
        rows = [list(CSV_COLUMNS)]
        period = (self.start.isoformat(), self.end.isoformat())
        lines = [("total", ReportLine("all", self.total))]
        lines += [("service", line) for line in self.by_service]
        lines += [("hour", line) for line in self.by_hour]
        for scope, line in lines:
            f = line.figures
            rows.append([*period, scope, line.label, str(f.issued), str(f.served),
                         str(f.no_shows), str(f.cancelled), _minutes(f.average_wait),
                         _minutes(f.longest_wait), _minutes(f.average_service)])
        return rows

    def to_csv(self) -> str:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(self.csv_rows())
        return out.getvalue()


CSV_COLUMNS = ("start", "end", "scope", "label", "issued", "served", "no_shows", "cancelled",
               "average_wait_minutes", "longest_wait_minutes", "average_service_minutes")


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
    )


def build_report(desk: Desk, start: dt.date, end: dt.date | None = None) -> Report:
    end = end or start
    if end < start or (end - start).days >= MAX_DAYS:
        raise InvalidInput("end", "counter_report_range", days=MAX_DAYS)
    tickets: list[TicketView] = []
    day = start
    while day <= end:
        tickets.extend(desk.status(day).tickets)
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
    return Report(start, end, figures(tickets), by_service, by_hour)
