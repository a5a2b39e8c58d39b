"""A store is made only by `kiosk init`: a missing or mistyped one is refused, never
silently made empty (which would hand out number 1 again). Real processes, both engines."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ALWAYS_OPEN, _pg_base, require_pg


def kiosk(url, *args):
    return subprocess.run([sys.executable, "-m", "kiosk", "--db", url, "--office", str(ALWAYS_OPEN),
                           *args], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)


def one_line(result, code, *words):
    assert result.returncode == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def no_store(bare_store_url):
    """Where a store would be, with none made yet (an empty schema on PostgreSQL)."""
    return bare_store_url


@pytest.mark.parametrize("command", [["book", "perpajakan", "--name", "Ani"], ["status"],
                                     ["call-next", "--counter", "1"]])
def test_no_command_makes_a_store(no_store, command):
    line = one_line(kiosk(no_store, *command), 4, "kiosk init", "cadangan")
    assert "Tidak ada basis data" in line
    line = one_line(kiosk(no_store, "--lang", "en", *command), 4, "kiosk init", "backup")
    assert "There is no database" in line
    if "://" not in no_store:
        assert not os.path.exists(no_store)
        assert os.listdir(os.path.dirname(no_store)) == []  # no -wal, -shm, nothing


def test_init_makes_the_store_once_and_says_so(no_store):
    made = kiosk(no_store, "init")
    assert made.returncode == 0, made.stderr
    assert "dibuat" in made.stdout
    assert kiosk(no_store, "book", "perpajakan", "--name", "Ani").returncode == 0
    again = kiosk(no_store, "init")
    assert again.returncode == 0, again.stderr
    assert "sudah ada" in again.stdout
    again = kiosk(no_store, "--lang", "en", "init")
    assert again.returncode == 0 and "already exists" in again.stdout, again.stderr
    status = json.loads(kiosk(no_store, "status", "--json").stdout)
    assert [t["number"] for t in status["tickets"]] == [1]  # init kept the booking


def test_a_deleted_file_is_not_made_again(tmp_path):
    path = str(tmp_path / "kiosk.db")
    assert kiosk(path, "init").returncode == 0
    assert kiosk(path, "book", "perpajakan", "--name", "Ani").returncode == 0
    os.unlink(path)
    one_line(kiosk(path, "book", "perpajakan", "--name", "Budi"), 4, "kiosk init", "cadangan")
    assert not os.path.exists(path)


def test_a_mistyped_folder_is_refused_the_same_way(tmp_path):
    one_line(kiosk(str(tmp_path / "no-such-folder" / "kiosk.db"), "status"), 4, "kiosk init")


@pytest.mark.parametrize("role", ["board", "counter", "lobby"])
def test_a_role_refuses_a_missing_store(tmp_path, role):
    path = str(tmp_path / "kiosk.db")
    one_line(kiosk(path, role), 4, "kiosk init")
    assert not os.path.exists(path)


def test_init_on_postgresql_makes_the_schema(pg_url):
    require_pg()
    import psycopg2

    assert kiosk(pg_url, "init").returncode == 0
    schema = pg_url.rsplit("%3D", 1)[1]
    conn = psycopg2.connect(_pg_base())
    try:
        cur = conn.cursor()
        cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = %s",
                    (schema,))
        assert cur.fetchone()[0] >= 5
    finally:
        conn.close()
