"""The ticket in hand at this counter: number, service, state and time since the call, who
comes (as booked, checked against the ID card shown) and what the service requires."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from kiosk.desk import states
from kiosk.desk.records import TicketDetail
from screens.common.role_app import RoleApp
from screens.common.shown_text import shown
from screens.counter.day_words import minutes, service_name, waited


class TicketInHand(Vertical):
    app = getters.app(RoleApp)

    def compose(self) -> ComposeResult:
        yield Static("", id="day-hand-text")

    def show(self, hand: TicketDetail | None) -> None:
        """``hand``, or the hint to call; again each second for the time since the call."""
        app, box = self.app, self.query_one("#day-hand-text", Static)
        t = app.t
        if hand is None:
            box.update(t("counter_hand_empty"))
            return
        ticket, visitor = hand.ticket, hand.visitor
        service = app.desk.office.service(ticket.service)
        en = app.lang == "en"
        since = ticket.started_at if ticket.state == states.SERVING else ticket.called_at
        elapsed = minutes(app, (app.desk.now() - since).total_seconds() if since else None)
        identity = (f"{visitor.id_kind.upper()} {visitor.id_number}" if visitor.id_number
                    else t("counter_no_identity"))
        lines = [
            t("counter_hand_head", number=ticket.number,
              service=service_name(app, ticket.service), state=t(f"state_{ticket.state}"),
              elapsed=elapsed, calls=ticket.call_count,
              waited=minutes(app, waited(ticket, app.desk.now())) or "-"),
            t("counter_hand_visitor", name=visitor.name or "-",
              status=t(f"counter_visitor_{visitor.status}") if visitor.status else "-",
              identity=identity),
            t("counter_hand_requirements",
              text=(service.requirements_en if en else service.requirements) if service else "-"),
        ]
        if not ticket.walk_in:
            lines.append(t("counter_hand_booking"))
        # Stored by whoever booked (or imported), or the profile's: drawn as text, never as
        # escapes or markup.
        box.update("\n".join(shown(line) for line in lines))
