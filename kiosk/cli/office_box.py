"""The commands that look after the office's box, registered in one place: they run without
opening the desk (the store may be missing, or must not be held open)."""

from __future__ import annotations

import argparse
from typing import Callable

from kiosk.cli import backup, doctor, units

STANDALONE: dict[str, Callable[[argparse.Namespace], int]] = {**backup.STANDALONE, **doctor.STANDALONE,
                                                          **units.STANDALONE}


def add_parsers(sub, common: argparse.ArgumentParser, as_json: argparse.ArgumentParser) -> None:
    backup.add_parsers(sub, common)
    doctor.add_parsers(sub, common, as_json)
    units.add_parsers(sub, common)
