"""A line that cycles through the service standard and the complaint channels."""

from __future__ import annotations

from textual import getters
from textual.widgets import Static

from data.office import Office
from screens.common.role_app import RoleApp


def ticker_lines(office: Office, t, lang: str) -> list[str]:
    """The sentences the ticker cycles through, in ``lang`` (``t`` is app.t)."""
    std, en = office.standard, lang == "en"
    lines = []
    for key, text, text_en in (
        ("board_standard_completion", std.completion_time, std.completion_time_en),
        ("board_standard_fee", std.fee, std.fee_en),
        ("board_standard_product", std.product, std.product_en),
    ):
        chosen = (text_en or text) if en else text
        if chosen:
            lines.append(t(key, text=chosen))
    lines.append(t("board_standard_order"))
    for channel in office.complaint_channels:
        lines.append(t("board_complaint", label=channel.label, value=channel.value))
    return lines


class Ticker(Static):
    app = getters.app(RoleApp)

    def on_mount(self) -> None:
        self.lines = ticker_lines(self.app.desk.office, self.app.t, self.app.lang)
        self.index = 0
        self.update(self.lines[0])

    def advance(self) -> None:
        # One line as wide as the screen whatever it says (cut with an ellipsis): a repaint,
        # not a layout of the whole board.
        self.index = (self.index + 1) % len(self.lines)
        self.update(self.lines[self.index], layout=False)
