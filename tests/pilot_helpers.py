"""Pilot helpers shared by the screen tests."""

from __future__ import annotations

from textual.css.query import NoMatches


async def click_ready(pilot, selector: str, timeout: float = 3.0) -> None:
    """Click ``selector`` once the (new) screen shows it: a screen switch takes a moment,
    more on a loaded machine."""
    waited = 0.0
    while True:
        try:
            pilot.app.screen.query_one(selector)
            break
        except NoMatches:
            if waited >= timeout:
                raise
            await pilot.pause(0.05)
            waited += 0.05
    await pilot.click(selector)
