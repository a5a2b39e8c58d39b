"""A ticket that tells the truth (issue 13), as rules on a real store of each engine: who
is before a number, the wait against the office's hours, check-in refused after closing or
on a day gone by, every day of the horizon, one number per identity a day."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from escpos.printer import Dummy

from conftest import ALWAYS_OPEN
from kiosk.desk.errors import DeskError, Refused
from kiosk.desk.store import open_desk
from kiosk.devices.printer import build_slip, print_slip

NIK = "3171011708450001"
NPWP = "013000666091000"


def test_booked_numbers_not_arrived_count_before_a_walk_in(desk):
    first = desk.book("perpajakan", "Ani")  # 1, waiting
    booked = [desk.book("perpajakan", n, day=desk.today()) for n in ("Budi", "Citra", "Dewi")]
    desk.check_in(booked[1].code)  # 3 arrives; 2 and 4 have not yet
    walk_in = desk.book("aplikasi", "Eko")  # 5
    assert walk_in.number == 5
    ahead = desk.ahead(walk_in.code)
    assert (ahead.least, ahead.most) == (2, 4)
    wait = desk.wait(walk_in.code)
    assert (wait.minutes, wait.minutes_most) == (10, 20)  # 10 min each, 2 counters
    assert desk.ahead(first.code).most == 0


def test_before_opening_the_wait_counts_from_opening_time(kupang_desk, clock):
    clock.set(2026, 11, 30, 7, 30)  # Monday, the office opens at 08:00
    for name in ("Ani", "Budi", "Citra"):
        kupang_desk.book("perpajakan", name)
    fourth = kupang_desk.book("perpajakan", "Dewi")
    wait = kupang_desk.wait(fourth.code)
    assert (wait.opens, wait.minutes) == ("08:00", 30)  # 3 ahead, 1 counter, 10 min each
    assert wait.around == "08:30"  # not 08:00 + 30 min counted from 07:30
    assert wait.closes is None and not wait.not_today


def test_a_wait_past_closing_is_not_promised(kupang_desk, clock):
    clock.set(2026, 11, 30, 15, 40)  # 20 minutes before closing at 16:00
    for i in range(13):
        kupang_desk.book("perpajakan", f"Wajib Pajak {chr(65 + i)}")
    last = kupang_desk.book("perpajakan", "Nanda")
    wait = kupang_desk.wait(last.code)
    assert wait.minutes == 130
    assert wait.not_today and wait.closes == "16:00"
    clock.set(2026, 11, 30, 10, 0)
    wait = kupang_desk.wait(last.code)  # the same queue at 10:00 is served today
    assert not wait.not_today and wait.closes is None


def test_check_in_after_closing_is_refused(kupang_desk, clock):
    clock.set(2026, 11, 30, 10, 0)
    booked = kupang_desk.book("perpajakan", "Ani", day=kupang_desk.today())
    clock.set(2026, 11, 30, 16, 5)
    before = kupang_desk.status().to_json()
    with pytest.raises(Refused) as refused:
        kupang_desk.check_in(booked.code)
    assert refused.value.key == "checkin_after_hours"
    assert "nomor baru" in refused.value.message("id")
    assert "new number" in refused.value.message("en")
    assert kupang_desk.status().to_json() == before
    clock.set(2026, 11, 30, 15, 55)  # still within the hours: welcome
    assert kupang_desk.check_in(booked.code).state == "waiting"


def test_a_missed_booking_of_yesterday_is_told_so(kupang_desk, clock):
    clock.set(2026, 11, 30, 10, 0)
    booked = kupang_desk.book("perpajakan", "Ani", day=dt.date(2026, 12, 1))
    clock.set(2026, 12, 2, 9, 0)  # the day after the booked one
    with pytest.raises(Refused) as refused:
        kupang_desk.check_in(booked.code)
    assert refused.value.key == "booking_missed"
    said = refused.value.message("id", long_dates=True)
    assert "Selasa, 1 Desember 2026" in said and "sudah lewat" in said and "nomor baru" in said
    assert "hari itu" not in said


def test_every_day_of_the_horizon_is_offered_and_a_closed_one_says_why(desk):
    today = desk.today()
    tomorrow = today + dt.timedelta(days=1)
    desk.set_quota(tomorrow, 0, "Rapat kantor", "supervisor")
    desk.set_quota(tomorrow + dt.timedelta(days=1), 1, "Pelatihan", "supervisor")
    desk.book("perpajakan", "Ani", day=tomorrow + dt.timedelta(days=1))
    options = desk.day_options(start=tomorrow)
    assert [o.date for o in options] == [tomorrow + dt.timedelta(days=i) for i in range(7)]
    closed, full, *rest = options
    assert closed.closed is not None and closed.closed.text("id") == "Rapat kantor"
    assert not closed.bookable
    assert full.closed is None and full.remaining == 0 and not full.bookable
    assert all(o.bookable and o.remaining == 15 for o in rest)
    with pytest.raises(DeskError) as refused:
        desk.book("perpajakan", "Budi", day=tomorrow)
    assert refused.value.key == "day_closed" and "Rapat kantor" in refused.value.message("id")


def test_one_identity_gets_one_number_a_day(desk):
    first = desk.book("perpajakan", "Ani", nik=NIK)
    for service in ("perpajakan", "aplikasi"):  # across the services too
        with pytest.raises(Refused) as refused:
            desk.book(service, "Ani", nik=NIK)
        assert refused.value.key == "identity_has_number"
        assert "nomor 1" in refused.value.message("id")
        assert "number 1" in refused.value.message("en")
    # Another identity, or the same one on another day, gets a number.
    assert desk.book("perpajakan", "Budi", npwp=NPWP).number == 2
    later = desk.book("perpajakan", "Ani", nik=NIK, day=desk.today() + dt.timedelta(days=1))
    assert later.number == 1
    desk.cancel(first.code, "lobby")  # a cancelled number no longer holds the day
    assert desk.book("perpajakan", "Ani", nik=NIK).number == 3
    assert desk.status().issued == 2


def test_one_identity_one_number_when_terminals_book_at_once(store_url):
    """Eight terminals (threads, a desk and a connection each) book the same NIK at the
    same moment: the check runs under the day's lock, so exactly one wins."""
    open_desk(store_url, ALWAYS_OPEN).db.close()
    desks = [open_desk(store_url, ALWAYS_OPEN) for _ in range(8)]
    start = threading.Barrier(len(desks))
    results: list[object] = []

    def book(desk) -> None:
        desk.status()  # connected before the start line
        start.wait()
        try:
            results.append(desk.book("perpajakan", "Ani", nik=NIK).number)
        except DeskError as exc:
            results.append(exc.key)
        finally:
            desk.db.close()

    threads = [threading.Thread(target=book, args=(d,)) for d in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(map(str, results)) == ["1"] + ["identity_has_number"] * 7
    check = open_desk(store_url, ALWAYS_OPEN)
    try:
        assert [t.number for t in check.status().tickets] == [1]
    finally:
        check.db.close()


def test_the_slip_says_free_of_charge_and_what_to_bring(sqlite_desk):
    ticket = sqlite_desk.book("aplikasi", "Ani")
    for lang, free, bring, attorney in (("id", b"Tidak dipungut biaya", b"Yang perlu dibawa",
                                         b"surat kuasa"),
                                        ("en", b"Free of charge", b"Please bring",
                                         b"power of attorney")):
        printer = Dummy()
        print_slip(printer, build_slip(sqlite_desk.office, ticket, lang, (), proxy=True))
        out = printer.output
        assert free in out and bring in out and attorney in out
        assert b"smartphone" in out  # the service's own requirement
