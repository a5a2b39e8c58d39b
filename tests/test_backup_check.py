"""The check of a backup made cheaper without promising less: `kiosk backup` checks the copy's
pages with SQLite's quick_check (integrity_check with --full) and says which; the audit chain is
still walked and hashed entry by entry, so an entry edited in a way only the hashing can tell
is still named; a long backup says what it is doing, in the office's language."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import peewee
import pytest

from conftest import ALWAYS_OPEN
from data import audit_chain
from data.audit_chain import ChainWriter, verify_chain
from data.database import init_store
from kiosk.desk.store import open_desk

ROOT = Path(__file__).resolve().parent.parent


def kiosk(*args: str, db: Path, lang: str = "en") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", "--lang", lang, "--db", str(db), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def booked_store(tmp_path: Path) -> Path:
    store = tmp_path / "kiosk.db"
    init_store(str(store))
    desk = open_desk(str(store), ALWAYS_OPEN)
    for i in range(12):
        desk.book("perpajakan", f"Wajib Pajak {chr(65 + i)}")
    desk.db.close()
    return store


def shift_a_stamp(store: Path) -> int:
    """An entry's stamp moved by a second, its hashes left as they were: it still links to
    the entry before, so only hashing it again can tell. Returns its id."""
    with contextlib.closing(sqlite3.connect(store, isolation_level=None)) as conn:
        conn.execute("DROP TRIGGER audit_entry_no_update")
        victim = conn.execute("SELECT id FROM audit_entry ORDER BY id LIMIT 1 OFFSET 5").fetchone()[0]
        conn.execute("UPDATE audit_entry SET at = datetime(at, '+1 second') WHERE id = ?", (victim,))
    return victim


@pytest.mark.parametrize("full", [False, True], ids=["quick_check", "integrity_check"])
def test_an_entry_only_hashing_can_tell_is_still_named(tmp_path, full):
    store = booked_store(tmp_path)
    victim = shift_a_stamp(store)
    done = kiosk("backup", "--to", str(tmp_path / "b"), *(["--full"] if full else []), db=store)
    assert done.returncode == 0, done.stderr  # a store's broken chain is copied as it is...
    assert f"already broken at entry {victim};" in done.stderr  # ...and said
    check = "integrity_check" if full else "quick_check"
    assert f"checked: PRAGMA {check}, the ticket count, the audit chain" in done.stdout
    assert "12 tickets" in done.stdout


def test_the_backup_of_a_sound_store_says_which_check_it_made(tmp_path):
    store = booked_store(tmp_path)
    done = kiosk("backup", "--to", str(tmp_path / "b"), db=store, lang="id")
    assert done.returncode == 0 and done.stderr == ""
    assert "diperiksa: PRAGMA quick_check, jumlah tiket, rantai audit" in done.stdout


TRICKY = ("", "a \"quote\" and a \\ backslash", "line\nbreak\ttab\x1f", "Kupang — Oebobo, é ñ 中文",
          "emoji 😀 and \u2028", "/slash/ and <b>markup</b>")


def test_entries_of_any_text_walk_as_written_and_an_edit_is_named(tmp_path):
    store = tmp_path / "kiosk.db"
    init_store(str(store))
    db = peewee.SqliteDatabase(str(store))
    writer = ChainWriter(db)
    for i, text in enumerate(TRICKY * 3):
        stamp = f"2026-12-01 08:{i:02d}:00" + (".250000" if i % 2 else "")
        writer.append((stamp, text or "lobby", i % 3 or None, "note", "2026-12-01" if i % 4 else None,
                       text, i if i % 5 else None, text, text[::-1]))
    # Walked once, keeping nothing but the last hash: the quick encoding wrote what was hashed.
    report = audit_chain._follows_throughout(db, None)
    assert report is not None and report.entries == len(TRICKY) * 3
    db.close()
    with contextlib.closing(sqlite3.connect(store, isolation_level=None)) as conn:
        conn.execute("DROP TRIGGER audit_entry_no_update")
        victim = conn.execute("SELECT id FROM audit_entry WHERE detail LIKE '%中文%' "
                              "ORDER BY id LIMIT 1").fetchone()[0]
        conn.execute("UPDATE audit_entry SET detail = replace(detail, '中', '申') WHERE id = ?",
                     (victim,))
    db = peewee.SqliteDatabase(str(store))
    report = verify_chain(db)
    db.close()
    assert report.first_broken == (victim, "edited")


@pytest.fixture(scope="module")
def long_store(tmp_path_factory) -> Path:
    """A store large enough that its copy takes several steps (over 16 MiB): 120 thousand
    audit entries, chained as the desk chains them."""
    store = tmp_path_factory.mktemp("long") / "kiosk.db"
    init_store(str(store))
    with contextlib.closing(sqlite3.connect(store, isolation_level=None)) as conn:
        last, rows = audit_chain.GENESIS, []
        for i in range(120_000):
            fields = (f"2026-01-01 {i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}.{i:06d}",
                      "lobby", None, "book", "2026-01-01", f"T{i:07d}", i % 999 + 1,
                      "x" * 120, "")
            new = audit_chain.entry_hash(last, fields)
            rows.append((*fields, last, new))
            last = new
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO audit_entry (at, actor, counter, action, day, ticket_code, "
                         "ticket_number, detail, reason, prev_hash, entry_hash) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute("COMMIT")
    assert store.stat().st_size > 16 * 2**20
    return store


@pytest.mark.parametrize("lang, copying, pages, chain", [
    ("en", "backup 100%", "checking the copy: PRAGMA quick_check (every page read) …",
     "checking the audit chain 83% (100000 of 120000 entries)"),
    ("id", "cadangan 100%", "memeriksa salinan: PRAGMA quick_check (setiap halaman dibaca) …",
     "memeriksa rantai audit 83% (100000 dari 120000 entri)"),
])
def test_a_long_backup_says_what_it_is_doing(long_store, tmp_path, lang, copying, pages, chain):
    done = kiosk("backup", "--to", str(tmp_path / "b"), db=long_store, lang=lang)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()  # not a terminal: one line a step
    assert any(line.startswith(copying) for line in lines)
    assert lines.index(pages) > max(i for i, line in enumerate(lines) if line.startswith(copying))
    assert lines[-1] == chain  # the walk's progress, after the pages were checked
    assert lines.index(chain) > lines.index(pages)
