"""Building the desk: the office profile, the database from its URL, the schema."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

import peewee

from data.database import StoreError, default_url, describe, open_database
from data.migrations import migrate
from data.office import load_office
from kiosk.desk.desk import Desk, utc_now
from kiosk.desk.errors import StoreUnavailable


def open_desk(url: str | None = None, office_path: str | Path | None = None,
              clock: Callable[[], dt.datetime] = utc_now) -> Desk:
    """The desk of the office in ``office_path`` over the store at ``url``.

    Raises data.office.ProfileError for a broken profile and StoreUnavailable when the
    database cannot be opened, created or brought to the current schema.
    """
    office = load_office(office_path)
    url = url or default_url()
    try:
        db = open_database(url)
        db.connect(reuse_if_open=True)
        migrate(db)
    except StoreError as exc:
        raise StoreUnavailable(str(exc)) from None
    except (peewee.DatabaseError, peewee.InterfaceError, RuntimeError, OSError) as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        busy = "locked" in first or "busy" in first
        raise StoreUnavailable(f"{describe(url)}: {first}",
                               key="store_busy" if busy else "store_unavailable") from None
    desk = Desk(db, office, clock)
    desk.sync_services()
    desk.expire_past_days()
    return desk
