"""The day's tickets as a table, one row each, keyed by the booking code; the chosen row
stays chosen when the day is read again. The numbers still to serve come first (at 80x24
a busy day's finished rows would push them below the fold); Home and End go to the first
and the last row."""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from textual import getters
from textual.binding import Binding
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from kiosk.desk import states
from kiosk.desk.records import DayStatus, TicketView
from screens.common.role_app import RoleApp
from screens.counter.day_words import cell, clock, minutes, service_name, waited

COLUMNS = ("number", "service", "state", "arrived", "waited", "counter")
# The order of the rows: who is still to be served first, what is over last.
ROW_ORDER = (states.WAITING, states.CALLED, states.SERVING, states.NO_SHOW, states.BOOKED,
             states.DONE, states.CANCELLED, states.EXPIRED)


def in_table_order(status: DayStatus) -> list[TicketView]:
    return sorted(status.tickets, key=lambda t: (ROW_ORDER.index(t.state), t.number))


class DayTable(DataTable[str | Text]):
    app = getters.app(RoleApp)
    BINDINGS = [Binding("home", "first_row", show=False), Binding("end", "last_row", show=False)]

    def action_first_row(self) -> None:
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        self.move_cursor(row=max(0, self.row_count - 1))

    def on_mount(self) -> None:
        for key in COLUMNS:
            self.add_column(self.app.t(f"counter_col_{key}"), key=key)

    def show(self, status: DayStatus) -> None:
        app, chosen = self.app, self.chosen_code()
        self.clear()
        now = app.desk.now()
        rows = in_table_order(status)
        for ticket in rows:
            self.add_row(
                str(ticket.number), cell(service_name(app, ticket.service, short=True)),
                app.t(f"state_{ticket.state}"), clock(app, ticket.arrived_at),
                minutes(app, waited(ticket, now)), str(ticket.counter or ""), key=ticket.code)
        if chosen is not None:
            codes = [t.code for t in rows]
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
