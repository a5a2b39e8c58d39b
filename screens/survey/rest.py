"""The screen facing the taxpayer at a counter (``kiosk survey --counter N``): at rest until
the officer at counter N finishes a ticket, then the nine questions for that ticket; back at
rest after sending, skipping, or the profile's idle time.

It follows the store like every role: the app's follower posts DayChanged whenever any
terminal changed the day. A ticket newly done at this counter (not done when the screen
first read the day, not rated already) is the one the taxpayer is asked about. The ticket
does not record the taxpayer's language, so the questions start in the terminal's, or in
the one the taxpayer chose here at rest while being served; the thanks are said in the
survey's language, then the screen goes back to the terminal's."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Static

from kiosk.desk.records import DayStatus, TicketView
from kiosk.desk.states import DONE
from kiosk.desk.survey import Survey
from screens.common.messages import DayChanged
from screens.common.role_app import RoleApp
from screens.common.store_work import StoreWork
from screens.survey.locked import LOCKED_BINDINGS, ask_for_officer
from screens.survey.questions import QuestionsScreen


THANKS_SECONDS = 8.0


class SurveyScreen(StoreWork, Screen[None]):
    app = getters.app(RoleApp)
    CSS_PATH = "rest.tcss"
    BINDINGS = LOCKED_BINDINGS
    VERTICAL_BREAKPOINTS = [(0, "-short"), (50, "-tall")]  # as the questions'

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] | None = None  # codes done at this counter when first read
        self.waiting: TicketView | None = None  # finished while the questions were up
        self.asked: TicketView | None = None  # the ticket being rated now
        self.start_lang = ""
        self.chosen_here = False  # the taxpayer in front chose the language at rest

    def compose(self) -> ComposeResult:
        with Vertical(id="rest"):
            yield Static(self.app.desk.office.name, id="rest-office")
            yield Static(self.app.t("survey_rest_title"), id="rest-title")
            yield Static(self.app.t("survey_rest_body"), id="rest-body")
            yield Static("", id="rest-thanks")
        yield Button(self.app.t("survey_lang"), id="rest-lang", variant="warning")

    def show_texts(self) -> None:
        t = self.app.t
        self.query_one("#rest-title", Static).update(t("survey_rest_title"))
        self.query_one("#rest-body", Static).update(t("survey_rest_body"))
        self.query_one("#rest-lang", Button).label = t("survey_lang")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "rest-lang":
            self.app.lang = "en" if self.app.lang == "id" else "id"
            self.chosen_here = True
            self.show_texts()
            self.query_one("#rest-thanks", Static).update("")

    async def on_mount(self) -> None:
        self.start_lang = self.app.lang
        await self.app.follower.read_now()

    def action_ignore(self) -> None:
        """The command palette stays closed to the public."""

    def request_exit(self) -> None:
        ask_for_officer(self.app)

    def action_request_exit(self) -> None:
        self.request_exit()

    # ----- following the counter ---------------------------------------------------------

    def done_here(self, status: DayStatus) -> list[TicketView]:
        return [t for t in status.tickets if t.state == DONE and t.counter == self.app.counter]

    def on_day_changed(self, message: DayChanged) -> None:
        done = self.done_here(message.status)
        if self.seen is None or message.new_day:
            self.seen = {t.code for t in done}  # what was finished before: not ours to ask
            return
        fresh = [t for t in done if t.code not in self.seen]
        self.seen.update(t.code for t in fresh)
        if fresh:  # the one finished last is the taxpayer in front of the screen
            self.waiting = max(fresh, key=lambda t: (t.finished_at or t.booked_at, t.number))
            self.run_latest(self.invite(), group="invite")

    async def invite(self) -> None:
        ticket = self.waiting
        if ticket is None or self.app.screen is not self:
            return  # the questions of the one before are up; asked when they close
        self.waiting = None
        survey = Survey(self.app.desk)
        if await self.app.store.call(survey.answered, ticket.date, ticket.number):
            return
        self.asked = ticket
        if not self.chosen_here:  # not the last taxpayer's language, still up for the thanks
            self.app.lang = self.start_lang
        self.chosen_here = False
        self.query_one("#rest-thanks", Static).update("")
        self.app.push_screen(QuestionsScreen(ticket.code, ticket.number), self.closed)

    def closed(self, recorded: bool | None) -> None:
        self.asked = None
        self.show_texts()  # in the survey's language, for the thanks
        for line in self.query("#rest-thanks").results(Static):
            line.update(self.app.t("survey_thanks") if recorded else "")
        self.set_timer(THANKS_SECONDS, self._rest)
        if self.waiting is not None:
            self.run_latest(self.invite(), group="invite")

    def _rest(self) -> None:
        if self.asked is None and not self.chosen_here:
            for line in self.query("#rest-thanks").results(Static):
                line.update("")
            if self.app.lang != self.start_lang:
                self.app.lang = self.start_lang
                self.show_texts()
