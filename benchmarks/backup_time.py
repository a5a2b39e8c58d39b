"""How long `kiosk backup` takes on a store of N past tickets (the benchmark store), and
`kiosk restore` of that backup: the figures in the README.

    PYTHONPATH=$PWD python3 benchmarks/backup_time.py [N ...]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import bulk_fill  # noqa: E402
from kiosk.desk.store import open_desk  # noqa: E402

OFFICE = ROOT / "tests" / "profiles" / "always-open.toml"


def kiosk(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kiosk", *args], cwd=ROOT, check=True,
                   capture_output=True, text=True)
    return time.perf_counter() - started


def measure(size: int, folder: Path) -> None:
    store = folder / f"store-{size}.db"
    desk = open_desk(str(store), OFFICE, create=True)
    desk.db.close()
    bulk_fill.fill_sqlite(str(store), size, desk.today(), progress=lambda *a: None)
    backup = kiosk("--db", str(store), "backup", "--to", str(folder / "b"))
    [copy] = (folder / "b").glob(f"store-{size}-*.db")
    restore = kiosk("--db", str(store), "restore", str(copy), "--yes")
    print(f"{size:>10,} tickets  {store.stat().st_size / 1e6:8.1f} MB  "
          f"backup {backup:6.2f} s  restore {restore:6.2f} s", flush=True)
    for path in folder.rglob("store-*"):
        path.unlink()


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [54_750, 1_000_000]
    with tempfile.TemporaryDirectory(prefix="kiosk-backup-bench-") as tmp:
        for size in sizes:
            measure(size, Path(tmp))


if __name__ == "__main__":
    main()
