"""The wait of a number in the taxpayer's words (the ticket and its slip): who is before
it, as a range while lower booked numbers may still arrive, and how long, counted from
opening time and never promised past closing time."""

from __future__ import annotations

from typing import Callable

from kiosk.desk.wait_estimate import WaitEstimate

Say = Callable[..., str]


def ahead_line(t: Say, wait: WaitEstimate) -> str:
    ahead = wait.ahead
    if ahead.most != ahead.least:
        return t("lobby_ticket_ahead_range", least=ahead.least, most=ahead.most)
    if ahead.least == 1:
        return t("lobby_ticket_ahead_one")
    return t("lobby_ticket_ahead", ahead=ahead.least)


def minutes_line(t: Say, wait: WaitEstimate) -> str:
    if wait.minutes != wait.minutes_most:
        return t("lobby_ticket_wait_range", least=wait.minutes, most=wait.minutes_most)
    if wait.minutes == 1:
        return t("lobby_ticket_wait_one")
    return t("lobby_ticket_wait", minutes=wait.minutes)


def wait_lines(t: Say, wait: WaitEstimate) -> tuple[str, ...]:
    """The lines of the wait, the last one asking to take a seat (when it is worth it)."""
    if wait.not_today:
        return (ahead_line(t, wait), t("lobby_ticket_not_today", closes=wait.closes))
    lines: list[str] = []
    if wait.ahead.most == 0:
        lines.append(t("lobby_ticket_next"))
        if wait.opens:  # the first number of the day, taken before the door opens
            lines.append(t("lobby_ticket_wait_opening", opens=wait.opens, around=wait.around))
    else:
        lines.append(ahead_line(t, wait))
        if wait.ahead.booked:
            lines.append(t("lobby_ticket_ahead_booked"))
        if wait.opens:
            lines.append(t("lobby_ticket_wait_opening", opens=wait.opens, around=wait.around))
        elif wait.ahead.least:
            lines.append(minutes_line(t, wait))
    if wait.closes:
        lines.append(t("lobby_ticket_past_closing", closes=wait.closes))
    lines.append(t("lobby_ticket_wait_call"))
    return tuple(lines)
