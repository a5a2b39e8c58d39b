"""One officer, one counter, through two counter apps on one store (issue 14): a login at
counter 2 while the officer works at counter 1 is refused, naming counter 1, with a
take-over offered; taken (by a click or by the keyboard), counter 1 locks back to the login
and its number in hand stays with counter 1; a session whose terminal died is taken over,
or simply expires; a running counter keeps its session alive; a lock frees the officer."""

from __future__ import annotations

from kiosk.app.app import KioskApp
from kiosk.desk.officers import Officers
from kiosk.desk.sessions import SESSION_BEAT_SECONDS, SESSION_EXPIRY_SECONDS, SessionElsewhere
from pilot_helpers import click_ready, until
from screens.counter.day import CounterDay
from screens.counter.login import CounterScreen
from test_counter_helpers import PIN, add_officers, log_in, logged_in, wait_for

import pytest


def message(app) -> str:
    return str(app.screen.query_one("#login-message").render())


def offered(app) -> bool:
    """The take-over offer shown and laid out (a button just shown has no place until the
    next layout: a loaded machine lets a test look in between)."""
    return (isinstance(app.screen, CounterScreen)
            and app.screen.query_one("#login-take-over").display
            and app.screen.query_one("#login-take-over").region.height > 0)


async def test_a_second_counter_is_refused_and_a_take_over_by_click_locks_the_first(desk):
    add_officers(desk)
    ticket = desk.book("perpajakan", "Ani Lestari")
    one = KioskApp(desk, "counter", counter=1)
    two = KioskApp(desk, "counter", counter=2)
    async with one.run_test(size=(80, 24)) as p1, two.run_test(size=(80, 24)) as p2:
        day1 = await logged_in(p1, "Budi Santoso", PIN)
        await p1.press("n")
        await wait_for(p1, lambda: day1.in_hand is not None)

        await log_in(p2, "Budi Santoso", PIN)
        await wait_for(p2, lambda: offered(two))
        assert "loket 1" in message(two)  # which counter holds the session
        assert isinstance(one.screen, CounterDay)  # refused: counter 1 goes on
        offer = two.screen.query_one("#login-take-over")
        assert "loket 1" in str(offer.label)  # on one line, whole, at 80x24
        assert offer.region.height == 1 and offer.content_region.width >= len(str(offer.label))
        assert offer.region.bottom <= 24

        await click_ready(p2, "#login-take-over")
        await wait_for(p2, lambda: isinstance(two.screen, CounterDay)
                       and two.screen.status is not None)
        # Counter 1 locks back to the login at its next check, saying where the session went.
        await wait_for(p1, lambda: isinstance(one.screen, CounterScreen))
        assert "loket 2" in message(one)
        assert "Ani Lestari" not in " ".join(str(w.render()) for w in one.screen.query("Label"))
        assert two.screen.in_hand is None  # the number in hand stayed with counter 1
    moved = desk.ticket(ticket.code)
    assert (moved.state, moved.counter) == ("called", 1)
    taken = [(e.action, e.actor, e.counter, e.detail) for e in Officers(desk).audit()
             if e.action == "session_take_over"]
    assert taken == [("session_take_over", "Budi Santoso", 2, "1 -> 2")]


async def test_the_take_over_by_keys_and_a_moves_check_on_a_counter_that_missed_it(
        sqlite_desk, monkeypatch):
    desk = sqlite_desk
    add_officers(desk)
    desk.book("perpajakan", "Ani Lestari")
    one = KioskApp(desk, "counter", counter=1)
    two = KioskApp(desk, "counter", counter=2)
    async with one.run_test(size=(80, 24)) as p1, two.run_test(size=(80, 24)) as p2:
        day1 = await logged_in(p1, "Budi Santoso", PIN)
        # Counter 1 reads the day no more (as if it missed the change): its next move checks.
        one.follower.stop()
        monkeypatch.setattr(one.follower, "refresh", lambda: None)
        await log_in(p2, "Budi Santoso", PIN)
        await wait_for(p2, lambda: offered(two))
        await p2.press("enter")  # the offer has the focus
        await wait_for(p2, lambda: isinstance(two.screen, CounterDay))
        assert day1 is one.screen
        await p1.press("n")  # refused in the store thread: the session is at counter 2
        await wait_for(p1, lambda: isinstance(one.screen, CounterScreen))
        assert "loket 2" in message(one)
    assert desk.status().tickets[0].state == "waiting"  # counter 1 called nobody


async def test_a_dead_terminals_session_is_taken_over_or_expires(sqlite_desk, clock):
    desk = sqlite_desk
    add_officers(desk)
    # Counter 1's terminal lost its power with Budi logged in: nobody refreshes the session.
    Officers(desk).open_session("Budi Santoso", PIN, 1)
    app = KioskApp(desk, "counter", counter=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await log_in(pilot, "Budi Santoso", PIN)
        await wait_for(pilot, lambda: offered(app))
        await click_ready(pilot, "#login-take-over")  # before it expires: taken over
        day = await wait_for_day(pilot)
        await pilot.press("l")
        await wait_for(pilot, lambda: isinstance(app.screen, CounterScreen))
        assert day is not app.screen
    # Again at counter 1, dead again; past the expiry the login needs no take-over.
    Officers(desk).open_session("Budi Santoso", PIN, 1)
    clock.advance(seconds=SESSION_EXPIRY_SECONDS + 1)
    app = KioskApp(desk, "counter", counter=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await logged_in(pilot, "Budi Santoso", PIN)
    entries = [(e.action, e.counter) for e in reversed(Officers(desk).audit())
               if e.action not in ("officer_add",)]
    assert entries == [("login", 1),  # the dead terminal's
                       ("login_held_elsewhere", 2), ("session_take_over", 2), ("login", 2),
                       ("login", 1),  # dead again
                       ("login", 2)]  # expired: no refusal, no take-over


async def wait_for_day(pilot):
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CounterDay)
                   and pilot.app.screen.status is not None)
    return pilot.app.screen


async def test_a_running_counter_keeps_its_session_and_a_lock_frees_the_officer(
        sqlite_desk, clock):
    desk = sqlite_desk
    add_officers(desk)
    officers = Officers(desk)
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot, "Budi Santoso", PIN)
        beats = 0
        for _ in range(4):  # past the expiry, but with signs of life
            before = _seen(desk)
            clock.advance(seconds=SESSION_BEAT_SECONDS + 1)
            await until(pilot, lambda: _seen(desk) != before)
            beats += 1
        assert beats * (SESSION_BEAT_SECONDS + 1) > SESSION_EXPIRY_SECONDS
        with pytest.raises(SessionElsewhere):
            officers.open_session("Budi Santoso", PIN, 2)
        assert app.screen is day
        await click_ready(pilot, "#tool-lock")  # the officer locks counter 1 and walks over
        await wait_for(pilot, lambda: isinstance(app.screen, CounterScreen))
        await until(pilot, lambda: _seen(desk) is None)
    assert officers.open_session("Budi Santoso", PIN, 2).counter == 2  # no refusal


def _seen(desk):
    from data.sessions import session_of

    held = session_of("Budi Santoso")
    return None if held is None else held.seen_at


async def test_the_take_over_offer_is_withdrawn_once_anything_is_typed_or_after_a_while(
        sqlite_desk, monkeypatch):
    """The offer keeps the PIN just typed (in memory, never on screen): a stranger at the
    terminal later must not find it waiting."""
    from screens.counter import login

    desk = sqlite_desk
    add_officers(desk)
    Officers(desk).open_session("Budi Santoso", PIN, 1)
    monkeypatch.setattr(login, "TAKE_OVER_OFFER_SECONDS", 1.0)
    app = KioskApp(desk, "counter", counter=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await log_in(pilot, "Budi Santoso", PIN)
        await wait_for(pilot, lambda: offered(app))
        assert app.screen.take_over_offer is not None
        assert app.screen.query_one("#login-pin").value == ""  # not on screen
        await until(pilot, lambda: not offered(app), timeout=10)
        assert app.screen.take_over_offer is None
        monkeypatch.setattr(login, "TAKE_OVER_OFFER_SECONDS", 600.0)  # only typing now
        await log_in(pilot, "Budi Santoso", PIN)
        await wait_for(pilot, lambda: offered(app))
        app.screen.query_one("#login-name").focus()
        await pilot.press("x")  # somebody types: the offer goes
        await wait_for(pilot, lambda: not offered(app))
        assert app.screen.take_over_offer is None
        assert app.screen.focused is app.screen.query_one("#login-name")  # typing goes on
    held = [e.action for e in Officers(desk).audit() if e.action == "session_take_over"]
    assert held == []  # nothing was taken over
