"""The day, when today is not possible: why not, and the next days that still have
numbers, as a button each."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Button, Static

from kiosk.desk.records import DayChoice
from kiosk.texts.dates import long_date
from screens.lobby.step import Step


class DayStep(Step):
    class Chosen(Message):
        def __init__(self, day: dt.date) -> None:
            super().__init__()
            self.day = day

    def __init__(self) -> None:
        super().__init__("step-day")

    def compose(self) -> ComposeResult:
        yield Static(self.t("lobby_day_title"), classes="heading")
        yield Static("", id="day-why", classes="body")
        yield Vertical(id="day-choices")

    async def offer(self, why: str, days: list[DayChoice]) -> None:
        """Why today is not possible, and the days to choose from (the first one focused)."""
        lines = [why]
        if not days:
            lines.append(self.t("lobby_day_none",
                                days=self.app.desk.office.booking_horizon_days))
        self.query_one("#day-why", Static).update("\n".join(lines))
        box = self.query_one("#day-choices", Vertical)
        await box.remove_children()
        buttons = [Button(self.t("lobby_day_choice", date=long_date(d.date, self.app.lang),
                                 left=d.remaining), id=f"day-{d.date.isoformat()}",
                          classes="choice", variant="primary") for d in days]
        await box.mount_all(buttons)
        if buttons:
            self.call_after_refresh(buttons[0].focus)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if button.startswith("day-"):
            self.post_message(self.Chosen(dt.date.fromisoformat(button.removeprefix("day-"))))
