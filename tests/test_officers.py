"""Officers: PINs only as salted slow hashes, lockout after wrong tries, all in the audit log."""

from __future__ import annotations

import datetime as dt

import peewee
import pytest

from data.models import Officer
from kiosk.desk.errors import InvalidInput, NotAllowed, NotFound, Refused
from kiosk.desk.officers import LOCK_MINUTES, MAX_TRIES, Officers


@pytest.fixture
def officers(desk):
    officers = Officers(desk)
    officers.add("Sari Dewi", "supervisor", "482913", actor="setup")
    officers.add("Budi Santoso", "officer", "1357", actor="Sari Dewi")
    return officers


def test_pins_are_stored_only_as_salted_argon2_hashes(officers):
    rows = {o.name: o.pin_hash for o in Officer.select()}
    assert all(h.startswith("$argon2") for h in rows.values())
    assert "482913" not in rows["Sari Dewi"] and "1357" not in rows["Budi Santoso"]
    officers.add("Ani", "officer", "1357", actor="Sari Dewi")
    assert Officer.get(Officer.name == "Ani").pin_hash != Officer.get(Officer.name == "Budi Santoso").pin_hash
    text = repr([(e.detail, e.reason) for e in officers.audit()])
    assert "482913" not in text and "1357" not in text


def test_login_with_the_right_pin(officers):
    me = officers.login("Budi Santoso", "1357", counter=1)
    assert (me.name, me.role, me.is_supervisor) == ("Budi Santoso", "officer", False)
    assert officers.login("Sari Dewi", "482913").is_supervisor
    assert officers.audit()[0].action == "login"


def test_wrong_pins_lock_the_officer_for_some_minutes(officers, clock):
    for _ in range(MAX_TRIES - 1):
        with pytest.raises(NotAllowed) as wrong:
            officers.login("Budi Santoso", "0000")
        assert wrong.value.key == "pin_wrong"
    with pytest.raises(NotAllowed) as locked:
        officers.login("Budi Santoso", "0000")
    assert locked.value.key == "officer_locked"
    with pytest.raises(NotAllowed) as still:
        officers.login("Budi Santoso", "1357")  # even the right PIN waits
    assert still.value.key == "officer_locked"
    clock.advance(minutes=LOCK_MINUTES, seconds=1)
    assert officers.login("Budi Santoso", "1357").name == "Budi Santoso"
    actions = [e.action for e in officers.audit()]
    assert actions.count("login_failed") == MAX_TRIES - 1 and "login_locked" in actions


def test_unknown_or_disabled_officers_cannot_log_in(officers):
    with pytest.raises(NotAllowed) as unknown:
        officers.login("Nobody", "1357")
    assert unknown.value.key == "pin_wrong"  # the same answer as a wrong PIN
    officers.set_active("Budi Santoso", False, actor="Sari Dewi")
    with pytest.raises(NotAllowed):
        officers.login("Budi Santoso", "1357")
    officers.set_active("Budi Santoso", True, actor="Sari Dewi")
    assert officers.login("Budi Santoso", "1357")


def test_reset_pin_and_bad_pins(officers):
    officers.reset_pin("Budi Santoso", "24680", actor="Sari Dewi")
    assert officers.login("Budi Santoso", "24680")
    for pin in ("", "12", "abcd", "1234567890123", "12 34"):
        with pytest.raises(InvalidInput):
            officers.add("Ani Lestari", "officer", pin, actor="Sari Dewi")
    with pytest.raises(Refused):
        officers.add("Budi Santoso", "officer", "1234", actor="Sari Dewi")
    with pytest.raises(InvalidInput):
        officers.add("Ani Lestari", "admin", "1234", actor="Sari Dewi")
    with pytest.raises(NotFound):
        officers.reset_pin("Nobody", "1234", actor="Sari Dewi")
    assert [o.name for o in officers.list()] == ["Budi Santoso", "Sari Dewi"]


def test_the_audit_of_a_day_holds_its_logins_and_its_quota(officers, desk, clock):
    officers.login("Budi Santoso", "1357", counter=1)
    desk.set_quota(desk.today() + dt.timedelta(days=3), 5, "rapat", actor="Sari Dewi")
    today = [e.action for e in officers.audit(desk.today())]
    assert "login" in today and "set_quota" in today
    later = [e.action for e in officers.audit(desk.today() + dt.timedelta(days=3))]
    assert later == ["set_quota"]
    clock.advance(days=1)
    assert officers.audit(desk.today()) == []


def test_a_database_error_in_officers_is_a_calm_refusal(officers, desk):
    from kiosk.desk.errors import StoreUnavailable

    desk.db.close()
    original = desk.db.connect
    desk.db.connect = lambda *a, **k: (_ for _ in ()).throw(peewee.OperationalError("disk I/O error"))
    try:
        with pytest.raises(StoreUnavailable):
            officers.login("Budi Santoso", "1357")
    finally:
        desk.db.connect = original
