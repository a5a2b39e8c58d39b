"""The lobby end to end, driven like a taxpayer would (Pilot), checked on the screen and
in the store: walk-ins for each service, advance booking when today is not possible,
check-in with good and bad codes, language, following other terminals, store trouble."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input, Static

from conftest import ALWAYS_OPEN, KUPANG
from kiosk.app.app import KioskApp
from kiosk.desk.codes import format_code
from kiosk.desk.errors import StoreUnavailable
from kiosk.desk.store import open_desk
from kiosk.texts import say
from screens.lobby.welcome import LobbyScreen
from screens.lobby.checkin import CheckInScreen
from screens.lobby.take import TakeScreen
from screens.lobby.ticket import TicketScreen
from pilot_helpers import banner_text, click_ready, until

NPWP = "013000666091000"
NIK = "3171011708450001"


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def screen_text(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


async def type_into(pilot, selector: str, text: str) -> None:
    pilot.app.screen.query_one(selector).focus()
    await pilot.press(*text)


async def take(pilot, service: str, status: str = "self", name: str = "Budi Santoso",
               id_kind: str | None = None, id_number: str = "", phone: str = "") -> None:
    """From the welcome to the confirm step, by touch and keyboard."""
    await pilot.click(f"#service-{service}")
    await pilot.pause()
    if service == "aplikasi":
        await click_ready(pilot, "#device-ok")
    await pilot.click(f"#status-{status}")
    await pilot.pause()
    await pilot.press(*name, "enter")  # the name field has the focus; Enter: next field
    if id_kind:
        await pilot.click(f"#kind-{id_kind}")
        pilot.app.screen.query_one("#id").focus()
    await pilot.press(*id_number, "enter")
    await pilot.press(*phone, "enter")  # Enter on the last field: go on
    await pilot.pause()


async def test_walk_in_tax_consultation(sqlite_desk):
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "15 dari 15" in shown(app, "#left")
        await take(pilot, "perpajakan", name="Siti Aminah", id_kind="npwp", id_number=NPWP,
                   phone="081234567890")
        assert "Siti Aminah" in shown(app, "#summary")
        assert "Hari ini" in shown(app, "#summary")
        await pilot.click("#confirm-ok")
        await pilot.pause()
        assert isinstance(app.screen, TicketScreen)
        assert app.screen.query_one("#number").value == "1"
        text = screen_text(app)
        assert "Konsultasi Perpajakan" in text and "Tidak dipungut biaya" in text
        assert "Anda berikutnya" in text
        # Rule 6: the ticket never shows who comes.
        for private in ("Siti", NPWP, "0812", "+62"):
            assert private not in text
        status = sqlite_desk.status()
        assert [t.number for t in status.waiting] == [1]
        ticket = status.waiting[0]
        assert ticket.service == "perpajakan" and ticket.walk_in
        assert format_code(ticket.code) in text
        visitor = sqlite_desk.detail(ticket.code).visitor
        assert (visitor.name, visitor.status, visitor.id_kind, visitor.id_number, visitor.phone) == (
            "Siti Aminah", "self", "npwp", NPWP, "+6281234567890")
        await click_ready(pilot, "#home")
        await pilot.pause()
        assert isinstance(app.screen, LobbyScreen)
        assert "14 dari 15" in shown(app, "#left")


async def test_walk_in_application_consultation_asks_for_the_device(sqlite_desk):
    sqlite_desk.book("perpajakan", "Ani")  # one already waiting
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#service-aplikasi")
        await pilot.pause()
        assert "perangkat" in shown(app, "#step-device .heading")
        await click_ready(pilot, "#device-ok")
        await click_ready(pilot, "#status-proxy")
        await pilot.pause()
        assert app.screen.query_one("#proxy-note").display  # the power of attorney
        await pilot.press(*"Yohanes Tefa", "enter")
        await pilot.click("#kind-nik")
        app.screen.query_one("#id").focus()
        await pilot.press(*NIK, "enter", "enter")
        await pilot.pause()
        await pilot.click("#confirm-ok")
        await pilot.pause()
        assert isinstance(app.screen, TicketScreen)
        assert app.screen.query_one("#number").value == "2"
        assert "surat kuasa" in shown(app, "#bring")  # came as a proxy: on the list to bring
        assert "1 orang menunggu di depan Anda" in screen_text(app)
        assert "sekitar 5 menit" in screen_text(app)  # 1 ahead x 10 min default, 2 counters
    waiting = sqlite_desk.status().waiting
    assert [(t.number, t.service) for t in waiting] == [(1, "perpajakan"), (2, "aplikasi")]
    visitor = sqlite_desk.detail(waiting[1].code).visitor
    assert (visitor.status, visitor.id_kind, visitor.id_number) == ("proxy", "nik", NIK)


async def test_fields_are_checked_as_typed_and_block_a_bad_form(sqlite_desk):
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#service-perpajakan")
        await click_ready(pilot, "#status-self")
        await pilot.pause()
        # The name is offered, not required, today (issue 13): a wrong one still blocks.
        await pilot.press(*"Budi 7")
        assert "hanya boleh berisi huruf" in shown(app, "#name-why")
        await pilot.press("enter", "enter", "enter")
        await until(pilot, lambda: "Periksa kembali" in shown(app, "#form-why"))
        assert app.focused.id == "name"
        app.screen.query_one("#name", Input).value = "Budi"
        await until(pilot, lambda: "Benar" in shown(app, "#name-why"))
        await type_into(pilot, "#id", "0130")
        assert shown(app, "#id-why") == ""  # unfinished, not yet wrong
        await pilot.press("x")
        assert "NPWP tidak valid" in shown(app, "#id-why")  # no NPWP has a letter
        await pilot.press("backspace")
        await pilot.click("#kind-passport")  # the same text, checked as a passport now
        await until(pilot, lambda: "paspor tidak valid" in shown(app, "#id-why"))
        await type_into(pilot, "#phone", "12")
        assert shown(app, "#phone-why") == ""
        await pilot.press("enter")  # going on: now the short numbers are wrong, and said so
        await until(pilot, lambda: "telepon tidak valid" in shown(app, "#phone-why"))
        assert app.screen.query_one("#steps").current == "step-form"
    assert sqlite_desk.status().issued == 0


async def test_quota_reached_offers_the_next_days(sqlite_desk):
    today = sqlite_desk.today()
    sqlite_desk.set_quota(today, 1, "rapat", "supervisor")
    sqlite_desk.book("perpajakan", "Ani")
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown(app, "#left") == say("lobby_taken_today", "id", quota=1)
        assert "habis" in shown(app, "#left")
        await take(pilot, "perpajakan", name="Maria")
        assert app.screen.query_one("#steps").current == "step-day"
        why = shown(app, "#day-why")
        assert "Hari ini tidak bisa" in why and "habis" in why
        tomorrow = today + dt.timedelta(days=1)
        await pilot.click(f"#day-{tomorrow.isoformat()}")
        await pilot.pause()
        assert "Selasa, 1 Desember 2026" in shown(app, "#summary")
        await pilot.click("#confirm-ok")
        await pilot.pause()
        assert isinstance(app.screen, TicketScreen)
        assert "Nomor pemesanan Anda" in screen_text(app)
        assert "check-in" in screen_text(app)
    assert sqlite_desk.status().issued == 1
    later = sqlite_desk.status(tomorrow)
    assert [(t.number, t.state, t.walk_in) for t in later.tickets] == [(1, "booked", False)]


async def test_quota_taken_between_confirm_and_booking(sqlite_desk):
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await take(pilot, "perpajakan", name="Maria")
        assert app.screen.query_one("#steps").current == "step-confirm"
        for _ in range(15):  # another terminal takes the last numbers meanwhile
            sqlite_desk.book("perpajakan", "Ani")
        await pilot.click("#confirm-ok")
        await pilot.pause()
        assert isinstance(app.screen, TakeScreen)
        assert app.screen.query_one("#steps").current == "step-day"
        why = shown(app, "#day-why")
        assert "sudah habis" in why
        # Dates as a taxpayer reads them, not as a script does.
        assert "Senin, 30 November 2026" in why and "Selasa, 1 Desember 2026" in why
        assert "2026-" not in why
        await pilot.click("#back")  # back to the form, not to the refused confirmation
        await pilot.pause()
        assert app.screen.query_one("#steps").current == "step-form"
    assert sqlite_desk.status().issued == 15  # the other terminal's numbers, not Maria's


async def test_closed_day_books_the_next_working_day(sqlite_url, clock):
    clock.set(2026, 11, 29, 10, 0)  # a Sunday in Kupang
    desk = open_desk(sqlite_url, KUPANG, clock=clock)
    try:
        app = KioskApp(desk, "lobby")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "akhir pekan" in shown(app, "#left")
            # Not "touch the service you need" as on an open day: it books a coming day.
            assert shown(app, "#prompt") == say("lobby_choose_service_later", "id")
            await take(pilot, "aplikasi", name="Maria")
            assert "akhir pekan" in shown(app, "#day-why")
            choices = [b.id for b in app.screen.query("#day-choices Button")]
            assert choices[0] == "day-2026-11-30"  # Monday
            await pilot.click("#day-2026-11-30")
            await pilot.click("#confirm-ok")
            await pilot.pause()
            assert isinstance(app.screen, TicketScreen)
            # When to come, within which hours, and to keep the code: a slip may not print.
            come = shown(app, "#wait-0")
            assert "Senin, 30 November 2026" in come and "08:00–16:00" in come
            assert shown(app, "#wait-1") == say("lobby_ticket_keep_code", "id")
            assert "surat kuasa" not in shown(app, "#bring")
        booked = desk.status(dt.date(2026, 11, 30)).tickets
        assert [(t.number, t.state, t.service) for t in booked] == [(1, "booked", "aplikasi")]
        assert desk.status().issued == 0
    finally:
        desk.db.close()


async def test_check_in_a_booking_by_typing_or_scanning(sqlite_desk):
    sqlite_desk.book("perpajakan", "Ani")
    booked = sqlite_desk.book("aplikasi", "Budi", day=sqlite_desk.today())
    assert booked.state == "booked"
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#checkin")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        # A scanner types the code from the QR and presses Enter; people type the hyphen.
        await pilot.press(*format_code(booked.code).lower(), "enter")
        await pilot.pause()
        assert isinstance(app.screen, TicketScreen)
        assert app.screen.query_one("#number").value == "2"
        assert "1 orang menunggu" in screen_text(app)
    waiting = sqlite_desk.status().waiting
    assert [(t.number, t.state) for t in waiting] == [(1, "waiting"), (2, "waiting")]


@pytest.mark.parametrize("case, sentence", [
    ("unknown", "tidak kami temukan"),
    ("other_day", "bukan hari ini"),
    ("cancelled", "sudah dibatalkan"),
    ("already", "sudah check-in"),
    ("empty", "Ketik kode pemesanan dulu"),
])
async def test_check_in_refusals_are_sentences(sqlite_desk, case, sentence):
    desk = sqlite_desk
    code = {
        "unknown": lambda: "ZZZ-999",
        "other_day": lambda: desk.book("perpajakan", "Ani",
                                       day=desk.today() + dt.timedelta(days=2)).code,
        "cancelled": lambda: desk.cancel(desk.book("perpajakan", "Ani", day=desk.today()).code,
                                         "lobby").code,
        "already": lambda: desk.book("perpajakan", "Ani").code,
        "empty": lambda: "",
    }[case]()
    before = desk.status().to_json()
    app = KioskApp(desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#checkin")
        await pilot.pause()
        await pilot.press(*code)
        await pilot.click("#checkin-go")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        assert sentence in shown(app, "#checkin-why")
        assert "Error" not in shown(app, "#checkin-why")
        assert app.screen.query_one("#code", Input).value == ""  # ready for the next try
    assert desk.status().to_json() == before


async def test_language_switch_and_english_flow(sqlite_desk):
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#language")
        await pilot.pause()
        assert app.lang == "en"
        assert "Numbers left today: 15 of 15" in shown(app, "#left")
        assert "Monday, 30 November 2026" in shown(app, "#clock")
        assert "Tax Consultation" in str(app.screen.query_one("#service-perpajakan").label)
        await take(pilot, "perpajakan", status="representative", name="PT Sumba Jaya")
        await pilot.click("#confirm-ok")
        await pilot.pause()
        assert "Your queue number" in screen_text(app)
        assert "Free of charge" in screen_text(app)
        await click_ready(pilot, "#home")  # done: the next visitor starts in Bahasa Indonesia
        for _ in range(40):
            await pilot.pause(0.05)
            if app.lang == "id" and isinstance(app.screen, LobbyScreen):
                break
        assert "Sisa nomor antrean hari ini: 14 dari 15" in shown(app, "#left")
    assert sqlite_desk.detail(sqlite_desk.status().waiting[0].code).visitor.status == "representative"


async def test_welcome_follows_bookings_from_other_terminals(store_url, clock):
    """On both engines: SQLite's data_version, PostgreSQL's LISTEN/NOTIFY."""
    lobby_desk = open_desk(store_url, ALWAYS_OPEN, clock=clock)
    other = open_desk(store_url, ALWAYS_OPEN, clock=clock)
    try:
        app = KioskApp(lobby_desk, "lobby")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "15 dari 15" in shown(app, "#left")
            for _ in range(3):
                other.book("perpajakan", "Ani")
            for _ in range(40):  # the change check runs 5 times a second
                await pilot.pause(0.05)
                if "12 dari 15" in shown(app, "#left"):
                    break
            assert "12 dari 15" in shown(app, "#left")
    finally:
        other.db.close()
        lobby_desk.db.close()


async def test_store_trouble_is_a_calm_message(sqlite_desk, monkeypatch):
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await take(pilot, "perpajakan", name="Maria")

        def down(*args, **kwargs):
            raise StoreUnavailable("connection refused")

        monkeypatch.setattr(sqlite_desk, "book", down)
        await pilot.click("#confirm-ok")
        await pilot.pause()
        assert isinstance(app.screen, TakeScreen)
        assert "Nomor tidak dapat diambil" in shown(app, "#confirm-why")
        monkeypatch.setattr(sqlite_desk, "status", down)
        await pilot.click("#cancel")
        await click_ready(pilot, "#ask-yes")  # a name was typed: "Cancel" asks first
        await pilot.pause()
        assert isinstance(app.screen, LobbyScreen)
        # The app's one banner says it (the welcome's #trouble line until issue 14).
        assert "sistem antrean sedang terganggu" in banner_text(app)
        monkeypatch.undo()
        for _ in range(40):  # it comes back by itself once the store answers
            await pilot.pause(0.05)
            if "sistem antrean sedang terganggu" not in banner_text(app):
                break
        assert "sistem antrean sedang terganggu" not in banner_text(app)
        assert "15 dari 15" in shown(app, "#left")
