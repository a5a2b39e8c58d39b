"""The officer's session on the day's screen: the message line, the idle lock measured on
the desk's clock (a key or a click anywhere on the counter's screens starts it again), the
session's sign of life in the store and its checks (one officer, one counter:
kiosk.desk.sessions), and the way back to the login, with nothing of the day left on screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.widgets import Label

from data.office_settings import CounterSettings
from kiosk.desk.desk import Desk
from kiosk.desk.errors import DeskError
from kiosk.desk.records import DayStatus, OfficerView, TicketDetail
from kiosk.desk.sessions import SESSION_BEAT_SECONDS, CounterSession, SessionEnded
from screens.common.role_app import RoleApp
from screens.common.shown_text import shown
from screens.counter.day_table import DayTable
from screens.counter.hand import TicketInHand
from screens.counter.login import CounterScreen
from screens.counter.work import CounterWork

T = TypeVar("T")


class DaySession(CounterWork):
    """Mixed into the day's screen (screens.counter.day), before its Screen class."""

    session: CounterSession
    officer: OfficerView
    status: DayStatus | None
    in_hand: TicketDetail | None
    settings: CounterSettings

    def start_session(self, session: CounterSession) -> None:
        self.session, self.officer = session, session.officer
        self.settings = self.app.desk.office.counter
        self._seen_at = self.app.desk.now()  # desk time of the officer's last key or click
        self._beat_at = self._seen_at  # desk time of the session's last sign of life

    # ----- the message line --------------------------------------------------------------

    def say(self, text: str, error: bool = False) -> None:
        line = self.query_one("#day-message", Label)
        line.update(shown(text))  # refusals carry typed values, sentences service names
        line.set_class(error, "-error")
        if error:
            self.notify(text, severity="warning", timeout=4, markup=False)

    def say_trouble(self, text: str) -> None:
        self.say(text, error=True)

    def show_who(self) -> None:
        now = self.app.desk.local_now()
        role = self.app.t(f"counter_role_{self.officer.role}")
        self.query_one("#day-who", Label).update(shown(self.app.t(
            "counter_who", counter=self.app.counter, name=self.officer.name, role=role,
            time=f"{now:%H:%M}")))

    # ----- the session -------------------------------------------------------------------

    def seen(self) -> None:
        """A key or a click on this terminal, here or in a dialog over the day."""
        self._seen_at = self.app.desk.now()

    def tick(self) -> None:
        """Each second: the clock, the elapsed time, the idle lock, and now and then the
        session's sign of life (SESSION_BEAT_SECONDS, on the desk's clock). The lock counts
        the terminal's idleness, dialogs open or not (a dialog left open shows taxpayers'
        data as well); the number in hand stays at this counter, untouched, for the
        officer to go on after the PIN."""
        now = self.app.desk.now()
        if (now - self._seen_at).total_seconds() >= self.settings.idle_lock_seconds:
            self.lock_session("counter_locked_idle")
            return
        if (now - self._beat_at).total_seconds() >= SESSION_BEAT_SECONDS:
            self._beat_at = now
            self.run_latest(self.keep_session(), group="session")
        if self.app.screen is not self:
            return
        self.show_who()
        if self.in_hand is not None:
            self.query_one(TicketInHand).show(self.in_hand)
        if self.status is not None:
            self.query_one(DayTable).show_waits(self.status, now)

    async def keep_session(self) -> None:
        """The session's sign of life in the store, and whether it is still this
        terminal's (the take-over at another counter is seen here at the latest)."""
        try:
            ended = await self.app.store.call(self.app.officers.keep_session, self.session)
        except DeskError:  # the store in trouble: the follower says so; the next beat comes
            return
        if ended is not None and self.app.is_running:
            self.session_ended(ended)

    def in_session(self, work: Callable[[Desk], T]) -> Callable[[Desk], T]:
        """``work`` for the store thread, done only while the session is still this
        terminal's (the officer not disabled, the session not taken to another counter):
        else SessionEnded, which the caller hands to ``session_ended``."""
        officers, session = self.app.officers, self.session

        def run(desk: Desk) -> T:
            ended = officers.check_session(session)
            if ended is not None:
                raise ended
            return work(desk)

        return run

    def session_ended(self, ended: SessionEnded) -> None:
        """Ended elsewhere (disabled, or taken to another counter): back to the login,
        saying why; the number in hand stays with this counter."""
        self.lock_session(ended.key, release=False, **ended.values)

    async def before_quit(self) -> None:
        """The program quits (ctrl+q, the palette's Quit) with the day open: the session
        ends in the store as a lock's does, so the officer may log in elsewhere at once
        (called by the app, kiosk.app.app.KioskApp.before_quit)."""
        await release_session(self.app, self.session)

    def action_lock(self) -> None:
        self.lock_session("counter_logged_out")

    def lock_session(self, reason_key: str, release: bool = True, **values: object) -> None:
        """Back to the login; nothing of the day stays on screen. Locked here, the
        session ends in the store too (``release``): the officer may log in at another
        counter at once."""
        app = self.app
        if self not in app.screen_stack:  # already locked (a read and a move both saw it)
            return
        while app.screen is not self:
            app.pop_screen()
        app.pop_screen()
        if release:  # by the app: this screen and its workers are gone
            app.run_worker(release_session(app, self.session), group="session-end")
        if isinstance(app.screen, CounterScreen):
            app.screen.locked(reason_key, **values)


async def release_session(app: RoleApp, session: CounterSession) -> None:
    try:
        await app.store.call(app.officers.end_session, session)
    except Exception:  # the store away (or a bug): the session expires by itself
        app.log.warning("the counter session could not be ended in the store")
