"""Sessions that protect taxpayers' data: the idle lock covers dialogs and keeps the number
in hand; a disabled officer's open session ends; the first-run hint goes once an officer
exists."""

from __future__ import annotations

import threading

from kiosk.app.app import KioskApp
from kiosk.desk.officers import Officers
from kiosk.desk.sessions import SessionEnded
from pilot_helpers import until
from screens.counter.login import CounterScreen
from screens.counter.quota import QuotaDialog
from screens.counter.report import ReportScreen
from test_counter_helpers import PIN, SUPER_PIN, add_officers, logged_in, wait_for


def text_of(screen) -> str:
    return " ".join(str(w.render()) for w in screen.query("Label, Static"))


async def test_the_idle_lock_covers_an_open_dialog_and_keeps_the_number_in_hand(
        sqlite_desk, clock):
    desk = sqlite_desk
    add_officers(desk)
    ticket = desk.book("perpajakan", "Ani Lestari")
    idle = desk.office.counter.idle_lock_seconds
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot, "Sari Dewi", SUPER_PIN)
        await pilot.press("n")
        await wait_for(pilot, lambda: day.in_hand is not None)
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuotaDialog))
        clock.advance(seconds=idle - 5)
        await pilot.press("1")  # typing in the dialog is work: the idle time starts again
        clock.advance(seconds=idle - 5)
        await pilot.pause(1.5)  # a tick or so: nothing locks, 2 x idle - 10 s after login
        assert isinstance(app.screen, QuotaDialog)
        clock.advance(seconds=10)  # now idle past the limit, with the dialog open
        await until(pilot, lambda: isinstance(app.screen, CounterScreen))
        assert "Ani Lestari" not in text_of(app.screen)
        assert desk.ticket(ticket.code).state == "called"  # not moved, not lost
        assert desk.ticket(ticket.code).counter == 1
        day = await logged_in(pilot, "Sari Dewi", SUPER_PIN)
        await wait_for(pilot, lambda: day.in_hand is not None)
        assert day.in_hand.ticket.code == ticket.code  # the same number, to go on with


async def test_the_idle_lock_covers_the_report_too(sqlite_desk, clock):
    desk = sqlite_desk
    add_officers(desk)
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await logged_in(pilot, "Sari Dewi", SUPER_PIN)
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen))
        clock.advance(seconds=desk.office.counter.idle_lock_seconds + 1)
        await until(pilot, lambda: isinstance(app.screen, CounterScreen))


async def test_disabling_an_officer_ends_the_open_session(sqlite_desk):
    desk = sqlite_desk
    add_officers(desk)
    for name in ("Ani", "Budi", "Citra"):
        desk.book("perpajakan", name)
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot, "Budi Santoso", PIN)
        await pilot.press("n")
        await wait_for(pilot, lambda: day.in_hand is not None)
        # The supervisor disables Budi at another terminal.
        Officers(desk).set_active("Budi Santoso", False, "Sari Dewi")
        await until(pilot, lambda: isinstance(app.screen, CounterScreen))
        assert "dinonaktifkan" in text_of(app.screen)
    assert [t.state for t in desk.status().tickets] == ["called", "waiting", "waiting"]


async def test_a_disabled_officers_next_move_is_refused(sqlite_desk, monkeypatch):
    """Even before the day is read again: the move itself checks."""
    desk = sqlite_desk
    add_officers(desk)
    desk.book("perpajakan", "Ani")
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot, "Budi Santoso", PIN)
        monkeypatch.setattr(app.follower, "refresh", lambda: None)  # no read of the day
        Officers(desk).set_active("Budi Santoso", False, "Sari Dewi")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, CounterScreen))
        assert day.in_hand is None
    assert desk.status().tickets[0].state == "waiting"


async def test_a_move_ended_by_the_lock_of_a_read_says_nothing_on_the_gone_day(
        sqlite_desk, monkeypatch):
    """The follower's read finds the session ended while a move is in the store: the read
    locks the day, and the move's refusal must not be said on the day being taken down
    (CI once: NoMatches '#day-message', a worker failure). Textual removes a popped
    screen's children before the screen; that moment is held here."""
    desk = sqlite_desk
    add_officers(desk)
    desk.book("perpajakan", "Ani")
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot, "Budi Santoso", PIN)
        in_store, go_on = threading.Event(), threading.Event()

        def held(_work):
            def run(_desk):
                in_store.set()
                go_on.wait(10)
                raise SessionEnded("counter_session_ended")
            return run

        monkeypatch.setattr(day, "in_session", held)
        # Taken down as Textual does, children first, but the screen kept attached.
        monkeypatch.setattr(day, "remove", lambda: day.remove_children())
        await pilot.press("n")
        await until(pilot, in_store.is_set)
        day.session_ended(SessionEnded("counter_session_ended"))  # the read's lock
        await until(pilot, lambda: not day.query("#day-message"))
        go_on.set()
        await until(pilot, lambda: not day.busy)
        await pilot.pause()
        assert isinstance(app.screen, CounterScreen)
    assert desk.status().tickets[0].state == "waiting"


async def test_the_first_run_hint_goes_once_an_officer_exists(sqlite_desk):
    app = KioskApp(sqlite_desk, "counter")
    async with app.run_test(size=(80, 24)) as pilot:
        hint = lambda: app.screen.query_one("#login-first-run").display  # noqa: E731
        await wait_for(pilot, hint)
        Officers(sqlite_desk).add("Sari Dewi", "supervisor", SUPER_PIN, "cli")
        await until(pilot, lambda: not hint())
        assert isinstance(app.screen, CounterScreen)
