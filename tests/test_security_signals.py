"""The lobby against what a terminal sends: the real `kiosk … lobby` in a tmux pane gets
ctrl+c, ctrl+z, ctrl+\\, ctrl+q, ctrl+p, a mouse click outside, and SIGINT/SIGTSTP/SIGQUIT;
it keeps running and shows the lobby. SIGTERM ends it cleanly. And no PIN is ever in the
database file in clear."""

from __future__ import annotations

import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from conftest import ALWAYS_OPEN
from data.database import init_store
from kiosk.desk.officers import Officers
from kiosk.desk.errors import DeskError
from kiosk.desk.store import open_desk

LOBBY_WORDS = ("Selamat datang", "Khusus petugas")  # the welcome, or the officer's PIN box


def tmux(*args) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, timeout=10).stdout


def process_state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return "gone"


def wait_screen(session: str, *words, seconds: float = 15) -> str:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        text = tmux("capture-pane", "-t", session, "-p")
        if any(w in text for w in words):
            return text
        time.sleep(0.1)
    return tmux("capture-pane", "-t", session, "-p")


@pytest.fixture
def lobby_in_tmux(tmp_path):
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    session = f"sec{uuid.uuid4().hex[:8]}"
    init_store(str(tmp_path / "k.db"))
    kiosk = [sys.executable, "-m", "kiosk", "--db", str(tmp_path / "k.db"), "--office",
             str(ALWAYS_OPEN), "lobby"]
    tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30",
         "exec " + " ".join(kiosk))
    pid = int(tmux("list-panes", "-t", session, "-F", "#{pane_pid}").strip())
    assert "Selamat datang" in wait_screen(session, "Selamat datang")
    yield session, pid
    tmux("kill-session", "-t", session)


def assert_still_lobby(session: str, pid: int, what: str) -> None:
    time.sleep(0.4)
    state = process_state(pid)
    assert state in ("S", "R"), f"after {what}: process state {state}"
    text = wait_screen(session, *LOBBY_WORDS, seconds=3)
    assert any(w in text for w in LOBBY_WORDS), f"after {what}:\n{text}"
    assert "Traceback" not in text


def test_terminal_keys_and_signals_do_not_end_the_lobby(lobby_in_tmux):
    session, pid = lobby_in_tmux
    keys = {"ctrl+c": "03", "ctrl+z": "1a", "ctrl+\\": "1c", "ctrl+q": "11", "ctrl+p": "10"}
    for what, byte in keys.items():
        tmux("send-keys", "-t", session, "-H", byte)
        assert_still_lobby(session, pid, what)
        tmux("send-keys", "-t", session, "Escape")  # close the PIN box again, if open
    # A mouse click outside any button (SGR report: press and release at 1,1).
    click = "\x1b[<0;1;1M\x1b[<0;1;1m".encode().hex(" ").split()
    tmux("send-keys", "-t", session, "-H", *click)
    assert_still_lobby(session, pid, "a mouse click outside")
    for name in ("SIGINT", "SIGTSTP", "SIGQUIT"):
        os.kill(pid, getattr(signal, name))
        assert_still_lobby(session, pid, name)
        tmux("send-keys", "-t", session, "Escape")


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_sigterm_and_sighup_end_the_lobby_cleanly(tmp_path, name):
    """The system's way to stop the kiosk: it ends at once, exit 0, the terminal restored
    (the alternate screen left), no traceback."""
    init_store(str(tmp_path / "k.db"))
    pid, fd = pty.fork()
    if pid == 0:  # the child: the real program on a pseudo-terminal
        os.execv(sys.executable, [sys.executable, "-m", "kiosk", "--db", str(tmp_path / "k.db"),
                                  "--office", str(ALWAYS_OPEN), "lobby"])
    seen, ended = b"", {}

    def reaped(_data) -> bool:
        if not ended:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                ended["status"] = status
        return bool(ended)

    try:
        seen = read_until(fd, seen, lambda data: b"Selamat" in data, 15)
        assert b"Selamat" in seen
        os.kill(pid, getattr(signal, name))
        seen = read_until(fd, seen, reaped, 10)
        end = time.monotonic() + 5
        while not reaped(seen) and time.monotonic() < end:
            time.sleep(0.05)
    finally:
        if not ended:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)
    done, status = bool(ended), ended.get("status")
    assert done, f"{name}: the lobby did not end"
    assert os.waitstatus_to_exitcode(status) == 0
    assert b"\x1b[?1049l" in seen  # the terminal is given back
    assert b"Traceback" not in seen


def read_until(fd: int, seen: bytes, enough, seconds: float) -> bytes:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break  # the child is gone
        if enough(seen):
            break
    return seen


def test_no_pin_in_clear_in_the_database_file(tmp_path, clock):
    path = tmp_path / "kiosk.db"
    desk = open_desk(str(path), ALWAYS_OPEN, clock=clock, create=True)
    officers = Officers(desk)
    pins = {"Budi Santoso": "739184", "Sari Dewi": "50617283"}
    officers.add("Budi Santoso", "officer", pins["Budi Santoso"], "test")
    officers.add("Sari Dewi", "supervisor", pins["Sari Dewi"], "test")
    for name, pin in pins.items():
        officers.login(name, pin, 1)
        with pytest.raises(DeskError):
            officers.login(name, "482915", 1)  # a wrong try is logged, not its PIN
    officers.reset_pin("Budi Santoso", "602713", "Sari Dewi")
    officers.login("Budi Santoso", "602713", 2)
    stored = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("kiosk.db"))
    desk.db.close()
    stored += path.read_bytes()  # after the checkpoint too
    for pin in (*pins.values(), "482915", "602713"):
        for encoded in (pin.encode(), pin.encode("utf-16-le"), pin.encode("utf-16-be")):
            assert encoded not in stored, pin
    assert b"$argon2" in stored  # the hashes are there instead
