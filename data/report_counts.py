"""The report's figures counted by the store: one statement for a range of days.

A quarter holds thousands of tickets; reading them all into Python to count them was 4–5×
the cost of the reads themselves (benchmarks/). Here each grouping the report shows (per
day, service, local hour of arrival, topic, outcome, officer and counter) is one GROUP BY,
the groupings joined by UNION ALL into one statement, so Python sees a few dozen rows.
Each is a search of the ``day`` index (tests/test_query_plans.py). Durations are counted
in whole microseconds, as the ticket's own times hold them, so the sums are exact.

The states are the desk's (kiosk.desk.states), passed in: a past day's unfinished ticket
counts as expired, as the day's status reads it, and a booking for a day not yet come is
not an issued number (counted apart).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple, Sequence

import peewee

from data.database import engine

# The scopes of the rows, in the statement's first column.
DAY, SERVICE, HOUR, TOPIC, OUTCOME, OFFICER, COUNTER, AHEAD, OPEN_TODAY = range(9)

# An hour span: arrivals from ``start`` to ``end`` (naive UTC, None: no bound) are in the
# office's zone ``offset`` seconds from UTC. Usually one, unbounded; more where the zone's
# offset changes inside the range (summer time).
Span = tuple[dt.datetime | None, dt.datetime | None, int]


class Counted(NamedTuple):
    """One group's counts (durations in microseconds); for AHEAD only ``issued``, for
    OPEN_TODAY one row a number (its label) still in today's queue."""

    scope: int
    label: str
    issued: int
    served: int
    no_shows: int
    cancelled: int
    still_waiting: int
    waits: int
    wait_us: int | None
    longest_wait_us: int | None
    services: int
    service_us: int | None


def _micros(postgres: bool, since: str, until: str) -> str:
    """``until - since`` in whole microseconds, never below 0; NULL if either is NULL."""
    if postgres:
        diff = f"CAST(EXTRACT(EPOCH FROM ({until} - {since})) * 1000000 AS BIGINT)"
        clamp = f"GREATEST(0, {diff})"
    else:  # the stored text: whole seconds, then its six digits of fraction, if any
        diff = (f"((strftime('%s', {until}) - strftime('%s', {since})) * 1000000 "
                f"+ CAST(substr({until}, 21, 6) AS INTEGER) "
                f"- CAST(substr({since}, 21, 6) AS INTEGER))")
        clamp = f"MAX(0, {diff})"
    return f"CASE WHEN {since} IS NOT NULL AND {until} IS NOT NULL THEN {clamp} END"


def _listed(values: Sequence[str]) -> str:
    assert all(re.fullmatch(r"[a-z_]+", v) for v in values)  # the desk's state names
    return ", ".join(f"'{v}'" for v in values)


@lru_cache(maxsize=16)
def statement(postgres: bool, spans: int, unfinished: tuple[str, ...],
              still_open: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The statement for ``spans`` hour spans, with ``$name`` markers made the engine's
    placeholders, and the names of its parameters in order (see ``parameters``)."""
    unfinished_in, open_in = _listed(unfinished), _listed(still_open)
    expired = f"(state = 'expired' OR (day < $today AND state IN ({unfinished_in})))"
    no_show = (f"((state = 'no_show' AND day >= $today) OR ({expired} "
               "AND called_at IS NOT NULL AND started_at IS NULL))")
    hours = []
    for i in range(spans):
        if postgres:
            hour = f"CAST(EXTRACT(HOUR FROM arrived_at + $shift{i} * INTERVAL '1 second') AS INTEGER)"
        else:
            hour = f"CAST(strftime('%H', arrived_at, $shift{i}) AS INTEGER)"
        hours.append(hour if spans == 1 else
                     f"WHEN arrived_at >= $from{i} AND arrived_at < $to{i} THEN {hour}")
    # Each issued ticket once, with its labels (NULL: in no group of that scope) and what it
    # counts for: worked out once a ticket, then counted by each grouping.
    issued = ("WITH issued AS MATERIALIZED (SELECT CAST(day AS TEXT) AS d, service AS svc, "
              f"{hours[0] if spans == 1 else 'CASE ' + ' '.join(hours) + ' END'} AS h, "
              "CASE WHEN state = 'done' THEN topic END AS tp, "
              "CASE WHEN state = 'done' THEN outcome END AS oc, "
              "CASE WHEN officer <> '' THEN officer END AS off, "
              "CASE WHEN counter <> 0 THEN CAST(counter AS TEXT) END AS ctr, "
              "CASE WHEN state = 'done' THEN 1 ELSE 0 END AS served, "
              f"CASE WHEN {no_show} THEN 1 ELSE 0 END AS no_show, "
              "CASE WHEN state = 'cancelled' THEN 1 ELSE 0 END AS cancelled, "
              f"CASE WHEN state IN ({open_in}) AND day >= $today THEN 1 ELSE 0 END AS still, "
              f"{_micros(postgres, 'arrived_at', 'called_at')} AS w, "
              f"{_micros(postgres, 'started_at', 'finished_at')} AS s "
              "FROM ticket WHERE day >= $start AND day <= $end "
              "AND NOT (day > $today AND state = 'booked')) ")
    figures = ("COUNT(*), SUM(served), SUM(no_show), SUM(cancelled), SUM(still), "
               "COUNT(w), SUM(w), MAX(w), COUNT(s), SUM(s)")
    parts = [f"SELECT {scope}, CAST({label} AS TEXT), {figures} FROM issued "
             f"WHERE {label} IS NOT NULL GROUP BY 2"
             for scope, label in ((DAY, "d"), (SERVICE, "svc"), (HOUR, "h"), (TOPIC, "tp"),
                                  (OUTCOME, "oc"), (OFFICER, "off"), (COUNTER, "ctr"))]
    rest = "0, 0, 0, 0, 0, NULL, NULL, 0, NULL"  # the figures after the first
    parts.append(f"SELECT {AHEAD}, '', COUNT(*), {rest} FROM ticket "
                 "WHERE day > $today AND day >= $start AND day <= $end AND state = 'booked'")
    parts.append(f"SELECT {OPEN_TODAY}, CAST(number AS TEXT), 0, {rest} FROM ticket "
                 "WHERE day = $today AND day >= $start AND day <= $end "
                 f"AND state IN ({open_in})")
    sql = issued + " UNION ALL ".join(parts)
    names = tuple(re.findall(r"\$(\w+)", sql))
    return re.sub(r"\$\w+", "%s" if postgres else "?", sql), names


def parameters(postgres: bool, names: tuple[str, ...], start: dt.date, end: dt.date,
               today: dt.date, spans: Sequence[Span]) -> tuple:
    values: dict[str, object] = {"start": start.isoformat(), "end": end.isoformat(),
                                 "today": today.isoformat()}
    lowest, highest = dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31)
    for i, (since, until, offset) in enumerate(spans):
        values[f"shift{i}"] = offset if postgres else f"{offset:+d} seconds"
        since, until = since or lowest, until or highest
        values[f"from{i}"] = since if postgres else str(since)
        values[f"to{i}"] = until if postgres else str(until)
    return tuple(values[name] for name in names)


class ReportCounts:
    """The report's counts of a range of days (kiosk.desk.report makes its figures)."""

    def __init__(self, db: peewee.Database, unfinished: Sequence[str], still_open: Sequence[str]):
        self.db = db
        self.postgres = engine(db) == "postgresql"
        self.unfinished, self.still_open = tuple(unfinished), tuple(still_open)

    def counted(self, start: dt.date, end: dt.date, today: dt.date,
                spans: Sequence[Span]) -> list[Counted]:
        sql, names = statement(self.postgres, len(spans), self.unfinished, self.still_open)
        params = parameters(self.postgres, names, start, end, today, spans)
        return [counted(row) for row in self.db.execute_sql(sql, params).fetchall()]


def counted(row: Sequence) -> Counted:
    """A row of the statement (PostgreSQL sums are Decimals; SQLite's labels may be text)."""
    (scope, label, issued, served, no_shows, cancelled, still_waiting, waits, wait_us, longest,
     services, service_us) = row
    return Counted(int(scope), str(label), int(issued), int(served), int(no_shows),
                   int(cancelled), int(still_waiting), int(waits), _whole(wait_us),
                   _whole(longest), int(services), _whole(service_us))


def _whole(value: int | Decimal | None) -> int | None:
    return None if value is None else int(value)
