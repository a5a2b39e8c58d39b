"""The day at a glance: the ticket in hand, today's tickets, and the moves.

Every move is on a key and a button and is offered only when the ticket's state allows it
(screens.counter.moves); a greyed-out move's key says why not. The table follows other
terminals live: a cheap change check every 0.25 s in the store thread, then one read of
the day. The session locks itself after the profile's idle time, measured on the desk's
clock.
"""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Label, Static
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from kiosk.desk import states
from kiosk.desk.errors import DeskError
from kiosk.desk.records import DayStatus, OfficerView, TicketDetail, TicketView
from kiosk.desk.supervision import require_supervisor
from kiosk.desk.topics import short_service_names, topics_for
from screens.counter.audit import AuditDialog
from screens.counter.cancel import CancelDialog
from screens.counter.finish import FinishDialog
from screens.counter.moves import HAND_MOVES, ROW_MOVES, why_not
from screens.counter.officers import OfficersDialog
from screens.counter.quota import QuotaDialog
from screens.counter.report import ReportScreen
from screens.counter.transfer import TransferDialog
from screens.common.shown_text import shown

POLL_SECONDS = 0.25

SUPERVISOR = ("quota", "officers", "audit", "report")
# Each move's key, in the order of the buttons.
MOVE_KEYS = (("call", "n"), ("recall", "r"), ("start", "s"), ("finish", "f"),
             ("transfer", "t"), ("no_show", "x"), ("return", "b"), ("cancel", "c"))


class CounterDay(Screen):
    CSS_PATH = "day.tcss"
    # The buttons show each key in the catalogue's words, so the footer needn't.
    # Each move's key is bound twice: the move, greyed (check_action None) when not
    # possible, and behind it 'why_not', live only then, so the key says why instead of
    # doing nothing (Textual tries a key's next binding when one is disabled).
    BINDINGS = [
        binding
        for move, key in MOVE_KEYS
        for binding in (Binding(key, f"move('{move}')", show=False),
                        Binding(key, f"why_not('{move}')", show=False))
    ] + [
        Binding("q", "open('quota')", show=False),
        Binding("o", "open('officers')", show=False),
        Binding("a", "open('audit')", show=False),
        Binding("p", "open('report')", show=False),
        Binding("l", "lock", show=False),
    ]

    def __init__(self, officer: OfficerView) -> None:
        super().__init__()
        self.officer = officer
        self.status: DayStatus | None = None
        self.in_hand: TicketDetail | None = None
        self.busy = False
        self._reading = False
        self._store_down = False
        self._seen_at = None  # desk time of the officer's last key or click

    # ----- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Horizontal(id="day-top"):
            yield Label("", id="day-who")
            yield Label("", id="day-numbers")
        with Vertical(id="day-hand"):
            yield Static("", id="day-hand-text")
        # Two rows of four moves, so every button keeps its words at 80 columns.
        for row, moves in enumerate((MOVE_KEYS[:4], MOVE_KEYS[4:])):
            with Horizontal(classes="day-buttons", id=f"day-moves-{row}"):
                for move, key in moves:
                    yield Button(t(f"counter_button_{move}", k=key), id=f"move-{move}",
                                 compact=True, action=f"screen.move('{move}')")
        with Horizontal(classes="day-buttons", id="day-tools"):
            for tool, key in (("quota", "q"), ("officers", "o"), ("audit", "a"),
                              ("report", "p")):
                yield Button(t(f"counter_button_{tool}", k=key), id=f"tool-{tool}",
                             compact=True, action=f"screen.open('{tool}')")
            yield Button(t("counter_button_lock", k="l"), id="tool-lock", compact=True,
                         action="screen.lock")
        yield Label("", id="day-message")
        yield DataTable(id="day-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    async def on_mount(self) -> None:
        t = self.app.t
        table = self.query_one(DataTable)
        for key in ("number", "service", "state", "arrived", "waited", "counter"):
            table.add_column(t(f"counter_col_{key}"), key=key)
        for tool in SUPERVISOR:
            self.query_one(f"#tool-{tool}").display = self.officer.is_supervisor
        self.settings = self.app.desk.office.counter
        self._seen_at = self.app.desk.now()
        self.show_who()
        await self.refresh_day()
        self.set_interval(POLL_SECONDS, self.poll)
        self.set_interval(1.0, self.tick)
        table.focus()

    # ----- following the store -----------------------------------------------------------

    async def poll(self) -> None:
        if self._reading or self.busy:
            return
        try:
            changed = await self.app.store.changed()
        except DeskError:
            changed = True
        if changed:
            await self.refresh_day()

    async def refresh_day(self) -> None:
        self._reading = True
        try:
            status, hand = await self.app.store.call(self._read)
        except DeskError as error:
            if self.is_attached:
                self.say(error.message(self.app.lang), error=True)
                self._store_down = True
            return
        finally:
            self._reading = False
        if self.is_attached:  # the session may have locked meanwhile
            if self._store_down:  # the store is back: the fault message goes
                self._store_down = False
                self.say("")
            self.show(status, hand)

    def _read(self) -> tuple[DayStatus, TicketDetail | None]:
        """In the store thread: the day, and who is in hand at this counter."""
        desk = self.app.desk
        status = desk.status()
        mine = [t for t in status.in_service if t.counter == self.app.counter]
        return status, (desk.detail(mine[0].code) if mine else None)

    # ----- showing -----------------------------------------------------------------------

    def show(self, status: DayStatus, hand: TicketDetail | None) -> None:
        self.status, self.in_hand = status, hand
        t = self.app.t
        closed = "" if status.quota else "  " + t("counter_day_closed")
        self.query_one("#day-numbers", Label).update(
            t("counter_numbers", issued=status.issued, quota=status.quota,
              left=status.remaining, waiting=len(status.waiting)) + closed)
        self.show_table(status)
        self.show_hand()
        self.show_moves()

    def show_who(self) -> None:
        now = self.app.desk.local_now()
        role = self.app.t(f"counter_role_{self.officer.role}")
        self.query_one("#day-who", Label).update(self.app.t(
            "counter_who", counter=self.app.counter, name=self.officer.name, role=role,
            time=f"{now:%H:%M}"))

    def show_table(self, status: DayStatus) -> None:
        table = self.query_one(DataTable)
        chosen = self.chosen_code()
        table.clear()
        t, now = self.app.t, self.app.desk.now()
        for ticket in status.tickets:
            table.add_row(
                str(ticket.number), self.service_name(ticket.service, short=True),
                t(f"state_{ticket.state}"), self.clock(ticket.arrived_at),
                self.minutes(self.waited(ticket, now)),
                str(ticket.counter or ""), key=ticket.code)
        if chosen is not None:
            codes = [t.code for t in status.tickets]
            if chosen in codes:
                table.move_cursor(row=codes.index(chosen), animate=False)

    def show_waits(self, now: dt.datetime) -> None:
        """The waiting numbers' time so far, without rebuilding the table."""
        if self.status is None:
            return
        table = self.query_one(DataTable)
        for ticket in self.status.waiting:
            try:
                table.update_cell(ticket.code, "waited", self.minutes(self.waited(ticket, now)))
            except (CellDoesNotExist, RowDoesNotExist):  # the row left the table meanwhile
                pass

    def show_hand(self) -> None:
        t, box = self.app.t, self.query_one("#day-hand-text", Static)
        hand = self.in_hand
        if hand is None:
            box.update(t("counter_hand_empty"))
            return
        ticket, visitor = hand.ticket, hand.visitor
        service = self.app.desk.office.service(ticket.service)
        en = self.app.lang == "en"
        since = ticket.started_at if ticket.state == states.SERVING else ticket.called_at
        elapsed = self.minutes((self.app.desk.now() - since).total_seconds() if since else None)
        # Stored by whoever booked (or imported): drawn as text, never as escapes or markup.
        identity = (shown(f"{visitor.id_kind.upper()} {visitor.id_number}") if visitor.id_number
                    else t("counter_no_identity"))
        lines = [
            t("counter_hand_head", number=ticket.number,
              service=self.service_name(ticket.service), state=t(f"state_{ticket.state}"),
              elapsed=elapsed, calls=ticket.call_count),
            t("counter_hand_visitor", name=shown(visitor.name) or "-",
              status=t(f"counter_visitor_{visitor.status}") if visitor.status else "-",
              identity=identity),
            t("counter_hand_requirements",
              text=(service.requirements_en if en else service.requirements) if service else "-"),
        ]
        if not ticket.walk_in:
            lines.append(t("counter_hand_booking"))
        box.update("\n".join(lines))

    def show_moves(self) -> None:
        for move in ("call", *HAND_MOVES, *ROW_MOVES):
            self.query_one(f"#move-{move}", Button).disabled = not self.can(move)
        self.refresh_bindings()

    # ----- what is allowed ---------------------------------------------------------------

    def chosen_code(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        try:
            return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        except CellDoesNotExist:  # the table is being rebuilt
            return None

    def chosen(self) -> TicketView | None:
        code = self.chosen_code()
        if self.status is None or code is None:
            return None
        return next((t for t in self.status.tickets if t.code == code), None)

    def target(self, move: str) -> TicketView | None:
        if move in ROW_MOVES:
            return self.chosen()
        return self.in_hand.ticket if self.in_hand else None

    def _reason(self, move: str) -> tuple[str, dict] | None:
        return why_not(move, self.status, self.in_hand.ticket if self.in_hand else None,
                       self.chosen(), self.app.counter)

    def why_not(self, move: str) -> str | None:
        """None when ``move`` may go ahead now; else why not, in the officer's language."""
        reason = self._reason(move)
        return None if reason is None else self.app.t(reason[0], **reason[1])

    def can(self, move: str) -> bool:
        return self._reason(move) is None

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "move" and parameters:
            return True if self.can(parameters[0]) else None  # shown, greyed out
        if action == "why_not" and parameters:
            return not self.can(parameters[0])  # never shown; live only while the move is not
        # The supervisor's tools stay on their keys for everybody: a plain officer pressing
        # one is told why not, rather than nothing happening.
        return True

    @on(DataTable.RowHighlighted)
    def _row_moved(self) -> None:
        for move in ROW_MOVES:
            self.query_one(f"#move-{move}", Button).disabled = not self.can(move)
        self.refresh_bindings()

    # ----- moves -------------------------------------------------------------------------

    def action_why_not(self, move: str) -> None:
        reason = self.why_not(move)
        if reason is not None and not self.busy:
            self.say(reason, error=True)

    async def action_move(self, move: str) -> None:
        if self.busy:
            return
        reason = self.why_not(move)
        if reason is not None:  # the day changed between the key and now
            self.say(reason, error=True)
            return
        desk, counter, name = self.app.desk, self.app.counter, self.officer.name
        ticket = self.target(move)
        if move == "call":
            await self.do(move, desk.call_next, counter, name)
        elif move in ("recall", "start", "no_show"):
            await self.do(move, getattr(desk, move), ticket.code, counter, name)
        elif move == "return":
            await self.do(move, desk.return_to_queue, ticket.code, name, counter)
        elif move == "finish":
            topics = topics_for(self.settings, ticket.service)

            async def finished(result) -> None:
                if result is not None:
                    await self.do(move, desk.finish, ticket.code, counter, name, result.topic,
                                  result.note, result.outcome)

            self.app.push_screen(FinishDialog(ticket.number, topics), finished)
        elif move == "cancel":
            async def cancelled(reason) -> None:
                if reason is not None:
                    await self.do(move, desk.cancel, ticket.code, name, reason, counter)

            self.app.push_screen(CancelDialog(ticket.number), cancelled)
        elif move == "transfer":
            others = [s for s in desk.office.services if s.code != ticket.service]

            async def moved(service) -> None:
                if service is not None:
                    await self.do(move, desk.transfer, ticket.code, service, counter, name)

            self.app.push_screen(TransferDialog(ticket.number, others), moved)

    async def do(self, move: str, fn, *args) -> bool:
        """One move in the store thread; a refusal is said calmly and the screen stays."""
        self.busy = True
        try:
            moved = await self.app.store.call(fn, *args)
        except DeskError as error:
            if not self.is_attached:
                return False
            self.say(error.message(self.app.lang), error=True)
            self.busy = False
            await self.refresh_day()  # another terminal may have moved it: show the truth
            return False
        finally:
            self.busy = False
        if not self.is_attached:
            return True
        self.say(self.moved_text(move, moved))
        await self.refresh_day()
        return True

    def moved_text(self, move: str, ticket: TicketView) -> str:
        """What the move did; a transfer keeps the state, so it names the new service."""
        state = self.app.t(f"state_{ticket.state}")
        if move == "transfer":
            return self.app.t("counter_transferred", number=ticket.number, state=state,
                              service=self.service_name(ticket.service))
        return self.app.t("counter_moved", number=ticket.number, state=state)

    # ----- supervisor tools --------------------------------------------------------------

    async def action_open(self, tool: str) -> None:
        try:
            require_supervisor(self.officer)
        except DeskError as error:
            self.say(error.message(self.app.lang), error=True)
            return
        if tool == "quota":
            screen = QuotaDialog(self.officer)
        elif tool == "officers":
            screen = OfficersDialog(self.officer)
        elif tool == "audit":
            screen = AuditDialog()
        else:
            screen = ReportScreen()
        async def closed(_result) -> None:
            await self.refresh_day()

        self.app.push_screen(screen, closed)

    # ----- the session -------------------------------------------------------------------

    def on_key(self) -> None:
        self._seen_at = self.app.desk.now()

    def on_mouse_down(self) -> None:
        self._seen_at = self.app.desk.now()

    def tick(self) -> None:
        """Each second: the clock, the elapsed time, and the idle lock."""
        now = self.app.desk.now()
        if self.app.screen is not self:
            self._seen_at = now  # a dialog is open: the officer is at work
            return
        if (now - self._seen_at).total_seconds() >= self.settings.idle_lock_seconds:
            self.lock_session("counter_locked_idle")
            return
        self.show_who()
        if self.in_hand is not None:
            self.show_hand()
        self.show_waits(now)

    def action_lock(self) -> None:
        self.lock_session("counter_logged_out")

    def lock_session(self, reason_key: str) -> None:
        """Back to the login; nothing of the day stays on screen."""
        app = self.app
        while app.screen is not self:
            app.pop_screen()
        app.pop_screen()
        login = app.screen
        if hasattr(login, "locked"):
            login.locked(reason_key)

    # ----- words -------------------------------------------------------------------------

    def say(self, text: str, error: bool = False) -> None:
        line = self.query_one("#day-message", Label)
        line.update(text)
        line.set_class(error, "-error")
        if error:
            self.notify(text, severity="warning", timeout=4)

    def service_name(self, code: str, short: bool = False) -> str:
        if short:
            return short_service_names(self.app.desk.office, self.app.lang).get(code, code)
        service = self.app.desk.office.service(code)
        if service is None:
            return code
        return service.name_en if self.app.lang == "en" else service.name

    def clock(self, moment: dt.datetime | None) -> str:
        if moment is None:
            return ""
        return f"{moment.astimezone(self.app.desk.office.zone):%H:%M}"

    @staticmethod
    def waited(ticket: TicketView, now: dt.datetime) -> float | None:
        if ticket.waited_seconds is not None:
            return ticket.waited_seconds
        if ticket.state == states.WAITING and ticket.arrived_at:
            return (now - ticket.arrived_at).total_seconds()
        return None

    def minutes(self, seconds: float | None) -> str:
        if seconds is None:
            return ""
        return self.app.t("counter_minutes", minutes=int(seconds // 60))
