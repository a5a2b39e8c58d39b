"""The supervisor's tools: the quota of a date with a reason (refused for a plain officer),
closing a date, managing officers, reading the audit log."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable, Input

from kiosk import supervision
from kiosk.app import KioskApp
from kiosk.errors import NotAllowed
from kiosk.officers import Officers
from screens.counter_audit import AuditDialog
from screens.counter_officers import OfficersDialog
from screens.counter_quota import QuotaDialog
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
        assert actions[:4] == ["officer_disable", "login", "officer_reset_pin", "login"]  # newest first
        assert ["Sari Dewi", "", "officer_add", "", "Yosef Lake (officer)"] in \
            [row[1:6] for row in rows]
