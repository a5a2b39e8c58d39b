"""The holiday cache: the same answers as the holidays package, without importing it at
start-up once a year is cached, and never a wrong answer from a damaged or unwritable cache."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import holidays
import pytest

from conftest import KUPANG
from data import holiday_calendar

ROOT = Path(__file__).resolve().parent.parent

# Asks in a fresh process, so nothing is remembered in memory; prints the answer and whether
# the holidays package had to be imported for it.
ASK = """
import json, sys
from data import holiday_calendar
days = holiday_calendar.holidays_in("ID", 2026)
print(json.dumps({"days": {d.isoformat(): n for d, n in days.items()},
                  "supported": holiday_calendar.supported("ID"),
                  "imported": "holidays" in sys.modules}))
"""


def ask(cache_home: Path) -> dict:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    out = subprocess.run([sys.executable, "-c", ASK], cwd=ROOT, env=env, capture_output=True,
                         text=True, check=True, timeout=60).stdout
    return json.loads(out)


def expected() -> dict:
    return {d.isoformat(): n for d, n in sorted(
        holidays.country_holidays("ID", years=2026, language="id").items())}


def cache_file(cache_home: Path) -> Path:
    return cache_home / "helpdesk-kiosk" / "holidays.json"


def test_first_start_asks_the_package_then_later_starts_read_the_cache(tmp_path):
    first = ask(tmp_path)
    assert first["imported"] and first["supported"]
    assert first["days"] == expected()
    assert first["days"]["2026-08-17"].startswith("Hari Kemerdekaan")
    assert cache_file(tmp_path).exists()

    second = ask(tmp_path)
    assert not second["imported"], "a cached year must not import the holidays package"
    assert second["days"] == first["days"] and second["supported"]


@pytest.mark.parametrize("damage", [
    "not json at all {",
    json.dumps([1, 2, 3]),
    # the right stamp cannot be guessed here, so this also proves a stamp mismatch is ignored
    json.dumps({"stamp": "another copy", "countries": ["ID"], "years": {"ID/id/2026": {}}}),
])
def test_a_damaged_or_foreign_cache_is_rebuilt(tmp_path, damage):
    cache_file(tmp_path).parent.mkdir(parents=True)
    cache_file(tmp_path).write_text(damage)
    answer = ask(tmp_path)
    assert answer["imported"] and answer["days"] == expected()
    assert ask(tmp_path)["imported"] is False


def test_a_damaged_entry_under_the_right_stamp_is_asked_again_and_mended(tmp_path):
    ask(tmp_path)
    data = json.loads(cache_file(tmp_path).read_text())
    data["years"]["ID/id/2026"] = {"17 August": 5}
    cache_file(tmp_path).write_text(json.dumps(data))
    answer = ask(tmp_path)
    assert answer["days"] == expected() and answer["imported"]
    assert json.loads(cache_file(tmp_path).read_text())["years"]["ID/id/2026"] == expected()


def test_a_country_cached_as_unknown_is_asked_again_before_a_profile_is_refused(tmp_path):
    ask(tmp_path)
    data = json.loads(cache_file(tmp_path).read_text())
    data["countries"] = ["XX"]  # a wrong list under the right stamp
    cache_file(tmp_path).write_text(json.dumps(data))
    assert ask(tmp_path)["supported"]


def test_a_terminal_with_a_warm_cache_starts_without_the_holidays_package(tmp_path):
    """The point of the cache: the Kupang profile's day (and its holidays) without it."""
    script = f"""
import sys
from kiosk.desk.store import open_desk
desk = open_desk({str(tmp_path / "kiosk.db")!r}, {str(KUPANG)!r}, create=True)
status = desk.status()
print("holidays" in sys.modules)
"""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}

    def start() -> str:
        return subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True,
                              capture_output=True, text=True, timeout=60).stdout.strip()

    assert start() == "True"  # the first start ever fills the cache
    assert start() == "False"


def test_an_unwritable_cache_folder_still_gives_the_right_days(tmp_path):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    first = ask(blocked)
    assert first["days"] == expected() and first["imported"]
    assert ask(blocked)["imported"], "nothing could be kept, so it asks again"


def test_unknown_country_is_not_supported():
    assert holiday_calendar.supported("ID") and not holiday_calendar.supported("XX")


def test_the_answer_is_read_only():
    days = holiday_calendar.holidays_in("ID", 2026)
    assert days[dt.date(2026, 8, 17)]
    with pytest.raises(TypeError):
        days[dt.date(2026, 8, 18)] = "invented"  # type: ignore[index]
