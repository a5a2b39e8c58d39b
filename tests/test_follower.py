"""The app's one follower of the store: what it posts to the screens, and when."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Static

from kiosk.app.app import KioskApp
from screens.common.messages import DayChanged, StoreBack, StoreTrouble
from conftest import ALWAYS_OPEN
from pilot_helpers import until as wait_for
from kiosk.desk.store import open_desk


class Recorder(Screen):
    """A screen that keeps what the follower told it."""

    def __init__(self) -> None:
        super().__init__()
        self.heard: list = []

    def compose(self):
        yield Static("recorder")

    def on_day_changed(self, message: DayChanged) -> None:
        self.heard.append(("day", message.status.date, message.status.issued, message.new_day))

    def on_store_trouble(self, message: StoreTrouble) -> None:
        self.heard.append(("trouble", message.error.key))

    def on_store_back(self, message: StoreBack) -> None:
        self.heard.append(("back",))


def kinds(screen: Recorder) -> list[str]:
    return [entry[0] for entry in screen.heard]


async def test_another_terminals_booking_reaches_every_screen_once(sqlite_url, clock):
    desk = open_desk(sqlite_url, ALWAYS_OPEN, clock=clock)
    other = open_desk(sqlite_url, ALWAYS_OPEN, clock=clock)  # another terminal's connection
    app = KioskApp(desk, "counter")
    async with app.run_test() as pilot:
        below, above = Recorder(), Recorder()
        await app.push_screen(below)
        await app.push_screen(above)
        await app.follower.read_now()
        await wait_for(pilot, lambda: below.heard and above.heard)
        assert below.heard == above.heard == [("day", clock().date(), 0, False)]
        other.book("perpajakan", "Budi Santoso")
        await wait_for(pilot, lambda: len(above.heard) == 2 and len(below.heard) == 2)
        assert above.heard[1] == ("day", clock().date(), 1, False)
        # Nothing changed since: no more reads, however many ticks pass.
        ticks = 0
        while ticks < 5:
            await pilot.pause(app.follower.check)
            ticks += 1
        assert len(above.heard) == 2


async def test_the_day_rolls_over_at_midnight_without_any_write(sqlite_url, clock):
    clock.set(2026, 11, 30, 23, 59, 50)
    desk = open_desk(sqlite_url, ALWAYS_OPEN, clock=clock)
    app = KioskApp(desk, "counter")
    async with app.run_test() as pilot:
        screen = Recorder()
        await app.push_screen(screen)
        await app.follower.read_now()
        await wait_for(pilot, lambda: screen.heard)
        for _ in range(3):  # let the follower settle on the old day first
            await pilot.pause(app.follower.check)
        clock.set(2026, 12, 1, 0, 0, 5)
        await wait_for(pilot, lambda: len(screen.heard) == 2)
        assert screen.heard[1][1].isoformat() == "2026-12-01" and screen.heard[1][3] is True


async def test_store_trouble_is_said_once_and_its_end_too(tmp_path, clock):
    path = tmp_path / "kiosk.db"
    desk = open_desk(str(path), ALWAYS_OPEN, clock=clock, create=True)
    app = KioskApp(desk, "counter")
    async with app.run_test() as pilot:
        screen = Recorder()
        await app.push_screen(screen)
        await app.follower.read_now()
        await wait_for(pilot, lambda: screen.heard)
        path.rename(tmp_path / "kiosk.db.moved")  # the file taken away under the terminal
        await wait_for(pilot, lambda: "trouble" in kinds(screen))
        for _ in range(8):  # retried each second, said only once
            await pilot.pause(app.follower.check)
        assert kinds(screen).count("trouble") == 1
        (tmp_path / "kiosk.db.moved").rename(path)
        await wait_for(pilot, lambda: "back" in kinds(screen), timeout=10)
        assert kinds(screen)[-2:] == ["back", "day"]
