"""The paper ticket on an ESC/POS receipt printer (python-escpos), when the profile's
[printer] table names one (data.office_settings.PrinterSettings: usb, serial, network or file).

The slip carries the same as the ticket screen: number, service, date, booking code and its
QR code, the wait, "free of charge", what to bring and the complaint channels — never a name.
"""

from __future__ import annotations

from dataclasses import dataclass

from data.office import Office
from data.office_settings import PrinterSettings
from kiosk.desk.codes import format_code
from kiosk.texts.dates import long_date
from kiosk.desk.records import TicketView
from kiosk.devices.ticket_words import bring_line, free_line
from kiosk.texts import say

SLIP_WIDTH = 42  # characters of font A on 80 mm paper


@dataclass(frozen=True)
class Slip:
    """Everything printed, already in the taxpayer's language."""

    office: str
    title: str
    number: int
    service: str
    date: str
    code: str  # as typed at check-in (the QR code holds it too)
    lines: tuple[str, ...]  # the wait or the day to come back
    notes: tuple[str, ...]  # free of charge, what to bring
    complaints: tuple[str, ...]


def build_slip(office: Office, ticket: TicketView, lang: str, lines: tuple[str, ...],
               proxy: bool = False) -> Slip:
    service = office.service(ticket.service)
    name = (service.name_en if lang == "en" else service.name) if service else ticket.service
    title = "lobby_ticket_title" if ticket.walk_in or ticket.arrived_at else "lobby_ticket_booked_title"
    return Slip(
        office=office.name, title=say(title, lang), number=ticket.number, service=name,
        date=long_date(ticket.date, lang), code=ticket.code, lines=lines,
        notes=(free_line(lang), bring_line(office, ticket.service, lang, proxy)),
        complaints=tuple(f"{c.label}: {c.value}" for c in office.complaint_channels))


def open_printer(settings: PrinterSettings | None):
    """The configured printer, or None when the profile has no [printer] table."""
    if settings is None:
        return None
    if settings.kind == "usb":
        from escpos.printer import Usb

        return Usb(settings.vendor_id, settings.product_id)
    if settings.kind == "serial":
        from escpos.printer import Serial

        return Serial(devfile=settings.device, baudrate=settings.baudrate)
    if settings.kind == "network":
        from escpos.printer import Network

        return Network(settings.host, port=settings.port)
    from escpos.printer import File

    return File(settings.device)  # kind = "file": the profile allows no other


def print_slip(printer, slip: Slip) -> None:
    """Write the slip on ``printer`` (any python-escpos printer, Dummy in the tests)."""
    printer.set(align="center", bold=True)
    printer.text(f"{slip.office}\n")
    printer.set(align="center", normal_textsize=True)
    printer.text(f"{slip.title}\n")
    printer.set(align="center", bold=True, double_width=True, double_height=True)
    printer.text(f"{slip.number}\n")
    printer.set(align="center", normal_textsize=True)
    printer.text(f"{slip.service}\n{slip.date}\n")
    printer.set(align="center", bold=True)
    printer.text(f"{format_code(slip.code)}\n")
    # A raster image: every printer prints it and a phone or scanner reads it.
    printer.qr(slip.code, native=False, size=6)
    printer.set(align="left", normal_textsize=True)
    for line in slip.lines:
        printer.text(_wrap(line))
    printer.text("\n")
    printer.set(align="left", bold=True)
    printer.text(_wrap(slip.notes[0]))  # "Tidak dipungut biaya", as on the screen
    printer.set(align="left", normal_textsize=True)
    for line in slip.notes[1:]:
        printer.text(_wrap(line))
    printer.text("\n")
    for line in slip.complaints:
        printer.text(_wrap(line))
    printer.cut()


def _wrap(text: str) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, SLIP_WIDTH) or [""]) + "\n"
