"""Snapshots of the board at 80x24 and 160x45: an empty day, a busy day, the quota reached.

The clock is fixed (Monday 30 November 2026, WITA), so date, clock and waits are stable.
"""

from __future__ import annotations

import pytest

from kiosk.app.app import KioskApp
from kiosk.devices.speech import Speaker

SIZES = [(80, 24), (160, 45)]
NAMES = "Ani Budi Citra Dewi Eko Fajar Gita Hadi Indah Joko Kurnia Lina Made Nyoman Oktavia".split()


@pytest.fixture(autouse=True)
def silent(monkeypatch):
    monkeypatch.setattr("kiosk.devices.speech.speaker_for", lambda office: Speaker(None))


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
