"""No accidental loss at the lobby (issue 13): the ticket takes no input for a moment and
counts down before it goes; a confirmation takes only a fresh touch; "Cancel" on a filled
form asks; the public exit cannot lock an officer out of the counter; the focus is always
somewhere; wheel scrolling is activity; words in one language and the right colour."""

from __future__ import annotations

from dataclasses import replace

from data.office_settings import LobbySettings
from kiosk.app.app import KioskApp
from kiosk.desk.officers import Officers
from screens.common import fresh
from screens.lobby import exit_backoff
from screens.lobby import ticket as ticket_screen
from screens.lobby.ask_cancel import AskCancel
from screens.lobby.take import TakeScreen
from screens.lobby.ticket import TicketScreen
from screens.lobby.unlock import UnlockScreen
from screens.lobby.welcome import LobbyScreen
from textual import events
from pilot_helpers import click_ready, until


def shown(app, selector: str) -> str:
    """What ``selector`` shows; nothing while the screen is still being put together."""
    found = app.screen.query(selector)
    return str(found.first().render()) if found else ""


async def to_confirm(pilot) -> None:
    """The long way: who is coming, a name typed, on to the confirm step."""
    await click_ready(pilot, "#service-perpajakan")
    await click_ready(pilot, "#status-self")
    await until(pilot, lambda: pilot.app.focused is not None and pilot.app.focused.id == "name")
    await pilot.press(*"Maria", "enter", "enter", "enter")
    await until(pilot, lambda: pilot.app.screen.query_one("#steps").current == "step-confirm")


async def test_two_fast_enters_on_take_the_number_leave_the_ticket_shown(sqlite_desk,
                                                                         monkeypatch):
    # A longer guard than the product's (2 s): a loaded machine's slow frames never let the
    # second Enter or the tap come late enough to count.
    monkeypatch.setattr(ticket_screen, "GUARD_SECONDS", 4.0)
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await to_confirm(pilot)
        app.screen.query_one("#confirm-ok").focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TicketScreen))
        await pilot.press("enter", "enter", "escape")  # the second Enter, a held key…
        await pilot.click("#home")  # …and a double tap
        await pilot.pause()
        assert isinstance(app.screen, TicketScreen)
        assert app.focused is not None and app.focused.id != "home"  # "Done" is not first
        await until(pilot, lambda: not app.screen.guarded)
        await click_ready(pilot, "#home")  # once the guard is over, "Done" works
        await until(pilot, lambda: isinstance(app.screen, LobbyScreen))
    assert sqlite_desk.status().issued == 1


async def test_the_ticket_counts_down_longer_than_the_idle_time(sqlite_desk, clock):
    sqlite_desk.office = replace(sqlite_desk.office, lobby=LobbySettings(idle_seconds=20))
    app = KioskApp(sqlite_desk, "lobby", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(TicketScreen(sqlite_desk.book("perpajakan", "Ani")))
        await until(pilot, lambda: "in 40 seconds" in shown(app, "#countdown"))
        clock.advance(seconds=25)  # past the idle time of every other screen
        await until(pilot, lambda: "in 15 seconds" in shown(app, "#countdown"))
        assert isinstance(app.screen, TicketScreen)
        clock.advance(seconds=14)
        await until(pilot, lambda: "in 1 second." in shown(app, "#countdown"))
        clock.advance(seconds=2)
        await until(pilot, lambda: isinstance(app.screen, LobbyScreen))
        # The welcome's reset done before the app closes (else it is cancelled mid-way).
        await until(pilot, lambda: not [w for w in app.screen.workers if w.is_running])


async def test_a_double_tap_on_the_service_does_not_confirm_the_device(sqlite_desk,
                                                                      monkeypatch):
    # A longer guard than the product's, so that a loaded test machine's slow frames never
    # let the "second tap" come late enough to count.
    monkeypatch.setattr(fresh, "FRESH_SECONDS", 4.0)
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#service-aplikasi")
        await until(pilot, lambda: isinstance(app.screen, TakeScreen)
                    and app.screen.query("#device-ok"))
        await pilot.click("#device-ok")  # the second tap, at once
        await pilot.press("enter")  # or a held Enter
        await pilot.pause()
        assert app.screen.query_one("#steps").current == "step-device"
        await click_ready(pilot, "#device-ok", timeout=10)  # a fresh touch, read first
        await until(pilot, lambda: app.screen.query_one("#steps").current == "step-who")


async def test_cancel_on_a_filled_form_asks_first(sqlite_desk):
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await click_ready(pilot, "#service-perpajakan")
        await click_ready(pilot, "#status-self")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "name")
        await pilot.press(*"Maria")
        await pilot.click("#cancel")
        await until(pilot, lambda: isinstance(app.screen, AskCancel))
        await click_ready(pilot, "#ask-keep")
        await until(pilot, lambda: isinstance(app.screen, TakeScreen))
        assert app.screen.query_one("#name").value == "Maria"  # nothing lost
        await click_ready(pilot, "#cancel")
        await click_ready(pilot, "#ask-yes")
        await until(pilot, lambda: isinstance(app.screen, LobbyScreen))


async def wrong_pins_at_the_exit(pilot, tries: int) -> None:
    app = pilot.app
    await pilot.press("ctrl+q")
    await until(pilot, lambda: isinstance(app.screen, UnlockScreen))
    app.screen.query_one("#officer").value = "Petrus Lango"
    for _ in range(tries):
        app.screen.query_one("#pin").value = "1111"
        await pilot.click("#unlock-go")
        await until(pilot, lambda: not app.screen.busy
                    and "diproses" not in shown(app, "#unlock-why"))


async def test_wrong_pins_at_the_lobby_exit_do_not_lock_the_officer_out(sqlite_desk,
                                                                         monkeypatch):
    monkeypatch.setattr(exit_backoff, "FREE_TRIES", 100)  # the lobby's own brake aside
    officers = Officers(sqlite_desk)
    officers.add("Petrus Lango", "officer", "4321", actor="setup")
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await wrong_pins_at_the_exit(pilot, 6)
        assert "PIN salah" in shown(app, "#unlock-why")
    # The counter is still open to the officer (was: locked for 5 minutes).
    assert officers.login("Petrus Lango", "4321", counter=1).name == "Petrus Lango"


async def test_the_lobby_exit_slows_guessing_down_on_its_own(sqlite_desk):
    officers = Officers(sqlite_desk)
    officers.add("Petrus Lango", "officer", "4321", actor="setup")
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await wrong_pins_at_the_exit(pilot, exit_backoff.FREE_TRIES)
        assert "coba lagi setelah 30 detik" in shown(app, "#unlock-why")
        await pilot.press("escape")  # closing the dialog does not start over
        await wrong_pins_at_the_exit(pilot, 0)
        app.screen.query_one("#officer").value = "Petrus Lango"
        app.screen.query_one("#pin").value = "4321"  # even the right PIN waits now
        await pilot.click("#unlock-go")
        await until(pilot, lambda: "coba lagi setelah" in shown(app, "#unlock-why"))
        assert app.screen.query_one("#unlock").current == "pin-box"


async def test_the_focus_is_somewhere_after_the_language_switch_and_an_idle_reset(
        sqlite_desk, clock):
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await click_ready(pilot, "#language")
        await until(pilot, lambda: app.lang == "en")
        assert app.focused is not None and app.focused.id == "language"
        await click_ready(pilot, "#info")
        clock.advance(seconds=91)
        await until(pilot, lambda: isinstance(app.screen, LobbyScreen) and app.lang == "id")
        await until(pilot, lambda: app.focused is not None)
        assert app.focused.id.startswith("service-")


async def test_scrolling_by_the_wheel_is_activity(sqlite_desk, clock):
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await click_ready(pilot, "#info")
        welcome = app.screen_stack[0]
        clock.advance(seconds=60)
        before = welcome.last_touch
        app.screen._forward_event(events.MouseScrollDown(
            None, 10, 10, 0, 1, 0, False, False, False, screen_x=10, screen_y=10))
        await pilot.pause()
        assert welcome.last_touch > before  # the idle time starts again
        clock.advance(seconds=60)  # 120 s since the click, 60 s since the wheel
        await pilot.pause(0.4)
        assert not isinstance(app.screen, LobbyScreen)


async def test_correct_is_not_in_the_error_colour_and_channels_speak_one_language(sqlite_desk):
    app = KioskApp(sqlite_desk, "lobby", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await click_ready(pilot, "#service-perpajakan")
        await click_ready(pilot, "#status-self")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "name")
        await pilot.press(*"Maria")
        await until(pilot, lambda: "Correct" in shown(app, "#name-why"))
        why = app.screen.query_one("#name-why")
        assert why.styles.color != app.screen.query_one("#phone-why").styles.color
        app.push_screen(TicketScreen(sqlite_desk.book("aplikasi", "")))
        await until(pilot, lambda: "Telephone" in shown(app, "#complaints"))
        complaints = shown(app, "#complaints")
        assert "Telephone 1500200" in complaints and "Telepon" not in complaints
        assert "Fax (0380)" in complaints and "Faksimile" not in complaints
        bring = shown(app, "#bring")
        assert "Help Desk queue number" not in bring and "this queue number and code" in bring
