"""The lobby's welcome: office, date and time, numbers left, the services, check-in,
information and the language switch. It also keeps the kiosk fresh: it follows bookings
made on other terminals and brings every screen back here after some idle time."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from kiosk.desk.errors import DeskError, StoreUnavailable
from kiosk.texts.dates import long_date
from kiosk.desk.records import DayStatus
from screens.lobby.day_words import today_not_why
from screens.lobby.page import LobbyPage

FOLLOW_SECONDS = 0.25  # how often the cheap change check runs


class LobbyScreen(LobbyPage):
    CSS_PATH = "welcome.tcss"

    def __init__(self) -> None:
        super().__init__()
        self.status: DayStatus | None = None
        self.trouble: DeskError | None = None
        self._checking = False
        self._stale = True  # read the day at the next tick whatever the watcher says
        self._clock_text = ""

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
                yield Button(self.t("lobby_language"), id="language", variant="warning")
            yield Static(self._trouble_line(), id="trouble")
            yield Static(self.t("lobby_keys_hint"), id="hint")

    async def on_mount(self) -> None:
        desk = self.app.desk
        self.settings = desk.office.lobby
        self.start_lang = self.app.lang
        self.last_touch = desk.now()
        await self._read_now()  # the first frame already shows the numbers left
        # On the App, so it keeps running while another lobby screen is on top.
        self.app.set_interval(FOLLOW_SECONDS, self._tick)
        if not self.app.is_headless:  # a real terminal: kill -INT/-TSTP/-QUIT must not end it
            from screens.lobby.signals import guard_signals

            self._unguard = guard_signals(self.request_exit, self.app.exit)

    def on_unmount(self) -> None:
        unguard = getattr(self, "_unguard", None)
        if unguard:
            unguard()

    def on_screen_resume(self) -> None:
        if hasattr(self, "settings"):  # back from another screen (not the first start)
            self.run_worker(self._read_now(), group="read", exclusive=True, exit_on_error=False)

    def _clock_line(self) -> str:
        now = self.app.desk.local_now()
        return f"{long_date(now.date(), self.app.lang)}  {now:%H:%M} {now.tzname()}"

    def _left_line(self) -> str:
        status = self.status
        if status is None:
            return ""
        if status.bookable:
            return self.t("lobby_left_today", left=status.remaining, quota=status.quota)
        if not status.open:
            return self.t("lobby_closed_today", why=today_not_why(self.app, status))
        if status.remaining <= 0:
            return self.t("lobby_taken_today", quota=status.quota)
        return today_not_why(self.app, status)  # the hours are over: a sentence of its own

    def _prompt_line(self) -> str:
        # With no number left today the services still take bookings for the coming days.
        later = self.status is not None and not self.status.bookable
        return self.t("lobby_choose_service_later" if later else "lobby_choose_service")

    def _trouble_line(self) -> str:
        return self.t("lobby_store_down") if self.trouble else ""

    def show(self) -> None:
        # query(), not query_one(): during a recompose or shutdown the widgets may be gone.
        for left in self.query("#left").results(Static):
            left.update(self._left_line())
            left.set_class(bool(self.status and not self.status.bookable), "none")
        for prompt in self.query("#prompt").results(Static):
            prompt.update(self._prompt_line())
        for trouble in self.query("#trouble").results(Static):
            trouble.update(self._trouble_line())

    # ----- following the store ----------------------------------------------------------

    async def _read_now(self) -> None:
        """Read the day at once (start, reset), in the store thread."""
        try:
            self.status, self.trouble = await self.app.store.call(self.app.desk.status), None
        except DeskError as exc:
            self.trouble = exc
        except Exception as exc:  # a bug, not the store: logged, shown as trouble, kept running
            self.log.error(f"lobby read failed: {exc!r}")
            self.trouble = StoreUnavailable(type(exc).__name__)
        self.show()

    def _tick(self) -> None:
        if not self.is_attached or not self.app.is_running:
            return  # shutting down
        clock = self._clock_line()
        if clock != self._clock_text:
            for shown in self.query("#clock").results(Static):
                self._clock_text = clock
                shown.update(clock)
            if self.status and self.status.date != self.app.desk.today():
                self._stale = True  # a new service day
        self._check_idle()
        if not self._checking:
            self._checking = True
            self.run_worker(self._follow(), group="follow", exit_on_error=False)

    async def _follow(self) -> None:
        """The cheap change check, and a read of the day when something changed."""
        try:
            if await self.app.store.changed() or self._stale or self.trouble:
                self._stale = False
                await self._read_now()
        finally:
            self._checking = False

    # ----- idle reset -------------------------------------------------------------------

    def keep_awake(self) -> None:
        self.last_touch = self.app.desk.now()

    def _check_idle(self) -> None:
        idle = self.app.desk.now() - self.last_touch
        if idle < dt.timedelta(seconds=self.settings.idle_seconds):
            return
        if getattr(self.app.screen, "busy", False):
            return  # a booking under way ends on its ticket, which is then left idle
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
        await self._read_now()

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
        elif button == "language":
            self.app.lang = "en" if self.app.lang == "id" else "id"
            await self.recompose()
            self._clock_text = ""
            self.show()

