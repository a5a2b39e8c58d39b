"""One officer, one counter (issue 14), as the desk keeps it in the store, on both engines:
a login at a second counter while the first session is live is refused, saying which
counter; a take-over ends the other session and is logged; a session that died expires;
a running terminal's sign of life keeps its session; disabling ends it."""

from __future__ import annotations

import pytest

from test_concurrency import run_workers

from kiosk.desk.errors import NotAllowed
from kiosk.desk.officers import Officers
from kiosk.desk.sessions import SESSION_EXPIRY_SECONDS, SessionElsewhere
from test_counter_helpers import PIN, add_officers


def actions(officers: Officers) -> list[tuple[str, str, int | None, str]]:
    return [(e.action, e.actor, e.counter, e.detail) for e in reversed(officers.audit())
            if e.action not in ("officer_add",)]


def test_a_second_counter_is_refused_while_the_first_session_is_live(desk):
    add_officers(desk)
    officers = Officers(desk)
    first = officers.open_session("Budi Santoso", PIN, 1)
    with pytest.raises(SessionElsewhere) as held:
        officers.open_session("Budi Santoso", PIN, 2)
    assert held.value.counter == 1
    assert "loket 1" in held.value.message("id")
    assert "counter 1" in held.value.message("en")
    assert officers.check_session(first) is None  # the first goes on, untouched
    assert actions(officers) == [("login", "Budi Santoso", 1, ""),
                                 ("login_held_elsewhere", "Budi Santoso", 2, "counter 1")]


def test_a_wrong_pin_is_not_told_where_the_session_is(desk):
    add_officers(desk)
    officers = Officers(desk)
    officers.open_session("Budi Santoso", PIN, 1)
    with pytest.raises(NotAllowed) as refused:
        officers.open_session("Budi Santoso", "0000", 2)
    assert not isinstance(refused.value, SessionElsewhere)
    assert refused.value.key == "pin_wrong"


def test_a_take_over_ends_the_other_session_and_is_logged(desk):
    add_officers(desk)
    officers = Officers(desk)
    first = officers.open_session("Budi Santoso", PIN, 1)
    second = officers.open_session("Budi Santoso", PIN, 2, take_over=True)
    assert second.counter == 2 and officers.check_session(second) is None
    ended = officers.check_session(first)
    assert ended is not None
    assert (ended.key, ended.values) == ("counter_session_moved", {"counter": 2})
    # The first terminal's sign of life does not win its session back.
    assert officers.keep_session(first) is not None
    assert officers.check_session(second) is None
    assert actions(officers)[-2:] == [("session_take_over", "Budi Santoso", 2, "1 -> 2"),
                                      ("login", "Budi Santoso", 2, "")]


def test_a_session_that_died_expires_and_a_live_one_is_kept_by_its_sign_of_life(desk, clock):
    add_officers(desk)
    officers = Officers(desk)
    officers.open_session("Budi Santoso", PIN, 1)  # its terminal then crashed: no sign of life
    clock.advance(seconds=SESSION_EXPIRY_SECONDS + 1)
    second = officers.open_session("Budi Santoso", PIN, 2)  # not locked out: no take-over asked
    assert second.counter == 2
    # A running terminal refreshes its session: past the expiry, it is still live.
    clock.advance(seconds=SESSION_EXPIRY_SECONDS - 10)
    assert officers.keep_session(second) is None
    clock.advance(seconds=SESSION_EXPIRY_SECONDS - 10)
    with pytest.raises(SessionElsewhere):
        officers.open_session("Budi Santoso", PIN, 3)


def test_the_same_counter_renews_and_an_ended_session_frees_the_officer(desk):
    add_officers(desk)
    officers = Officers(desk)
    first = officers.open_session("Budi Santoso", PIN, 1)
    again = officers.open_session("Budi Santoso", PIN, 1)  # the terminal there restarted
    ended = officers.check_session(first)
    assert ended is not None and ended.key == "counter_session_gone"
    officers.end_session(again)  # locked at counter 1
    assert officers.open_session("Budi Santoso", PIN, 2).counter == 2  # at once, no refusal


def test_disabling_an_officer_ends_the_session(desk):
    add_officers(desk)
    officers = Officers(desk)
    session = officers.open_session("Budi Santoso", PIN, 1)
    officers.set_active("Budi Santoso", False, "Sari Dewi")
    ended = officers.check_session(session)
    assert ended is not None and ended.key == "counter_session_ended"
    assert officers.keep_session(session) is not None


def test_two_counters_logging_the_officer_in_at_once_open_one_session(store_url):
    from conftest import ALWAYS_OPEN
    from kiosk.desk.store import open_desk

    desk = open_desk(store_url, ALWAYS_OPEN)
    add_officers(desk)
    first, second = run_workers(store_url, [["login", "Budi Santoso", PIN, 1],
                                            ["login", "Budi Santoso", PIN, 2]])
    results = sorted((r["ok"], r.get("counter"), r.get("key")) for r in first + second)
    assert results in ([(False, None, "session_elsewhere"), (True, 1, None)],
                       [(False, None, "session_elsewhere"), (True, 2, None)])
