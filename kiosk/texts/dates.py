"""Dates as a taxpayer reads them: "Senin, 30 November 2026" / "Monday, 30 November 2026"."""

from __future__ import annotations

import datetime as dt

from kiosk.texts import say


def long_date(day: dt.date, lang: str) -> str:
    return say("lobby_date", lang, weekday=say(f"lobby_weekday_{day.weekday()}", lang),
               day=day.day, month=say(f"lobby_month_{day.month}", lang), year=day.year)
