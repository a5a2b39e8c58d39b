"""The office's services as the store keeps them: copied from the profile, since every
ticket refers to one."""

from __future__ import annotations

from typing import Iterable

from data.models import Service

# (code, name in Indonesian, name in English)
ServiceNames = tuple[str, str, str]


def stored_services() -> set[ServiceNames]:
    return {(s.code, s.name, s.name_en) for s in Service.select()}


def save_services(services: Iterable[ServiceNames]) -> None:
    """Each service added, or its names brought up to date."""
    for code, name, name_en in services:
        Service.insert(code=code, name=name, name_en=name_en).on_conflict(
            conflict_target=[Service.code],
            update={Service.name: name, Service.name_en: name_en}).execute()
