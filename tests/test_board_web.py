"""The terminal board served to browsers (`kiosk serve board --terminal`): our own page (no splash, no outside font), the board
drawn in headless Chromium with no click and no request leaving the machine, and no board
process outliving its browser or the server."""

from __future__ import annotations

import asyncio
import base64
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

import aiohttp
import pytest
from PIL import Image

import server_process
from conftest import ALWAYS_OPEN
from kiosk.desk.store import open_desk

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Debian's chromium is not installed (apt-get install -y chromium); CI installs it")
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def board_processes(db: str) -> list[int]:
    """Live (not zombie) board processes serving this test's database."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
            environ = (entry / "environ").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        # The store's URL is in the board process's environment (never on its argv).
        if (b"KIOSK_DB=" + db.encode()) in environ and b"board" in argv and b"serve" not in argv \
                and state != "Z":
            found.append(int(entry.name))
    return found


async def wait_until(check, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.1)


@pytest.fixture
def served(sqlite_url):
    """`kiosk serve board` on a free local port, over a store with a busy day."""
    desk = open_desk(sqlite_url, ALWAYS_OPEN)
    first = desk.book("perpajakan", "Budi Santoso", phone="081234567890")
    desk.book("aplikasi", "Siti Rahma")
    desk.call_next(1, "Petugas")
    desk.db.close()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--db", sqlite_url, "--office", str(ALWAYS_OPEN),
         "serve", "board", "--terminal", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    server_process.wait_listening(server, port, "the web board", 15)
    try:
        yield {"url": f"http://127.0.0.1:{port}/", "port": port, "db": sqlite_url,
               "server": server, "first": first}
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
        for pid in board_processes(sqlite_url):  # never leave one behind, even on failure
            os.kill(pid, signal.SIGKILL)


def stop_server(served) -> None:
    served["server"].send_signal(signal.SIGTERM)
    served["server"].wait(10)


async def test_page_is_our_own_no_splash_no_outside_host(served):
    async with aiohttp.ClientSession() as http:
        async with http.get(served["url"]) as response:
            page = await response.text()
        for asset in re.findall(r'(?:href|src)="([^"]+)"', page):
            assert not urlparse(asset).netloc, asset  # every asset from the board's own host
            async with http.get(served["url"] + asset) as response:
                assert response.status == 200, asset
    assert "googleapis" not in page and "https://" not in page and "http://" not in page
    assert "Start" not in page and "intro" not in page  # no splash waiting for a click
    assert "RobotoMono-VariableFont_wght.ttf" in page  # the font is served locally
    async with aiohttp.ClientSession() as http:  # ?delay would make textual.js wait for a click
        async with http.get(served["url"] + "?delay=1&fontsize=20") as response:
            assert response.status == 200
            assert "delay" not in str(response.url) and "fontsize=20" in str(response.url)
            assert 'data-font-size="20"' in await response.text()


async def test_browsers_that_leave_at_once_leave_no_board_process(served):
    """The textual-serve trap: resize and disconnect within ~0.3 s leaves a spinning app.
    Here each browser's board is ended (forcibly if needed) when it leaves."""
    ws_url = f"ws://127.0.0.1:{served['port']}/ws?width=80&height=24"
    async with aiohttp.ClientSession() as http:
        for pause in (0.0, 0.1, 0.3):
            async with http.ws_connect(ws_url) as ws:
                await ws.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))
                await asyncio.sleep(pause)
        async with http.ws_connect(ws_url) as ws:  # one that stays: its board runs
            await wait_until(lambda: board_processes(served["db"]), 10, "a board process")
            await ws.receive(timeout=10)  # the board draws
        await wait_until(lambda: not board_processes(served["db"]), 8,
                         "every board process to end after its browser left")
        async with http.ws_connect(ws_url) as ws:  # connected while the server stops
            await wait_until(lambda: board_processes(served["db"]), 10, "a board process")
            stop_server(served)
    await wait_until(lambda: not board_processes(served["db"]), 5,
                     "every board process to end with the server")


class DevTools:
    """Just enough of the Chrome DevTools protocol: commands and the events seen so far."""

    def __init__(self, ws):
        self.ws, self.next_id, self.events, self.waiting = ws, 0, [], {}
        self.reader = asyncio.create_task(self._read())

    async def _read(self):
        async for message in self.ws:
            data = json.loads(message.data)
            if "id" in data:
                self.waiting.pop(data["id"]).set_result(data)
            else:
                self.events.append(data)

    async def send(self, method: str, **params) -> dict:
        self.next_id += 1
        future = asyncio.get_running_loop().create_future()
        self.waiting[self.next_id] = future
        await self.ws.send_str(json.dumps({"id": self.next_id, "method": method,
                                           "params": params}))
        reply = await asyncio.wait_for(future, 30)
        assert "error" not in reply, reply
        return reply.get("result", {})

    def of(self, method: str) -> list[dict]:
        return [e["params"] for e in self.events if e.get("method") == method]


@pytest.fixture
def chromium():
    """Headless Chromium with a fresh profile and nothing of its own on the network."""
    profile = tempfile.mkdtemp(prefix="board-chromium-")
    process = subprocess.Popen(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-default-apps", "--disable-extensions", f"--user-data-dir={profile}",
         "--remote-debugging-port=0", "--window-size=1280,720", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    active = Path(profile) / "DevToolsActivePort"
    deadline = time.monotonic() + 30
    while not (active.exists() and active.read_text().count("\n") >= 1):
        assert process.poll() is None, "chromium exited"
        assert time.monotonic() < deadline, "chromium did not open its DevTools port"
        time.sleep(0.1)
    try:
        yield int(active.read_text().split()[0])
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)
        shutil.rmtree(profile, ignore_errors=True)


def terminal_text(devtools: DevTools) -> str:
    """What the board process sent to the browser, as plain text."""
    raw = b"".join(base64.b64decode(frame["response"]["payloadData"])
                   for frame in devtools.of("Network.webSocketFrameReceived")
                   if frame["response"].get("opcode") == 2)
    return ANSI.sub(b"", raw).decode("utf-8", "replace")


@needs_chromium
async def test_web_board_in_headless_chromium_without_click_or_outside_request(served, chromium):
    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{chromium}/json/list") as response:
            page = next(t for t in await response.json() if t["type"] == "page")
        async with http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            devtools = DevTools(ws)
            await devtools.send("Network.enable")
            await devtools.send("Page.enable")
            await devtools.send("Page.navigate", url=served["url"])
            # Nobody clicks: the board must draw itself.
            await wait_until(lambda: "KPP Uji Coba" in terminal_text(devtools), 20,
                             "the board's office name in the browser")
            await wait_until(lambda: "Berikutnya" in terminal_text(devtools)
                             and "LOKET" in terminal_text(devtools), 10, "the board's lists")
            state = await devtools.send("Runtime.evaluate", returnByValue=True, expression=(
                "[document.querySelector('.textual-terminal').classList.contains('-connected'),"
                " document.body.classList.contains('-first-byte'),"
                " document.querySelectorAll('button').length]"))
            assert state["result"]["value"] == [True, True, 0]
            shot = await devtools.send("Page.captureScreenshot", format="png")
            png = base64.b64decode(shot["data"])
            text = terminal_text(devtools)
            requests = [r["request"]["url"] for r in devtools.of("Network.requestWillBeSent")]
            requests += [w["url"] for w in devtools.of("Network.webSocketCreated")]
            devtools.reader.cancel()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    colours = Image.open(io.BytesIO(png)).convert("RGB").getcolors(1 << 20)
    assert colours and len(colours) > 20  # a drawn board, not a blank page
    assert "Budi" not in text and "Santoso" not in text  # rule 6 holds on the web too
    assert requests, "no request seen at all"
    outside = [url for url in requests
               if urlparse(url).scheme not in ("data", "blob", "about")
               and urlparse(url).hostname not in LOCAL_HOSTS]
    assert outside == []


def test_a_taken_port_is_one_line_not_a_traceback(sqlite_url):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "kiosk", "--db", sqlite_url, "--office", str(ALWAYS_OPEN),
             "serve", "board", "--host", "127.0.0.1", "--port", str(port)],
            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"127.0.0.1:{port}" in result.stderr.strip().splitlines()[-1]
