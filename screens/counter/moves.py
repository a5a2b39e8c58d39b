"""The counter's moves as a table: each move's key, what it moves, what it asks first, how
the desk takes it, and what it says when done. Which state allows which move is the desk's
own table (kiosk.desk.states); why a move is not possible now is read off both.

The day screen greys a move's button and key when ``why_not`` says no; pressing the key
anyway puts the reason on the message line instead of doing nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from data.office import Office
from kiosk.desk import states
from kiosk.desk.desk import Desk
from kiosk.desk.records import DayStatus, TicketView
from kiosk.texts import Reason
from screens.counter.cancel import CancelDialog
from screens.counter.dialog import CounterDialog
from screens.counter.finish import FinishDialog
from screens.counter.transfer import TransferDialog

# What a move works on.
QUEUE = "queue"  # the lowest number waiting (the desk picks it)
HAND = "hand"  # the number in hand at this counter
ROW = "row"  # the number chosen in the table

# When there is nothing to work on, why not.
NOTHING_TO_MOVE = {QUEUE: "nobody_waiting", HAND: "counter_move_no_hand",
                   ROW: "counter_move_no_row"}


@dataclass(frozen=True)
class Order:
    """One move as the desk takes it: which number, at which counter, by whom, and what
    the move's dialog answered (a finish's topic, a cancel's reason, a transfer's service)."""

    code: str
    counter: int
    officer: str
    answer: Any = None


@dataclass(frozen=True)
class Move:
    name: str  # the desk's word for the move (kiosk.desk.states.MOVES)
    key: str
    on: str  # QUEUE, HAND or ROW
    run: Callable[[Desk, Order], TicketView]  # in the store thread
    ask: Callable[[Office, TicketView], CounterDialog[Any]] | None = None
    free_hand: bool = False  # only while this counter has no number in hand
    said: str = "counter_moved"  # the sentence once done
    supervisor: bool = False  # a supervisor's move only (offered to nobody else)


MOVES: tuple[Move, ...] = (  # in the order of the buttons
    Move("call", "n", QUEUE, lambda d, o: d.call_next(o.counter, o.officer), free_hand=True),
    Move("recall", "r", HAND, lambda d, o: d.recall(o.code, o.counter, o.officer)),
    Move("start", "s", HAND, lambda d, o: d.start(o.code, o.counter, o.officer)),
    Move("finish", "f", HAND, lambda d, o: d.finish(o.code, o.counter, o.officer, o.answer.topic,
                                                    o.answer.note, o.answer.outcome),
         ask=FinishDialog.asking),
    Move("transfer", "t", HAND, lambda d, o: d.transfer(o.code, o.answer, o.counter, o.officer),
         ask=TransferDialog.asking, said="counter_transferred"),
    Move("no_show", "x", HAND, lambda d, o: d.no_show(o.code, o.counter, o.officer)),
    Move("return", "b", ROW, lambda d, o: d.return_to_queue(o.code, o.officer, o.counter)),
    Move("cancel", "c", ROW, lambda d, o: d.cancel(o.code, o.officer, o.answer, o.counter),
         ask=CancelDialog.asking),
    # A booked taxpayer who walks up to the counter instead of the lobby's terminal.
    Move("check_in", "i", ROW, lambda d, o: d.check_in(o.code, o.officer, o.counter)),
    # A supervisor takes another counter's called or served number to this counter (the
    # officer there left): the audit log says a take-over, from which counter.
    Move("take_over", "g", ROW, lambda d, o: d.take_over(o.code, o.counter, o.officer),
         free_hand=True, said="counter_taken_over", supervisor=True),
)
BY_NAME = {move.name: move for move in MOVES}


def target(move: Move, status: DayStatus | None, hand: TicketView | None,
           row: TicketView | None) -> TicketView | None:
    """The number ``move`` would move now, if any."""
    if move.on == QUEUE:
        return status.waiting[0] if status and status.waiting else None
    return hand if move.on == HAND else row


def why_not(move: Move, status: DayStatus | None, hand: TicketView | None,
            row: TicketView | None, counter: int,
            supervisor: bool = False) -> tuple[str, dict[str, object]] | None:
    """None when ``move`` may go ahead; else the text key and values that say why not."""
    if move.supervisor and not supervisor:
        return "supervisor_only", {}
    if status is None:  # the day is still being read
        return "counter_move_not_now", {}
    if move.free_hand and hand is not None:
        return "counter_busy", {"counter": counter, "number": hand.number}
    ticket = target(move, status, hand, row)
    if ticket is None:
        return NOTHING_TO_MOVE[move.on], {}
    if not states.allowed(move.name, ticket.state):
        return "move_refused", {"number": ticket.number, "state": states.state_now(ticket.state),
                                "move": Reason(f"move_{move.name}")}
    if move.name == "take_over" and ticket.counter == counter:
        return "held_here", {"number": ticket.number, "counter": counter}
    return None
