"""Next: the waiting numbers in the order they will be called, as many as fit."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, Static

from kiosk.desk.records import TicketView
from screens.common.role_app import RoleApp


class NextList(Vertical):
    app = getters.app(RoleApp)

    def compose(self) -> ComposeResult:
        yield Label(self.app.t("board_next"), classes="board-heading")
        yield Static("", id="next-numbers")

    def on_mount(self) -> None:
        self._waiting: tuple[TicketView, ...] = ()

    def show(self, waiting: tuple[TicketView, ...]) -> None:
        self._waiting = tuple(sorted(waiting, key=lambda t: t.number))
        self._render_list()

    def on_resize(self) -> None:
        self._render_list()

    def _render_list(self) -> None:
        t, office = self.app.t, self.app.desk.office
        target = self.query_one("#next-numbers", Static)
        if not self._waiting:
            target.update(t("board_nobody_waiting"))
            return
        room = max(1, target.size.height or self.size.height - 1)
        shown = list(self._waiting)
        if len(shown) > room:
            shown = shown[:room - 1]
        lines = []
        room_for_name = max(0, (target.size.width or self.size.width) - 5)
        for ticket in shown:
            service = office.service(ticket.service)
            name = (service.name_en if self.app.lang == "en" else service.name) if service else ""
            lines.append(f"[b]{ticket.number:>3}[/b]  {fitting_name(name, room_for_name)}")
        hidden = len(self._waiting) - len(shown)
        if hidden:
            lines.append(t("board_more_waiting", count=hidden))
        target.update("\n".join(lines))


def fitting_name(name: str, room: int) -> str:
    """The service's name whole when it fits, else its last words (what tells the services
    apart: "Konsultasi Perpajakan" -> "Perpajakan"), never cut off mid-word."""
    words = name.split()
    for start in range(len(words)):
        shown = " ".join(words[start:])
        if len(shown) <= room:
            return shown
    return ""
