"""The counter's settings from the profile's [counter] table, with defaults."""

from __future__ import annotations

from dataclasses import replace

from kiosk.desk.topics import DEFAULT_TOPICS, GENERIC_TOPICS, counter_settings, short_service_names


def test_defaults_when_the_profile_says_nothing(sqlite_desk):
    settings = counter_settings(sqlite_desk.office)
    assert settings.idle_lock_seconds == 300
    assert settings.topics_for("perpajakan") == DEFAULT_TOPICS["perpajakan"]
    assert settings.topics_for("unknown") == GENERIC_TOPICS


def test_the_profile_sets_topics_and_idle_time_and_bad_values_fall_back(sqlite_desk):
    office = replace(sqlite_desk.office, extra={"counter": {
        "idle_lock_seconds": 120, "topics": {"aplikasi": ["Coretax", " ", "e-Bupot"]}}})
    settings = counter_settings(office)
    assert settings.idle_lock_seconds == 120
    assert settings.topics_for("aplikasi") == ("Coretax", "e-Bupot")
    assert settings.topics_for("perpajakan") == DEFAULT_TOPICS["perpajakan"]
    bad = replace(office, extra={"counter": {"idle_lock_seconds": "soon", "topics": "x"}})
    assert counter_settings(bad).idle_lock_seconds == 300


def test_short_service_names_drop_the_shared_word(sqlite_desk):
    assert short_service_names(sqlite_desk.office, "id") == {
        "perpajakan": "Perpajakan", "aplikasi": "Aplikasi"}
    assert short_service_names(sqlite_desk.office, "en") == {
        "perpajakan": "Tax", "aplikasi": "Application"}
