"""Reading one table of the office profile: typed values, ranges, and no unknown keys.

Every table of the profile is read through this one class, so a wrong type, a value out of
range and a misspelt key all stop the program the same way: a ProfileError naming the file
and the key ("lobby.idle_seconds"), never a silent fall-back to a default.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, TypeVar

T = TypeVar("T")


class ProfileError(Exception):
    """The office profile cannot be used; the message names file and key."""

    def __init__(self, path: str | Path, key: str, problem: str):
        self.path, self.key, self.problem = str(path), key, problem
        super().__init__(f"{path}: {key}: {problem}")


def _kind(value: object) -> str:
    """The TOML word for a value's type, for the error line."""
    names = {bool: "boolean", int: "integer", float: "float", str: "string", list: "array",
             dict: "table"}
    return names.get(type(value), type(value).__name__)


class Table:
    """One TOML table of the profile (``prefix`` is its name in error lines).

    Each key is asked for once with its type and, when it is optional, its default;
    ``done()`` then refuses any key nobody asked for: a misspelt key is an error, not a
    setting quietly ignored.
    """

    def __init__(self, path: str | Path, prefix: str, raw: Mapping[str, object]):
        self.path, self.prefix, self.raw = path, prefix, raw
        self.known: list[str] = []

    def key(self, name: str) -> str:
        return f"{self.prefix}.{name}" if self.prefix else name

    def fail(self, name: str, problem: str) -> ProfileError:
        return ProfileError(self.path, self.key(name), problem)

    def has(self, name: str) -> bool:
        if name not in self.known:
            self.known.append(name)
        return name in self.raw

    def value(self, name: str, kind: type, what: str) -> object:
        """The value of a key that is there, of the TOML type ``kind``."""
        self.has(name)
        value = self.raw[name]
        if isinstance(value, bool) and kind is not bool or not isinstance(value, kind):
            raise self.fail(name, f"must be {what}, not {_kind(value)} {value!r}")
        return value

    def left_out(self, name: str, default: T | None) -> T:
        """The default of a key that is not there; a key without one is required."""
        if default is None:
            raise self.fail(name, "missing")
        return default

    def integer(self, name: str, default: int | None, low: int, high: int) -> int:
        if not self.has(name):
            return self.left_out(name, default)
        value = self.value(name, int, "a whole number")
        assert isinstance(value, int)
        if not low <= value <= high:
            raise self.fail(name, f"must be between {low} and {high}, not {value}")
        return value

    def text(self, name: str, default: str | None = None) -> str:
        """A string; a required one must not be blank, an optional one may be empty."""
        if not self.has(name):
            return self.left_out(name, default)
        value = self.value(name, str, "a string")
        assert isinstance(value, str)
        if default is None and not value.strip():
            raise self.fail(name, "must not be empty")
        return value

    def flag(self, name: str, default: bool) -> bool:
        if not self.has(name):
            return default
        value = self.value(name, bool, "true or false")
        assert isinstance(value, bool)
        return value

    def items(self, name: str) -> list[object]:
        """An array, empty when the key is left out."""
        if not self.has(name):
            return []
        value = self.value(name, list, "an array")
        assert isinstance(value, list)
        return value

    def table(self, name: str, required: bool = True) -> Table:
        """A sub-table (or, at the top, one of the profile's tables)."""
        if not self.has(name):
            if required:
                raise self.fail(name, "missing table")
            return Table(self.path, self.key(name), {})
        value = self.value(name, dict, "a table")
        assert isinstance(value, dict)
        return Table(self.path, self.key(name), value)

    def optional_table(self, name: str) -> Table | None:
        """A table that may be left out altogether (None then)."""
        return self.table(name) if self.has(name) else None

    def tables(self, name: str) -> list[Table]:
        """An array of tables, ``[[name]]``."""
        result = []
        for i, item in enumerate(self.items(name)):
            if not isinstance(item, dict):
                raise self.fail(f"{name}[{i}]", f"must be a table, not {_kind(item)}")
            result.append(Table(self.path, self.key(f"{name}[{i}]"), item))
        return result

    def done(self, what: str = "key") -> None:
        """Refuse the first key nobody asked for (a typo, or a setting that does not exist)."""
        for name in self.raw:
            if name not in self.known:
                if not self.prefix and isinstance(self.raw[name], (dict, list)):
                    what = "table"
                raise self.fail(name, f"unknown {what}; known: {', '.join(sorted(self.known))}")
