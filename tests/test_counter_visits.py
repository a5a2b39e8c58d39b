"""What was written when finishing is read again: the follow-up list with its notes, and
the earlier visits of the visitor in hand by NPWP/NIK, for the logged-in officer."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.app.app import KioskApp
from kiosk.desk.errors import Refused
from kiosk.desk.officers import Officers
from screens.counter.visits import VisitsDialog
from pilot_helpers import click_ready
from test_counter_helpers import add_officers, logged_in
from test_counter_helpers import wait_for as wait_briefly

NIK = "3171011708450001"


async def wait_for(pilot, condition) -> None:
    await wait_briefly(pilot, condition, timeout=30)  # a shared, loaded machine


def serve(desk, code: str, topic: str, note: str, outcome: str) -> None:
    desk.call_next(1, "Sari Dewi")
    desk.start(code, 1, "Sari Dewi")
    desk.finish(code, 1, "Sari Dewi", topic, note, outcome)


def dialog_open(app) -> bool:
    """The visits dialog on top with its rows in the table (it fills them once mounted)."""
    screen = app.screen
    return (isinstance(screen, VisitsDialog) and bool(screen.query("DataTable"))
            and screen.query_one("DataTable").row_count == len(screen.rows))


def cells(dialog) -> list[list[str]]:
    table = dialog.query_one("DataTable")
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_follow_ups_and_earlier_visits_are_read_at_the_counter(sqlite_desk, clock):
    desk = sqlite_desk
    clock.set(2026, 11, 26, 10, 0)  # last Thursday
    add_officers(desk)
    first = desk.book("perpajakan", "Maria Goreti Bria", nik=NIK)
    serve(desk, first.code, "SPT Tahunan", "Bawa bukti potong [b]A1[/b]", "follow_up")
    other = desk.book("perpajakan", "Yosef")
    serve(desk, other.code, "NPWP", "beres", "resolved")
    clock.set(2026, 11, 30, 10, 0)
    today = desk.book("aplikasi", "Maria Goreti Bria", nik=NIK)
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot)
        await pilot.press("u")
        await wait_for(pilot, lambda: dialog_open(app))
        assert cells(app.screen) == [["2026-11-26", "1", "SPT Tahunan",
                                      "Bawa bukti potong [b]A1[/b]"]]
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is day)
        await pilot.click("#move-call")
        await wait_for(pilot, lambda: day.in_hand is not None and not day.busy)
        assert day.in_hand.ticket.code == today.code
        await pilot.press("h")
        await wait_for(pilot, lambda: dialog_open(app))
        rows = cells(app.screen)
        assert rows == [["2026-11-26", "Konsultasi Perpajakan", "SPT Tahunan",
                         "Perlu tindak lanjut", "Bawa bukti potong [b]A1[/b]"]]


def test_earlier_visits_need_an_identity(desk):
    served = desk.book("perpajakan", "Ani")
    serve(desk, served.code, "NPWP", "", "resolved")
    again = desk.book("perpajakan", "Ani")
    assert desk.earlier_visits(again.code) == []  # a name alone says nobody
    gone = desk.book("perpajakan", "Budi", nik=NIK)
    desk.cancel(gone.code, "Sari", "pulang")
    back = desk.book("perpajakan", "Budi", nik=NIK)
    assert desk.earlier_visits(back.code) == []  # a cancelled number was no visit


def screen_text(app) -> str:
    """Every character on the terminal as it is drawn now, line by line."""
    import io

    from rich.console import Console

    console = Console(width=app.size.width, height=app.size.height, file=io.StringIO(),
                      record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


async def test_a_long_note_is_read_whole_at_80_columns(sqlite_desk, clock):
    desk = sqlite_desk
    clock.set(2026, 11, 26, 10, 0)
    add_officers(desk)
    words = [f"kata{i:02d}" for i in range(1, 41)]  # 279 characters: far past the column
    first = desk.book("perpajakan", "Maria Goreti Bria", nik=NIK)
    serve(desk, first.code, "SPT Tahunan", " ".join(words), "follow_up")
    clock.set(2026, 11, 30, 10, 0)
    desk.book("aplikasi", "Maria Goreti Bria", nik=NIK)
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot)
        await pilot.click("#move-call")
        await wait_for(pilot, lambda: day.in_hand is not None and not day.busy)
        await pilot.click("#hand-earlier")  # the button, as on a touch screen
        await wait_for(pilot, lambda: dialog_open(app))
        await wait_for(pilot, lambda: all(w in screen_text(app) for w in words))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is day)
        await pilot.press("u")  # the follow-up list shows the same note whole too
        await wait_for(pilot, lambda: dialog_open(app))
        await wait_for(pilot, lambda: all(w in screen_text(app) for w in words))


def test_a_follow_up_marked_handled_leaves_the_list_and_is_logged(desk, clock):
    clock.set(2026, 11, 26, 10, 0)
    first = desk.book("perpajakan", "Ani")
    serve(desk, first.code, "SPT Tahunan", "telepon lagi", "follow_up")
    second = desk.book("perpajakan", "Budi")
    serve(desk, second.code, "NPWP", "bawa KTP", "follow_up")
    fine = desk.book("perpajakan", "Cici")
    serve(desk, fine.code, "NPWP", "", "resolved")
    day = dt.date(2026, 11, 26)
    assert [v.code for v in desk.follow_ups(day, day)] == [first.code, second.code]
    done = desk.follow_up_done(first.code, "Budi Santoso", 2)
    assert (done.number, done.code) == (first.number, first.code)
    assert [v.code for v in desk.follow_ups(day, day)] == [second.code]
    entry = Officers(desk).audit()[0]
    assert (entry.action, entry.actor, entry.counter, entry.ticket_code) == (
        "follow_up_done", "Budi Santoso", 2, first.code)
    for code in (first.code, fine.code):  # handled already (another terminal), or none due
        with pytest.raises(Refused) as refused:
            desk.follow_up_done(code, "Sari Dewi", 1)
        assert refused.value.key == "follow_up_not_open"
    assert Officers(desk).audit()[0] == entry  # a refusal writes nothing
    # The report still counts what the officer wrote when finishing.
    assert [v.outcome for v in desk.finished(day, day)] == ["follow_up", "follow_up", "resolved"]


async def test_the_officer_marks_follow_ups_handled_at_the_counter(sqlite_desk, clock):
    desk = sqlite_desk
    clock.set(2026, 11, 26, 10, 0)
    add_officers(desk)
    codes = []
    for name, note in (("Ani", "telepon lagi"), ("Budi", "bawa KTP"), ("Cici", "email")):
        ticket = desk.book("perpajakan", name)
        serve(desk, ticket.code, "SPT Tahunan", note, "follow_up")
        codes.append(ticket.code)
    clock.set(2026, 11, 30, 10, 0)
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot)
        await pilot.click("#day-follow-ups")
        await wait_for(pilot, lambda: dialog_open(app))
        dialog = app.screen
        await wait_for(pilot, lambda: [row[1] for row in cells(dialog)] == ["1", "2", "3"])
        await click_ready(pilot, "#follow-up-done")  # the chosen (first) row, by a tap
        await wait_for(pilot, lambda: [row[1] for row in cells(dialog)] == ["2", "3"])
        assert "Tindak lanjut nomor 1 (2026-11-26) selesai." in screen_text(app)
        desk.follow_up_done(codes[1], "Sari Dewi", 2)  # at another counter meanwhile
        await pilot.press("d")  # the next one, by its key: said, and it leaves the list
        await wait_for(pilot, lambda: [row[1] for row in cells(dialog)] == ["3"])
        assert "Nomor 2 (2026-11-26) tidak perlu (lagi) ditindaklanjuti." in screen_text(app)
        await pilot.press("d")
        await wait_for(pilot, lambda: cells(dialog) == [])
        assert desk.follow_ups(desk.today() - dt.timedelta(days=30), desk.today()) == []
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is day)
        await pilot.press("u")  # read again: nothing left open
        await wait_for(pilot, lambda: dialog_open(app))
        assert cells(app.screen) == []
