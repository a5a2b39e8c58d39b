"""PostgreSQL roles: after `kiosk init-roles`, the terminals' role books and calls as
before but cannot change, delete or truncate audit entries, nor disable their trigger,
nor drop the table. Roles are the cluster's, so the test runs a throwaway cluster of
its own (as the postgres OS user: initdb refuses root) instead of the shared server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from kiosk.desk.officers import Officers
from kiosk.desk.store import open_desk

from tests.conftest import ALWAYS_OPEN


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(*cmd: str) -> list[str]:
    return list(cmd) if os.getuid() != 0 else ["runuser", "-u", "postgres", "--", *cmd]


@pytest.fixture(scope="module")
def cluster():
    if not shutil.which("initdb") or not shutil.which("pg_ctl"):
        pytest.skip("no PostgreSQL server programs here")
    if os.getuid() == 0 and not shutil.which("runuser"):
        pytest.skip("running as root without runuser")
    folder = Path(tempfile.mkdtemp(prefix="kiosk-roles-"))  # pytest's folder is root's only
    data = folder / "data"
    if os.getuid() == 0:
        shutil.chown(folder, "postgres")
    port = _free_port()
    subprocess.run(_as_postgres("initdb", "-D", str(data), "-U", "postgres", "--auth=trust",
                                "-E", "UTF8"), check=True, capture_output=True, timeout=120)
    subprocess.run(_as_postgres("pg_ctl", "-D", str(data), "-w", "-l", str(folder / "log"),
                                "-o", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1",
                                "start"), check=True, capture_output=True, timeout=120)
    try:
        import psycopg2

        admin = psycopg2.connect(host="127.0.0.1", port=port, user="postgres", dbname="postgres")
        admin.autocommit = True
        admin.cursor().execute("CREATE DATABASE kiosk")
        admin.close()
        yield port
    finally:
        subprocess.run(_as_postgres("pg_ctl", "-D", str(data), "-m", "fast", "stop"),
                       capture_output=True, timeout=120)
        shutil.rmtree(folder, ignore_errors=True)


def _kiosk(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL, env=dict(os.environ))


@pytest.fixture(scope="module")
def terminal(cluster):
    admin_url = f"postgresql://postgres@127.0.0.1:{cluster}/kiosk"
    open_desk(admin_url, ALWAYS_OPEN, create=True).db.close()  # the store, created by the administrator
    done = _kiosk("init-roles", "--owner", "kiosk_owner", "--terminal", "kiosk_terminal",
                  "--db", admin_url, "--office", str(ALWAYS_OPEN))
    assert done.returncode == 0, done.stderr
    assert "kiosk_owner" in done.stdout
    return f"postgresql://kiosk_terminal@127.0.0.1:{cluster}/kiosk"


def _as_terminal(url: str, sql: str) -> None:
    import psycopg2

    conn = psycopg2.connect(url)
    conn.autocommit = True
    try:
        conn.cursor().execute(sql)
    finally:
        conn.close()


def test_the_terminal_does_its_work(terminal):
    desk = open_desk(terminal, ALWAYS_OPEN)
    desk.book("perpajakan", "Yohanes Ndun")
    officers = Officers(desk)
    officers.add("Sari Dewi", "supervisor", "482913", actor="setup")
    officers.login("Sari Dewi", "482913", counter=1)
    assert desk.call_next(1, "Sari Dewi").number == 1
    assert officers.verify_audit().ok
    desk.db.close()


@pytest.mark.parametrize("sql", [
    "UPDATE audit_entry SET actor = 'someone else'",
    "DELETE FROM audit_entry",
    "TRUNCATE audit_entry",
    "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change",
    "DROP TRIGGER audit_entry_no_change ON audit_entry",
    "DROP TABLE audit_entry CASCADE",
    "ALTER SCHEMA public RENAME TO elsewhere",
])
def test_the_terminal_cannot_touch_the_audit_log(terminal, sql):
    import psycopg2

    open_desk(terminal, ALWAYS_OPEN).book("aplikasi", "Maria Lake")  # an entry to aim at
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        _as_terminal(terminal, sql)
    done = _kiosk("audit", "verify", "--db", terminal, "--office", str(ALWAYS_OPEN))
    assert done.returncode == 0, done.stdout + done.stderr


def test_init_roles_on_sqlite_says_it_is_for_postgresql(sqlite_url):
    done = _kiosk("init-roles", "--owner", "a", "--terminal", "b", "--db", sqlite_url,
                  "--office", str(ALWAYS_OPEN))
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "PostgreSQL" in done.stderr


def test_init_makes_the_store_and_the_roles(cluster):
    """`kiosk init --owner … --terminal …`: the store and the roles in the one first step;
    the terminals' role then works and cannot touch the audit log."""
    import psycopg2

    admin = psycopg2.connect(host="127.0.0.1", port=cluster, user="postgres", dbname="postgres")
    admin.autocommit = True
    admin.cursor().execute("CREATE DATABASE kiosk_init")
    admin.close()
    admin_url = f"postgresql://postgres@127.0.0.1:{cluster}/kiosk_init"
    done = _kiosk("init", "--owner", "init_owner", "--terminal", "init_terminal",
                  "--db", admin_url, "--office", str(ALWAYS_OPEN))
    assert done.returncode == 0, done.stderr
    assert "init_owner" in done.stdout and "init_terminal" in done.stdout
    terminal = f"postgresql://init_terminal@127.0.0.1:{cluster}/kiosk_init"
    desk = open_desk(terminal, ALWAYS_OPEN)
    assert desk.book("perpajakan", "Yohanes Ndun").number == 1
    desk.db.close()
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        _as_terminal(terminal, "DELETE FROM audit_entry")


@pytest.mark.parametrize("args", [["--owner", "a"], ["--owner", "a", "--terminal", "b"]])
def test_init_with_roles_on_sqlite_or_half_given_makes_nothing(tmp_path, args):
    path = tmp_path / "kiosk.db"
    done = _kiosk("init", *args, "--db", str(path), "--office", str(ALWAYS_OPEN))
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert "--owner" in done.stderr
    assert not path.exists()
