"""The office profile: everything office-specific, read from one TOML file.

Another office is another profile, not a code change. A broken profile raises
ProfileError naming the file and the key, so the program can stop with one line: every
table, the role tables of data.office_settings too, is read through data.office_table.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from data.office_settings import (BoardSettings, CounterSettings, LobbySettings, PrinterSettings,
                                  PrivacySettings, read_board, read_counter,
                                  read_holiday_categories, read_lobby, read_printer, read_privacy)
from data.office_survey import SurveySettings, read_survey
from data.office_table import ProfileError, Table

__all__ = ["Office", "ProfileError", "Service", "ComplaintChannel", "OpeningHours",
           "ServiceStandard", "load_office", "default_profile_path", "WEEKDAYS"]

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HOURS = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")


@dataclass(frozen=True)
class Service:
    code: str
    name: str
    name_en: str
    description: str
    description_en: str
    requirements: str
    requirements_en: str
    requires_device: bool


@dataclass(frozen=True)
class ComplaintChannel:
    kind: str
    label: str
    value: str


@dataclass(frozen=True)
class OpeningHours:
    """Opening and closing time of one weekday; closing may be 24:00."""

    opens: dt.time
    closes_minutes: int  # minutes after midnight; 1440 means midnight at the end of the day

    def contains(self, moment: dt.time) -> bool:
        minutes = moment.hour * 60 + moment.minute
        opens = self.opens.hour * 60 + self.opens.minute
        return opens <= minutes < self.closes_minutes

    def is_over(self, moment: dt.time) -> bool:
        return moment.hour * 60 + moment.minute >= self.closes_minutes

    def label(self) -> str:
        closes = f"{self.closes_minutes // 60:02d}:{self.closes_minutes % 60:02d}"
        return f"{self.opens:%H:%M}–{closes}"


@dataclass(frozen=True)
class ServiceStandard:
    requirements: str = ""
    requirements_en: str = ""
    procedure: str = ""
    procedure_en: str = ""
    completion_time: str = ""
    completion_time_en: str = ""
    fee: str = ""
    fee_en: str = ""
    product: str = ""
    product_en: str = ""


@dataclass(frozen=True)
class Office:
    path: str
    name: str
    address: str
    phone: str
    parent: str
    timezone: str
    public_holidays: str
    closed_dates: frozenset[dt.date]
    booking_horizon_days: int
    opening_hours: dict[int, OpeningHours]  # weekday number (Monday 0) -> hours
    helpdesk_name: str
    daily_quota: int
    counters: int
    services: tuple[Service, ...]
    complaint_channels: tuple[ComplaintChannel, ...]
    standard: ServiceStandard
    # The role tables, each with its defaults when the profile leaves it out.
    lobby: LobbySettings = field(default_factory=LobbySettings)
    counter: CounterSettings = field(default_factory=CounterSettings)
    board: BoardSettings = field(default_factory=BoardSettings)
    printer: PrinterSettings | None = None  # no [printer] table: no receipt printer
    privacy: PrivacySettings = field(default_factory=PrivacySettings)
    survey: SurveySettings = field(default_factory=SurveySettings)  # the SKM (data.office_survey)
    # Which calendars of public_holidays close the office: "public", and "government" for
    # Indonesia's cuti bersama (joint leave days declared by decree).
    holiday_categories: tuple[str, ...] = ("public",)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def service(self, code: str) -> Service | None:
        return next((s for s in self.services if s.code == code), None)


def default_profile_path() -> Path:
    return Path(str(resources.files("data.offices").joinpath("kpp-pratama-kupang.toml")))


def load_office(path: str | Path | None = None) -> Office:
    path = Path(path) if path else default_profile_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileError(path, "-", "file not found / berkas tidak ditemukan") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(path, "-", f"cannot read the file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(path, "-", f"not valid TOML: {exc}") from None
    return _read_office(Table(path, "", raw))


def _read_office(profile: Table) -> Office:
    office = profile.table("office")
    tz = office.text("timezone")
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise office.fail("timezone", f"unknown time zone {tz!r}") from None
    holidays_country = office.text("public_holidays", default="")
    if holidays_country:
        from data import holiday_calendar

        if not holiday_calendar.supported(holidays_country):
            raise office.fail("public_holidays", f"unknown country {holidays_country!r}")
    closed_dates = set()
    for i, item in enumerate(office.items("closed_dates")):
        try:  # a TOML date, or a string holding one
            closed_dates.add(item if type(item) is dt.date else dt.date.fromisoformat(str(item)))
        except ValueError:
            raise office.fail(f"closed_dates[{i}]", f"not a date YYYY-MM-DD: {item!r}") from None
    helpdesk = profile.table("helpdesk")
    standard = profile.table("service_standard", required=False)
    services = _services(profile)
    result = Office(
        path=str(profile.path),
        name=office.text("name"),
        address=office.text("address"),
        phone=office.text("phone"),
        parent=office.text("parent", default=""),
        timezone=tz,
        public_holidays=holidays_country,
        closed_dates=frozenset(closed_dates),
        booking_horizon_days=office.integer("booking_horizon_days", None, 0, 366),
        opening_hours=_hours(profile.table("opening_hours")),
        helpdesk_name=helpdesk.text("name", default="Help Desk"),
        daily_quota=helpdesk.integer("daily_quota", None, 0, 999),
        counters=helpdesk.integer("counters", None, 1, 9),
        services=services,
        complaint_channels=_channels(profile),
        standard=ServiceStandard(**{k: standard.text(k, default="")
                                    for k in ServiceStandard.__dataclass_fields__}),
        lobby=read_lobby(profile.table("lobby", required=False)),
        counter=read_counter(profile.table("counter", required=False), (s.code for s in services)),
        board=read_board(profile.table("board", required=False)),
        printer=_printer(profile.optional_table("printer")),
        privacy=read_privacy(profile.table("privacy", required=False)),
        survey=read_survey(profile.table("survey", required=False)),
        holiday_categories=read_holiday_categories(office, holidays_country),
    )
    for table in (office, helpdesk, standard, profile):
        table.done()
    return result


def _printer(printer: Table | None) -> PrinterSettings | None:
    return read_printer(printer) if printer is not None else None


def _hours(table: Table) -> dict[int, OpeningHours]:
    result = {}
    for key, value in table.raw.items():
        if key not in WEEKDAYS:
            raise table.fail(key, f"unknown day; use one of {', '.join(WEEKDAYS)}")
        match = _HOURS.match(value) if isinstance(value, str) else None
        if not match:
            raise table.fail(key, f"must be \"HH:MM-HH:MM\", not {value!r}")
        h1, m1, h2, m2 = map(int, match.groups())
        closes = h2 * 60 + m2
        if h1 > 23 or m1 > 59 or m2 > 59 or closes > 1440 or closes <= h1 * 60 + m1:
            raise table.fail(key, f"not a valid opening time range: {value!r}")
        result[WEEKDAYS.index(key)] = OpeningHours(dt.time(h1, m1), closes)
    return result


def _services(profile: Table) -> tuple[Service, ...]:
    items = profile.tables("services")
    if not items:
        raise profile.fail("services", "missing: at least one [[services]] is needed")
    services = []
    for item in items:
        code = item.text("code")
        if not re.fullmatch(r"[a-z][a-z0-9_-]{0,31}", code):
            raise item.fail("code", f"must be a short lower-case word, not {code!r}")
        name = item.text("name")
        description = item.text("description")
        requirements = item.text("requirements")
        services.append(Service(
            code=code,
            name=name,
            name_en=item.text("name_en", default=name),
            description=description,
            description_en=item.text("description_en", default=description),
            requirements=requirements,
            requirements_en=item.text("requirements_en", default=requirements),
            requires_device=item.flag("requires_device", default=False),
        ))
        item.done()
    codes = [s.code for s in services]
    if len(set(codes)) != len(codes):
        raise profile.fail("services", "two services share a code")
    return tuple(services)


def _channels(profile: Table) -> tuple[ComplaintChannel, ...]:
    result = []
    for item in profile.tables("complaint_channels"):
        kind = item.text("kind")
        result.append(ComplaintChannel(kind, item.text("label", default=kind), item.text("value")))
        item.done()
    return tuple(result)
