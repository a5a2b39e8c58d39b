"""The lobby exit's own brake on guessing. The lobby is public: if its exit counted wrong
PINs toward the officer's counter lockout, any visitor could type an officer's name and
five wrong PINs and keep that officer from serving for five minutes. An office expects the
opposite: the counter stays open to its officers, and the public terminal is the one slowed
down. So the exit checks PINs without counting them (kiosk.desk.officers.check_lobby_exit)
and, on this terminal only, waits longer after each wrong try from the third on."""

from __future__ import annotations

import time
import weakref

from textual.app import App

FREE_TRIES = 3  # a slip of the finger or two costs nothing
FIRST_WAIT = 30.0  # seconds after the third wrong try, doubling after each further one
LONGEST_WAIT = 15 * 60.0


class ExitBackoff:
    def __init__(self) -> None:
        self.wrong = 0
        self.until = 0.0  # time.monotonic() before which no try is checked

    def wait_left(self) -> int:
        """Whole seconds before the next try is checked (0: now)."""
        return max(0, int(self.until - time.monotonic() + 0.999))

    def failed(self) -> None:
        self.wrong += 1
        if self.wrong >= FREE_TRIES:
            wait = min(LONGEST_WAIT, FIRST_WAIT * 2 ** (self.wrong - FREE_TRIES))
            self.until = time.monotonic() + wait

    def succeeded(self) -> None:
        self.wrong, self.until = 0, 0.0


_BACKOFFS: weakref.WeakKeyDictionary[App, ExitBackoff] = weakref.WeakKeyDictionary()


def backoff_of(app: App) -> ExitBackoff:
    """The terminal's back-off: it outlives the dialog (closing it does not start over)."""
    return _BACKOFFS.setdefault(app, ExitBackoff())
