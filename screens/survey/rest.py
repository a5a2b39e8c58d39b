"""The screen facing the taxpayer at a counter (``kiosk survey --counter N``): at rest until
the officer at counter N finishes a ticket, then the nine questions for that ticket; back at
rest after sending, skipping, or the profile's idle time.

It follows the store like every role: the app's follower posts DayChanged whenever any
terminal changed the day. A ticket newly done at this counter (not done when the screen
first read the day, not rated already) is the one the taxpayer is asked about. The ticket
does not record the taxpayer's language, so the questions start in the terminal's."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

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

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] | None = None  # codes done at this counter when first read
        self.waiting: TicketView | None = None  # finished while the questions were up
        self.asked: TicketView | None = None  # the ticket being rated now
        self.start_lang = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="rest"):
            yield Static(self.app.desk.office.name, id="rest-office")
            yield Static(self.app.t("survey_rest_title"), id="rest-title")
            yield Static(self.app.t("survey_rest_body"), id="rest-body")
            yield Static("", id="rest-thanks")

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
        self.query_one("#rest-thanks", Static).update("")
        self.app.push_screen(QuestionsScreen(ticket.code, ticket.number), self.closed)

    def closed(self, recorded: bool | None) -> None:
        self.asked = None
        self.app.lang = self.start_lang
        for line in self.query("#rest-thanks").results(Static):
            line.update(self.app.t("survey_thanks") if recorded else "")
        self.set_timer(THANKS_SECONDS, self._rest)
        if self.waiting is not None:
            self.run_latest(self.invite(), group="invite")

    def _rest(self) -> None:
        if self.asked is None:
            for line in self.query("#rest-thanks").results(Static):
                line.update("")
