"""The supervisor's tools: the quota of a date with a reason (refused for a plain officer),
closing a date, managing officers, reading the audit log."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable, Input

from kiosk.desk import supervision
from kiosk.app.app import KioskApp
from kiosk.desk.errors import NotAllowed
from kiosk.desk.officers import Officers
from kiosk.texts import say
from screens.counter.audit import AuditDialog
from screens.counter.officers import OfficersDialog
from screens.counter.quota import QuotaDialog
from pilot_helpers import until
from test_counter_helpers import PIN, SUPER_PIN, add_officers, logged_in, wait_for


def label(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def click(pilot, selector: str) -> None:
    """A button ignores clicks during its short pressed effect, as for a person."""
    button = pilot.app.screen.query_one(selector)
    await wait_for(pilot, lambda: not button.has_class("-active"))
    await pilot.click(selector)


async def test_supervisor_sets_the_quota_and_sees_numbers_left_at_once(sqlite_desk, clock):
    desk = sqlite_desk
    add_officers(desk)
    for name in ("Ani", "Yohanes", "Maria"):
        desk.book("perpajakan", name)
    app = KioskApp(desk, "counter", counter=2)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot, "Sari Dewi", SUPER_PIN)
        assert "3/15" in label(day, "#day-numbers")
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuotaDialog))
        dialog = app.screen
        await wait_for(pilot, lambda: "sisa 12" in label(dialog, "#quota-now"))
        await pilot.press("2", "0", "tab", *"Pelatihan", "enter")
        await wait_for(pilot, lambda: "sisa 17" in label(dialog, "#quota-now"))
        assert desk.status().quota == 20
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is day and "3/20" in label(day, "#day-numbers"))

        # Close tomorrow: a quota of 0 with its reason.
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuotaDialog))
        dialog = app.screen
        tomorrow = desk.today() + dt.timedelta(days=1)
        dialog.query_one("#quota-date", Input).value = tomorrow.isoformat()
        dialog.query_one("#quota-reason", Input).value = "Rapat kantor"
        await pilot.click("#quota-close")
        await wait_for(pilot, lambda: "Tutup " + tomorrow.isoformat() in label(
            dialog, ".dialog-message"))
        assert desk.status(tomorrow).quota == 15  # asked first, nothing closed yet
        await click(pilot, "#quota-close")
        await wait_for(pilot, lambda: desk.status(tomorrow).quota == 0)
        await wait_for(pilot, lambda: "kuota 0" in label(dialog, "#quota-now"))
    entries = [e for e in Officers(desk).audit() if e.action == "set_quota"]
    assert [(e.day, e.detail, e.reason, e.actor, e.counter) for e in reversed(entries)] == [
        (desk.today(), "15 -> 20", "Pelatihan", "Sari Dewi", 2),
        (tomorrow, "15 -> 0", "Rapat kantor", "Sari Dewi", 2)]


async def test_a_plain_officer_may_not_change_the_quota(sqlite_desk):
    desk = sqlite_desk
    add_officers(desk)
    app = KioskApp(desk, "counter")
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot, "Budi Santoso", PIN)
        assert not day.query_one("#tool-quota").display
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is day
        assert "Hanya supervisor" in label(day, "#day-message")
    with pytest.raises(NotAllowed):
        supervision.set_quota(desk, Officers(desk).login("Budi Santoso", PIN), desk.today(),
                              30, "coba", 1)
    assert desk.status().quota == 15
    assert not [e for e in Officers(desk).audit() if e.action == "set_quota"]


async def test_supervisor_manages_officers_and_reads_the_audit_log(sqlite_desk):
    desk = sqlite_desk
    add_officers(desk)
    app = KioskApp(desk, "counter")
    async with app.run_test(size=(100, 30)) as pilot:
        day = await logged_in(pilot, "Sari Dewi", SUPER_PIN)
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, OfficersDialog))
        dialog = app.screen
        await wait_for(pilot, lambda: dialog.query_one(DataTable).row_count == 2)
        dialog.query_one("#officer-name", Input).value = "Yosef Lake"
        dialog.query_one("#officer-pin", Input).value = "5555"
        await click(pilot, "#officer-add")
        await wait_for(pilot, lambda: dialog.query_one(DataTable).row_count == 3)
        assert Officers(desk).login("Yosef Lake", "5555").role == "officer"

        dialog.query_one("#officer-pin", Input).value = "7777"
        await click(pilot, "#officer-reset")
        await wait_for(pilot, lambda: "diganti" in label(dialog, ".dialog-message"))
        assert Officers(desk).login("Yosef Lake", "7777").name == "Yosef Lake"

        await click(pilot, "#officer-disable")
        await wait_for(pilot, lambda: "dinonaktifkan" in label(dialog, ".dialog-message"))
        assert not [o for o in Officers(desk).list() if o.name == "Yosef Lake"][0].active
        with pytest.raises(NotAllowed):
            Officers(desk).login("Yosef Lake", "7777")

        dialog.query_one("#officer-name", Input).value = "Sari Dewi"
        await click(pilot, "#officer-disable")
        await wait_for(pilot, lambda: "diri sendiri" in label(dialog, ".dialog-message"))
        assert all(o.active for o in Officers(desk).list() if o.name == "Sari Dewi")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is day)

        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AuditDialog))
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count > 0)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        actions = [row[3] for row in rows]
        assert actions[:4] == ["petugas dinonaktifkan", "masuk", "PIN diganti", "masuk"]  # newest first
        assert ["Sari Dewi", "", "petugas ditambahkan", "", "Yosef Lake (officer)"] in \
            [row[1:6] for row in rows]


def every_kind_of_entry(desk, clock) -> None:
    """One of each action the store writes to the audit log."""
    from kiosk.desk.privacy import purge

    officers = Officers(desk)
    add_officers(desk)                                      # officer_add
    officers.login("Sari Dewi", SUPER_PIN, 2)               # login
    for _ in range(5):
        with pytest.raises(NotAllowed):
            officers.login("Budi Santoso", "0000", 1)       # login_failed, login_locked
    officers.reset_pin("Budi Santoso", "4321", "Sari Dewi")  # officer_reset_pin
    officers.set_active("Budi Santoso", False, "Sari Dewi")  # officer_disable
    officers.set_active("Budi Santoso", True, "Sari Dewi")   # officer_enable
    tomorrow = desk.today() + dt.timedelta(days=1)
    stale = desk.book("perpajakan", "Lama", day=desk.today())  # book
    desk.check_in(stale.code)                                  # check_in
    # A day and two hours on: a day to the minute after the queue moved is how a clock a
    # day ahead looks, and the sweep refuses it (rule 9).
    clock.advance(days=1, hours=2)
    desk.expire_past_days()                                    # expire
    purge(desk, "Sari Dewi", 1)                                # purge
    desk.set_quota(tomorrow + dt.timedelta(days=1), 20, "Pelatihan petugas baru", "Sari Dewi", 2)
    a, b = desk.book("perpajakan", "Ani"), desk.book("aplikasi", "Yohanes")
    desk.call_next(1, "Sari Dewi")                             # call
    desk.recall(a.code, 1, "Sari Dewi")                        # recall
    desk.transfer(a.code, "aplikasi", 1, "Sari Dewi")          # transfer
    desk.no_show(a.code, 1, "Sari Dewi")                       # no_show
    desk.return_to_queue(a.code, "Sari Dewi", 1)               # return
    desk.call_next(1, "Sari Dewi")
    desk.start(a.code, 1, "Sari Dewi")                         # start
    desk.finish(a.code, 1, "Sari Dewi", "SPT Tahunan")         # finish
    desk.cancel(b.code, "Sari Dewi", "pulang, antrean terlalu lama", 1)  # cancel


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_the_audit_log_says_each_action_in_words_with_its_reason(sqlite_desk, clock, lang):
    desk = sqlite_desk
    every_kind_of_entry(desk, clock)
    codes = {e.action for e in Officers(desk).audit()}
    assert len(codes) == 20  # every action the store writes
    words = {say(f"audit_action_{code}", lang) for code in codes}
    app = KioskApp(desk, "counter", lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await logged_in(pilot, "Sari Dewi", SUPER_PIN)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AuditDialog))
        dialog = app.screen
        table = dialog.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count > 0)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        shown = {row[3] for row in rows}
        assert shown == words and not shown & codes  # no code left raw
        # The cancel's reason is in its detail; the chosen entry shows whole, wrapped.
        why = say("counter_audit_reason", lang, reason="pulang, antrean terlalu lama")
        cancel = say("audit_action_cancel", lang)
        assert [row[5] for row in rows if row[3] == cancel] == [why]
        quota_row = next(i for i, row in enumerate(rows)
                         if row[3] == say("audit_action_set_quota", lang))
        table.move_cursor(row=quota_row)
        await pilot.pause()
        entry = str(dialog.query_one("#audit-entry").render())
        assert entry.endswith("15 -> 20 · " + say("counter_audit_reason", lang,
                                                   reason="Pelatihan petugas baru"))
        assert dialog.query_one("#audit-entry").size.width < len(entry)  # wider than the box


async def test_a_bug_under_a_dialog_is_said_and_the_dialog_stays(sqlite_desk, monkeypatch):
    """A plain exception (a bug) while the quota is saved: the dialog says so calmly on its
    line, the counter stays up, and the quota is as it was."""
    desk = sqlite_desk
    add_officers(desk)

    def buggy(*args):
        raise RuntimeError("a bug, not a refusal")

    monkeypatch.setattr(desk, "set_quota", buggy)
    app = KioskApp(desk, "counter")
    async with app.run_test(size=(80, 24)) as pilot:
        await logged_in(pilot, "Sari Dewi", SUPER_PIN)
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuotaDialog))
        dialog = app.screen
        await pilot.press("2", "0", "tab", *"Pelatihan", "enter")
        failed = say("counter_work_failed", "id")
        await until(pilot, lambda: not app.is_running
                    or failed in label(dialog, ".dialog-message"))
        assert app.is_running and app._exception is None
        assert app.screen is dialog
    assert desk.status().quota == 15


async def test_the_audit_view_marks_the_chain_verified_or_broken(sqlite_url, clock):
    import sqlite3

    from kiosk.desk.store import open_desk
    from conftest import ALWAYS_OPEN

    desk = open_desk(sqlite_url, ALWAYS_OPEN, clock=clock)
    add_officers(desk)
    desk.book("perpajakan", "Budi Santoso")
    app = KioskApp(desk, "counter")
    async with app.run_test(size=(100, 30)) as pilot:
        await logged_in(pilot, "Sari Dewi", SUPER_PIN)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AuditDialog))
        mark = lambda: str(app.screen.query_one("#audit-chain").render())  # noqa: E731
        await until(pilot, lambda: "terverifikasi" in mark())
        assert mark().startswith("✓") and not app.screen.query_one("#audit-chain").has_class("-broken")
        await pilot.press("escape")
        # An attacker with the file: the trigger dropped, the booking's entry edited.
        with sqlite3.connect(sqlite_url, isolation_level=None) as conn:
            conn.execute("DROP TRIGGER audit_entry_no_update")
            edited = conn.execute("SELECT id FROM audit_entry WHERE action = 'book'").fetchone()[0]
            conn.execute("UPDATE audit_entry SET detail = 'aplikasi walk-in' WHERE id = ?", (edited,))
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AuditDialog))
        await until(pilot, lambda: "RUSAK" in mark())
        assert f"entri {edited}:" in mark() and app.screen.query_one("#audit-chain").has_class("-broken")
