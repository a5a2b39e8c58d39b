"""Pilot helpers shared by the screen tests."""

from __future__ import annotations

import time

from textual.css.query import NoMatches


async def click_ready(pilot, selector: str, timeout: float = 3.0) -> None:
    """Click ``selector`` once the (new) screen shows it, ready and in its place: a screen
    switch takes a moment, more on a loaded machine."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        try:
            widget = pilot.app.screen.query_one(selector)
            # A button that takes only a fresh touch (or is still disabled) is not ready yet;
            # nor one still showing its last press ("-active": Textual drops clicks meanwhile),
            # nor one whose place still moves (a screen just shown fits itself after its first
            # frame: a click at the old place misses).
            region = widget.region
            if (not (widget.disabled or getattr(widget, "guarded", False)
                     or widget.has_class("-active"))
                    and region.width > 0 and region == last):
                break
            last = region
        except NoMatches:
            if time.monotonic() >= deadline:
                raise
        if time.monotonic() >= deadline:
            break
        await pilot.pause(0.05)
    await pilot.click(selector)


async def until(pilot, condition, timeout: float = 10.0, step: float = 0.02) -> None:
    """Let the app run until ``condition()`` holds: an event (a message handled, a worker
    done) awaited with a deadline on the wall clock, generous for a loaded machine, instead
    of a fixed sleep or a count of pauses that a slow machine uses up early. A condition
    that asks for a widget not there yet (a screen pushed, its widgets still being mounted:
    NoMatches) is not reached yet either, until the deadline."""
    deadline = time.monotonic() + timeout

    def holds() -> bool:
        try:
            return bool(condition())
        except NoMatches:
            if time.monotonic() > deadline:
                raise
            return False

    while not holds():
        if time.monotonic() > deadline:
            assert holds(), f"not reached within {timeout} s"
        await pilot.pause(step)


async def settled(pilot, condition, seconds: float = 1.0, timeout: float = 10.0) -> None:
    """``until(condition)``, then let the app run ``seconds`` more with it still holding:
    its start-up reads and the next few ticks are over before a test changes the world, so
    what follows is noticed by the running app, not by a read that was already on its way."""
    await until(pilot, condition, timeout)
    calm_from = time.monotonic()
    await until(pilot, lambda: not condition() or time.monotonic() - calm_from >= seconds,
                timeout=seconds + timeout)
    assert condition(), "did not stay so"


def banner_text(app) -> str:
    """What the app's one store banner says on the screen on top; "" without one."""
    from screens.common.store_banner import StoreBanner

    return "\n".join(str(b.render()) for b in app.screen.query(StoreBanner))
