"""The visitor's identity: which kind (NPWP, NIK, or a passport for a foreign visitor) on
one line of choices, and its number, checked as that kind."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, RadioButton, RadioSet

from screens.common.role_app import RoleApp
from screens.lobby.checked_field import CheckedField

ID_KINDS = ("npwp", "nik", "passport")


class IdentityField(Vertical):
    app = getters.app(RoleApp)

    def __init__(self) -> None:
        super().__init__(classes="checked")
        self.kind = "npwp"

    def _number_label(self, kind: str) -> str:
        t = self.app.t
        return t("lobby_field_id", kind=t(f"lobby_kind_{kind}"))

    def compose(self) -> ComposeResult:
        yield Label(self.app.t("lobby_field_id_kind"), id="kind-label")
        with RadioSet(id="id-kind"):
            for kind in ID_KINDS:
                yield RadioButton(self.app.t(f"lobby_kind_{kind}"), id=f"kind-{kind}",
                                  value=kind == self.kind)
        self.number = CheckedField("id", self._number_label(self.kind), self.kind,
                                   placeholder=self.app.t("lobby_optional"))
        yield self.number

    def identity(self) -> dict[str, str]:
        """What the desk's booking takes: ``{kind: number}``, or nothing when none typed."""
        value = self.number.value.strip()
        return {self.kind: value} if value else {}

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        # The same text, checked as the new kind.
        self.kind = self.number.kind = (event.pressed.id or "kind-npwp").removeprefix("kind-")
        self.number.relabel(self._number_label(self.kind))
        self.number.check()
        self.number.box.focus()  # on with the number, on the keys that kind takes
