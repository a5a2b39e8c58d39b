"""`kiosk backup` of a filled SQLite store, as an officer runs it (a new process: start-up,
the copy through SQLite's backup API, then the check of the copy — integrity_check, the
tickets counted, the audit chain walked), against the bare copy by hand: sqlite3's backup
API into a new file, the same number of pages a step. In turns, each copy removed after it.
benchmarks/backup_time.py times backup and restore on their own at chosen sizes."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from benchmarks.paired import paired
from data.backup import STEP_PAGES

ROOT = Path(__file__).resolve().parent.parent


def kiosk_backup(store: Path, folder: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "kiosk", "--db", str(store), "backup", "--to",
                    str(folder)], cwd=ROOT, check=True, capture_output=True, text=True, env=env)


def bare_copy(store: Path, target: Path) -> None:
    source = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy, pages=STEP_PAGES)
    finally:
        copy.close()
        source.close()


def measure(store: Path, work: Path, rounds: int) -> dict:
    ours_dir, base_file = work / "backup-ours", work / "backup-bare.db"

    def clean() -> None:
        shutil.rmtree(ours_dir, ignore_errors=True)
        base_file.unlink(missing_ok=True)

    try:
        result = paired(lambda: kiosk_backup(store, ours_dir), lambda: bare_copy(store, base_file),
                        rounds, 1, after_ours=clean, after_base=clean)
    finally:
        clean()
    for side in ("ours", "base"):
        result[side]["median_s"] = result[side]["median_us"] / 1e6
    result["store_mb"] = store.stat().st_size / 1e6
    return result
