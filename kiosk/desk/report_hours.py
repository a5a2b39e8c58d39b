"""The office's offset from UTC over a report's range, so the store can count arrivals by
the local hour (data.report_counts): one span for a zone without summer time (every
Indonesian one), a span for each offset where the zone changes inside the range."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from data.report_counts import Span

_UTC = dt.timezone.utc
_DAY = dt.timedelta(days=1)


def _offset(zone: ZoneInfo, at: dt.datetime) -> int:
    offset = at.astimezone(zone).utcoffset()
    assert offset is not None  # a ZoneInfo always has one
    return int(offset.total_seconds())


def _change(zone: ZoneInfo, before: dt.datetime, after: dt.datetime) -> dt.datetime:
    """The first second at which the offset of ``after`` holds (between the two)."""
    wanted = _offset(zone, after)
    while after - before > dt.timedelta(seconds=1):
        middle = before + (after - before) / 2
        if _offset(zone, middle) == wanted:
            after = middle
        else:
            before = middle
    return after.replace(microsecond=0)


def hour_spans(zone: ZoneInfo, start: dt.date, end: dt.date) -> list[Span]:
    """The spans of the office's offset from the day before ``start`` to the day after
    ``end`` (a day's arrivals fall within it); the first and the last open-ended. A zone
    changes its offset at most once a day: one look a day finds every change."""
    at = dt.datetime.combine(start - _DAY, dt.time(), _UTC)
    last = dt.datetime.combine(end + 2 * _DAY, dt.time(), _UTC)
    spans: list[Span] = []
    since: dt.datetime | None = None
    offset = _offset(zone, at)
    while at < last:
        step = at + _DAY
        now = _offset(zone, step)
        if now != offset:
            change = _change(zone, at, step)
            naive = change.replace(tzinfo=None)
            spans.append((since, naive, offset))
            since, offset = naive, now
        at = step
    spans.append((since, None, offset))
    return spans
