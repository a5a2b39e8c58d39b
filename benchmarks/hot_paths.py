"""Book, call next, today's status and a quarter's report through the desk, against the same
statements run by hand (benchmarks/raw.py), the two sides in turns (benchmarks/paired.py).

The inputs are what the terminals send: walk-ins for today, each with a NIK and a
telephone (checked by the desk as at the lobby); call next on today's queue, which moves
on (each called number is then marked a no-show, untimed); today's status read after a
ticket has changed (a recall, untimed: the board reads after every change, and the rows
that did not change are what a terminal would have read before); a report of 93 days
read cold (a window of days not read before by either side), counted by the store
(data/report_counts.py), against the raw side running the same statement; the survey
report over a year of responses (benchmarks/survey_year.py)."""

from __future__ import annotations

import datetime as dt
import itertools

from benchmarks import survey_year
from benchmarks.paired import paired
from benchmarks.raw import RawDesk
from kiosk.desk.report import MAX_DAYS, build_report
from kiosk.desk.report_hours import hour_spans

OFFICER = "Benchmark"
PHONE = "081234567890"


def niks():
    """Distinct, valid NIKs (one identity holds one number a day)."""
    for n in itertools.count(1):
        yield f"537101410190{n:04d}"


def measure(desk, raw: RawDesk, rounds: int, per_round: int, report_rounds: int,
            recent_days: int) -> dict:
    today = desk.today()
    desk.set_quota(today, 999, "benchmark", actor=OFFICER)
    ids = niks()
    result: dict = {}

    # Today's status: the day's usual fifteen, one of them called and recalled between reads.
    first = [desk.book("perpajakan", "Maria Goreti Bria", nik=next(ids), phone=PHONE)
             for _ in range(15)]
    called = desk.call_next(1, OFFICER)
    result["status"] = paired(lambda: desk.status(), lambda: raw.status(today), rounds, per_round,
                              before=lambda: desk.recall(called.code, 1, OFFICER))
    desk.no_show(called.code, 1, OFFICER)

    # Walk-ins for today with an identity and a telephone, both sides into the same day.
    result["book"] = paired(
        lambda: desk.book("perpajakan", "Yohanes Ndun", nik=next(ids), phone=PHONE),
        lambda: raw.book(today, "Yohanes Ndun", "nik", next(ids), PHONE), rounds, per_round)

    # Call next on that queue: the desk at counter 1, the raw side at counter 2.
    mine: list = []
    theirs: list = []
    result["call_next"] = paired(
        lambda: mine.append(desk.call_next(1, OFFICER)),
        lambda: theirs.append(raw.call_next(today, 2)), rounds, per_round,
        after_ours=lambda: desk.no_show(mine[-1].code, 1, OFFICER),
        after_base=lambda: raw.release(theirs[-1]))
    assert len(first) == 15

    # A quarter's report, cold: windows of 93 distinct days before today, a new one for every
    # report of either side (cycling when the store has fewer).
    windows = max(1, recent_days // MAX_DAYS)
    starts = itertools.cycle(today - dt.timedelta(days=MAX_DAYS * (w + 1)) for w in range(windows))
    span = dt.timedelta(days=MAX_DAYS - 1)
    window: list[dt.date] = []

    def next_window() -> None:
        window[:] = [next(starts)]

    # The raw side is given the zone's offset spans of each window, worked out untimed.
    spans = {w: hour_spans(desk.office.zone, w, w + span) for w in
             (today - dt.timedelta(days=MAX_DAYS * (i + 1)) for i in range(windows))}
    result["report"] = paired(lambda: build_report(desk, window[0], window[0] + span),
                              lambda: raw.report(window[0], window[0] + span, today,
                                                 spans[window[0]]),
                              report_rounds, 3, before=next_window)
    result["report"]["days"] = MAX_DAYS
    last = today - dt.timedelta(days=MAX_DAYS)
    result["report"]["tickets_read"] = build_report(desk, last, last + span).total.issued
    result["report"]["rows_read"] = raw.report(last, last + span, today, spans[last])
    result["survey"] = survey_year.measure(desk, raw, report_rounds)
    return result
