"""A whole day through two counter apps and the command line: walk-ins and a booking for
tomorrow taken on the command line, two officers serving at two counters (a no-show who
comes back, a transfer, a follow-up, a cancel), the supervisor closing tomorrow; then the
report (screen, CSV and ``kiosk report --json``) checked figure by figure against what the
test itself did, counted here, never read off the product's own table."""

from __future__ import annotations

from pilot_helpers import click_ready

import csv
import datetime as dt
import io
import json
from dataclasses import replace

import pytest
from textual.widgets import Input, Select

from conftest import ALWAYS_OPEN, WITA, Clock
from data.office_settings import CounterSettings
from kiosk.app.app import KioskApp
from kiosk.cli.main import main
from kiosk.desk import store as store_module
from kiosk.desk.store import open_desk
from screens.counter.finish import FinishDialog
from screens.counter.quota import QuotaDialog
from screens.counter.report import ReportScreen
from pilot_helpers import until
from screens.counter.day import CounterDay
from test_counter_helpers import PIN, SUPER_PIN, add_officers, caught_up, log_in, wait_for

SERVICES = ["perpajakan", "aplikasi", "perpajakan", "perpajakan", "aplikasi", "perpajakan"]
NAMES = ["Ani", "Budi", "Citra", "Dewi", "Eko", "Fajar"]


def label(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def test_a_full_day_two_counters_and_the_command_line(sqlite_url, capsys, tmp_path,
                                                           monkeypatch):
    # One clock for the command line and both counters, at noon of today: a real clock
    # would book on one date and serve on the next when the run crosses midnight WITA.
    real_today = dt.datetime.now(WITA).date()
    clock = Clock(dt.datetime.combine(real_today, dt.time(12, 0), tzinfo=WITA))
    real_open_desk = store_module.open_desk
    monkeypatch.setattr(store_module, "open_desk",
                        lambda url=None, office=None, **kw: real_open_desk(
                            url, office, **{"clock": clock, **kw}))

    def kiosk(*args):
        code = main(["--db", sqlite_url, "--office", str(ALWAYS_OPEN), *args])
        out, err = capsys.readouterr()
        assert code == 0, err
        return out

    # The morning, on the command line.
    codes = [json.loads(kiosk("book", service, "--name", name, "--json"))["code"]
             for service, name in zip(SERVICES, NAMES)]
    tomorrow = real_today + dt.timedelta(days=1)
    kiosk("book", "aplikasi", "--name", "Besok Datang", "--date", tomorrow.isoformat())

    clock.advance(seconds=5)
    # One desk (the models are bound once per process); each app works from its own store
    # thread, on a connection of its own, as two terminals do.
    one = two = reader = open_desk(sqlite_url, ALWAYS_OPEN, clock=clock)
    add_officers(reader)
    reader.office = replace(reader.office, counter=CounterSettings(report_dir=str(tmp_path)))
    arrived = {c: reader.ticket(c).arrived_at for c in codes}
    called: dict[str, dt.datetime] = {}   # the last call of each number
    started: dict[str, dt.datetime] = {}
    finished: dict[str, dt.datetime] = {}

    app1 = KioskApp(one, "counter", counter=1)
    app2 = KioskApp(two, "counter", counter=2)
    async with app1.run_test(size=(100, 30)) as p1, app2.run_test(size=(100, 30)) as p2:
        async def logged_in(pilot, name, pin):
            await until(pilot, lambda: pilot.app.screen.query("#login-pin"))
            await log_in(pilot, name, pin)
            await until(pilot, lambda: isinstance(pilot.app.screen, CounterDay)
                        and pilot.app.screen.status is not None, timeout=20)
            return pilot.app.screen

        day1 = await logged_in(p1, "Budi Santoso", PIN)   # an officer, at counter 1
        day2 = await logged_in(p2, "Sari Dewi", SUPER_PIN)  # the supervisor at counter 2

        async def move(pilot, day, key, done):
            clock.advance(seconds=30)
            await pilot.press(key)
            await wait_for(pilot, done, timeout=30)
            await wait_for(pilot, lambda: caught_up(day, reader), timeout=30)
            return clock()

        async def finish(pilot, day, code, topic, follow_up=False):
            clock.advance(seconds=30)
            await pilot.press("f")
            await wait_for(pilot, lambda: isinstance(pilot.app.screen, FinishDialog))
            dialog = pilot.app.screen
            dialog.query_one(Select).value = topic
            dialog.query_one(Input).value = "catatan"
            if follow_up:
                dialog.query_one("#outcome-follow_up").value = True
            dialog.query_one(Input).focus()
            await pilot.press("enter")  # the note's enter finishes, as the button does
            await wait_for(pilot, lambda: reader.ticket(code).state == "done", timeout=30)
            finished[code] = clock()
            await wait_for(pilot, lambda: pilot.app.screen is day and caught_up(day, reader),
                           timeout=30)

        def holds(day, n):
            return lambda: day.in_hand is not None and day.in_hand.ticket.number == n

        # Number 1 at counter 1: called, served, resolved.
        called[codes[0]] = await move(p1, day1, "n", holds(day1, 1))
        started[codes[0]] = await move(p1, day1, "s", lambda: day1.in_hand.ticket.state == "serving")
        await finish(p1, day1, codes[0], "SPT Tahunan")
        # Number 2 at counter 2: called, a no-show.
        await move(p2, day2, "n", holds(day2, 2))
        await move(p2, day2, "x", lambda: day2.in_hand is None)
        # Number 3 at counter 1: transferred to the other service, served, to follow up.
        called[codes[2]] = await move(p1, day1, "n", holds(day1, 3))
        clock.advance(seconds=30)
        await p1.press("t")
        await wait_for(p1, lambda: p1.app.screen.query("#transfer-aplikasi"))
        await p1.click("#transfer-aplikasi")
        await wait_for(p1, lambda: reader.ticket(codes[2]).service == "aplikasi", timeout=30)
        await wait_for(p1, lambda: p1.app.screen is day1 and caught_up(day1, reader), timeout=30)
        started[codes[2]] = await move(p1, day1, "s", lambda: day1.in_hand.ticket.state == "serving")
        await finish(p1, day1, codes[2], "e-Bupot", follow_up=True)
        # Number 2 comes back: returned at counter 2, called again (lowest waiting), served.
        await wait_for(p2, lambda: caught_up(day2, reader), timeout=30)
        table = day2.query_one("DataTable")
        table.move_cursor(row=table.get_row_index(codes[1]))
        await p2.pause()
        await move(p2, day2, "b", lambda: reader.ticket(codes[1]).state == "waiting")
        called[codes[1]] = await move(p2, day2, "n", holds(day2, 2))
        assert day2.in_hand.ticket.call_count == 2  # the second call, not a first again
        started[codes[1]] = await move(p2, day2, "s", lambda: day2.in_hand.ticket.state == "serving")
        await finish(p2, day2, codes[1], "e-Faktur")
        # Number 6 gives up: cancelled at counter 1.
        await wait_for(p1, lambda: caught_up(day1, reader), timeout=30)
        table = day1.query_one("DataTable")
        table.move_cursor(row=table.get_row_index(codes[5]))
        await p1.pause()
        await p1.press("c")
        await wait_for(p1, lambda: p1.app.screen.query("#cancel-ok"))
        await p1.press(*"pulang", "enter")
        await wait_for(p1, lambda: reader.ticket(codes[5]).state == "cancelled", timeout=30)
        await wait_for(p1, lambda: p1.app.screen is day1 and caught_up(day1, reader), timeout=30)
        # Number 4 is called at counter 1 and still there at the report; 5 still waits.
        called[codes[3]] = await move(p1, day1, "n", holds(day1, 4))

        # The supervisor closes tomorrow, with a reason, confirming it.
        await p2.press("q")
        await wait_for(p2, lambda: isinstance(p2.app.screen, QuotaDialog))
        dialog = p2.app.screen
        dialog.query_one("#quota-date", Input).value = tomorrow.isoformat()
        dialog.query_one("#quota-reason", Input).value = "Rapat [/b] pimpinan"
        await p2.pause()  # the fields' Changed messages land first, as when typed by hand
        await p2.click("#quota-close")
        await wait_for(p2, lambda: "Ya, tutup" in str(dialog.query_one("#quota-close").label))
        assert reader.status(tomorrow).quota == 15
        await click_ready(p2, "#quota-close")
        await wait_for(p2, lambda: reader.status(tomorrow).quota == 0, timeout=30)
        await p2.press("escape")
        await wait_for(p2, lambda: p2.app.screen is day2)

        # The figures, counted from what was done above.
        served = [codes[0], codes[2], codes[1]]
        waits = [(called[c] - arrived[c]).total_seconds() for c in called]
        spans = [(finished[c] - started[c]).total_seconds() for c in served]
        expect = {"issued": 6, "served": 3, "no_shows": 0, "cancelled": 1, "still_waiting": 2,
                  "average_wait_seconds": sum(waits) / len(waits),
                  "longest_wait_seconds": max(waits),
                  "average_service_seconds": sum(spans) / len(spans)}

        # The report screen, for today and tomorrow.
        await p2.press("p")
        await wait_for(p2, lambda: isinstance(p2.app.screen, ReportScreen)
                       and p2.app.screen.report is not None, timeout=30)
        screen = p2.app.screen
        screen.query_one("#report-end", Input).value = tomorrow.isoformat()
        screen.report = None
        await p2.click("#report-show")
        await wait_for(p2, lambda: screen.report is not None, timeout=30)
        summary = label(screen, "#report-total")
        assert summary.startswith("Nomor dikeluarkan 6 (batal 1) · dilayani 3 · tidak hadir 0")
        wait_min = int(expect["average_wait_seconds"] // 60)
        assert f"tunggu rata-rata {wait_min} mnt" in summary
        opened = label(screen, "#report-open")
        assert "Masih menunggu hari ini: 4, 5" in opened
        assert "hari mendatang: 1" in opened
        await p2.press("f2")
        path = tmp_path / f"laporan-helpdesk-{real_today}-{tomorrow}.csv"
        await wait_for(p2, path.exists, timeout=30)

    reader.db.close()

    report = json.loads(kiosk("report", "--from", real_today.isoformat(),
                              "--to", tomorrow.isoformat(), "--json"))
    lines = {(line["scope"], line["label"]): line for line in report["lines"]}
    total = lines[("total", "all")]
    for name, value in expect.items():
        assert total[name] == (value if isinstance(value, int) else
                               pytest.approx(value)), name
    assert report["waiting_numbers"] == [4, 5] and report["booked_ahead"] == 1

    def figures(scope, label):
        line = lines[(scope, label)]
        return (line["issued"], line["served"], line["cancelled"], line["still_waiting"])

    # Number 3 moved to aplikasi: perpajakan 1, 4, 6; aplikasi 2, 3, 5.
    assert figures("service", "perpajakan") == (3, 1, 1, 1)
    assert figures("service", "aplikasi") == (3, 2, 0, 1)
    assert figures("topic", "SPT Tahunan")[:2] == (1, 1)
    assert figures("topic", "e-Faktur")[:2] == (1, 1)
    assert figures("topic", "e-Bupot")[:2] == (1, 1)
    assert figures("outcome", "resolved")[:2] == (2, 2)
    assert figures("outcome", "follow_up")[:2] == (1, 1)
    assert figures("officer", "Budi Santoso") == (3, 2, 0, 1)  # 1, 3 and 4 (called)
    assert figures("officer", "Sari Dewi") == (1, 1, 0, 0)     # 2, after its return
    assert figures("counter", "1") == (3, 2, 0, 1)
    assert figures("counter", "2") == (1, 1, 0, 0)
    assert figures("day", real_today.isoformat()) == (6, 3, 1, 2)

    # The CSV the screen exported and the command line's say the same, line by line.
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows == list(csv.DictReader(io.StringIO(kiosk(
        "report", "--from", real_today.isoformat(), "--to", tomorrow.isoformat()))))
    assert [(r["scope"], r["label"]) for r in rows] == list(lines)
    first = rows[0]
    assert (first["issued"], first["served"], first["cancelled"], first["still_waiting"]) == (
        "6", "3", "1", "2")
    assert first["average_wait_minutes"] == f"{expect['average_wait_seconds'] / 60:.1f}"
    # The closed date says so with its reason (for the counter and the command line).
    closed = json.loads(kiosk("status", "--date", tomorrow.isoformat(), "--json"))
    assert (closed["quota"], closed["quota_reason"]) == (0, "Rapat [/b] pimpinan")
