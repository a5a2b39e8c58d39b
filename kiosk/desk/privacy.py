"""Erasing visitors' personal data after the profile's retention period.

What is erased: the name, NPWP/NIK/passport number, telephone and the officer's free note.
What stays: number, day, service, state, times, counter, topic and outcome — the anonymous
statistics of the reports. Erased also from the store's files: see data/privacy.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from data.office_settings import RETENTION_DAYS
from data.privacy import erase_visitors, scrub_files
from kiosk.desk.desk import Desk
from kiosk.desk.guard import store_errors
from kiosk.desk.errors import InvalidInput

ERASED_NAME = "-"


@dataclass(frozen=True)
class PurgeResult:
    before: dt.date  # tickets of days before this date were erased
    tickets: int
    not_scrubbed: tuple[str, ...] = ()  # steps that could not take old values out of the files


@store_errors
def purge(desk: Desk, actor: str, older_than_days: int | None = None) -> PurgeResult:
    days = desk.office.privacy.retention_days if older_than_days is None else older_than_days
    low, high = RETENTION_DAYS  # what the profile may say, asked of the command line too
    if isinstance(days, bool) or not isinstance(days, int) or not low <= days <= high:
        raise InvalidInput("older_than", "retention_invalid")
    before = desk.today() - dt.timedelta(days=days)
    with desk.db.atomic():
        count = erase_visitors(before, ERASED_NAME)
        desk.audit_log.write("purge", actor, None,
                             detail=f"{count} tickets before {before.isoformat()}")
    # After the commit: the erased values are still in the files until these steps.
    return PurgeResult(before, count, tuple(scrub_files(desk.db)))


