"""`kiosk serve`: the board, the counters and the survey screens from one process on one
port. The counter in a browser (headless Chromium, nothing installed on the officer's PC):
the officer logs in and calls a number, and a lobby and the board on the same SQLite store
follow it; a counter outside the profile is refused, the sessions are capped, and a page of
another origin gets no session."""

from __future__ import annotations

import base64
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import aiohttp
import pytest

import server_process
from conftest import ALWAYS_OPEN
from kiosk.app.app import KioskApp
from kiosk.desk.officers import Officers
from kiosk.desk.store import open_desk
from test_board_tv import Browser, js, poll_js
from test_board_web import (DevTools, chromium, free_port, needs_chromium,  # noqa: F401
                            terminal_text, wait_until)

OFFICER, PIN = "Petugas Satu", "739184"


class Office:
    """`kiosk serve [ROLE]` on a free local port, the store's URL in its environment."""

    def __init__(self, url: str, *args: str):
        self.port, self.db = free_port(), url
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "--office", str(ALWAYS_OPEN), "serve", *args,
             "--host", "127.0.0.1", "--port", str(self.port)],
            env={**os.environ, "KIOSK_DB": url}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        server_process.wait_listening(self.process, self.port, "kiosk serve")

    def ws(self, path: str) -> str:
        return f"ws://127.0.0.1:{self.port}/{path}ws?width=100&height=30"

    def sessions(self) -> list[int]:
        """The role processes this server runs for its browsers, alive."""
        found = subprocess.run(["pgrep", "-P", str(self.process.pid)],
                               capture_output=True, text=True).stdout.split()
        return [int(pid) for pid in found
                if Path(f"/proc/{pid}/stat").exists()
                and Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"]

    def stop(self) -> None:
        server_process.stop(self.process, 15)


@pytest.fixture
def office(sqlite_url):
    desk = open_desk(sqlite_url, ALWAYS_OPEN)
    Officers(desk).add(OFFICER, "officer", PIN, actor="test")
    desk.db.close()
    started: list[Office] = []

    def start(*args: str) -> Office:
        started.append(Office(sqlite_url, *args))
        return started[-1]

    yield start
    for server in started:
        children = server.sessions()
        server.stop()
        for pid in children:  # never leave one behind, even on failure
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


async def type_in(tab: DevTools, text: str) -> None:
    """Keys into the terminal drawn in the page (xterm.js's own input field)."""
    await js(tab, "document.querySelector('.xterm-helper-textarea').focus()")
    await tab.send("Input.insertText", text=text)


async def press(tab: DevTools, key: str, code: int, text: str) -> None:
    for kind in ("keyDown", "keyUp"):
        await tab.send("Input.dispatchKeyEvent", type=kind, key=key, code=key,
                       windowsVirtualKeyCode=code, nativeVirtualKeyCode=code,
                       **({"text": text} if kind == "keyDown" else {}))


def frames(tab: DevTools) -> list[bytes]:
    return [base64.b64decode(frame["response"]["payloadData"])
            for frame in tab.of("Network.webSocketFrameReceived")
            if frame["response"].get("opcode") == 2]


def blinking_row(tab: DevTools, since: int) -> int:
    """The row of the last frame after ``since`` that redrew one row only (a cursor blink),
    0 if none yet."""
    for frame in reversed(frames(tab)[since:]):
        rows = {int(row) for row in re.findall(rb"\x1b\[(\d+);\d+H", frame)}
        if len(rows) == 1:
            return rows.pop()
    return 0


def on_screen(tab: DevTools, words: str) -> bool:
    return words in re.sub(r"\s+", " ", terminal_text(tab))


@needs_chromium
async def test_the_counter_in_a_browser_calls_a_number_the_lobby_and_board_follow(
        sqlite_url, office, chromium):
    desk = open_desk(sqlite_url, ALWAYS_OPEN)
    ticket = desk.book("perpajakan", "Budi Santoso")
    served = office()  # everything: /board/, /counter/N/, /survey/N/
    lobby = KioskApp(open_desk(sqlite_url, ALWAYS_OPEN), "lobby")
    async with aiohttp.ClientSession() as http, lobby.run_test(size=(120, 40)) as pilot:
        async with http.get(served.url) as response:  # the index links every screen
            index = await response.text()
        assert {"board/", "counter/1/", "counter/2/", "survey/1/"} <= set(
            re.findall(r'href="([^"]+)"', index))
        browser = Browser(http, chromium)
        board = await browser.tab(served.url + "board/")
        await poll_js(board, "window.kioskBoard && kioskBoard.state !== null", 20, "the board")
        counter = await browser.tab(served.url + "counter/2/", size=(1280, 720))
        await counter.send("Network.enable")
        await wait_until(lambda: on_screen(counter, "Masuk petugas"), 30, "the login screen")
        assert on_screen(counter, "Loket 2") and not on_screen(counter, "Budi")
        await type_in(counter, OFFICER)
        await wait_until(lambda: on_screen(counter, OFFICER), 10, "the name typed")
        # Keys typed ahead of Enter's focus move would land in the name: wait for the cursor
        # to blink on a row below the name's first (only the focused field blinks).
        name_row = await wait_until(lambda: blinking_row(counter, 0), 10, "the name's cursor")
        drawn = len(frames(counter))
        await press(counter, "Enter", 13, "\r")
        await wait_until(lambda: blinking_row(counter, drawn) > name_row, 10, "the PIN's cursor")
        await type_in(counter, PIN)
        await press(counter, "Enter", 13, "\r")
        await wait_until(lambda: on_screen(counter, "Terpakai"), 20, "the counter's day")
        await type_in(counter, "n")  # call the next number
        await wait_until(lambda: on_screen(counter, f"Nomor {ticket.number}"), 20,
                         "the number in hand at the counter")

        called = next(t for t in desk.status().tickets if t.code == ticket.code)
        assert called.state == "called" and called.counter == 2  # the path's counter
        await poll_js(board, "kioskBoard.state.calling.length === 1", 10, "the call on the board")
        shown = await js(board, "kioskBoard.state.recent[0]")
        assert (shown["number"], shown["counter"]) == (ticket.number, 2)
        await wait_until(lambda: lobby.follower.status is not None and any(
            t.code == ticket.code and t.state == "called" and t.counter == 2
            for t in lobby.follower.status.tickets), 10, "the lobby's day with the call")
        await pilot.pause()
        await browser.close()
    desk.db.close()


async def test_a_counter_outside_the_profile_is_refused_before_any_process(office):
    served = office("counter")
    async with aiohttp.ClientSession() as http:
        async with http.get(served.url + "counter/3/") as response:  # the profile has two
            assert response.status == 404
            assert "1 sampai 2" in await response.text()
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(served.ws("counter/3/"))
        assert refused.value.status == 404
        async with http.get(served.url + "counter/0/") as response:
            assert response.status == 404
        async with http.get(served.url + "board/") as response:  # only the counters here
            assert response.status == 404
    assert served.sessions() == []


async def test_a_page_of_another_origin_gets_no_counter_session(office):
    served = office()
    async with aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(served.ws("counter/1/"), headers={"Origin": "http://evil.example"})
        assert refused.value.status == 403
        async with http.ws_connect(served.ws("counter/1/"),
                                   headers={"Origin": f"http://127.0.0.1:{served.port}"}) as ws:
            await ws.receive(timeout=20)  # the same origin: its counter draws
            assert len(served.sessions()) == 1
    await wait_until(lambda: served.sessions() == [], 8, "the session's process to end")


async def test_the_counter_sessions_are_capped(office):
    """Each session is a whole process: --sessions 1 a counter, two counters: two at most."""
    served = office("counter", "--sessions", "1")
    async with aiohttp.ClientSession() as http:
        async with http.ws_connect(served.ws("counter/1/")) as first, \
                http.ws_connect(served.ws("counter/2/")) as second:
            await first.receive(timeout=20)
            await second.receive(timeout=20)
            async with http.ws_connect(served.ws("counter/1/")) as third:
                message = await third.receive(timeout=10)
                assert message.type == aiohttp.WSMsgType.CLOSE and message.data == 1013
            assert len(served.sessions()) == 2
        await wait_until(lambda: served.sessions() == [], 10, "the sessions to end")
        async with http.ws_connect(served.ws("counter/1/")) as again:  # room again
            message = await again.receive(timeout=20)
            assert message.type == aiohttp.WSMsgType.BINARY



async def test_the_survey_screen_is_served_for_its_counter(office):
    served = office()
    async with aiohttp.ClientSession() as http:
        async with http.ws_connect(served.ws("survey/2/"), max_msg_size=0) as ws:
            drawn, deadline = b"", time.monotonic() + 20
            while b"Survei Kepuasan" not in re.sub(rb"\x1b\[[0-9;?]*[ -/]*[@-~]", b"", drawn):
                assert time.monotonic() < deadline, "the survey screen did not draw"
                message = await ws.receive(timeout=20)
                assert message.type == aiohttp.WSMsgType.BINARY, message
                drawn += message.data
            [pid] = served.sessions()
            argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            assert argv[-4:-1] == [b"survey", b"--counter", b"2"]
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(served.ws("survey/3/"))
        assert refused.value.status == 404

def test_the_serve_unit_serves_every_screen_on_its_port(tmp_path, sqlite_url):
    """deploy/kiosk-serve.service as `kiosk install-units` writes it: its command, run with
    its environment, serves the index, the board and the counters; it takes the board's
    port, so it says it conflicts with the board's unit."""
    from test_units import ROOT, env_file_values, systemd_words

    open_desk(sqlite_url, ALWAYS_OPEN).db.close()
    port = free_port()
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--db", sqlite_url, "--office", str(ALWAYS_OPEN),
         "install-units", "--dest", str(tmp_path / "units"), "--host", "127.0.0.1",
         "--port", str(port)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "enable --now kiosk-serve.service" in done.stdout
    unit = (tmp_path / "units" / "kiosk-serve.service").read_text()
    assert "\nConflicts=kiosk-board.service\n" in unit and "\nRestart=on-failure\n" in unit
    env = dict(os.environ)
    env.update(env_file_values(unit))  # the store's URL, from the unit's 0600 EnvironmentFile
    for line in re.findall(r"^Environment=(.*)$", unit, re.M):
        key, value = systemd_words(line)[0].split("=", 1)
        env[key] = value
    [exec_start] = re.findall(r"^ExecStart=(.*)$", unit, re.M)
    server = subprocess.Popen(systemd_words(exec_start), env=env, cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    index = response.read().decode()
                break
            except OSError:
                assert server.poll() is None, "the unit's command exited"
                assert time.monotonic() < deadline, "the unit's command serves nothing"
                time.sleep(0.1)
        assert {"board/", "counter/1/", "counter/2/"} <= set(re.findall(r'href="([^"]+)"', index))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(15)
