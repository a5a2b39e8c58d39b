"""Check-in: the booking code touched on the code keypad, typed, or scanned (a scanner
types it and presses Enter); the ticket joins today's waiting list. Every refusal is a
plain sentence."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from kiosk.desk.codes import format_code, normalize_code
from kiosk.desk.errors import DeskError, NotFound, Refused
from kiosk.texts.dates import long_date
from kiosk.desk.states import CALLED, CANCELLED, DONE, SERVING, WAITING
from screens.lobby.field import LobbyInput
from screens.lobby.keypad import CodePad
from screens.common.role_app import RoleApp
from screens.common.keys import KEYS_CSS
from screens.lobby.page import LobbyPage


class CheckInScreen(LobbyPage):
    app = getters.app(RoleApp)
    CSS_PATH = ["checkin.tcss", KEYS_CSS]

    def compose(self) -> ComposeResult:
        t = self.t
        with Vertical(id="checkin-box"):
            yield Static(t("lobby_checkin_title"), id="checkin-title")
            yield Static(t("lobby_checkin_prompt"), id="checkin-prompt")
            yield LobbyInput(id="code", max_length=32, placeholder="ABC-DEF")
            # Only the characters a code can hold; outside any focusable box, so a touch
            # on a key leaves the focus (and a scanner's typing) in the field.
            yield CodePad()
            yield Static("", id="checkin-why")
            yield Button(t("lobby_checkin_go"), id="checkin-go", variant="success")
        with Horizontal(id="checkin-nav"):
            yield Button(t("lobby_back"), id="back")

    def on_mount(self) -> None:
        code = self.query_one("#code", Input)
        pad = self.query_one(CodePad)
        pad.type_into(code)
        pad.add_class("-shown")
        code.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.run_busy(self.check_in())

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.value:  # typing again hides the last refusal (clearing the field keeps it)
            self.query_one("#checkin-why", Static).update("")

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "checkin-go":
            self.run_busy(self.check_in())
        elif event.button.id == "back" and not self.busy:
            self.dismiss()

    async def check_in(self) -> None:
        box = self.query_one("#code", Input)
        code = normalize_code(box.value)
        if not code:
            self.say(self.t("lobby_checkin_empty"))
            return
        async with self.working("#checkin-why"):
            ticket, refusal = await self.app.store.call(self._check_in, code)
        if refusal:
            self.say(refusal)
            box.value = ""  # ready for the next try or the next scan
            box.focus()
            return
        from screens.lobby.ticket import TicketScreen

        self.app.switch_screen(TicketScreen(ticket))

    def _check_in(self, code: str):
        """In the store thread: the checked-in ticket, or the refusal as a sentence."""
        try:
            return self.app.desk.check_in(code), None
        except DeskError as exc:
            return None, self.refusal(code, exc)

    def refusal(self, code: str, exc: DeskError) -> str:
        """The refusal as a sentence for a taxpayer, not for an officer (store thread)."""
        t, lang = self.t, self.app.lang
        shown = format_code(code)
        if isinstance(exc, NotFound):
            return t("lobby_checkin_not_found", code=shown)
        if isinstance(exc, Refused) and exc.key == "ticket_other_day":
            try:
                day = self.app.desk.ticket(code).date
                return t("lobby_checkin_other_day", code=shown, date=long_date(day, lang))
            except DeskError:
                return exc.message(lang, long_dates=True)
        if isinstance(exc, Refused) and exc.key in ("move_refused", "already_checked_in"):
            try:
                ticket = self.app.desk.ticket(code)
            except DeskError:
                return exc.message(lang, long_dates=True)
            if ticket.state in (WAITING, CALLED, SERVING):
                return t("lobby_checkin_already", number=ticket.number)
            if ticket.state == CANCELLED:
                return t("lobby_checkin_cancelled", code=shown)
            if ticket.state == DONE:
                return t("lobby_checkin_done", number=ticket.number)
            return t("lobby_checkin_over", code=shown)
        if exc.key in ("store_unavailable", "store_busy"):
            return t("lobby_store_down")
        return exc.message(lang, long_dates=True)

    def say(self, text: str) -> None:
        self.query_one("#checkin-why", Static).update(text)
