"""The officers and supervisors as the store keeps them: a name, a role, the hash of the
PIN (never the PIN), and the count of wrong tries behind a lockout."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import peewee

from data.models import Officer, database


class OfficerRow(NamedTuple):
    id: int
    name: str
    role: str
    pin_hash: str
    active: bool
    failed_attempts: int
    locked_until: dt.datetime | None  # naive UTC


def _row(o: Officer) -> OfficerRow:
    return OfficerRow(o.id, o.name, o.role, o.pin_hash, o.active, o.failed_attempts,
                      o.locked_until)


def officers_by_name() -> list[OfficerRow]:
    return [_row(o) for o in Officer.select().order_by(Officer.name)]


def any_active_officer() -> bool:
    return Officer.select().where(Officer.active == True).exists()  # noqa: E712


def officer_named(name: str) -> OfficerRow | None:
    found = Officer.get_or_none(Officer.name == name)
    return _row(found) if found is not None else None


def officer_to_check(name: str) -> OfficerRow | None:
    """The officer's row for a login, locked until the transaction ends so parallel tries
    are counted one after another (SQLite: the transaction already holds the write lock)."""
    query = Officer.select().where(Officer.name == name)
    if isinstance(database.obj, peewee.PostgresqlDatabase):
        query = query.for_update()
    found = query.first()
    return _row(found) if found is not None else None


def add_officer(name: str, role: str, pin_hash: str,
                created_at: dt.datetime) -> OfficerRow | None:
    """The new officer, or None if the name is taken (also by a terminal adding the same
    name at the same moment: the unique index decides)."""
    try:
        with database.atomic():  # a savepoint: the caller's transaction stays usable
            return _row(Officer.create(name=name, role=role, pin_hash=pin_hash, active=True,
                                       created_at=created_at))
    except peewee.IntegrityError:
        return None


def set_pin(officer_id: int, pin_hash: str) -> None:
    """A new PIN starts with no wrong tries and no lockout."""
    Officer.update(pin_hash=pin_hash, failed_attempts=0, locked_until=None).where(
        Officer.id == officer_id).execute()


def set_active(officer_id: int, active: bool) -> None:
    Officer.update(active=active).where(Officer.id == officer_id).execute()


def set_tries(officer_id: int, failed_attempts: int, locked_until: dt.datetime | None) -> None:
    Officer.update(failed_attempts=failed_attempts, locked_until=locked_until).where(
        Officer.id == officer_id).execute()
