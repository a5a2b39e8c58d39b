"""Helpers shared by the counter's tests: officers, a login, waiting for the screen."""

from __future__ import annotations

from pilot_helpers import banner_text, until

from kiosk.desk.officers import Officers

PIN, SUPER_PIN = "1234", "9876"


def add_officers(desk) -> None:
    Officers(desk).add("Budi Santoso", "officer", PIN, "test")
    Officers(desk).add("Sari Dewi", "supervisor", SUPER_PIN, "test")


async def wait_for(pilot, condition, timeout: float = 15.0) -> None:
    """Moves run in the counter's store thread: give them a moment to land (a deadline
    on the wall clock, generous for a loaded machine; tests/pilot_helpers.py ``until``)."""
    try:
        await until(pilot, condition, timeout)
    except AssertionError:
        raise AssertionError("the screen never got there") from None


def fails_once(real, error: Exception):
    """``real``, except that its first call raises ``error``."""
    faults = [error]

    def flaky(*args):
        if faults:
            raise faults.pop()
        return real(*args)

    flaky.failed = lambda: not faults  # the fault has happened
    return flaky


def caught_up(day, desk) -> bool:
    """The day screen shows the store as it stands (read on the test's own connection), no
    read of the day and no move of its own under way."""
    reading = any(w.group == "day" and not w.is_finished for w in day.workers)
    return not day.busy and not reading and day.status == desk.status()


def says_store_trouble(app, day) -> bool:
    """The follower finds the store in trouble and the app's one banner, over the day, says
    why (it was the day's message line and a toast until issue 14)."""
    trouble = app.follower.trouble
    return trouble is not None and app.screen is day and banner_text(app) == trouble.message(app.lang)


async def log_in(pilot, name: str, pin: str) -> None:
    screen = pilot.app.screen
    screen.query_one("#login-name").value = name
    screen.query_one("#login-pin").focus()
    await pilot.press(*pin, "enter")


async def logged_in(pilot, name: str = "Budi Santoso", pin: str = PIN):
    from screens.counter.day import CounterDay

    await pilot.pause()
    await log_in(pilot, name, pin)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CounterDay)
                   and pilot.app.screen.status is not None)
    return pilot.app.screen
