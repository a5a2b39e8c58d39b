"""The printed ticket (python-escpos Dummy / a device file), the wait estimate and the QR
code drawn on screen."""

from __future__ import annotations

import re
from dataclasses import replace

import segno
from escpos.printer import Dummy

from data.office_settings import PrinterSettings
from kiosk.app.app import KioskApp
from kiosk.desk.codes import format_code
from kiosk.devices.qr import qr_lines
from kiosk.devices.printer import build_slip, open_printer, print_slip
from kiosk.desk.wait_estimate import wait_minutes
from screens.lobby.ticket import TicketScreen

QR_RASTER = b"\x1dv0"  # GS v 0: the raster image the QR code is printed as


def test_the_slip_carries_number_code_and_qr(sqlite_desk):
    for name in ("Ani", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hana", "Irma", "Joko",
                 "Kiki"):
        sqlite_desk.book("perpajakan", name)
    ticket = sqlite_desk.book("aplikasi", "Lukas Nenobais", npwp="013000666091000")
    assert ticket.number == 12
    printer = Dummy()
    slip = build_slip(sqlite_desk.office, ticket, "id", ("11 orang menunggu di depan Anda",))
    print_slip(printer, slip)
    out = printer.output
    # The number in double width and height (ESC ! 0x30), alone on its line.
    assert re.search(rb"\x1b!0[^\n]*?\x1ba\x0112\n", out)
    assert format_code(ticket.code).encode() in out
    assert QR_RASTER in out
    assert b"Konsultasi Aplikasi" in out and b"11 orang menunggu" in out
    assert b"1500200" in out  # the complaint channels
    assert b"Lukas" not in out and b"013000666091000" not in out  # rule 6
    assert out.endswith(b"\x1dVA\x00") or b"\x1dV" in out[-8:]  # cut at the end


def test_no_printer_configured_is_none(sqlite_desk):
    assert sqlite_desk.office.printer is None  # the test profile has no [printer] table
    assert open_printer(None) is None


async def test_the_ticket_screen_prints_to_the_configured_printer(sqlite_desk, tmp_path):
    device = tmp_path / "lp0"
    device.write_bytes(b"")
    sqlite_desk.office = replace(sqlite_desk.office,
                                 printer=PrinterSettings("file", device=str(device)))
    ticket = sqlite_desk.book("perpajakan", "Ani")
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(TicketScreen(ticket))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, TicketScreen)
    out = device.read_bytes()
    assert format_code(ticket.code).encode() in out and QR_RASTER in out


async def test_a_broken_printer_leaves_the_ticket_on_screen(sqlite_desk, tmp_path):
    sqlite_desk.office = replace(sqlite_desk.office, printer=PrinterSettings(
        "file", device=str(tmp_path / "missing" / "lp0")))
    ticket = sqlite_desk.book("perpajakan", "Ani")
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(TicketScreen(ticket))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, TicketScreen)
        assert app.is_running
        assert any("tidak dapat dicetak" in str(n.message) for n in app._notifications)


def test_wait_estimate_uses_today_service_times(sqlite_desk, clock):
    assert sqlite_desk.office.lobby.service_minutes == 10  # the default
    status = sqlite_desk.status()
    assert wait_minutes(status, 0, 2) == 0
    assert wait_minutes(status, 3, 1) == 30
    assert wait_minutes(status, 3, 2) == 15
    first = sqlite_desk.book("perpajakan", "Ani")
    sqlite_desk.call_next(1, "Petrus")
    sqlite_desk.start(first.code, 1, "Petrus")
    clock.advance(minutes=2)
    sqlite_desk.finish(first.code, 1, "Petrus", topic="SPT")
    # One quick answer counts, but does not yet outweigh the standard: (2 + 3 x 10) / 4 = 8.
    assert wait_minutes(sqlite_desk.status(), 3, 1) == 24
    # Only counter 1 has called anyone: the two counters of the office are not both at work.
    assert wait_minutes(sqlite_desk.status(), 3, 2) == 24
    for name in ("Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita"):
        ticket = sqlite_desk.book("perpajakan", name)
        sqlite_desk.call_next(2, "Maria")
        sqlite_desk.start(ticket.code, 2, "Maria")
        clock.advance(minutes=2)
        sqlite_desk.finish(ticket.code, 2, "Maria", topic="SPT")
    # Seven 2-minute consultations now outweigh the standard: (14 + 30) / 10 = 4.4 each,
    # shared by the two counters at work.
    assert wait_minutes(sqlite_desk.status(), 3, 2) == 7


def test_screen_qr_matches_the_code():
    """Read the text blocks back into modules: they are exactly segno's QR code with a
    quiet zone of two light modules (light drawn as blocks, for a dark screen)."""
    lines = qr_lines("ABCDEF")
    matrix = [[bool(m) for m in row] for row in segno.make("ABCDEF", error="m", micro=False).matrix]
    size = len(matrix) + 4
    assert all(len(line) == size for line in lines)
    dark = {"█": (False, False), "▀": (False, True), "▄": (True, False), " ": (True, True)}
    rows = []
    for line in lines:
        pairs = [dark[ch] for ch in line]
        rows += [[p[0] for p in pairs], [p[1] for p in pairs]]
    expected = [[False] * size] * 2 + [[False] * 2 + row + [False] * 2 for row in matrix]
    expected += [[False] * size] * (len(rows) - len(expected))
    assert rows == expected
