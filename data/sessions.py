"""The officers' open sessions at the counters as the store keeps them: one row per
officer, with the counter, the terminal's random token and its last sign of life."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from data.models import CounterSession


class SessionRow(NamedTuple):
    officer: str
    counter: int
    token: str
    started_at: dt.datetime  # naive UTC
    seen_at: dt.datetime  # naive UTC


def session_of(officer: str) -> SessionRow | None:
    found = CounterSession.get_or_none(CounterSession.officer == officer)
    if found is None:
        return None
    return SessionRow(found.officer, found.counter, found.token, found.started_at,
                      found.seen_at)


def open_session(officer: str, counter: int, token: str, now: dt.datetime) -> None:
    """The officer's session, in place of any before it (the caller holds the officer's
    row locked, so two logins of one officer are written one after the other)."""
    CounterSession.delete().where(CounterSession.officer == officer).execute()
    CounterSession.create(officer=officer, counter=counter, token=token, started_at=now,
                          seen_at=now)


def refresh(officer: str, token: str, now: dt.datetime) -> bool:
    """A sign of life of the terminal holding ``token``; False when the session is no
    longer that terminal's (taken over at another counter, or ended)."""
    changed = CounterSession.update(seen_at=now).where(
        (CounterSession.officer == officer) & (CounterSession.token == token)).execute()
    return changed == 1


def end_session(officer: str, token: str | None = None) -> None:
    """The officer's session ended: the one of ``token``'s terminal, or whichever."""
    query = CounterSession.delete().where(CounterSession.officer == officer)
    if token is not None:
        query = query.where(CounterSession.token == token)
    query.execute()
