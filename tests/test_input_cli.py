"""Bad input on the command line and in the rules (hypothesis, bounded example counts):
valid input accepted, invalid refused with exit 3 (a rule) or 2 (usage) and one line,
never a traceback, never a half-written ticket. Unicode, right-to-left text, emoji,
10,000 characters, control and escape sequences, SQL-looking text."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest
from hypothesis import HealthCheck, assume, event, example, given, settings, strategies as st

from conftest import ALWAYS_OPEN
from input_oracles import (DAY_QUOTA, HORIZON_DAYS, NASTY, PLAUSIBLE, expected_identity,
                           expected_name, half, iso_date, names, near_dates, near_miss, reasons,
                           short_names, text_ok, texts, whole_number, wita_today)
from kiosk.cli.main import main
from kiosk.desk.codes import CODE_ALPHABET, format_code, normalize_code
from kiosk.desk.errors import DayNotBookable, DeskError, InvalidInput
from kiosk.desk.officers import check_pin
from kiosk.desk.store import open_desk

# Each command-line test checks both outcomes: its oracle (tests/input_oracles.py, the
# rules written out there) says which one an input must get, and it asserts at the end
# that its strategies reached each of them a few times.
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


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


def assert_refused(code, err, exit_code) -> None:
    assert code == exit_code, (code, err)
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err


def status(capsys, db, *day) -> dict:
    code, out, _ = run(capsys, db, "status", "--json", *day)
    assert code == 0
    return json.loads(out)


def assert_consistent(capsys, db, booked: int) -> None:
    day = status(capsys, db)
    numbers = [t["number"] for t in day["tickets"]]
    assert numbers == list(range(1, booked + 1)) and day["issued"] == booked


def stored_visitor(db, code):
    desk = open_desk(db, ALWAYS_OPEN)
    try:
        return desk.detail(code).visitor
    finally:
        desk.db.close()


def book_once(capsys, db, accepted: bool, *argv):
    """Book on the command line: if ``accepted``, the next number and its ticket; if not, a
    rule's one-line refusal (exit 3) and nothing written. Returns the stored visitor."""
    before = status(capsys, db)["issued"]
    code, out, err = run(capsys, db, "book", "perpajakan", *argv, "--json")
    if not accepted:
        assert_refused(code, err, 3)
        assert_consistent(capsys, db, before)
        return None
    assert code == 0, err
    ticket = json.loads(out)
    assert ticket["number"] == before + 1 and "\x1b" not in out
    assert_consistent(capsys, db, before + 1)
    return stored_visitor(db, ticket["code"])


def assert_both_seen(seen: Counter, least: int = 5) -> None:
    """The strategies reached both branches, each a few times."""
    assert seen["accepted"] >= least and seen["refused"] >= least, dict(seen)


def test_cli_book_name(capsys, db):
    seen = Counter()

    @FAST
    @given(name=half(names, half(texts, near_miss(short_names))))
    @example(name="Budi Santoso").via("plain")
    @example(name="   ").via("nothing typed")
    @example(name="--").via("the end-of-options mark alone (argparse dropped it: no name)")
    @example(name="محمد علي").via("right to left")
    @example(name="Nguyễn Thị Minh Khai").via("diacritics")
    @example(name="Budi Santoso 2").via("a digit")
    @example(name="Ana " + "a" * 96).via("100 characters")
    @example(name="Ana " + "a" * 97).via("101 characters")
    @example(name="Ana  " + "a" * 96).via("101 typed, 100 once the double space is single")
    def check(name):
        # A walk-in for today may come without a name (the officer completes it at the
        # counter): nothing typed is no name, not a refusal.
        expected = expected_name(name) if name.strip() else ""
        visitor = book_once(capsys, db, expected is not None, f"--name={name}")
        if visitor is not None:
            assert visitor.name == expected
        seen["refused" if expected is None else "accepted"] += 1

    check()
    assert_both_seen(seen)


def test_cli_book_identity_and_phone(capsys, db):
    seen = Counter()
    held: set[str] = set()  # one identity, one number a day: its number, whatever its kind
    kinds = st.sampled_from(sorted(PLAUSIBLE))

    @FAST
    @given(kind_value=kinds.flatmap(lambda kind: st.tuples(
        st.just(kind), half(PLAUSIBLE[kind], texts))))
    @example(kind_value=("npwp", "01.300.066.6-091.000"))
    @example(kind_value=("nik", "3171011708450001"))
    @example(kind_value=("phone", "+62 812-3456-7890"))
    @example(kind_value=("passport", "A1234567"))
    def check(kind_value):
        kind, value = kind_value
        expected = expected_identity(kind, value)
        again = kind != "phone" and expected in held
        visitor = book_once(capsys, db, expected is not None and not again,
                            "--name=Budi Santoso", f"--{kind}={value}")
        if again:
            seen["refused"] += 1
            return
        if kind != "phone" and expected:
            held.add(expected)
        if visitor is not None and kind == "phone":
            assert (visitor.phone, visitor.id_kind) == (expected, "")
        elif visitor is not None:
            assert (visitor.id_kind, visitor.id_number) == (kind if expected else "", expected)
        seen["refused" if expected is None else "accepted"] += 1
        event(f"{kind}: {'refused' if expected is None else 'accepted'}")

    check()
    assert_both_seen(seen)


def test_cli_checkin_any_code(capsys, db):
    @FAST
    @given(code_text=texts)
    def check(code_text):
        # Nothing is booked in this store: every code is unknown, a rule's refusal.
        code, out, err = run(capsys, db, "checkin", "--", code_text)
        assert_refused(code, err, 3)

    check()


def test_cli_quota_set(capsys, db):
    seen = Counter()

    counts = st.integers(-3, 1002).map(str)
    plausible = st.tuples(near_dates(3, 60), counts, reasons)
    anything = st.tuples(st.one_of(near_dates(3, 60), texts),
                         st.one_of(counts, texts, st.integers(-10**12, 10**12).map(str)),
                         st.one_of(reasons, texts))

    @FAST
    @given(args=half(plausible, anything))
    @example(args=("2099-01-05", "20", "rapat"))
    def check(args):
        date, quota, reason = args
        today, day, number = wita_today(), iso_date(date), whole_number(quota)
        if day is None or number is None:
            expected = 2  # not a date, or not a number: a usage error
        elif day < today or not 0 <= number <= 999 or not text_ok(reason, required=True):
            expected = 3
        else:
            expected = 0
        shown = [f"--date={day}"] if day else []
        before = status(capsys, db, *shown)
        code, out, err = run(capsys, db, "quota", "set", f"--reason={reason}", "--", date, quota)
        assume(wita_today() == today)  # not across midnight
        if expected:
            assert_refused(code, err, expected)
            assert status(capsys, db, *shown) == before
        else:
            assert code == 0, err
            after = status(capsys, db, *shown)
            assert (after["quota"], after["quota_reason"]) == (number, reason.strip())
        seen["accepted" if expected == 0 else "refused"] += 1

    check()
    assert_both_seen(seen)


def test_cli_book_date(capsys, db):
    seen, booked = Counter(), Counter()

    @FAST
    @given(date=half(near_dates(2, 9), st.one_of(texts, st.dates().map(str), st.dates().map(
        lambda d: d.strftime("%d/%m/%Y")))), service=st.sampled_from(["perpajakan", "aplikasi"]))
    @example(date="2099-01-05", service="perpajakan")
    def check(date, service):
        today, day = wita_today(), iso_date(date)
        before = status(capsys, db)["issued"]
        if day is None:
            expected = 2
        else:
            quota = 999 if day == today else DAY_QUOTA
            in_horizon = today <= day <= today + dt.timedelta(days=HORIZON_DAYS)
            expected = 0 if in_horizon and booked[day] < quota else 3
        code, out, err = run(capsys, db, "book", service, "--name=Budi Santoso",
                             f"--date={date}", "--json")
        assume(wita_today() == today)
        if expected:
            assert_refused(code, err, expected)
        else:
            assert code == 0, err
            ticket = json.loads(out)
            booked[day] += 1
            assert (ticket["state"], ticket["date"], ticket["service"], ticket["number"]) == (
                "booked", str(day), service, booked[day])
        # Today's queue moves only by a booking for today.
        assert_consistent(capsys, db, before + (expected == 0 and day == today))
        seen["accepted" if expected == 0 else "refused"] += 1

    check()
    assert_both_seen(seen)


def test_cli_cancel_reason(capsys, db):
    seen = Counter()

    @FAST
    @given(reason=half(reasons, half(texts, near_miss(reasons))))
    def check(reason):
        code, out, err = run(capsys, db, "book", "perpajakan", "--name=Budi Santoso", "--json")
        ticket = json.loads(out)
        code, out, err = run(capsys, db, "cancel", ticket["code"], f"--reason={reason}")
        accepted = text_ok(reason, required=False)
        if accepted:
            assert code == 0 and "\x1b" not in out, err
        else:
            assert_refused(code, err, 3)
        state = [t["state"] for t in status(capsys, db)["tickets"] if t["code"] == ticket["code"]]
        assert state == ["cancelled" if accepted else "waiting"]
        seen["accepted" if accepted else "refused"] += 1

    check()
    assert_both_seen(seen)


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


def test_quota_rule(sqlite_desk):
    desk, seen = sqlite_desk, Counter()

    @settings(max_examples=100, deadline=None)
    @given(quota=half(st.integers(-3, 1002), st.one_of(
        st.integers(-10**6, 10**6), st.booleans(), st.floats(allow_nan=True),
        st.sampled_from(["15", None, 15.0]))))
    def check(quota):
        valid = type(quota) is int and 0 <= quota <= 999
        try:
            status = desk.set_quota(desk.today(), quota, "uji", actor="sup")
        except InvalidInput:
            assert not valid
        else:
            assert valid and status.quota == quota
        seen["accepted" if valid else "refused"] += 1

    check()
    assert_both_seen(seen)


def test_booking_date_rule(sqlite_desk):
    desk, seen, booked = sqlite_desk, Counter(), Counter()

    @settings(max_examples=60, deadline=None)
    @given(offset=half(st.integers(-2, HORIZON_DAYS + 2), st.integers(-4000, 4000)))
    def check(offset):
        day = desk.today() + dt.timedelta(days=offset)
        bookable = 0 <= offset <= HORIZON_DAYS and booked[day] < DAY_QUOTA
        try:
            ticket = desk.book("perpajakan", "Budi Santoso", day=day)
        except DayNotBookable as refused:
            assert not bookable and refused.message("id")
        else:
            assert bookable and ticket.date == day
            booked[day] += 1
        assert desk.status(day).issued == booked[day]  # a refusal writes nothing
        seen["accepted" if bookable else "refused"] += 1

    check()
    assert_both_seen(seen)
