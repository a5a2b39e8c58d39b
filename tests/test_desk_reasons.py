"""A refusal or a closed day carries a text key and its values, put into words only when
shown, in the language shown: no sentence is made by the rules ahead of time."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.desk.errors import DayNotBookable, Refused
from kiosk.texts import Reason, say

D = dt.date


def test_a_closed_day_says_why_in_the_language_shown(kupang_desk, clock):
    clock.set(2026, 11, 27, 9, 0)  # Friday
    saturday = kupang_desk.status(D(2026, 11, 28))
    assert saturday.closed_why == Reason("why_weekend")
    assert saturday.closed_why.text("id") == "akhir pekan"
    assert saturday.closed_why.text("en") == "weekend"
    assert saturday.to_json()["closed_why"] == "akhir pekan"  # the JSON as before: Indonesian
    assert kupang_desk.status(D(2026, 11, 30)).closed_why is None  # Monday: open


def test_a_holiday_keeps_its_name_as_a_value(kupang_desk, clock):
    clock.set(2027, 8, 16, 9, 0)
    why = kupang_desk.status(D(2027, 8, 17)).closed_why
    assert why.key == "why_holiday" and why.values["name"]
    assert why.text("en") == f"public holiday: {why.values['name']}"


def test_a_refused_booking_of_a_closed_day_carries_the_reason_not_words(kupang_desk, clock):
    clock.set(2026, 11, 27, 9, 0)
    with pytest.raises(DayNotBookable) as refused:
        kupang_desk.book("perpajakan", "Budi", day=D(2026, 11, 28))
    assert refused.value.values == {"date": "2026-11-28", "why": Reason("why_weekend")}
    assert refused.value.message("en").startswith(
        "The Help Desk is closed on 2026-11-28 (weekend).")
    assert refused.value.message("id").startswith("Help Desk tutup pada 2026-11-28 (akhir pekan).")


def test_a_refused_move_names_the_state_and_the_move_in_the_language_shown(desk):
    ticket = desk.book("perpajakan", "Budi")
    with pytest.raises(Refused) as refused:
        desk.finish(ticket.code, 1, "Budi", topic="SPT")
    assert refused.value.key == "move_refused"
    assert refused.value.values == {"number": 1, "state": Reason("state_now_waiting"),
                                    "move": Reason("move_finish")}
    assert refused.value.message("en") == "Number 1 is waiting; it cannot be finished."
    assert refused.value.message("id") == "Nomor 1 sedang menunggu; tidak bisa diselesaikan."
    assert str(refused.value) == ("Nomor 1 sedang menunggu; tidak bisa diselesaikan. / "
                                  "Number 1 is waiting; it cannot be finished.")


@pytest.mark.parametrize("state, words", [("done", "Nomor 1 sudah selesai"),
                                          ("booked", "Nomor 1 masih dipesan")])
def test_a_refused_move_says_the_state_as_it_stands(desk, clock, state, words):
    import datetime as dt

    if state == "done":
        ticket = desk.book("perpajakan", "Budi")
        desk.call_next(1, "Budi")
        desk.start(ticket.code, 1, "Budi")
        desk.finish(ticket.code, 1, "Budi", topic="SPT")
    else:
        ticket = desk.book("perpajakan", "Budi", day=desk.today() + dt.timedelta(days=1))
    with pytest.raises(Refused) as refused:
        desk.start(ticket.code, 1, "Budi")
    assert refused.value.message("id").startswith(words + ";")
    assert "sedang" not in refused.value.message("id")


def test_a_reason_inside_a_reason_is_said_in_the_same_language():
    why = Reason("day_closed", {"date": "2026-12-25", "why": Reason("why_holiday", {"name": "Natal"})})
    assert why.text("en") == "The Help Desk is closed on 2026-12-25 (public holiday: Natal)."
    assert say("day_closed", "id", date="2026-12-25", why=Reason("why_office_closed")) == (
        "Help Desk tutup pada 2026-12-25 (kantor tutup).")
