"""Memory, CPU and latency of the two web boards per viewer (README "Web board" figures).

    PYTHONPATH=$PWD python3 benchmarks/board_viewers.py
Starts `kiosk serve board` (the TV page) and `kiosk serve board --terminal` (textual-serve)
over a fresh SQLite store, connects 1 and then 10 viewers (SSE streams / websockets), and
reports the resident memory of the server and its children, their CPU over 10 idle seconds,
and the time from `call-next` to a viewer receiving the picture that shows that call: over
200 calls (the quota raised for them), the median, p99 and max.

    PYTHONPATH=$PWD python3 benchmarks/board_viewers.py [--calls 200]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
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


def cpu_ticks(pids: list[int]) -> dict[int, int]:
    """Each process's user+system clock ticks so far."""
    ticks = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks[pid] = int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return ticks


def ticks_between(before: dict[int, int], after: dict[int, int]) -> int:
    """The ticks spent between two readings by the processes alive at both: a process that
    ended (or began) in between would count its whole life, or minus it."""
    return sum(after[pid] - before[pid] for pid in after.keys() & before.keys())


async def measure(terminal: bool, db: str, calls: int) -> None:
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
            ticks = ticks_between(before, cpu_ticks(tree(server.pid)))
            print(f"  {count:>2} viewers: {used / 1024:.1f} MB ({(used - base) / 1024 / count:.1f}"
                  f" MB a viewer), CPU idle {ticks / os.sysconf('SC_CLK_TCK') / 10 * 100:.1f} %")
        if not terminal:  # latency: a counter's call-next -> the first viewer's next picture
            from kiosk.desk.store import open_desk

            desk, stream = open_desk(db, OFFICE), viewers[0].content

            async def picture_where(holds) -> None:
                """Read the stream up to the first picture (a state's JSON) that ``holds``."""
                while True:
                    line = await stream.readline()
                    if line.startswith(b"data:"):
                        state = json.loads(line[5:])
                        if "calling" in state and holds(state):
                            return

            def calling(code: str, state: dict) -> bool:
                return any(key.startswith(f"{code}@") for key in state["calling"])

            desk.set_quota(desk.today(), calls + 20, "benchmark", "Petugas")
            for i in range(calls):
                desk.book("perpajakan", f"Budi {'ABCDEFGHIJ'[i // 100 % 10]}"
                                        f"{'ABCDEFGHIJ'[i // 10 % 10]}{'ABCDEFGHIJ'[i % 10]}")
            waiting = len(desk.status().waiting)
            await picture_where(lambda state: len(state["waiting"]) == waiting)  # all booked
            took = []
            for _ in range(calls):
                started = time.monotonic()
                ticket = desk.call_next(1, "Petugas")
                await picture_where(lambda state: calling(ticket.code, state))  # this call's
                took.append((time.monotonic() - started) * 1000)
                desk.start(ticket.code, 1, "Petugas")
                desk.finish(ticket.code, 1, "Petugas", "NPWP")
                await picture_where(lambda state: not calling(ticket.code, state))
            took.sort()
            tail = (f"p99 {took[int(len(took) * 0.99) - 1]:.0f} ms" if len(took) >= 200
                    else f"max {took[-1]:.0f} ms (fewer than 200 calls: no p99)")
            print(f"  call-next -> page, {len(took)} calls: median {statistics.median(took):.0f}"
                  f" ms, {tail}, best {took[0]:.0f} ms, worst {took[-1]:.0f} ms, over 250 ms:"
                  f" {sum(t > 250 for t in took)}")
            desk.db.close()
        for viewer in viewers:
            viewer.close() if not terminal else await viewer.close()
    server.terminate()
    server.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200, help="call-next samples (≥ 200: a p99)")
    args = parser.parse_args()
    db = os.path.join(tempfile.mkdtemp(), "kiosk.db")
    subprocess.run([sys.executable, "-m", "kiosk", "--db", db, "init"], capture_output=True)
    for i in range(12):
        subprocess.run([sys.executable, "-m", "kiosk", "--db", db, "--office", str(OFFICE),
                        "book", "perpajakan", "--name", f"Budi {'ABCDEFGHIJKL'[i]}"],
                       capture_output=True)
    asyncio.run(measure(False, db, args.calls))
    asyncio.run(measure(True, db, args.calls))


if __name__ == "__main__":
    main()
