"""A ticket that tells the truth (issue 13), as a taxpayer meets it on the lobby screens
(Pilot, at 80×24): the people before a number as a range, no promise past closing time,
check-in refused after closing or for a day gone by, every day of the horizon with the
closed ones saying why, a day that fills while the taxpayer confirms, one number per
identity."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Button, Static

from conftest import KUPANG
from kiosk.app.app import KioskApp
from kiosk.desk.store import open_desk
from pilot_helpers import until
from screens.lobby.checkin import CheckInScreen
from screens.lobby.take import TakeScreen
from screens.lobby.ticket import TicketScreen
from test_lobby_flows import NIK, screen_text, shown, take


def wait_text(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query("#wait-lines Static"))


async def show_ticket(pilot, ticket) -> None:
    pilot.app.push_screen(TicketScreen(ticket))
    await until(pilot, lambda: isinstance(pilot.app.screen, TicketScreen)
                and len(pilot.app.screen.query("#wait-lines Static")) > 0)


async def test_a_walk_in_behind_booked_numbers_is_told_a_range(sqlite_desk):
    desk = sqlite_desk
    desk.book("perpajakan", "Ani")
    booked = [desk.book("perpajakan", n, day=desk.today()) for n in ("Budi", "Citra", "Dewi")]
    desk.check_in(booked[1].code)
    walk_in = desk.book("aplikasi", "Eko")
    app = KioskApp(desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await show_ticket(pilot, walk_in)
        said = wait_text(app)
        assert "2–4 orang sebelum Anda" in said
        assert "2 orang menunggu" not in said
        assert "sekitar 10–20 menit" in said


async def test_a_wait_past_closing_is_not_promised_on_the_ticket(sqlite_url, clock):
    clock.set(2026, 11, 30, 15, 40)
    desk = open_desk(sqlite_url, KUPANG, clock=clock)
    try:
        for i in range(13):
            desk.book("perpajakan", f"Wajib Pajak {chr(65 + i)}")
        last = desk.book("perpajakan", "Nanda")
        app = KioskApp(desk, "lobby")
        async with app.run_test(size=(80, 24)) as pilot:
            await show_ticket(pilot, last)
            said = wait_text(app)
            assert "130" not in said and "menit" not in said
            assert "13 orang menunggu" in said
            assert "tutup pukul 16:00" in said and "hari lain" in said
    finally:
        desk.db.close()


async def test_before_opening_the_ticket_counts_from_opening_time(sqlite_url, clock):
    clock.set(2026, 11, 30, 7, 30)
    desk = open_desk(sqlite_url, KUPANG, clock=clock)
    try:
        desk.book("perpajakan", "Ani")
        second = desk.book("perpajakan", "Budi")
        app = KioskApp(desk, "lobby")
        async with app.run_test(size=(80, 24)) as pilot:
            await show_ticket(pilot, second)
            said = wait_text(app)
            assert "buka pukul 08:00" in said and "sekitar pukul 08:10" in said
    finally:
        desk.db.close()


async def check_in_says(pilot, code: str) -> str:
    await pilot.click("#checkin")
    await until(pilot, lambda: isinstance(pilot.app.screen, CheckInScreen))
    await pilot.press(*code, "enter")
    await until(pilot, lambda: shown(pilot.app, "#checkin-why") not in ("",))
    await until(pilot, lambda: not pilot.app.screen.busy)
    return shown(pilot.app, "#checkin-why")


async def test_check_in_after_closing_and_a_missed_booking_are_refused(sqlite_url, clock):
    clock.set(2026, 11, 27, 14, 0)  # Friday: booked for that day, never came
    desk = open_desk(sqlite_url, KUPANG, clock=clock)
    try:
        yesterday = desk.book("perpajakan", "Budi", day=desk.today())
        today = desk.book("perpajakan", "Ani", day=dt.date(2026, 11, 30))  # for Monday
        for at, code, words, not_words in (
                ((2026, 11, 30, 9, 0), yesterday.code,
                 ("Jumat, 27 November 2026", "sudah lewat", "nomor baru"), "hari itu"),
                ((2026, 11, 30, 16, 10), today.code, ("sudah selesai", "nomor baru"),
                 "berikutnya")):
            clock.set(*at)
            app = KioskApp(desk, "lobby")
            async with app.run_test(size=(80, 24)) as pilot:
                said = await check_in_says(pilot, code)
                assert all(w in said for w in words), said
                assert not_words not in said
                assert isinstance(app.screen, CheckInScreen)
        assert [t.state for t in desk.status().tickets] == ["booked"]
        assert [t.state for t in desk.status(dt.date(2026, 11, 27)).tickets] == ["expired"]
    finally:
        desk.db.close()


async def test_every_day_is_offered_and_a_day_filled_while_confirming_is_said_in_view(
        sqlite_desk):
    desk = sqlite_desk
    today = desk.today()
    day = [today + dt.timedelta(days=i) for i in range(8)]
    desk.set_quota(today, 1, "rapat", "supervisor")
    desk.book("perpajakan", "Ani")
    desk.set_quota(day[1], 0, "Rapat kantor", "supervisor")
    app = KioskApp(desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await take(pilot, "perpajakan", name="Maria")
        await until(pilot, lambda: app.screen.query_one("#steps").current == "step-day")
        entries = list(app.screen.query("#day-choices > *"))
        assert [e.id for e in entries] == [f"day-{d.isoformat()}" for d in day[1:]]
        closed = app.screen.query_one(f"#day-{day[1].isoformat()}")
        assert not isinstance(closed, Button)
        assert "tutup (Rapat kantor)" in str(closed.render())
        assert "habis" not in str(closed.render())
        assert all(isinstance(e, Button) for e in entries[1:])
        assert "lihat semua hari" in shown(app, "#day-hint")  # the list scrolls at 80x24
        await pilot.click(f"#day-{day[2].isoformat()}")
        await until(pilot, lambda: app.screen.query_one("#steps").current == "step-confirm")
        for i in range(15):  # other terminals take that day's numbers meanwhile
            desk.book("perpajakan", f"Wajib Pajak {chr(65 + i)}", day=day[2])
        await pilot.click("#confirm-ok")
        await until(pilot, lambda: app.screen.query_one("#steps").current == "step-day"
                    and "habis" in shown(app, "#day-why"))
        await until(pilot, lambda: not app.screen.busy)
        assert isinstance(app.screen, TakeScreen)
        full = app.screen.query_one(f"#day-{day[2].isoformat()}")
        assert not isinstance(full, Button) and "habis" in str(full.render())
        # A key still held from "take the number" chooses no other day unseen.
        assert not isinstance(app.focused, Button)
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert app.screen.query_one("#steps").current == "step-day"
        assert isinstance(app.screen, TakeScreen)
        later = app.screen.query_one(f"#day-{day[5].isoformat()}")
        later.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click(f"#day-{day[5].isoformat()}")
        await until(pilot, lambda: app.screen.query_one("#steps").current == "step-confirm")
        await pilot.click("#confirm-ok")
        await until(pilot, lambda: isinstance(app.screen, TicketScreen))
    assert [t.number for t in desk.status(day[5]).tickets] == [1]
    assert [t.number for t in desk.status(day[2]).tickets] == list(range(1, 16))
    assert all(not desk.status(d).tickets for d in (day[3], day[4], day[6], day[7]))


async def test_a_second_number_for_the_same_identity_is_refused_on_screen(sqlite_desk):
    held = sqlite_desk.book("aplikasi", "Ani", nik=NIK)
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await take(pilot, "perpajakan", name="Ani", id_kind="nik", id_number=NIK)
        await pilot.click("#confirm-ok")
        await until(pilot, lambda: "sudah memegang" in shown(app, "#confirm-why"))
        assert f"nomor {held.number}" in shown(app, "#confirm-why")
        assert isinstance(app.screen, TakeScreen)
        assert not any(isinstance(w, Static) and "Nomor antrean Anda" in str(w.render())
                       for w in app.screen.query(Static))
    assert [t.number for t in sqlite_desk.status().tickets] == [1]


async def test_today_closed_by_a_supervisor_says_closed_with_the_reason(sqlite_desk):
    sqlite_desk.set_quota(sqlite_desk.today(), 0, "Rapat kantor", "supervisor")
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "Rapat kantor" in shown(app, "#left"))
        assert shown(app, "#left") == "Hari ini Help Desk tutup (Rapat kantor)."
        assert "habis" not in shown(app, "#left") and "(0" not in shown(app, "#left")
        await take(pilot, "perpajakan", name="Maria")
        await until(pilot, lambda: app.screen.query_one("#steps").current == "step-day")
        why = shown(app, "#day-why")
        assert "Rapat kantor" in why and "habis" not in why


async def test_the_first_number_taken_before_opening_says_when_the_desk_opens(sqlite_url, clock):
    clock.set(2026, 11, 30, 0, 48)  # a lobby left on overnight: number 1 at 00:48
    desk = open_desk(sqlite_url, KUPANG, clock=clock)
    try:
        first = desk.book("perpajakan", "Ani")
        app = KioskApp(desk, "lobby")
        async with app.run_test(size=(80, 24)) as pilot:
            await show_ticket(pilot, first)
            said = wait_text(app)
            assert "berikutnya dipanggil" in said
            assert "buka pukul 08:00" in said and "sekitar pukul 08:00" in said
    finally:
        desk.db.close()
