"""One officer, one counter. A login at another counter while the officer's session there
is live is refused, saying which counter holds it; a take-over, asked for explicitly, ends
that session (its terminal locks back to the login at its next check, and the number in
hand there stays with that counter) and is written in the audit log.

The session lives in the store (data.sessions), so this holds across terminals and hosts.
A running terminal refreshes its session every SESSION_BEAT_SECONDS; one that died (a crash,
a power cut) leaves a session nobody refreshes, which counts no more after
SESSION_EXPIRY_SECONDS: the officer is never locked out for good, and may take it over
before that too. Logging in again at the same counter simply renews it (the terminal there
restarted)."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from data import sessions as stored
from data.sessions import SessionRow
from kiosk.desk import service_days
from kiosk.desk.audit_log import AuditLog
from kiosk.desk.clock import DeskClock
from kiosk.desk.errors import NotAllowed
from kiosk.desk.records import OfficerView

SESSION_BEAT_SECONDS = 15  # a running terminal's sign of life, this often
SESSION_EXPIRY_SECONDS = 60  # a session without one for this long died with its terminal


@dataclass(frozen=True)
class CounterSession:
    """This terminal's session: who, at which counter, and its random token."""

    officer: OfficerView
    counter: int
    token: str


class SessionElsewhere(NotAllowed):
    """The officer's session is live at another counter: refused, a take-over offered."""

    def __init__(self, counter: int, since: str):
        super().__init__("session_elsewhere", counter=counter, since=since)
        self.counter = counter


class SessionEnded(NotAllowed):
    """This terminal's session is over: the officer was disabled, or the session was taken
    to another counter (or ended there). Its text is the login screen's sentence."""


def live(held: SessionRow, now: dt.datetime) -> bool:
    return held.seen_at > now - dt.timedelta(seconds=SESSION_EXPIRY_SECONDS)


class Sessions:
    """The rule over the store's session rows, inside the caller's transaction."""

    def __init__(self, audit_log: AuditLog, clock: DeskClock):
        self.audit_log, self.clock = audit_log, clock

    def claim(self, officer: OfficerView, counter: int, take_over: bool,
              now: dt.datetime) -> CounterSession | SessionElsewhere:
        """The officer's session at ``counter`` (the PIN was right), or the refusal when
        it is live at another counter and no take-over was asked for."""
        held = stored.session_of(officer.name)
        if held is not None and held.counter != counter and live(held, now):
            if not take_over:
                self.audit_log.write("login_held_elsewhere", officer.name, counter,
                                     detail=f"counter {held.counter}")
                return SessionElsewhere(held.counter, self._local_time(held.started_at))
            self.audit_log.write("session_take_over", officer.name, counter,
                                 detail=f"{held.counter} -> {counter}")
        token = secrets.token_hex(16)
        stored.open_session(officer.name, counter, token, now)
        return CounterSession(officer, counter, token)

    def ended(self, session: CounterSession, active: bool,
              held: SessionRow | None) -> SessionEnded | None:
        """None while ``session`` is still this terminal's; else why it is over."""
        if not active:
            return SessionEnded("counter_session_ended")
        if held is None or held.token != session.token:
            if held is not None and held.counter != session.counter:
                return SessionEnded("counter_session_moved", counter=held.counter)
            return SessionEnded("counter_session_gone")
        return None

    def _local_time(self, stamp: dt.datetime) -> str:
        local = service_days.local_now(self.clock.office, stamp.replace(tzinfo=dt.timezone.utc))
        return f"{local:%H:%M}"
