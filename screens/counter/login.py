"""The counter: the officer logs in first; nothing about any taxpayer shows before that.
One officer works at one counter: while the officer's session at another counter is live
the login is refused, saying which counter, and a take-over is offered (kiosk.desk.sessions).
The offer keeps the name and PIN just typed in memory, never on screen, until the officer
takes it, types anything, or TAKE_OVER_OFFER_SECONDS pass."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Footer, Input, Label

from kiosk.desk.errors import DeskError
from kiosk.desk.sessions import CounterSession, SessionElsewhere
from screens.common.shown_text import shown
from screens.counter.work import CounterWork

FIRST_RUN_CHECK_SECONDS = 2.0  # while no officer exists: is there one yet?
TAKE_OVER_OFFER_SECONDS = 30.0  # a take-over not taken by then is offered no more


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
            yield Button("", id="login-take-over", variant="warning", compact=True)
        yield Footer()

    first_run_check: Timer | None = None
    # The name and PIN of a login refused for a session at another counter, while the
    # take-over is offered; and the timer that withdraws the offer.
    take_over_offer: tuple[str, str] | None = None
    offer_timer: Timer | None = None

    def on_mount(self) -> None:
        self.query_one("#login-first-run").display = False
        self.query_one("#login-take-over").display = False
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
        self.query_one("#login-message", Label).update(shown(text))

    @on(Input.Submitted, "#login-name")
    def _to_pin(self) -> None:
        self.query_one("#login-pin", Input).focus()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if event.value:  # not the PIN field emptied after a try
            self.withdraw_offer()

    @on(Input.Submitted, "#login-pin")
    @on(Button.Pressed, "#login-go")
    def _log_in(self) -> None:
        name = self.query_one("#login-name", Input).value
        pin_input = self.query_one("#login-pin", Input)
        pin, pin_input.value = pin_input.value, ""  # the PIN never stays on screen
        self.withdraw_offer()
        self.run_busy(self.log_in(name, pin))

    @on(Button.Pressed, "#login-take-over")
    def _take_over(self) -> None:
        offer = self.take_over_offer
        self.withdraw_offer()
        if offer is not None:
            self.run_busy(self.log_in(*offer, take_over=True))

    async def log_in(self, name: str, pin: str, take_over: bool = False) -> None:
        try:
            async with self.working("#login-message"):
                session = await self.app.store.call(self.app.officers.open_session, name, pin,
                                                    self.app.counter, take_over)
        except SessionElsewhere as held:
            self.show_message(held.message(self.app.lang))
            self.offer_take_over(name, pin, held.counter)
            return
        except DeskError as error:
            self.show_message(error.message(self.app.lang))
            self.query_one("#login-pin", Input).focus()
            return
        self.show_message("")
        self.open_day(session)

    def offer_take_over(self, name: str, pin: str, counter: int) -> None:
        button = self.query_one("#login-take-over", Button)
        button.label = self.app.t("counter_login_take_over", counter=counter)
        button.display = True
        button.focus()
        self.take_over_offer = (name, pin)
        self.offer_timer = self.set_timer(TAKE_OVER_OFFER_SECONDS, self.withdraw_offer)

    def withdraw_offer(self) -> None:
        self.take_over_offer = None
        if self.offer_timer is not None:
            self.offer_timer.stop()
            self.offer_timer = None
        button = self.query_one("#login-take-over", Button)
        if button.has_focus:  # else the officer is typing somewhere: leave the focus there
            self.query_one("#login-pin", Input).focus()
        button.display = False

    def open_day(self, session: CounterSession) -> None:
        from screens.counter.day import CounterDay  # the day's screens load at the first login

        self.app.push_screen(CounterDay(session))

    def locked(self, reason_key: str, **values: object) -> None:
        """Back from the day: the session locked itself, ended, or the officer logged out."""
        self.query_one("#login-pin", Input).value = ""
        self.show_message(self.app.t(reason_key, **values))
        self.query_one("#login-pin", Input).focus()
