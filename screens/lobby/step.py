"""What every step of the booking form is: one scrolling page of the form, shown one at a
time by the screen (screens.lobby.take), which moves the focus to its first target."""

from __future__ import annotations

from textual import getters
from textual.containers import VerticalScroll

from screens.common.role_app import RoleApp


class Step(VerticalScroll):
    app = getters.app(RoleApp)

    def __init__(self, step_id: str) -> None:
        super().__init__(id=step_id, classes="step")

    def t(self, key: str, **values: object) -> str:
        return self.app.t(key, **values)

    def focus_first(self) -> None:
        """The target a finger or the Enter key wants first on this step (none by default)."""
