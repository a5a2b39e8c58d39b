"""The report counted by the store (data/report_counts.py) says what the tickets say.

Days of mixed work (walk-ins, bookings ahead, check-ins, calls, service, no-shows, returns,
cancels, transfers, numbers left unfinished at night, times to the microsecond), then each
report's JSON against an oracle written here: the tickets of each day read one by one
(``desk.status``) and counted in Python by the rules of the report's docstring — the way
the report was built before it counted in SQL. On both engines, and in zones whose offset
is not whole hours or changes inside the range (by the local hour of arrival).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest

from kiosk.desk.errors import DeskError
from kiosk.desk.report import MAX_DAYS, build_report

OPEN = ("booked", "waiting", "called", "serving")
DAYS = 6


def oracle(desk, start: dt.date, end: dt.date) -> dict:
    """The report's JSON, counted ticket by ticket."""
    today, zone = desk.today(), desk.office.zone
    tickets, ahead = [], 0
    day = start
    while day <= end:
        for t in desk.status(day).tickets:
            if day > today and t.state == "booked":
                ahead += 1
            else:
                tickets.append(t)
        day += dt.timedelta(days=1)
    done = {f.code: f for f in desk.finished(start, end)}

    def figures(group) -> dict:
        waits = [max(0.0, (t.called_at - t.arrived_at).total_seconds())
                 for t in group if t.arrived_at and t.called_at]
        spans = [max(0.0, (t.finished_at - t.started_at).total_seconds())
                 for t in group if t.started_at and t.finished_at]
        return {"issued": len(group),
                "served": sum(t.state == "done" for t in group),
                "no_shows": sum(t.state == "no_show" or (t.state == "expired"
                                                         and t.called_at is not None
                                                         and t.started_at is None)
                                for t in group),
                "cancelled": sum(t.state == "cancelled" for t in group),
                "still_waiting": sum(t.state in OPEN for t in group),
                "average_wait_seconds": sum(waits) / len(waits) if waits else None,
                "longest_wait_seconds": max(waits) if waits else None,
                "average_service_seconds": sum(spans) / len(spans) if spans else None}

    def by(scope, key, first=()):
        groups: dict[str, list] = {}
        for t in tickets:
            label = key(t)
            if label is not None:
                groups.setdefault(label, []).append(t)
        order = [g for g in first if g in groups] + sorted(set(groups) - set(first))
        return [{"scope": scope, "label": g, **figures(groups[g])} for g in order]

    lines = [{"scope": "total", "label": "all", **figures(tickets)}]
    lines += [{"scope": "service", "label": s.code,
               **figures([t for t in tickets if t.service == s.code])}
              for s in desk.office.services]
    lines += by("hour", lambda t: t.arrived_at and f"{t.arrived_at.astimezone(zone).hour:02d}:00")
    if end > start:
        lines += by("day", lambda t: t.date.isoformat())
    lines += by("topic", lambda t: done[t.code].topic if t.code in done else None)
    lines += by("outcome", lambda t: done[t.code].outcome if t.code in done else None,
                ("resolved", "follow_up"))
    lines += by("officer", lambda t: t.officer or None)
    lines += by("counter", lambda t: str(t.counter) if t.counter else None)
    return {"start": start.isoformat(), "end": end.isoformat(), "lines": lines,
            "waiting_numbers": [t.number for t in tickets if t.date == today and t.state in OPEN],
            "booked_ahead": ahead}


def same(report: dict, expected: dict) -> None:
    assert [(line["scope"], line["label"]) for line in report["lines"]] == [
        (line["scope"], line["label"]) for line in expected["lines"]]
    for line, want in zip(report["lines"], expected["lines"]):
        for name, value in want.items():
            got = line[name]
            if isinstance(value, float):
                assert got == pytest.approx(value, rel=1e-12, abs=1e-6), (line["label"], name)
            else:
                assert got == value, (line["scope"], line["label"], name)
    assert report["waiting_numbers"] == expected["waiting_numbers"]
    assert report["booked_ahead"] == expected["booked_ahead"]


def try_move(move, *args) -> None:
    try:
        move(*args)
    except DeskError:
        pass  # a move the random day made no sense for (nothing waiting, a state passed)


def busy_days(desk, clock, seed: int = 7) -> None:
    """DAYS days of mixed work from Monday 30 Nov 2026, the last one today, left open."""
    rng = random.Random(seed)
    officers = ("Budi", "Sari", "Dewi")
    for d in range(DAYS):
        clock.set(2026, 11, 30, 7, 30)
        clock.advance(days=d, seconds=rng.randint(0, 600), microseconds=rng.randint(0, 999_999))
        day = desk.today()
        for t in desk.status(day).tickets:
            if t.state == "booked" and rng.random() < 0.7:
                try_move(desk.check_in, t.code)
        for _ in range(rng.randint(6, 10)):
            clock.advance(seconds=rng.randint(30, 900), microseconds=rng.randint(0, 999_999))
            service = rng.choice(("perpajakan", "aplikasi"))
            if rng.random() < 0.25:
                ahead = day + dt.timedelta(days=rng.randint(1, 3))
                try_move(lambda: desk.book(service, "Yohanes", day=ahead))
            else:
                try_move(desk.book, service, "Maria")
            if rng.random() < 0.7:
                counter = rng.randint(1, 3)
                officer = officers[counter - 1]
                clock.advance(seconds=rng.randint(10, 1200), microseconds=rng.randint(0, 999_999))
                try:
                    called = desk.call_next(counter, officer)
                except DeskError:
                    continue
                clock.advance(seconds=rng.randint(5, 300), microseconds=rng.randint(0, 999_999))
                if rng.random() < 0.2:
                    desk.no_show(called.code, counter, officer)
                    if rng.random() < 0.5:
                        desk.return_to_queue(called.code, officer)
                else:
                    desk.start(called.code, counter, officer)
                    clock.advance(seconds=rng.randint(60, 1500), microseconds=rng.randint(0, 999_999))
                    desk.finish(called.code, counter, officer,
                                rng.choice(("SPT Tahunan", "e-Faktur", "NPWP")),
                                outcome=rng.choice(("resolved", "resolved", "follow_up")))
            waiting = desk.status(day).waiting
            if waiting and rng.random() < 0.15:
                desk.cancel(waiting[-1].code, "lobby", "pulang")
            if waiting and rng.random() < 0.15:
                try_move(desk.transfer, waiting[0].code, "aplikasi", None, "Budi")
        # At closing time: counter 1 leaves one called (on a past day: a no-show, not served),
        # counter 2 one being served (on a past day: expired, not a no-show).
        for counter in (1, 2):
            try:
                called = desk.call_next(counter, officers[counter - 1])
            except DeskError:
                continue
            if counter == 2:
                desk.start(called.code, counter, officers[1])


def ranges(desk):
    today = desk.today()
    first = today - dt.timedelta(days=DAYS - 1)
    return [(first, first), (first + dt.timedelta(days=2), first + dt.timedelta(days=2)),
            (today, today), (first, today), (first, today + dt.timedelta(days=5)),
            (today + dt.timedelta(days=1), today + dt.timedelta(days=3)),
            (today - dt.timedelta(days=MAX_DAYS - 1), today)]


def test_the_counts_of_the_store_are_the_tickets_counted_one_by_one(desk, clock):
    busy_days(desk, clock)
    for start, end in ranges(desk):
        same(build_report(desk, start, end).to_json(), oracle(desk, start, end))
    report = build_report(desk, *ranges(desk)[4]).to_json()
    total = report["lines"][0]
    # The random days reached every kind of line the report counts.
    assert total["issued"] > 30 and total["served"] and total["no_shows"] and total["cancelled"]
    assert total["still_waiting"] and report["booked_ahead"] and report["waiting_numbers"]
    assert {"hour", "day", "topic", "outcome", "officer", "counter"} <= {
        line["scope"] for line in report["lines"]}
    # The next morning, before any sweep: yesterday's numbers left in the queue, called or
    # being served are still stored so, and read as expired (a called one as a no-show).
    clock.advance(days=1)
    left = desk.db.execute_sql("SELECT COUNT(*) FROM ticket WHERE day < ? AND state IN "
                               "('waiting', 'called', 'serving')".replace("?", desk.db.param),
                               (desk.today().isoformat(),)).fetchone()[0]
    assert left >= 2
    for start, end in ranges(desk):
        same(build_report(desk, start, end).to_json(), oracle(desk, start, end))


@pytest.mark.parametrize("zone", ["Asia/Kathmandu", "Europe/Berlin", "America/St_Johns"])
def test_the_local_hour_of_arrival_in_any_zone(desk, clock, zone):
    """+5:45 all year; Berlin and St John's (−3:30/−2:30) leave summer time inside the range
    (25 Oct and 1 Nov 2026), so the range has two offsets, each hour counted in its own."""
    for d in range(12):  # arrivals around the clock, 24 Oct – 4 Nov 2026
        for h in range(0, 24, 5):
            clock.set(2026, 10, 24, h, 7, tz=dt.timezone.utc)
            clock.advance(days=d)
            try_move(desk.book, "perpajakan", "Ani")
    desk.office = replace(desk.office, timezone=zone)
    start, end = dt.date(2026, 10, 24), dt.date(2026, 11, 4)
    report = build_report(desk, start, end).to_json()
    same(report, oracle(desk, start, end))
    assert len([line for line in report["lines"] if line["scope"] == "hour"]) >= 5
