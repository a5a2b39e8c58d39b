"""The day's tickets in the officer's words: service names, clock times, minutes waited."""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from kiosk.desk import states
from kiosk.desk.records import TicketView
from kiosk.desk.topics import short_service_names
from screens.common.role_app import RoleApp
from screens.common.shown_text import visible


def cell(value: object) -> Text:
    """A table cell drawn as text: a DataTable reads a plain string as markup, so stored
    or typed text with square brackets would style the table or crash it."""
    return Text(visible(str(value)))


def service_name(app: RoleApp, code: str, short: bool = False) -> str:
    office = app.desk.office
    if short:  # for the narrow table
        return short_service_names(office, app.lang).get(code, code)
    service = office.service(code)
    if service is None:
        return code
    return service.name_en if app.lang == "en" else service.name


def clock(app: RoleApp, moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return f"{moment.astimezone(app.desk.office.zone):%H:%M}"


def minutes(app: RoleApp, seconds: float | None) -> str:
    if seconds is None:
        return ""
    return app.t("counter_minutes", minutes=int(seconds // 60))


def waited(ticket: TicketView, now: dt.datetime) -> float | None:
    """From arrival to the call; for a number still waiting, until ``now``."""
    if ticket.waited_seconds is not None:
        return ticket.waited_seconds
    if ticket.state == states.WAITING and ticket.arrived_at:
        return (now - ticket.arrived_at).total_seconds()
    return None
