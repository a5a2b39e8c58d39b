"""The lobby's "Rate our service": for a taxpayer who left the counter without rating, the
booking code typed (or scanned), then the survey's nine questions for that ticket. A ticket
not served yet, or rated already, is refused in a plain sentence."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from kiosk.desk.codes import normalize_code
from kiosk.desk.errors import DeskError, NotFound
from kiosk.desk.codes import format_code
from kiosk.desk.survey import Survey
from screens.common.role_app import RoleApp
from screens.common.shown_text import shown
from screens.lobby.field import LobbyInput
from screens.lobby.page import LobbyPage
from screens.survey.questions import QuestionsScreen


class LobbyQuestions(LobbyPage, QuestionsScreen):
    """The survey's questions in the lobby: its locked exit, and the welcome's idle reset."""

    def recorded(self) -> None:
        self.app.notify(self.app.t("survey_thanks"))


class RatingScreen(LobbyPage):
    app = getters.app(RoleApp)
    CSS_PATH = ["checkin.tcss", "rating.tcss"]  # the check-in's look: one field, one button

    def compose(self) -> ComposeResult:
        t = self.t
        with Vertical(id="checkin-box"):
            yield Static(t("survey_rate_title"), id="checkin-title")
            yield Static(t("survey_rate_code"), id="checkin-prompt")
            yield LobbyInput(id="rate-code", max_length=32, placeholder="ABC-DEF")
            yield Static("", id="rate-why", classes="checkin-why")
            yield Button(t("survey_rate_find"), id="rate-go", variant="success")
        with Horizontal(id="checkin-nav"):
            yield Button(t("lobby_back"), id="back")

    def on_mount(self) -> None:
        self.query_one("#rate-code").focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.run_busy(self.find())

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "rate-go":
            self.run_busy(self.find())
        elif event.button.id == "back" and not self.busy:
            self.dismiss()

    async def find(self) -> None:
        box = self.query_one("#rate-code", Input)
        code = normalize_code(box.value)
        if not code:
            self.say(self.t("survey_rate_empty"))
            return
        async with self.working("#rate-why"):
            number, refusal = await self.app.store.call(self._rateable, code)
        if refusal or number is None:
            self.say(refusal or "")
            box.value = ""
            box.focus()
            return
        self.app.switch_screen(LobbyQuestions(code, number))

    def _rateable(self, code: str) -> tuple[int | None, str | None]:
        """In the store thread: the ticket's number, or the refusal as a sentence."""
        try:
            return Survey(self.app.desk).rateable(code), None
        except NotFound:
            return None, self.t("lobby_checkin_not_found", code=format_code(code))
        except DeskError as error:
            if error.key in ("store_unavailable", "store_busy"):
                return None, self.t("lobby_store_down")
            return None, error.message(self.app.lang)

    def say(self, text: str) -> None:
        self.query_one("#rate-why", Static).update(shown(text))
