"""kiosk status speaks one language, the one --lang asks (Indonesian by default)."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import ALWAYS_OPEN
from kiosk.cli.main import main


@pytest.fixture
def kiosk(sqlite_url, capsys):
    def run(*args):
        code = main(["--db", sqlite_url, "--office", str(ALWAYS_OPEN), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_status_in_one_language(sqlite_desk, clock, kiosk):
    desk = sqlite_desk
    clock.current = dt.datetime.now(dt.timezone.utc)  # the command line's own clock
    desk.book("perpajakan", "Ani")
    desk.book("aplikasi", "Budi")
    desk.call_next(2, "Sari")
    day = desk.today().isoformat()
    code, out, _ = kiosk("status", "--date", day, "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert "open · quota 15 · taken 2 · left 13" in lines[0]
    assert "Tax Consultation" in lines[1] and "called · counter 2" in lines[1]
    assert "Application Consultation" in lines[2] and lines[2].endswith("waiting")
    for word in ("buka", "kuota", "loket", "menunggu", "dipanggil", "Konsultasi"):
        assert word not in out
    code, out, _ = kiosk("status", "--date", day)
    assert "buka · kuota 15 · diambil 2 · sisa 13" in out
    assert "dipanggil · loket 2" in out and "menunggu" in out
    for word in ("waiting", "called", "counter", "perpajakan "):
        assert word not in out
