"""Who came, recorded at the counter: a walk-in who took a number without typing is named
and identified by the officer from the ID card, with the lobby's checks; the audit log says
which fields changed, never their values; only the counter holding the number records it."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select

from kiosk.app.app import KioskApp
from pilot_helpers import click_ready
from kiosk.desk.errors import InvalidInput, Refused
from kiosk.desk.officers import Officers
from kiosk.texts import say
from screens.counter.visitor import VisitorDialog
from test_counter_helpers import add_officers, logged_in
from test_counter_helpers import wait_for as wait_briefly

NIK = "3171011708450001"


def nameless_walk_in(desk):
    """A number taken at the touch lobby without typing: no name, no identity."""
    ticket = desk.book("perpajakan", None)
    assert desk.detail(ticket.code).visitor.name == ""
    return ticket


def visitor_entries(desk):
    return [e for e in Officers(desk).audit() if e.action == "visitor"]


async def wait_for(pilot, condition) -> None:
    await wait_briefly(pilot, condition, timeout=30)  # a shared, loaded machine


def label(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def test_the_officer_records_a_nameless_walk_in_by_clicks(sqlite_desk):
    desk = sqlite_desk
    add_officers(desk)
    ticket = nameless_walk_in(desk)
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot)
        await pilot.click("#move-call")
        await wait_for(pilot, lambda: day.in_hand is not None and not day.busy)
        await pilot.click("#hand-visitor")
        await wait_for(pilot, lambda: isinstance(app.screen, VisitorDialog))
        dialog = app.screen
        dialog.query_one("#visitor-name", Input).value = "Maria Goreti Bria"
        dialog.query_one("#visitor-id-kind", Select).value = "nik"
        # A NIK with a region code that does not exist: the lobby's sentence, the dialog stays.
        dialog.query_one("#visitor-id", Input).value = "9971011708450001"
        await pilot.click("#visitor-ok")
        await wait_for(pilot, lambda: say("nik_invalid", "id") in label(dialog, ".dialog-message"))
        assert app.screen is dialog
        assert dialog.query_one("#visitor-name", Input).value == "Maria Goreti Bria"
        assert desk.detail(ticket.code).visitor.name == "" and visitor_entries(desk) == []
        dialog.query_one("#visitor-id", Input).value = NIK
        await click_ready(pilot, "#visitor-ok")
        await wait_for(pilot, lambda: app.screen is day)
        await wait_for(pilot, lambda: day.in_hand is not None
                       and day.in_hand.visitor.name == "Maria Goreti Bria")
    visitor = desk.detail(ticket.code).visitor
    assert (visitor.name, visitor.status, visitor.id_kind, visitor.id_number) == (
        "Maria Goreti Bria", "self", "nik", NIK)
    [entry] = visitor_entries(desk)
    assert (entry.actor, entry.counter, entry.ticket_number) == ("Budi Santoso", 1, 1)
    assert entry.detail == "name id_kind id_number"
    for secret in ("Maria", NIK):  # the log names no person
        assert secret not in repr(entry)


def test_recording_keeps_the_lobby_checks_and_the_counter_holding_it(desk):
    ticket = desk.book("perpajakan", "Ani")
    other = desk.book("perpajakan", "Budi", nik=NIK)
    with pytest.raises(Refused) as refused:  # not called yet
        desk.record_visitor(ticket.code, 1, "Sari", "Ani Lestari")
    assert refused.value.key == "visitor_not_in_hand"
    desk.call_next(1, "Sari")
    with pytest.raises(Refused) as refused:
        desk.record_visitor(ticket.code, 2, "Yohanes", "Ani Lestari")
    assert refused.value.key == "held_elsewhere"
    with pytest.raises(InvalidInput) as invalid:
        desk.record_visitor(ticket.code, 1, "Sari", "Ani Lestari", phone="12")
    assert invalid.value.key == "phone_invalid"
    with pytest.raises(InvalidInput) as invalid:  # letters were read as a keypad's digits
        desk.record_visitor(ticket.code, 1, "Sari", "Ani Lestari", phone="0812345abc")
    assert invalid.value.key == "phone_letters"
    with pytest.raises(Refused) as refused:  # one identity, one number a day
        desk.record_visitor(ticket.code, 1, "Sari", "Ani Lestari", nik=NIK)
    assert refused.value.key == "identity_has_number"
    assert visitor_entries(desk) == []
    saved = desk.record_visitor(ticket.code, 1, "Sari", "Ani  Lestari", status="proxy",
                                phone="081234567890")
    assert (saved.visitor.name, saved.visitor.status, saved.visitor.phone) == (
        "Ani Lestari", "proxy", "+6281234567890")
    # The same again changes nothing and logs nothing more.
    desk.record_visitor(ticket.code, 1, "Sari", "Ani Lestari", status="proxy",
                        phone="081234567890")
    assert [e.detail for e in visitor_entries(desk)] == ["name status phone"]
    assert desk.detail(other.code).visitor.id_number == NIK
