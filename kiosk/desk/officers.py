"""Officers and supervisors: PINs kept only as salted Argon2 hashes, lockout after
repeated wrong tries, one counter at a time (kiosk.desk.sessions), every change in the
audit log."""

from __future__ import annotations

import builtins
import datetime as dt
import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from data import officers as stored
from data import sessions as stored_sessions
from data.audit import entries_about, newest_entries
from data.officers import OfficerRow
from kiosk.desk.audit_log import AuditCheck
from kiosk.desk.desk import Desk
from kiosk.desk.errors import InvalidInput, NotAllowed, NotFound, Refused
from kiosk.desk.guard import store_errors
from kiosk.desk.identity import check_name
from kiosk.desk.records import AuditView, OfficerView
from kiosk.desk.sessions import CounterSession, Sessions, SessionEnded, SessionElsewhere

if TYPE_CHECKING:
    from argon2 import PasswordHasher

ROLES = ("officer", "supervisor")
MAX_TRIES = 5
LOCK_MINUTES = 5
MAX_TYPED_NAME = 40  # what an unknown name's try keeps of what was typed
_PIN = re.compile(r"^[0-9]{4,12}$")  # ASCII digits: what a keypad types


@cache
def _hasher() -> PasswordHasher:
    # argon2 (and its cffi binding) is loaded at the first PIN hashed or checked, not at
    # start-up: the board never checks one, the lobby and the counter only when asked.
    from argon2 import PasswordHasher

    return PasswordHasher()


def _pin_matches(pin_hash: str, pin: str | None) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError  # loaded with _hasher

    try:
        return _hasher().verify(pin_hash, (pin or "").strip())
    except (VerificationError, InvalidHashError):
        return False


def check_pin(pin: str | None) -> str:
    pin = (pin or "").strip()
    if not _PIN.match(pin):
        raise InvalidInput("pin", "pin_invalid")
    return pin


def _view(row: OfficerRow) -> OfficerView:
    return OfficerView(row.id, row.name, row.role, row.active)


class Officers:
    """The officers of the store, over the same desk (clock, database, audit log)."""

    def __init__(self, desk: Desk):
        self.desk = desk
        self.db = desk.db  # for the store guard
        self.audit_log, self.time = desk.audit_log, desk.time
        self.sessions = Sessions(desk.audit_log, desk.time)

    @store_errors
    def list(self) -> list[OfficerView]:
        return [_view(o) for o in stored.officers_by_name()]

    @store_errors
    def any(self) -> bool:
        return stored.any_active_officer()

    @store_errors
    def add(self, name: str, role: str, pin: str, actor: str) -> OfficerView:
        name = check_name(name)
        if role not in ROLES:
            raise InvalidInput("role", "role_invalid")
        pin_hash = _hasher().hash(check_pin(pin))
        with self.db.atomic():
            if stored.officer_named(name) is not None:
                raise Refused("officer_exists", name=name)
            row = stored.add_officer(name, role, pin_hash, self.time.stamp())
            if row is None:
                raise Refused("officer_exists", name=name)
            self.audit_log.write("officer_add", actor, None, detail=f"{name} ({role})")
        return _view(row)

    @store_errors
    def reset_pin(self, name: str, pin: str, actor: str) -> OfficerView:
        pin_hash = _hasher().hash(check_pin(pin))
        with self.db.atomic():
            row = self._get(name)
            stored.set_pin(row.id, pin_hash)
            self.audit_log.write("officer_reset_pin", actor, None, detail=row.name)
        return _view(row)

    @store_errors
    def set_active(self, name: str, active: bool, actor: str) -> OfficerView:
        with self.db.atomic():
            row = self._get(name)
            stored.set_active(row.id, active)
            if not active:  # the open session ends: the supervisor's word is final
                stored_sessions.end_session(row.name)
            self.audit_log.write("officer_enable" if active else "officer_disable", actor, None,
                                 detail=row.name)
        return _view(row._replace(active=active))

    @store_errors
    def login(self, name: str, pin: str, counter: int | None = None) -> OfficerView:
        """The officer, if the PIN is right. Every try is counted and logged, one after
        another (the officer's row locked): wrong ones toward a lockout, those with an
        unknown name or while locked too."""
        now = self.time.stamp()
        typed = "".join(ch for ch in (name or "").strip() if ch.isprintable())
        with self.db.atomic():
            row = stored.officer_to_check(typed)
            refusal = self._try(row, typed, pin, counter, now)
            if refusal is None:
                assert row is not None
                return _view(row)
        raise refusal  # after the commit, so the try stays counted

    @store_errors
    def open_session(self, name: str, pin: str, counter: int,
                     take_over: bool = False) -> CounterSession:
        """A login at ``counter`` that opens the officer's session there: as ``login``, and
        refused (SessionElsewhere) while the officer's session at another counter is live,
        unless ``take_over`` asks to end that one (kiosk.desk.sessions)."""
        now = self.time.stamp()
        typed = "".join(ch for ch in (name or "").strip() if ch.isprintable())
        opened: list[CounterSession] = []

        def claim(row: OfficerRow) -> SessionElsewhere | None:
            got = self.sessions.claim(_view(row), counter, take_over, now)
            if isinstance(got, SessionElsewhere):
                return got
            opened.append(got)
            return None

        with self.db.atomic():
            row = stored.officer_to_check(typed)
            refusal = self._try(row, typed, pin, counter, now, claim)
            if refusal is None:
                return opened[0]
        raise refusal  # after the commit, so the try stays counted

    @store_errors(read=True)
    def check_session(self, session: CounterSession) -> SessionEnded | None:
        """None while ``session`` is still this terminal's (the officer active, the
        session not taken to another counter); else why it is over."""
        row = stored.officer_named(session.officer.name)
        return self.sessions.ended(session, row is not None and row.active,
                                   stored_sessions.session_of(session.officer.name))

    @store_errors
    def keep_session(self, session: CounterSession) -> SessionEnded | None:
        """The terminal's sign of life (kiosk.desk.sessions.SESSION_BEAT_SECONDS); as
        ``check_session``, the session refreshed while it is still this terminal's."""
        with self.db.atomic():
            name = session.officer.name
            row = stored.officer_named(name)
            if row is not None and row.active and stored_sessions.refresh(
                    name, session.token, self.time.stamp()):
                return None
            return self.sessions.ended(session, row is not None and row.active,
                                       stored_sessions.session_of(name))

    @store_errors
    def end_session(self, session: CounterSession) -> None:
        """The terminal locked or logged out: its session ends (not another terminal's)."""
        with self.db.atomic():
            stored_sessions.end_session(session.officer.name, session.token)

    @store_errors
    def check_lobby_exit(self, name: str, pin: str) -> OfficerView:
        """The officer, if the PIN is right, for leaving the lobby kiosk. Not a counter
        login: a wrong PIN here is logged but not counted toward the officer's lockout, so
        a visitor at the public terminal cannot lock an officer out of the counter (the
        lobby slows guessing down on its own, screens.lobby.exit_backoff)."""
        typed = "".join(ch for ch in (name or "").strip() if ch.isprintable())
        with self.db.atomic():
            row = stored.officer_to_check(typed)
            ok = False
            if row is not None and row.active:
                ok = _pin_matches(row.pin_hash, pin)
            self.audit_log.write("lobby_exit" if ok else "lobby_exit_failed",
                                 row.name if row else "?", None, detail=typed[:MAX_TYPED_NAME])
        if not ok or row is None:
            raise NotAllowed("pin_wrong")
        return _view(row)

    def _try(self, row: OfficerRow | None, typed: str, pin: str, counter: int | None,
             now: dt.datetime,
             opening: Callable[[OfficerRow], NotAllowed | None] | None = None
             ) -> NotAllowed | None:
        write = self.audit_log.write
        if row is None:
            write("login_unknown", "?", counter, detail=typed[:MAX_TYPED_NAME])
            return NotAllowed("pin_wrong")
        if not row.active:  # no PIN checked, nothing to guess: not a try
            return NotAllowed("officer_disabled", name=row.name)
        if row.locked_until and row.locked_until > now:
            write("login_while_locked", row.name, counter)
            minutes = max(1, int((row.locked_until - now).total_seconds() // 60) + 1)
            return NotAllowed("officer_locked", minutes=minutes)
        ok = _pin_matches(row.pin_hash, pin)
        if ok:
            stored.set_tries(row.id, 0, None)
            refused = opening(row) if opening is not None else None  # the session's rule
            if refused is not None:
                return refused
            write("login", row.name, counter)
            return None
        tries = row.failed_attempts + 1
        locked = tries >= MAX_TRIES
        stored.set_tries(row.id, 0 if locked else tries,
                         now + dt.timedelta(minutes=LOCK_MINUTES) if locked else None)
        write("login_locked" if locked else "login_failed", row.name, counter,
              detail=f"try {tries}")
        if locked:
            return NotAllowed("officer_locked", minutes=LOCK_MINUTES)
        return NotAllowed("pin_wrong")

    def _get(self, name: str) -> OfficerRow:
        row = stored.officer_named((name or "").strip())
        if row is None:
            raise NotFound("officer_not_found", name=(name or "").strip()[:120])
        return row

    @store_errors
    def audit(self, day: dt.date | None = None, limit: int = 500) -> builtins.list[AuditView]:
        """The newest entries first; for a day, what happened that day (logins included)
        and what was decided about it (a quota set the week before)."""
        if day is None:
            entries = newest_entries(limit)
        else:
            start = dt.datetime.combine(day, dt.time(), self.desk.office.zone)
            start = start.astimezone(dt.timezone.utc).replace(tzinfo=None)
            entries = entries_about(day, start, start + dt.timedelta(days=1), limit)
        return [AuditView(e.at.replace(tzinfo=dt.timezone.utc), e.actor, e.counter, e.action,
                          e.day, e.ticket_code, e.ticket_number, e.detail, e.reason)
                for e in entries]

    @store_errors(read=True)
    def verify_audit(self) -> AuditCheck:
        """The audit chain checked end to end (the counter's audit view shows the mark)."""
        return self.audit_log.verify()
