"""A small throwaway PostgreSQL 15 cluster whose files a test may read (the purge's scan).

Stand-in until tests/pg_cluster.py (the ``own_pg`` fixture) lands on main. The server
binaries refuse root: they run as ``postgres``. Waits are on ``pg_ctl -w``, never sleeps.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

BIN = Path("/usr/lib/postgresql/15/bin")


def problem() -> str | None:
    if not (BIN / "initdb").exists():
        return f"PostgreSQL 15 binaries missing in {BIN}"
    if os.geteuid() != 0:
        return "a throwaway cluster runs its server as the postgres user: needs root"
    return None


class OwnCluster:
    def __init__(self, settings: str = "") -> None:
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-pgpurge-"))
        self.data = self.root / "data"
        shutil.chown(self.root, "postgres", "postgres")
        self._run("initdb", "-D", self.data, "-U", "postgres", "-E", "UTF8", "--no-sync",
                  "--auth-local=trust", "--auth-host=scram-sha-256")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(f"listen_addresses = '127.0.0.1'\nport = {self.port}\n"
                       f"unix_socket_directories = '{self.root}'\nfsync = off\n{settings}\n")
        self._run("pg_ctl", "start", "-D", self.data, "-l", self.root / "log", "-w")
        self.admin("CREATE ROLE kiosk LOGIN PASSWORD 'kiosk'")
        self.admin("CREATE DATABASE kiosk_test OWNER kiosk")
        self.url = f"postgresql://kiosk:kiosk@127.0.0.1:{self.port}/kiosk_test"

    def admin(self, sql: str, dbname: str = "postgres") -> None:
        import psycopg2

        conn = psycopg2.connect(host=str(self.root), port=self.port, user="postgres", dbname=dbname)
        conn.autocommit = True
        try:
            conn.cursor().execute(sql)
        finally:
            conn.close()

    def files(self) -> list[Path]:
        """Every regular file of the cluster: the tables (base/), the WAL (pg_wal/), the rest."""
        return [p for p in self.data.rglob("*") if p.is_file()]

    def remove(self) -> None:
        self._run("pg_ctl", "stop", "-D", self.data, "-m", "immediate", check=False)
        shutil.rmtree(self.root, ignore_errors=True)

    def _run(self, program: str, *args, check: bool = True) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--", str(BIN / program), *map(str, args)],
                       capture_output=True, timeout=120, check=check, cwd=self.root,
                       stdin=subprocess.DEVNULL)
