"""Service days in the office's own time zone: which days are open, and why not."""

from __future__ import annotations

import datetime as dt

from data import holiday_calendar
from data.office import Office
from kiosk.texts import Reason


def local_now(office: Office, now_utc: dt.datetime) -> dt.datetime:
    return now_utc.astimezone(office.zone)


def service_day(office: Office, now_utc: dt.datetime) -> dt.date:
    """The office's date at that moment (a booking at 00:01 WITA is for the new day)."""
    return local_now(office, now_utc).date()


def holiday_name(office: Office, day: dt.date) -> str | None:
    why = holiday_why(office, day)
    return str(why.values["name"]) if why else None


def holiday_why(office: Office, day: dt.date) -> Reason | None:
    """A holiday of one of the calendars that close the office (a public holiday, or a
    government joint leave day), with its name."""
    if not office.public_holidays:
        return None
    for category in office.holiday_categories:
        name = holiday_calendar.holidays_in(office.public_holidays, day.year, category).get(day)
        if name:
            return Reason("why_holiday" if category == "public" else "why_joint_leave",
                          {"name": name})
    return None


def closed_why(office: Office, day: dt.date) -> Reason | None:
    """Why the office is closed on ``day``, or None if open."""
    if day in office.closed_dates:
        return Reason("why_office_closed")
    holiday = holiday_why(office, day)
    if holiday:
        return holiday
    if day.weekday() not in office.opening_hours:
        return Reason("why_weekend") if day.weekday() >= 5 else Reason("why_no_hours")
    return None


def is_open_day(office: Office, day: dt.date) -> bool:
    return closed_why(office, day) is None


def hours_over(office: Office, now_local: dt.datetime) -> bool:
    """Today's service hours have ended (before opening still counts as bookable)."""
    hours = office.opening_hours.get(now_local.weekday())
    return hours is None or hours.is_over(now_local.time())


def within_hours(office: Office, now_local: dt.datetime) -> bool:
    """Inside the weekday's service hours, whatever the calendar says of the date."""
    hours = office.opening_hours.get(now_local.weekday())
    return hours is not None and hours.contains(now_local.time())
