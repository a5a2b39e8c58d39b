"""Finishing a consultation: the topic from the service's short list, a free note (as long
as the desk keeps, its characters counted beside its label), and the outcome (resolved, or
needs follow-up)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Select

from data.office import Office
from kiosk.desk.moves import NOTE_MAX
from kiosk.desk.records import TicketView
from kiosk.desk.topics import topics_for
from screens.counter.dialog import CounterDialog


@dataclass(frozen=True)
class FinishResult:
    topic: str
    note: str
    outcome: str  # "resolved" or "follow_up", as the desk expects


class NoteInput(Input):
    """The note, never longer than the desk keeps: a paste too long is cut to fit (Textual's
    Input would refuse it whole, with only a beep), and ``Full`` says the limit was met."""

    class Full(Message):
        """More was typed or pasted than the note has room for."""

    def replace(self, text: str, start: int, end: int) -> None:
        start, end = sorted((max(0, start), min(len(self.value), end)))
        room = (self.max_length or NOTE_MAX) - (len(self.value) - (end - start))
        if len(text) > room:
            text = text[:max(0, room)]
            self.post_message(self.Full())
        super().replace(text, start, end)


class FinishDialog(CounterDialog[FinishResult]):
    def __init__(self, number: int, topics: tuple[str, ...]) -> None:
        super().__init__()
        self.number, self.topics = number, topics
        self._said_full = False  # the message line says the note is full

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
            yield Label(self._note_label(0), id="finish-note-label")
            # Back in the note, the officer goes on writing: a key must not replace it all.
            yield NoteInput(id="finish-note", max_length=NOTE_MAX, compact=True,
                            select_on_focus=False)
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

    def _note_label(self, length: int) -> str:
        return self.app.t("counter_finish_note_count", label=self.app.t("counter_finish_note"),
                          n=length, max=NOTE_MAX)

    @on(Input.Changed, "#finish-note")
    def _note_typed(self, event: Input.Changed) -> None:
        self.query_one("#finish-note-label", Label).update(self._note_label(len(event.value)))
        if len(event.value) >= NOTE_MAX:
            self._note_full()
        elif self._said_full:
            self._said_full = False
            self.message("")

    @on(NoteInput.Full)
    def _note_full(self) -> None:
        self._said_full = True
        self.message(self.app.t("counter_finish_note_full", max=NOTE_MAX))

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
