"""The day's tickets as a table, one row each, keyed by the booking code; the chosen row
stays chosen when the day is read again."""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from textual import getters
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from kiosk.desk.records import DayStatus
from screens.common.role_app import RoleApp
from screens.counter.day_words import cell, clock, minutes, service_name, waited

COLUMNS = ("number", "service", "state", "arrived", "waited", "counter")


class DayTable(DataTable[str | Text]):
    app = getters.app(RoleApp)

    def on_mount(self) -> None:
        for key in COLUMNS:
            self.add_column(self.app.t(f"counter_col_{key}"), key=key)

    def show(self, status: DayStatus) -> None:
        app, chosen = self.app, self.chosen_code()
        self.clear()
        now = app.desk.now()
        for ticket in status.tickets:
            self.add_row(
                str(ticket.number), cell(service_name(app, ticket.service, short=True)),
                app.t(f"state_{ticket.state}"), clock(app, ticket.arrived_at),
                minutes(app, waited(ticket, now)), str(ticket.counter or ""), key=ticket.code)
        if chosen is not None:
            codes = [t.code for t in status.tickets]
            if chosen in codes:
                self.move_cursor(row=codes.index(chosen), animate=False)

    def show_waits(self, status: DayStatus, now: dt.datetime) -> None:
        """The waiting numbers' time so far, without rebuilding the table."""
        for ticket in status.waiting:
            try:
                self.update_cell(ticket.code, "waited", minutes(self.app, waited(ticket, now)))
            except (CellDoesNotExist, RowDoesNotExist):  # the row left the table meanwhile
                pass

    def chosen_code(self) -> str | None:
        if not self.row_count:
            return None
        try:
            return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        except CellDoesNotExist:  # the table is being rebuilt
            return None
