"""The supervisor sets the quota of a date, with a reason, and sees the numbers left at
once. Closing a date is a quota of 0 with its reason; numbers already taken stay valid."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label

from kiosk.desk import supervision
from kiosk.desk.errors import DeskError
from kiosk.desk.records import DayStatus, OfficerView
from screens.common.shown_text import shown
from screens.counter.dialog import CounterDialog


class QuotaDialog(CounterDialog[DayStatus]):
    """Answers the date's status as last saved, if a quota was saved."""

    def __init__(self, officer: OfficerView) -> None:
        super().__init__()
        self.officer = officer
        self.saved: DayStatus | None = None
        self.closing: dt.date | None = None  # the date the officer was asked to confirm

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(classes="dialog"):
            yield Label(t("counter_quota_title"), classes="dialog-title")
            yield Label(t("counter_quota_date"))
            yield Input(self.app.desk.today().isoformat(), id="quota-date", max_length=10,
                        compact=True)
            yield Label("", id="quota-now")
            yield Label(t("counter_quota_new"))
            yield Input(id="quota-value", max_length=3, restrict=r"\d*", compact=True)
            yield Label(t("counter_reason"))
            yield Input(id="quota-reason", max_length=500, compact=True)
            yield Label(t("counter_quota_close_note"), classes="dialog-note")
            yield Label("", classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("counter_quota_save"), id="quota-save", variant="primary",
                             compact=True)
                yield Button(t("counter_quota_close"), id="quota-close", variant="error",
                             compact=True)
                yield Button(t("counter_back"), id="quota-back", compact=True,
                             action="screen.back")

    def on_mount(self) -> None:
        self.query_one("#quota-value", Input).focus()
        self.run_latest(self.show_date(), group="date")

    def answer_on_back(self) -> DayStatus | None:
        return self.saved

    def day(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.query_one("#quota-date", Input).value.strip())
        except ValueError:
            return None

    @on(Input.Changed, "#quota-date")
    def _date_typed(self) -> None:
        self.run_latest(self.show_date(), group="date")

    async def show_date(self) -> None:
        """The date's numbers as they stand: issued, quota, left."""
        day, line = self.day(), self.query_one("#quota-now", Label)
        if day is None:
            line.update(self.app.t("date_invalid"))
            return
        try:
            status = await self.app.store.call(self.app.desk.status, day)
        except DeskError as error:
            line.update(shown(error.message(self.app.lang)))
            return
        if day == self.day():  # not typed on meanwhile
            line.update(shown(self.describe(status)))

    def describe(self, status: DayStatus) -> str:
        t = self.app.t
        text = t("counter_quota_now", issued=status.issued, quota=status.quota,
                 left=status.remaining)
        if status.quota_overridden:
            text += " · " + t("counter_quota_why", reason=status.quota_reason)
        return text

    @on(Button.Pressed, "#quota-save")
    @on(Input.Submitted, "#quota-reason")
    def _save(self) -> None:
        value = self.query_one("#quota-value", Input).value.strip()
        if not value.isdigit():
            self.message(self.app.t("quota_invalid"))
            return
        self.run_busy(self.set_quota(int(value)))

    @on(Button.Pressed, "#quota-close")
    def _close_date(self) -> None:
        """Closing a date turns the public away: asked once more, for that very date."""
        day = self.day()
        if day is None:
            self.message(self.app.t("date_invalid"))
            return
        if not self.query_one("#quota-reason", Input).value.strip():
            self.message(self.app.t("reason_required"))
            return
        if self.closing != day:
            self.closing = day
            self.message(self.app.t("counter_quota_close_confirm", date=day.isoformat()))
            self.query_one("#quota-close", Button).label = self.app.t("counter_quota_close_yes")
            return
        self.closing = None
        self.query_one("#quota-close", Button).label = self.app.t("counter_quota_close")
        self.run_busy(self.set_quota(0))

    @on(Input.Changed)
    def _changed_mind(self) -> None:
        """Anything typed after the question asks it again."""
        if self.closing is not None:
            self.closing = None
            self.query_one("#quota-close", Button).label = self.app.t("counter_quota_close")

    async def set_quota(self, quota: int) -> None:
        day = self.day()
        if day is None:
            self.message(self.app.t("date_invalid"))
            return
        reason = self.query_one("#quota-reason", Input).value
        async with self.working(".dialog-message"):
            status = await self.app.store.call(supervision.set_quota, self.app.desk,
                                               self.officer, day, quota, reason,
                                               self.app.counter)
        self.saved = status
        self.query_one("#quota-now", Label).update(shown(self.describe(status)))
        self.message(self.app.t("counter_quota_saved", date=day.isoformat(), quota=quota))
