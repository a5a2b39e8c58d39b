"""The lobby's settings from the office profile's [lobby] table, with sensible defaults.

    [lobby]
    idle_seconds = 90        # any screen returns to the welcome after this long untouched
    service_minutes = 10     # assumed length of one consultation before today has any
"""

from __future__ import annotations

from dataclasses import dataclass

from data.office import Office


@dataclass(frozen=True)
class LobbySettings:
    idle_seconds: int = 90
    service_minutes: int = 10


def lobby_settings(office: Office) -> LobbySettings:
    table = office.extra.get("lobby") or {}
    defaults = LobbySettings()

    def number(key: str, default: int, low: int, high: int) -> int:
        value = table.get(key, default)
        # A wrong value in the profile must not stop the kiosk: fall back to the default.
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            return default
        return value

    return LobbySettings(
        idle_seconds=number("idle_seconds", defaults.idle_seconds, 10, 3600),
        service_minutes=number("service_minutes", defaults.service_minutes, 1, 240),
    )
