"""Officers and supervisors: PINs kept only as salted Argon2 hashes, lockout after
repeated wrong tries, every change in the audit log."""

from __future__ import annotations

import datetime as dt
import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from data.models import AuditEntry, Officer
from kiosk.desk.desk import Desk
from kiosk.desk.guard import store_errors
from kiosk.desk.errors import InvalidInput, NotAllowed, NotFound, Refused
from kiosk.desk.identity import check_name
from kiosk.desk.records import OfficerView

ROLES = ("officer", "supervisor")
MAX_TRIES = 5
LOCK_MINUTES = 5
_PIN = re.compile(r"^[0-9]{4,12}$")  # ASCII digits: what a keypad types
_hasher = PasswordHasher()


def check_pin(pin: str | None) -> str:
    pin = (pin or "").strip()
    if not _PIN.match(pin):
        raise InvalidInput("pin", "pin_invalid")
    return pin


def _view(row: Officer) -> OfficerView:
    return OfficerView(row.id, row.name, row.role, row.active)


class Officers:
    """The officers of the store, over the same desk (clock, database, audit log)."""

    def __init__(self, desk: Desk):
        self.desk = desk
        self.db = desk.db  # for the store guard

    @store_errors
    def list(self) -> list[OfficerView]:
        return [_view(o) for o in Officer.select().order_by(Officer.name)]

    @store_errors
    def any(self) -> bool:
        return Officer.select().where(Officer.active == True).exists()  # noqa: E712

    @store_errors
    def add(self, name: str, role: str, pin: str, actor: str) -> OfficerView:
        name = check_name(name)
        if role not in ROLES:
            raise InvalidInput("role", "role_invalid")
        pin_hash = _hasher.hash(check_pin(pin))
        with self.desk.db.atomic():
            if Officer.select().where(Officer.name == name).exists():
                raise Refused("officer_exists", name=name)
            row = Officer.create(name=name, role=role, pin_hash=pin_hash, active=True,
                                 created_at=self.desk._stamp())
            self.desk._audit("officer_add", actor, None, detail=f"{name} ({role})")
        return _view(row)

    @store_errors
    def reset_pin(self, name: str, pin: str, actor: str) -> OfficerView:
        pin_hash = _hasher.hash(check_pin(pin))
        with self.desk.db.atomic():
            row = self._get(name)
            Officer.update(pin_hash=pin_hash, failed_attempts=0, locked_until=None).where(
                Officer.id == row.id).execute()
            self.desk._audit("officer_reset_pin", actor, None, detail=row.name)
        return _view(row)

    @store_errors
    def set_active(self, name: str, active: bool, actor: str) -> OfficerView:
        with self.desk.db.atomic():
            row = self._get(name)
            Officer.update(active=active).where(Officer.id == row.id).execute()
            self.desk._audit("officer_enable" if active else "officer_disable", actor, None,
                             detail=row.name)
            row.active = active
        return _view(row)

    @store_errors
    def login(self, name: str, pin: str, counter: int | None = None) -> OfficerView:
        """The officer, if the PIN is right; wrong tries count toward a lockout."""
        now = self.desk._stamp()
        with self.desk.db.atomic():
            row = Officer.get_or_none(Officer.name == (name or "").strip())
            if row is None:
                raise NotAllowed("pin_wrong")
            if not row.active:
                raise NotAllowed("officer_disabled", name=row.name)
            if row.locked_until and row.locked_until > now:
                minutes = max(1, int((row.locked_until - now).total_seconds() // 60) + 1)
                raise NotAllowed("officer_locked", minutes=minutes)
            try:
                ok = _hasher.verify(row.pin_hash, (pin or "").strip())
            except (VerificationError, InvalidHashError):
                ok = False
            if ok:
                Officer.update(failed_attempts=0, locked_until=None).where(
                    Officer.id == row.id).execute()
                self.desk._audit("login", row.name, counter)
                return _view(row)
            tries = row.failed_attempts + 1
            locked = tries >= MAX_TRIES
            Officer.update(failed_attempts=0 if locked else tries,
                           locked_until=now + dt.timedelta(minutes=LOCK_MINUTES) if locked else None
                           ).where(Officer.id == row.id).execute()
            self.desk._audit("login_locked" if locked else "login_failed", row.name, counter,
                             detail=f"try {tries}")
        # Raised after the commit so the count of wrong tries is kept.
        if locked:
            raise NotAllowed("officer_locked", minutes=LOCK_MINUTES)
        raise NotAllowed("pin_wrong")

    def _get(self, name: str) -> Officer:
        row = Officer.get_or_none(Officer.name == (name or "").strip())
        if row is None:
            raise NotFound("officer_not_found", name=(name or "").strip()[:120])
        return row

    @store_errors
    def audit(self, day: dt.date | None = None, limit: int = 500) -> list:
        """The newest entries first; for a day, what happened that day (logins included)
        and what was decided about it (a quota set the week before)."""
        from kiosk.desk.records import AuditView

        query = AuditEntry.select().order_by(AuditEntry.id.desc()).limit(limit)
        if day is not None:
            start = dt.datetime.combine(day, dt.time(), self.desk.office.zone)
            start = start.astimezone(dt.timezone.utc).replace(tzinfo=None)
            end = start + dt.timedelta(days=1)
            query = query.where((AuditEntry.day == day)
                                | ((AuditEntry.at >= start) & (AuditEntry.at < end)))
        return [AuditView(e.at.replace(tzinfo=dt.timezone.utc), e.actor, e.counter, e.action,
                          e.day, e.ticket_code, e.ticket_number, e.detail, e.reason)
                for e in query]
