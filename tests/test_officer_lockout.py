"""The PIN lockout holds against tries made at once from many terminals (real processes):
every try is counted and logged, the officer is locked after MAX_TRIES wrong ones, and a
right PIN is refused while locked; tries with an unknown name are logged too. Two
`officer add` of one name at once: one is added, the other says so in one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from data.models import AuditEntry
from kiosk.desk.errors import NotAllowed
from kiosk.desk.officers import MAX_TRIES, Officers
from kiosk.desk.store import open_desk

from tests.conftest import ALWAYS_OPEN

WORKER = Path(__file__).parent / "workers" / "login_worker.py"
WORKERS = 16


def _tries_at_once(url: str, folder: Path, name: str, pin: str, n: int = WORKERS) -> list[dict]:
    go = folder / "go"
    procs, readies = [], []
    for i in range(n):
        ready = folder / f"ready-{i}"
        readies.append(ready)
        procs.append(subprocess.Popen(
            [sys.executable, str(WORKER), url, str(ALWAYS_OPEN), str(ready), str(go), name, pin],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ)))
    deadline = time.monotonic() + 120
    while not all(r.exists() for r in readies):
        assert time.monotonic() < deadline, "the workers did not start"
        assert all(p.poll() is None for p in procs), [p.communicate() for p in procs if p.poll()]
        time.sleep(0.01)
    go.touch()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        results.append(json.loads(out))
    return results


@pytest.fixture
def officers(store_url):
    officers = Officers(open_desk(store_url, ALWAYS_OPEN))
    officers.add("Budi Santoso", "officer", "1357", actor="setup")
    return officers


def _actions(prefix: str) -> list[str]:
    return [e.action for e in AuditEntry.select().order_by(AuditEntry.id)
            if e.action.startswith(prefix)]


def test_wrong_pins_at_once_are_all_counted_and_the_lockout_holds(officers, store_url, tmp_path):
    results = _tries_at_once(store_url, tmp_path, "Budi Santoso", "0000")
    assert not any(r["ok"] for r in results)
    keys = sorted(r["key"] for r in results)
    assert keys.count("pin_wrong") == MAX_TRIES - 1
    assert keys.count("officer_locked") == WORKERS - (MAX_TRIES - 1)
    actions = _actions("login")
    assert len(actions) == WORKERS  # every try in the log, none lost
    assert actions.count("login_failed") == MAX_TRIES - 1
    assert actions.count("login_locked") == 1
    assert actions.count("login_while_locked") == WORKERS - MAX_TRIES
    with pytest.raises(NotAllowed) as refused:
        officers.login("Budi Santoso", "1357")  # the right PIN, while locked
    assert refused.value.key == "officer_locked"
    assert officers.verify_audit().ok  # tries from many terminals at once: one chain


def test_tries_with_an_unknown_name_are_logged(officers, store_url, tmp_path):
    results = _tries_at_once(store_url, tmp_path, "Mallory " + "x" * 300, "0000", n=8)
    assert [r["key"] for r in results] == ["pin_wrong"] * 8
    entries = [e for e in AuditEntry.select() if e.action == "login_unknown"]
    assert len(entries) == 8
    assert all(e.detail.startswith("Mallory x") and len(e.detail) <= 40 for e in entries)
    assert officers.verify_audit().ok


def test_two_adds_of_one_name_at_once_add_one(store_url, tmp_path):
    open_desk(store_url, ALWAYS_OPEN).db.close()  # the store exists before the race
    go = tmp_path / "go"
    # Each process waits for GO after its imports, so both inserts meet at the store; a
    # few names, so that at least one race is close enough to meet inside the store.
    names = ("Sari Dewi", "Ana Lado", "Budi Pah", "Cici Tefa", "Dami Nope", "Eli Manu")
    script = ("import os, sys, time\n"
              "from kiosk.cli.main import main\n"
              "from kiosk.desk.store import open_desk\n"
              f"open_desk({store_url!r}, {str(ALWAYS_OPEN)!r}).db.close()\n"
              f"open({str(tmp_path)!r} + '/ready-' + sys.argv[1], 'w').close()\n"
              "while not os.path.exists(sys.argv[2]): time.sleep(0.0005)\n"
              f"sys.exit(main(['officer', 'add', sys.argv[3], '--db', {store_url!r}, "
              f"'--office', {str(ALWAYS_OPEN)!r}, '--lang', 'en']))\n")
    for n, name in enumerate(names):
        go = tmp_path / f"go-{n}"
        procs = [subprocess.Popen([sys.executable, "-c", script, f"{n}-{i}", str(go), name],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for i in range(2)]
        for p in procs:
            assert p.stdin is not None
            p.stdin.write("482913\n")
            p.stdin.close()
        deadline = time.monotonic() + 60
        while not all((tmp_path / f"ready-{n}-{i}").exists() for i in range(2)):
            assert time.monotonic() < deadline and all(p.poll() is None for p in procs)
            time.sleep(0.005)
        go.touch()
        done = sorted((p.wait(timeout=60), p.stderr.read() if p.stderr else "") for p in procs)
        assert [code for code, _ in done] == [0, 3], done
        err = done[1][1]
        assert "Traceback" not in err and err.count("\n") == 1 and "already exists" in err
    listed = [o.name for o in Officers(open_desk(store_url, ALWAYS_OPEN)).list()]
    assert sorted(listed) == sorted(names)
