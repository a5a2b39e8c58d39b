"""A deadline on every wait for the PostgreSQL server, on the client's side.

A hung server (a frozen host, SIGSTOP) keeps its TCP connections open: the kernel still
acknowledges every packet and keep-alive, so neither ``statement_timeout`` (the server's
own) nor keep-alives nor ``tcp_user_timeout`` end a statement waiting for its answer —
libpq blocks in recv() for as long as the server sleeps. psycopg2's wait callback
(``psycopg2.extensions.set_wait_callback``) lets this process do the waiting itself, with
select() and a deadline: no answer within it, and the statement fails with an
OperationalError that says the server is not answering. The connection is then spent:
every later wait on it fails at once, until it is closed (data.errors drops it).
"""

from __future__ import annotations

import contextlib
import select
import time
import weakref
from collections.abc import Iterator
from typing import Any

import psycopg2
import psycopg2.extensions as pg

# Longer than the server's lock_timeout (5 s: a row another terminal holds is waited for,
# then refused as busy by the server itself), far below the 30 s a booking may take.
ANSWER_SECONDS = 10.0
CONNECT_SECONDS = 5.0  # libpq's connect_timeout does not apply to this (asynchronous) way
NOT_ANSWERING = "the database server is not answering"

_spent: weakref.WeakSet[Any] = weakref.WeakSet()  # connections whose server stopped answering
_limits: weakref.WeakKeyDictionary[Any, float] = weakref.WeakKeyDictionary()


def wait_with_deadline(conn: Any) -> None:
    """psycopg2's wait callback: poll the connection until done, or give up at the deadline."""
    if conn in _spent:
        raise psycopg2.OperationalError(f"{NOT_ANSWERING} (connection given up)")
    connecting = conn.status == pg.STATUS_SETUP
    limit = CONNECT_SECONDS if connecting else _limits.get(conn, ANSWER_SECONDS)
    deadline = time.monotonic() + limit
    while True:
        state = conn.poll()
        if state == pg.POLL_OK:
            return
        left = deadline - time.monotonic()
        if left > 0:
            fileno = conn.fileno()
            if state == pg.POLL_READ:
                select.select([fileno], [], [], left)
            elif state == pg.POLL_WRITE:
                select.select([], [fileno], [], left)
            else:
                raise psycopg2.OperationalError(f"bad state from poll: {state}")
            continue
        _spent.add(conn)
        what = "connecting" if connecting else "waiting for an answer"
        raise psycopg2.OperationalError(f"{NOT_ANSWERING} (timeout {what}, {limit:g} s)")


@contextlib.contextmanager
def answer_within(conn: Any, seconds: float) -> Iterator[None]:
    """A shorter deadline for what is sent on ``conn`` meanwhile (a heartbeat)."""
    _limits[conn] = seconds
    try:
        yield
    finally:
        _limits.pop(conn, None)


def install() -> None:
    """Every psycopg2 connection of the process waits with a deadline (idempotent)."""
    if pg.get_wait_callback() is not wait_with_deadline:
        pg.set_wait_callback(wait_with_deadline)
