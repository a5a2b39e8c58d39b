"""About the visitor: the name, the identity and the telephone, each checked as typed;
"Next" (in the screen's bar, always in view; or Enter on the last field) goes on only when
they are right."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Button, Input, Static

from screens.lobby.checked_field import CheckedField
from screens.lobby.identity_field import IdentityField
from screens.lobby.step import Step


@dataclass(frozen=True)
class Visitor:
    """What was typed, as the desk's booking takes it."""

    name: str
    identity: dict[str, str]  # {kind: number}, or empty
    phone: str


class FormStep(Step):
    class GoOn(Message):
        """The visitor wants the next step; the screen asks ``check_all()`` first."""

    def __init__(self) -> None:
        super().__init__("step-form")

    def compose(self) -> ComposeResult:
        t = self.t
        yield Static(t("lobby_form_title"), classes="heading")
        yield Static(t("lobby_proxy_note"), id="proxy-note")
        # Offered, not required: today the officer completes it at the counter; a booking
        # for another day asks for a name or an identity (``names_someone``).
        self.name_field = CheckedField("name", t("lobby_field_name"), "name", max_length=100,
                                       placeholder=t("lobby_optional"))
        self.identity_field = IdentityField()
        self.phone_field = CheckedField("phone", t("lobby_field_phone"), "phone",
                                        placeholder=t("lobby_optional"))
        yield self.name_field
        yield self.identity_field
        yield self.phone_field
        yield Static(t("lobby_privacy_note", days=self.app.desk.office.privacy.retention_days),
                     id="privacy-note", classes="note")
        yield Static("", id="form-why", classes="why")

    def for_proxy(self, proxy: bool) -> None:
        """A proxy is told to bring the power of attorney."""
        self.query_one("#proxy-note").display = proxy

    def focus_first(self) -> None:
        self.name_field.box.focus()

    def check_all(self) -> bool:
        """Every field checked as final; the first one that is not right gets the focus."""
        fields = (self.name_field, self.identity_field.number, self.phone_field)
        good = [field.check(final=True) for field in fields]
        if all(good):
            return True
        self.query_one("#form-why", Static).update(self.t("lobby_form_fix"))
        fields[good.index(False)].box.focus()
        return False

    def names_someone(self) -> bool:
        """A name or an identity typed: what a booking for another day needs."""
        return bool(self.name_field.value.strip() or self.identity_field.number.value.strip())

    def filled(self) -> bool:
        """Anything typed that "Cancel" would throw away."""
        return any(field.value.strip() for field in
                   (self.name_field, self.identity_field.number, self.phone_field))

    def ask_for_who(self) -> None:
        """Another day: the place is held for someone, so a name or an identity is asked."""
        self.query_one("#form-why", Static).update(self.t("lobby_form_who_needed"))
        self.name_field.box.focus()

    def visitor(self) -> Visitor:
        return Visitor(self.name_field.value, self.identity_field.identity(),
                       self.phone_field.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#form-why", Static).update("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter moves on: to the next field, or to the next step from the last one.
        order = [self.name_field.box, self.identity_field.number.box, self.phone_field.box]
        if event.input is order[-1]:
            self.post_message(self.GoOn())
        elif event.input in order:
            order[order.index(event.input) + 1].focus()
