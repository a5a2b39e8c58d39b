"""A `kiosk serve …` process of a test: waited for until it listens, stopped as a unit
would stop it (SIGTERM, then kill)."""

from __future__ import annotations

import signal
import socket
import subprocess
import time


def wait_listening(process: subprocess.Popen, port: int, what: str, seconds: float = 20) -> None:
    """Until ``port`` takes a connection; a process that ended says its output."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            assert process.poll() is None, process.stdout.read().decode() if process.stdout else ""
            assert time.monotonic() < deadline, f"{what} did not start"
            time.sleep(0.1)


def stop(process: subprocess.Popen, seconds: float = 15) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
