"""Mistyped ports and database URLs: one line (in the language of --lang for a database URL)
and exit 2 or 4, never a traceback. Real processes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ALWAYS_OPEN
from test_store_init import one_line


def kiosk(*args):
    return subprocess.run([sys.executable, "-m", "kiosk", "--office", str(ALWAYS_OPEN), *args],
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("port", ["99999", "-1", "0", "65536"])
def test_a_port_out_of_range(sqlite_url, port):
    one_line(kiosk("--db", sqlite_url, "serve", "board", "--port", port), 2,
             "port", "65535", "harus")


@pytest.mark.parametrize("url, why", [("postgresql://u:secret@127.0.0.1:99999/x", "Port"),
                                      ("postgresql://u:secret@[::1/x", "IPv6")])
@pytest.mark.parametrize("command", [["status"], ["init"], ["board"]])
def test_a_broken_database_url(url, why, command):
    line = one_line(kiosk("--db", url, *command), 4, why, "Basis data")
    assert "secret" not in line  # the password is never printed
    line = one_line(kiosk("--db", url, "--lang", "en", *command), 4, why, "database")
    assert "secret" not in line and "Basis data" not in line
