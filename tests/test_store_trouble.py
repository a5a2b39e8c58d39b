"""Store trouble, one mechanism: the drivers' exceptions are translated in data/errors.py
(busy or not, connection dropped or not), the desk's guard turns that into StoreUnavailable,
and only a method marked as a read is tried once more."""

from __future__ import annotations

import peewee
import pytest

from data.errors import StoreError, on_store
from kiosk.desk.errors import StoreUnavailable


class Handle:
    """Just enough of a database handle for on_store: is a transaction open, close."""

    def __init__(self, in_transaction: bool = False):
        self._in_transaction, self.closed = in_transaction, 0

    def in_transaction(self) -> bool:
        return self._in_transaction

    def close(self) -> None:
        self.closed += 1


def fail(exc: Exception):
    def action():
        raise exc
    return action


@pytest.mark.parametrize("exc, busy, reconnects", [
    (peewee.OperationalError("database is locked"), True, True),  # SQLite, busy timeout over
    (peewee.OperationalError("database table is busy"), True, True),
    (peewee.OperationalError("canceling statement due to lock timeout\nCONTEXT: …"), True, True),
    (peewee.OperationalError("disk I/O error"), False, True),
    (peewee.InterfaceError("connection already closed"), False, True),
    (peewee.DatabaseError("file is not a database"), False, False),
])
def test_driver_errors_are_translated_in_one_place(exc, busy, reconnects):
    handle = Handle()
    with pytest.raises(StoreError) as trouble:
        on_store(handle, fail(exc))
    assert (trouble.value.busy, trouble.value.reconnects) == (busy, reconnects)
    assert str(trouble.value) == str(exc).splitlines()[0]  # one line
    assert trouble.value.__cause__ is exc
    assert handle.closed == (1 if reconnects else 0)  # a dropped connection is forgotten


def test_a_connection_is_not_dropped_mid_transaction():
    handle = Handle(in_transaction=True)
    with pytest.raises(StoreError):
        on_store(handle, fail(peewee.OperationalError("disk I/O error")))
    assert handle.closed == 0


def test_a_violated_constraint_is_not_store_trouble():
    with pytest.raises(peewee.IntegrityError):
        on_store(Handle(), fail(peewee.IntegrityError("UNIQUE constraint failed: ticket.code")))


def test_what_is_not_a_store_error_passes():
    assert on_store(Handle(), lambda a, b=0: a + b, 2, b=3) == 5
    with pytest.raises(KeyError):
        on_store(Handle(), fail(KeyError("x")))


@pytest.fixture
def faults(desk, monkeypatch):
    """The next statements of the desk's database fail with these errors, one each."""
    planned: list[Exception] = []
    sent: list[str] = []
    real = desk.db.execute_sql

    def execute_sql(sql, params=None, *args, **kwargs):
        sent.append(sql)
        if planned:
            raise planned.pop(0)
        return real(sql, params, *args, **kwargs)

    monkeypatch.setattr(desk.db, "execute_sql", execute_sql)
    return planned, sent


def test_a_read_is_tried_once_more_after_a_dropped_connection(desk, faults):
    desk.book("perpajakan", "Budi")
    planned, _ = faults
    planned.append(peewee.OperationalError("server closed the connection unexpectedly"))
    assert desk.status().issued == 1
    planned.append(peewee.InterfaceError("connection already closed"))
    assert desk.ticket(desk.status().tickets[0].code).number == 1


def test_a_read_is_not_tried_again_when_the_store_is_busy(desk, faults):
    planned, sent = faults
    planned.append(peewee.OperationalError("database is locked"))
    with pytest.raises(StoreUnavailable) as refused:
        desk.status()
    assert refused.value.key == "store_busy"
    assert len(sent) == 1


def test_a_write_is_not_tried_again(desk, faults):
    planned, _ = faults
    planned.append(peewee.OperationalError("server closed the connection unexpectedly"))
    with pytest.raises(StoreUnavailable) as refused:
        desk.book("perpajakan", "Budi")
    assert refused.value.key == "store_unavailable"
    # The driver's line travels with the refusal (the command line, the role log), never
    # into the sentence a screen shows (issue 14).
    assert "server closed the connection" in str(refused.value)
    assert "server closed the connection" not in refused.value.message("en")
    assert desk.status().issued == 0  # nothing booked behind the refusal


def test_a_read_fails_calmly_when_the_second_try_fails_too(desk, faults):
    planned, sent = faults
    planned.extend([peewee.OperationalError("disk I/O error")] * 2)
    with pytest.raises(StoreUnavailable) as refused:
        desk.status()
    assert refused.value.key == "store_unavailable" and len(sent) == 2
