"""Book, call next and the day's status through the desk, against raw sqlite3 running the
same statements in one BEGIN IMMEDIATE transaction on the same file."""

from __future__ import annotations

import datetime as dt
import secrets
import sqlite3
import statistics
import time

from data.queries import TICKET_COLUMNS
from kiosk.desk.codes import CODE_ALPHABET


def timed(action, n: int, after=None) -> dict:
    """Median and p99 in microseconds of ``action``; ``after`` runs untimed between calls."""
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
        if after:
            after()
    samples.sort()
    return {"median_us": statistics.median(samples) * 1e6,
            "p99_us": samples[min(len(samples) - 1, int(len(samples) * 0.99))] * 1e6}


class RawDesk:
    """The desk's statements, run by hand with sqlite3: the best this file could do."""

    def __init__(self, path: str):
        self.conn = sqlite3.connect(path, isolation_level=None, timeout=5)
        self.conn.execute("PRAGMA busy_timeout=5000")
        self.conn.execute("PRAGMA synchronous=NORMAL")  # as the desk runs it

    def book(self, day: str) -> None:
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        c.execute("INSERT INTO day_counter (day, last_number, taken) VALUES (?, 0, 0) "
                  "ON CONFLICT (day) DO NOTHING", (day,))
        last, taken = c.execute("SELECT last_number, taken FROM day_counter WHERE day = ?", (day,)).fetchone()
        c.execute("SELECT quota, reason FROM quota_override WHERE day = ?", (day,)).fetchone()
        c.execute("UPDATE day_counter SET last_number = ?, taken = ? WHERE day = ?", (last + 1, taken + 1, day))
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
        c.execute("SELECT 1 FROM ticket WHERE code = ?", (code,)).fetchone()
        now = str(dt.datetime.utcnow())
        c.execute("INSERT INTO ticket (day, number, code, service, state, walk_in, visitor_name, "
                  "visitor_status, id_kind, id_number, phone, booked_at, arrived_at, call_count, "
                  "officer, topic, note, outcome) VALUES (?, ?, ?, 'perpajakan', 'booked', 0, "
                  "'Yohanes Ndun', 'self', '', '', '', ?, NULL, 0, '', '', '', '')",
                  (day, last + 1, code, now))
        c.execute("INSERT INTO audit_entry (at, actor, counter, action, day, ticket_code, "
                  "ticket_number, detail, reason) VALUES (?, 'lobby', NULL, 'book', ?, ?, ?, "
                  "'perpajakan booking', '')", (now, day, code, last + 1))
        c.execute("COMMIT")

    def call_next(self, day: str, counter: int) -> int:
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        c.execute("SELECT last_number, taken FROM day_counter WHERE day = ?", (day,)).fetchone()
        c.execute("SELECT number FROM ticket WHERE state IN ('called', 'serving') AND day = ? "
                  "AND counter = ? LIMIT 1", (day, counter)).fetchone()
        row = c.execute(f"SELECT {', '.join(TICKET_COLUMNS)} FROM ticket WHERE state = 'waiting' "
                        "AND day = ? ORDER BY number LIMIT 1", (day,)).fetchone()
        now = str(dt.datetime.utcnow())
        c.execute("UPDATE ticket SET state = 'called', called_at = ?, counter = ?, officer = ?, "
                  "call_count = 1 WHERE id = ?", (now, counter, "raw", row[0]))
        c.execute("INSERT INTO audit_entry (at, actor, counter, action, day, ticket_code, "
                  "ticket_number, detail, reason) VALUES (?, 'raw', ?, 'call', ?, ?, ?, '', '')",
                  (now, counter, day, row[3], row[2]))
        c.execute("COMMIT")
        return row[0]

    def release(self, ticket_id: int) -> None:
        self.conn.execute("UPDATE ticket SET state = 'waiting', counter = NULL WHERE id = ?",
                          (ticket_id,))

    def status(self, day: str) -> None:
        c = self.conn
        c.execute("SELECT quota, reason FROM quota_override WHERE day = ?", (day,)).fetchone()
        c.execute("SELECT last_number, taken FROM day_counter WHERE day = ?", (day,)).fetchone()
        c.execute(f"SELECT {', '.join(TICKET_COLUMNS)} FROM ticket WHERE day = ? ORDER BY number",
                  (day,)).fetchall()


def measure(desk, raw: RawDesk | None, n: int) -> dict:
    """The three hot paths on this desk (and the raw baseline when given)."""
    today = desk.today()
    book_day = today + dt.timedelta(days=1)
    raw_day = today + dt.timedelta(days=2)
    status_day = today + dt.timedelta(days=3)
    for day in (today, book_day, raw_day, status_day):
        desk.set_quota(day, 999, "benchmark", actor="benchmark")
    result: dict = {}

    result["book"] = timed(lambda: desk.book("perpajakan", "Yohanes Ndun", day=book_day), n)
    if raw:
        result["book_raw"] = timed(lambda: raw.book(raw_day.isoformat()), n)

    # Call next: the day's walk-ins waiting; after each call the ticket goes back to the
    # queue (no-show, then return), untimed, so every call finds the same queue.
    for _ in range(15):
        desk.book("aplikasi", "Maria Goreti Bria")
    called: list = []

    def back_to_queue():
        desk.no_show(called[-1].code, 1, "Benchmark")
        desk.return_to_queue(called[-1].code, "Benchmark")

    result["call_next"] = timed(lambda: called.append(desk.call_next(1, "Benchmark")), n,
                                after=back_to_queue)
    if raw:
        ids: list = []
        result["call_next_raw"] = timed(lambda: ids.append(raw.call_next(today.isoformat(), 2)), n,
                                        after=lambda: raw.release(ids[-1]))

    # The status of a day with the day's usual fifteen tickets.
    for _ in range(15):
        desk.book("perpajakan", "Yohanes Ndun", day=status_day)
    result["status"] = timed(lambda: desk.status(status_day), n)
    if raw:
        result["status_raw"] = timed(lambda: raw.status(status_day.isoformat()), n)

    # The day's report over that day: kiosk/report.py reads it with one desk.status() (the
    # same prepared statements), then counts in Python; the raw side runs those statements.
    from kiosk.desk.report import build_report

    result["report"] = timed(lambda: build_report(desk, status_day, status_day), n)
    if raw:
        result["report_raw"] = timed(lambda: raw.status(status_day.isoformat()), n)
    return result
