"""Taking a number: (device) → "take my number now" → the ticket, for a walk-in today; or
(device) → who is coming → about you → (the day) → confirm → the ticket.

One screen with one step shown at a time (each step a widget of its own, beside this
file); "Back" goes one step back. Every field is checked as it is typed with the reason
shown under it, and typed on the on-screen keyboard or keypad shown under the step (or a
physical keyboard). The day step appears only when today is not possible, with why and every
day of the booking horizon; a day refused while the taxpayer confirms brings them back to
it, in view, with the refusal on top. A day other than today needs a name or an identity."""

from __future__ import annotations

import datetime as dt

from textual import events, getters
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, ContentSwitcher, Input, RadioSet, Static

from data.office import Service
from kiosk.desk.errors import DayNotBookable, DeskError
from kiosk.desk.days import DayOption
from kiosk.desk.records import DayStatus
from kiosk.texts.dates import long_date
from screens.common.role_app import RoleApp
from screens.lobby.ask_cancel import AskCancel
from screens.lobby.day_words import today_not_why
from screens.common.keyboard import Keyboard
from screens.lobby.keypad import DigitPad
from screens.common.keys import KEYS_CSS, KeyPanel
from screens.lobby.page import LobbyPage
from screens.lobby.step import Step
from screens.lobby.step_confirm import ConfirmStep
from screens.lobby.step_day import DayStep
from screens.lobby.step_device import DeviceStep
from screens.lobby.step_form import FormStep, Visitor
from screens.lobby.step_who import WhoStep


class TakeScreen(LobbyPage):
    app = getters.app(RoleApp)
    CSS_PATH = ["take.tcss", KEYS_CSS]
    HINT_SECONDS = 0.3  # how often "more below" is looked at

    def __init__(self, service: str) -> None:
        super().__init__()
        self.service_code = service
        self.day: dt.date | None = None  # None: today, as a walk-in
        self.steps: list[str] = []  # the steps taken, for "Back"

    @property
    def service(self) -> Service:
        service = self.app.desk.office.service(self.service_code)
        assert service is not None, self.service_code  # the welcome offers only the profile's
        return service

    def service_name(self) -> str:
        return self.service.name_en if self.app.lang == "en" else self.service.name

    def compose(self) -> ComposeResult:
        with Vertical(id="take"):
            with Horizontal(id="take-top"):
                yield Static(self.service_name(), id="take-title")
                yield Static("", id="take-count")
            with ContentSwitcher(id="steps"):
                yield DeviceStep(self.service)
                self.who = WhoStep()
                yield self.who
                self.form = FormStep()
                yield self.form
                self.day_step = DayStep()
                yield self.day_step
                self.confirm_step = ConfirmStep()
                yield self.confirm_step
            yield Static(self.t("lobby_more_below"), id="more-below")
            # Outside the steps' scrolling page: a touch on a key leaves the focus in its field.
            self.panels = {"name": Keyboard(), "passport": Keyboard(digits=True, id="passport-keys"),
                           "digits": DigitPad()}
            yield from self.panels.values()
            with Horizontal(id="take-nav"):
                yield Button(self.t("lobby_back"), id="back")
                # Here, not on the form's page: in view whatever the errors and the keys take.
                yield Button(self.t("lobby_next"), id="form-next", variant="success")
                yield Button(self.t("lobby_cancel"), id="cancel", variant="error")

    def on_mount(self) -> None:
        self.go("step-device" if self.service.requires_device else "step-who")
        self.set_interval(self.HINT_SECONDS, self._more_below)

    def _today_open(self) -> bool:
        status = self.app.follower.status
        return status is None or status.bookable  # unknown yet: try, the desk says why not

    # ----- the on-screen keyboard and keypad --------------------------------------------

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The panel that types what the focused field takes; none for a button."""
        if isinstance(event.widget, RadioSet):
            return  # choosing NPWP / NIK / passport: the keys stay where the finger is
        field = event.widget if isinstance(event.widget, Input) else None
        kind = {"name": "name", "phone": "digits"}.get(field.id or "") if field else None
        if field is not None and field.id == "id":
            kind = "passport" if self.form.identity_field.kind == "passport" else "digits"
            # The choice of NPWP / NIK / passport stays in view above its number.
            self.call_after_refresh(self.form.identity_field.scroll_visible, animate=False)
        for name, panel in self.panels.items():
            panel.set_class(name == kind, "-shown")
            panel.type_into(field if name == kind else None)

    def _more_below(self) -> None:
        """A visible hint while the step's page goes on below the screen."""
        steps = self.query_one("#steps", ContentSwitcher)
        step = self.query_one(f"#{steps.current}", Step) if steps.current else None
        more = step is not None and step.scroll_y < step.max_scroll_y
        self.query_one("#more-below").display = more

    def _count_steps(self, step: str) -> None:
        """"Step 2 of 4": the way planned from here (today at once, or with the details)."""
        device = ["step-device"] if self.service.requires_device else []
        if step in ("step-device", "step-who") and self._today_open():
            plan = device + ["step-who"]
        else:
            day = [] if self.day is None and self._today_open() else ["step-day"]
            plan = device + ["step-who", "step-form", *day, "step-confirm"]
        number = plan.index(step) + 1 if step in plan else len(plan)
        # "Step 1 of 1" tells nothing: a way of one step shows no count.
        self.query_one("#take-count", Static).update(
            self.t("lobby_step_of", step=number, steps=len(plan)) if len(plan) > 1 else "")

    # ----- moving between steps ---------------------------------------------------------

    def go(self, step: str) -> None:
        self.steps.append(step)
        self._show(step)

    def _show(self, step: str) -> None:
        self.query_one("#steps", ContentSwitcher).current = step
        shown = self.query_one(f"#{step}", Step)
        if step == "step-who":
            self.who.offer_now(self._today_open() and not self.form.filled())
        self.query_one("#form-next").display = step == "step-form"
        shown.shown()
        shown.focus_first()
        self._count_steps(step)

    async def action_go_back(self) -> None:
        if not self.busy:
            await self.back()  # Escape: one step back, like the Back button

    async def back(self) -> None:
        if len(self.steps) <= 1:
            self.dismiss()
            return
        self.steps.pop()
        self._show(self.steps[-1])

    # ----- what the steps say -----------------------------------------------------------

    def on_device_step_ready(self, message: DeviceStep.Ready) -> None:
        if not self.busy:
            self.go("step-who")

    def on_who_step_take_now(self, message: WhoStep.TakeNow) -> None:
        self.day = None
        self.run_busy(self.book(Visitor("", {}, ""), where="#who-why"))

    def on_who_step_chosen(self, message: WhoStep.Chosen) -> None:
        if not self.busy:
            self.form.for_proxy(message.status == "proxy")
            self.go("step-form")

    def on_form_step_go_on(self, message: FormStep.GoOn) -> None:
        self.run_busy(self.form_next())

    def on_day_step_chosen(self, message: DayStep.Chosen) -> None:
        if not self.busy:
            self.day = message.day
            self.confirm()

    def on_confirm_step_confirmed(self, message: ConfirmStep.Confirmed) -> None:
        self.run_busy(self.book())

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if self.busy:
            return  # the store is still answering the last tap
        if event.button.id == "back":
            await self.back()
        elif event.button.id == "form-next":
            self.run_busy(self.form_next())
        elif event.button.id == "cancel":
            if self.form.filled():  # something typed: ask before throwing it away
                self.app.push_screen(AskCancel(), self._cancel_answered)
            else:
                self.dismiss()

    def _cancel_answered(self, cancel: bool | None) -> None:
        if cancel and self.is_current:
            self.dismiss()

    async def form_next(self) -> None:
        if self.form.check_all():
            await self.choose_day()

    # ----- the day ----------------------------------------------------------------------

    def _days_open(self, want_days: bool) -> tuple[DayStatus, list[DayOption]]:
        """In the store thread: today's status and, when needed, every later day of the
        booking horizon."""
        desk = self.app.desk
        status = desk.status()
        if status.bookable and not want_days:
            return status, []
        return status, desk.day_options(start=desk.today() + dt.timedelta(days=1))

    async def choose_day(self, refusal: DeskError | None = None) -> None:
        """Today when possible (no extra step), else the next days with numbers left."""
        where = "#confirm-why" if self.steps[-1] == "step-confirm" else "#form-why"
        try:
            async with self.working(where):
                status, days = await self.app.store.call(self._days_open, refusal is not None)
        except DeskError as exc:
            self.said_by_banner(exc)  # the store away: the app's one banner, no toast
            self.query_one(where, Static).update(exc.message(self.app.lang, long_dates=True))
            return
        if status.bookable and refusal is None:
            self.day = None
            self.confirm()
            return
        if not self.form.names_someone():
            # Another day holds a place for someone: a name or an identity first.
            self.form.ask_for_who()
            self.who.offer_now(False, refusal.message(self.app.lang, long_dates=True)
                               if refusal else "")
            if self.steps[-1] != "step-form":
                self.go("step-form")
                self.form.ask_for_who()
            return
        why = refusal.message(self.app.lang, long_dates=True) if refusal else self.t(
            "lobby_day_today_not", why=today_not_why(self.app, status))
        await self.day_step.offer(why, days, refused=refusal is not None)
        if self.steps[-1] == "step-confirm":
            self.steps.pop()  # that day was refused: "Back" must not lead to it again
        if self.steps[-1] != "step-day":
            self.go("step-day")
        else:
            self._show("step-day")  # back from the confirm step, in view, the refusal on top

    # ----- confirm and book -------------------------------------------------------------

    def confirm(self) -> None:
        day = self.day or self.app.desk.today()
        when = (self.t("lobby_day_today", date=long_date(day, self.app.lang)) if self.day is None
                else long_date(day, self.app.lang))
        self.confirm_step.summarize(self.service_name(), when, self.form.visitor().name.strip(),
                                    self.who.status)
        self.go("step-confirm")

    async def book(self, visitor: Visitor | None = None, where: str = "#confirm-why") -> None:
        visitor = visitor or self.form.visitor()
        try:
            async with self.working(where):
                ticket = await self.app.store.call(
                    self.app.desk.book, self.service_code, visitor.name, status=self.who.status,
                    phone=visitor.phone, day=self.day, **visitor.identity)
        except DayNotBookable as exc:
            # Taken or closed meanwhile: offer the days that are still possible.
            await self.choose_day(refusal=exc)
            return
        except DeskError as exc:
            self.said_by_banner(exc)  # the store away: the app's one banner says so too
            self.query_one(where, Static).update(
                self.t("lobby_booking_failed", why=exc.message(self.app.lang, long_dates=True)))
            return
        from screens.lobby.ticket import TicketScreen

        self.app.switch_screen(TicketScreen(ticket, proxy=self.who.status == "proxy"))
