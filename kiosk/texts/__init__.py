"""Every sentence the kiosk says to a person, Bahasa Indonesia first, then English.

One catalogue, one module per area (core rules, lobby, board, counter), merged here:
a key, and the text in each language with ``{placeholders}``. ``say(key, lang, **values)``
picks one; ``both`` gives "Indonesian / English" on one line for the command line.
A ``Reason`` is a key and its values kept for later: the rules hand one out, and it is
put into words only when shown, in the language of the screen (a value may be a Reason).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from kiosk.texts import (board, cli, cli_help, core, counter, lobby, office_box, serve,
                         store_trouble, survey)

LANGUAGES = ("id", "en")

TEXTS: dict[str, tuple[str, str]] = {}
for _area in (core, lobby, board, counter, survey, office_box, cli, cli_help, serve,
              store_trouble):
    for _key, _pair in _area.TEXTS.items():
        if _key in TEXTS:
            raise RuntimeError(f"text key {_key!r} is defined twice")
        TEXTS[_key] = _pair


@dataclass(frozen=True)
class Reason:
    """A text not yet put into words: its key, and the values it is filled with."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict, hash=False)

    def text(self, lang: str = "id") -> str:
        return say(self.key, lang, **self.values)


def say(key: str, lang: str = "id", **values) -> str:
    """The text for ``key`` in ``lang`` ("id" or "en"), with ``values`` filled in; a value
    that is a Reason is said in the same language."""
    indonesian, english = TEXTS[key]
    template = english if lang == "en" else indonesian
    for name, value in values.items():
        if isinstance(value, Reason):
            values[name] = value.text(lang)
    return template.format(**values)


def both(key: str, **values) -> str:
    """Indonesian, then English, on one line: for the command line and the logs."""
    first, second = say(key, "id", **values), say(key, "en", **values)
    return first if first == second else f"{first} / {second}"
