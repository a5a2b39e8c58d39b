"""Real database faults while each role runs (not stand-ins): the folder renamed away, the
file replaced by garbage, another process holding the write lock past the busy timeout,
the PostgreSQL server restarting. Each role shows a calm message, no traceback, stays up,
and works again once the store is back."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3

import pytest
from textual.widgets import Static

from conftest import ALWAYS_OPEN
from kiosk.app.app import KioskApp
from kiosk.desk.store import open_desk
from kiosk.texts import say
from screens.lobby.welcome import LobbyScreen
from test_counter_helpers import add_officers, logged_in, says_store_trouble, wait_for
from test_lobby_flows import take
from pilot_helpers import banner_text, click_ready, settled, until

STORE_DOWN = say("lobby_store_down", "id")


def screen_text(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


def lobby_of(app) -> LobbyScreen:
    return app.screen_stack[0]


async def wait_text(pilot, text: str, present: bool = True, timeout: float = 15) -> None:
    await wait_for(pilot, lambda: (text in screen_text(pilot.app)) == present, timeout)


def no_traceback(app) -> None:
    assert app.is_running and app._exception is None


def welcome_trouble(app) -> str:
    """The app's one store banner, on whichever lobby screen is on top (it was the welcome's
    trouble line until issue 14); gone once the store is back and that is said."""
    return banner_text(app)


def form_why(app) -> str:
    return str(app.screen.query_one("#form-why").render())


async def test_lobby_folder_renamed_away_then_back(tmp_path, clock):
    folder = tmp_path / "store"
    folder.mkdir()
    desk = open_desk(str(folder / "kiosk.db"), ALWAYS_OPEN, clock=clock, create=True)
    desk.book("perpajakan", "Budi Santoso")
    app = KioskApp(desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, lambda: "14 dari 15" in screen_text(app))
        folder.rename(tmp_path / "moved")
        # Nobody touches the lobby: it notices by itself.
        await until(pilot, lambda: STORE_DOWN in screen_text(app))
        # A taxpayer tries to take a number meanwhile: a sentence, the lobby stays.
        await take(pilot, "perpajakan", name="Maria Bria")
        refused = say("store_gone_said", "id")  # the file is not there (plain words)
        await until(pilot, lambda: form_why(app).startswith(refused))
        why = form_why(app)
        assert why.startswith(refused), why
        assert "Traceback" not in why and len(why.splitlines()) == 1
        no_traceback(app)
        (tmp_path / "moved").rename(folder)
        # The welcome, under the form, sees the store back by itself.
        await until(pilot, lambda: welcome_trouble(app) == "")
        app.screen.query_one("#phone").focus()
        await pilot.press("enter")  # Enter on the last field: go on
        await until(pilot, lambda: app.screen.query_one("#steps").current == "step-confirm")
        await pilot.click("#confirm-ok")
        await until(pilot, lambda: type(app.screen).__name__ == "TicketScreen")
        await until(pilot, lambda: not app.screen.guarded)  # the ticket's first seconds
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, LobbyScreen)
                    and "13 dari 15" in screen_text(app))
        assert STORE_DOWN not in screen_text(app)
        no_traceback(app)
    assert desk.status().issued == 2


async def test_lobby_file_replaced_by_garbage(tmp_path, clock):
    path = tmp_path / "kiosk.db"
    desk = open_desk(str(path), ALWAYS_OPEN, clock=clock, create=True)
    app = KioskApp(desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, lambda: "15 dari 15" in screen_text(app))
        good = tmp_path / "good.db"
        shutil.move(path, good)
        for extra in ("-wal", "-shm"):
            (tmp_path / f"kiosk.db{extra}").unlink(missing_ok=True)
        path.write_bytes(b"garbage, not a database\n" * 400)
        # Nobody touches the lobby: it notices by itself.
        await until(pilot, lambda: STORE_DOWN in screen_text(app))
        await pilot.click("#checkin")
        await until(pilot, lambda: type(app.screen).__name__ == "CheckInScreen")
        await pilot.press(*"ABCDEF", "enter")
        await until(pilot, lambda: STORE_DOWN in str(app.screen.query_one("#checkin-why").render()))
        no_traceback(app)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, LobbyScreen))
        path.unlink()
        shutil.move(good, path)
        await until(pilot, lambda: STORE_DOWN not in screen_text(app))
        assert "15 dari 15" in screen_text(app)
        no_traceback(app)


@contextlib.contextmanager
def write_lock_held(desk):
    """Another process in the middle of a write: the store's write lock is taken."""
    holder = sqlite3.connect(desk.db.database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def confirm_why(app) -> str:
    return str(app.screen.query_one("#confirm-why").render())


async def confirm_and_wait(pilot) -> None:
    """Tap "Take the number" while the lock is held: the lobby says "please wait" (the tap
    made once the button takes one: after a refusal it waits for a fresh touch)."""
    await click_ready(pilot, "#confirm-ok")
    await wait_for(pilot, lambda: say("lobby_working", "id") in confirm_why(pilot.app))


async def test_lobby_booking_while_another_process_holds_the_write_lock(sqlite_desk):
    desk = sqlite_desk
    app = KioskApp(desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await take(pilot, "perpajakan", name="Maria Bria")
        # Held past the busy timeout: "please wait", then a sentence; nothing half-written.
        with write_lock_held(desk):
            await confirm_and_wait(pilot)
            await wait_for(pilot, lambda: say("store_busy", "id") in confirm_why(app), timeout=30)
            assert "locked" not in confirm_why(app)
            assert say("lobby_working", "id") not in confirm_why(app)
            no_traceback(app)
        assert desk.status().issued == 0
        # Held for a moment: a second tap, Escape and ctrl+q meanwhile are ignored, not
        # queued; once the lock goes, exactly one number and its ticket.
        with write_lock_held(desk):
            await confirm_and_wait(pilot)
            await pilot.click("#confirm-ok")
            await pilot.press("escape", "ctrl+q")
            await pilot.pause()
            assert app.screen.query_one("#steps").current == "step-confirm"
        await wait_for(pilot, lambda: type(app.screen).__name__ == "TicketScreen")
        for _ in range(10):
            await pilot.pause(0.05)  # time for a queued second tap to book, if it were queued
        assert [type(s).__name__ for s in app.screen_stack] == ["LobbyScreen", "TicketScreen"]
    assert desk.status().issued == 1


async def test_the_idle_reset_waits_for_a_booking_under_way(sqlite_desk, clock):
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await take(pilot, "perpajakan", name="Maria Bria")
        with write_lock_held(sqlite_desk):
            await confirm_and_wait(pilot)
            clock.advance(minutes=30)  # long past the idle time
            for _ in range(10):
                await pilot.pause(0.05)  # the idle check runs four times a second
            assert type(app.screen).__name__ == "TakeScreen"
        # The number is not orphaned: it ends on its ticket, which stays its own idle time.
        await wait_for(pilot, lambda: type(app.screen).__name__ == "TicketScreen")
        for _ in range(10):
            await pilot.pause(0.05)
        assert type(app.screen).__name__ == "TicketScreen"
    assert sqlite_desk.status().issued == 1


async def test_counter_calls_while_another_process_holds_the_write_lock(sqlite_desk):
    desk = sqlite_desk
    add_officers(desk)
    desk.book("perpajakan", "Budi Santoso")
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot)
        message = day.query_one("#day-message")
        with write_lock_held(desk):
            await pilot.press("n")
            # Held past the busy timeout: "please wait" after a moment, then a sentence.
            await until(pilot, lambda: say("counter_working", "id") in str(message.render()))
            await until(pilot, lambda: say("store_busy", "id") in str(message.render()))
            no_traceback(app)
        assert desk.status().waiting[0].number == 1  # still waiting: nothing half-done
        await until(pilot, lambda: not day.busy)
        await pilot.press("n")
        await until(pilot, lambda: day.in_hand and day.in_hand.ticket.number == 1)
        no_traceback(app)


def role_on_postgresql(pg_url, clock, role):
    """A day with officers and one number, and the role's app on it."""
    desk = open_desk(pg_url, ALWAYS_OPEN, clock=clock, create=True)
    add_officers(desk)
    desk.book("perpajakan", "Budi Santoso")
    return desk, KioskApp(desk, role, counter=1)


@pytest.mark.parametrize("role", ["lobby", "board", "counter"])
async def test_postgresql_restarts_while_the_role_runs(own_pg, clock, role):
    pg_url = own_pg.url  # a server of this run alone: restarting it disturbs no other run
    desk, app = role_on_postgresql(pg_url, clock, role)
    async with app.run_test(size=(80, 24)) as pilot:
        if role == "counter":
            await logged_in(pilot)
        else:
            await pilot.pause(0.3)
        own_pg.restart()
        await pilot.pause(0.6)  # the role notices (or not) on its own
        no_traceback(app)
        # Another terminal books after the restart: the role follows it.
        other = open_desk(pg_url, ALWAYS_OPEN, clock=clock)
        other.book("aplikasi", "Yohanes Ndun")
        other.db.close()
        if role == "lobby":
            left = say("lobby_left_today", "id", left=13, quota=15)
            await wait_for(pilot, lambda: left in screen_text(app), timeout=20)
            await take(pilot, "perpajakan", name="Maria Bria")
            await pilot.click("#confirm-ok")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "TicketScreen")
        elif role == "board":
            await wait_for(pilot, lambda: app.screen.status is not None
                           and app.screen.status.issued == 2, timeout=20)
        else:
            day = app.screen
            await wait_for(pilot, lambda: day.status.issued == 2, timeout=20)
            await pilot.press("n")
            await wait_for(pilot, lambda: day.in_hand and day.in_hand.ticket.number == 1)
        no_traceback(app)
    desk.db.close()


def break_store(tmp_path, folder, how: str) -> callable:
    """Take the store away (the folder renamed, or the file swapped for garbage); returns
    what puts it back."""
    if how == "renamed":
        folder.rename(tmp_path / "moved")
        return lambda: (tmp_path / "moved").rename(folder)
    path = folder / "kiosk.db"
    shutil.move(path, tmp_path / "good.db")
    for extra in ("-wal", "-shm"):
        (folder / f"kiosk.db{extra}").unlink(missing_ok=True)
    path.write_bytes(b"garbage, not a database\n" * 400)

    def put_back():
        path.unlink()
        shutil.move(tmp_path / "good.db", path)
    return put_back


@pytest.mark.parametrize("how", ["renamed", "garbage"])
async def test_board_store_taken_away_and_back(tmp_path, clock, how):
    folder = tmp_path / "store"
    folder.mkdir()
    desk = open_desk(str(folder / "kiosk.db"), ALWAYS_OPEN, clock=clock, create=True)
    desk.book("perpajakan", "Budi Santoso")
    app = KioskApp(desk, "board")
    async with app.run_test(size=(80, 24)) as pilot:
        board = app.screen
        await settled(pilot, lambda: board.status is not None)
        alert = board.query_one("#board-alert")
        assert not alert.display
        put_back = break_store(tmp_path, folder, how)
        # Nobody touches the board or the store: it notices by itself.
        await until(pilot, lambda: alert.display)
        # A file gone (the folder renamed) waits for a person; garbage is not gone.
        said = "board_store_gone" if how == "renamed" else "board_store_down"
        assert say(said, "id") in str(alert.render())
        no_traceback(app)
        put_back()
        await until(pilot, lambda: not alert.display)
        assert board.status.issued == 1
        no_traceback(app)


@pytest.mark.parametrize("how", ["renamed", "garbage"])
async def test_counter_store_taken_away_and_back(tmp_path, clock, how):
    folder = tmp_path / "store"
    folder.mkdir()
    desk = open_desk(str(folder / "kiosk.db"), ALWAYS_OPEN, clock=clock, create=True)
    add_officers(desk)
    desk.book("perpajakan", "Budi Santoso")
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot)
        message = day.query_one("#day-message")
        # The store whole in its file (nothing left in the WAL that break_store deletes),
        # and this test's own handle closed. Nobody tells the counter anything.
        busy, _, _ = desk.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        assert busy == 0
        desk.db.close()
        put_back = break_store(tmp_path, folder, how)
        # The running counter notices by itself and says so calmly; the last day stays.
        await until(pilot, lambda: says_store_trouble(app, day))
        # The app's one banner says it in plain words (until issue 14: the day's message line).
        said = say("store_gone_said" if how == "renamed" else "store_unavailable_said", "id")
        text = banner_text(app)
        assert text.startswith(said), text
        assert day.query_one("DataTable").row_count == 1
        await pilot.press("n")  # calling meanwhile: a sentence, the screen stays
        await until(pilot, lambda: not day.busy)
        assert banner_text(app).startswith(said)
        no_traceback(app)
        put_back()
        await until(pilot, lambda: app.follower.trouble is None and banner_text(app) == ""
                    and str(message.render()) == "")
        await pilot.press("n")
        await until(pilot, lambda: day.in_hand and day.in_hand.ticket.number == 1)
        no_traceback(app)


@pytest.mark.parametrize("role", ["lobby", "board", "counter"])
async def test_postgresql_down_while_the_role_runs(own_pg, clock, role):
    """The server is down for a while: the role says so calmly, then follows again."""
    desk, app = role_on_postgresql(own_pg.url, clock, role)
    async with app.run_test(size=(80, 24)) as pilot:
        if role == "counter":
            screen = await logged_in(pilot)
            down = lambda: says_store_trouble(app, screen)  # noqa: E731
        elif role == "board":
            screen = app.screen
            await wait_for(pilot, lambda: screen.status is not None)
            down = lambda: screen.query_one("#board-alert").display  # noqa: E731
        else:
            await pilot.pause(0.3)
            down = lambda: STORE_DOWN in screen_text(app)  # noqa: E731
        try:
            own_pg.stop()
            await wait_for(pilot, down, timeout=20)
            no_traceback(app)
        finally:
            own_pg.start()
        await wait_for(pilot, lambda: not down(), timeout=30)
        no_traceback(app)
    desk.db.close()
