"""Database trouble, turned into one calm refusal (StoreUnavailable) instead of a traceback."""

from __future__ import annotations

import functools

import peewee

from kiosk.desk.errors import StoreUnavailable


def store_errors(method):
    """Database trouble becomes one calm refusal instead of a traceback. A broken
    connection is dropped so the next call connects afresh; a read is tried once more."""
    retry = method.__name__ in _READS

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        for attempt in (1, 2):
            try:
                check_file = getattr(self.db, "check_file", None)
                if check_file is not None:
                    check_file()  # the SQLite file still the one we opened (~2 µs)
                return method(self, *args, **kwargs)
            except (peewee.OperationalError, peewee.InterfaceError) as exc:
                _forget_connection(self.db)
                text = _first_line(exc)
                busy = any(word in text for word in ("locked", "busy", "lock timeout"))
                if retry and attempt == 1 and not busy:
                    continue
                raise StoreUnavailable(text, key="store_busy" if busy else "store_unavailable") from exc
            except peewee.IntegrityError:
                raise
            except peewee.DatabaseError as exc:
                raise StoreUnavailable(_first_line(exc)) from exc

    return wrapper


_READS = {"status", "ticket", "detail", "ahead_of", "bookable_days"}


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _forget_connection(db: peewee.Database) -> None:
    if db.in_transaction():
        return
    try:
        db.close()
    except Exception:  # the connection is already gone; start from a clean state
        db._state.reset()
