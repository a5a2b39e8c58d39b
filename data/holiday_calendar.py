"""Public holidays (and, for Indonesia, the government's *cuti bersama*) from the ``holidays``
package, kept in a small cache file.

Importing ``holidays`` loads every country's calendar: about 30 ms, a fifth of a terminal's
start-up. A year's dates cannot change for one installed copy of the package, so they are
computed once per copy (the identity of its ``__init__.py`` and ``version.py`` files is the
key: an upgrade or reinstall rewrites them) and read back from the user's cache folder. A
cache that cannot be read or written only costs the import again; it never changes an answer.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import json
import os
import tempfile
import threading
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from platformdirs import user_cache_path

LANGUAGE = "id"  # holiday names as the office announces them
PUBLIC = "public"  # the package's category of national public holidays
_FILE = "holidays.json"

# The cache as read (or built) by this process: {"stamp", "countries", "years",
# "categories"}.
_memory: dict | None = None
_lock = threading.Lock()  # the store thread and the screen may both ask


def supported(country: str) -> bool:
    """The ``holidays`` package has a calendar for this ISO country code."""
    with _lock:
        cache = _cache()
        if isinstance(cache["countries"], list) and country in cache["countries"]:
            return True
        # Not cached, or cached as unknown: the package decides before a profile is refused.
        import holidays

        cache["countries"] = sorted(holidays.list_supported_countries())
        _save(cache)
        return country in cache["countries"]


def categories(country: str) -> tuple[str, ...]:
    """The holiday categories the package knows for this country ("public", "government"...)."""
    with _lock:
        cache = _cache()
        known = cache.setdefault("categories", {})
        if isinstance(known, dict) and isinstance(known.get(country), list):
            return tuple(str(c) for c in known[country])
        import holidays

        found = sorted(getattr(holidays.country_holidays(country), "supported_categories",
                               (PUBLIC,)))
        if not isinstance(known, dict):
            known = cache["categories"] = {}
        known[country] = found
        _save(cache)
        return tuple(found)


@lru_cache(maxsize=64)
def holidays_in(country: str, year: int, category: str = PUBLIC) -> MappingProxyType[dt.date, str]:
    """The country's holidays of that year in one category (public holidays by default; in
    Indonesia "government" holds the joint leave days), with their names (read-only)."""
    with _lock:
        return _holidays_in(country, year, category)


def _holidays_in(country: str, year: int, category: str) -> MappingProxyType[dt.date, str]:
    cache = _cache()
    # Public holidays keep the key they always had; another category is named in its key.
    key = f"{country}/{LANGUAGE}/{year}" + ("" if category == PUBLIC else f"/{category}")
    try:
        return MappingProxyType({dt.date.fromisoformat(day): str(name)
                                 for day, name in cache["years"][key].items()})
    except (KeyError, AttributeError, TypeError, ValueError):
        pass  # not cached yet, or a damaged entry: ask the package
    import holidays

    days = dict(holidays.country_holidays(country, years=year, language=LANGUAGE,
                                          categories=(category,)).items())
    cache["years"][key] = {day.isoformat(): name for day, name in sorted(days.items())}
    _save(cache)
    return MappingProxyType(days)


def _stamp() -> str | None:
    """Which installed copy of ``holidays`` the cached answers came from (without importing
    it), or None when that cannot be told (then nothing is kept)."""
    try:
        spec = importlib.util.find_spec("holidays")
        if spec is None or not spec.origin or not spec.origin.endswith("__init__.py"):
            return None
        files = (spec.origin, os.path.join(os.path.dirname(spec.origin), "version.py"))
        return "|".join(f"{path}:{info.st_size}:{info.st_mtime_ns}:{info.st_ino}"
                        for path, info in ((path, os.stat(path)) for path in files))
    except (OSError, ImportError, ValueError):
        return None


def _path() -> Path:
    return user_cache_path("helpdesk-kiosk", appauthor=False) / _FILE


def _cache() -> dict:
    """Read once per process: the installed package does not change under a running kiosk."""
    global _memory
    if _memory is None:
        stamp = _stamp()
        _memory = (stamp and _load(stamp)) or {"stamp": stamp, "countries": None, "years": {}}
    return _memory


def _load(stamp: str) -> dict | None:
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    valid = (isinstance(data, dict) and data.get("stamp") == stamp
             and isinstance(data.get("years"), dict)
             and isinstance(data.get("countries"), (list, type(None))))
    return data if valid else None


def _save(cache: dict) -> None:
    """Write the whole cache atomically, so a reader never sees half a file."""
    if not cache["stamp"]:
        return
    path, temporary = _path(), None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".holidays-", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(cache, out, ensure_ascii=False, sort_keys=True)
        os.replace(temporary, path)
    except OSError:
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
