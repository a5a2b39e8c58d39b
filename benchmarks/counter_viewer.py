"""One more counter in a browser (`kiosk serve counter`): the memory and CPU one more
officer's browser adds to the server's process tree.

    PYTHONPATH=$PWD python3 -m benchmarks.counter_viewer
Each browser of /counter/N/ gets a `kiosk counter --counter N` process of its own
(textual-serve); a browser is stood in for by a websocket client that speaks textual-serve's
protocol as textual.js does (benchmarks/viewer.py). The figure is the change in the whole
tree from the first browser to the second (RSS, PSS) and its idle CPU, at the login screen.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.viewer import cpu_s, memory_kb, served, tree

OFFICE = Path(__file__).resolve().parents[1] / "tests" / "profiles" / "always-open.toml"


async def _two_browsers(port: int, server: subprocess.Popen, settle: float, idle: float) -> dict:
    import aiohttp

    steps, readers = [], []

    async def drain(ws) -> None:
        async for _ in ws:
            pass

    async with aiohttp.ClientSession() as http:
        for counter in (1, 2):
            ws = await http.ws_connect(
                f"ws://127.0.0.1:{port}/counter/{counter}/ws?width=100&height=30", max_msg_size=0)
            await ws.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))
            readers.append(asyncio.create_task(drain(ws)))
            await asyncio.sleep(settle)  # the counter started, drew its login, and is idle
            pids = tree(server.pid)
            cpu, wall = cpu_s(pids), time.monotonic()
            await asyncio.sleep(idle)
            idle_pct = 100 * (cpu_s(pids) - cpu) / (time.monotonic() - wall)
            steps.append((len(pids), *memory_kb(pids), idle_pct))
        for task in readers:
            task.cancel()
    (n1, rss1, pss1, cpu1), (n2, rss2, pss2, cpu2) = steps
    return {"processes": [n1, n2], "rss_mb": (rss2 - rss1) / 1024, "pss_mb": (pss2 - pss1) / 1024,
            "cpu_pct": cpu2 - cpu1, "tree_rss_mb_with_two": rss2 / 1024}


def one_more_counter(db: str, office: str | Path = OFFICE, settle: float = 4.0,
                     idle: float = 5.0) -> dict | None:
    """What a second officer's browser adds to `kiosk serve counter` (memory, idle CPU)."""
    return served(db, ["--office", str(office), "serve", "counter"],
                  lambda port, server: _two_browsers(port, server, settle, idle))


if __name__ == "__main__":
    store = os.path.join(tempfile.mkdtemp(), "kiosk.db")
    subprocess.run([sys.executable, "-m", "kiosk", "--db", store, "init"], capture_output=True)
    print(json.dumps(one_more_counter(store), indent=2))
