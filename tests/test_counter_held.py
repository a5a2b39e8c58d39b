"""Moves that cannot go wrong: only the counter holding a number moves it (a supervisor may
take it over, logged as such), a counter outside the profile is refused everywhere, and a
returned no-show called again keeps its first arrival and counts every call."""

from __future__ import annotations

import json

import pytest

from conftest import ALWAYS_OPEN
from kiosk.cli.main import main
from kiosk.desk import supervision
from kiosk.desk.errors import InvalidInput, NotAllowed, Refused
from kiosk.desk.officers import Officers
from kiosk.desk.report import build_report
from test_counter_helpers import add_officers


def logged(desk) -> list[tuple[str, int | None, int | None]]:
    """(action, counter, number) of each move in the audit log, oldest first."""
    return [(e.action, e.counter, e.ticket_number) for e in reversed(Officers(desk).audit())
            if e.ticket_code and e.action != "book"]


HELD_MOVES = {
    "recall": lambda d, code, c: d.recall(code, c, "Yohanes"),
    "start": lambda d, code, c: d.start(code, c, "Yohanes"),
    "no_show": lambda d, code, c: d.no_show(code, c, "Yohanes"),
    "transfer": lambda d, code, c: d.transfer(code, "aplikasi", c, "Yohanes"),
}


@pytest.mark.parametrize("move", HELD_MOVES)
def test_another_counter_cannot_move_the_number_in_hand(desk, move):
    ticket = desk.book("perpajakan", "Ani")
    desk.book("perpajakan", "Budi")
    desk.call_next(1, "Sari")
    before, log = desk.ticket(ticket.code), logged(desk)
    with pytest.raises(Refused) as refused:
        HELD_MOVES[move](desk, ticket.code, 2)
    assert refused.value.key == "held_elsewhere"
    assert "loket 1" in refused.value.message("id")
    assert desk.ticket(ticket.code) == before and logged(desk) == log
    # Counter 1 itself may.
    HELD_MOVES[move](desk, ticket.code, 1)


def test_a_number_being_served_is_finished_only_where_it_is_held(desk):
    ticket = desk.book("perpajakan", "Ani")
    desk.call_next(1, "Sari")
    desk.start(ticket.code, 1, "Sari")
    with pytest.raises(Refused):
        desk.finish(ticket.code, 2, "Yohanes", "SPT Tahunan")
    with pytest.raises(InvalidInput):  # the profile has two counters
        desk.finish(ticket.code, 3, "Yohanes", "SPT Tahunan")
    assert desk.ticket(ticket.code).state == "serving"
    done = desk.finish(ticket.code, 1, "Sari", "SPT Tahunan")
    assert (done.state, done.counter) == ("done", 1)
    assert logged(desk) == [("call", 1, 1), ("start", 1, 1), ("finish", 1, 1)]


@pytest.mark.parametrize("counter", [99, -7, 12345, 0])
def test_transfer_cancel_and_return_refuse_a_counter_outside_the_profile(desk, counter):
    waiting = desk.book("perpajakan", "Ani")
    gone = desk.book("perpajakan", "Budi")
    desk.call_next(1, "Sari")  # number 1
    desk.no_show(waiting.code, 1, "Sari")
    log = logged(desk)
    with pytest.raises(InvalidInput):
        desk.transfer(gone.code, "aplikasi", counter, "Sari")
    with pytest.raises(InvalidInput):
        desk.cancel(gone.code, "Sari", "pulang", counter)
    with pytest.raises(InvalidInput):
        desk.return_to_queue(waiting.code, "Sari", counter)
    assert logged(desk) == log
    assert (desk.ticket(gone.code).service, desk.ticket(gone.code).state) == (
        "perpajakan", "waiting")
    assert desk.ticket(waiting.code).state == "no_show"


def test_a_supervisor_takes_a_number_over_and_the_log_says_so(desk):
    add_officers(desk)
    supervisor = Officers(desk).login("Sari Dewi", "9876", 2)
    officer = Officers(desk).login("Budi Santoso", "1234", 1)
    ticket = desk.book("perpajakan", "Ani")
    desk.call_next(1, "Yohanes")
    with pytest.raises(NotAllowed):
        supervision.take_over(desk, officer, ticket.code, 2)
    taken = supervision.take_over(desk, supervisor, ticket.code, 2)
    assert (taken.state, taken.counter, taken.officer) == ("called", 2, "Sari Dewi")
    assert desk.ticket(ticket.code).counter == 2
    entry = Officers(desk).audit()[0]
    assert (entry.action, entry.actor, entry.counter, entry.detail) == (
        "take_over", "Sari Dewi", 2, "1 -> 2")
    # Now counter 2 holds it: counter 1 no longer may move it.
    with pytest.raises(Refused):
        desk.start(ticket.code, 1, "Yohanes")
    desk.start(ticket.code, 2, "Sari Dewi")
    assert desk.finish(ticket.code, 2, "Sari Dewi", "SPT Tahunan").counter == 2


def test_a_returned_no_show_called_again_counts_every_call_and_waits_from_first_arrival(
        desk, clock):
    start = desk.now()
    ticket = desk.book("perpajakan", "Ani")
    clock.advance(seconds=100)
    assert desk.call_next(1, "Sari").call_count == 1
    desk.no_show(ticket.code, 1, "Sari")
    clock.advance(seconds=7)
    back = desk.return_to_queue(ticket.code, "Sari", 1)
    assert back.arrived_at == start  # the first arrival stays
    clock.advance(seconds=10)
    called = desk.call_next(2, "Yohanes")
    assert called.call_count == 2 and desk.ticket(ticket.code).call_count == 2
    assert desk.recall(ticket.code, 2, "Yohanes").call_count == 3
    desk.start(ticket.code, 2, "Yohanes")
    desk.finish(ticket.code, 2, "Yohanes", "SPT Tahunan")
    report = build_report(desk, desk.today())
    # Arrived at 0 s, called last at 117 s: the report measures the whole wait.
    assert report.total.average_wait == 117


@pytest.fixture
def kiosk(sqlite_url, capsys):
    def run(*args):
        code = main(["--db", sqlite_url, "--office", str(ALWAYS_OPEN), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.mark.parametrize("counter", ["99", "-7", "12345", "0"])
def test_the_counter_refuses_to_start_at_a_counter_outside_the_profile(kiosk, counter):
    code, out, err = kiosk("counter", "--counter", counter)
    assert code == 3 and out == ""
    assert len(err.strip().splitlines()) == 1 and "loket" in err.lower()


def test_the_command_line_refuses_other_counters_and_unknown_ones(kiosk):
    kiosk("book", "perpajakan", "--name", "Ani")
    second = json.loads(kiosk("book", "perpajakan", "--name", "Budi", "--json")[1])["code"]
    kiosk("call-next", "--counter", "1")
    for counter in ("99", "-7", "12345"):
        code, out, err = kiosk("transfer", second, "aplikasi", "--counter", counter)
        assert code == 3 and len(err.strip().splitlines()) == 1
        code, out, err = kiosk("cancel", second, "--counter", counter, "--reason", "x")
        assert code == 3
    first = json.loads(kiosk("status", "--json")[1])["tickets"][0]["code"]
    code, out, err = kiosk("start", first, "--counter", "2")
    assert code == 3 and "loket 1" in err
    assert kiosk("start", first, "--counter", "1")[0] == 0
