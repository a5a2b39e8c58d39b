"""The survey's screens face the public, like the lobby: ctrl+q and ctrl+c ask for an
officer's name and PIN (the lobby's own unlock screen) instead of quitting, and the
command palette stays closed."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding, BindingType

LOCKED_BINDINGS: list[BindingType] = [
    Binding("ctrl+q", "request_exit", show=False, priority=True),
    Binding("ctrl+c", "request_exit", show=False, priority=True),
    Binding("ctrl+p", "ignore", show=False, priority=True),
]


def ask_for_officer(app: App[int]) -> None:
    from screens.lobby.unlock import UnlockScreen

    if not isinstance(app.screen, UnlockScreen):
        app.push_screen(UnlockScreen())
