"""A store of N past tickets, made fast with plain SQL: the ten years of a large office.

The most recent days (RECENT_DAYS of them, or as many as N fills) hold 15 tickets each, as
the office has today, so the figures read days of the same size at every N; the tickets
beyond them lie on older days, as many a day as a day can hold (999 numbers), so the
tables and indexes grow to N. Mostly done, some cancelled, expired or no-shows, each
with its audit entry, on both engines.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import time

from kiosk.desk.codes import CODE_ALPHABET

STATES = ("done",) * 16 + ("cancelled", "expired", "expired")  # past days: nothing unfinished


def code_for(i: int) -> str:
    """A unique 7-character code per ticket (the desk's own codes have 6: no clash)."""
    chars = []
    for _ in range(7):
        i, rest = divmod(i, len(CODE_ALPHABET))
        chars.append(CODE_ALPHABET[rest])
    return "".join(chars)


RECENT_DAYS, RECENT_PER_DAY, MOST_PER_DAY = 1200, 15, 999


def layout(n: int) -> tuple[int, int, int]:
    """(recent days of 15, older days, tickets on each older day) for N tickets."""
    recent = min(RECENT_DAYS, -(-n // RECENT_PER_DAY))
    rest = max(0, n - recent * RECENT_PER_DAY)
    return recent, -(-rest // MOST_PER_DAY), MOST_PER_DAY


def day_sizes(n: int, today: dt.date):
    """(day, tickets on it), oldest first, ending the day before today."""
    recent, older, per_older = layout(n)
    first = today - dt.timedelta(days=recent + older)
    left = n
    for d in range(older + recent):
        count = min(per_older if d < older else RECENT_PER_DAY, left)
        left -= count
        yield first + dt.timedelta(days=d), count


def rows(n: int, today: dt.date, seed: int = 1):
    rng = random.Random(seed)
    i = 0
    for date, count in day_sizes(n, today):
        day = date.isoformat()
        base = dt.datetime.fromisoformat(day) + dt.timedelta(hours=1)
        for number in range(1, count + 1):
            booked = base + dt.timedelta(seconds=number * 30)
            called = booked + dt.timedelta(minutes=rng.randint(1, 40))
            started = called + dt.timedelta(minutes=1)
            finished = started + dt.timedelta(minutes=rng.randint(3, 25))
            state = STATES[rng.randrange(len(STATES))]
            done = state == "done"
            yield (day, number, code_for(i), "perpajakan" if number % 2 else "aplikasi", state,
                   1, "Wajib Pajak", "self", "", "", "", str(booked), str(booked),
                   str(called) if state != "cancelled" else None,
                   str(started) if done else None, str(finished) if done else None,
                   None if done else str(finished), 1, 1 if state != "cancelled" else None,
                   "Petugas", "SPT" if done else "", "", "resolved" if done else "")
            i += 1
        yield ("counter", day, count)


TICKET_COLS = ("day, number, code, service, state, walk_in, visitor_name, visitor_status, id_kind, "
               "id_number, phone, booked_at, arrived_at, called_at, started_at, finished_at, "
               "ended_at, call_count, counter, officer, topic, note, outcome")


def fill_sqlite(path: str, n: int, today: dt.date, progress=print) -> float:
    started = time.perf_counter()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("BEGIN")
    tickets, counters, audits = [], [], []
    insert_t = f"INSERT INTO ticket ({TICKET_COLS}) VALUES ({', '.join('?' * 23)})"
    insert_a = ("INSERT INTO audit_entry (at, actor, counter, action, day, ticket_code, "
                "ticket_number, detail, reason) VALUES (?, 'lobby', NULL, 'book', ?, ?, ?, '', '')")
    done = 0
    for row in rows(n, today):
        if row[0] == "counter":
            counters.append((row[1], row[2], row[2]))
            continue
        tickets.append(row)
        audits.append((row[11], row[0], row[2], row[1]))
        if len(tickets) >= 50_000:
            conn.executemany(insert_t, tickets)
            conn.executemany(insert_a, audits)
            done += len(tickets)
            tickets, audits = [], []
            progress(f"  {done:,} / {n:,} tickets")
    conn.executemany(insert_t, tickets)
    conn.executemany(insert_a, audits)
    conn.executemany("INSERT INTO day_counter (day, last_number, taken) VALUES (?, ?, ?)", counters)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return time.perf_counter() - started


def fill_postgres(db, n: int, today: dt.date) -> float:
    """Server-side generation over generate_series: one INSERT … SELECT a table."""
    started = time.perf_counter()
    recent, older, per_older = layout(n)
    first = today - dt.timedelta(days=recent + older)
    bulk = older * per_older
    # g: the ticket's index; its day and number from the layout (older days first). The
    # parameters are named (%(first)s), so a literal % is written %%.
    day = (f"(CASE WHEN g < {bulk} THEN %(first)s::date + g / {per_older} "
           f"ELSE %(first)s::date + {older} + (g - {bulk}) / {RECENT_PER_DAY} END)")
    number = (f"(CASE WHEN g < {bulk} THEN g %% {per_older} "
              f"ELSE (g - {bulk}) %% {RECENT_PER_DAY} END) + 1")
    series = f"FROM (SELECT g, {day} AS d, {number} AS num FROM generate_series(0, %(n)s - 1) AS g) AS s"
    args = {"first": first.isoformat(), "n": n}
    db.execute_sql("SET statement_timeout = 0")  # the desk's 30 s is for terminals, not a fill
    db.execute_sql(
        f"INSERT INTO ticket ({TICKET_COLS}) "
        "SELECT d, num, 'G' || lpad(to_hex(g), 8, '0'), "
        "CASE WHEN num %% 2 = 1 THEN 'perpajakan' ELSE 'aplikasi' END, 'done', true, 'Wajib Pajak', "
        "'self', '', '', '', d + interval '1 hour', d + interval '1 hour', d + interval '90 minutes', "
        "d + interval '91 minutes', d + interval '100 minutes', NULL, 1, 1, 'Petugas', 'SPT', '', "
        f"'resolved' {series}", args)
    db.execute_sql(
        "INSERT INTO audit_entry (at, actor, counter, action, day, ticket_code, ticket_number, "
        "detail, reason) SELECT d + interval '1 hour', 'lobby', NULL, 'book', d, "
        f"'G' || lpad(to_hex(g), 8, '0'), num, '', '' {series}", args)
    db.execute_sql(
        "INSERT INTO day_counter (day, last_number, taken) "
        "SELECT day, max(number), count(*) FROM ticket GROUP BY day ON CONFLICT DO NOTHING")
    db.execute_sql("ANALYZE")
    return time.perf_counter() - started
