"""A log file per role in the user's log folder, rotated, with every refusal and store fault
and none of the personal data that was typed with them."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import sqlite3
import subprocess
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from conftest import ALWAYS_OPEN, KUPANG
from data.database import init_store
from kiosk.app import role_log
from kiosk.app.store_thread import StoreThread
from kiosk.desk.errors import InvalidInput
from kiosk.desk.store import open_desk

ROOT = Path(__file__).resolve().parent.parent
NAME, NPWP, PHONE = "Siti Rahayu Ndolu", "01.312.166.0-091.000", "0813 3911 2233"
PERSONAL = (NAME, "Siti", "Rahayu", "Ndolu", NPWP, "013121660091000", "312.166", PHONE,
            "3911 2233", "081339112233")


def kiosk(state: Path, *args: str, office: Path = ALWAYS_OPEN) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_STATE_HOME": str(state)}
    return subprocess.run([sys.executable, "-m", "kiosk", "--office", str(office), *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def the_log(state: Path, role: str) -> str:
    path = state / "helpdesk-kiosk" / "log" / f"{role}.log"
    assert path.is_file(), f"no {path}"
    return path.read_text(encoding="utf-8")


def no_personal_data(text: str) -> None:
    for word in PERSONAL:
        assert word not in text, f"{word!r} is in the log"


def test_a_refusal_and_a_store_fault_are_logged_without_personal_data(tmp_path):
    state, store = tmp_path / "state", tmp_path / "kiosk.db"
    init_store(str(store))
    # A refusal: a closed day (Christmas) booked with a name, an NPWP and a telephone.
    refused = kiosk(state, "--db", str(store), "book", "perpajakan", "--name", NAME,
                    "--npwp", NPWP, "--phone", PHONE, "--date", "2026-12-25", office=KUPANG)
    assert refused.returncode == 3
    # A fault: the store's write lock held by another program past the busy timeout.
    holder = sqlite3.connect(store, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        fault = kiosk(state, "--db", str(store), "book", "perpajakan", "--name", NAME,
                      "--npwp", NPWP, "--phone", PHONE)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert fault.returncode == 4
    # An invalid NPWP: refused input, the value typed left out.
    invalid = kiosk(state, "--db", str(store), "book", "perpajakan", "--name", NAME,
                    "--npwp", "99.999.999.9-999.99")
    assert invalid.returncode == 3
    log = the_log(state, "cli")
    assert "INFO" in log and "book: refused" in log  # the refusal (past, or closed day)
    assert "ERROR" in log and "store fault store_busy" in log
    assert "invalid input npwp_invalid field=npwp" in log
    no_personal_data(log)
    assert "99.999.999" not in log


def test_a_role_logs_what_its_store_thread_refuses(tmp_path, monkeypatch, clock):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    store = tmp_path / "kiosk.db"
    init_store(str(store))
    desk = open_desk(str(store), ALWAYS_OPEN, clock=clock)
    path = role_log.setup_role_log("lobby")
    thread = StoreThread(desk, "lobby-store")

    async def book_badly() -> None:
        with pytest.raises(InvalidInput):
            await thread.call(desk.book, "perpajakan", NAME, npwp="12.345.678.9-012.34",
                              phone=PHONE)

    try:
        asyncio.run(book_badly())
    finally:
        thread.close()
        for handler in logging.getLogger("kiosk").handlers:
            handler.flush()
    assert path == tmp_path / "state" / "helpdesk-kiosk" / "log" / "lobby.log"
    log = the_log(tmp_path / "state", "lobby")
    assert "lobby[" in log and "book: invalid input npwp_invalid field=npwp" in log
    no_personal_data(log)
    assert "12.345.678" not in log


def test_the_log_is_rotated(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    role_log.setup_role_log("board")
    [handler] = [h for h in logging.getLogger("kiosk").handlers
                 if isinstance(h, RotatingFileHandler)]
    assert handler.maxBytes == role_log.MAX_BYTES and handler.backupCount == role_log.BACKUPS
    for i in range(3000):
        logging.getLogger("kiosk.speech").warning("espeak-ng failed %d %s", i, "x" * 400)
    folder = tmp_path / "state" / "helpdesk-kiosk" / "log"
    assert (folder / "board.log.1").exists()
    assert all(p.stat().st_size <= role_log.MAX_BYTES for p in folder.iterdir())


def test_a_store_down_polled_many_times_is_one_line_a_minute(tmp_path, monkeypatch):
    from kiosk.desk.errors import StoreUnavailable

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    role_log.setup_role_log("board")
    for _ in range(50):
        role_log.log_desk_error(StoreUnavailable("/srv/kiosk.db: disk I/O error"), "changed")
    log = the_log(tmp_path / "state", "board")
    assert log.count("store fault store_unavailable") == 1


@pytest.mark.parametrize("text, kept", [
    ("npwp 01.234.567.8-901.000", "npwp […]"),
    ("nik 5371012345678901", "nik […]"),
    ("tel 0812 3456 7890", "tel […]"),
    ("on 2026-12-24 08:00 number 12", "on 2026-12-24 08:00 number 12"),
])
def test_scrub_cuts_long_digit_runs_and_keeps_dates(text, kept):
    assert role_log.scrub(text) == kept


@pytest.fixture(autouse=True)
def _no_file_handler_left():
    yield
    logger = logging.getLogger("kiosk")
    for handler in [h for h in logger.handlers if isinstance(h, RotatingFileHandler)]:
        logger.removeHandler(handler)
        handler.close()
    logger.propagate = True
    role_log._last[:] = ["", 0.0, 0]
    with contextlib.suppress(Exception):
        dt.date.today()
