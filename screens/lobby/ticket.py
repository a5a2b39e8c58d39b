"""The ticket: the number in large digits, service, date, booking code and its QR code,
the people ahead and the wait, free of charge, what to bring, the complaint channels.
Never the name, NPWP or telephone. Printed too when a receipt printer is configured.

Nothing on it may be lost by accident: for GUARD_SECONDS after it appears it takes no
input (two fast Enters or a double tap on "take the number" would otherwise throw it away
at once), "Done" is not focused first, and it goes back to the welcome only after a
countdown that is shown and lasts longer than any other screen's idle time."""

from __future__ import annotations

import datetime as dt

from textual import getters
from textual import events
from textual.app import ComposeResult
from textual.message import Message
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from data.office_settings import PrinterSettings
from kiosk.desk.codes import format_code
from kiosk.desk.errors import DeskError
from kiosk.texts.dates import long_date
from kiosk.devices.qr import qr_lines
from kiosk.desk.records import TicketView
from kiosk.desk.states import WAITING
from kiosk.devices.printer import build_slip, open_printer, print_slip
from kiosk.devices.ticket_words import bring_line, free_line
from screens.lobby.number import BigNumber
from screens.common.role_app import RoleApp
from screens.lobby.page import LobbyPage
from screens.lobby.wait_words import wait_lines
from screens.lobby.words import channel_label


GUARD_SECONDS = 2.0  # no input at all: the taxpayer reads the number first
STAY_FACTOR = 2  # the ticket stays twice the idle time of the other screens
COUNTDOWN_TICK = 0.25
TALL_ROWS = 50  # from here on the number is drawn twice as large


class TicketScreen(LobbyPage):
    app = getters.app(RoleApp)
    CSS_PATH = "ticket.tcss"
    guarded = True  # the first GUARD_SECONDS: keys and touches are ignored
    counts_down = True  # the welcome's idle reset leaves this screen to its countdown

    def __init__(self, ticket: TicketView, proxy: bool = False) -> None:
        super().__init__()
        self.ticket = ticket
        self.proxy = proxy  # came for someone else: the power of attorney is on the list

    def compose(self) -> ComposeResult:
        t, ticket, lang = self.t, self.ticket, self.app.lang
        office = self.app.desk.office
        service = office.service(ticket.service)
        name = (service.name_en if lang == "en" else service.name) if service else ticket.service
        self.lines: tuple[str, ...] = ()
        with VerticalScroll(id="ticket"):
            with Horizontal(id="ticket-top"):
                with Vertical(id="ticket-main"):
                    title = "lobby_ticket_title" if ticket.state == WAITING else "lobby_ticket_booked_title"
                    yield Static(t(title), id="ticket-title")
                    yield BigNumber(str(ticket.number), id="number")
                    yield Static(name, id="ticket-service")
                    yield Static(t("lobby_ticket_date", date=long_date(ticket.date, lang)),
                                 id="ticket-date")
                    yield Static(t("lobby_ticket_code", code=format_code(ticket.code)),
                                 id="ticket-code")
                    yield Vertical(id="wait-lines")  # filled once the store has answered
                yield Static("\n".join(qr_lines(ticket.code)), id="qr")
            yield Static(free_line(lang), id="free")
            yield Static(bring_line(office, ticket.service, lang, self.proxy), id="bring")
            channels = " · ".join(f"{channel_label(c, lang)} {c.value}"
                                  for c in office.complaint_channels)
            yield Static(f"{t('lobby_complaints')}: {channels}", id="complaints")
        with Vertical(id="ticket-end"):
            yield Static("", id="countdown")
            # Disabled (so neither focused nor pressed) until the guard time is over.
            with Horizontal(id="home-row"):
                yield Button(t("lobby_home"), id="home", variant="success", disabled=True)

    def _wait_lines(self) -> tuple[str, ...]:
        """In the store thread: the people ahead and the wait today, or when to come back
        for a booking."""
        t, ticket, desk = self.t, self.ticket, self.app.desk
        if ticket.state != WAITING:
            hours = desk.office.opening_hours.get(ticket.date.weekday())
            return (t("lobby_ticket_come_back", date=long_date(ticket.date, self.app.lang),
                      hours=hours.label() if hours else "-"),
                    t("lobby_ticket_keep_code"))
        try:
            return wait_lines(t, desk.wait(ticket.code))
        except DeskError:
            return (t("lobby_ticket_wait_call"),)

    def on_mount(self) -> None:
        self.query_one("#ticket").focus()  # the page scrolls by arrows; "Done" is not first
        self.touched()  # the ticket stays its full time, however long the booking took
        self.shown_at = self.app.desk.now()
        self._scale(self.app.size.height)
        self.stay_seconds = STAY_FACTOR * self.app.desk.office.lobby.idle_seconds
        self.set_timer(GUARD_SECONDS, self._end_guard)
        self.set_interval(COUNTDOWN_TICK, self._count_down)
        self._count_down()
        # The app's worker, not the screen's: a taxpayer who leaves at once still gets
        # the slip.
        self.app.run_worker(self._wait_and_print(), group="ticket", exit_on_error=False)

    async def _wait_and_print(self) -> None:
        self.lines = await self.app.store.call(self._wait_lines)
        if self.is_mounted:
            await self.query_one("#wait-lines", Vertical).mount_all(
                [Static(text, classes="wait", id=f"wait-{i}") for i, text in enumerate(self.lines)])
        settings = self.app.desk.office.printer
        if settings is not None:
            self.app.run_worker(lambda: self._print(settings), thread=True, group="print",
                                exit_on_error=False)

    def _print(self, settings: PrinterSettings) -> None:
        """On a thread of its own: a slow or missing printer holds neither the screen nor
        the store."""
        try:
            printer = open_printer(settings)
            slip = build_slip(self.app.desk.office, self.ticket, self.app.lang, self.lines,
                              proxy=self.proxy)
            print_slip(printer, slip)
            printer.close()
        except Exception:  # any printer trouble: say so calmly, the number is on screen
            self.app.call_from_thread(self.app.notify, self.t("lobby_print_failed"),
                                      severity="warning")
            return
        self.app.call_from_thread(self.app.notify, self.t("lobby_printed"))

    def on_resize(self, event: events.Resize) -> None:
        self._scale(event.size.height)

    def _scale(self, height: int) -> None:
        for number in self.query(BigNumber).results(BigNumber):  # none before compose
            number.scale_to(2 if height >= TALL_ROWS else 1)

    def _end_guard(self) -> None:
        self.guarded = False
        self.query_one("#home", Button).disabled = False

    def _count_down(self) -> None:
        """The visible countdown; it holds the welcome's idle reset off meanwhile."""
        if not self.is_current:
            return
        left = self.stay_seconds - (self.app.desk.now() - self.shown_at) / dt.timedelta(seconds=1)
        if left <= 0:
            self.finished()
            return
        self.touched()
        for shown in self.query("#countdown").results(Static):
            seconds = int(left + 0.999)
            shown.update(self.t("lobby_ticket_countdown_one") if seconds == 1
                         else self.t("lobby_ticket_countdown", seconds=seconds))

    async def _on_message(self, message: Message) -> None:
        # While guarded, a key or a click is dropped before anything sees it.
        if self.guarded and isinstance(message, (events.Key, events.Click, events.MouseDown,
                                                 events.MouseUp)):
            message.stop()
            message.prevent_default()
            return
        await super()._on_message(message)

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "home" and not self.guarded:
            self.finished()

    async def action_go_back(self) -> None:
        if not self.guarded:
            self.finished()  # Escape is "Done" too

    def finished(self) -> None:
        """This visitor is done: the next one starts on the welcome, in its own language."""
        welcome = self.app.screen_stack[0]
        if hasattr(welcome, "reset"):
            welcome.run_worker(welcome.reset(), group="reset", exclusive=True)
        else:
            self.dismiss()
