"""Typed refusals of the Help Desk rules, each with its sentence in both languages."""

from __future__ import annotations

import datetime as dt

from kiosk.texts import TEXTS, both, say


class DeskError(Exception):
    """A refusal a person can read; ``message(lang)`` gives the sentence."""

    def __init__(self, key: str, **values):
        self.key, self.values = key, values
        super().__init__(both(key, **values))

    def message(self, lang: str = "id", long_dates: bool = False) -> str:
        """The sentence; with ``long_dates``, its dates as a taxpayer reads them
        ("Senin, 30 November 2026") rather than as a script does (2026-11-30)."""
        values = _long_dates(self.values, lang) if long_dates else self.values
        return say(self.key, lang, **values)


class Refused(DeskError):
    """A rule says no: quota reached, closed day, a move the states don't allow…"""


class DayNotBookable(Refused):
    """The chosen day cannot be booked; ``next_open`` is the next day with numbers left."""

    def __init__(self, key: str, next_open: dt.date | None, horizon_days: int, **values):
        super().__init__(key, **values)
        self.next_open, self.horizon_days = next_open, horizon_days

    def message(self, lang: str = "id", long_dates: bool = False) -> str:
        first = super().message(lang, long_dates)
        if self.next_open:
            day = _long_date(self.next_open, lang) if long_dates else self.next_open.isoformat()
            return f"{first} {say('next_open_day', lang, date=day)}"
        return f"{first} {say('no_open_day', lang, days=self.horizon_days)}"

    def __str__(self) -> str:
        return f"{self.message('id')} / {self.message('en')}"


class InvalidInput(DeskError):
    """A field a person typed is not acceptable; ``field`` names it."""

    def __init__(self, field: str, key: str, **values):
        super().__init__(key, **values)
        self.field = field


class NotFound(DeskError):
    """No such ticket or officer."""


class NotAllowed(DeskError):
    """The officer's role or login does not allow this."""


class StoreUnavailable(DeskError):
    """The database cannot be reached or used right now."""

    def __init__(self, detail: str, key: str = "store_unavailable"):
        super().__init__(key, detail=detail)

    def message(self, lang: str = "id", long_dates: bool = False) -> str:
        """On a screen: what is wrong in plain words and what happens next; the driver's own
        line (``detail``, often English) stays in str() for the command line and the log."""
        said = f"{self.key}_said"  # a sentence without the detail; "busy" has none anyway
        if said not in TEXTS:
            said = self.key if "{detail}" not in TEXTS.get(self.key, ("{detail}",))[0] \
                else "store_unavailable_said"
        # A sentence of its own (the clock's) still says its own values; only the detail goes.
        return say(said, lang, **{k: v for k, v in self.values.items() if k != "detail"})


def _long_date(day: dt.date, lang: str) -> str:
    from kiosk.texts.dates import long_date

    return long_date(day, lang)


def _long_dates(values: dict, lang: str) -> dict:
    """The values, with every ISO date among them written out."""
    written = {}
    for name, value in values.items():
        if isinstance(value, str) and len(value) == 10:
            try:
                value = _long_date(dt.date.fromisoformat(value), lang)
            except ValueError:
                pass
        written[name] = value
    return written
