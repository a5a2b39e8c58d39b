"""The lobby at a touch screen (issue 13), driven by clicks only — no key press: the
on-screen keyboard and keypads are clicked — and the same flows by the keyboard alone,
checked in the store. Walk-ins need no typing; a booking for another day needs a name or an
identity (the desk's rule too)."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.app.app import KioskApp
from kiosk.desk.errors import InvalidInput
from screens.lobby.checkin import CheckInScreen
from screens.common.keys import key_id
from screens.lobby.ticket import TicketScreen
from screens.lobby.welcome import LobbyScreen
from pilot_helpers import click_ready, until

NIK = "3171011708450001"


def on(app, kind) -> bool:
    """``kind`` is shown: pushed and its widgets mounted (a loaded machine shows the gap)."""
    return isinstance(app.screen, kind) and app.screen.is_mounted


async def click_keys(pilot, panel: str, text: str) -> None:
    for ch in text:
        await pilot.click(f"#{key_id(panel, ch)}")


# ----- the desk's rule ------------------------------------------------------------------

def test_a_walk_in_needs_no_name_a_later_day_needs_a_name_or_an_identity(sqlite_desk):
    desk = sqlite_desk
    walk_in = desk.book("perpajakan", "")  # was refused: "Nama wajib diisi."
    assert walk_in.state == "waiting" and desk.detail(walk_in.code).visitor.name == ""
    tomorrow = desk.today() + dt.timedelta(days=1)
    with pytest.raises(InvalidInput) as refused:
        desk.book("perpajakan", "", day=tomorrow)
    assert refused.value.key == "name_or_identity_required"
    assert "nama atau nomor identitas" in refused.value.message("id")
    by_identity = desk.book("perpajakan", "", nik=NIK, day=tomorrow)
    assert desk.detail(by_identity.code).visitor.id_number == NIK
    with pytest.raises(InvalidInput):
        desk.book("perpajakan", "Budi 7")  # a name typed is still checked


# ----- clicks only ----------------------------------------------------------------------

@pytest.mark.parametrize("service", ["perpajakan", "aplikasi"])
async def test_a_number_for_each_service_by_clicks_only(sqlite_desk, service):
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await click_ready(pilot, f"#service-{service}")
        if service == "aplikasi":
            await click_ready(pilot, "#device-ok")
        await click_ready(pilot, "#take-now")
        await until(pilot, lambda: on(app, TicketScreen))
        assert app.screen.query_one("#number").value == "1"
    waiting = sqlite_desk.status().waiting
    assert [(t.number, t.service, t.walk_in) for t in waiting] == [(1, service, True)]


async def test_name_and_identity_on_the_on_screen_keys_by_clicks_only(sqlite_desk):
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await click_ready(pilot, "#service-perpajakan")
        await click_ready(pilot, "#status-self")
        await until(pilot, lambda: app.screen.query_one("#keyboard").has_class("-shown"))
        await click_keys(pilot, "keyboard", "budi s")
        await pilot.click("#keyboard-backspace")
        await click_keys(pilot, "keyboard", "tefa")
        await pilot.click("#kind-nik")
        await until(pilot, lambda: app.screen.query_one("#digits").has_class("-shown"))
        await click_keys(pilot, "digits", NIK)
        await pilot.click("#form-next")
        await click_ready(pilot, "#confirm-ok")
        await until(pilot, lambda: on(app, TicketScreen))
    ticket = sqlite_desk.status().waiting[0]
    visitor = sqlite_desk.detail(ticket.code).visitor
    assert (visitor.name, visitor.id_kind, visitor.id_number) == ("Budi Tefa", "nik", NIK)


async def test_check_in_on_the_code_keypad_by_clicks_only(sqlite_desk):
    booked = sqlite_desk.book("aplikasi", "Budi", day=sqlite_desk.today())
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await click_ready(pilot, "#checkin")
        await until(pilot, lambda: on(app, CheckInScreen))
        await pilot.pause()
        await click_keys(pilot, "codepad", booked.code[:2] + "Z")
        await pilot.click("#codepad-backspace")  # a wrong key, taken back
        await click_keys(pilot, "codepad", booked.code[2:])
        await pilot.click("#checkin-go")
        await until(pilot, lambda: on(app, TicketScreen))
    assert [t.code for t in sqlite_desk.status().waiting] == [booked.code]


async def test_a_booking_for_another_day_by_clicks_only(sqlite_desk):
    today = sqlite_desk.today()
    sqlite_desk.set_quota(today, 1, "rapat", "supervisor")
    sqlite_desk.book("perpajakan", "Ani")
    tomorrow = today + dt.timedelta(days=1)
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await click_ready(pilot, "#service-perpajakan")
        await pilot.pause()
        assert not app.screen.query_one("#take-now").display  # no number left today
        await click_ready(pilot, "#status-self")
        await pilot.click("#form-next")  # nothing typed: another day needs a name
        await until(pilot, lambda: "nama atau nomor identitas" in str(
            app.screen.query_one("#form-why").render()))
        await click_keys(pilot, "keyboard", "maria")
        await click_ready(pilot, "#form-next")
        await click_ready(pilot, f"#day-{tomorrow.isoformat()}")
        await click_ready(pilot, "#confirm-ok")
        await until(pilot, lambda: on(app, TicketScreen))
    later = sqlite_desk.status(tomorrow).tickets
    assert [(t.number, t.state) for t in later] == [(1, "booked")]
    assert sqlite_desk.detail(later[0].code).visitor.name == "Maria"


# ----- the keyboard alone ---------------------------------------------------------------

async def press_when_ready(pilot, wanted: str) -> None:
    """Enter on the focused ``wanted`` button once it takes a fresh press."""
    await until(pilot, lambda: getattr(pilot.app.focused, "id", None) == wanted
                and not getattr(pilot.app.focused, "guarded", False))
    await pilot.press("enter")


@pytest.mark.parametrize("service", ["perpajakan", "aplikasi"])
async def test_a_number_for_each_service_by_the_keyboard_alone(sqlite_desk, service):
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.focused is not None)
        while app.focused.id != f"service-{service}":
            await pilot.press("right")  # the arrows move between the buttons
        await pilot.press("enter")
        if service == "aplikasi":
            await press_when_ready(pilot, "device-ok")
        await press_when_ready(pilot, "take-now")
        await until(pilot, lambda: on(app, TicketScreen))
    assert [t.service for t in sqlite_desk.status().waiting] == [service]


async def test_check_in_and_another_day_by_the_keyboard_alone(sqlite_desk):
    today = sqlite_desk.today()
    booked = sqlite_desk.book("aplikasi", "Budi", day=today)
    sqlite_desk.set_quota(today, 1, "rapat", "supervisor")
    tomorrow = today + dt.timedelta(days=1)
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.focused is not None)
        while app.focused.id != "checkin":
            await pilot.press("right")
        await pilot.press("enter")
        await until(pilot, lambda: on(app, CheckInScreen) and app.focused.id == "code")
        await pilot.press(*booked.code.lower(), "enter")  # as a scanner types it
        await until(pilot, lambda: on(app, TicketScreen) and not app.screen.guarded)
        await pilot.press("tab", "enter")  # "Done", reached on purpose
        await until(pilot, lambda: on(app, LobbyScreen))
        await until(pilot, lambda: getattr(app.focused, "id", "").startswith("service-"))
        await pilot.press("enter")  # the first service; today is full now
        await press_when_ready(pilot, "status-self")
        await until(pilot, lambda: app.focused.id == "name")
        await pilot.press(*"Maria", "enter", "enter", "enter")
        await press_when_ready(pilot, f"day-{tomorrow.isoformat()}")
        await press_when_ready(pilot, "confirm-ok")
        await until(pilot, lambda: on(app, TicketScreen))
    assert [t.code for t in sqlite_desk.status().waiting] == [booked.code]
    assert [t.state for t in sqlite_desk.status(tomorrow).tickets] == ["booked"]


async def test_a_one_step_way_shows_no_step_count_a_longer_way_does(sqlite_desk):
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        count = lambda: str(app.screen.query_one("#take-count").render())  # noqa: E731
        await click_ready(pilot, "#service-perpajakan")
        await until(pilot, lambda: not on(app, LobbyScreen) and app.screen.query("#take-count")
                    and app.screen.query_one("#steps").current == "step-who")
        await pilot.pause()
        assert count() == ""  # a walk-in for tax questions: one step, no "Langkah 1 dari 1"
        await pilot.press("escape")
        await until(pilot, lambda: on(app, LobbyScreen))
        await click_ready(pilot, "#service-aplikasi")
        await until(pilot, lambda: app.screen.query("#take-count") and count() != "")
        assert count() == "Langkah 1 dari 2"  # the device's confirmation first, then who
