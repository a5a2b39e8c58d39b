"""A commit's wake-up is not lost when a check reads it before the commit shows. On SQLite
the wake-up is a write to the store's files, which can come a moment before the commit is
visible (the log is written first), and a move may commit twice: a check that reads the
write and then finds nothing yet — or only the first of two commits — has used up the
wake-up, and no other will come. The change check says it read a write
(``look_again``), and the follower — a terminal's, and the TV page's feed — looks once
more shortly instead of at its next check by the clock (a TV had shown about 1 call in 100
a second late: benchmarks/board_viewers.py)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest import ALWAYS_OPEN
from kiosk.desk.store import open_desk
from kiosk.web.board_feed import BoardFeed
from test_board_web import wait_until

BY_THE_CLOCK = 3.0  # the followers' check by the clock here; "shortly" is 0.1 s (data.change_wake)
# What the change check answers (changed, look_again) at each check after the start's:
RACES = {
    # a check by the clock reads a commit's write before the commit shows; then it shows
    "write before the commit shows": [(False, True), (True, False)],
    # a check reads the first of a move's two commits and its files' writes; then the second
    "the first of two commits": [(True, True), (True, False)],
}


def test_a_check_that_read_a_write_says_look_again(sqlite_url, clock):
    desk = open_desk(sqlite_url, ALWAYS_OPEN, clock=clock)
    other = open_desk(sqlite_url, ALWAYS_OPEN, clock=clock)
    watcher = desk.watch()
    try:
        assert watcher.changed()  # connected: the first look reads
        assert watcher.wake_fd() is not None  # the watch of the store's files, made now
        assert not watcher.changed() and not watcher.look_again  # nothing written
        # A write to the store's files with no commit behind it yet.
        Path(f"{sqlite_url}-journal").write_bytes(b"x")
        assert not watcher.changed()
        assert watcher.look_again
        other.book("perpajakan", "Ani")
        assert watcher.changed()
        assert watcher.look_again  # its files were written: another commit may follow
        assert not watcher.changed() and not watcher.look_again  # nothing since
    finally:
        watcher.close()
        other.db.close()
        desk.db.close()


class Scripted:
    """The change check, answering as in a race: the start's read, then ``answers``. Its
    wake-up descriptor is never written: no other wake-up comes."""

    def __init__(self, answers: list[tuple[bool, bool]]) -> None:
        self.answers = [(True, False), *answers]
        self.look_again = False
        self.read_end, self.write_end = os.pipe()

    def changed(self) -> bool:
        answer, self.look_again = self.answers.pop(0) if self.answers else (False, False)
        return answer

    def wake_fd(self) -> int:
        return self.read_end

    def close(self) -> None:
        os.close(self.read_end)
        os.close(self.write_end)


def scripted_desk(sqlite_url, clock, monkeypatch, race: str):
    """The desk with its change check scripted for ``race``, and the times it read the day."""
    desk = open_desk(sqlite_url, ALWAYS_OPEN, clock=clock)
    watcher = Scripted(RACES[race])
    monkeypatch.setattr(desk, "watch", lambda: watcher)
    reads: list[float] = []
    status = desk.status

    def counted(*args, **kwargs):
        reads.append(time.monotonic())
        return status(*args, **kwargs)

    monkeypatch.setattr(desk, "status", counted)
    return desk, watcher, reads


def all_read(watcher: Scripted, reads: list[float], race: str) -> bool:
    """Every scripted answer given, and the day read for each change (and at the start)."""
    return not watcher.answers and len(reads) >= 1 + sum(c for c, _ in RACES[race])


@pytest.mark.parametrize("race", RACES)
async def test_the_tv_feed_looks_again_shortly(sqlite_url, clock, monkeypatch, race):
    desk, watcher, reads = scripted_desk(sqlite_url, clock, monkeypatch, race)
    feed = BoardFeed(desk, "id", check=BY_THE_CLOCK, idle_check=BY_THE_CLOCK)
    feed.start()
    try:
        await wait_until(lambda: all_read(watcher, reads, race), 10 + 3 * BY_THE_CLOCK,
                         "the checks and reads")
        # The first check after the start's came by the clock (~3 s after it); the last is
        # shortly after that, not at the next check by the clock (~6 s).
        assert reads[-1] - reads[0] < BY_THE_CLOCK + 1.5
    finally:
        await feed.stop()


@pytest.mark.parametrize("race", RACES)
async def test_a_terminals_follower_looks_again_shortly(sqlite_url, clock, monkeypatch, race):
    from kiosk.app.app import KioskApp
    from pilot_helpers import until

    desk, watcher, reads = scripted_desk(sqlite_url, clock, monkeypatch, race)
    app = KioskApp(desk, "board")
    app.follower.check = app.follower.idle_check = BY_THE_CLOCK
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: all_read(watcher, reads, race), timeout=10 + 3 * BY_THE_CLOCK)
        assert reads[-1] - reads[0] < BY_THE_CLOCK + 1.5
