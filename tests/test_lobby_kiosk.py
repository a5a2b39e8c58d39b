"""The lobby as a locked kiosk: no quitting, no command palette, an officer PIN opens the
exit menu; idle time brings any screen back to the welcome and forgets what was typed."""

from __future__ import annotations

from dataclasses import replace

from textual.command import CommandPalette
from textual.widgets import Input

from data.office_settings import LobbySettings
from kiosk.app.app import KioskApp
from kiosk.desk.officers import Officers
from screens.lobby.welcome import LobbyScreen
from screens.lobby.take import TakeScreen
from screens.lobby.ticket import TicketScreen
from screens.lobby.unlock import UnlockScreen
from pilot_helpers import click_ready, until


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def test_the_public_cannot_quit_or_open_the_palette(sqlite_desk):
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        for key in ("ctrl+q", "ctrl+c"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, UnlockScreen), key
            await pilot.press("ctrl+q")  # again, inside the PIN dialog: nothing more
            await pilot.pause()
            assert isinstance(app.screen, UnlockScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, LobbyScreen)
        # From inside the number flow too, with a field focused.
        await pilot.click("#service-perpajakan")
        await click_ready(pilot, "#status-self")
        await pilot.pause()
        assert app.focused.id == "name"
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        assert app.is_running


async def test_officer_pin_unlocks_the_exit_menu(sqlite_desk):
    officers = Officers(sqlite_desk)
    officers.add("Petrus Lango", "officer", "4321", actor="setup")
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        def box() -> str | None:
            found = app.screen.query("#unlock")
            return found.first().current if found else None

        await pilot.press("ctrl+q")
        await until(pilot, lambda: box() == "pin-box")
        await pilot.press(*"Petrus Lango", "enter")
        await until(pilot, lambda: box() == "pin-box")
        await pilot.press(*"1111", "enter")  # the PIN is checked in the store's thread
        await until(pilot, lambda: "PIN salah" in shown(app, "#unlock-why"))
        assert box() == "pin-box"
        await pilot.press(*"4321", "enter")
        await until(pilot, lambda: box() == "exit-menu")
        await click_ready(pilot, "#exit-back")  # an officer may also just go back
        await until(pilot, lambda: isinstance(app.screen, LobbyScreen))
        await pilot.press("ctrl+q")
        await until(pilot, lambda: box() is not None)
        await pilot.press(*"Petrus Lango", "enter")
        await until(pilot, lambda: box() == "pin-box")
        await pilot.press(*"4321", "enter")
        await until(pilot, lambda: box() == "exit-menu")
        await click_ready(pilot, "#exit-quit")
        await until(pilot, lambda: not app.is_running)
    assert not app.is_running
    assert app.return_code == 0
    actions = [entry.action for entry in officers.audit()]
    # The lobby exit is not a counter login (it never counts toward a lockout), logged as such.
    assert sorted(a for a in actions if a.startswith(("login", "lobby_exit"))) == [
        "lobby_exit", "lobby_exit", "lobby_exit_failed"]


async def test_idle_time_returns_to_the_welcome_and_forgets(sqlite_desk, clock):
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#language")
        await pilot.pause()
        await pilot.click("#service-perpajakan")
        await click_ready(pilot, "#status-self")
        await pilot.pause()
        await pilot.press(*"Budi")
        clock.advance(seconds=60)  # still within the default 90 seconds since the last key
        await pilot.pause(0.4)
        assert isinstance(app.screen, TakeScreen)
        await pilot.press("x")  # a key: the idle time starts again
        clock.advance(seconds=60)
        await pilot.pause(0.4)
        assert isinstance(app.screen, TakeScreen)
        clock.advance(seconds=31)
        for _ in range(20):
            await pilot.pause(0.05)
            if isinstance(app.screen, LobbyScreen):
                break
        assert isinstance(app.screen, LobbyScreen)
        assert app.lang == "id"  # the next person starts in Bahasa Indonesia
        assert "Sisa nomor" in shown(app, "#left")
        await pilot.click("#service-perpajakan")
        await click_ready(pilot, "#status-self")
        await pilot.pause()
        assert app.screen.query_one("#name", Input).value == ""
    assert sqlite_desk.status().issued == 0


async def test_idle_seconds_come_from_the_profile(sqlite_desk, clock):
    sqlite_desk.office = replace(sqlite_desk.office, lobby=LobbySettings(idle_seconds=20))
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#info")
        await pilot.pause()
        assert not isinstance(app.screen, LobbyScreen)
        clock.advance(seconds=21)
        for _ in range(20):
            await pilot.pause(0.05)
            if isinstance(app.screen, LobbyScreen):
                break
        assert isinstance(app.screen, LobbyScreen)


async def test_escape_goes_back_one_step(sqlite_desk):
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        def step() -> str | None:
            found = app.screen.query("#steps")
            return found.first().current if found else None

        await click_ready(pilot, "#service-aplikasi")
        await click_ready(pilot, "#device-ok")
        await until(pilot, lambda: step() == "step-who")
        await pilot.press("escape")
        await until(pilot, lambda: step() == "step-device")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, LobbyScreen))
        await pilot.press("escape")  # the welcome stays
        await pilot.pause()
        assert isinstance(app.screen, LobbyScreen) and app.is_running


async def test_done_on_the_ticket_brings_the_next_visitor_back_to_bahasa(sqlite_desk):
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await click_ready(pilot, "#language")
        await pilot.pause()
        assert app.lang == "en"
        app.push_screen(TicketScreen(sqlite_desk.book("perpajakan", "Ani Lestari")))
        await click_ready(pilot, "#home")
        for _ in range(40):
            await pilot.pause(0.05)
            if isinstance(app.screen, LobbyScreen) and "Sisa nomor" in shown(app, "#left"):
                break
        assert isinstance(app.screen, LobbyScreen) and app.lang == "id"
        assert "Sisa nomor" in shown(app, "#left")
