"""One field of the booking form (the name, the identity number, the telephone): its
label, the box, and under it the reason it is not right yet, checked as it is typed."""

from __future__ import annotations

from collections.abc import Callable

from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from kiosk.desk.errors import InvalidInput
from kiosk.desk.identity import (check_name, check_nik, check_npwp, check_passport,
                                 check_phone, still_typing)
from screens.common.role_app import RoleApp
from screens.lobby.field import LobbyInput

CHECKS: dict[str, Callable[[str], object]] = {
    "name": check_name, "npwp": check_npwp, "nik": check_nik,
    "passport": check_passport, "phone": check_phone}


class CheckedField(Vertical):
    app = getters.app(RoleApp)

    def __init__(self, field: str, label: str, kind: str, *, required: bool = False,
                 max_length: int = 30, placeholder: str = "") -> None:
        super().__init__(classes="checked")
        self.field, self.kind, self.required = field, kind, required  # kind: which check
        self._label, self._max_length, self._placeholder = label, max_length, placeholder

    def compose(self) -> ComposeResult:
        with Horizontal(classes="field"):
            yield Label(self._label, id=f"{self.field}-label", classes="label")
            yield LobbyInput(id=self.field, max_length=self._max_length,
                             placeholder=self._placeholder)
        yield Static("", id=f"{self.field}-why", classes="why")

    @property
    def box(self) -> Input:
        return self.query_one(f"#{self.field}", Input)

    @property
    def value(self) -> str:
        return self.box.value

    def relabel(self, label: str) -> None:
        self.query_one(f"#{self.field}-label", Label).update(label)

    def check(self, final: bool = False) -> bool:
        """Show the reason under the box. An empty optional field is fine; an empty
        required one is only reported once the person tries to go on."""
        value, box = self.box.value, self.box
        why = self.query_one(f"#{self.field}-why", Static)
        why.remove_class("good")
        if not value.strip() and (not self.required or not final):
            why.update("")
            box.remove_class("bad", "good")
            return not self.required
        if not final and still_typing(self.kind, value):  # no "invalid" from the first digit on
            why.update("")
            box.remove_class("bad", "good")
            return False
        try:
            CHECKS[self.kind](value)
        except InvalidInput as exc:
            why.update(exc.message(self.app.lang, long_dates=True))
            box.set_class(True, "bad").set_class(False, "good")
            return False
        why.update(self.app.t("lobby_field_ok"))
        why.add_class("good")
        box.set_class(False, "bad").set_class(True, "good")
        return True

    def on_input_changed(self, event: Input.Changed) -> None:
        self.check()
