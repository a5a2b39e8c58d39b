"""Dates as a taxpayer reads them: "Senin, 30 November 2026" / "Monday, 30 November 2026",
one way for every screen (the lobby, the board, the ticket, refusals)."""

from __future__ import annotations

import datetime as dt

from kiosk.texts import say


def long_date(day: dt.date, lang: str) -> str:
    return say("lobby_date", lang, weekday=say(f"lobby_weekday_{day.weekday()}", lang),
               day=day.day, month=say(f"lobby_month_{day.month}", lang), year=day.year)


def clock_line(now: dt.datetime, lang: str) -> str:
    """The date and time at the top of the lobby and the board: "Senin, 30 November 2026  10:05 WITA"."""
    return f"{long_date(now.date(), lang)}  {now:%H:%M} {now.tzname() or ''}".rstrip()
