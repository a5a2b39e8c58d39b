"""The lobby's welcome: office, date and time, numbers left, the services, check-in,
information and the language switch. It shows the day as the app's follower of the store
reads it (other terminals' bookings, a new day, trouble), and brings every screen back
here after some idle time."""

from __future__ import annotations

import datetime as dt

from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Button, Static

from kiosk.texts.dates import clock_line
from kiosk.desk.records import DayStatus
from screens.common.messages import DayChanged, StoreBack, StoreTrouble
from screens.common.role_app import RoleApp
from screens.lobby.day_words import closed_today, today_not_why
from screens.lobby.page import LobbyPage

TICK_SECONDS = 0.25  # the clock line and the idle check


class LobbyScreen(LobbyPage):
    app = getters.app(RoleApp)
    CSS_PATH = "welcome.tcss"

    def __init__(self) -> None:
        super().__init__()
        self._clock_text = ""
        self._ticks: Timer | None = None

    @property
    def status(self) -> DayStatus | None:
        """The day as the app's follower last read it."""
        return self.app.follower.status

    # ----- what it shows ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        office = self.app.desk.office
        with Vertical(id="welcome"):
            with Horizontal(id="top"):
                yield Static(office.name, id="office")
                yield Static(self._clock_line(), id="clock")
            yield Static(self.t("lobby_welcome"), id="greeting")
            yield Static(self._left_line(), id="left")
            yield Static(self._prompt_line(), id="prompt")
            with Horizontal(id="services"):
                for service in office.services:
                    name = service.name_en if self.app.lang == "en" else service.name
                    about = service.description_en if self.app.lang == "en" else service.description
                    yield Button(f"{name}\n{about}", id=f"service-{service.code}",
                                 classes="service", variant="primary")
            with Horizontal(id="more"):
                yield Button(self.t("lobby_checkin"), id="checkin", variant="success")
                yield Button(self.t("lobby_info"), id="info")
                yield Button(self.t("survey_rate_button"), id="rate")  # the survey (screens/lobby/rating.py)
                yield Button(self.t("lobby_language"), id="language", variant="warning")
            yield Static(self.t("lobby_keys_hint"), id="hint")

    async def on_mount(self) -> None:
        desk = self.app.desk
        self.settings = desk.office.lobby
        self.start_lang = self.app.lang
        self.last_touch = desk.now()
        await self.app.follower.read_now()  # the first frame already shows the numbers left
        self.show()
        # The screen's timers keep running while another lobby screen is on top.
        self._ticks = self.set_interval(TICK_SECONDS, self._tick)
        if not self.app.is_headless:  # a real terminal: kill -INT/-TSTP/-QUIT must not end it
            from screens.lobby.signals import guard_signals

            self._unguard = guard_signals(self.request_exit, self.app.exit)

    def on_unmount(self) -> None:
        unguard = getattr(self, "_unguard", None)
        if unguard:
            unguard()

    def on_screen_resume(self) -> None:
        if self._ticks is not None:  # back from another screen (not the first start)
            self.run_worker(self._read_now(), group="read", exclusive=True, exit_on_error=False)

    def _clock_line(self) -> str:
        now = self.app.desk.local_now()
        return clock_line(now, self.app.lang)

    def _left_line(self) -> str:
        status = self.status
        if status is None:
            return ""
        if status.bookable:
            return self.t("lobby_left_today", left=status.remaining, quota=status.quota)
        if closed_today(status):
            return self.t("lobby_closed_today", why=today_not_why(self.app, status))
        if status.remaining <= 0:
            return self.t("lobby_taken_today", quota=status.quota)
        return today_not_why(self.app, status)  # the hours are over: a sentence of its own

    def _prompt_line(self) -> str:
        # With no number left today the services still take bookings for the coming days.
        later = self.status is not None and not self.status.bookable
        return self.t("lobby_choose_service_later" if later else "lobby_choose_service")

    def show(self) -> None:
        # query(), not query_one(): during a recompose or shutdown the widgets may be gone.
        for left in self.query("#left").results(Static):
            left.update(self._left_line())
            left.set_class(bool(self.status and not self.status.bookable), "none")
        for prompt in self.query("#prompt").results(Static):
            prompt.update(self._prompt_line())

    # ----- what the follower of the store says -------------------------------------------

    def on_day_changed(self, message: DayChanged) -> None:
        self.show()

    def on_store_trouble(self, message: StoreTrouble) -> None:
        self.show()

    def on_store_back(self, message: StoreBack) -> None:
        self.show()

    async def _read_now(self) -> None:
        """Read the day at once (back on the welcome, a reset) and show it."""
        await self.app.follower.read_now()
        self.show()

    # ----- the clock line and the idle check ---------------------------------------------

    def _tick(self) -> None:
        if not self.is_attached or not self.app.is_running:
            return  # shutting down
        clock = self._clock_line()
        if clock != self._clock_text:
            for shown in self.query("#clock").results(Static):
                self._clock_text = clock
                shown.update(clock)
        self._check_idle()

    # ----- idle reset -------------------------------------------------------------------

    def keep_awake(self) -> None:
        self.last_touch = self.app.desk.now()

    def _check_idle(self) -> None:
        idle = self.app.desk.now() - self.last_touch
        if idle < dt.timedelta(seconds=self.settings.idle_seconds):
            return
        if getattr(self.app.screen, "busy", False):
            return  # a booking under way ends on its ticket, which is then left idle
        if getattr(self.app.screen, "counts_down", False):
            return  # the ticket goes back by its own, longer, countdown
        if len(self.app.screen_stack) > 1 or self.app.lang != self.start_lang:
            self.last_touch = self.app.desk.now()
            self.run_worker(self.reset(), group="reset", exclusive=True)

    async def reset(self) -> None:
        """Back to the welcome in the start language; the other screens, and whatever was
        typed on them, are thrown away."""
        # The language first, so the welcome is never seen in the last visitor's language.
        if self.app.lang != self.start_lang:
            self.app.lang = self.start_lang
            await self.recompose()
        while len(self.app.screen_stack) > 1:
            await self.app.pop_screen()
        self.focus_first()
        await self._read_now()

    def focus_first(self) -> None:
        """Something always has the focus: the first service (a recompose drops it)."""
        buttons = self.query(".service").results(Button)
        first = next(buttons, None)
        if first is not None:
            first.focus()

    # ----- actions ----------------------------------------------------------------------

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if button.startswith("service-"):
            from screens.lobby.take import TakeScreen

            self.app.push_screen(TakeScreen(button.removeprefix("service-")))
        elif button == "checkin":
            from screens.lobby.checkin import CheckInScreen

            self.app.push_screen(CheckInScreen())
        elif button == "info":
            from screens.lobby.info import InfoScreen

            self.app.push_screen(InfoScreen())
        elif button == "rate":
            from screens.lobby.rating import RatingScreen

            self.app.push_screen(RatingScreen())
        elif button == "language":
            self.app.lang = "en" if self.app.lang == "id" else "id"
            await self.recompose()
            self.query_one("#language").focus()  # where the finger was: switch back at once
            self._clock_text = ""
            self.show()

