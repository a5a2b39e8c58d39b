"""What was written when finishing, read again: the follow-up list (numbers finished "needs
follow-up", with their notes) and the visitor's earlier visits by NPWP/NIK/passport. Both
for the logged-in officer only; every value typed by an officer is drawn as text. A note
may be longer than its column at 80 columns: the chosen row's note is shown whole, wrapped,
under the table."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Label

from kiosk.desk.visitors import VisitView
from screens.common.role_app import RoleApp
from screens.counter.day_words import service_name
from screens.counter.dialog import CounterDialog

# How far back the follow-up list reaches.
FOLLOW_UP_DAYS = 30


class VisitsDialog(CounterDialog[None]):
    """A read-only table under a title, the chosen row's note whole under it; Escape or
    Back closes it. The note is each row's last cell."""

    def __init__(self, title: str, columns: list[str], rows: list[list[str]],
                 empty: str) -> None:
        super().__init__()
        self.title_text, self.columns, self.rows, self.empty = title, columns, rows, empty

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")
            yield DataTable(id="visits-table", cursor_type="row", zebra_stripes=True)
            yield Label("", id="visits-note", classes="dialog-note")
            yield Label(Text("" if self.rows else self.empty), classes="dialog-message",
                        id="visits-message")
            with Horizontal(classes="dialog-buttons"):
                yield from self.buttons()
                yield Button(self.app.t("counter_back"), id="visits-back", compact=True,
                             action="screen.back")

    def buttons(self) -> ComposeResult:
        """What a list lets the officer do with its chosen row, before Back."""
        yield from ()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*self.columns)
        self.fill()
        table.focus()

    def fill(self, row: int = 0) -> None:
        """The rows in the table, the cursor on ``row`` (or the last one)."""
        table = self.query_one(DataTable)
        table.clear()
        for cells in self.rows:
            table.add_row(*(Text(cell) for cell in cells))
        if self.rows:
            table.move_cursor(row=min(row, len(self.rows) - 1), animate=False)
        else:
            self.query_one("#visits-note", Label).update("")
            self.message(self.empty)

    def chosen_row(self) -> int | None:
        row = self.query_one(DataTable).cursor_row
        return row if self.rows and 0 <= row < len(self.rows) else None

    @on(DataTable.RowHighlighted)
    def _show_note(self, event: DataTable.RowHighlighted) -> None:
        row = self.chosen_row()
        if row is not None:
            self.query_one("#visits-note", Label).update(
                Text(f"{self.app.t('counter_col_note')}: {self.rows[row][-1]}"))

    @classmethod
    def earlier(cls, app: RoleApp, number: int, found: list[VisitView]) -> VisitsDialog:
        t = app.t
        rows = [[v.date.isoformat(), service_name(app, v.service), v.topic,
                 t(f"counter_outcome_{v.outcome}") if v.outcome else "-", v.note or "-"]
                for v in found]
        return cls(t("counter_visits_title", number=number),
                   [t("counter_col_date"), t("counter_col_service"), t("counter_col_topic"),
                    t("counter_col_outcome"), t("counter_col_note")], rows,
                   t("counter_visits_none"))
