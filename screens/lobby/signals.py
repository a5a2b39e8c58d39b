"""The lobby terminal's signals: a visitor (or a stray `kill`) must not end or suspend the
kiosk. SIGINT asks for the officer PIN like ctrl+c does; SIGTSTP and SIGQUIT do nothing.
SIGTERM and SIGHUP (the system shutting down, the terminal gone) end the kiosk cleanly, the
terminal restored; a second one, should the clean exit hang, ends it the hard way."""

from __future__ import annotations

import asyncio
import functools
import signal
from typing import Callable

GUARDED = ("SIGINT", "SIGTSTP", "SIGQUIT")
ENDING = ("SIGTERM", "SIGHUP")


def guard_signals(on_interrupt: Callable[[], None],
                  on_end: Callable[[], None]) -> Callable[[], None]:
    """Install the guards on the running loop; returns what removes them again."""
    loop = asyncio.get_running_loop()
    installed = []

    def ending(number: int) -> None:
        loop.remove_signal_handler(number)  # the next one takes the default way
        on_end()

    for name in GUARDED + ENDING:
        number = getattr(signal, name, None)
        if number is None:  # not on this system (Windows)
            continue
        action = {"SIGINT": on_interrupt}.get(name, _ignore)
        if name in ENDING:
            action = functools.partial(ending, number)
        try:
            loop.add_signal_handler(number, action)
        except (NotImplementedError, RuntimeError, ValueError):
            continue  # not the main thread, or no signal support: nothing to guard here
        installed.append(number)

    def remove() -> None:
        for number in installed:
            try:
                loop.remove_signal_handler(number)
            except (RuntimeError, ValueError):
                pass

    return remove


def _ignore() -> None:
    """A guarded signal arrived: the lobby goes on."""
