"""Memory, CPU and latency of the two web boards per viewer (README "Web board" figures).

    PYTHONPATH=$PWD python3 benchmarks/board_viewers.py
Starts `kiosk serve board` (the TV page) and `kiosk serve board --terminal` (textual-serve)
over a fresh SQLite store, connects 1 and then 10 viewers (SSE streams / websockets), and
reports the resident memory of the server and its children, their CPU over 10 idle seconds,
and the time from `call-next` to a viewer receiving the new picture.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
OFFICE = ROOT / "tests" / "profiles" / "always-open.toml"


def tree(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [pid] + [p for child in out for p in tree(int(child))]


def rss_kb(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def cpu_ticks(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return total


async def measure(terminal: bool, db: str) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "KIOSK_DB": db}
    server = subprocess.Popen([sys.executable, "-m", "kiosk", "--office", str(OFFICE), "serve",
                               "board", "--port", str(port), *(["--terminal"] if terminal else [])],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    await asyncio.sleep(2)
    name = "terminal (textual-serve)" if terminal else "TV page (SSE)"
    base = rss_kb(tree(server.pid))
    print(f"{name}: server alone {base / 1024:.1f} MB")
    async with aiohttp.ClientSession() as http:
        viewers: list = []
        for count in (1, 10):
            while len(viewers) < count:
                if terminal:
                    viewers.append(await http.ws_connect(
                        f"ws://127.0.0.1:{port}/ws?width=160&height=45"))
                else:
                    viewers.append(await http.get(f"http://127.0.0.1:{port}/events"))
            await asyncio.sleep(6 if terminal else 1)
            pids = tree(server.pid)
            used = rss_kb(pids)
            before = cpu_ticks(pids)
            await asyncio.sleep(10)
            ticks = cpu_ticks(tree(server.pid)) - before
            print(f"  {count:>2} viewers: {used / 1024:.1f} MB ({(used - base) / 1024 / count:.1f}"
                  f" MB a viewer), CPU idle {ticks / os.sysconf('SC_CLK_TCK') / 10 * 100:.1f} %")
        if not terminal:  # latency: a counter's call-next -> the first viewer's next picture
            from kiosk.desk.store import open_desk

            desk, stream = open_desk(db, OFFICE), viewers[0].content
            for _ in range(5):
                started = time.monotonic()
                ticket = desk.call_next(1, "Petugas")
                while b"event: state" not in await stream.readline():
                    pass
                print(f"  call-next -> page: {(time.monotonic() - started) * 1000:.0f} ms")
                desk.start(ticket.code, 1, "Petugas")
                desk.finish(ticket.code, 1, "Petugas", "NPWP")
                while b"event: state" not in await stream.readline():
                    pass
            desk.db.close()
        for viewer in viewers:
            viewer.close() if not terminal else await viewer.close()
    server.terminate()
    server.wait(10)


def main() -> None:
    db = os.path.join(tempfile.mkdtemp(), "kiosk.db")
    subprocess.run([sys.executable, "-m", "kiosk", "--db", db, "init"], capture_output=True)
    for i in range(12):
        subprocess.run([sys.executable, "-m", "kiosk", "--db", db, "--office", str(OFFICE),
                        "book", "perpajakan", "--name", f"Budi {'ABCDEFGHIJKL'[i]}"],
                       capture_output=True)
    asyncio.run(measure(False, db))
    asyncio.run(measure(True, db))


if __name__ == "__main__":
    main()
