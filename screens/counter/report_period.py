"""What the counter's two reports share (the day's figures, the survey's): the period typed
as two dates on the top line, and the export of a CSV into [counter] report_dir, written
in the store thread, with the full path told."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Input, Label

from screens.counter.work import CounterWork


class ReportPeriod(CounterWork):
    """Mixed into a report screen, before its Screen class; its message line is
    ``#report-message``."""

    MESSAGE_LINE = "#report-message"

    def period_inputs(self, start: dt.date, end: dt.date) -> ComposeResult:
        """From [start] to [end], for the screen's top line."""
        t = self.app.t
        yield Label(t("counter_report_from"))
        yield Input(start.isoformat(), id="report-start", max_length=10, compact=True)
        yield Label(t("counter_report_to"))
        yield Input(end.isoformat(), id="report-end", max_length=10, compact=True)

    def dates(self) -> tuple[dt.date, dt.date] | None:
        """The period typed, or None when a date is not a date."""
        try:
            return (dt.date.fromisoformat(self.query_one("#report-start", Input).value.strip()),
                    dt.date.fromisoformat(self.query_one("#report-end", Input).value.strip()))
        except ValueError:
            return None

    async def save_csv(self, name: str, text: Callable[[], str], said: str) -> Path | None:
        """``text()`` written to ``name`` in the report folder; the path (or why not) is
        said with the sentence ``said``. The path, or None when it could not be written."""
        # A relative report_dir ("." by default) means the folder the program started in:
        # the officer is told the full path, to find the file afterwards.
        folder = Path(self.app.desk.office.counter.report_dir).expanduser().absolute()
        path = folder / name

        def write() -> None:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text(), encoding="utf-8")

        try:
            async with self.working(self.MESSAGE_LINE):
                await self.app.store.call(write)
        except OSError as error:
            self.say_trouble(self.app.t("counter_report_export_failed", error=str(error)))
            return None
        self.say_trouble(self.app.t(said, path=str(path)))
        return path
