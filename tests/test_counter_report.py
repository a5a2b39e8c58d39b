"""The report's figures against the tickets of a known day, its CSV, and its screen."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import replace

import pytest

from data.office_settings import CounterSettings
from kiosk.app.app import KioskApp
from kiosk.desk.errors import InvalidInput
from kiosk.desk.report import CSV_COLUMNS, build_report
from screens.counter.report import ReportScreen
from test_counter_helpers import SUPER_PIN, add_officers, logged_in, wait_for


def a_known_day(desk, clock):
    """Monday 30 Nov 2026 (WITA): five numbers, two served, one no-show, one cancelled."""
    at = lambda h, m: clock.set(2026, 11, 30, h, m)  # noqa: E731
    at(9, 0); a = desk.book("perpajakan", "Ani")
    at(9, 10); b = desk.book("aplikasi", "Yohanes")
    at(9, 20); c = desk.book("perpajakan", "Maria")
    desk.book("aplikasi", "Besok", day=dt.date(2026, 12, 1))  # another day: not counted
    at(9, 30); desk.call_next(1, "Budi")                      # A waited 30 min
    at(9, 32); desk.start(a.code, 1, "Budi")
    at(9, 35); desk.call_next(2, "Sari")                      # B waited 25 min
    at(9, 40); desk.no_show(b.code, 2, "Sari")
    at(9, 50); desk.finish(a.code, 1, "Budi", "SPT Tahunan")  # 18 min of service
    at(10, 0); desk.call_next(2, "Sari")                      # C waited 40 min
    at(10, 1); desk.start(c.code, 2, "Sari")
    at(10, 5); d = desk.book("perpajakan", "Dewi")
    at(10, 11); desk.finish(c.code, 2, "Sari", "NPWP")        # 10 min of service
    at(10, 15); desk.book("aplikasi", "Elias")               # still waiting
    at(10, 20); desk.cancel(d.code, "Sari", "pulang")


def test_the_figures_of_a_day(desk, clock):
    a_known_day(desk, clock)
    report = build_report(desk, dt.date(2026, 11, 30))
    total = report.total
    assert (total.issued, total.served, total.no_shows, total.cancelled) == (5, 2, 1, 1)
    assert total.average_wait == pytest.approx((30 + 25 + 40) * 60 / 3)
    assert total.longest_wait == 40 * 60
    assert total.average_service == 14 * 60
    tax, app = report.by_service
    assert (tax.label, tax.figures.issued, tax.figures.served, tax.figures.cancelled,
            tax.figures.no_shows, tax.figures.average_wait) == ("perpajakan", 3, 2, 1, 0, 35 * 60)
    assert (app.label, app.figures.issued, app.figures.served, app.figures.no_shows,
            app.figures.average_service) == ("aplikasi", 2, 0, 1, None)
    assert [(h.label, h.figures.issued, h.figures.served, h.figures.cancelled)
            for h in report.by_hour] == [("09:00", 3, 2, 0), ("10:00", 2, 0, 1)]
    # The by-service lines add up to the day.
    assert sum(line.figures.issued for line in report.by_service) == total.issued


def test_a_range_and_a_past_day_read_no_shows_and_expired_right(desk, clock):
    a_known_day(desk, clock)
    clock.set(2026, 12, 1, 9, 0)
    desk.check_in(desk.status(dt.date(2026, 12, 1)).tickets[0].code)
    report = build_report(desk, dt.date(2026, 11, 30), dt.date(2026, 12, 1))
    # Yesterday's no-show (now expired, called, never served) still counts as a no-show;
    # Elias, never called, does not.
    assert (report.total.issued, report.total.served, report.total.no_shows) == (6, 2, 1)
    with pytest.raises(InvalidInput):
        build_report(desk, dt.date(2026, 12, 1), dt.date(2026, 11, 30))


def test_the_csv_rows_and_columns(desk, clock):
    a_known_day(desk, clock)
    rows = list(csv.reader(io.StringIO(build_report(desk, dt.date(2026, 11, 30)).to_csv())))
    assert rows[0] == list(CSV_COLUMNS)
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)
    assert [row[2:4] for row in rows[1:]] == [
        ["total", "all"], ["service", "perpajakan"], ["service", "aplikasi"],
        ["hour", "09:00"], ["hour", "10:00"],
        # issue 14: by topic, outcome, officer and counter too
        ["topic", "NPWP"], ["topic", "SPT Tahunan"], ["outcome", "resolved"],
        ["officer", "Budi"], ["officer", "Sari"], ["counter", "1"], ["counter", "2"]]
    assert rows[1] == ["2026-11-30", "2026-11-30", "total", "all", "5", "2", "1", "1",
                       "31.7", "40.0", "14.0", "1"]  # issue 14: Elias still waiting
    assert rows[3][-4:-1] == ["25.0", "25.0", ""]  # aplikasi: nobody served yet


async def test_the_report_screen_shows_charts_and_exports(sqlite_desk, clock, tmp_path):
    desk = sqlite_desk
    add_officers(desk)
    a_known_day(desk, clock)
    desk.office = replace(desk.office, counter=CounterSettings(report_dir=str(tmp_path)))
    app = KioskApp(desk, "counter", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await logged_in(pilot, "Sari Dewi", SUPER_PIN)
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen)
                       and app.screen.report is not None)
        screen = app.screen
        assert "Numbers issued 5 (1 cancelled) · served 2 · no-shows 1" in str(
            screen.query_one("#report-total").render())
        # two services, two hours; issue 14: two topics, one outcome, two officers, two counters
        assert screen.query_one("DataTable").row_count == 11
        chart = str(screen.query_one("#report-chart").render())
        assert "09:00 ████████████████████░░░░░░░░░░ 2/3" in chart
        await pilot.press("f2")
        path = tmp_path / "laporan-helpdesk-2026-11-30-2026-11-30.csv"
        await wait_for(pilot, path.exists)
        assert path.read_text(encoding="utf-8") == screen.report.to_csv()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ReportScreen)


@pytest.mark.parametrize("lang, used, issued", [
    ("id", "Terpakai 4/15", "Nomor dikeluarkan 5 (batal 1)"),
    ("en", "Used 4/15", "Numbers issued 5 (1 cancelled)"),
])
async def test_the_day_and_the_report_never_show_two_numbers_under_one_word(
        sqlite_desk, clock, lang, used, issued):
    """Five numbers issued, one cancelled: the day counts the four held against the quota,
    the report all five and the cancelled one apart, each under its own words."""
    desk = sqlite_desk
    add_officers(desk)
    a_known_day(desk, clock)
    app = KioskApp(desk, "counter", lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        day = await logged_in(pilot, "Sari Dewi", SUPER_PIN)
        header = str(day.query_one("#day-numbers").render())
        assert header.startswith(used)
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen)
                       and app.screen.report is not None)
        summary = str(app.screen.query_one("#report-total").render())
        assert summary.startswith(issued)
        for word in ("Diambil", "Issued"):  # the word both used for different counts
            assert word not in header and word not in summary


async def test_the_export_names_the_full_path_of_the_file(sqlite_desk, clock, tmp_path,
                                                          monkeypatch):
    """report_dir is relative to where the program started: the officer is told where."""
    desk = sqlite_desk
    add_officers(desk)
    a_known_day(desk, clock)
    desk.office = replace(desk.office, counter=CounterSettings(report_dir="laporan"))
    monkeypatch.chdir(tmp_path)
    app = KioskApp(desk, "counter", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await logged_in(pilot, "Sari Dewi", SUPER_PIN)
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen)
                       and app.screen.report is not None)
        await pilot.press("f2")
        path = tmp_path / "laporan" / "laporan-helpdesk-2026-11-30-2026-11-30.csv"
        message = app.screen.query_one("#report-message")
        await wait_for(pilot, lambda: "CSV saved" in str(message.render()))
        assert path.exists()
        text = f"CSV saved: {path}"
        assert str(message.render()) == text
        await pilot.pause()
        assert len(text) > message.size.width  # the temporary folder's path is long:
        assert message.size.height * message.size.width >= len(text)  # it wraps, not cut
