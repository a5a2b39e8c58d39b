"""Store trouble, turned into one calm refusal (StoreUnavailable) instead of a traceback.

The drivers' exceptions are translated in data.errors; here a StoreError becomes the
refusal a person reads, "busy" (try again in a moment) or "unavailable". A method marked
``read=True`` changes nothing, so it is tried once more when the connection was dropped.
"""

from __future__ import annotations

import functools
from typing import Callable, Concatenate, ParamSpec, Protocol, TypeVar, overload

from data.database import Database
from data.errors import StoreError, on_store
from kiosk.desk.errors import StoreUnavailable


class OnStore(Protocol):
    """What a guarded method's first argument has: the store it works on."""

    db: Database


S = TypeVar("S", bound=OnStore)
P = ParamSpec("P")
R = TypeVar("R")
Method = Callable[Concatenate[S, P], R]


@overload
def store_errors(method: Method[S, P, R], /) -> Method[S, P, R]: ...


@overload
def store_errors(*, read: bool = False) -> Callable[[Method[S, P, R]], Method[S, P, R]]: ...


def store_errors(method=None, /, *, read: bool = False):
    """``@store_errors`` on a method that writes, ``@store_errors(read=True)`` on one that
    only reads: trouble of the store raises StoreUnavailable."""

    def guard(method: Method[S, P, R]) -> Method[S, P, R]:
        @functools.wraps(method)
        def guarded(self: S, *args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return on_store(self.db, method, self, *args, **kwargs)
            except StoreError as exc:
                if not (read and exc.reconnects and not exc.busy):
                    raise unavailable(exc) from exc
            try:  # connected afresh
                return on_store(self.db, method, self, *args, **kwargs)
            except StoreError as exc:
                raise unavailable(exc) from exc

        return guarded

    return guard if method is None else guard(method)


def unavailable(exc: StoreError) -> StoreUnavailable:
    key = ("store_full" if exc.full else "store_busy" if exc.busy
           else "store_not_answering" if exc.hung else "store_gone" if exc.missing
           else "store_refused" if exc.refused else "store_unavailable")
    return StoreUnavailable(str(exc), key=key)
