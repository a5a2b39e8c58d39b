"""Bad input on the command line and in the rules (hypothesis, bounded example counts):
valid input accepted, invalid refused with exit 3 (a rule) or 2 (usage) and one line,
never a traceback, never a half-written ticket. Unicode, right-to-left text, emoji,
10,000 characters, control and escape sequences, SQL-looking text."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, assume, example, given, settings, strategies as st

from conftest import ALWAYS_OPEN
from kiosk.cli.main import main
from kiosk.desk.codes import CODE_ALPHABET, format_code, normalize_code
from kiosk.desk.errors import DeskError, InvalidInput
from kiosk.desk.identity import check_name
from kiosk.desk.officers import check_pin
from kiosk.desk.store import open_desk

FAST = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

NASTY = [
    "", " ", "x" * 10_000, "Budi\x1b[2J\x1b[31mmerah", "\x1b]0;pwned\x07", "Budi\x00Santoso",
    "Robert'); DROP TABLE ticket;--", "' OR 1=1 --", "محمد علي", "שלום עליכם",
    "Budi \u202eosotnaS", "👨‍👩‍👧 Budi", "Z̷a̷l̷g̷o̷", "\u200b", "Budi\r\nSantoso", "[red]Budi[/]",
    "١٢٣٤", "１２３４", "--name", "-1", "NaN", "1e3", "0x10", "2026-02-30", "2026-13-01",
]
texts = st.one_of(st.sampled_from(NASTY), st.text(max_size=60),
                  st.text(alphabet=st.characters(codec="utf-8"), max_size=30))


@pytest.fixture
def db(tmp_path):
    url = str(tmp_path / "kiosk.db")
    desk = open_desk(url, ALWAYS_OPEN, create=True)
    desk.set_quota(desk.today(), 999, "uji", actor="sup")
    desk.db.close()
    return url


def run(capsys, db, *argv) -> tuple[int, str, str]:
    code = main(["--db", db, "--office", str(ALWAYS_OPEN), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(code, err, allowed=(2, 3)) -> None:
    assert code in allowed, (code, err)
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err


def status(capsys, db) -> dict:
    code, out, _ = run(capsys, db, "status", "--json")
    assert code == 0
    return json.loads(out)


def assert_consistent(capsys, db, booked: int) -> None:
    day = status(capsys, db)
    numbers = [t["number"] for t in day["tickets"]]
    assert numbers == list(range(1, booked + 1)) and day["issued"] == booked


@FAST
@given(name=texts)
@example(name="Budi Santoso").via("plain")
@example(name="محمد علي").via("right to left")
@example(name="Nguyễn Thị Minh Khai").via("diacritics")
def test_cli_book_name(capsys, db, name):
    before = status(capsys, db)["issued"]
    try:
        expected = check_name(name)
    except InvalidInput:
        expected = None
    code, out, err = run(capsys, db, "book", "perpajakan", f"--name={name}", "--json")
    if expected is None:
        assert_refused(code, err)
        assert_consistent(capsys, db, before)
    else:
        assert code == 0, err
        ticket = json.loads(out)
        assert ticket["number"] == before + 1
        assert_consistent(capsys, db, before + 1)


@FAST
@given(kind=st.sampled_from(["npwp", "nik", "passport", "phone"]), value=texts)
@example(kind="npwp", value="01.300.066.6-091.000")
@example(kind="nik", value="3171011708450001")
@example(kind="phone", value="+62 812-3456-7890")
@example(kind="passport", value="A1234567")
def test_cli_book_identity_and_phone(capsys, db, kind, value):
    before = status(capsys, db)["issued"]
    code, out, err = run(capsys, db, "book", "perpajakan", "--name=Budi Santoso",
                         f"--{kind}={value}", "--json")
    if code == 0:
        assert json.loads(out)["number"] == before + 1
        assert "\x1b" not in out
        assert_consistent(capsys, db, before + 1)
    else:
        assert_refused(code, err)
        assert_consistent(capsys, db, before)


@FAST
@given(code_text=texts)
def test_cli_checkin_any_code(capsys, db, code_text):
    code, out, err = run(capsys, db, "checkin", f"{code_text}")  # never a real code
    assume(not code_text.startswith("-"))
    assert_refused(code, err)


@FAST
@given(date=texts, quota=st.one_of(texts, st.integers(-10**12, 10**12).map(str)),
       reason=texts)
@example(date="2099-01-05", quota="20", reason="rapat")
def test_cli_quota_set(capsys, db, date, quota, reason):
    assume(not date.startswith("-") and not quota.startswith("-") or quota.lstrip("-").isdigit())
    before = status(capsys, db)
    code, out, err = run(capsys, db, "quota", "set", f"--reason={reason}", "--", date, quota)
    if code != 0:
        assert_refused(code, err)
        assert status(capsys, db) == before
    else:
        assert 0 <= int(quota) <= 999 and reason.strip()


@FAST
@given(date=st.one_of(texts, st.dates().map(str), st.dates().map(lambda d: d.strftime("%d/%m/%Y"))))
@example(date="2099-01-05")
def test_cli_book_date(capsys, db, date):
    assume(not date.startswith("-"))
    before = status(capsys, db)["issued"]
    code, out, err = run(capsys, db, "book", "perpajakan", "--name=Budi Santoso",
                         f"--date={date}", "--json")
    if code == 0:
        booked = json.loads(out)
        assert booked["state"] == "booked" and booked["number"] >= 1
    else:
        assert_refused(code, err)
    assert_consistent(capsys, db, before)  # today's queue is untouched by a booking


@FAST
@given(reason=texts)
def test_cli_cancel_reason(capsys, db, reason):
    code, out, err = run(capsys, db, "book", "perpajakan", "--name=Budi Santoso", "--json")
    ticket = json.loads(out)
    code, out, err = run(capsys, db, "cancel", ticket["code"], f"--reason={reason}")
    if code == 0:
        assert "\x1b" not in out
    else:
        assert_refused(code, err, allowed=(3,))
        day = status(capsys, db)
        assert [t["state"] for t in day["tickets"] if t["code"] == ticket["code"]] == ["waiting"]


@pytest.mark.parametrize("argv", [["quota", "set", "--reason=x", "2026-13-01", "5"],
                                  ["quota", "set", "--reason=x", "2099-01-05", "lima"],
                                  ["book", "perpajakan"]])
def test_cli_usage_error_is_one_line(capsys, db, argv):
    code, out, err = run(capsys, db, *argv)
    assert code == 2 and len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize("argv", [["checkin", "AB\x1b[2J\x1b]0;pwned\x07C"],
                                  ["start", "AB\x1b[31mC"]])
def test_cli_never_echoes_escape_sequences(capsys, db, argv):
    code, out, err = run(capsys, db, *argv)
    assert code == 3 and "\x1b" not in err and "\x07" not in err


# ----- at the rules level -----------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(text=st.text())
def test_booking_code_normalising_is_total_and_bounded(text):
    code = normalize_code(text)
    assert len(code) <= 32 and all(ch.isalnum() for ch in code)
    assert normalize_code(format_code(code)) == normalize_code(code)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code_text=texts)
def test_check_in_with_any_code_is_a_refusal(sqlite_desk, code_text):
    desk = sqlite_desk
    for move in (desk.check_in, desk.ticket):
        with pytest.raises(DeskError) as refused:
            move(code_text)
        assert refused.value.message("id") and refused.value.message("en")
    assert desk.status().issued == 0


@settings(max_examples=200, deadline=None)
@given(code=st.text(alphabet=CODE_ALPHABET, min_size=6, max_size=6),
       noise=st.sampled_from(["", "-", " ", "\t"]), lower=st.booleans())
def test_a_real_code_reads_back_however_typed(code, noise, lower):
    typed = code[:3] + noise + code[3:]
    assert normalize_code(typed.lower() if lower else typed) == code


@settings(max_examples=300, deadline=None)
@given(pin=st.one_of(st.text(max_size=20), st.sampled_from(NASTY),
                     st.text(alphabet="0123456789", min_size=0, max_size=16)))
def test_pin_rule(pin):
    ascii_digits = pin.strip().isascii() and pin.strip().isdigit()
    valid = ascii_digits and 4 <= len(pin.strip()) <= 12
    try:
        check_pin(pin)
        accepted = True
    except InvalidInput:
        accepted = False
    assert accepted == valid, repr(pin)


@pytest.mark.parametrize("pin", ["١٢٣٤", "１２３４", "१२३४"])
def test_pin_rule_takes_only_ascii_digits(pin):
    with pytest.raises(InvalidInput):
        check_pin(pin)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(quota=st.one_of(st.integers(-10**6, 10**6), st.booleans(), st.floats(allow_nan=True),
                       st.sampled_from(["15", None, 15.0])))
def test_quota_rule(sqlite_desk, quota):
    desk = sqlite_desk
    valid = type(quota) is int and 0 <= quota <= 999
    try:
        status = desk.set_quota(desk.today(), quota, "uji", actor="sup")
        assert valid and status.quota == quota
    except InvalidInput:
        assert not valid


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(offset=st.integers(-4000, 4000))
def test_booking_date_rule(sqlite_desk, offset):
    desk = sqlite_desk
    day = desk.today() + dt.timedelta(days=offset)
    before = desk.status(day).issued if -1 < offset < 400 else 0
    try:
        ticket = desk.book("perpajakan", "Budi Santoso", day=day)
        assert 0 <= offset <= desk.office.booking_horizon_days and ticket.date == day
    except InvalidInput:
        raise
    except Exception as exc:  # a refusal with a reason, nothing written
        assert type(exc).__name__ in ("DayNotBookable",), exc
        assert exc.message("id")
        assert not 0 <= offset <= desk.office.booking_horizon_days or desk.status(day).remaining == 0
        if -1 < offset < 400:
            assert desk.status(day).issued == before
