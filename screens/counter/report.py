"""The report of a day or a range: the figures as a table, a small chart of arrivals by
hour, and an export to CSV (written in the store thread, into [counter] report_dir)."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Input, Label, Static

from kiosk.desk.report import Figures, Report, build_report
from kiosk.desk.topics import short_service_names
from screens.counter.day_words import cell, minutes
from screens.counter.report_period import ReportPeriod

BAR_WIDTH = 30


class ReportScreen(ReportPeriod, Screen[None]):
    CSS_PATH = "report.tcss"
    BINDINGS = [Binding("escape", "back", show=False),
                Binding("f2", "export", show=False, priority=True)]  # works from the inputs too

    def __init__(self) -> None:
        super().__init__()
        self.report: Report | None = None
        self.exported: Path | None = None

    def compose(self) -> ComposeResult:
        t, today = self.app.t, self.app.desk.today()
        with Horizontal(id="report-top"):
            yield from self.period_inputs(today, today)
            yield Button(t("counter_report_show"), id="report-show", variant="primary",
                         compact=True)
            yield Button(t("counter_report_export", k="F2"), id="report-export", compact=True)
            yield Button(t("counter_back"), id="report-back", compact=True,
                         action="screen.back")
        yield Label("", id="report-total")
        yield Label("", id="report-open")
        yield DataTable(id="report-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="report-chart")
        yield Label("", id="report-message")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("group", "issued", "served", "no_shows", "cancelled", "average_wait",
                    "longest_wait", "average_service"):
            table.add_column(self.app.t(f"counter_report_{key}"), key=key)
        self.run_latest(self.show_report(), group="report")
        table.focus()

    @on(Button.Pressed, "#report-show")
    @on(Input.Submitted)
    def _asked(self) -> None:
        self.run_latest(self.show_report(), group="report")

    async def show_report(self) -> None:
        dates = self.dates()
        if dates is None:
            self.say_trouble(self.app.t("date_invalid"))
            return
        async with self.working("#report-message"):
            report = await self.app.store.call(build_report, self.app.desk, *dates)
        self.report = report
        self.query_one("#report-total", Label).update(self.summary(report.total))
        table = self.query_one(DataTable)
        table.clear()
        for scope, line in report.scopes()[1:]:
            table.add_row(cell(self.label(scope, line.label)), *self.cells(line.figures))
        self.query_one("#report-open", Label).update(self.app.t(
            "counter_report_open", numbers=", ".join(map(str, report.waiting_numbers)) or "-",
            ahead=report.booked_ahead))
        self.query_one("#report-chart", Static).update(self.chart(report))

    def label(self, scope: str, label: str) -> str:
        """A line's group in the officer's words; a topic or a name as it was written."""
        t = self.app.t
        if scope == "service":
            return short_service_names(self.app.desk.office, self.app.lang).get(label, label)
        if scope in ("hour", "day", "counter"):
            return t(f"counter_report_{scope}", **{scope: label})
        if scope == "outcome":
            return t(f"counter_outcome_{label}")
        if scope == "topic":
            return t("counter_report_topic", topic=label)
        return label  # an officer's name

    def summary(self, f: Figures) -> str:
        return self.app.t("counter_report_summary", issued=f.issued, served=f.served,
                          no_shows=f.no_shows, cancelled=f.cancelled,
                          wait=self.minutes(f.average_wait), longest=self.minutes(f.longest_wait),
                          service=self.minutes(f.average_service))

    def cells(self, f: Figures) -> list[str]:
        return [str(f.issued), str(f.served), str(f.no_shows), str(f.cancelled),
                self.minutes(f.average_wait), self.minutes(f.longest_wait),
                self.minutes(f.average_service)]

    def minutes(self, seconds: float | None) -> str:
        """Whole minutes, as the day's table rounds them (day_words.minutes)."""
        return minutes(self.app, seconds) or "-"

    def chart(self, report: Report) -> str:
        """Arrivals by hour as bars, the served part drawn solid."""
        if not report.by_hour:
            return self.app.t("counter_report_no_arrivals")
        top = max(line.figures.issued for line in report.by_hour)
        lines = [self.app.t("counter_report_chart_title")]
        for line in report.by_hour:
            f = line.figures
            solid = round(BAR_WIDTH * f.served / top)
            light = round(BAR_WIDTH * f.issued / top) - solid
            lines.append(f"{line.label} {'█' * solid}{'░' * light} {f.served}/{f.issued}")
        return "\n".join(lines)

    @on(Button.Pressed, "#report-export")
    def action_export(self) -> None:
        self.run_busy(self.export())

    async def export(self) -> None:
        report = self.report
        if report is not None:
            self.exported = await self.save_csv(
                f"laporan-helpdesk-{report.start}-{report.end}.csv", report.to_csv,
                "counter_report_exported") or self.exported

    def action_back(self) -> None:
        self.dismiss(None)
