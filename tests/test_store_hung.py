"""A hung PostgreSQL server (the postmaster and its backends stopped with SIGSTOP, as a frozen
host): it keeps every connection open and answers nothing, so only the client's own limits
help. Each role says the store is not answering within ~10 s, and follows again once the
server goes on; a booking gives up well within the README's 30 s. On a throwaway cluster of
this run (own_pg), never the shared server."""

from __future__ import annotations

import time

import pytest

from conftest import ALWAYS_OPEN
from kiosk.desk.errors import StoreUnavailable
from kiosk.desk.store import open_desk
from kiosk.texts import say
from pilot_helpers import banner_text
from test_counter_helpers import logged_in, says_store_trouble
from test_fault_roles import STORE_DOWN, no_traceback, role_on_postgresql, screen_text

SAID_WITHIN = 10.0  # seconds from the freeze to the sentence on the screen


async def within(pilot, condition, seconds: float) -> float:
    """Seconds until ``condition()`` holds; fails at the deadline."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if condition():
            return time.monotonic() - start
        await pilot.pause(0.05)
    assert condition(), f"not within {seconds} s"
    return time.monotonic() - start


@pytest.mark.parametrize("role", ["lobby", "board", "counter"])
async def test_a_hung_server_is_said_on_every_role(own_pg, clock, role):
    desk, app = role_on_postgresql(own_pg.url, clock, role)
    async with app.run_test(size=(80, 24)) as pilot:
        if role == "counter":
            screen = await logged_in(pilot)
            down = lambda: says_store_trouble(app, screen)  # noqa: E731
        elif role == "board":
            screen = app.screen
            await within(pilot, lambda: screen.status is not None, 10)
            down = lambda: screen.query_one("#board-alert").display  # noqa: E731
        else:
            await within(pilot, lambda: app.follower.status is not None, 10)
            down = lambda: STORE_DOWN in screen_text(app)  # noqa: E731
        assert not down()
        await pilot.pause(2.5)  # a quiet while first: the heartbeat has run at least once
        own_pg.pause()
        try:
            took = await within(pilot, down, SAID_WITHIN)
            print(f"{role}: said 'not answering' {took:.1f} s after the freeze")
            if role == "counter":
                assert app.follower.trouble.key == "store_not_answering"
                # In the app's one banner (the day's message line until issue 14).
                assert say("store_not_answering", "id", detail="").split(".")[0] in banner_text(app)
            no_traceback(app)
        finally:
            own_pg.resume()
        await within(pilot, lambda: not down(), 30)
        no_traceback(app)


def test_a_booking_on_a_hung_server_gives_up_within_30_seconds(own_pg, clock):
    desk = open_desk(own_pg.url, ALWAYS_OPEN, clock=clock, create=True)
    assert desk.book("perpajakan", "Budi Santoso").number == 1  # connected, then the freeze
    own_pg.pause()
    try:
        start = time.monotonic()
        with pytest.raises(StoreUnavailable) as refused:
            desk.book("perpajakan", "Maria Bria")
        took = time.monotonic() - start
    finally:
        own_pg.resume()
    print(f"booking on a hung server refused after {took:.1f} s")
    assert took < 30
    assert refused.value.key == "store_not_answering"
    # The server goes on: the next booking connects afresh and takes the next number.
    assert desk.book("perpajakan", "Maria Bria").number == 2
    desk.db.close()
