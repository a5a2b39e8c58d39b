"""Two counter apps on one database calling at once never get the same ticket, and the
numbers go out in order."""

from __future__ import annotations

import asyncio

from kiosk.app.app import KioskApp
from kiosk.desk.officers import Officers
from test_counter_helpers import PIN, add_officers, logged_in, wait_for


async def test_two_counters_calling_at_once_get_distinct_numbers_in_order(desk):
    # One desk (the models are bound once per process), but each app calls from its own
    # store thread, so each counter works on a connection of its own, as two terminals do.
    first_desk = second_desk = desk
    add_officers(first_desk)
    Officers(first_desk).add("Yosef Lake", "officer", PIN, "test")
    for i in range(6):
        first_desk.book("perpajakan", f"Wajib Pajak {'ABCDEF'[i]}")
    one = KioskApp(first_desk, "counter", counter=1)
    two = KioskApp(second_desk, "counter", counter=2)
    async with one.run_test(size=(80, 24)) as p1, two.run_test(size=(80, 24)) as p2:
        day1 = await logged_in(p1, "Budi Santoso", PIN)
        day2 = await logged_in(p2, "Yosef Lake", PIN)
        got: list[tuple[int, int]] = []
        for _ in range(3):
            await asyncio.gather(p1.press("n"), p2.press("n"))
            await wait_for(p1, lambda: day1.in_hand is not None)
            await wait_for(p2, lambda: day2.in_hand is not None)
            got += [(day1.in_hand.ticket.number, 1), (day2.in_hand.ticket.number, 2)]
            # Both mark their number a no-show so the next call is allowed.
            await asyncio.gather(p1.press("x"), p2.press("x"))
            await wait_for(p1, lambda: day1.in_hand is None)
            await wait_for(p2, lambda: day2.in_hand is None)
        numbers = sorted(n for n, _ in got)
        assert numbers == [1, 2, 3, 4, 5, 6]  # distinct, none skipped
    status = first_desk.status()
    by_number = {t.number: t for t in status.tickets}
    for number, counter in got:
        assert by_number[number].counter == counter
    calls = [e for e in reversed(Officers(first_desk).audit()) if e.action == "call"]
    # In the order the calls were made, the numbers only go up.
    assert [e.ticket_number for e in calls] == [1, 2, 3, 4, 5, 6]
    assert {e.counter for e in calls} == {1, 2}
