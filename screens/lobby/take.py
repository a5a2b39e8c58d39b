"""Taking a number: (device) → who is coming → about you → (the day) → confirm → the ticket.

One screen with one step shown at a time; "Back" goes one step back. Every field is
checked as it is typed with the reason shown under it. The day step appears only when
today is not possible, with why and the next days that still have numbers."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, ContentSwitcher, Input, Label, RadioButton, RadioSet, Static

from kiosk.desk.errors import DayNotBookable, DeskError, InvalidInput
from kiosk.desk.identity import (VISITOR_STATUSES, check_name, check_nik, check_npwp, check_passport,
                            check_phone, still_typing)
from kiosk.texts.dates import long_date
from screens.lobby.day_words import today_not_why
from screens.lobby.field import LobbyInput
from screens.lobby.page import LobbyPage

ID_KINDS = ("npwp", "nik", "passport")
CHECKS = {"name": check_name, "npwp": check_npwp, "nik": check_nik,
          "passport": check_passport, "phone": check_phone}


class TakeScreen(LobbyPage):
    CSS_PATH = "take.tcss"

    def __init__(self, service: str) -> None:
        super().__init__()
        self.service_code = service
        self.visitor_status = "self"
        self.id_kind = "npwp"
        self.day: dt.date | None = None  # None: today, as a walk-in
        self.steps: list[str] = []  # the steps taken, for "Back"

    @property
    def service(self):
        return self.app.desk.office.service(self.service_code)

    def service_name(self) -> str:
        return self.service.name_en if self.app.lang == "en" else self.service.name

    def compose(self) -> ComposeResult:
        t = self.t
        with Vertical(id="take"):
            yield Static(self.service_name(), id="take-title")
            with ContentSwitcher(id="steps"):
                with VerticalScroll(id="step-device", classes="step"):
                    yield Static(t("lobby_device_title", service=self.service_name()),
                                 classes="heading")
                    yield Static(t("lobby_device_body"), classes="body")
                    requirements = (self.service.requirements_en if self.app.lang == "en"
                                    else self.service.requirements)
                    yield Static(t("lobby_bring", what=requirements), classes="body")
                    yield Button(t("lobby_device_confirm"), id="device-ok", variant="success",
                                 classes="big")
                with VerticalScroll(id="step-who", classes="step"):
                    yield Static(t("lobby_who_title"), classes="heading")
                    for status in VISITOR_STATUSES:
                        yield Button(t(f"lobby_status_{status}"), id=f"status-{status}",
                                     classes="choice", variant="primary")
                with VerticalScroll(id="step-form", classes="step"):
                    yield Static(t("lobby_form_title"), classes="heading")
                    yield Static(t("lobby_proxy_note"), id="proxy-note")
                    yield from self._field("name", t("lobby_field_name"))
                    yield Label(t("lobby_field_id_kind"), id="kind-label")
                    with RadioSet(id="id-kind"):
                        for kind in ID_KINDS:
                            yield RadioButton(t(f"lobby_kind_{kind}"), id=f"kind-{kind}",
                                              value=kind == self.id_kind)
                    yield from self._field("id", self._id_label())
                    yield from self._field("phone", t("lobby_field_phone"))
                    yield Static("", id="form-why", classes="why")
                    yield Button(t("lobby_next"), id="form-next", variant="success", classes="big")
                with VerticalScroll(id="step-day", classes="step"):
                    yield Static(t("lobby_day_title"), classes="heading")
                    yield Static("", id="day-why", classes="body")
                    yield Vertical(id="day-choices")
                with VerticalScroll(id="step-confirm", classes="step"):
                    yield Static(t("lobby_confirm_title"), classes="heading")
                    yield Static("", id="summary", classes="body")
                    yield Static("", id="confirm-why", classes="why")
                    yield Button(t("lobby_confirm_ok"), id="confirm-ok", variant="success",
                                 classes="big")
            with Horizontal(id="take-nav"):
                yield Button(t("lobby_back"), id="back")
                yield Button(t("lobby_cancel"), id="cancel", variant="error")

    def _field(self, name: str, label: str) -> ComposeResult:
        with Horizontal(classes="field"):
            yield Label(label, id=f"{name}-label", classes="label")
            yield LobbyInput(id=name, max_length=100 if name == "name" else 30,
                        placeholder="" if name == "name" else self.t("lobby_optional"))
        yield Static("", id=f"{name}-why", classes="why")

    def _id_label(self) -> str:
        return self.t("lobby_field_id", kind=self.t(f"lobby_kind_{self.id_kind}"))

    def on_mount(self) -> None:
        self.go("step-device" if self.service.requires_device else "step-who")

    # ----- moving between steps ---------------------------------------------------------

    def go(self, step: str) -> None:
        self.steps.append(step)
        self._show(step)

    def _show(self, step: str) -> None:
        self.query_one("#steps", ContentSwitcher).current = step
        first = {"step-device": "#device-ok", "step-who": f"#status-{self.visitor_status}",
                 "step-form": "#name", "step-confirm": "#confirm-ok"}.get(step)
        if first:
            self.query_one(first).focus()

    async def action_go_back(self) -> None:
        if not self.busy:
            await self.back()  # Escape: one step back, like the Back button

    async def back(self) -> None:
        if len(self.steps) <= 1:
            self.dismiss()
            return
        self.steps.pop()
        self._show(self.steps[-1])

    # ----- checking the fields as they are typed ---------------------------------------

    def check(self, field: str, final: bool = False) -> bool:
        """Check one field; show the reason under it. Empty optional fields are fine;
        an empty name is only reported once the person tries to go on."""
        value = self.query_one(f"#{field}", Input).value
        kind = self.id_kind if field == "id" else field
        why = self.query_one(f"#{field}-why", Static)
        box = self.query_one(f"#{field}", Input)
        if not value.strip() and (field != "name" or not final):
            why.update("")
            box.remove_class("bad", "good")
            return field != "name"
        if not final and still_typing(kind, value):  # no "invalid" from the first digit on
            why.update("")
            box.remove_class("bad", "good")
            return False
        try:
            CHECKS[kind](value)
        except InvalidInput as exc:
            why.update(exc.message(self.app.lang, long_dates=True))
            box.set_class(True, "bad").set_class(False, "good")
            return False
        why.update(self.t("lobby_field_ok"))
        box.set_class(False, "bad").set_class(True, "good")
        return True

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in ("name", "id", "phone"):
            self.check(event.input.id)
            self.query_one("#form-why", Static).update("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter moves on: to the next field, or to the next step from the last one.
        order = ["name", "id", "phone"]
        if event.input.id == "phone":
            self.run_busy(self.form_next())
        elif event.input.id in order:
            self.query_one(f"#{order[order.index(event.input.id) + 1]}").focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.id_kind = (event.pressed.id or "kind-npwp").removeprefix("kind-")
        self.query_one("#id-label", Label).update(self._id_label())
        self.check("id")

    async def form_next(self) -> None:
        good = [self.check(field, final=True) for field in ("name", "id", "phone")]
        if not all(good):
            self.query_one("#form-why", Static).update(self.t("lobby_form_fix"))
            bad = ("name", "id", "phone")[good.index(False)]
            self.query_one(f"#{bad}").focus()
            return
        await self.choose_day()

    # ----- the day ----------------------------------------------------------------------

    def _days_open(self, want_days: bool) -> tuple:
        """In the store thread: today's status and, when needed, the next days with numbers."""
        desk = self.app.desk
        status = desk.status()
        if status.bookable and not want_days:
            return status, []
        return status, desk.bookable_days(limit=3, start=desk.today() + dt.timedelta(days=1))

    async def choose_day(self, refusal: DeskError | None = None) -> None:
        """Today when possible (no extra step), else the next days with numbers left."""
        desk = self.app.desk
        where = "#confirm-why" if self.steps[-1] == "step-confirm" else "#form-why"
        try:
            async with self.working(where):
                status, days = await self.app.store.call(self._days_open, refusal is not None)
        except DeskError as exc:
            self.notify(self.t("lobby_store_down"), severity="error")
            self.query_one(where, Static).update(exc.message(self.app.lang, long_dates=True))
            return
        if status.bookable and refusal is None:
            self.day = None
            self.confirm()
            return
        why = refusal.message(self.app.lang, long_dates=True) if refusal else self.t(
            "lobby_day_today_not", why=today_not_why(self.app, status))
        lines = [why]
        if not days:
            lines.append(self.t("lobby_day_none", days=desk.office.booking_horizon_days))
        self.query_one("#day-why", Static).update("\n".join(lines))
        box = self.query_one("#day-choices", Vertical)
        await box.remove_children()
        buttons = [Button(self.t("lobby_day_choice", date=long_date(d.date, self.app.lang),
                                 left=d.remaining), id=f"day-{d.date.isoformat()}",
                          classes="choice", variant="primary") for d in days]
        await box.mount_all(buttons)
        if self.steps[-1] == "step-confirm":
            self.steps.pop()  # that day was refused: "Back" must not lead to it again
        if self.steps[-1] != "step-day":
            self.go("step-day")
        if buttons:
            self.call_after_refresh(buttons[0].focus)

    # ----- confirm and book -------------------------------------------------------------

    def confirm(self) -> None:
        t = self.t
        day = self.day or self.app.desk.today()
        when = (t("lobby_day_today", date=long_date(day, self.app.lang)) if self.day is None
                else long_date(day, self.app.lang))
        name = self.query_one("#name", Input).value.strip()
        self.query_one("#summary", Static).update("\n".join([
            f"{t('lobby_confirm_service')}: {self.service_name()}",
            f"{t('lobby_confirm_day')}: {when}",
            f"{t('lobby_confirm_name')}: {name}",
            f"{t('lobby_confirm_status')}: {t(f'lobby_status_{self.visitor_status}')}",
        ]))
        self.query_one("#confirm-why", Static).update("")
        self.go("step-confirm")

    async def book(self) -> None:
        value = self.query_one("#id", Input).value.strip()
        identity = {self.id_kind: value} if value else {}
        try:
            async with self.working("#confirm-why"):
                ticket = await self.app.store.call(
                    self.app.desk.book, self.service_code, self.query_one("#name", Input).value,
                    status=self.visitor_status, phone=self.query_one("#phone", Input).value,
                    day=self.day, **identity)
        except DayNotBookable as exc:
            # Taken or closed meanwhile: offer the days that are still possible.
            await self.choose_day(refusal=exc)
            return
        except DeskError as exc:
            self.query_one("#confirm-why", Static).update(
                self.t("lobby_booking_failed", why=exc.message(self.app.lang, long_dates=True)))
            return
        from screens.lobby.ticket import TicketScreen

        self.app.switch_screen(TicketScreen(ticket, proxy=self.visitor_status == "proxy"))

    # ----- buttons ----------------------------------------------------------------------

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if self.busy:
            return  # the store is still answering the last tap
        if button == "back":
            await self.back()
        elif button == "cancel":
            self.dismiss()
        elif button == "device-ok":
            self.go("step-who")
        elif button.startswith("status-"):
            self.visitor_status = button.removeprefix("status-")
            self.query_one("#proxy-note").display = self.visitor_status == "proxy"
            self.go("step-form")
        elif button == "form-next":
            self.run_busy(self.form_next())
        elif button.startswith("day-"):
            self.day = dt.date.fromisoformat(button.removeprefix("day-"))
            self.confirm()
        elif button == "confirm-ok":
            self.run_busy(self.book())
