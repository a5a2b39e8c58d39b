"""The SQLite file under a running role replaced by another store (a backup put back: the old
files moved away, the copy put in their place), or simply gone. A replacement is followed: the
role reconnects to the new file and shows its day. A file that is gone is said with what to
do, never with a promise that the role will recover by itself."""

from __future__ import annotations

import shutil

import pytest

from conftest import ALWAYS_OPEN
from kiosk.app.app import KioskApp
from kiosk.desk.store import open_desk
from kiosk.texts import say
from pilot_helpers import banner_text, settled, until
from test_counter_helpers import add_officers, logged_in
from test_fault_roles import no_traceback, screen_text


def a_backup(tmp_path, clock, bookings: int) -> str:
    """Another store, whole in its one file, as a backup is."""
    path = tmp_path / "backup" / "kiosk.db"
    path.parent.mkdir()
    desk = open_desk(str(path), ALWAYS_OPEN, clock=clock, create=True)
    add_officers(desk)
    for name in ["Maria Bria", "Yohanes Ndun", "Siti Aminah"][:bookings]:
        desk.book("perpajakan", name)
    desk.db.close()
    return str(path)


def move_away(folder, into) -> None:
    into.mkdir()
    for path in folder.glob("kiosk.db*"):
        shutil.move(path, into / path.name)


async def role_running(pilot, role):
    """The role's screen once it shows its first day, and how it reads the day's count."""
    app = pilot.app
    if role == "counter":
        day = await logged_in(pilot)
        return lambda: day.status.issued
    if role == "board":
        board = app.screen
        await settled(pilot, lambda: board.status is not None)
        return lambda: board.status.issued
    await settled(pilot, lambda: app.follower.status is not None)
    return lambda: next(n for n in range(16) if say(
        "lobby_left_today", "id", left=15 - n, quota=15) in screen_text(app))


@pytest.mark.parametrize("role", ["lobby", "board", "counter"])
async def test_a_store_put_in_place_of_the_file_is_followed(tmp_path, clock, role):
    backup = a_backup(tmp_path, clock, bookings=3)  # first: a desk opened binds the process's store
    folder = tmp_path / "store"
    folder.mkdir()
    desk = open_desk(str(folder / "kiosk.db"), ALWAYS_OPEN, clock=clock, create=True)
    add_officers(desk)
    desk.book("perpajakan", "Budi Santoso")
    app = KioskApp(desk, role, counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        issued = await role_running(pilot, role)
        assert issued() == 1
        move_away(folder, tmp_path / "old")
        shutil.copy(backup, folder / "kiosk.db")
        if role == "counter":
            # The officer's session lives in the store: the one put back does not hold it,
            # so the counter asks for the PIN again (and never serves on a session it lost).
            await until(pilot, lambda: app.screen.query("#login-pin"))
            day = await logged_in(pilot)
            issued = lambda: day.status.issued  # noqa: E731
        # Nobody touches the role: it takes the new file by itself and shows its day.
        await until(pilot, lambda: app.follower.trouble is None and issued() == 3)
        no_traceback(app)
    # It writes into the new file (number 4 there), none into the old one.
    assert open_desk(str(folder / "kiosk.db"), ALWAYS_OPEN, clock=clock).book(
        "aplikasi", "Agus Salim").number == 4


async def test_a_board_whose_file_is_gone_says_who_must_act(tmp_path, clock):
    folder = tmp_path / "store"
    folder.mkdir()
    desk = open_desk(str(folder / "kiosk.db"), ALWAYS_OPEN, clock=clock, create=True)
    desk.book("perpajakan", "Budi Santoso")
    app = KioskApp(desk, "board")
    async with app.run_test(size=(80, 24)) as pilot:
        board = app.screen
        await settled(pilot, lambda: board.status is not None)
        alert = board.query_one("#board-alert")
        move_away(folder, tmp_path / "old")
        await until(pilot, lambda: alert.display)
        text = str(alert.render())
        assert text == say("board_store_gone", "id")
        assert "sendiri" not in text  # no "will recover by itself"
        no_traceback(app)


async def test_a_counter_whose_file_is_gone_says_what_to_do(tmp_path, clock):
    folder = tmp_path / "store"
    folder.mkdir()
    desk = open_desk(str(folder / "kiosk.db"), ALWAYS_OPEN, clock=clock, create=True)
    add_officers(desk)
    desk.book("perpajakan", "Budi Santoso")
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot)
        move_away(folder, tmp_path / "old")
        # The app's one banner says it (the day's message line until issue 14).
        await until(pilot, lambda: "cadangan" in banner_text(app))  # the backup
        assert app.follower.trouble.key == "store_gone"
        assert banner_text(app) == app.follower.trouble.message("id")
        # The files put back: it carries on by itself, as the sentence says.
        for path in (tmp_path / "old").iterdir():
            shutil.move(path, folder / path.name)
        await until(pilot, lambda: app.follower.trouble is None)
        no_traceback(app)
