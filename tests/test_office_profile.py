"""The office profile: every fact of the service standard, and clear errors when broken."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ALWAYS_OPEN, KUPANG
from data.office import ProfileError, load_office
from data.office_settings import BoardSettings, LobbySettings, PrinterSettings, PrivacySettings


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


# The role tables: [lobby], [counter], [board], [printer], [privacy]. Each case changes one
# line of the Kupang profile (or adds a table it leaves out) and names the key that stops it.
PRINTER = "\n[printer]\n"
ROLE_TABLE_BREAKS = [
    # [lobby]: out of range, a wrong type, an unknown key
    (("idle_seconds = 90", "idle_seconds = 5"), "lobby.idle_seconds"),
    (("idle_seconds = 90", 'idle_seconds = "soon"'), "lobby.idle_seconds"),
    (("idle_seconds = 90", "idle_seconds = true"), "lobby.idle_seconds"),
    (("idle_seconds = 90", "idle_seconds = 90.0"), "lobby.idle_seconds"),
    (("service_minutes = 10", "service_minutes = 0"), "lobby.service_minutes"),
    (("service_minutes = 10", "service_minutes = 241"), "lobby.service_minutes"),
    (("idle_seconds = 90", "idle_seconds = 90\nidle_second = 30"), "lobby.idle_second"),
    # [counter]
    (("idle_lock_seconds = 300", "idle_lock_seconds = 10"), "counter.idle_lock_seconds"),
    (("idle_lock_seconds = 300", 'idle_lock_seconds = "soon"'), "counter.idle_lock_seconds"),
    (('report_dir = "."', "report_dir = 7"), "counter.report_dir"),
    (('report_dir = "."', 'report_dir = ""'), "counter.report_dir"),
    (('report_dir = "."', 'report_folder = "."'), "counter.report_folder"),
    (('report_dir = "."', 'report_dir = "."\ntopics = "x"'), "counter.topics"),
    (('report_dir = "."', 'report_dir = "."\n[counter.topics]\nkonsultasi = ["SPT"]'),
     "counter.topics.konsultasi"),
    (('report_dir = "."', 'report_dir = "."\n[counter.topics]\naplikasi = ["Coretax", 3]'),
     "counter.topics.aplikasi[1]"),
    (('report_dir = "."', 'report_dir = "."\n[counter.topics]\naplikasi = ["Coretax", " "]'),
     "counter.topics.aplikasi[1]"),
    (('report_dir = "."', 'report_dir = "."\n[counter.topics]\naplikasi = []'),
     "counter.topics.aplikasi"),
    (('report_dir = "."', 'report_dir = "."\n[counter.topics]\naplikasi = "Coretax"'),
     "counter.topics.aplikasi"),
    # [board]
    (("speech = true", 'speech = "maybe"'), "board.speech"),
    (("speech = true", "speech = 1"), "board.speech"),
    (('voice = "id"', "voice = 3"), "board.voice"),
    (('voice = "id"', 'voice = " "'), "board.voice"),
    (("rate = 140", "rate = 20"), "board.rate"),
    (("rate = 140", 'rate = "fast"'), "board.rate"),
    (("rate = 140", "rate = 140\nvolume = 5"), "board.volume"),
    # [printer] (the Kupang profile has none: the case adds one)
    ((PRINTER, PRINTER + 'kind = "bluetooth"\n'), "printer.kind"),
    ((PRINTER, PRINTER + 'device = "/dev/usb/lp0"\n'), "printer.kind"),
    ((PRINTER, PRINTER + 'kind = "usb"\n'), "printer.vendor_id"),
    ((PRINTER, PRINTER + 'kind = "usb"\nvendor_id = "0x0416"\nproduct_id = 1\n'),
     "printer.vendor_id"),
    ((PRINTER, PRINTER + 'kind = "usb"\nvendor_id = 1\nproduct_id = 0x10000\n'),
     "printer.product_id"),
    ((PRINTER, PRINTER + 'kind = "network"\n'), "printer.host"),
    ((PRINTER, PRINTER + 'kind = "network"\nhost = "10.0.0.9"\nport = 70000\n'), "printer.port"),
    ((PRINTER, PRINTER + 'kind = "serial"\nbaudrate = 0\n'), "printer.baudrate"),
    ((PRINTER, PRINTER + 'kind = "file"\ndevice = ""\n'), "printer.device"),
    ((PRINTER, PRINTER + 'kind = "file"\ndevise = "/dev/usb/lp1"\n'), "printer.devise"),
    # [privacy]
    (("retention_days = 365", "retention_days = 0"), "privacy.retention_days"),
    (("retention_days = 365", "retention_days = 3651"), "privacy.retention_days"),
    (("retention_days = 365", 'retention_days = "a year"'), "privacy.retention_days"),
    (("retention_days = 365", "retention_days = 365\nkeep_days = 30"), "privacy.keep_days"),
    # a misspelt table is not a table quietly ignored, nor a misspelt key in the others
    (("[board]", "[bord]"), "bord"),
    (('phone = "0380821123"', 'phone = "0380821123"\nfax = "0380833211"'), "office.fax"),
    (("counters = 1", "counters = 1\nquota = 20"), "helpdesk.quota"),
    (('fee_en = "Free of charge"', 'fee_en = "Free of charge"\nfee_jp = "無料"'),
     "service_standard.fee_jp"),
    (("requires_device = false", "requires_device = false\nicon = 1"), "services[0].icon"),
    (('value = "1500200"', 'value = "1500200"\nhours = "24/7"'), "complaint_channels[0].hours"),
]


def broken_profile(tmp_path, change) -> str:
    text = KUPANG.read_text(encoding="utf-8")
    old, new = change
    if old == PRINTER:
        text += old
    assert old in text, old
    path = tmp_path / "broken.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("change, key", ROLE_TABLE_BREAKS, ids=[k for _, k in ROLE_TABLE_BREAKS])
def test_a_bad_role_setting_names_the_file_and_the_key(tmp_path, change, key):
    path = broken_profile(tmp_path, change)
    with pytest.raises(ProfileError) as broken:
        load_office(path)
    assert broken.value.key == key
    assert str(broken.value).startswith(f"{path}: {key}: ")


@pytest.mark.parametrize("change, key", [
    (("idle_seconds = 90", "idle_seconds = 5"), "lobby.idle_seconds"),
    (('report_dir = "."', 'report_folder = "."'), "counter.report_folder"),
    (("speech = true", 'speech = "maybe"'), "board.speech"),
    ((PRINTER, PRINTER + 'kind = "usb"\n'), "printer.vendor_id"),
    (("retention_days = 365", "retention_days = 365\nkeep_days = 30"), "privacy.keep_days"),
])
def test_a_bad_role_setting_stops_the_program_with_one_line(tmp_path, change, key):
    """What the README promises, by the real command line: exit 4, one line, file and key."""
    path = broken_profile(tmp_path, change)
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--db", str(tmp_path / "k.db"), "--office", path,
         "status"], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode == 4, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert path in lines[0] and f" {key}: " in lines[0]
    assert result.stdout == "" and not (tmp_path / "k.db").exists()


def test_the_kupang_role_tables_parse_to_typed_settings():
    office = load_office(KUPANG)
    assert office.lobby == LobbySettings(idle_seconds=90, service_minutes=10)
    assert (office.counter.idle_lock_seconds, office.counter.report_dir) == (300, ".")
    assert dict(office.counter.topics) == {}  # the built-in lists (kiosk.desk.topics)
    assert office.board == BoardSettings(speech=True, voice="id", rate=140)
    assert office.printer is None  # its table is a comment: no printer
    assert office.privacy == PrivacySettings(retention_days=365)


def test_a_profile_without_role_tables_gets_the_defaults():
    office = load_office(ALWAYS_OPEN)  # has [privacy] only
    assert office.lobby == LobbySettings(idle_seconds=90, service_minutes=10)
    assert (office.counter.idle_lock_seconds, office.counter.report_dir) == (300, ".")
    assert office.board == BoardSettings(speech=True, voice="id", rate=140)
    assert office.printer is None


def test_every_role_setting_is_read(tmp_path):
    text = KUPANG.read_text(encoding="utf-8")
    for old, new in (("idle_seconds = 90", "idle_seconds = 45"),
                     ("service_minutes = 10", "service_minutes = 7"),
                     ("idle_lock_seconds = 300", "idle_lock_seconds = 120"),
                     ('report_dir = "."', 'report_dir = "laporan"\n[counter.topics]\n'
                                          'aplikasi = ["Coretax", " e-Bupot "]'),
                     ("speech = true", "speech = false"), ('voice = "id"', 'voice = "id+f3"'),
                     ("rate = 140", "rate = 120"), ("retention_days = 365", "retention_days = 30")):
        assert old in text, old
        text = text.replace(old, new, 1)
    # The profile's own example of a printer, taken out of its comment as it stands.
    text, count = re.subn(r"^# (\[printer\]|(?:kind|vendor_id|product_id|device|baudrate|host"
                          r"|port) =)", r"\1", text, flags=re.M)
    assert count == 8
    path = tmp_path / "office.toml"
    path.write_text(text, encoding="utf-8")
    office = load_office(path)
    assert office.lobby == LobbySettings(idle_seconds=45, service_minutes=7)
    assert office.counter.idle_lock_seconds == 120 and office.counter.report_dir == "laporan"
    assert dict(office.counter.topics) == {"aplikasi": ("Coretax", "e-Bupot")}
    assert office.board == BoardSettings(speech=False, voice="id+f3", rate=120)
    assert office.printer == PrinterSettings("usb", vendor_id=0x0416, product_id=0x5011,
                                             device="/dev/ttyUSB0", baudrate=9600,
                                             host="192.168.1.50", port=9100)
    assert office.privacy == PrivacySettings(retention_days=30)


@pytest.mark.parametrize("table, expected", [
    ('kind = "serial"', PrinterSettings("serial", device="/dev/ttyUSB0", baudrate=9600)),
    ('kind = "serial"\ndevice = "/dev/ttyS1"\nbaudrate = 19200',
     PrinterSettings("serial", device="/dev/ttyS1", baudrate=19200)),
    ('kind = "network"\nhost = "10.0.0.9"', PrinterSettings("network", host="10.0.0.9", port=9100)),
    ('kind = "file"', PrinterSettings("file", device="/dev/usb/lp0")),
    ('kind = "usb"\nvendor_id = 1046\nproduct_id = 20497',
     PrinterSettings("usb", vendor_id=0x0416, product_id=0x5011)),
])
def test_each_printer_kind_with_its_defaults(tmp_path, table, expected):
    path = tmp_path / "office.toml"
    path.write_text(KUPANG.read_text(encoding="utf-8") + f"\n[printer]\n{table}\n",
                    encoding="utf-8")
    assert load_office(path).printer == expected


@pytest.mark.parametrize("word, said", [("ya", True), ("Yes", True), ("on", True),
                                        ("tidak", False), ("off", False), ("0", False)])
def test_the_speech_switch_still_takes_the_words_it_always_took(tmp_path, word, said):
    path = tmp_path / "office.toml"
    path.write_text(KUPANG.read_text(encoding="utf-8").replace("speech = true",
                                                               f'speech = "{word}"'))
    assert load_office(path).board.speech is said
