"""`kiosk doctor`: a healthy box is all ok; each part broken on purpose turns its own line
into a warning or a fault saying what to do, and a fault makes the exit code non-zero."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ALWAYS_OPEN, KUPANG
from data.database import init_store
from kiosk.desk.store import open_desk

ROOT = Path(__file__).resolve().parent.parent


def doctor(store: Path | str, backups: Path, office: Path = ALWAYS_OPEN) -> tuple[int, dict]:
    done = subprocess.run([sys.executable, "-m", "kiosk", "--db", str(store), "--office",
                           str(office), "--lang", "en", "doctor", "--json", "--backups",
                           str(backups)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert "Traceback" not in done.stderr, done.stderr
    report = json.loads(done.stdout)
    return done.returncode, {c["check"]: c for c in report["checks"]}


@pytest.fixture
def box(tmp_path):
    """A healthy box: a store with a day's work, and a fresh backup of it."""
    store = tmp_path / "kiosk.db"
    init_store(str(store))
    desk = open_desk(str(store), ALWAYS_OPEN)
    for name in ("Budi", "Maria", "Yohanes"):
        desk.book("perpajakan", name)
    desk.db.close()
    backups = tmp_path / "backups"
    made = subprocess.run([sys.executable, "-m", "kiosk", "--db", str(store), "backup", "--to",
                           str(backups)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    return store, backups


def test_a_healthy_box_is_all_ok(box):
    code, checks = doctor(*box)
    assert code == 0
    assert {name: c["level"] for name, c in checks.items()} == {
        "store": "ok", "integrity": "ok", "schema": "ok", "audit": "ok", "clock": "ok",
        "disk": "ok", "backup": "ok", "printer": "ok", "speech": checks["speech"]["level"],
        "profile": "ok"}
    assert "3 tickets" in checks["store"]["detail"]
    assert "GB free" in checks["disk"]["detail"]


def test_a_missing_store_is_a_fault_that_says_kiosk_init(box, tmp_path):
    code, checks = doctor(tmp_path / "gone.db", box[1])
    assert code == 1
    assert checks["store"]["level"] == "fault"
    assert "kiosk init" in checks["store"]["advice"] and "kiosk restore" in checks["store"]["advice"]


def test_a_stale_backup_warns_then_faults(box):
    store, backups = box
    [copy] = backups.glob("*.db")
    two_days = time.time() - 2 * 86400
    os.utime(copy, (two_days, two_days))
    code, checks = doctor(store, backups)
    assert code == 0 and checks["backup"]["level"] == "warning"
    assert "2 days ago" in checks["backup"]["detail"]
    assert "kiosk backup" in checks["backup"]["advice"]
    ten_days = time.time() - 10 * 86400
    os.utime(copy, (ten_days, ten_days))
    code, checks = doctor(store, backups)
    assert code == 1 and checks["backup"]["level"] == "fault"


def test_no_backup_at_all_is_a_warning(box, tmp_path):
    code, checks = doctor(box[0], tmp_path / "empty")
    assert checks["backup"]["level"] == "warning" and "no backup yet" in checks["backup"]["detail"]


def test_a_broken_audit_chain_is_a_fault(box):
    store, backups = box
    with contextlib.closing(sqlite3.connect(store, isolation_level=None)) as attacker:
        attacker.execute("DROP TRIGGER audit_entry_no_update")
        attacker.execute("UPDATE audit_entry SET actor = 'someone else' WHERE id = 2")
    code, checks = doctor(store, backups)
    assert code == 1
    assert checks["audit"]["level"] == "fault" and "entry 2" in checks["audit"]["detail"]
    assert checks["integrity"]["level"] == "ok"


def test_a_damaged_file_is_an_integrity_fault(box):
    store, backups = box
    with contextlib.closing(sqlite3.connect(store)) as conn:  # an index nothing here reads
        [(page,)] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = "
                                 "'audit_entry_day'").fetchall()
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    assert not Path(f"{store}-wal").exists()
    data = bytearray(store.read_bytes())
    assert data[(page - 1) * size] == 0x0A  # an index leaf page...
    data[(page - 1) * size] = 0x0D  # ...now claims to be a table's
    store.write_bytes(bytes(data))
    code, checks = doctor(store, backups)
    assert code == 1
    assert checks["store"]["level"] == "ok"  # it opens and reads
    assert checks["integrity"]["level"] == "fault" and "kiosk restore" in checks["integrity"]["advice"]


def test_a_broken_profile_is_a_fault_naming_the_key(box, tmp_path):
    profile = tmp_path / "broken.toml"
    profile.write_text(KUPANG.read_text().replace("daily_quota = 15", "daily_quota = -3"))
    code, checks = doctor(*box, office=profile)
    assert code == 1
    assert checks["profile"]["level"] == "fault"
    assert "helpdesk.daily_quota" in checks["profile"]["detail"]


def test_a_clock_behind_the_store_is_a_fault(box):
    store, backups = box
    ahead = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=5)).replace(tzinfo=None)
    # Another terminal, its clock five hours ahead, wrote the newest entry.
    desk = open_desk(str(store), ALWAYS_OPEN, clock=lambda: ahead.replace(tzinfo=dt.timezone.utc))
    desk.book("perpajakan", "Agustina")
    desk.db.close()
    code, checks = doctor(store, backups)
    assert code == 1
    assert checks["clock"]["level"] == "fault" and "behind" in checks["clock"]["detail"]
    assert "timedatectl" in checks["clock"]["advice"]


def test_a_printer_that_is_not_there_is_a_fault(box, tmp_path):
    profile = tmp_path / "printer.toml"
    profile.write_text(ALWAYS_OPEN.read_text() + f'\n[printer]\nkind = "file"\n'
                                                 f'device = "{tmp_path / "no-lp0"}"\n')
    code, checks = doctor(*box, office=profile)
    assert code == 1 and checks["printer"]["level"] == "fault"
    assert "cable" in checks["printer"]["advice"]
    (tmp_path / "no-lp0").write_bytes(b"")
    code, checks = doctor(*box, office=profile)
    assert checks["printer"]["level"] == "ok"
