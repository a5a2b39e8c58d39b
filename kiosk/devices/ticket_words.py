"""What the ticket says beside the number, in one place for the screen and the printed
slip, so the paper carries what the screen does: free of charge, and what to bring."""

from __future__ import annotations

from data.office import Office
from kiosk.texts import say


def free_line(lang: str) -> str:
    return say("lobby_free", lang)


def bring_line(office: Office, service_code: str, lang: str, proxy: bool = False) -> str:
    """This number and code (the service standard's "queue number" requirement is the ticket
    itself: "bring: queue number" told people to bring what they hold), a device for the
    application service, the ID card, and for a proxy the power of attorney."""
    service = office.service(service_code)
    bring = [say("lobby_bring_this_ticket", lang)]
    if service and service.requires_device:
        bring.append(say("lobby_bring_device", lang))
    bring.append(say("lobby_bring_id", lang))
    if proxy:
        bring.append(say("lobby_bring_power_of_attorney", lang))
    return say("lobby_bring", lang, what="; ".join(bring))
