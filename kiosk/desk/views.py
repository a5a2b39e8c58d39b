"""Stored rows as the records the desk returns (kiosk.desk.records), and a ticket found by
the code a person typed or scanned."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import lru_cache

from data.queries import TICKET_COLUMNS, as_date
from data.tickets import TicketRow, TicketRows
from kiosk.desk import states
from kiosk.desk.codes import normalize_code
from kiosk.desk.errors import NotFound
from kiosk.desk.records import TicketDetail, TicketView, VisitorView, new_record


def find_ticket(rows: TicketRows, code: str) -> TicketRow:
    wanted = normalize_code(code)
    ticket = rows.by_code(wanted) if wanted else None
    if ticket is None:
        raise NotFound("ticket_not_found", code=(code or "").strip()[:32] or "-")
    return ticket


def ticket_view(ticket: TicketRow) -> TicketView:
    return row_view(ticket[:len(TICKET_COLUMNS)])


def detail_view(ticket: TicketRow) -> TicketDetail:
    return TicketDetail(
        ticket=ticket_view(ticket),
        visitor=VisitorView(ticket.visitor_name, ticket.visitor_status, ticket.id_kind,
                            ticket.id_number, ticket.phone),
        topic=ticket.topic, note=ticket.note, outcome=ticket.outcome)


def expired_view(ticket: TicketView) -> TicketView:
    """A past day's unfinished ticket reads as expired even before the sweep has run."""
    return replace(ticket, state=states.EXPIRED) if ticket.state in states.UNFINISHED else ticket


_UTC = dt.timezone.utc
_combine = dt.datetime.combine


def _moment(value: dt.datetime | str | None) -> dt.datetime | None:
    """A stored naive-UTC time (a string on SQLite) as an aware datetime. A report reads
    thousands: the text is parsed with its zone written on, and a datetime rebuilt with
    ``combine``, each several times cheaper than ``replace(tzinfo=…)`` (benchmarks/)."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value + "+00:00")
        except ValueError:  # a text with a zone of its own: that zone replaced, as before
            value = dt.datetime.fromisoformat(value)
    return _combine(value.date(), value.time(), _UTC)


def _booked(value: dt.datetime | str) -> dt.datetime:
    moment = _moment(value)
    assert moment is not None  # booked_at is NOT NULL
    return moment


@lru_cache(maxsize=4096)
def row_view(row: tuple) -> TicketView:
    """A TicketView straight from a row of data.queries.TICKET_COLUMNS. Rows are plain
    tuples, so an unchanged ticket read again (the board, a few times a second) costs a
    hash lookup instead of parsing six timestamps."""
    (_, day, number, code, service, state, walk_in, counter, officer, call_count, booked_at,
     arrived_at, called_at, started_at, finished_at, ended_at) = row
    return _new_view(
        number=number, code=code, date=as_date(day), service=service, state=state,
        walk_in=bool(walk_in), counter=counter, officer=officer, call_count=call_count,
        booked_at=_booked(booked_at), arrived_at=_moment(arrived_at),
        called_at=_moment(called_at), started_at=_moment(started_at),
        finished_at=_moment(finished_at), ended_at=_moment(ended_at))


_WAITED = TicketView.__dict__["waited_seconds"].func  # the cached_property's own function
_SERVED = TicketView.__dict__["served_seconds"].func


def _new_view(**fields: object) -> TicketView:
    """TicketView(**fields) without its generated __init__, which sets each of the 15 fields
    through the frozen class's guard (~8× the cost; a cold report builds thousands). Every
    field is given, the class has no __post_init__: the same object. Its two durations are
    worked out here, by the class's own code, rather than on first use through
    functools.cached_property, which takes a lock each time on Python 3.11."""
    view = new_record(TicketView, **fields)
    view.__dict__["waited_seconds"] = _WAITED(view)
    view.__dict__["served_seconds"] = _SERVED(view)
    return view
