"""Checking who comes, as DJP's own booking (Kunjung Pajak) records it.

NPWP and NIK are checked by python-stdnum, telephones by phonenumbers; names pass as
people type them, but control characters, digits and absurd lengths do not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kiosk.desk.errors import InvalidInput
from kiosk.texts import TEXTS

# The visitor's status, as Kunjung Pajak asks it.
VISITOR_STATUSES = ("self", "representative", "proxy", "other")
NAME_MAX = 100
TEXT_MAX = 500
_NAME_PUNCTUATION = set(" .,-'’`")
_SPACES = re.compile(" {2,}")
_PASSPORT = re.compile(r"^[A-Z0-9]{6,12}$")


@dataclass(frozen=True)
class Visitor:
    name: str
    status: str = "self"
    id_kind: str = ""  # npwp | nik | passport | ""
    id_number: str = ""
    phone: str = ""


def check_name(value: str | None) -> str:
    name = (value or "").strip()
    if not name:
        raise InvalidInput("name", "name_required")
    if any(_is_control(ch) for ch in name):
        raise InvalidInput("name", "text_control", what=TEXTS["field_name"][0],
                           what_en=TEXTS["field_name"][1])
    name = _SPACES.sub(" ", name)  # a double space typed by mistake is not worth a refusal
    if len(name) > NAME_MAX:
        raise InvalidInput("name", "text_too_long", what=TEXTS["field_name"][0],
                           what_en=TEXTS["field_name"][1], max=NAME_MAX)
    if not any(ch.isalpha() for ch in name):
        raise InvalidInput("name", "name_invalid")
    for ch in name:
        if ch in _NAME_PUNCTUATION:
            continue
        if not unicodedata.category(ch).startswith(("L", "M")):
            raise InvalidInput("name", "name_invalid")
    return name


# phonenumbers and stdnum are imported when a number is first checked, not when a role
# starts: the board and most lobby screens never need them.


def check_npwp(value: str) -> str:
    from stdnum import exceptions as stdnum_errors
    from stdnum.id import npwp as stdnum_npwp

    try:
        return stdnum_npwp.validate(value.strip())
    except (stdnum_errors.InvalidChecksum, stdnum_errors.InvalidComponent):
        # 15 or 16 digits, as asked: saying "must be 15 or 16 digits" would puzzle.
        raise InvalidInput("npwp", "npwp_mistyped") from None
    except stdnum_errors.ValidationError:
        raise InvalidInput("npwp", "npwp_invalid") from None


def check_nik(value: str) -> str:
    from stdnum import exceptions as stdnum_errors
    from stdnum.id import nik as stdnum_nik

    try:
        return stdnum_nik.validate(value.strip())
    except stdnum_errors.ValidationError:
        raise InvalidInput("nik", "nik_invalid") from None


def check_passport(value: str) -> str:
    compact = re.sub(r"[\s-]", "", value).upper()
    if not _PASSPORT.match(compact):
        raise InvalidInput("passport", "passport_invalid")
    return compact


_PHONE_CHARS = re.compile(r"[0-9 +\-().]+")


def check_phone(value: str | None) -> str:
    """An Indonesian or international number, stored as E.164; empty stays empty."""
    text = (value or "").strip()
    if not text:
        return ""
    if len(text) > 30 or any(_is_control(ch) for ch in text):
        raise InvalidInput("phone", "phone_invalid")
    # phonenumbers reads letters as a keypad's digits ("0812-CALL-ME" became a number):
    # only what people write between digits is let through.
    if not _PHONE_CHARS.fullmatch(text):
        raise InvalidInput("phone", "phone_letters")
    import phonenumbers

    try:
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException:
        raise InvalidInput("phone", "phone_invalid") from None
    if not phonenumbers.is_valid_number(number):
        raise InvalidInput("phone", "phone_invalid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# The fewest digits a complete number has: until then, a number being typed is unfinished,
# not wrong, and the lobby keeps its reason to itself.
_COMPLETE_DIGITS = {"npwp": 15, "nik": 16, "phone": 9}


def still_typing(kind: str, value: str) -> bool:
    digits = re.sub(r"[\s.()+-]", "", value or "")
    need = _COMPLETE_DIGITS.get(kind)
    return need is not None and digits.isdigit() and len(digits) < need


def check_status(value: str | None) -> str:
    status = (value or "self").strip().lower()
    if status not in VISITOR_STATUSES:
        raise InvalidInput("visitor", "visitor_invalid", choices=", ".join(VISITOR_STATUSES))
    return status


def check_visitor(name: str | None, *, status: str | None = "self", npwp: str | None = None,
                  nik: str | None = None, passport: str | None = None,
                  phone: str | None = None, name_optional: bool = False) -> Visitor:
    """The visitor as stored. With ``name_optional`` an empty name stays empty (a walk-in
    whom the officer completes at the counter); a name typed is still checked."""
    given = [(kind, v) for kind, v in (("npwp", npwp), ("nik", nik), ("passport", passport))
             if v is not None and v.strip()]
    if len(given) > 1:
        raise InvalidInput(given[1][0], "one_identity")
    id_kind, id_number = "", ""
    if given:
        id_kind, raw = given[0]
        checker = {"npwp": check_npwp, "nik": check_nik, "passport": check_passport}[id_kind]
        id_number = checker(raw)
    named = check_name(name) if (name or "").strip() or not name_optional else ""
    return Visitor(named, check_status(status), id_kind, id_number, check_phone(phone))


def check_text(value: str | None, field: str, *, required: bool = False, max_len: int = TEXT_MAX) -> str:
    """A free text (reason, topic, note): trimmed, bounded, no control characters."""
    text = (value or "").strip()
    key = f"field_{field}"
    field_id, field_en = TEXTS[key] if key in TEXTS else (field, field)
    if required and not text:
        raise InvalidInput(field, "text_required", what=field_id, what_en=field_en)
    if len(text) > max_len:
        raise InvalidInput(field, "text_too_long", what=field_id, what_en=field_en, max=max_len)
    if any(_is_control(ch) and ch not in "\n" for ch in text):
        raise InvalidInput(field, "text_control", what=field_id, what_en=field_en)
    return text


def _is_control(ch: str) -> bool:
    # Cc: C0/C1 controls (ESC starts terminal escapes); Cf: bidi overrides and the like.
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")
