"""Snapshots of the board at 80x24, 160x45 and 240x67: an empty day, a busy day, a recall,
the quota reached, a closed day.

The clock is fixed (Monday 30 November 2026, WITA), so date, clock and waits are stable.
"""

from __future__ import annotations

import pytest

from conftest import KUPANG
from kiosk.app.app import KioskApp
from kiosk.desk.store import open_desk
from kiosk.devices.speech import Speaker

SIZES = [(80, 24), (160, 45), (240, 67)]
NAMES = "Ani Budi Citra Dewi Eko Fajar Gita Hadi Indah Joko Kurnia Lina Made Nyoman Oktavia".split()


@pytest.fixture(autouse=True)
def silent(monkeypatch):
    monkeypatch.setattr("kiosk.devices.speech.speaker_for", lambda office: Speaker(None))
    monkeypatch.setattr("kiosk.devices.speech.board_speaker", lambda office: Speaker(None))


def busy_day(desk, clock) -> None:
    """Ten numbers: two done, one served, eight waiting; a fresh call comes in on screen."""
    for i in range(10):
        desk.book("aplikasi" if i % 3 == 0 else "perpajakan", f"{NAMES[i]} Pengunjung")
        clock.advance(minutes=2)
    for counter in (1, 2):
        ticket = desk.call_next(counter, "Petugas")
        desk.start(ticket.code, counter, "Petugas")
        clock.advance(minutes=6)
        desk.finish(ticket.code, counter, "Petugas", "SPT Tahunan")
    ticket = desk.call_next(1, "Petugas")
    desk.start(ticket.code, 1, "Petugas")
    clock.advance(minutes=3)


def quota_reached(desk, clock) -> None:
    for i in range(15):
        desk.book("perpajakan", f"{NAMES[i]} Pengunjung")
    clock.advance(minutes=9)
    for counter in (1, 2):
        desk.call_next(counter, "Petugas")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_board_empty_day(snap_compare, sqlite_desk, size):
    assert snap_compare(KioskApp(sqlite_desk, "board"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_board_busy_day(snap_compare, sqlite_desk, clock, size):
    busy_day(sqlite_desk, clock)

    async def new_call(pilot):
        for _ in range(50):  # the board's first read: what it shows then is not news
            if getattr(pilot.app.screen, "status", None) is not None:
                break
            await pilot.pause(0.02)
        sqlite_desk.call_next(2, "Petugas")  # arrives while the board runs: it stands out
        for _ in range(25):
            await pilot.pause(0.02)
            if len(pilot.app.screen.status.in_service) == 2:
                break
        await pilot.pause()

    assert snap_compare(KioskApp(sqlite_desk, "board"), terminal_size=size, run_before=new_call)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_board_quota_reached(snap_compare, sqlite_desk, clock, size):
    quota_reached(sqlite_desk, clock)
    assert snap_compare(KioskApp(sqlite_desk, "board"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_board_recall(snap_compare, sqlite_desk, clock, size):
    """Two counters call; the older call is recalled while the board runs: back on top."""
    busy_day(sqlite_desk, clock)
    older = sqlite_desk.call_next(2, "Petugas")
    clock.advance(minutes=1)
    served = next(t for t in sqlite_desk.status().in_service if t.counter == 1)
    sqlite_desk.finish(served.code, 1, "Petugas", "NPWP")
    sqlite_desk.call_next(1, "Petugas")  # the newest call: on top until the recall
    clock.advance(minutes=1)

    async def recall(pilot):
        for _ in range(50):
            if getattr(pilot.app.screen, "status", None) is not None:
                break
            await pilot.pause(0.02)
        sqlite_desk.recall(older.code, 2, "Petugas")
        for _ in range(25):
            await pilot.pause(0.02)
            if pilot.app.screen.calls.recent(pilot.app.screen.status)[0].code == older.code:
                break
        await pilot.pause()

    assert snap_compare(KioskApp(sqlite_desk, "board"), terminal_size=size, run_before=recall)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_board_closed_day(snap_compare, sqlite_url, clock, size):
    clock.set(2026, 12, 6, 10, 0)  # a Sunday: KPP Pratama Kupang is closed
    desk = open_desk(sqlite_url, KUPANG, clock=clock)
    try:
        assert snap_compare(KioskApp(desk, "board"), terminal_size=size)
    finally:
        desk.db.close()
