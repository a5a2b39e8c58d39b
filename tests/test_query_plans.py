"""Every query a terminal runs is served by an index: none walks a table that grows with
the years (tickets, the audit log, one row a day) from end to end.

The test drives the desk, the officers, the day's report and the counter's audit view
through their real operations over many days of a store of a few hundred tickets, and
catches every statement they send (the database's execute_sql, wrapped). Then the store
is filled with tens of thousands of older rows and each statement's plan is read:
SQLite's ``EXPLAIN QUERY PLAN`` (without statistics, as a terminal's store runs, and
after ``ANALYZE``), PostgreSQL's ``EXPLAIN`` after ``ANALYZE`` — the plan the server
would really choose on a store of that size. (``enable_seqscan=off`` would hide the
worst case: a walk of the whole primary-key index filtering every row, the audit view's
shape, looks like an index scan.)

A plan fails on a scan of a growing table — SQLite ``SCAN t`` (with or without ``USING
… INDEX``: a whole index walked is a whole table walked), PostgreSQL ``Seq Scan`` or an
index scan with no index condition — unless the statement is bounded by itself: no
WHERE, a LIMIT, rows taken in index order (the newest audit entry).
"""

from __future__ import annotations

import datetime as dt
import json
import re

import peewee
import pytest

from conftest import ALWAYS_OPEN
from kiosk.desk.errors import DeskError
from kiosk.desk.officers import Officers
from kiosk.desk.report import MAX_DAYS, build_report
from kiosk.desk.store import open_desk
from kiosk.desk.survey import Survey

# Tables that hold a handful of rows whatever the years: a scan of them costs nothing
# (counter_session: one row per officer at most).
SMALL_TABLES = {"schema_version", "service", "officer", "audit_head", "counter_session"}
# Statements that are a walk of the whole log by design, not a terminal's query: the
# audit chain's check reads every entry once (kiosk audit verify, the audit view's mark).
WHOLE_LOG_WALKS = ("FROM audit_entry ORDER BY id",)
FILLER_DAYS, FILLER_PER_DAY = 3000, 15
DAYS_DRIVEN = 21
SCORES = ", ".join(f"u{i}" for i in range(1, 10))


class Catcher:
    """Every statement sent through ``db.execute_sql``, with its parameters."""

    def __init__(self, db: peewee.Database):
        self.db = db
        self.seen: dict[str, tuple] = {}
        self._send = db.execute_sql

        def execute_sql(sql, params=None, *args, **kwargs):
            self.seen.setdefault(sql, tuple(params or ()))
            return self._send(sql, params, *args, **kwargs)

        db.execute_sql = execute_sql  # type: ignore[method-assign]

    def stop(self) -> None:
        del self.db.execute_sql


def refused(action, *args, **kwargs) -> None:
    with pytest.raises(DeskError):
        action(*args, **kwargs)


def drive(desk, clock) -> None:
    """What the terminals do over three weeks: walk-ins with an identity and a telephone,
    bookings checked in, calls, recalls, service, no-shows, cancels, transfers, the day
    read after each move, quotas, logins (right, wrong, unknown, disabled; a lockout runs
    the same statements as a wrong try), officers kept, the survey answered at the lobby and
    its report, the day's report and the audit view."""
    officers, survey = Officers(desk), Survey(desk)
    officers.add("Supervisor Satu", "supervisor", "1234", actor="setup")
    officers.add("Petugas Dua", "officer", "5678", actor="Supervisor Satu")
    officers.list()
    officers.any()
    watcher = desk.watch()
    booked: list[str] = []
    seq = 0
    for d in range(DAYS_DRIVEN):
        clock.set(2026, 11, 30, 8, 0)
        clock.advance(days=d)
        today = desk.today()
        desk.set_quota(today + dt.timedelta(days=2), 20, "banyak tamu", actor="Supervisor Satu")
        desk.bookable_days(limit=3)
        if d in (0, DAYS_DRIVEN - 1):  # (each PIN checked costs Argon2's half second)
            officers.login("Petugas Dua", "5678", counter=1)
            refused(officers.login, "Petugas Dua", "0000", counter=1)
            # A counter's session: opened, refused at another counter, kept, ended.
            session = officers.open_session("Petugas Dua", "5678", 1)
            refused(officers.open_session, "Petugas Dua", "5678", 2)
            officers.check_session(session)
            officers.keep_session(session)
            officers.end_session(session)
        refused(officers.login, "Tidak Ada", "0000", counter=2)
        for code in booked:
            desk.check_in(code)
        booked = []
        tickets = []
        for i in range(10):
            seq += 1
            who = ({"npwp": "02.345.678.3-109.000"} if i == 0 else
                   {"nik": f"537101410190{seq % 10000:04d}"})
            tickets.append(desk.book("perpajakan" if i % 2 else "aplikasi", "Budi Santoso",
                                     phone="081234567890", **who))
            desk.status()
            desk.ahead_of(tickets[-1].code)
        for i in range(3):
            seq += 1
            ahead = desk.book("perpajakan", "Siti Rahmawati", nik=f"537102651285{seq % 10000:04d}",
                              day=today + dt.timedelta(days=1))
            booked.append(ahead.code)
        desk.ticket(tickets[0].code)
        desk.detail(tickets[0].code)
        desk.cancel(tickets[-1].code, "lobby", reason="pulang")
        desk.transfer(tickets[-2].code, "perpajakan", None, "Petugas Dua")
        for step in range(6):
            called = desk.call_next(1, "Petugas Dua")
            desk.status()
            watcher.changed()
            if step == 1:
                desk.no_show(called.code, 1, "Petugas Dua")
                desk.return_to_queue(called.code, "Petugas Dua")
                continue
            desk.recall(called.code, 1, "Petugas Dua")
            desk.start(called.code, 1, "Petugas Dua")
            desk.finish(called.code, 1, "Petugas Dua", topic="SPT", note="beres")
            if step == 0:  # the taxpayer rates the service at the lobby
                survey.rateable(called.code)
                survey.answer(called.code, [4, 3, 4, 4, 3, 4, 4, 2, 4], "cepat" if d % 2 else "")
        clock.advance(hours=9)
        officers.audit(today)
        officers.audit()
    officers.reset_pin("Petugas Dua", "4321", actor="Supervisor Satu")
    officers.set_active("Petugas Dua", False, actor="Supervisor Satu")
    refused(officers.login, "Petugas Dua", "4321", counter=1)
    officers.set_active("Petugas Dua", True, actor="Supervisor Satu")
    clock.set(2026, 11, 30, 8, 0)
    clock.advance(days=DAYS_DRIVEN)  # the morning after: the last day's left-overs expire
    desk.expire_past_days()
    desk.status(desk.today() - dt.timedelta(days=1))
    end = desk.today()
    build_report(desk, end - dt.timedelta(days=MAX_DAYS - 1), end)
    officers.audit(end - dt.timedelta(days=3))
    survey.report(end - dt.timedelta(days=365), end)  # a year of responses
    survey.report()
    survey.follow_ups(end - dt.timedelta(days=30), end)
    survey.answered(end - dt.timedelta(days=2), 1)
    officers.verify_audit()
    watcher.close()


def fill(db: peewee.Database, postgres: bool) -> None:
    """Years of older days: tickets, their audit entries and survey answers, a counter row and
    a quota a day."""
    first = dt.date(2010, 1, 4)
    n = FILLER_DAYS * FILLER_PER_DAY
    if postgres:
        db.execute_sql(
            "INSERT INTO ticket (day, number, code, service, state, walk_in, visitor_name, "
            "visitor_status, id_kind, id_number, phone, booked_at, arrived_at, call_count, "
            "officer, topic, note, outcome) "
            "SELECT %s::date + g / %s, g %% %s + 1, 'F' || g, 'perpajakan', 'done', true, 'W', "
            "'self', '', '', '', %s::date + g / %s, %s::date + g / %s, 1, 'P', 'SPT', '', 'resolved' "
            "FROM generate_series(0, %s - 1) AS g",
            (first, FILLER_PER_DAY, FILLER_PER_DAY, first, FILLER_PER_DAY, first, FILLER_PER_DAY, n))
        db.execute_sql(
            "INSERT INTO audit_entry (at, actor, action, day, ticket_code, ticket_number, detail, "
            "reason) SELECT %s::date + g / %s, 'lobby', 'book', %s::date + g / %s, 'F' || g, "
            "g %% %s + 1, '', '' FROM generate_series(0, %s - 1) AS g",
            (first, FILLER_PER_DAY, first, FILLER_PER_DAY, FILLER_PER_DAY, n))
        db.execute_sql("INSERT INTO day_counter (day, last_number, taken) SELECT %s::date + g, "
                       "%s, %s FROM generate_series(0, %s - 1) AS g",
                       (first, FILLER_PER_DAY, FILLER_PER_DAY, FILLER_DAYS))
        db.execute_sql("INSERT INTO quota_override (day, quota, reason, set_by, set_at) "
                       "SELECT %s::date + g, 15, 'x', 'S', %s::date + g "
                       "FROM generate_series(0, %s - 1) AS g", (first, first, FILLER_DAYS))
        db.execute_sql("INSERT INTO survey_answered (day, number) SELECT %s::date + g / %s, "
                       "g %% %s + 1 FROM generate_series(0, %s - 1) AS g",
                       (first, FILLER_PER_DAY, FILLER_PER_DAY, n))
        db.execute_sql(f"INSERT INTO survey_response (id, day, {SCORES}, comment, follow_up) "
                       "SELECT 'F' || g, %s::date + g / %s, " + ", ".join(["3"] * 9)
                       + ", '', false FROM generate_series(0, %s - 1) AS g",
                       (first, FILLER_PER_DAY, n))
        db.execute_sql("ANALYZE")
        return
    days = [(first + dt.timedelta(days=g // FILLER_PER_DAY)).isoformat() for g in range(n)]
    conn = db.connection()
    with db.atomic():
        conn.executemany(
            "INSERT INTO ticket (day, number, code, service, state, walk_in, visitor_name, "
            "visitor_status, id_kind, id_number, phone, booked_at, arrived_at, call_count, "
            "officer, topic, note, outcome) "
            "VALUES (?, ?, ?, 'perpajakan', 'done', 1, 'W', 'self', '', '', '', ?, ?, 1, 'P', 'SPT', '', "
            "'resolved')",
            ((days[g], g % FILLER_PER_DAY + 1, f"F{g}", days[g], days[g]) for g in range(n)))
        conn.executemany(
            "INSERT INTO audit_entry (at, actor, action, day, ticket_code, ticket_number, detail, "
            "reason) VALUES (?, 'lobby', 'book', ?, ?, ?, '', '')",
            ((f"{days[g]} 01:00:00", days[g], f"F{g}", g % FILLER_PER_DAY + 1) for g in range(n)))
        conn.executemany("INSERT INTO day_counter (day, last_number, taken) VALUES (?, ?, ?)",
                         (((first + dt.timedelta(days=g)).isoformat(), FILLER_PER_DAY,
                           FILLER_PER_DAY) for g in range(FILLER_DAYS)))
        conn.executemany("INSERT INTO survey_answered (day, number) VALUES (?, ?)",
                         ((days[g], g % FILLER_PER_DAY + 1) for g in range(n)))
        conn.executemany(f"INSERT INTO survey_response (id, day, {SCORES}, comment, follow_up) "
                         f"VALUES (?, ?, {', '.join(['3'] * 9)}, '', 0)",
                         ((f"F{g}", days[g]) for g in range(n)))
        conn.executemany("INSERT INTO quota_override (day, quota, reason, set_by, set_at) "
                         "VALUES (?, 15, 'x', 'S', ?)",
                         (((first + dt.timedelta(days=g)).isoformat(),) * 2
                          for g in range(FILLER_DAYS)))


def growing(name: str, sql: str) -> bool:
    """Is ``name`` (a table, or the alias the ORM gave it: "t1") one that grows?"""
    table = name
    # A common table expression is not a table: its rows come from the searches under it
    # (each checked on its own line of the plan).
    if name.lower() in {n.lower() for n in re.findall(
            r'(?:WITH(?:\s+RECURSIVE)?|,)\s+"?(\w+)"?\s+AS\s+(?:NOT\s+)?(?:MATERIALIZED\s+)?\(',
            sql, re.I)}:
        return False
    for real, alias in re.findall(r'(?:FROM|JOIN)\s+"?(\w+)"?\s+AS\s+"?(\w+)"?', sql, re.I):
        if alias == name:
            table = real
    return table.lower() not in SMALL_TABLES


def bounded(sql: str, sorted_: bool) -> bool:
    """Bounded by itself: no WHERE, a LIMIT, and the rows read in index order (no sort)."""
    text = " ".join(sql.upper().split())
    return " WHERE " not in text and " LIMIT " in text and not sorted_


def explained(sql: str) -> bool:
    head = sql.lstrip().split(None, 1)[0].upper()
    return head in ("SELECT", "UPDATE", "DELETE", "WITH", "INSERT") and "VALUES" not in sql.upper()


def sqlite_scans(db: peewee.Database, sql: str, params: tuple) -> list[str]:
    plan = [row[-1] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()]
    sorted_ = any("TEMP B-TREE" in step for step in plan)
    scans = [step for step in plan
             if (m := re.match(r"SCAN (\w+)", step)) and step != "SCAN CONSTANT ROW"
             and growing(m.group(1), sql)]
    return [] if scans and bounded(sql, sorted_) else scans


def postgres_scans(db: peewee.Database, sql: str, params: tuple) -> list[str]:
    row = db.execute_sql(f"EXPLAIN (FORMAT JSON) {sql}", params).fetchone()[0]
    plan = row if isinstance(row, list) else json.loads(row)
    nodes, stack = [], [plan[0]["Plan"]]
    while stack:
        node = stack.pop()
        nodes.append(node)
        stack.extend(node.get("Plans", ()))
    sorted_ = any(n["Node Type"] in ("Sort", "Incremental Sort") for n in nodes)
    scans = [f"{n['Node Type']} on {n['Relation Name']}" for n in nodes
             if "Relation Name" in n and growing(n["Relation Name"], sql)
             and (n["Node Type"] == "Seq Scan"
                  or (n["Node Type"] in ("Index Scan", "Index Only Scan") and "Index Cond" not in n))]
    return [] if scans and bounded(sql, sorted_) else scans


def test_every_query_of_the_terminals_is_served_by_an_index(store_url, clock):
    desk = open_desk(store_url, ALWAYS_OPEN, clock=clock)
    postgres = isinstance(desk.db, peewee.PostgresqlDatabase)
    catcher = Catcher(desk.db)
    try:
        drive(desk, clock)
    finally:
        catcher.stop()
    statements = {sql: params for sql, params in catcher.seen.items() if explained(sql)
                  and not any(walk in sql for walk in WHOLE_LOG_WALKS)}
    assert len(statements) > 20, sorted(statements)  # the drive reached the desk's queries
    fill(desk.db, postgres)
    rounds = [("postgresql", postgres_scans)] if postgres else [("sqlite", sqlite_scans)]
    if not postgres:
        rounds.append(("sqlite after ANALYZE", sqlite_scans))
    scans = {}
    for name, scan in rounds:
        if name.endswith("ANALYZE"):
            desk.db.execute_sql("ANALYZE")
        for sql, params in statements.items():
            found = scan(desk.db, sql, params)
            if found:
                scans[f"{name}: {sql}"] = found
    desk.db.close()
    assert not scans, "\n".join(f"{sql}\n    {found}" for sql, found in scans.items())
