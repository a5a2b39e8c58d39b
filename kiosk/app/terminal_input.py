"""What the terminal sends, made safe before Textual parses it (the lobby is a public terminal).

Textual 8's Linux driver decodes stdin as strict UTF-8: one byte that is not UTF-8 (0xFF, an
"é" typed on a Latin-1 terminal, an old X10 mouse report past column 95) raises in its input
thread and ends the program. Here a byte that is not UTF-8 is read as the Latin-1 character
it is (so "Renée" from a Latin-1 terminal stays "Renée").

Textual's parser also reads a bracketed paste one character at a time and turns every escape
sequence inside it into key presses (1 MB of "\\x1b[" never came back). Here a paste is cut
out of the stream before the parser sees it, at the cost of one ``str.find`` per read, and
only its first ``PASTE_KEEP`` characters, without control characters, reach the app as one
Paste event: the lobby's fields take a few dozen characters.
"""

from __future__ import annotations

import codecs
import os
import re
import selectors
from collections.abc import Iterable, Iterator

from textual import events
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
PASTE_KEEP = 4096  # characters of a paste that reach the app; the rest is dropped unread
READ_BYTES = 4096
# Control characters have no place in a typed field (tab and newline move between fields).
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    """A byte that is not UTF-8 is read as the Latin-1 character it is."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start:error.end]
    return bytes(bad).decode("latin-1"), error.end


codecs.register_error("kiosk-latin1", _latin1_fallback)


def input_decoder() -> codecs.IncrementalDecoder:
    """UTF-8 that never fails: what is not UTF-8 comes out as Latin-1."""
    return codecs.getincrementaldecoder("utf-8")(errors="kiosk-latin1")


def _partial_end(text: str, marker: str) -> int:
    """How many characters at the end of ``text`` may be the start of ``marker``."""
    for size in range(min(len(marker) - 1, len(text)), 0, -1):
        if marker.startswith(text[-size:]):
            return size
    return 0


class PasteGate:
    """Takes bracketed pastes out of the decoded input: ``feed`` yields the text to parse
    and, for each paste, one Paste event with at most ``keep`` characters of it."""

    def __init__(self, keep: int = PASTE_KEEP) -> None:
        self.keep = keep
        self.pasting = False
        self._held = ""  # the end of the last read, which may be the start of a marker
        self._kept: list[str] = []
        self._size = 0

    def feed(self, data: str) -> Iterator[str | events.Paste]:
        data, self._held = self._held + data, ""
        while data:
            if not self.pasting:
                start = data.find(PASTE_START)
                if start < 0:
                    held = _partial_end(data, PASTE_START)
                    self._held, data = data[len(data) - held:], data[:len(data) - held]
                    if data:
                        yield data
                    return
                if start:
                    yield data[:start]
                data = data[start + len(PASTE_START):]
                self.pasting, self._kept, self._size = True, [], 0
                continue
            end = data.find(PASTE_END)
            if end < 0:
                held = _partial_end(data, PASTE_END)
                self._held = data[len(data) - held:]
                self._keep(data[:len(data) - held])
                return
            self._keep(data[:end])
            data = data[end + len(PASTE_END):]
            self.pasting = False
            yield events.Paste("".join(self._kept))

    def flush(self) -> str:
        """What was held back as a possible marker, once no more input follows it."""
        if self.pasting:
            return ""  # still inside a paste: its end is still to come
        held, self._held = self._held, ""
        return held

    def _keep(self, text: str) -> None:
        """Keeps the paste's first characters, control characters left out."""
        while self._size < self.keep and text:
            room = self.keep - self._size
            clean = CONTROLS.sub("", text[:room])
            text = text[room:]
            self._kept.append(clean)
            self._size += len(clean)


class KioskDriver(LinuxDriver):
    """Textual's Linux driver with the input loop above (the same loop otherwise)."""

    def run_input_thread(self) -> None:
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decoder = input_decoder()
        gate = PasteGate()

        def parse(text: str) -> None:
            for piece in gate.feed(text):
                if isinstance(piece, str):
                    self._send(parser.feed(piece))
                else:
                    self.process_message(piece)

        def step(final: bool = False) -> bool:
            ready = selector.select(0.1)
            for _key, mask in ready:
                if mask & selectors.EVENT_READ:
                    data = os.read(self.fileno, READ_BYTES)
                    if not data:
                        return False  # stdin is a pipe that was closed
                    parse(decoder.decode(data, final=final))
            if not ready:
                # A quiet moment: a byte held back as the start of a UTF-8 character or
                # of a paste marker is all there is (a lone Latin-1 "é", an Escape key).
                parse(decoder.decode(b"", final=True))
                held = gate.flush()
                if held:
                    self._send(parser.feed(held))
            self._send(parser.tick())
            return True

        try:
            while not self.exit_event.is_set():
                if not step():
                    break
            selector.unregister(self.fileno)
            step(final=True)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass

    def _send(self, messages: Iterable[Message]) -> None:
        for message in messages:
            self.process_message(message)


def driver_for_terminal() -> type[LinuxDriver] | None:
    """The driver for a real terminal on this platform; None: Textual's own choice (also
    when a driver is named in TEXTUAL_DRIVER, as textual-serve does for the web board)."""
    if os.name != "posix" or os.environ.get("TEXTUAL_DRIVER"):
        return None
    return KioskDriver

