"""The office's calendar as the government declares it: the Kupang profile closes on the
cuti bersama (joint leave days, the ``holidays`` package's "government" category of
Indonesia) as well as on the public holidays; another profile may close on public holidays
only. The lobby, the board and booking all ask the same day rules."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import KUPANG
from data.office import ProfileError, load_office
from kiosk.desk.errors import DayNotBookable
from kiosk.desk.store import open_desk
from kiosk.texts import Reason

D = dt.date
CHRISTMAS_LEAVE = D(2026, 12, 24)  # Thursday: cuti bersama by decree, not a public holiday


def public_only(tmp_path):
    path = tmp_path / "public-only.toml"
    path.write_text(KUPANG.read_text().replace('holiday_categories = ["public", "government"]',
                                               'holiday_categories = ["public"]', 1))
    return path


def test_the_kupang_profile_closes_on_both_calendars():
    assert load_office(KUPANG).holiday_categories == ("public", "government")


def test_booking_a_joint_leave_day_is_refused_naming_the_next_open_day(kupang_desk, clock):
    clock.set(2026, 12, 21, 9, 0)  # Monday; 25 Dec is Christmas, 26-27 the weekend
    with pytest.raises(DayNotBookable) as refused:
        kupang_desk.book("perpajakan", "Budi", day=CHRISTMAS_LEAVE)
    assert refused.value.values["why"] == Reason("why_joint_leave",
                                                 {"name": "Cuti Bersama Hari Raya Natal"})
    assert refused.value.next_open == D(2026, 12, 28)
    english = refused.value.message("en")
    assert english.startswith("The Help Desk is closed on 2026-12-24 (government leave day: "
                              "Cuti Bersama Hari Raya Natal).")
    assert "2026-12-28" in english and "2026-12-28" in refused.value.message("id")


def test_the_lobby_and_the_board_see_the_joint_leave_day_closed(kupang_desk, clock):
    clock.set(2026, 12, 21, 9, 0)
    status = kupang_desk.status(CHRISTMAS_LEAVE)  # what the board and the lobby read
    assert status.open is False and not status.bookable
    assert status.closed_why.text("id") == "libur pemerintah: Cuti Bersama Hari Raya Natal"
    offered = [choice.date for choice in kupang_desk.bookable_days(limit=7)]
    assert offered == [D(2026, 12, 21), D(2026, 12, 22), D(2026, 12, 23), D(2026, 12, 28)]


def test_cuti_bersama_of_february_and_idul_fitri_close_the_office_too(kupang_desk, clock):
    clock.set(2026, 2, 13, 9, 0)
    assert kupang_desk.status(D(2026, 2, 16)).closed_why.key == "why_joint_leave"  # Imlek
    assert kupang_desk.status(D(2026, 2, 17)).closed_why.key == "why_holiday"
    clock.set(2026, 3, 19, 9, 0)
    assert kupang_desk.status(D(2026, 3, 23)).closed_why.key == "why_joint_leave"  # Idul Fitri


def test_a_profile_of_public_holidays_only_opens_on_the_joint_leave_day(sqlite_url, clock,
                                                                        tmp_path):
    clock.set(2026, 12, 21, 9, 0)
    desk = open_desk(sqlite_url, public_only(tmp_path), clock=clock)
    try:
        ticket = desk.book("perpajakan", "Budi", day=CHRISTMAS_LEAVE)
        assert ticket.date == CHRISTMAS_LEAVE
        assert desk.status(D(2026, 12, 25)).closed_why.key == "why_holiday"
    finally:
        desk.db.close()


def test_a_profile_without_the_key_closes_on_public_holidays_only(tmp_path):
    path = tmp_path / "old.toml"
    path.write_text(KUPANG.read_text().replace('holiday_categories = ["public", "government"]',
                                               "", 1))
    assert load_office(path).holiday_categories == ("public",)


@pytest.mark.parametrize("line, key", [
    ('holiday_categories = ["public", "cuti"]', "office.holiday_categories[1]"),
    ('holiday_categories = "government"', "office.holiday_categories"),
    ("holiday_categories = []", "office.holiday_categories"),
])
def test_a_wrong_category_names_the_key(tmp_path, line, key):
    path = tmp_path / "broken.toml"
    path.write_text(KUPANG.read_text().replace('holiday_categories = ["public", "government"]',
                                               line, 1))
    with pytest.raises(ProfileError) as broken:
        load_office(path)
    assert broken.value.key == key
