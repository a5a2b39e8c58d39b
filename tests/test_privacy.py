"""`kiosk purge`: personal data older than the retention period goes; statistics stay."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import ALWAYS_OPEN
from kiosk.cli.main import main
from kiosk.desk.errors import InvalidInput
from kiosk.desk.privacy import purge


def test_purge_erases_old_personal_data_and_keeps_the_statistics(desk, clock):
    old = desk.book("perpajakan", "Maria Goreti Bria", nik="3171011708450001", phone="081234567890")
    desk.call_next(1, "Budi")
    desk.start(old.code, 1, "Budi")
    desk.finish(old.code, 1, "Budi", topic="SPT Tahunan", note="Ibu Maria, HP 0812…")
    clock.advance(days=30)
    recent = desk.book("aplikasi", "Yohanes Ndun", npwp="01.312.166.0-091.000")
    result = purge(desk, "Sari", older_than_days=10)
    assert result.tickets == 1 and result.before == desk.today() - dt.timedelta(days=10)
    gone = desk.detail(old.code)
    assert (gone.visitor.name, gone.visitor.id_number, gone.visitor.phone, gone.note) == ("-", "", "", "")
    assert (gone.ticket.state, gone.ticket.service, gone.topic, gone.ticket.served_seconds) == (
        "done", "perpajakan", "SPT Tahunan", 0.0)
    assert desk.detail(recent.code).visitor.name == "Yohanes Ndun"
    assert purge(desk, "Sari", older_than_days=10).tickets == 0  # nothing left to erase
    with pytest.raises(InvalidInput):
        purge(desk, "Sari", older_than_days=0)


def test_purge_on_the_command_line_uses_the_profile_retention(sqlite_url, capsys):
    assert main(["--db", sqlite_url, "--office", str(ALWAYS_OPEN), "purge", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["tickets"] == 0
    assert out["not_scrubbed"] == []  # SQLite: the checkpoint emptied the write-ahead log
    assert main(["--db", sqlite_url, "--office", str(ALWAYS_OPEN), "purge", "--older-than", "x"]) == 2
