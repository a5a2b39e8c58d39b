"""Small wordings the lobby screens share: a complaint channel's label in the language
shown (the profile writes "Telepon / Telephone"; a taxpayer reads one language at a time)."""

from __future__ import annotations

from data.office import ComplaintChannel
from kiosk.texts import TEXTS, say


def channel_label(channel: ComplaintChannel, lang: str) -> str:
    """The catalogue's words for a channel kind it knows, else the profile's own label."""
    key = f"lobby_channel_{channel.kind}"
    return say(key, lang) if key in TEXTS else channel.label
