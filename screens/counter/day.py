"""The day at a glance: the ticket in hand, the moves, today's tickets; the wiring of them.

Every move is on a key and a button and is offered only when the ticket's state allows it
(the table of screens.counter.moves); a greyed-out move's key says why not. The day comes
from the app's one follower of the store (a DayChanged whenever any terminal changed it, the
store came back, or midnight passed); the number in hand at this counter is then read whole.
Moves and the day's reads go through the store mechanism every role shares
(screens.counter.work). Beside it: the session and its idle lock (screens.counter.day_session),
who came and what was written read again (screens.counter.day_visits).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Label

from kiosk.desk.errors import DeskError
from kiosk.desk.records import DayStatus, OfficerView, TicketDetail, TicketView
from kiosk.desk.sessions import CounterSession, SessionEnded
from kiosk.desk.supervision import require_supervisor
from screens.common.messages import DayChanged, StoreBack
from screens.common.shown_text import shown
from screens.counter.audit import AuditDialog
from screens.counter.day_table import DayTable
from screens.counter.day_visits import VisitWork
from screens.counter.day_words import service_name
from screens.counter.hand import TicketInHand
from screens.counter.move_buttons import DayButton, MoveButtons
from screens.counter.moves import BY_NAME, MOVES, ROW, Move, Order, target, why_not
from screens.counter.officers import OfficersDialog
from screens.counter.quota import QuotaDialog
from screens.counter.report import ReportScreen
from screens.counter.survey_report import SurveyReportScreen

# The supervisor's tools: each one's key and the screen it opens.
TOOLS: dict[str, tuple[str, Callable[[OfficerView], Screen[Any]]]] = {
    "quota": ("q", QuotaDialog),
    "officers": ("o", OfficersDialog),
    "audit": ("a", lambda officer: AuditDialog()),
    "report": ("p", lambda officer: ReportScreen()),
    "survey": ("v", lambda officer: SurveyReportScreen()),  # screens/counter/survey_report.py
}
ROW_MOVES = tuple(move for move in MOVES if move.on == ROW)


class CounterDay(VisitWork, Screen[None]):
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

    def __init__(self, session: CounterSession) -> None:
        super().__init__()
        self.status: DayStatus | None = None
        self.in_hand: TicketDetail | None = None
        self.start_session(session)

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
                yield DayButton(t(f"counter_button_{tool}", k=key), id=f"tool-{tool}",
                                compact=True, action=f"screen.open('{tool}')")
            yield DayButton(t("counter_button_lock", k="l"), id="tool-lock", compact=True,
                            action="screen.lock")
        yield Label("", id="day-message")
        yield DayTable(id="day-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    async def on_mount(self) -> None:
        for tool in TOOLS:
            self.query_one(f"#tool-{tool}").display = self.officer.is_supervisor
        self.query_one(MoveButtons).offer(self.officer.is_supervisor)
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
        whose officer was disabled meanwhile, or that was taken to another counter, ends
        here (the supervisor's word is final; the officer's take-over too)."""
        ended = await self.app.store.call(self.app.officers.check_session, self.session)
        if not self.app.is_running:  # the program closed meanwhile: its screens are gone
            return
        if ended is not None:
            self.session_ended(ended)
            return
        mine = next((t for t in status.in_service if t.counter == self.app.counter), None)
        hand = await self.app.store.call(self.app.desk.detail, mine.code) if mine else None
        if self.app.is_running:
            self.show(status, hand)

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

    def show_moves(self, moves: tuple[Move, ...] = MOVES) -> None:
        self.query_one(MoveButtons).show(self.can, moves, in_hand=self.in_hand is not None)
        self.refresh_bindings()

    @on(DataTable.RowHighlighted)
    def _row_moved(self) -> None:
        self.show_moves(ROW_MOVES)

    # ----- what is allowed ---------------------------------------------------------------

    def chosen(self) -> TicketView | None:
        code = self.query_one(DayTable).chosen_code()
        if self.status is None or code is None:
            return None
        return next((t for t in self.status.tickets if t.code == code), None)

    def _reason(self, move: Move) -> tuple[str, dict[str, object]] | None:
        return why_not(move, self.status, self.in_hand.ticket if self.in_hand else None,
                       self.chosen(), self.app.counter, self.officer.is_supervisor)

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

    @on(DayButton.Greyed)
    def _greyed_tapped(self, event: DayButton.Greyed) -> None:
        """A greyed-out button tapped says why not, as its key does (and the officer is
        here: the disabled button's mouse-down never reached the idle lock)."""
        self.touched_here()
        name = (event.button.id or "").removeprefix("move-")
        if name in BY_NAME:
            self.action_why_not(name)
        else:  # who came, earlier visits: greyed only while no number is in hand
            self.hand_for_work()

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
        run = self.in_session(lambda desk: move.run(desk, order))
        try:
            if in_dialog:  # the dialog says "please wait" and a refusal itself
                moved = await self.app.store.call(run, self.app.desk)
            else:
                async with self.working("#day-message"):
                    moved = await self.app.store.call(run, self.app.desk)
        except SessionEnded as ended:  # disabled, or the session taken elsewhere, since
            self.session_ended(ended)
            raise
        finally:
            # This terminal's own write (the change check sees only the others'), or a
            # refusal because another terminal moved it first: read the truth either way.
            self.app.follower.refresh()
        t = self.app.t
        self.say(t(move.said, number=moved.number, state=t(f"state_{moved.state}"),
                   service=service_name(self.app, moved.service)))

    # ----- supervisor tools --------------------------------------------------------------

    def action_open(self, tool: str) -> None:
        try:
            require_supervisor(self.officer)
        except DeskError as error:
            self.say(error.message(self.app.lang), error=True)
            return
        self.app.push_screen(TOOLS[tool][1](self.officer),
                             lambda _closed: self.app.follower.refresh())

