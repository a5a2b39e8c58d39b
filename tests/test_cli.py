"""The command line contract: JSON shapes, exit codes, one clear line on failure."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest

from conftest import ALWAYS_OPEN, KUPANG
from kiosk.cli.main import main


@pytest.fixture
def kiosk(store_url, capsys):
    """Run ``kiosk --db URL --office ALWAYS_OPEN ...`` in this process."""

    def run(*args, office=ALWAYS_OPEN):
        code = main(["--db", store_url, "--office", str(office), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def as_json(out: str) -> dict:
    lines = out.strip().splitlines()
    assert len(lines) == 1, out
    return json.loads(lines[0])


def test_book_prints_the_ticket(kiosk):
    code, out, err = kiosk("book", "perpajakan", "--name", "Ni Luh Putu Ayu", "--npwp",
                           "01.312.166.0-091.000", "--visitor", "representative",
                           "--phone", "0812 3456 7890", "--json")
    assert (code, err) == (0, "")
    ticket = as_json(out)
    assert {"number", "code", "date", "service", "state", "counter"} <= ticket.keys()
    assert (ticket["number"], ticket["service"], ticket["state"], ticket["counter"]) == (
        1, "perpajakan", "waiting", None)
    assert "Ni Luh" not in out and "0131" not in out


def test_a_whole_visit_through_the_command_line(kiosk):
    booked = as_json(kiosk("book", "aplikasi", "--name", "Yohanes Ndun", "--json")[1])
    tomorrow = (dt.date.fromisoformat(booked["date"]) + dt.timedelta(days=1)).isoformat()
    later = as_json(kiosk("book", "perpajakan", "--name", "D'Costa", "--date", tomorrow, "--json")[1])
    assert (later["state"], later["date"]) == ("booked", tomorrow)
    called = as_json(kiosk("call-next", "--counter", "2", "--officer", "Sari", "--json")[1])
    assert (called["number"], called["state"], called["counter"]) == (1, "called", 2)
    code = booked["code"]
    assert as_json(kiosk("recall", code, "--json")[1])["call_count"] == 2
    assert as_json(kiosk("start", code, "--json")[1])["state"] == "serving"
    done = as_json(kiosk("finish", code, "--topic", "Aktivasi EFIN", "--note", "ok", "--json")[1])
    assert (done["state"], done["counter"]) == ("done", 2)
    status = as_json(kiosk("status", "--json")[1])
    assert {"date", "open", "quota", "issued", "remaining", "tickets"} <= status.keys()
    assert (status["quota"], status["issued"], status["remaining"]) == (15, 1, 14)
    assert [t["state"] for t in status["tickets"]] == ["done"]
    assert as_json(kiosk("status", "--date", tomorrow, "--json")[1])["issued"] == 1


def test_no_show_return_cancel_and_checkin(kiosk):
    first = as_json(kiosk("book", "perpajakan", "--name", "Budi", "--json")[1])
    kiosk("call-next", "--counter", "1")
    assert as_json(kiosk("no-show", first["code"], "--json")[1])["state"] == "no_show"
    assert as_json(kiosk("return", first["code"], "--json")[1])["state"] == "waiting"
    assert as_json(kiosk("cancel", first["code"], "--reason", "pulang", "--json")[1])["state"] == "cancelled"
    code, out, err = kiosk("checkin", first["code"])
    assert code == 3 and out == ""
    assert "dibatalkan" in err and len(err.strip().splitlines()) == 1
    code, out, err = kiosk("checkin", first["code"], "--lang", "en")  # one language at a time
    assert code == 3 and "cancelled" in err and "dibatalkan" not in err


def test_quota_set_and_refusal_when_reached(kiosk):
    today = as_json(kiosk("status", "--json")[1])["date"]
    code, out, _ = kiosk("quota", "set", today, "1", "--reason", "rapat")
    assert code == 0 and "1" in out
    assert kiosk("book", "perpajakan", "--name", "Budi")[0] == 0
    code, out, err = kiosk("book", "perpajakan", "--name", "Budi")
    assert code == 3 and out == ""
    assert err.startswith("kiosk: ") and "Kuota" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("args, exit_code", [
    (["book", "perpajakan"], 2),  # --name missing
    (["book", "perpajakan", "--name", "Budi", "--date", "31-12-2026"], 2),
    (["book", "perpajakan", "--name", "Budi", "--npwp", "1", "--nik", "2"], 2),
    (["quota", "set", "2026-12-01", "banyak", "--reason", "x"], 2),
    (["call-next"], 2),
    (["frobnicate"], 2),
    (["book", "pbb", "--name", "Budi"], 3),
    (["book", "perpajakan", "--name", "Budi\x1b[2J"], 3),
    (["book", "perpajakan", "--name", "Budi", "--nik", "123"], 3),
    (["book", "perpajakan", "--name", "Budi", "--phone", "999"], 3),
    (["book", "perpajakan", "--name", "Budi", "--date", "2001-01-01"], 3),
    (["checkin", "NOPE42"], 3),
    (["call-next", "--counter", "9"], 3),
    (["call-next", "--counter", "1"], 3),  # nobody waiting
    (["quota", "set", "2099-01-01", "5", "--reason", "  "], 3),
])
def test_exit_codes(kiosk, args, exit_code):
    code, out, err = kiosk(*args)
    assert code == exit_code
    assert "Traceback" not in err
    assert err.strip(), "a failure says why"


def test_closed_day_names_the_next_open_day(kiosk, tmp_path):
    profile = tmp_path / "office.toml"
    profile.write_text(KUPANG.read_text().replace('public_holidays = "ID"', 'public_holidays = ""')
                       .replace("booking_horizon_days = 7", "booking_horizon_days = 14"))
    today = dt.datetime.now(ZoneInfo("Asia/Makassar")).date()
    saturday = today + dt.timedelta(days=(5 - today.weekday()) % 7 or 7)
    monday = saturday + dt.timedelta(days=2)
    for lang, why in (("id", "akhir pekan"), ("en", "weekend")):
        code, _, err = kiosk("book", "perpajakan", "--name", "Budi", "--date",
                             saturday.isoformat(), "--lang", lang, office=profile)
        assert code == 3
        assert why in err and monday.isoformat() in err


def run_cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True,
                          timeout=60, env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL)


def test_broken_profiles_stop_with_one_line(tmp_path):
    cases = {
        "bad.toml": ("[office\nname=", "not valid TOML"),
        "tz.toml": (ALWAYS_OPEN.read_text().replace('"Asia/Makassar"', '"Asia/Kupang"'), "office.timezone"),
        "nosvc.toml": ALWAYS_OPEN.read_text().split("[[services]]")[0] + "\n".join(
            "[[complaint_channels]]" + c for c in ALWAYS_OPEN.read_text().split("[[complaint_channels]]")[1:]),
        "hours.toml": (ALWAYS_OPEN.read_text().replace('mon = "00:00-24:00"', 'mon = "8-16"'), "opening_hours.mon"),
    }
    cases["nosvc.toml"] = (cases["nosvc.toml"], "services")
    for name, (text, key) in cases.items():
        path = tmp_path / name
        path.write_text(text)
        result = run_cli("--db", str(tmp_path / "k.db"), "--office", str(path), "status", "--json")
        assert result.returncode == 4, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in result.stderr
        assert str(path) in lines[0] and key in lines[0]
    missing = run_cli("--db", str(tmp_path / "k.db"), "--office", str(tmp_path / "none.toml"), "status")
    assert missing.returncode == 4 and "none.toml" in missing.stderr


@pytest.mark.parametrize("url, words", [
    ("sqlite://relative.db", "sqlite:///"),
    ("/no/such/folder/kiosk.db", "does not exist"),
    ("postgresql://nobody:x@127.0.0.1:1/none", "127.0.0.1"),
    ("mysql://x/y", "unknown database kind"),
])
def test_unusable_databases_say_why(url, words):
    result = run_cli("--db", url, "--office", str(ALWAYS_OPEN), "status", "--json")
    assert result.returncode == 4
    assert "Traceback" not in result.stderr and words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_default_database_and_kiosk_db_variable(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path)}
    assert run_cli("init", env=env).returncode == 0  # the store is made by `kiosk init` only
    result = run_cli("--office", str(ALWAYS_OPEN), "book", "perpajakan", "--name", "Budi", env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "xdg" / "helpdesk-kiosk" / "kiosk.db").exists()
    other = tmp_path / "other.db"
    assert run_cli("init", env={**env, "KIOSK_DB": str(other)}).returncode == 0
    result = run_cli("--office", str(ALWAYS_OPEN), "status", "--json", env={**env, "KIOSK_DB": str(other)})
    assert result.returncode == 0 and json.loads(result.stdout)["issued"] == 0
    assert other.exists()


def test_officer_add_reads_the_pin_from_stdin(sqlite_url):
    result = subprocess.run([sys.executable, "-m", "kiosk", "--db", sqlite_url, "--office",
                             str(ALWAYS_OPEN), "officer", "add", "Sari Dewi", "--role", "supervisor"],
                            input="482913\n", capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    from kiosk.desk.officers import Officers
    from kiosk.desk.store import open_desk

    officers = Officers(open_desk(sqlite_url, ALWAYS_OPEN))
    assert officers.login("Sari Dewi", "482913").role == "supervisor"
    bad = subprocess.run([sys.executable, "-m", "kiosk", "--db", sqlite_url, "--office",
                          str(ALWAYS_OPEN), "officer", "add", "Budi", "--role", "officer"],
                         input="12\n", capture_output=True, text=True, timeout=60)
    assert bad.returncode == 3 and "PIN" in bad.stderr
