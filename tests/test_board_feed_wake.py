"""The TV page's feed (`kiosk serve board`, its `/events` stream) is woken by the store as a
terminal's follower is (tests/test_store_wake.py): the event loop watches the change check's
wake-up descriptor and checks at once. Here the feed's check by the clock is set to a
minute, so a booking seen on an open stream within the deadline (generous: the machine may
be loaded) can only have been seen by the wake-up."""

from __future__ import annotations

import time

import aiohttp
from aiohttp.test_utils import TestServer

from conftest import ALWAYS_OPEN
from kiosk.desk.store import open_desk
from kiosk.web.live_board import LiveBoard
from test_board_tv import Stream
from test_board_web import wait_until

DEADLINE = 10.0  # seconds; the check that would poll is set to 60
NO_POLL = 60.0


async def test_an_open_stream_is_woken_by_another_terminals_booking(store_url, clock):
    desk = open_desk(store_url, ALWAYS_OPEN, clock=clock)
    other = open_desk(store_url, ALWAYS_OPEN, clock=clock)  # another terminal
    board = LiveBoard(desk, "id")
    board.feed.idle_check = NO_POLL  # while woken by the store, its clock would check once a minute
    server = TestServer(board.make_app(), host="127.0.0.1", port=0)
    await server.start_server()
    try:
        async with aiohttp.ClientSession() as http:
            response = await http.get(server.make_url("/events"),
                                      timeout=aiohttp.ClientTimeout(total=None))
            stream = Stream(response)
            await wait_until(lambda: stream.last_state() is not None
                             and board.feed._wake.fd is not None, DEADLINE,
                             "the first picture, and the feed watching its wake-up")
            for number, name in enumerate(("Ani", "Budi", "Citra"), start=1):
                started = time.monotonic()
                other.book("perpajakan", name)
                await wait_until(lambda: number in (stream.last_state() or {}).get("waiting", []),
                                 DEADLINE, f"number {number} on the open stream")
                assert time.monotonic() - started < DEADLINE
            stream.task.cancel()
            response.close()
    finally:
        await server.close()
        other.db.close()
