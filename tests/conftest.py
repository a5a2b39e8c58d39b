"""Shared fixtures: a real database on each engine, a settable clock, the test profiles.

``store_url`` is parametrized over SQLite (a real file in tmp_path) and PostgreSQL (a
fresh schema per test in the database named by KIOSK_TEST_PG). Outside CI, the
PostgreSQL cases skip and say why; with KIOSK_REQUIRE_PG=1 (CI) they fail instead.
The tests that stop, restart or freeze the server take ``own_pg`` instead: a throwaway
cluster of this run (tests/pg_cluster.py), so other runs on the shared server go on.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest

from data.database import init_store
import pg_cluster
from kiosk.desk.store import open_desk

TESTS = Path(__file__).parent
ALWAYS_OPEN = TESTS / "profiles" / "always-open.toml"
KUPANG = TESTS.parent / "data" / "offices" / "kpp-pratama-kupang.toml"
# The holiday cache (and anything else the kiosk caches) goes to a folder of this test run,
# shared with the processes the tests start, never the user's own cache.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="kiosk-test-cache-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], ignore_errors=True)
# The roles' log files (kiosk.app.role_log) likewise, never the user's own log folder.
os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="kiosk-test-state-")
atexit.register(shutil.rmtree, os.environ["XDG_STATE_HOME"], ignore_errors=True)
PG_DEFAULT = "postgresql://kiosk:kiosk@127.0.0.1:5432/kiosk_test"
WITA = dt.timezone(dt.timedelta(hours=8))


class Clock:
    """A settable clock for the desk; starts at a Monday 10:00 WITA unless told."""

    def __init__(self, now: dt.datetime | None = None):
        self.current = now or dt.datetime(2026, 11, 30, 10, 0, tzinfo=WITA)

    def __call__(self) -> dt.datetime:
        return self.current

    def set(self, *args, tz=WITA) -> None:
        self.current = dt.datetime(*args, tzinfo=tz)

    def advance(self, **delta) -> None:
        self.current += dt.timedelta(**delta)


def _pg_base() -> str:
    return os.environ.get("KIOSK_TEST_PG", PG_DEFAULT)


def _pg_problem() -> str | None:
    try:
        import psycopg2

        psycopg2.connect(_pg_base(), connect_timeout=3).close()
        return None
    except Exception as exc:  # any reason the server can't be used
        return (f"PostgreSQL not reachable at {_pg_base()} ({str(exc).strip().splitlines()[0]}); "
                "run `bash .ci/postgres.sh` or set KIOSK_TEST_PG")


_PG_PROBLEM: list = []


def pg_problem() -> str | None:
    if not _PG_PROBLEM:
        _PG_PROBLEM.append(_pg_problem())
    return _PG_PROBLEM[0]


def require_pg() -> None:
    _skip_or_fail(pg_problem())


def _skip_or_fail(problem: str | None) -> None:
    """Outside CI a PostgreSQL test that cannot run skips; with KIOSK_REQUIRE_PG=1 it fails."""
    if problem:
        if os.environ.get("KIOSK_REQUIRE_PG") == "1":
            pytest.fail(problem)
        pytest.skip(problem)


@contextlib.contextmanager
def fresh_schema(base: str):
    """A URL of ``base`` whose search_path is a fresh schema, dropped afterwards."""
    import psycopg2

    schema = f"t_{uuid.uuid4().hex[:12]}"
    def run(sql: str) -> None:
        conn = psycopg2.connect(base)  # a fresh one: a test may restart the server
        conn.autocommit = True
        conn.cursor().execute(sql)
        conn.close()

    run(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{schema}"
    run(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def pg_url():
    """A fresh schema on the shared server (KIOSK_TEST_PG): never stop or restart it."""
    require_pg()
    with fresh_schema(_pg_base()) as url:
        yield url


@pytest.fixture(scope="session")
def _throwaway_cluster():
    _skip_or_fail(pg_cluster.problem())
    cluster = pg_cluster.PgCluster()
    atexit.register(cluster.remove)  # even if the session is cut short
    try:
        yield cluster.create()
    finally:
        cluster.remove()


@pytest.fixture
def own_pg(_throwaway_cluster):
    """A PostgreSQL server of this test run alone (tests/pg_cluster.py), for the tests that
    stop, restart or freeze it; ``own_pg.url`` is a fresh schema on it. Up again afterwards."""
    cluster = _throwaway_cluster
    cluster.ensure_running()
    with fresh_schema(cluster.base_url) as url:
        cluster.url = url
        yield cluster
        cluster.ensure_running()  # whatever the test did, or failed half-way through


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """A store made the explicit way (``kiosk init``), as an office's first step makes it."""
    url = str(tmp_path / "kiosk.db")
    init_store(url)
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """A store made the explicit way on each engine (``pg_url`` alone is an empty schema)."""
    url = str(tmp_path / "kiosk.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    init_store(url)
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def bare_store_url(request, tmp_path) -> str:
    """Where a store would be on each engine, none made yet (for the migration tests)."""
    if request.param == "sqlite":
        return str(tmp_path / "kiosk.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def desk(store_url, clock):
    """The desk of the always-open test office on a real database, at a settable time."""
    desk = open_desk(store_url, ALWAYS_OPEN, clock=clock)
    yield desk
    desk.db.close()


@pytest.fixture
def kupang_desk(store_url, clock):
    """The desk with the real KPP Pratama Kupang profile (hours, weekends, holidays)."""
    desk = open_desk(store_url, KUPANG, clock=clock)
    yield desk
    desk.db.close()


@pytest.fixture
def sqlite_desk(sqlite_url, clock):
    """Only SQLite: for UI tests that need a desk but not both engines."""
    desk = open_desk(sqlite_url, ALWAYS_OPEN, clock=clock)
    yield desk
    desk.db.close()


@pytest.fixture(autouse=True)
def _kiosk_logger_restored():
    """A test that sets up a role's log file (kiosk/app/role_log.py) turns the ``kiosk``
    loggers away from the root, where caplog listens: the next test in the same process
    gets them back as they were."""
    import logging

    log = logging.getLogger("kiosk")
    saved = (list(log.handlers), log.level, log.propagate)
    yield
    for handler in [h for h in log.handlers if h not in saved[0]]:
        log.removeHandler(handler)
        handler.close()
    log.handlers[:], log.level, log.propagate = saved[0], saved[1], saved[2]


@pytest.fixture(autouse=True)
def _touch_guards_at_a_pilots_pace(monkeypatch):
    """The touch guards at a test's pace. The product's (a button ignores presses for 0.8 s
    after it appears, the ticket all input for 2 s) are what a person needs; a Pilot taps
    within milliseconds, so 0.3 s still tells a double tap from a fresh touch, and each
    screen step of a test waits that long instead. The tests of the guards themselves set
    their own, longer ones (tests/test_lobby_guards.py, test_survey_touch.py)."""
    from screens.common import fresh
    from screens.lobby import ticket

    monkeypatch.setattr(fresh, "FRESH_SECONDS", 0.3)
    monkeypatch.setattr(ticket, "GUARD_SECONDS", 0.5)
