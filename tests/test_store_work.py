"""Store work beside a screen (screens/common/store_work.py): a read replaced by a newer one
before it began, or left when its screen went, is closed, never left unawaited (Python says
"coroutine … was never awaited" for each: noise in every log, once a dozen in a CI run)."""

from __future__ import annotations

import gc
import inspect
import warnings

from kiosk.app.app import KioskApp
from pilot_helpers import until


def never_awaited(caught) -> list[str]:
    return [str(w.message) for w in caught if "never awaited" in str(w.message)]


async def test_a_read_replaced_before_it_began_is_closed(sqlite_desk):
    app = KioskApp(sqlite_desk, "counter")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        done = []

        async def read(n: int) -> None:
            done.append(n)

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for n in range(3):  # one after the other, before any of them began
                screen.run_latest(read(n), group="probe")
            await until(pilot, lambda: done)
            await pilot.pause()
            gc.collect()
        assert done == [2]  # only the latest counts
        assert never_awaited(caught) == []


async def test_work_left_by_a_screen_that_went_is_closed(sqlite_desk):
    app = KioskApp(sqlite_desk, "counter")
    async with app.run_test(size=(80, 24)) as pilot:
        from screens.counter.login import CounterScreen

        pushed = CounterScreen()
        await app.push_screen(pushed)
        await until(pilot, lambda: app.screen is pushed and pushed.is_mounted)

        async def read() -> None:
            raise AssertionError("ran on a screen that had gone")

        work = read()
        # Kept as run_latest keeps it, its worker not begun yet (the screen going in the same
        # moment: Textual cancels its workers before they begin).
        pushed._not_begun("probe", work)
        await app.pop_screen()
        await until(pilot, lambda: not pushed.is_attached)
        assert inspect.getcoroutinestate(work) == inspect.CORO_CLOSED  # closed, not left
