"""A log file per role in the user's log folder (platformdirs: ~/.local/state/helpdesk-kiosk/
log/lobby.log …), rotated, holding every refusal and every fault of the store, and the
devices' failures (logger ``kiosk.*``), never a taxpayer's personal data.

A refusal is written as its text key and the values it names that cannot be personal (a
date, a number, a state, a counter); a store fault as its key and the store's own first
line. Anything left is passed through ``scrub``: a run of six digits or more (an NPWP, a
NIK, a telephone) is cut out, whatever let it in.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_path

from kiosk.desk.errors import DeskError, InvalidInput, StoreUnavailable
from kiosk.texts import Reason

MAX_BYTES, BACKUPS = 1_000_000, 5  # at most ~6 MB a role, for years of running
# Values a refusal may name that hold no personal data.
SAFE_VALUES = frozenset({"date", "day", "number", "state", "move", "quota", "days", "last",
                         "hours", "counter", "counters", "why", "max", "next", "choices"})
# A run of digits with the separators people type in an NPWP (01.234.567.8-901.000), a NIK
# or a telephone (0812 3456 7890); dates and times (2026-12-24 08:00) are kept apart first.
_RUN = re.compile(r"\d[\d .\-]*\d")
_WHEN = re.compile(r"(\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?)")
_log = logging.getLogger("kiosk")
REPEAT = 60.0
_lock = threading.Lock()
_last: list = ["", 0.0, 0]  # the last line logged, when, and how often since


def log_folder() -> Path:
    return user_log_path("helpdesk-kiosk", appauthor=False)


def setup_role_log(role: str) -> Path | None:
    """Send the ``kiosk`` loggers of this process to the role's file; None when the folder
    cannot be written (the role runs all the same)."""
    path = log_folder() / f"{role}.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(
        f"%(asctime)s {role}[%(process)d] %(levelname)s %(name)s: %(message)s"))
    for old in [h for h in _log.handlers if isinstance(h, RotatingFileHandler)]:
        _log.removeHandler(old)
        old.close()
    _log.addHandler(handler)
    _log.setLevel(logging.INFO)
    _log.propagate = False  # not onto the screen: a full-screen role owns the terminal
    return path


def scrub(text: str) -> str:
    """The text with every run of six digits or more cut out (dates and times kept)."""
    parts = _WHEN.split(text)  # odd items are the dates and times
    return "".join(part if i % 2 else _RUN.sub(_cut, part) for i, part in enumerate(parts))


def _cut(match: re.Match) -> str:
    return "[…]" if sum(ch.isdigit() for ch in match.group(0)) >= 6 else match.group(0)


def _value(value: object) -> str:
    if isinstance(value, Reason):
        return value.key
    return str(value)


def describe(exc: DeskError) -> str:
    """One line for the log, with nothing a person typed."""
    if isinstance(exc, StoreUnavailable):  # the store's own words: a path, the driver's line
        said = " ".join(f"{k}={_value(v)}" for k, v in sorted(exc.values.items()))
        return scrub(f"store fault {exc.key}: {said}")
    kind = "invalid input" if isinstance(exc, InvalidInput) else "refused"
    field = f" field={exc.field}" if isinstance(exc, InvalidInput) else ""
    values = " ".join(f"{k}={_value(v)}" for k, v in sorted(exc.values.items())
                      if k in SAFE_VALUES)
    return scrub(f"{kind} {exc.key}{field} {values}".rstrip())


def log_desk_error(exc: DeskError, where: str = "") -> None:
    """Log the refusal or fault; the same line again within REPEAT seconds (a follower asking
    a store that is down, a few times a second) is counted, not written again."""
    line = f"{where}: {describe(exc)}" if where else describe(exc)
    now = time.monotonic()
    with _lock:
        last, since, repeats = _last
        if line == last and now - since < REPEAT:
            _last[2] = repeats + 1
            return
        _last[:] = [line, now, 0]
    if repeats and line == last:
        line = f"{line} (and {repeats} times more)"
    _log.log(logging.ERROR if isinstance(exc, StoreUnavailable) else logging.INFO, "%s", line)
