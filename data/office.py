"""The office profile: everything office-specific, read from one TOML file.

Another office is another profile, not a code change. A broken profile raises
ProfileError naming the file and the key, so the program can stop with one line.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HOURS = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")


class ProfileError(Exception):
    """The office profile cannot be used; the message names file and key."""

    def __init__(self, path: str | Path, key: str, problem: str):
        self.path, self.key, self.problem = str(path), key, problem
        super().__init__(f"{path}: {key}: {problem}")


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
    retention_days: int = 365  # personal data of older tickets is erased by `kiosk purge`
    extra: dict = field(default_factory=dict, compare=False)  # role settings of later sections

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
    return _Reader(path, raw).office()


class _Reader:
    def __init__(self, path: Path, raw: dict):
        self.path, self.raw = path, raw

    def fail(self, key: str, problem: str) -> ProfileError:
        return ProfileError(self.path, key, problem)

    def table(self, key: str, required: bool = True) -> dict:
        value = self.raw.get(key)
        if value is None and not required:
            return {}
        if not isinstance(value, dict):
            raise self.fail(key, "missing table" if value is None else "must be a table")
        return value

    def get(self, table: dict, prefix: str, key: str, kind: type, default=None):
        full = f"{prefix}.{key}"
        if key not in table:
            if default is not None:
                return default
            raise self.fail(full, "missing")
        value = table[key]
        if kind is int and isinstance(value, bool) or not isinstance(value, kind):
            raise self.fail(full, f"must be {kind.__name__}, not {type(value).__name__}")
        if kind is str and not value.strip() and default is None:
            raise self.fail(full, "must not be empty")
        return value

    def office(self) -> Office:
        office = self.table("office")
        tz = self.get(office, "office", "timezone", str)
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            raise self.fail("office.timezone", f"unknown time zone {tz!r}") from None
        holidays_country = self.get(office, "office", "public_holidays", str, default="")
        if holidays_country:
            from data import holiday_calendar

            if not holiday_calendar.supported(holidays_country):
                raise self.fail("office.public_holidays", f"unknown country {holidays_country!r}")
        closed = self.get(office, "office", "closed_dates", list, default=[])
        closed_dates = set()
        for i, item in enumerate(closed):
            try:
                closed_dates.add(item if isinstance(item, dt.date) else dt.date.fromisoformat(item))
            except (TypeError, ValueError):
                raise self.fail(f"office.closed_dates[{i}]", f"not a date YYYY-MM-DD: {item!r}") from None
        horizon = self.get(office, "office", "booking_horizon_days", int)
        if not 0 <= horizon <= 366:
            raise self.fail("office.booking_horizon_days", "must be between 0 and 366")
        helpdesk = self.table("helpdesk")
        quota = self.get(helpdesk, "helpdesk", "daily_quota", int)
        if not 0 <= quota <= 999:
            raise self.fail("helpdesk.daily_quota", "must be between 0 and 999")
        counters = self.get(helpdesk, "helpdesk", "counters", int)
        if not 1 <= counters <= 9:
            raise self.fail("helpdesk.counters", "must be between 1 and 9")
        standard = self.table("service_standard", required=False)
        privacy = self.table("privacy", required=False)
        retention = self.get(privacy, "privacy", "retention_days", int, default=365)
        if not 1 <= retention <= 3650:
            raise self.fail("privacy.retention_days", "must be between 1 and 3650")
        return Office(
            path=str(self.path),
            name=self.get(office, "office", "name", str),
            address=self.get(office, "office", "address", str),
            phone=self.get(office, "office", "phone", str),
            parent=self.get(office, "office", "parent", str, default=""),
            timezone=tz,
            public_holidays=holidays_country,
            closed_dates=frozenset(closed_dates),
            booking_horizon_days=horizon,
            opening_hours=self.hours(),
            helpdesk_name=self.get(helpdesk, "helpdesk", "name", str, default="Help Desk"),
            daily_quota=quota,
            counters=counters,
            services=self.services(),
            complaint_channels=self.channels(),
            standard=ServiceStandard(
                **{k: self.get(standard, "service_standard", k, str, default="")
                   for k in ServiceStandard.__dataclass_fields__}
            ),
            retention_days=retention,
            extra={k: v for k, v in self.raw.items() if k not in _KNOWN_TABLES},
        )

    def hours(self) -> dict[int, OpeningHours]:
        table = self.table("opening_hours")
        result = {}
        for key, value in table.items():
            if key not in WEEKDAYS:
                raise self.fail(f"opening_hours.{key}", f"unknown day; use one of {', '.join(WEEKDAYS)}")
            match = _HOURS.match(value) if isinstance(value, str) else None
            if not match:
                raise self.fail(f"opening_hours.{key}", f"must be \"HH:MM-HH:MM\", not {value!r}")
            h1, m1, h2, m2 = map(int, match.groups())
            closes = h2 * 60 + m2
            if h1 > 23 or m1 > 59 or m2 > 59 or closes > 1440 or closes <= h1 * 60 + m1:
                raise self.fail(f"opening_hours.{key}", f"not a valid opening time range: {value!r}")
            result[WEEKDAYS.index(key)] = OpeningHours(dt.time(h1, m1), closes)
        return result

    def services(self) -> tuple[Service, ...]:
        items = self.raw.get("services")
        if not isinstance(items, list) or not items:
            raise self.fail("services", "missing: at least one [[services]] is needed")
        services = []
        for i, item in enumerate(items):
            p = f"services[{i}]"
            if not isinstance(item, dict):
                raise self.fail(p, "must be a table")
            code = self.get(item, p, "code", str)
            if not re.fullmatch(r"[a-z][a-z0-9_-]{0,31}", code):
                raise self.fail(f"{p}.code", f"must be a short lower-case word, not {code!r}")
            name = self.get(item, p, "name", str)
            description = self.get(item, p, "description", str)
            requirements = self.get(item, p, "requirements", str)
            services.append(Service(
                code=code,
                name=name,
                name_en=self.get(item, p, "name_en", str, default=name),
                description=description,
                description_en=self.get(item, p, "description_en", str, default=description),
                requirements=requirements,
                requirements_en=self.get(item, p, "requirements_en", str, default=requirements),
                requires_device=self.get(item, p, "requires_device", bool, default=False),
            ))
        codes = [s.code for s in services]
        if len(set(codes)) != len(codes):
            raise self.fail("services", "two services share a code")
        return tuple(services)

    def channels(self) -> tuple[ComplaintChannel, ...]:
        items = self.raw.get("complaint_channels", [])
        if not isinstance(items, list):
            raise self.fail("complaint_channels", "must be a list of tables")
        result = []
        for i, item in enumerate(items):
            p = f"complaint_channels[{i}]"
            if not isinstance(item, dict):
                raise self.fail(p, "must be a table")
            kind = self.get(item, p, "kind", str)
            result.append(ComplaintChannel(kind, self.get(item, p, "label", str, default=kind),
                                           self.get(item, p, "value", str)))
        return tuple(result)


_KNOWN_TABLES = {"office", "opening_hours", "helpdesk", "service_standard", "services",
                 "complaint_channels", "privacy"}
