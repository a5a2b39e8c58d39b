"""Finishing a consultation: the topic from the service's short list, a free note, and
the outcome (resolved, or needs follow-up)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Select

from data.office import Office
from kiosk.desk.records import TicketView
from kiosk.desk.topics import topics_for
from screens.counter.dialog import CounterDialog


@dataclass(frozen=True)
class FinishResult:
    topic: str
    note: str
    outcome: str  # "resolved" or "follow_up", as the desk expects


class FinishDialog(CounterDialog[FinishResult]):
    def __init__(self, number: int, topics: tuple[str, ...]) -> None:
        super().__init__()
        self.number, self.topics = number, topics

    @classmethod
    def asking(cls, office: Office, ticket: TicketView) -> FinishDialog:
        return cls(ticket.number, topics_for(office.counter, ticket.service))

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(classes="dialog"):
            yield Label(t("counter_finish_title", number=self.number), classes="dialog-title")
            yield Label(t("counter_finish_topic"))
            yield Select([(Text(topic), topic) for topic in self.topics], id="finish-topic",
                         prompt=t("counter_finish_topic_prompt"), compact=True)
            yield Label(t("counter_finish_note"))
            yield Input(id="finish-note", max_length=2000, compact=True)
            with RadioSet(id="finish-outcome"):
                yield RadioButton(t("counter_outcome_resolved"), value=True, id="outcome-resolved")
                yield RadioButton(t("counter_outcome_follow_up"), id="outcome-follow_up")
            yield Label("", classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("counter_finish_ok"), id="finish-ok", variant="primary",
                             compact=True)
                yield Button(t("counter_back"), id="finish-back", compact=True,
                             action="screen.back")

    def on_mount(self) -> None:
        self.query_one(Select).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#finish-ok")
    def _ok(self) -> None:
        topic = self.query_one(Select).value
        if topic is Select.NULL:
            self.message(self.app.t("counter_topic_needed"))
            self.query_one(Select).focus()
            return
        pressed = self.query_one(RadioSet).pressed_button
        outcome = (pressed.id or "").removeprefix("outcome-") if pressed else "resolved"
        self.answer(FinishResult(str(topic), self.query_one(Input).value.strip(), outcome))
