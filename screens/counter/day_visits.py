"""The day's work on who came, and on what was written read again: recording the visitor
of the number in hand (the ID card at the desk), the visitor's earlier visits, and the
follow-up list (a follow-up marked handled there). Each runs in the store thread; a disabled officer's step ends the session."""

from __future__ import annotations

import datetime as dt

from kiosk.desk.desk import Desk
from kiosk.desk.records import FinishedView, TicketDetail
from kiosk.desk.sessions import SessionEnded
from screens.counter.day_session import DaySession
from screens.counter.visitor import VisitorAnswer, VisitorDialog
from screens.counter.follow_ups import FollowUpsDialog
from screens.counter.visits import FOLLOW_UP_DAYS, VisitsDialog


class VisitWork(DaySession):
    """Mixed into the day's screen (screens.counter.day), before its Screen class."""

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
        officer = self.officer.name

        def run(desk: Desk) -> TicketDetail:
            return desk.record_visitor(code, self.app.counter, officer, answer.name,
                                       status=answer.status, phone=answer.phone,
                                       **answer.identity())

        try:
            saved = await self.app.store.call(self.in_session(run), self.app.desk)
        except SessionEnded as ended:  # disabled, or the session taken elsewhere, since
            self.session_ended(ended)
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
        dialog = FollowUpsDialog(self.app, found)
        dialog.run_handled = self.follow_up_done
        self.app.push_screen(dialog)

    async def follow_up_done(self, code: str) -> FinishedView:
        """In the store thread; the dialog says "please wait" and a refusal itself."""
        counter, officer = self.app.counter, self.officer.name

        def run(desk: Desk) -> FinishedView:
            return desk.follow_up_done(code, officer, counter)

        try:
            return await self.app.store.call(self.in_session(run), self.app.desk)
        except SessionEnded as ended:  # disabled, or the session taken elsewhere, since
            self.session_ended(ended)
            raise

