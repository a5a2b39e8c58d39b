"""The one language of a command's lines: the one --lang asks, Bahasa Indonesia by default."""

from __future__ import annotations

import argparse
import sys

from kiosk.cli.parser import printable
from kiosk.texts import say


def lang_of(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or "id"


def service_name(office, code: str, lang: str) -> str:
    """The service's name as the office calls it in ``lang``; its code if the profile has
    no such service any more (an old ticket)."""
    service = office.service(code) if office is not None else None
    if service is None:
        return code
    return service.name_en if lang == "en" else service.name


def say_in(args: argparse.Namespace, key: str, **values) -> str:
    return say(key, lang_of(args), **values)


def fail(line: str, code: int) -> int:
    """A failure: one line on stderr, never a traceback."""
    print(f"kiosk: {printable(line)}", file=sys.stderr)
    return code
