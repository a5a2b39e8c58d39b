"""The survey report over a year of responses (the office publishes it: kiosk survey report,
the counter's survey screen), through the desk and its tabulation CSV, against the same
statements run by hand.

The store is given three years of responses (RESPONSES_A_DAY each day before today; the
year read is the last one). The raw side runs the very statements the desk sent for one
report (caught from the store's execute_sql) and fetches their rows; the desk adds making
the rows into responses, the means, the index and the CSV."""

from __future__ import annotations

import datetime as dt

import peewee

from benchmarks.paired import paired
from benchmarks.raw import RawDesk
from kiosk.desk.survey import Survey
from kiosk.desk.survey_tabulation import tabulation_csv

YEARS, RESPONSES_A_DAY = 3, 12
SCORES = ", ".join(f"u{i}" for i in range(1, 10))
# Scores 1–4 spread over the elements by the response's index; a few comments.
_VALUES = (", ".join(f"1 + (i / {k}) % 4" for k in (1, 2, 3, 5, 7, 11, 13, 17, 19))
           + ", CASE WHEN i % 10 = 0 THEN 'antre lama' ELSE '' END, i % 10 = 0")


def fill(desk, today: dt.date) -> int:
    """YEARS years of responses before ``today``; how many."""
    n = YEARS * 365 * RESPONSES_A_DAY
    first = today - dt.timedelta(days=YEARS * 365)
    into = f"INSERT INTO survey_response (id, day, {SCORES}, comment, follow_up) "
    if isinstance(desk.db, peewee.PostgresqlDatabase):
        desk.db.execute_sql(
            into + f"SELECT 'S' || i, CAST(%s AS DATE) + i / {RESPONSES_A_DAY}, "
            + _VALUES.replace("%", "%%") + " "
            "FROM generate_series(0, %s - 1) AS g(i)", (first.isoformat(), n))
    else:
        with desk.db.atomic():
            desk.db.execute_sql(
                "WITH RECURSIVE g(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM g WHERE i < ?) "
                + into + f"SELECT 'S' || i, date(?, '+' || (i / {RESPONSES_A_DAY}) || ' days'), "
                + _VALUES + " FROM g",
                (n - 1, first.isoformat()))
    return n


def caught(desk, action) -> list[tuple[str, tuple]]:
    """The statements ``action()`` sends through the desk's store, in order."""
    seen: list[tuple[str, tuple]] = []
    send = desk.db.execute_sql

    def execute_sql(sql, params=None, *args, **kwargs):
        seen.append((sql, tuple(params or ())))
        return send(sql, params, *args, **kwargs)

    desk.db.execute_sql = execute_sql
    try:
        action()
    finally:
        del desk.db.execute_sql
    return seen


def measure(desk, raw: RawDesk, rounds: int) -> dict:
    today = desk.today()
    responses = fill(desk, today)
    survey = Survey(desk)
    first, last = today - dt.timedelta(days=365), today - dt.timedelta(days=1)

    def ours() -> str:
        return tabulation_csv(survey.report(first, last))

    statements = caught(desk, ours)
    result = paired(ours, lambda: raw.each(statements), rounds, 3)
    result.update(responses_stored=responses, statements=len(statements),
                  rows_read=raw.each(statements), days=365)
    return result
