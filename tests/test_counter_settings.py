"""The counter's settings from the profile's [counter] table, with defaults."""

from __future__ import annotations

import re

import pytest

from conftest import KUPANG
from data.office import ProfileError, load_office
from kiosk.desk.topics import DEFAULT_TOPICS, GENERIC_TOPICS, short_service_names, topics_for


def test_defaults_when_the_profile_says_nothing(sqlite_desk):
    settings = sqlite_desk.office.counter
    assert settings.idle_lock_seconds == 300
    assert settings.report_dir == "."
    assert topics_for(settings, "perpajakan") == DEFAULT_TOPICS["perpajakan"]
    assert topics_for(settings, "unknown") == GENERIC_TOPICS


def counter_profile(tmp_path, lines: str):
    path = tmp_path / "office.toml"
    text, count = re.subn(r'^report_dir = "\.".*$', f'report_dir = "."\n{lines}',
                          KUPANG.read_text(encoding="utf-8"), count=1, flags=re.M)
    assert count == 1
    path.write_text(text, encoding="utf-8")
    return path


def test_the_profile_sets_topics_and_idle_time(tmp_path):
    path = counter_profile(tmp_path, '[counter.topics]\naplikasi = ["Coretax", " e-Bupot "]')
    text = path.read_text(encoding="utf-8").replace("idle_lock_seconds = 300",
                                                    "idle_lock_seconds = 120")
    path.write_text(text, encoding="utf-8")
    settings = load_office(path).counter
    assert settings.idle_lock_seconds == 120
    assert topics_for(settings, "aplikasi") == ("Coretax", "e-Bupot")
    assert topics_for(settings, "perpajakan") == DEFAULT_TOPICS["perpajakan"]


@pytest.mark.parametrize("lines, key", [
    ('[counter.topics]\naplikasi = ["Coretax", " ", "e-Bupot"]', "counter.topics.aplikasi[1]"),
    ('[counter.topics]\naplikasi = ["x' + "y" * 200 + '"]', "counter.topics.aplikasi[0]"),
    ('[counter.topics]\nkonsultasi = ["SPT"]', "counter.topics.konsultasi"),
    ('topics = "x"', "counter.topics"),
])
def test_bad_topics_stop_instead_of_falling_back(tmp_path, lines, key):
    path = counter_profile(tmp_path, lines)
    with pytest.raises(ProfileError) as broken:
        load_office(path)
    assert broken.value.key == key and str(path) in str(broken.value)


def test_short_service_names_drop_the_shared_word(sqlite_desk):
    assert short_service_names(sqlite_desk.office, "id") == {
        "perpajakan": "Perpajakan", "aplikasi": "Aplikasi"}
    assert short_service_names(sqlite_desk.office, "en") == {
        "perpajakan": "Tax", "aplikasi": "Application"}
