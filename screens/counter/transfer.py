"""Transfer: the taxpayer came for the other service; the number stays the same."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label


class TransferDialog(ModalScreen[str | None]):
    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", show=False)]

    def __init__(self, number: int, services) -> None:
        super().__init__()
        self.number, self.services = number, services

    def compose(self) -> ComposeResult:
        t, en = self.app.t, self.app.lang == "en"
        with Vertical(classes="dialog"):
            yield Label(t("counter_transfer_title", number=self.number), classes="dialog-title")
            with Horizontal(classes="dialog-buttons"):
                for service in self.services:
                    yield Button(service.name_en if en else service.name,
                                 id=f"transfer-{service.code}", variant="primary", compact=True)
                yield Button(t("counter_back"), id="transfer-back", compact=True)

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        code = event.button.id.removeprefix("transfer-")
        self.dismiss(None if code == "back" else code)
