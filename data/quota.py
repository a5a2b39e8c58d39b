"""A supervisor's quota for one date, kept instead of the profile's default (read by
data.queries.HotQueries.override on every booking and every read of the day)."""

from __future__ import annotations

import datetime as dt

from data.models import QuotaOverride


def save_quota(day: dt.date, quota: int, reason: str, set_by: str, set_at: dt.datetime) -> None:
    """The date's quota set, or changed when one was set before."""
    QuotaOverride.insert(day=day, quota=quota, reason=reason, set_by=set_by,
                         set_at=set_at).on_conflict(
        conflict_target=[QuotaOverride.day],
        update={QuotaOverride.quota: quota, QuotaOverride.reason: reason,
                QuotaOverride.set_by: set_by, QuotaOverride.set_at: set_at},
    ).execute()
