"""Which move the counter offers now, and if not, why not, in the catalogue's words.

The day screen greys a move's button and key when this says no; pressing the key anyway
puts the reason on the message line instead of doing nothing.
"""

from __future__ import annotations

from kiosk.desk import states
from kiosk.desk.records import DayStatus, TicketView
from kiosk.texts import Reason

# The moves on the ticket in hand, then on the row chosen in the table.
HAND_MOVES = ("recall", "start", "finish", "transfer", "no_show")
ROW_MOVES = ("return", "cancel")


def why_not(move: str, status: DayStatus | None, hand: TicketView | None,
            row: TicketView | None, counter: int) -> tuple[str, dict] | None:
    """None when ``move`` may go ahead; else the text key and values that say why not."""
    if status is None:  # the day is still being read
        return "counter_move_not_now", {}
    if move == "call":
        if hand is not None:
            return "counter_busy", {"counter": counter, "number": hand.number}
        return None if status.waiting else ("nobody_waiting", {})
    ticket = row if move in ROW_MOVES else hand
    if ticket is None:
        return ("counter_move_no_row", {}) if move in ROW_MOVES else ("counter_move_no_hand", {})
    if move not in states.moves_from(ticket.state):
        return "move_refused", {"number": ticket.number, "state": Reason(f"state_{ticket.state}"),
                                "move": Reason(f"move_{move}")}
    return None
