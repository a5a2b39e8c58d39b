"""The counter: the officer logs in first; nothing about any taxpayer shows before that."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Footer, Input, Label

from kiosk.desk.errors import DeskError
from kiosk.desk.records import OfficerView
from screens.common.shown_text import shown
from screens.counter.work import CounterWork

FIRST_RUN_CHECK_SECONDS = 2.0  # while no officer exists: is there one yet?


class CounterScreen(CounterWork, Screen[None]):
    CSS_PATH = "login.tcss"
    MESSAGE_LINE = "#login-message"

    def compose(self) -> ComposeResult:
        t, office = self.app.t, self.app.desk.office
        with Vertical(id="login-box"):
            yield Label(shown(f"{office.name} · {office.helpdesk_name}"), id="login-office")
            yield Label(t("counter_login_title", counter=self.app.counter), id="login-title")
            yield Label(t("counter_first_run"), id="login-first-run")
            yield Label(t("counter_login_name"), classes="login-label")
            yield Input(id="login-name", max_length=120, compact=True)
            yield Label(t("counter_login_pin"), classes="login-label")
            yield Input(id="login-pin", password=True, max_length=12, restrict=r"\d*", compact=True)
            yield Button(t("counter_login_button"), id="login-go", variant="primary", compact=True)
            yield Label("", id="login-message")
        yield Footer()

    first_run_check: Timer | None = None

    def on_mount(self) -> None:
        self.query_one("#login-first-run").display = False
        self.query_one("#login-name", Input).focus()
        self.run_latest(self.first_run(), group="first-run")

    async def first_run(self) -> None:
        """No officer in the store yet: say how to add the first one, until one is added
        (on the command line, meanwhile): then the hint goes."""
        anyone = await self.app.store.call(self.app.officers.any)
        self.query_one("#login-first-run").display = not anyone
        if not anyone and self.first_run_check is None:
            self.first_run_check = self.set_interval(
                FIRST_RUN_CHECK_SECONDS, lambda: self.run_latest(self.first_run(), "first-run"))
        elif anyone and self.first_run_check is not None:
            self.first_run_check.stop()
            self.first_run_check = None

    def show_message(self, text: str) -> None:
        self.query_one("#login-message", Label).update(text)

    @on(Input.Submitted, "#login-name")
    def _to_pin(self) -> None:
        self.query_one("#login-pin", Input).focus()

    @on(Input.Submitted, "#login-pin")
    @on(Button.Pressed, "#login-go")
    def _log_in(self) -> None:
        self.run_busy(self.log_in())

    async def log_in(self) -> None:
        name = self.query_one("#login-name", Input).value
        pin_input = self.query_one("#login-pin", Input)
        pin, pin_input.value = pin_input.value, ""  # the PIN never stays on screen
        try:
            async with self.working("#login-message"):
                officer = await self.app.store.call(self.app.officers.login, name, pin,
                                                    self.app.counter)
        except DeskError as error:
            self.show_message(error.message(self.app.lang))
            pin_input.focus()
            return
        self.open_day(officer)

    def open_day(self, officer: OfficerView) -> None:
        from screens.counter.day import CounterDay  # the day's screens load at the first login

        self.app.push_screen(CounterDay(officer))

    def locked(self, reason_key: str) -> None:
        """Back from the day: the session locked itself or the officer logged out."""
        self.query_one("#login-pin", Input).value = ""
        self.show_message(self.app.t(reason_key))
        self.query_one("#login-pin", Input).focus()
