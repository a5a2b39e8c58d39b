"""A store of N past tickets, made fast with plain SQL: the ten years of a large office.

Tickets are spread over the days before today (at least 15 a day, more for large N, as a
bigger office would have), mostly done, some cancelled, expired or no-shows, each with its
audit entry, so every index and table has the size it would have in real use.
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


def rows(n: int, today: dt.date, seed: int = 1):
    rng = random.Random(seed)
    per_day = max(15, n // 3650)
    days = -(-n // per_day)
    first = today - dt.timedelta(days=days + 1)
    i = 0
    for d in range(days):
        day = (first + dt.timedelta(days=d)).isoformat()
        base = dt.datetime.fromisoformat(day) + dt.timedelta(hours=1)
        count = min(per_day, n - i)
        for number in range(1, count + 1):
            booked = base + dt.timedelta(minutes=number * 3)
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
    """Server-side generation: one INSERT … SELECT over generate_series."""
    started = time.perf_counter()
    per_day = max(15, n // 3650)
    days = -(-n // per_day)
    first = today - dt.timedelta(days=days + 1)
    db.execute_sql(
        f"INSERT INTO ticket ({TICKET_COLS}) "
        "SELECT d, num, 'G' || lpad(to_hex(g), 8, '0'), "
        "CASE WHEN num %% 2 = 1 THEN 'perpajakan' ELSE 'aplikasi' END, 'done', true, 'Wajib Pajak', "
        "'self', '', '', '', d + interval '1 hour', d + interval '1 hour', d + interval '90 minutes', "
        "d + interval '91 minutes', d + interval '100 minutes', NULL, 1, 1, 'Petugas', 'SPT', '', "
        "'resolved' FROM (SELECT g, %s::date + (g / %s) AS d, (g %% %s) + 1 AS num "
        "FROM generate_series(0, %s - 1) AS g) AS s",
        (first.isoformat(), per_day, per_day, n))
    db.execute_sql(
        "INSERT INTO day_counter (day, last_number, taken) "
        "SELECT day, max(number), count(*) FROM ticket GROUP BY day ON CONFLICT DO NOTHING")
    db.execute_sql("ANALYZE")
    return time.perf_counter() - started
