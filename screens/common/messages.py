"""What the app's store follower tells the screens (kiosk.app.follower posts them).

A screen handles the ones it cares for (``on_day_changed``, ``on_store_trouble``,
``on_store_back``) instead of following the store itself."""

from __future__ import annotations

from textual.message import Message

from kiosk.desk.errors import DeskError
from kiosk.desk.records import DayStatus


class DayChanged(Message, bubble=False):
    """The day as just read: some terminal changed it, the store came back, or the office's
    day rolled over (``new_day``: the date is not the one read before)."""

    def __init__(self, status: DayStatus, new_day: bool = False) -> None:
        super().__init__()
        self.status, self.new_day = status, new_day


class StoreTrouble(Message, bubble=False):
    """The store cannot be read (or a read failed in an unexpected way); ``error`` says why
    in the catalogue's words. Sent when trouble starts and when its reason changes."""

    def __init__(self, error: DeskError) -> None:
        super().__init__()
        self.error = error


class StoreBack(Message, bubble=False):
    """The store answers again after trouble; a DayChanged with the fresh day follows."""
