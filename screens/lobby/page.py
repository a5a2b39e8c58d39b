"""What every lobby screen shares: the locked exit, and telling the welcome it was touched."""

from __future__ import annotations

from textual import events, getters
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input

from screens.common.store_work import StoreWork
from screens.common.role_app import RoleApp


# A dialog over a lobby screen keeps quitting and the command palette closed to the public
# (its ``action_ignore`` does nothing).
CLOSED_KEYS = [
    Binding("ctrl+q", "ignore", show=False, priority=True),
    Binding("ctrl+c", "ignore", show=False, priority=True),
    Binding("ctrl+p", "ignore", show=False, priority=True),
]


class LobbyPage(StoreWork, Screen):
    """A lobby screen: ctrl+q / ctrl+c ask for an officer PIN instead of quitting."""

    app = getters.app(RoleApp)
    # Classes for the screen's size: one line a key on 80x24, large targets on a touch screen.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (160, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (50, "-tall")]
    BINDINGS = [
        Binding("ctrl+q", "request_exit", show=False, priority=True),
        Binding("ctrl+c", "request_exit", show=False, priority=True),
        Binding("ctrl+p", "ignore", show=False, priority=True),
        Binding("escape", "go_back", show=False),
        # Arrows move between the buttons (a field keeps left/right for its cursor).
        Binding("left,up", "app.focus_previous", show=False),
        Binding("right,down", "app.focus_next", show=False),
    ]

    def t(self, key: str, **values) -> str:
        return self.app.t(key, **values)

    def request_exit(self) -> None:
        from screens.lobby.unlock import UnlockScreen

        # Not in the middle of a booking: its ticket must take the place of the form.
        if getattr(self.app.screen, "busy", False):
            return
        if not isinstance(self.app.screen, UnlockScreen):
            self.app.push_screen(UnlockScreen())

    def action_request_exit(self) -> None:
        self.request_exit()

    async def action_go_back(self) -> None:
        """Escape: one screen back (the welcome itself stays); not while the store works."""
        if len(self.app.screen_stack) > 1 and self.app.screen is self and not self.busy:
            self.dismiss()

    def action_ignore(self) -> None:
        """The command palette stays closed to the public."""

    def touched(self) -> None:
        """Someone is using the kiosk: the idle clock of the welcome starts again."""
        base = self.app.screen_stack[0] if self.app.screen_stack else None
        keep = getattr(base, "keep_awake", None)
        if keep:
            keep()

    def _forward_event(self, event: events.Event) -> None:
        # A wheel turn or a drag scrolls a page and never reaches the screen as a message
        # (the scrolling widget stops it): activity too, seen as the screen hands it on.
        if isinstance(event, (events.MouseScrollDown, events.MouseScrollUp)) or (
                isinstance(event, events.MouseMove) and event.button):
            self.touched()
        super()._forward_event(event)

    async def _on_message(self, message: Message) -> None:
        # Keys that reach the screen, clicks, typing in a field, button presses: activity.
        if isinstance(message, (events.Key, events.MouseDown, Input.Changed, Button.Pressed)):
            self.touched()
        await super()._on_message(message)
