"""The office profile: every fact of the service standard, and clear errors when broken."""

from __future__ import annotations

import pytest

from conftest import ALWAYS_OPEN, KUPANG
from data.office import ProfileError, load_office


def test_the_default_profile_is_kupang_with_the_whole_service_standard():
    office = load_office()
    assert office.path.endswith("kpp-pratama-kupang.toml")
    assert office.name == "KPP Pratama Kupang"
    assert "Jl. Palapa No. 8" in office.address and office.phone == "0380821123"
    assert "Kanwil DJP Nusa Tenggara" in office.parent
    assert office.timezone == "Asia/Makassar" and office.public_holidays == "ID"
    assert office.daily_quota == 15
    assert [s.code for s in office.services] == ["perpajakan", "aplikasi"]
    assert office.service("aplikasi").requires_device and not office.service("perpajakan").requires_device
    values = {c.value for c in office.complaint_channels}
    assert {"1500200", "(0380) 833211", "pengaduan@pajak.go.id", "@kring_pajak",
            "pengaduan.pajak.go.id", "www.pajak.go.id"} <= values
    assert office.standard.fee == "Tidak dipungut biaya"
    assert "Real time" in office.standard.completion_time
    assert "Informasi perpajakan" in office.standard.product
    assert set(office.opening_hours) == {0, 1, 2, 3, 4}  # Monday to Friday


def test_the_test_profile_is_open_around_the_clock():
    office = load_office(ALWAYS_OPEN)
    assert set(office.opening_hours) == set(range(7))
    assert office.opening_hours[6].closes_minutes == 24 * 60


@pytest.mark.parametrize("change, key", [
    (('timezone = "Asia/Makassar"', 'timezone = "Mars/Olympus"'), "office.timezone"),
    (('daily_quota = 15', 'daily_quota = -3'), "helpdesk.daily_quota"),
    (('daily_quota = 15', 'daily_quota = "lima belas"'), "helpdesk.daily_quota"),
    (('closed_dates = []', 'closed_dates = ["2026-13-01"]'), "office.closed_dates[0]"),
    (('public_holidays = "ID"', 'public_holidays = "XX"'), "office.public_holidays"),
    (('mon = "08:00-16:00"', 'mon = "16:00-08:00"'), "opening_hours.mon"),
    (('mon = "08:00-16:00"', 'monday = "08:00-16:00"'), "opening_hours.monday"),
    (('code = "aplikasi"', 'code = "perpajakan"'), "services"),
    (('name = "KPP Pratama Kupang"', 'name = ""'), "office.name"),
])
def test_a_broken_profile_names_the_file_and_the_key(tmp_path, change, key):
    path = tmp_path / "broken.toml"
    path.write_text(KUPANG.read_text().replace(*change, 1))
    with pytest.raises(ProfileError) as broken:
        load_office(path)
    assert broken.value.key == key
    assert str(path) in str(broken.value)
