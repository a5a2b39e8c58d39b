"""The day, when today is not possible: why not, and every day of the booking horizon —
a button for each day that still has numbers, a line for a day that is full or closed
(with its reason: a closed day is never "all numbers taken"). The list scrolls at 80×24
and says so."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Button, Static

from kiosk.desk.days import DayOption
from kiosk.texts.dates import long_date
from screens.lobby.step import Step

# More days than this do not fit under the title at 80×24: the hint says the list scrolls.
FITS = 3


class DayStep(Step):
    class Chosen(Message):
        def __init__(self, day: dt.date) -> None:
            super().__init__()
            self.day = day

    def __init__(self) -> None:
        super().__init__("step-day")
        self.refused = False  # shown after a refusal: no day is pre-selected for a stray Enter

    def compose(self) -> ComposeResult:
        yield Static(self.t("lobby_day_title"), classes="heading")
        yield Static("", id="day-why", classes="body")
        yield Static("", id="day-hint", classes="hint")
        yield Vertical(id="day-choices")

    def _words(self, option: DayOption) -> str:
        date = long_date(option.date, self.app.lang)
        if option.closed is not None:
            return self.t("lobby_day_closed", date=date, why=option.closed.text(self.app.lang))
        if option.remaining <= 0:
            return self.t("lobby_day_full", date=date)
        if option.remaining == 1:
            return self.t("lobby_day_choice_one", date=date)
        return self.t("lobby_day_choice", date=date, left=option.remaining)

    async def offer(self, why: str, days: list[DayOption], refused: bool = False) -> None:
        """Why today (or the chosen day) is not possible, and every day to choose from."""
        self.refused = refused
        lines = [why]
        if not any(d.bookable for d in days):
            lines.append(self.t("lobby_day_none",
                                days=self.app.desk.office.booking_horizon_days))
        self.query_one("#day-why", Static).update("\n".join(lines))
        hint = self.query_one("#day-hint", Static)
        hint.update(self.t("lobby_day_scroll") if len(days) > FITS else "")
        hint.display = len(days) > FITS
        box = self.query_one("#day-choices", Vertical)
        await box.remove_children()
        await box.mount_all([
            Button(self._words(d), id=f"day-{d.date.isoformat()}", classes="choice day",
                   variant="primary") if d.bookable
            else Static(self._words(d), id=f"day-{d.date.isoformat()}", classes="day-off")
            for d in days])
        self.scroll_home(animate=False)

    def focus_first(self) -> None:
        """The first day with numbers; after a refusal the list itself, so a key still held
        from "take the number" chooses no other day unseen."""
        buttons = self.query("#day-choices Button")
        if self.refused or not buttons:
            self.focus()
        else:
            buttons.first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if button.startswith("day-"):
            self.post_message(self.Chosen(dt.date.fromisoformat(button.removeprefix("day-"))))
