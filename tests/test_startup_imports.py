"""A role's first frame loads only what that frame needs (issue 18: start-up ≤ 1.3× a bare
Textual app). What comes later is loaded when first used: argon2 at the first PIN, the
commands' module and the office's box of commands by a command, the PostgreSQL driver on a
PostgreSQL store, wave at the board's first chime."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# `kiosk ROLE ...` through main(), headless; prints the loaded modules at the first frame.
FIRST_FRAME = r"""
import os, sys
from textual.app import App

display = App._display


def first(self, screen, update):
    display(self, screen, update)
    if update is not None:
        print(" ".join(sorted(m for m, mod in sys.modules.items() if mod is not None)), flush=True)
        os._exit(0)


App._display = first
run = App.run
App.run = lambda self, *args, **kwargs: run(self, headless=True, size=(80, 24))
from kiosk.cli.main import main

sys.exit(main(sys.argv[1:]))
"""

NOT_AT_START = ("argon2", "_argon2_cffi_bindings", "kiosk.cli.commands", "kiosk.cli.office_box",
                "kiosk.cli.serve", "psycopg2", "wave")


@pytest.mark.parametrize("role", ["lobby", "board", "counter"])
def test_a_role_starts_without_what_its_first_frame_does_not_use(role, sqlite_url):
    done = subprocess.run([sys.executable, "-c", FIRST_FRAME, role, "--db", sqlite_url],
                          capture_output=True, text=True, timeout=120, env=dict(os.environ))
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert "kiosk.app.app" in loaded  # the first frame was reached through the role's app
    assert sorted(loaded & set(NOT_AT_START)) == []
