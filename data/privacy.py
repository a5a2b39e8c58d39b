"""Erasing who came: the visitor's name, identity number, telephone and the officer's note
on the tickets of old days. What stays is anonymous: number, day, service, times, topic."""

from __future__ import annotations

import datetime as dt

from data.models import Ticket


def erase_visitors(before: dt.date, erased_name: str) -> int:
    """The personal data of every ticket of a day before ``before`` erased (the name set to
    ``erased_name``); how many tickets still had some."""
    return (Ticket.update(visitor_name=erased_name, id_kind="", id_number="", phone="", note="")
            .where(Ticket.day < before,
                   (Ticket.visitor_name != erased_name) | (Ticket.id_number != "")
                   | (Ticket.phone != "") | (Ticket.note != ""))
            .execute())
