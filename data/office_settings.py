"""The role tables of the office profile, typed: [lobby], [counter], [board], [printer],
[privacy]. Each is optional, and each key in it; what is left out has the default below.

    [lobby]
    idle_seconds = 90          # any lobby screen returns to the welcome after this long untouched
    service_minutes = 10       # assumed length of one consultation, until today has its own
    [counter]
    idle_lock_seconds = 300    # the session locks itself after this long untouched
    report_dir = "."           # where the report's CSV is written ("." = where the program started)
    [counter.topics]           # the short list of topics offered when finishing, per service
    perpajakan = ["SPT Tahunan", "NPWP", "Lainnya"]
    [board]
    speech = true              # say each call aloud (espeak-ng, when installed)
    voice = "id"               # espeak-ng voice
    rate = 140                 # words a minute
    announcer = "page"         # who speaks the calls: "page" (one browser of the web board,
                               # on the TV) or "terminal" (the terminal board on the box)
    chime = true               # "ting-tong" before each call
    viewers = 20               # browsers the web board serves at once; the rest are refused
    [printer]                  # a receipt printer for the lobby ticket; leave it out for none
    kind = "usb"               # usb | serial | network | file
    vendor_id = 0x0416         # usb (with product_id)
    device = "/dev/ttyUSB0"    # serial (with baudrate), or the device file for kind = "file"
    host = "192.168.1.50"      # network (with port)
    [privacy]
    retention_days = 365       # personal data of older tickets is erased by `kiosk purge`

and, in [office], ``holiday_categories``: which of the ``holidays`` package's categories of
the country close the office (default ["public"]; Indonesia's "government" holds the *cuti
bersama* declared by decree).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Iterable, Literal, Mapping

from data.office_table import Table

RETENTION_DAYS = (1, 3650)  # the shortest and the longest retention period, in days
TOPIC_LENGTH = 200
Announcer = Literal["page", "terminal"]
_ANNOUNCERS: dict[str, Announcer] = {"page": "page", "terminal": "terminal"}
PrinterKind = Literal["usb", "serial", "network", "file"]
_PRINTER_KINDS: dict[str, PrinterKind] = {"usb": "usb", "serial": "serial", "network": "network",
                                           "file": "file"}
# Words the board's speech switch has always taken besides true/false.
_SPEECH_ON, _SPEECH_OFF = ("1", "true", "yes", "ya", "on"), ("0", "false", "no", "tidak", "off")


@dataclass(frozen=True)
class LobbySettings:
    idle_seconds: int = 90
    service_minutes: int = 10


@dataclass(frozen=True)
class CounterSettings:
    idle_lock_seconds: int = 300
    report_dir: str = "."
    # service code -> the topics the profile offers for it; a service left out gets the
    # desk's own list (kiosk.desk.topics).
    topics: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class BoardSettings:
    speech: bool = True
    voice: str = "id"
    rate: int = 140
    announcer: Announcer = "page"
    chime: bool = True
    viewers: int = 20


@dataclass(frozen=True)
class PrinterSettings:
    """Where the receipt printer is; only the keys of its kind matter."""

    kind: PrinterKind
    vendor_id: int = 0            # usb
    product_id: int = 0           # usb
    device: str = "/dev/ttyUSB0"  # serial; the device file for kind = "file"
    baudrate: int = 9600          # serial
    host: str = ""                # network
    port: int = 9100              # network


@dataclass(frozen=True)
class PrivacySettings:
    retention_days: int = 365


def read_holiday_categories(table: Table, country: str) -> tuple[str, ...]:
    """[office] holiday_categories: the calendars that close the office, checked against the
    ones the ``holidays`` package has for the country."""
    if not table.has("holiday_categories"):
        return ("public",)
    items = table.items("holiday_categories")
    if not country:  # public_holidays = "": no calendar closes the office, whichever is named
        return ("public",)
    from data import holiday_calendar

    known = holiday_calendar.categories(country)
    chosen: list[str] = []
    for i, item in enumerate(items):
        if not isinstance(item, str) or item not in known:
            raise table.fail(f"holiday_categories[{i}]", f"must be one of {', '.join(known)} "
                                                         f"for {country}, not {item!r}")
        if item not in chosen:
            chosen.append(item)
    if not chosen:
        raise table.fail("holiday_categories", 'must name at least one, such as ["public"]')
    return tuple(chosen)


def read_lobby(table: Table) -> LobbySettings:
    d = LobbySettings()
    settings = LobbySettings(
        idle_seconds=table.integer("idle_seconds", d.idle_seconds, 10, 3600),
        service_minutes=table.integer("service_minutes", d.service_minutes, 1, 240))
    table.done()
    return settings


def read_counter(table: Table, services: Iterable[str]) -> CounterSettings:
    d = CounterSettings()
    idle = table.integer("idle_lock_seconds", d.idle_lock_seconds, 30, 86400)
    report_dir = table.text("report_dir", d.report_dir)
    if not report_dir.strip():
        raise table.fail("report_dir", 'must not be empty; "." is the folder the program '
                                       "starts in")
    given = table.table("topics", required=False)
    topics = {code: _topics(given, code) for code in services if given.has(code)}
    given.done("service")
    table.done()
    return CounterSettings(idle, report_dir, MappingProxyType(topics))


def _topics(table: Table, code: str) -> tuple[str, ...]:
    items = table.items(code)
    if not items:
        raise table.fail(code, "must list at least one topic; leave the service out for "
                               "the default topics")
    topics = []
    for i, item in enumerate(items):
        if not isinstance(item, str) or not item.strip() or len(item.strip()) > TOPIC_LENGTH:
            raise table.fail(f"{code}[{i}]", f"must be a topic of 1 to {TOPIC_LENGTH} "
                                             f"characters, not {item!r}")
        topics.append(item.strip())
    return tuple(topics)


def read_board(table: Table) -> BoardSettings:
    d = BoardSettings()
    speech = d.speech
    if table.has("speech"):
        value = table.raw["speech"]
        words = value.strip().lower() if isinstance(value, str) else None
        if isinstance(value, bool):
            speech = value
        elif words in _SPEECH_ON or words in _SPEECH_OFF:
            speech = words in _SPEECH_ON
        else:
            raise table.fail("speech", f"must be true or false, not {value!r}")
    voice = table.text("voice", d.voice)
    if not voice.strip():
        raise table.fail("voice", 'must name an espeak-ng voice, such as "id"')
    # espeak-ng's own range of speeds (it takes anything slower as 80).
    rate = table.integer("rate", d.rate, 80, 450)
    given = table.text("announcer", d.announcer)
    announcer = _ANNOUNCERS.get(given.strip().lower())
    if announcer is None:
        raise table.fail("announcer", f'must be "page" or "terminal", not {given!r}')
    settings = BoardSettings(speech, voice.strip(), rate, announcer,
                             table.flag("chime", d.chime),
                             table.integer("viewers", d.viewers, 1, 500))
    table.done()
    return settings


def read_printer(table: Table) -> PrinterSettings:
    given = table.text("kind")
    kind = _PRINTER_KINDS.get(given)
    if kind is None:
        raise table.fail("kind", f"must be one of {', '.join(_PRINTER_KINDS)}, not {given!r}")
    d = PrinterSettings("usb")
    # Every key is read whatever the kind (the example in the profile lists them all);
    # the ones the kind needs have no default.
    usb = kind == "usb"
    vendor = table.integer("vendor_id", None if usb else d.vendor_id, 0, 0xFFFF)
    product = table.integer("product_id", None if usb else d.product_id, 0, 0xFFFF)
    device = table.text("device", "/dev/usb/lp0" if kind == "file" else d.device)
    if not device.strip():
        raise table.fail("device", "must not be empty")
    baudrate = table.integer("baudrate", d.baudrate, 300, 921600)
    host = table.text("host", None if kind == "network" else d.host)
    port = table.integer("port", d.port, 1, 65535)
    table.done()
    return PrinterSettings(kind, vendor, product, device, baudrate, host, port)


def read_privacy(table: Table) -> PrivacySettings:
    low, high = RETENTION_DAYS
    settings = PrivacySettings(table.integer("retention_days", PrivacySettings().retention_days,
                                             low, high))
    table.done()
    return settings
