"""A throwaway PostgreSQL 15 cluster for the tests that stop, restart or freeze the server.

The machine's shared cluster (port 5432) serves other test runs at the same time, so a
fault test never touches it: it gets a cluster of its own in a temporary folder, on a free
port, with its unix socket in that folder and the same ``kiosk`` role and ``kiosk_test``
database as CI. The server binaries refuse to run as root: they run as ``postgres``.
Every wait is on an event (``pg_ctl -w``, a connect loop with a deadline), never a sleep.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path("/usr/lib/postgresql/15/bin")
# Speed over durability: the cluster lives for one test run. fsync off makes initdb and
# every commit cheap; the server still behaves as it does in the office otherwise.
SETTINGS = """
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '{socket_dir}'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 16MB
max_connections = 40
"""
# Waits for the end of its test run, however it ends (a failure, ctrl+c, SIGTERM, SIGKILL):
# its stdin is a pipe only the run holds, so the end of the run is the end of the input.
WATCHDOG = """
import os, shutil, signal, subprocess, sys
sys.stdin.read()
root, data = sys.argv[1], sys.argv[1] + "/data"
try:  # a run killed while its server was frozen (SIGSTOP): a stopped server hears no stop
    main = int(open(data + "/postmaster.pid").read().split()[0])
    kids = open(f"/proc/{main}/task/{main}/children").read().split()
    for pid in [main, *map(int, kids)]:
        os.kill(pid, signal.SIGCONT)
except (OSError, ValueError):
    pass
subprocess.run(["runuser", "-u", "postgres", "--", sys.argv[2], "stop", "-D", data,
                "-m", "immediate"], capture_output=True, stdin=subprocess.DEVNULL)
shutil.rmtree(root, ignore_errors=True)
"""


def problem() -> str | None:
    """Why this machine cannot make a throwaway cluster, or None."""
    missing = [name for name in ("initdb", "pg_ctl", "postgres") if not (BIN / name).exists()]
    if missing:
        return f"PostgreSQL 15 binaries missing in {BIN}: {', '.join(missing)}"
    if os.geteuid() != 0:
        return "a throwaway cluster runs its server as the postgres user: needs root"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgCluster:
    """One cluster in ``root``. ``base_url`` is its ``kiosk_test`` database; ``url`` is what
    a test uses (conftest's ``own_pg`` points it at a fresh schema there)."""

    def __init__(self, settings: str = "") -> None:
        self.settings = settings  # more postgresql.conf lines (the purge test's wal_recycle)
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))
        self.data, self.log = self.root / "data", self.root / "server.log"
        self.port = 0
        self.url = ""
        self._paused: list[int] = []
        shutil.chown(self.root, "postgres", "postgres")
        # A session of its own: a signal to the run's process group leaves it to clean up.
        self._watchdog = subprocess.Popen(
            [sys.executable, "-c", WATCHDOG, str(self.root), str(BIN / "pg_ctl")],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)

    @property
    def base_url(self) -> str:
        return f"postgresql://kiosk:kiosk@127.0.0.1:{self.port}/kiosk_test"

    # ----- life -------------------------------------------------------------------------

    def create(self) -> "PgCluster":
        self._as_postgres("initdb", "-D", self.data, "-U", "postgres", "-E", "UTF8",
                          "--no-sync", "--auth-local=trust", "--auth-host=scram-sha-256")
        for _ in range(3):  # another run may take the free port first: pick another
            self.port = free_port()
            with open(self.data / "postgresql.conf", "a") as conf:
                conf.write(SETTINGS.format(port=self.port, socket_dir=self.root) + self.settings)
            if self._pg_ctl("start", check=False).returncode == 0:
                break
        else:
            raise RuntimeError(f"the throwaway cluster did not start:\n{self.log_tail()}")
        self.admin("CREATE ROLE kiosk LOGIN PASSWORD 'kiosk'")
        self.admin("CREATE DATABASE kiosk_test OWNER kiosk")
        self.url = self.base_url
        return self

    def stop(self) -> None:
        """A clean, fast shutdown: open connections are closed by the server."""
        self.resume()
        self._pg_ctl("stop", "-m", "fast")

    def start(self) -> None:
        self._pg_ctl("start")
        self.wait_ready()

    def restart(self) -> None:
        self.resume()
        self._pg_ctl("restart", "-m", "fast")
        self.wait_ready()

    def pause(self) -> None:
        """Freeze the server (SIGSTOP, the postmaster first so it forks nothing new): it
        accepts TCP connections and answers nothing, like a hung host."""
        main = self.pid()
        os.kill(main, signal.SIGSTOP)
        self._paused = [main, *self._children(main)]
        for pid in self._paused[1:]:
            os.kill(pid, signal.SIGSTOP)

    def resume(self) -> None:
        for pid in reversed(self._paused):
            try:
                os.kill(pid, signal.SIGCONT)
            except ProcessLookupError:
                pass
        self._paused = []

    def ensure_running(self) -> None:
        """After a test, whatever it did (or failed half-way through): the server up."""
        self.resume()
        if not self.running():
            self.start()

    def remove(self) -> None:
        """Stop the server at once and delete the folder; safe to call twice."""
        if self.root.exists():
            self.resume()
            if self.running():
                self._pg_ctl("stop", "-m", "immediate", check=False)
            shutil.rmtree(self.root, ignore_errors=True)
        if self._watchdog.stdin and not self._watchdog.stdin.closed:
            self._watchdog.stdin.close()  # nothing left for it to do
            self._watchdog.wait(30)

    # ----- looking ----------------------------------------------------------------------

    def running(self) -> bool:
        return self._pg_ctl("status", check=False).returncode == 0

    def pid(self) -> int:
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def wait_ready(self, timeout: float = 30) -> None:
        """Until the kiosk role can connect (pg_ctl -w already waited for the postmaster)."""
        import psycopg2

        deadline = time.monotonic() + timeout
        while True:
            try:
                psycopg2.connect(self.base_url, connect_timeout=2).close()
                return
            except psycopg2.OperationalError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the throwaway cluster is not ready:\n{self.log_tail()}")
                time.sleep(0.05)  # the next try of a polled condition, not a fixed wait

    def admin(self, sql: str, dbname: str = "postgres") -> None:
        """One statement as the superuser, through the cluster's own socket."""
        import psycopg2

        conn = psycopg2.connect(host=str(self.root), port=self.port, user="postgres",
                                dbname=dbname, connect_timeout=5)
        conn.autocommit = True
        try:
            conn.cursor().execute(sql)
        finally:
            conn.close()

    def files(self) -> list[Path]:
        """Every regular file of the cluster: the tables (base/), the WAL (pg_wal/), the rest."""
        return [p for p in self.data.rglob("*") if p.is_file()]

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text().splitlines()[-lines:])
        except OSError:
            return "(no server log)"

    # ----- helpers ----------------------------------------------------------------------

    def _pg_ctl(self, action: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        done = self._as_postgres("pg_ctl", action, "-D", self.data, "-l", self.log, "-w",
                                 "-t", "60", *args, check=False)
        if check and done.returncode != 0:
            raise RuntimeError(f"pg_ctl {action} failed: {done.stderr.strip()}\n{self.log_tail()}")
        return done

    def _as_postgres(self, program: str, *args, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(["runuser", "-u", "postgres", "--", str(BIN / program),
                               *map(str, args)], capture_output=True, text=True, timeout=120,
                              check=check, cwd=self.root, stdin=subprocess.DEVNULL)

    @staticmethod
    def _children(parent: int) -> list[int]:
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(fields[1]) == parent:
                    found.append(int(entry.name))
        return found
