"""The nine questions of the survey, one at a time, four large buttons each (touch first;
digits 1–4 on a keyboard), then an optional comment on an on-screen keyboard and "Send".
Dismissed with True once the answer is recorded.

Nothing is lost by accident: a question just shown takes no press for a moment (the second
tap of a double tap does not answer the next question unread); "Skip the survey" asks once
when something was answered; the last part of the idle time counts down on screen and any
touch starts it again. A survey left before "Send" stores nothing: the regulation's
tabulation counts a respondent with all nine answers only (kiosk.desk.survey takes nine
scores or none), and the ticket may still be rated later at the lobby.

The answer goes to the store as it is, for the ticket's code; nothing about the taxpayer
is shown here or stored with it (kiosk.desk.survey)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import events, getters
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from kiosk.desk.errors import DeskError
from kiosk.desk.survey import COMMENT_MAX, Survey
from screens.common.fresh import FreshButton
from screens.common.keys import KEYS_CSS
from screens.common.role_app import RoleApp
from screens.common.shown_text import shown
from screens.common.store_work import StoreWork
from screens.survey.comment_keys import CommentKeyboard
from screens.survey.faces import answer_labels, element_name, question_text
from screens.survey.fit import question_rows
from screens.survey.locked import LOCKED_BINDINGS, ask_for_officer

TICK_SECONDS = 0.25
COUNTDOWN_SECONDS = 15  # the last part of the idle time, counted down on screen


class QuestionsScreen(StoreWork, Screen[bool]):
    app = getters.app(RoleApp)
    CSS_PATH = [Path(__file__).with_name("questions.tcss"), KEYS_CSS]
    FAILED_TEXT = "lobby_store_down"
    # Size classes as the lobby's: larger targets on a tall touch screen.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (160, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (50, "-tall")]
    BINDINGS: ClassVar[list[BindingType]] = [
        *LOCKED_BINDINGS,
        *(Binding(str(score), f"answer({score})", show=False) for score in range(1, 5)),
        Binding("left,up", "app.focus_previous", show=False),
        Binding("right,down", "app.focus_next", show=False),
    ]
    counts_down = True  # in the lobby, the welcome's idle reset leaves this to its countdown

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
                    yield FreshButton("", id=f"answer-{score}", classes=f"answer score-{score}")
            yield Input(id="survey-comment", max_length=COMMENT_MAX)
            yield CommentKeyboard()
            yield FreshButton("", id="survey-send", variant="success")
            yield Static("", id="survey-why")
        with Vertical(id="survey-foot"):
            yield Static("", id="survey-countdown")
            with Horizontal(id="survey-nav"):
                yield Button("", id="survey-back")
                yield Button("", id="survey-skip", variant="error")
                yield Button("", id="survey-lang", variant="warning")
            with Vertical(id="survey-ask"):
                yield Static("", id="survey-ask-text")
                with Horizontal(id="survey-ask-buttons"):
                    yield Button("", id="skip-no", variant="success")
                    yield FreshButton("", id="skip-yes", variant="error")

    def on_mount(self) -> None:
        keys = self.query_one(CommentKeyboard)
        keys.type_into(self.query_one("#survey-comment", Input))
        keys.add_class("-shown")
        self.show_page()
        self.set_interval(TICK_SECONDS, self._tick)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._fit_question)

    def _fit_question(self) -> None:
        if not self.is_attached:
            return
        question = self.query_one("#survey-question", Static)
        rows = question_rows(self.questions, question.content_region.width,
                             self.app.t("survey_comment_label"))
        if question.styles.height is None or question.styles.height.value != rows:
            question.styles.height = rows

    # ----- the page ----------------------------------------------------------------------

    def show_page(self) -> None:
        lang, total = self.app.lang, len(self.questions)
        asking = self.page < total
        self.set_class(not asking, "-comment")
        self.query_one("#survey-invite", Static).update(self.t("survey_invite", number=self.number))
        self.query_one("#survey-step", Static).update(
            self.t("survey_question_of", n=self.page + 1, total=total) + " · "
            + shown(element_name(self.questions[self.page], lang)) if asking else "")
        self.query_one("#survey-question", Static).update(
            shown(question_text(self.questions[self.page], lang)) if asking
            else self.t("survey_comment_label"))
        if asking:
            labels = answer_labels(self.questions[self.page], lang, self.t("survey_faces"))
            for score, label in enumerate(labels, start=1):
                button = self.query_one(f"#answer-{score}", FreshButton)
                button.label = Content(label)  # the profile's words, drawn as text
                button.set_class(self.scores[self.page] == score, "chosen")
                button.arm()  # a new question: read before it is answered
        send = self.query_one("#survey-send", FreshButton)
        send.label = self.t("survey_send")
        send.arm()
        self.query_one("#survey-back", Button).label = self.t("survey_back")
        self.query_one("#survey-back", Button).disabled = self.page == 0
        self.query_one("#survey-skip", Button).label = self.t("survey_skip")
        self.query_one("#survey-lang", Button).label = self.t("survey_lang")
        self.query_one("#survey-ask-text", Static).update(self.t("survey_skip_ask"))
        self.query_one("#skip-no", Button).label = self.t("survey_skip_no")
        self.query_one("#skip-yes", Button).label = self.t("survey_skip_yes")
        self.ask_skip(False)
        if not asking:
            self.query_one("#survey-comment", Input).focus()

    def ask_skip(self, ask: bool) -> None:
        """"Skip the survey" with answers given: asked once, "go on" focused first."""
        self.set_class(ask, "-asking")
        if ask:
            self.query_one("#skip-yes", FreshButton).arm()
            self.query_one("#skip-no", Button).focus()

    def something_given(self) -> bool:
        return (any(score is not None for score in self.scores)
                or bool(self.query_one("#survey-comment", Input).value))

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
            if self.something_given():
                self.ask_skip(True)
            else:
                self.dismiss(False)
        elif button == "skip-yes" and not self.busy:
            self.dismiss(False)
        elif button == "skip-no":
            self.ask_skip(False)
        elif button == "survey-lang":
            self.app.lang = "en" if self.app.lang == "id" else "id"
            self.show_page()
            self._fit_question()

    def action_answer(self, score: int) -> None:
        """A digit 1–4 on a keyboard: the answer's button, guarded as a touch is."""
        if self.page < len(self.questions):
            self.query_one(f"#answer-{score}", FreshButton).press()

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
        limit = self.app.desk.office.survey.idle_seconds
        left = limit - (self.app.desk.now() - self.last_touch).total_seconds()
        if left <= 0:
            self.dismiss(False)
            return
        seconds = int(left + 0.999)
        line = ""
        if left <= min(COUNTDOWN_SECONDS, limit / 2):
            line = (self.t("survey_countdown_one") if seconds == 1
                    else self.t("survey_countdown", seconds=seconds))
        countdown = self.query_one("#survey-countdown", Static)
        if str(countdown.render()) != line:
            countdown.update(line)
