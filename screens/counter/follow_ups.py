"""The follow-up list (key u): the numbers finished "needs follow-up" in the last days,
their notes whole; the officer marks the chosen one's follow-up handled (button or key d)
and it leaves the list. The mark is the desk's (stored and logged, kiosk.desk.follow_ups),
run by the day's screen within the officer's session."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button

from kiosk.desk.errors import Refused
from kiosk.desk.records import FinishedView
from screens.common.role_app import RoleApp
from screens.counter.visits import FOLLOW_UP_DAYS, VisitsDialog


class FollowUpsDialog(VisitsDialog):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("d", "handled", show=False)]
    # Set by the day's screen: the desk's mark for a number's code, in the store thread.
    run_handled: Callable[[str], Awaitable[FinishedView]] | None = None

    def __init__(self, app: RoleApp, found: list[FinishedView]) -> None:
        t = app.t
        super().__init__(
            t("counter_follow_ups_title", days=FOLLOW_UP_DAYS),
            [t("counter_col_date"), t("counter_col_number"), t("counter_col_topic"),
             t("counter_col_note")],
            [[v.date.isoformat(), str(v.number), v.topic, v.note or "-"] for v in found],
            t("counter_follow_ups_none"))
        self.found = list(found)

    def buttons(self) -> ComposeResult:
        yield Button(self.app.t("counter_follow_up_done", k="d"), id="follow-up-done",
                     variant="primary", compact=True, action="screen.handled")

    def action_handled(self) -> None:
        row = self.chosen_row()
        if row is None:
            self.message(self.app.t("counter_follow_ups_none"))
        elif self.run_handled is not None:
            self.run_busy(self._handled(self.run_handled, row))

    async def _handled(self, run: Callable[[str], Awaitable[FinishedView]], row: int) -> None:
        try:
            async with self.working("#visits-message"):
                done = await run(self.found[row].code)
        except Refused as refused:
            if refused.key == "follow_up_not_open":  # marked at another counter meanwhile
                self._drop(row)
            raise  # said on the message line
        self._drop(row)
        self.message(self.app.t("counter_follow_up_marked", number=done.number,
                                date=done.date.isoformat()))

    def _drop(self, row: int) -> None:
        del self.found[row], self.rows[row]
        self.fill(row)
