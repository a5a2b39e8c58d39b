"""Every sentence the kiosk says to a person, Bahasa Indonesia first, then English.

One catalogue, one module per area (core rules, lobby, board, counter), merged here:
a key, and the text in each language with ``{placeholders}``. ``say(key, lang, **values)``
picks one; ``both`` gives "Indonesian / English" on one line for the command line.
"""

from __future__ import annotations

from kiosk.texts import board, core, counter, lobby

LANGUAGES = ("id", "en")

TEXTS: dict[str, tuple[str, str]] = {}
for _area in (core, lobby, board, counter):
    for _key, _pair in _area.TEXTS.items():
        if _key in TEXTS:
            raise RuntimeError(f"text key {_key!r} is defined twice")
        TEXTS[_key] = _pair


def say(key: str, lang: str = "id", **values) -> str:
    """The text for ``key`` in ``lang`` ("id" or "en"), with ``values`` filled in."""
    indonesian, english = TEXTS[key]
    template = english if lang == "en" else indonesian
    return template.format(**values)


def both(key: str, **values) -> str:
    """Indonesian, then English, on one line: for the command line and the logs."""
    first, second = say(key, "id", **values), say(key, "en", **values)
    return first if first == second else f"{first} / {second}"
