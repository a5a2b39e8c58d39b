"""Why no number can be taken today, in the taxpayer's words (the welcome and the form)."""

from __future__ import annotations

from kiosk.desk.days import closed_by_supervisor
from kiosk.desk.records import DayStatus
from kiosk.texts.dates import long_date
from screens.common.role_app import RoleApp


def closed_today(status: DayStatus) -> bool:
    """Closed: by the calendar, or by a supervisor who set the day's quota to 0 (rule 8)."""
    return not status.open or (status.quota == 0 and status.quota_overridden)


def today_not_why(app: RoleApp, status: DayStatus) -> str:
    """Why no number can be taken for today, as a short sentence."""
    lang = app.lang
    if not status.open:
        return status.closed_why.text(lang) if status.closed_why else ""
    if closed_today(status):  # a supervisor closed the day
        return closed_by_supervisor(status.quota_reason).text(lang)
    if status.remaining <= 0:
        return app.t("quota_reached", date=long_date(status.date, lang))
    hours = app.desk.office.opening_hours.get(status.date.weekday())
    return app.t("after_hours", hours=hours.label() if hours else "-")
