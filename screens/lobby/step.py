"""What every step of the booking form is: one scrolling page of the form, shown one at a
time by the screen (screens.lobby.take), which moves the focus to its first target."""

from __future__ import annotations

from textual import getters
from textual.binding import Binding
from textual.containers import VerticalScroll

from screens.common.role_app import RoleApp
from screens.common.fresh import FreshButton


class Step(VerticalScroll):
    app = getters.app(RoleApp)
    # The arrows move between the step's buttons and fields (the page scrolls to follow).
    BINDINGS = [
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    def __init__(self, step_id: str) -> None:
        super().__init__(id=step_id, classes="step")

    def t(self, key: str, **values: object) -> str:
        return self.app.t(key, **values)

    def focus_first(self) -> None:
        """The target a finger or the Enter key wants first on this step (none by default)."""

    def shown(self) -> None:
        """The step has just appeared: its confirmations wait for a fresh touch."""
        for button in self.query(FreshButton):
            button.arm()
