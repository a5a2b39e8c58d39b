"""One more viewer of the web board: the memory and CPU the server (and its board
processes) take for one more browser.

Two boards are served. ``kiosk serve board`` is the TV page: one follower of the store for
every viewer, each viewer an SSE stream (``/events``), stood in for by an HTTP client that
holds the stream open and reads it. ``kiosk serve board --terminal`` is the terminal board
through textual-serve, a board process per browser, stood in for by a websocket client that
speaks textual-serve's protocol the way textual.js does (the page's size, then reads what
the board draws). The figure is the change in the whole process tree (the server and its
children) from one viewer to two: resident memory (RSS) and proportional memory (PSS, which
counts a page shared by two processes half to each), from /proc, and idle CPU."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Coroutine

from benchmarks.apps import TICK


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree(pid: int) -> list[int]:
    """``pid`` and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, ()))
    return found


def memory_kb(pids: list[int]) -> tuple[int, int]:
    """(RSS, PSS) of these processes together, in kB."""
    rss = pss = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            continue
    return rss, pss


def cpu_s(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICK
        except OSError:
            continue
    return total


async def _viewers(port: int, server: subprocess.Popen, settle: float, idle: float,
                   terminal: bool) -> dict:
    import aiohttp

    readers = []

    async def drain(ws) -> None:
        async for _ in ws:
            pass

    async def drain_stream(response) -> None:
        async for _ in response.content:
            pass

    async def connect(http) -> None:
        if terminal:
            ws = await http.ws_connect(f"ws://127.0.0.1:{port}/ws?width=100&height=30",
                                       max_msg_size=0)
            await ws.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))
            readers.append(asyncio.create_task(drain(ws)))
        else:  # the TV page's stream of pictures, as its EventSource holds it
            response = await http.get(f"http://127.0.0.1:{port}/events",
                                      timeout=aiohttp.ClientTimeout(total=None))
            response.raise_for_status()
            readers.append(asyncio.create_task(drain_stream(response)))

    def sample() -> tuple[int, int, int]:
        pids = tree(server.pid)
        return (len(pids), *memory_kb(pids))

    async with aiohttp.ClientSession() as http:
        steps = []
        for _ in range(2):
            await connect(http)
            await asyncio.sleep(settle)  # the board started, drew, and is idle
            pids = tree(server.pid)
            cpu, wall = cpu_s(pids), time.monotonic()
            await asyncio.sleep(idle)
            idle_pct = 100 * (cpu_s(pids) - cpu) / (time.monotonic() - wall)
            steps.append((*sample(), idle_pct))
        for task in readers:
            task.cancel()
    (n1, rss1, pss1, cpu1), (n2, rss2, pss2, cpu2) = steps
    return {"board": "terminal (textual-serve)" if terminal else "TV page (SSE)",
            "processes": [n1, n2], "rss_mb": (rss2 - rss1) / 1024, "pss_mb": (pss2 - pss1) / 1024,
            "cpu_pct": cpu2 - cpu1, "tree_rss_mb_with_two": rss2 / 1024,
            "tree_pss_mb_with_two": pss2 / 1024, "tree_cpu_pct_with_two": cpu2}


def one_more_viewer(db: str, office: str, settle: float = 4.0, idle: float = 5.0,
                    terminal: bool = False) -> dict | None:
    """What a second browser adds to the web board's process tree (memory, idle CPU): the
    TV page, or with ``terminal`` the terminal board through textual-serve."""
    return served(db, ["--office", office, "serve", "board",
                       *(["--terminal"] if terminal else [])],
                  lambda port, server: _viewers(port, server, settle, idle, terminal))


def served(db: str, kiosk_args: list[str],
           measure: Callable[[int, subprocess.Popen], Coroutine[Any, Any, dict]]) -> dict | None:
    """``measure(port, server)`` against `kiosk ...kiosk_args --host 127.0.0.1 --port P` on
    the store ``db`` once it listens (None if it never does); then the server stopped, and
    every process it started (a browser's board or counter) with it: none may outlive the
    run. The store's URL goes in KIOSK_DB, as the units pass it: not on the argv."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "kiosk", *kiosk_args,
                               "--host", "127.0.0.1", "--port", str(port)],
                              env={**os.environ, "KIOSK_DB": db},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    return None
                time.sleep(0.1)
        return asyncio.run(measure(port, server))
    finally:
        started = tree(server.pid)[1:]
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        for pid in started:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass