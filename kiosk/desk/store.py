"""Building the desk: the office profile, the database from its URL, the schema."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from data.database import StoreMissing, default_url, open_store
from data.errors import StoreError
from data.office import load_office
from kiosk.desk.clock import utc_now
from kiosk.desk.desk import Desk
from kiosk.desk.errors import StoreUnavailable
from kiosk.desk.guard import unavailable


def open_desk(url: str | None = None, office_path: str | Path | None = None,
              clock: Callable[[], dt.datetime] = utc_now, create: bool = False) -> Desk:
    """The desk of the office in ``office_path`` over the store at ``url``.

    Raises data.office.ProfileError for a broken profile and StoreUnavailable when the
    database cannot be opened or brought to the current schema, or is not there (key
    ``store_missing``). Only ``create`` (``kiosk init``, the tests) makes a new store.
    """
    office = load_office(office_path)
    try:
        db = open_store(url or default_url(), create=create)
    except StoreMissing as exc:
        raise StoreUnavailable(str(exc), key="store_missing") from None
    except StoreError as exc:
        raise unavailable(exc) from None
    desk = Desk(db, office, clock)
    desk.sync_services()
    desk.expire_past_days()
    return desk
