"""`kiosk doctor`'s look at the devices: the receipt printer and the speech engine, as the
profile names them. Nothing is printed and nothing is said: the printer is looked for where
the profile says it is, and espeak-ng is asked for its voices."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess

from data.office import Office
from kiosk.desk.health import FAULT, OK, WARNING, Finding, finding


def printer_finding(office: Office) -> Finding:
    printer = office.printer
    if printer is None:
        return finding("printer", OK, "printer_none")
    if printer.kind == "network":
        try:
            socket.create_connection((printer.host, printer.port), timeout=2.0).close()
        except OSError as exc:
            return finding("printer", FAULT, "printer_away", "printer_away",
                            where=f"{printer.host}:{printer.port}", error=exc.strerror or str(exc))
        return finding("printer", OK, "printer_ok", where=f"{printer.host}:{printer.port}")
    if printer.kind == "usb":
        where = f"usb {printer.vendor_id:04x}:{printer.product_id:04x}"
        try:
            import usb.core  # pyusb, which python-escpos uses for a USB printer
        except ImportError:
            return finding("printer", WARNING, "printer_unchecked", "printer_unchecked",
                            where=where)
        if usb.core.find(idVendor=printer.vendor_id, idProduct=printer.product_id) is None:
            return finding("printer", FAULT, "printer_away", "printer_away", where=where,
                            error="not connected")
        return finding("printer", OK, "printer_ok", where=where)
    # serial, or a device file
    if not os.path.exists(printer.device):
        return finding("printer", FAULT, "printer_away", "printer_away", where=printer.device,
                        error="no such device")
    if not os.access(printer.device, os.W_OK):
        return finding("printer", FAULT, "printer_away", "printer_access", where=printer.device,
                        error="permission denied")
    return finding("printer", OK, "printer_ok", where=printer.device)


def speech_finding(office: Office) -> Finding:
    board = office.board
    if not board.speech:
        return finding("speech", OK, "speech_off")
    engine = shutil.which("espeak-ng")
    if engine is None:
        return finding("speech", WARNING, "speech_missing", "speech_missing")
    try:
        listed = subprocess.run([engine, f"--voices={board.voice}"], capture_output=True,
                                text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        return finding("speech", WARNING, "speech_broken", "speech_missing", error=str(exc))
    voices = {line.split()[1] for line in listed.splitlines()[1:] if len(line.split()) > 1}
    if board.voice not in voices and not any(v.startswith(board.voice) for v in voices):
        return finding("speech", WARNING, "speech_no_voice", "speech_no_voice",
                        voice=board.voice)
    return finding("speech", OK, "speech_ok", voice=board.voice)
