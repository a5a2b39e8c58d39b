"""The service standard of the office profile: services, requirements, procedure,
completion time, fee, product, quota, hours, complaint channels, address and telephone."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from screens.lobby.page import LobbyPage
from screens.lobby.words import channel_label
from screens.common.role_app import RoleApp


class InfoScreen(LobbyPage):
    app = getters.app(RoleApp)
    CSS_PATH = "info.tcss"

    def compose(self) -> ComposeResult:
        t, en = self.t, self.app.lang == "en"
        office = self.app.desk.office
        standard = office.standard

        def pick(indonesian: str, english: str) -> str:
            return (english or indonesian) if en else indonesian

        with VerticalScroll(id="info"):
            yield Static(t("lobby_info_title"), id="info-title")
            yield Static(t("lobby_info_services"), classes="info-head")
            for s in office.services:
                yield Static(f"• {pick(s.name, s.name_en)} — {pick(s.description, s.description_en)}",
                             classes="info-body")
            sections = [
                ("lobby_info_requirements", pick(standard.requirements, standard.requirements_en)),
                ("lobby_info_procedure", pick(standard.procedure, standard.procedure_en)),
                ("lobby_info_completion", pick(standard.completion_time, standard.completion_time_en)),
                ("lobby_info_fee", pick(standard.fee, standard.fee_en) or t("lobby_free")),
                ("lobby_info_product", pick(standard.product, standard.product_en)),
                ("lobby_info_quota", t("lobby_info_quota_value", quota=office.daily_quota)),
                ("lobby_info_hours", self._hours()),
            ]
            for key, text in sections:
                if text:
                    yield Static(t(key), classes="info-head")
                    yield Static(text, classes="info-body")
            yield Static(t("lobby_complaints"), classes="info-head")
            for c in office.complaint_channels:
                yield Static(f"• {channel_label(c, self.app.lang)}: {c.value}", classes="info-body")
            yield Static(t("lobby_info_office"), classes="info-head")
            lines = [office.name, office.address, t("lobby_info_phone", phone=office.phone)]
            if office.parent:
                lines.append(office.parent)
            yield Static("\n".join(lines), classes="info-body")
        yield Button(t("lobby_back"), id="back")

    def _hours(self) -> str:
        """Mon–Fri 08:00–16:00 as one line per group of days with the same hours."""
        hours = self.app.desk.office.opening_hours
        groups: list[tuple[list[int], str]] = []
        for day in range(7):  # Monday 0, as the profile's weekdays
            if day not in hours:
                continue
            label = hours[day].label()
            if groups and groups[-1][1] == label and groups[-1][0][-1] == day - 1:
                groups[-1][0].append(day)
            else:
                groups.append(([day], label))
        parts = []
        for days, label in groups:
            first = self.t(f"lobby_weekday_{days[0]}")
            name = first if len(days) == 1 else f"{first}–{self.t(f'lobby_weekday_{days[-1]}')}"
            parts.append(f"{name} {label}")
        return "; ".join(parts)

    def on_mount(self) -> None:
        self.query_one("#back").focus()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "back":
            self.dismiss()
