"""Booking codes: how they are made, shown ("ABC-234") and read back (any case, with or
without the hyphen, as a person or a barcode scanner types them). No store here."""

from __future__ import annotations

import secrets

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed
CODE_LENGTH = 6


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())[:32]


def format_code(code: str) -> str:
    code = normalize_code(code)
    return f"{code[:3]}-{code[3:]}" if len(code) == CODE_LENGTH else code
