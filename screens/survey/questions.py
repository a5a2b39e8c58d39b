"""The nine questions of the survey, one at a time, four large buttons each (touch first),
then an optional comment and "Send". Skippable at any point; back to where it came from
after the profile's idle time. Dismissed with True once the answer is recorded.

The answer goes to the store as it is, for the ticket's code; nothing about the taxpayer
is shown here or stored with it (kiosk.desk.survey)."""

from __future__ import annotations

from pathlib import Path

from textual import events, getters
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from kiosk.desk.errors import DeskError
from kiosk.desk.survey import COMMENT_MAX, Survey
from screens.common.role_app import RoleApp
from screens.common.shown_text import shown
from screens.common.store_work import StoreWork
from screens.survey.locked import LOCKED_BINDINGS, ask_for_officer
from screens.survey.faces import answer_labels, element_name, question_text

TICK_SECONDS = 0.5


class QuestionsScreen(StoreWork, Screen[bool]):
    app = getters.app(RoleApp)
    CSS_PATH = Path(__file__).with_name("questions.tcss")
    FAILED_TEXT = "lobby_store_down"
    BINDINGS = LOCKED_BINDINGS

    def __init__(self, code: str, number: int) -> None:
        super().__init__()
        self.code, self.number = code, number
        self.survey = Survey(self.app.desk)
        self.questions = self.survey.questions
        self.scores: list[int | None] = [None] * len(self.questions)
        self.page = 0  # 0..8 a question, 9 the comment and "Send"
        self.last_touch = self.app.desk.now()

    def t(self, key: str, **values: object) -> str:
        return self.app.t(key, **values)

    def compose(self) -> ComposeResult:
        with Vertical(id="survey-box"):
            yield Static("", id="survey-invite")
            yield Static("", id="survey-step")
            yield Static("", id="survey-question")
            with Horizontal(id="survey-answers"):
                for score in range(1, 5):
                    yield Button("", id=f"answer-{score}", classes=f"answer score-{score}")
            yield Input(id="survey-comment", max_length=COMMENT_MAX)
            yield Button("", id="survey-send", variant="success")
            yield Static("", id="survey-why")
        with Horizontal(id="survey-nav"):
            yield Button("", id="survey-back")
            yield Button("", id="survey-skip", variant="error")
            yield Button("", id="survey-lang", variant="warning")

    def on_mount(self) -> None:
        self.show_page()
        self.set_interval(TICK_SECONDS, self._tick)

    # ----- the page ----------------------------------------------------------------------

    def show_page(self) -> None:
        lang, total = self.app.lang, len(self.questions)
        asking = self.page < total
        self.query_one("#survey-invite", Static).update(self.t("survey_invite", number=self.number))
        self.query_one("#survey-step", Static).update(
            self.t("survey_question_of", n=self.page + 1, total=total) + " · "
            + shown(element_name(self.questions[self.page], lang)) if asking else "")
        self.query_one("#survey-question", Static).update(
            shown(question_text(self.questions[self.page], lang)) if asking
            else self.t("survey_comment_label"))
        self.query_one("#survey-answers").display = asking
        if asking:
            labels = answer_labels(self.questions[self.page], lang, self.t("survey_faces"))
            for score, label in enumerate(labels, start=1):
                button = self.query_one(f"#answer-{score}", Button)
                button.label = Content(label)  # the profile's words, drawn as text
                button.set_class(self.scores[self.page] == score, "chosen")
        self.query_one("#survey-comment").display = not asking
        send = self.query_one("#survey-send", Button)
        send.display, send.label = not asking, self.t("survey_send")
        self.query_one("#survey-back", Button).label = self.t("survey_back")
        self.query_one("#survey-back", Button).disabled = self.page == 0
        self.query_one("#survey-skip", Button).label = self.t("survey_skip")
        self.query_one("#survey-lang", Button).label = self.t("survey_lang")
        if not asking:
            self.query_one("#survey-comment", Input).focus()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if button.startswith("answer-") and self.page < len(self.questions):
            self.scores[self.page] = int(button.removeprefix("answer-"))
            self.page += 1
            self.show_page()
        elif button == "survey-back" and self.page > 0:
            self.page -= 1
            self.show_page()
        elif button == "survey-send":
            self.run_busy(self.send())
        elif button == "survey-skip" and not self.busy:
            self.dismiss(False)
        elif button == "survey-lang":
            self.app.lang = "en" if self.app.lang == "id" else "id"
            self.show_page()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.run_busy(self.send())

    async def send(self) -> None:
        if any(score is None for score in self.scores):
            return
        comment = self.query_one("#survey-comment", Input).value
        async with self.working("#survey-why"):
            refusal = await self.app.store.call(self._answer, comment)
        if refusal:
            self.query_one("#survey-why", Static).update(shown(refusal))
            return
        self.recorded()
        self.dismiss(True)

    def recorded(self) -> None:
        """The answer is in the store (the lobby thanks here; the counter's screen at rest)."""

    def _answer(self, comment: str) -> str | None:
        """In the store thread: None when recorded, else the refusal as a sentence."""
        try:
            self.survey.answer(self.code, list(self.scores), comment)
            return None
        except DeskError as error:
            return error.message(self.app.lang)

    def request_exit(self) -> None:
        ask_for_officer(self.app)

    def action_request_exit(self) -> None:
        self.request_exit()

    def action_ignore(self) -> None:
        """The command palette stays closed to the public."""

    # ----- idle --------------------------------------------------------------------------

    async def _on_message(self, message: Message) -> None:
        if isinstance(message, (events.Key, events.MouseDown, Input.Changed, Button.Pressed)):
            self.last_touch = self.app.desk.now()
        await super()._on_message(message)

    def _tick(self) -> None:
        if not self.is_attached or self.busy or self.app.screen is not self:
            return
        idle = (self.app.desk.now() - self.last_touch).total_seconds()
        if idle >= self.app.desk.office.survey.idle_seconds:
            self.dismiss(False)
