"""The day at a glance: the ticket in hand, the moves, today's tickets; the wiring of them.

Every move is on a key and a button and is offered only when the ticket's state allows it
(the table of screens.counter.moves); a greyed-out move's key says why not. The day comes
from the app's one follower of the store (a DayChanged whenever any terminal changed it, the
store came back, or midnight passed); the number in hand at this counter is then read whole.
Moves and the day's reads go through the store mechanism every role shares
(screens.counter.work). The session locks itself after the profile's idle time,
measured on the desk's clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Label

from kiosk.desk.desk import Desk
from kiosk.desk.errors import DeskError, NotAllowed
from kiosk.desk.records import DayStatus, OfficerView, TicketDetail, TicketView
from kiosk.desk.supervision import require_supervisor
from screens.common.messages import DayChanged, StoreBack, StoreTrouble
from screens.common.shown_text import shown
from screens.counter.audit import AuditDialog
from screens.counter.day_table import DayTable
from screens.counter.day_words import service_name
from screens.counter.hand import TicketInHand
from screens.counter.login import CounterScreen
from screens.counter.move_buttons import MoveButtons
from screens.counter.moves import BY_NAME, MOVES, ROW, Move, Order, target, why_not
from screens.counter.officers import OfficersDialog
from screens.counter.quota import QuotaDialog
from screens.counter.report import ReportScreen
from screens.counter.survey_report import SurveyReportScreen
from screens.counter.visitor import VisitorAnswer, VisitorDialog
from screens.counter.visits import FOLLOW_UP_DAYS, VisitsDialog
from screens.counter.work import CounterWork

# The supervisor's tools: each one's key and the screen it opens.
TOOLS: dict[str, tuple[str, Callable[[OfficerView], Screen[Any]]]] = {
    "quota": ("q", QuotaDialog),
    "officers": ("o", OfficersDialog),
    "audit": ("a", lambda officer: AuditDialog()),
    "report": ("p", lambda officer: ReportScreen()),
    "survey": ("v", lambda officer: SurveyReportScreen()),  # screens/counter/survey_report.py
}
ROW_MOVES = tuple(move for move in MOVES if move.on == ROW)


class CounterDay(CounterWork, Screen[None]):
    CSS_PATH = "day.tcss"
    # The buttons show each key in the catalogue's words, so the footer needn't.
    # Each move's key is bound twice: the move, greyed (check_action None) when not
    # possible, and behind it 'why_not', live only then, so the key says why instead of
    # doing nothing (Textual tries a key's next binding when one is disabled).
    BINDINGS: ClassVar[list[BindingType]] = [
        *(binding
          for move in MOVES
          for binding in (Binding(move.key, f"move('{move.name}')", show=False),
                          Binding(move.key, f"why_not('{move.name}')", show=False))),
        *(Binding(key, f"open('{tool}')", show=False) for tool, (key, _) in TOOLS.items()),
        Binding("w", "visitor", show=False),
        Binding("h", "earlier_visits", show=False),
        Binding("u", "follow_ups", show=False),
        Binding("l", "lock", show=False),
    ]

    def __init__(self, officer: OfficerView) -> None:
        super().__init__()
        self.officer = officer
        self.status: DayStatus | None = None
        self.in_hand: TicketDetail | None = None
        self.settings = self.app.desk.office.counter
        self._seen_at = self.app.desk.now()  # desk time of the officer's last key or click

    # ----- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Horizontal(id="day-top"):
            yield Label("", id="day-who")
            yield Label("", id="day-numbers")
        yield TicketInHand(id="day-hand")
        yield MoveButtons(id="day-moves")
        with Horizontal(classes="day-buttons", id="day-tools"):
            for tool, (key, _) in TOOLS.items():
                yield Button(t(f"counter_button_{tool}", k=key), id=f"tool-{tool}",
                             compact=True, action=f"screen.open('{tool}')")
            yield Button(t("counter_button_lock", k="l"), id="tool-lock", compact=True,
                         action="screen.lock")
        yield Label("", id="day-message")
        yield DayTable(id="day-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    async def on_mount(self) -> None:
        for tool in TOOLS:
            self.query_one(f"#tool-{tool}").display = self.officer.is_supervisor
        self._seen_at = self.app.desk.now()
        self.show_who()
        self.set_interval(1.0, self.tick)
        self.query_one(DayTable).focus()
        await self.app.follower.read_now()

    # ----- what the follower of the store says -------------------------------------------

    def on_day_changed(self, message: DayChanged) -> None:
        if self not in self.app.screen_stack:  # locked meanwhile: nothing to show
            return
        self.run_latest(self.take_day(message.status), group="day")

    async def take_day(self, status: DayStatus) -> None:
        """The day as read, with the number in hand here read whole (who comes); a session
        whose officer was disabled meanwhile ends here (the supervisor's word is final)."""
        if not await self.app.store.call(self.app.officers.still_active, self.officer.name):
            self.lock_session("counter_session_ended")
            return
        mine = next((t for t in status.in_service if t.counter == self.app.counter), None)
        hand = await self.app.store.call(self.app.desk.detail, mine.code) if mine else None
        self.show(status, hand)

    def on_store_trouble(self, message: StoreTrouble) -> None:
        self.say(message.error.message(self.app.lang), error=True)  # the last good day stays

    def on_store_back(self, message: StoreBack) -> None:
        self.say("")  # the fresh day follows

    # ----- showing -----------------------------------------------------------------------

    def show(self, status: DayStatus, hand: TicketDetail | None) -> None:
        self.status, self.in_hand = status, hand
        t = self.app.t
        # A closed day says so, with its reason (the supervisor's, typed: drawn as text).
        why = (status.closed_why.text(self.app.lang) if status.closed_why
               else status.quota_reason if not status.quota else "")
        closed = "  " + t("counter_day_closed", reason=why or "-") if why or not status.quota else ""
        self.query_one("#day-numbers", Label).update(shown(
            t("counter_numbers", issued=status.issued, quota=status.quota,
              left=status.remaining, waiting=len(status.waiting)) + closed))
        self.query_one(DayTable).show(status)
        self.query_one(TicketInHand).show(hand)
        self.show_moves()

    def show_who(self) -> None:
        now = self.app.desk.local_now()
        role = self.app.t(f"counter_role_{self.officer.role}")
        self.query_one("#day-who", Label).update(shown(self.app.t(
            "counter_who", counter=self.app.counter, name=self.officer.name, role=role,
            time=f"{now:%H:%M}")))

    def show_moves(self, moves: tuple[Move, ...] = MOVES) -> None:
        self.query_one(MoveButtons).show(self.can, moves, in_hand=self.in_hand is not None)
        self.refresh_bindings()

    @on(DataTable.RowHighlighted)
    def _row_moved(self) -> None:
        self.show_moves(ROW_MOVES)

    def say(self, text: str, error: bool = False) -> None:
        line = self.query_one("#day-message", Label)
        line.update(shown(text))  # refusals carry typed values, sentences service names
        line.set_class(error, "-error")
        if error:
            self.notify(text, severity="warning", timeout=4, markup=False)

    def say_trouble(self, text: str) -> None:
        self.say(text, error=True)

    # ----- what is allowed ---------------------------------------------------------------

    def chosen(self) -> TicketView | None:
        code = self.query_one(DayTable).chosen_code()
        if self.status is None or code is None:
            return None
        return next((t for t in self.status.tickets if t.code == code), None)

    def _reason(self, move: Move) -> tuple[str, dict[str, object]] | None:
        return why_not(move, self.status, self.in_hand.ticket if self.in_hand else None,
                       self.chosen(), self.app.counter)

    def why_not(self, move: Move) -> str | None:
        """None when ``move`` may go ahead now; else why not, in the officer's language."""
        reason = self._reason(move)
        return None if reason is None else self.app.t(reason[0], **reason[1])

    def can(self, move: Move) -> bool:
        return self._reason(move) is None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        move = BY_NAME.get(str(parameters[0])) if parameters else None
        if action == "move" and move:
            return True if self.can(move) else None  # shown, greyed out
        if action == "why_not" and move:
            return not self.can(move)  # never shown; live only while the move is not
        # The supervisor's tools stay on their keys for everybody: a plain officer pressing
        # one is told why not, rather than nothing happening.
        return True

    # ----- moves -------------------------------------------------------------------------

    def action_why_not(self, name: str) -> None:
        reason = self.why_not(BY_NAME[name])
        if reason is not None and not self.busy:
            self.say(reason, error=True)

    def action_move(self, name: str) -> None:
        move = BY_NAME[name]
        if self.busy:
            return
        reason = self.why_not(move)
        if reason is not None:  # the day changed between the key and now
            self.say(reason, error=True)
            return
        ticket = target(move, self.status, self.in_hand.ticket if self.in_hand else None,
                        self.chosen())
        assert ticket is not None  # why_not said there is one
        if move.ask is None:
            self.run_busy(self.make(move, ticket))
            return

        # The dialog runs the move itself and closes once it is done: a refusal (the store
        # busy, another terminal first) is said there, with the topic and note kept.
        dialog = move.ask(self.app.desk.office, ticket)
        dialog.run_answer = lambda answer: self.make(move, ticket, answer, in_dialog=True)
        self.app.push_screen(dialog)

    async def make(self, move: Move, ticket: TicketView, answer: object = None,
                   in_dialog: bool = False) -> None:
        """One move in the store thread; a refusal is said calmly and the screen stays."""
        order = Order(ticket.code, self.app.counter, self.officer.name, answer)
        officers = self.app.officers

        def run(desk: Desk, order: Order) -> TicketView:
            if not officers.still_active(order.officer):  # disabled since the login
                raise NotAllowed("officer_disabled", name=order.officer)
            return move.run(desk, order)

        try:
            if in_dialog:  # the dialog says "please wait" and a refusal itself
                moved = await self.app.store.call(run, self.app.desk, order)
            else:
                async with self.working("#day-message"):
                    moved = await self.app.store.call(run, self.app.desk, order)
        except NotAllowed:
            self.lock_session("counter_session_ended")
            raise
        finally:
            # This terminal's own write (the change check sees only the others'), or a
            # refusal because another terminal moved it first: read the truth either way.
            self.app.follower.refresh()
        t = self.app.t
        self.say(t(move.said, number=moved.number, state=t(f"state_{moved.state}"),
                   service=service_name(self.app, moved.service)))

    # ----- who came ----------------------------------------------------------------------

    def hand_for_work(self) -> TicketDetail | None:
        """The number in hand, free to work on now; else None (and why, when there is none)."""
        if self.busy:
            return None
        if self.in_hand is None:
            self.say(self.app.t("counter_move_no_hand"), error=True)
        return self.in_hand

    def action_visitor(self) -> None:
        """Record or complete who came, for the number in hand (the ID card at the desk)."""
        hand = self.hand_for_work()
        if hand is None:
            return
        dialog = VisitorDialog(hand)
        dialog.run_answer = lambda answer: self.record_visitor(hand.ticket.code, answer)
        self.app.push_screen(dialog)

    async def record_visitor(self, code: str, answer: VisitorAnswer) -> None:
        """In the store thread; the dialog says "please wait" and a refusal itself."""
        officers, officer = self.app.officers, self.officer.name

        def run(desk: Desk) -> TicketDetail:
            if not officers.still_active(officer):  # disabled since the login
                raise NotAllowed("officer_disabled", name=officer)
            return desk.record_visitor(code, self.app.counter, officer, answer.name,
                                       status=answer.status, phone=answer.phone,
                                       **answer.identity())

        try:
            saved = await self.app.store.call(run, self.app.desk)
        except NotAllowed:
            self.lock_session("counter_session_ended")
            raise
        finally:
            self.app.follower.refresh()
        self.say(self.app.t("counter_visitor_saved", number=saved.ticket.number))

    # ----- what was written, read again ------------------------------------------------

    def action_earlier_visits(self) -> None:
        """The visitor's earlier visits, by the identity of the number in hand."""
        hand = self.hand_for_work()
        if hand is not None:
            self.run_busy(self._open_earlier(hand))

    async def _open_earlier(self, hand: TicketDetail) -> None:
        async with self.working("#day-message"):
            found = await self.app.store.call(self.app.desk.earlier_visits, hand.ticket.code)
        self.app.push_screen(VisitsDialog.earlier(self.app, hand.ticket.number, found))

    def action_follow_ups(self) -> None:
        if not self.busy:
            self.run_busy(self._open_follow_ups())

    async def _open_follow_ups(self) -> None:
        today = self.app.desk.today()
        start = today - dt.timedelta(days=FOLLOW_UP_DAYS)
        async with self.working("#day-message"):
            found = await self.app.store.call(self.app.desk.follow_ups, start, today)
        self.app.push_screen(VisitsDialog.follow_ups(self.app, found))

    # ----- supervisor tools --------------------------------------------------------------

    def action_open(self, tool: str) -> None:
        try:
            require_supervisor(self.officer)
        except DeskError as error:
            self.say(error.message(self.app.lang), error=True)
            return
        self.app.push_screen(TOOLS[tool][1](self.officer),
                             lambda _closed: self.app.follower.refresh())

    # ----- the session -------------------------------------------------------------------

    def seen(self) -> None:
        """A key or a click on this terminal, here or in a dialog over the day."""
        self._seen_at = self.app.desk.now()

    def tick(self) -> None:
        """Each second: the clock, the elapsed time, and the idle lock. The lock counts
        the terminal's idleness, dialogs open or not (a dialog left open shows taxpayers'
        data as well); the number in hand stays at this counter, untouched, for the
        officer to go on after the PIN."""
        now = self.app.desk.now()
        if (now - self._seen_at).total_seconds() >= self.settings.idle_lock_seconds:
            self.lock_session("counter_locked_idle")
            return
        if self.app.screen is not self:
            return
        self.show_who()
        if self.in_hand is not None:
            self.query_one(TicketInHand).show(self.in_hand)
        if self.status is not None:
            self.query_one(DayTable).show_waits(self.status, now)

    def action_lock(self) -> None:
        self.lock_session("counter_logged_out")

    def lock_session(self, reason_key: str) -> None:
        """Back to the login; nothing of the day stays on screen."""
        app = self.app
        if self not in app.screen_stack:  # already locked (a read and a move both saw it)
            return
        while app.screen is not self:
            app.pop_screen()
        app.pop_screen()
        if isinstance(app.screen, CounterScreen):
            app.screen.locked(reason_key)
