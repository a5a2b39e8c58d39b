"""The real `kiosk … lobby` on a pseudo-terminal against what a terminal may send: bytes that
are not UTF-8 and a huge paste full of escape sequences. The lobby stays up and answers the
next key at once (ctrl+q opens the officers' PIN box)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

from conftest import ALWAYS_OPEN
from data.database import init_store
from kiosk.app.terminal_input import PASTE_KEEP, PasteGate, input_decoder
from textual import events

PIN_BOX = b"Khusus petugas"  # what ctrl+q shows on the welcome


class Lobby:
    """The lobby as a real process on a pseudo-terminal of 100 x 30."""

    def __init__(self, db: Path) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the real program
            os.execv(sys.executable, [sys.executable, "-m", "kiosk", "--db", str(db),
                                      "--office", str(ALWAYS_OPEN), "lobby"])
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.seen = b""

    def alive(self) -> bool:
        return os.waitpid(self.pid, os.WNOHANG) == (0, 0)

    def read_until(self, word: bytes, seconds: float) -> bool:
        """Reads the screen's output until ``word`` shows (True) or the deadline passes."""
        start = len(self.seen)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if select.select([self.fd], [], [], 0.1)[0]:
                try:
                    self.seen += os.read(self.fd, 65536)
                except OSError:
                    return False  # the program is gone
            if word in self.seen[max(0, start - len(word)):]:
                return True
        return False

    def send(self, data: bytes, seconds: float = 30) -> None:
        """Writes all of ``data``, reading the screen meanwhile so the program never waits
        on its own output."""
        end = time.monotonic() + seconds
        while data and time.monotonic() < end:
            readable, writable, _ = select.select([self.fd], [self.fd], [], 0.1)
            if readable:
                try:
                    self.seen += os.read(self.fd, 65536)
                except OSError:
                    return
            if writable:
                data = data[os.write(self.fd, data[:4096]):]
        assert not data, "the lobby stopped reading its input"

    def peak_memory_kb(self) -> int:
        status = Path(f"/proc/{self.pid}/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")))

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)


@pytest.fixture
def lobby(tmp_path):
    init_store(str(tmp_path / "k.db"))
    running = Lobby(tmp_path / "k.db")
    try:
        assert running.read_until(b"Selamat", 20), running.seen[-2000:]
        yield running
    finally:
        running.close()


def answers_a_key(lobby: Lobby, seconds: float) -> None:
    """ctrl+q (0x11) brings the PIN box within ``seconds``: the lobby reads and draws."""
    lobby.send(b"\x11")
    assert lobby.read_until(PIN_BOX, seconds), "the lobby no longer answers"
    assert lobby.alive()
    assert b"Traceback" not in lobby.seen


@pytest.mark.parametrize("data", [
    b"\xff",  # never a UTF-8 byte
    "Ren\xe9e".encode("latin-1"),  # typed on a Latin-1 terminal
    b"\x1b[M" + bytes([32, 32 + 100, 32 + 5]),  # an X10 mouse press at column 100, row 5
], ids=["0xff", "latin-1", "x10-mouse"])
def test_a_byte_that_is_not_utf8_does_not_end_the_lobby(lobby, data):
    lobby.send(data)
    lobby.read_until(b"\x1b[?1049l", 1.5)  # gives a failing program the time to end
    assert lobby.alive(), lobby.seen[-2000:]
    answers_a_key(lobby, 10)


def test_a_huge_paste_of_escape_sequences_costs_little(lobby):
    paste = b"\x1b[200~" + b"\x1b[" * 500_000 + b"\x1b[201~"  # 1 MB
    before = lobby.peak_memory_kb()
    started = time.monotonic()
    lobby.send(paste)
    answers_a_key(lobby, 10)  # Textual's own reading was not back after minutes
    took = time.monotonic() - started
    grew_mb = (lobby.peak_memory_kb() - before) / 1024
    assert grew_mb < 50, f"a paste cost {grew_mb:.0f} MB"
    print(f"1 MB paste: answered after {took:.2f} s, peak memory +{grew_mb:.1f} MB")


# ----- the pieces, without a terminal ----------------------------------------------------

def test_a_paste_reaches_the_app_as_one_event_cut_to_size():
    gate = PasteGate(keep=10)
    text = "ab\x1b[200~Budi\x1b[A Santoso Jr and more\x1b[201~cd"
    pieces = [piece for i in range(len(text)) for piece in gate.feed(text[i])]  # byte by byte
    typed = "".join(p for p in pieces if isinstance(p, str)) + gate.flush()
    pasted = [p.text for p in pieces if isinstance(p, events.Paste)]
    assert typed == "abcd"
    assert pasted == ["Budi[A San"]  # control characters gone, 10 characters kept


def test_a_paste_is_kept_to_its_first_characters():
    gate = PasteGate()
    pieces = list(gate.feed("\x1b[200~" + "x" * 1_000_000 + "\x1b[201~"))
    assert [len(p.text) for p in pieces if isinstance(p, events.Paste)] == [PASTE_KEEP]


def test_what_is_not_utf8_is_read_as_latin1():
    decode = input_decoder().decode
    assert decode("Ren\xe9e".encode("latin-1")) == "Renée"
    assert decode("Renée".encode()) == "Renée"
    assert decode(b"\xff\xfe") == "\xff\xfe"
    assert decode(b"\xc3") + decode(b"\xa9") == "é"  # a character split over two reads
