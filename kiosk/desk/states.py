"""The moves a ticket may make (rule 4 of the service standard); any other is refused."""

from __future__ import annotations

from kiosk.texts import Reason

BOOKED, WAITING, CALLED, SERVING, DONE = "booked", "waiting", "called", "serving", "done"
NO_SHOW, CANCELLED, EXPIRED = "no_show", "cancelled", "expired"

STATES = (BOOKED, WAITING, CALLED, SERVING, DONE, NO_SHOW, CANCELLED, EXPIRED)
UNFINISHED = (BOOKED, WAITING, CALLED, SERVING, NO_SHOW)
FINAL = (DONE, CANCELLED, EXPIRED)
STILL_OPEN = (BOOKED, WAITING, CALLED, SERVING)  # the report's "still waiting"

# move -> (states it may start from, state it leads to)
MOVES: dict[str, tuple[tuple[str, ...], str | None]] = {
    "check_in": ((BOOKED,), WAITING),
    "call": ((WAITING,), CALLED),
    "recall": ((CALLED,), CALLED),
    "start": ((CALLED,), SERVING),
    "finish": ((SERVING,), DONE),
    "no_show": ((CALLED,), NO_SHOW),
    "return": ((NO_SHOW,), WAITING),
    "cancel": ((BOOKED, WAITING), CANCELLED),
    "expire": (UNFINISHED, EXPIRED),
    "transfer": ((BOOKED, WAITING, CALLED, SERVING), None),  # service changes, state stays
    "take_over": ((CALLED, SERVING), None),  # a supervisor's: the counter changes
}
# Moves the counter's table does not offer: the day's sweep, and the supervisor's tool.
NOT_OFFERED = ("expire", "take_over")


def allowed(move: str, state: str) -> bool:
    return state in MOVES[move][0]


def target(move: str, state: str) -> str:
    result = MOVES[move][1]
    return state if result is None else result


def moves_from(state: str) -> tuple[str, ...]:
    """The moves an officer may offer for a ticket in ``state``."""
    return tuple(m for m, (sources, _) in MOVES.items()
                 if state in sources and m not in NOT_OFFERED)


def state_now(state: str) -> Reason:
    """The state as a ticket is in it ("sudah selesai", "masih dipesan"), for refusals."""
    return Reason(f"state_now_{state}")
