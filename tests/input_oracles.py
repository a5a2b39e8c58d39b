"""The input rules of the command line, written out here independently of the product
(as the README, the identity module's docstring and the test profile state them), and
hypothesis strategies that reach both the accepted and the refused branch often."""

from __future__ import annotations

import datetime as dt
import re
import string
import unicodedata
from zoneinfo import ZoneInfo

import phonenumbers
from hypothesis import strategies as st
from stdnum.id import nik

NASTY = [
    "", " ", "x" * 10_000, "Budi\x1b[2J\x1b[31mmerah", "\x1b]0;pwned\x07", "Budi\x00Santoso",
    "Robert'); DROP TABLE ticket;--", "' OR 1=1 --", "محمد علي", "שלום עליכם",
    "Budi \u202eosotnaS", "👨‍👩‍👧 Budi", "Z̷a̷l̷g̷o̷", "\u200b", "Budi\r\nSantoso", "[red]Budi[/]",
    "١٢٣٤", "１２３４", "--name", "-1", "NaN", "1e3", "0x10", "2026-02-30", "2026-13-01",
]
# A value of exactly "--" never reaches the kiosk: argparse drops it (its quirk, not ours).
texts = st.one_of(st.sampled_from(NASTY), st.text(max_size=60),
                  st.text(alphabet=st.characters(codec="utf-8"), max_size=30)).filter(
    lambda t: t != "--")

# ----- the rules, written out here as the README and the profile state them ---------------

WITA = ZoneInfo("Asia/Makassar")
HORIZON_DAYS = 7  # tests/profiles/always-open.toml: booking_horizon_days
DAY_QUOTA = 15  # its daily_quota (the db fixture raises today's to 999)
NAME_PUNCTUATION = " .,-'’`"
CONTROL = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")  # controls, format, unassigned, separators


def wita_today() -> dt.date:
    return dt.datetime.now(WITA).date()


def expected_name(text: str) -> str | None:
    """The name as stored (double spaces made single), or None if it must be refused: only
    letters of any script with their marks and a little punctuation, a letter at least,
    100 characters at most."""
    name = re.sub(" +", " ", text.strip())
    if not all(unicodedata.category(ch)[0] in "LM" or ch in NAME_PUNCTUATION for ch in name):
        return None
    return name if any(ch.isalpha() for ch in name) and len(name) <= 100 else None


def text_ok(text: str, required: bool) -> bool:
    """A reason: trimmed, at most 500 characters, no control characters but a newline."""
    text = text.strip()
    return (bool(text) or not required) and len(text) <= 500 and all(
        ch == "\n" or unicodedata.category(ch) not in CONTROL for ch in text)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def expected_identity(kind: str, value: str) -> str | None:
    """The identity or telephone as stored ("" if none was given), or None if refused."""
    text = value.strip()
    if not text:
        return ""
    if kind == "npwp":  # 15 digits, Luhn over the first 9; or 16: a leading 0, or a NIK
        digits = re.sub(r"[ .-]", "", text)
        if not (digits.isascii() and digits.isdigit()):
            return None
        if len(digits) == 15 and luhn_ok(digits[:9]):
            return digits
        if len(digits) == 16 and (luhn_ok(digits[:10]) if digits[0] == "0" else nik.is_valid(digits)):
            return digits
        return None
    if kind == "nik":  # place and birth date checked by python-stdnum's table
        return nik.compact(text) if nik.is_valid(text) else None
    if kind == "passport":  # 6 to 12 Latin letters and digits, spaces and hyphens ignored
        compact = "".join(ch for ch in text if not ch.isspace() and ch != "-").upper()
        ok = 6 <= len(compact) <= 12 and all(ch in string.ascii_uppercase + string.digits
                                             for ch in compact)
        return compact if ok else None
    if len(text) > 30 or any(unicodedata.category(ch) in CONTROL for ch in text):
        return None
    if any(ch not in "0123456789 +-()." for ch in text):  # no letters read as keypad digits
        return None
    try:  # a telephone: what the phonenumbers library calls valid, Indonesian by default
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def iso_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def whole_number(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


# ----- strategies that hit the accepted branch often ------------------------------------

def half(likely, other):
    """``likely`` half the time, else ``other`` (``st.one_of`` flattens a nested one_of and
    weighs each of its branches alike)."""
    return st.booleans().flatmap(lambda pick: likely if pick else other)


def near_dates(before: int, after: int):
    """ISO dates from ``before`` days ago to ``after`` days ahead, today the likeliest."""
    return st.integers(-before, after).map(lambda n: str(wita_today() + dt.timedelta(days=n)))


letters = st.characters(categories=("Lu", "Ll", "Lo", "Mn"))
name_chars = st.one_of(letters, st.sampled_from(NAME_PUNCTUATION))
reasons = st.text(alphabet=string.ascii_letters + " .,\n", min_size=1, max_size=40)
# One odd character: escapes and other controls, digits, symbols, punctuation.
ODD = st.one_of(st.sampled_from(["\x1b", "\x00", "\x07", "\u202e", "\u200b", "7", "١", "@"]),
                st.characters(categories=("Nd", "No", "S", "Po", "Cc", "Cf")))


def near_miss(plain):
    """A plausible text with one odd character somewhere in it."""
    return st.builds(lambda a, ch, b: a + ch + b, plain, ODD, plain)


@st.composite
def npwps(draw):
    body = draw(st.text(alphabet=string.digits, min_size=8, max_size=8))
    check = next(d for d in string.digits if luhn_ok(body + d))
    number = body + check + draw(st.text(alphabet=string.digits, min_size=6, max_size=6))
    n = number  # as printed on the card: 01.312.166.0-091.000
    dotted = f"{n[:2]}.{n[2:5]}.{n[5:8]}.{n[8]}-{n[9:12]}.{n[12:]}"
    lead = draw(st.sampled_from(["", "0"]))  # the 16-digit form since 2024: a leading 0
    return lead + draw(st.sampled_from([number, dotted]))


@st.composite
def niks(draw):
    born = draw(st.dates(dt.date(1921, 1, 1), dt.date(2019, 12, 31)))
    day = born.day + (40 if draw(st.booleans()) else 0)  # 40 added for a woman
    return (draw(st.sampled_from(["3171", "5371", "5301", "1101"])) + "01"
            + f"{day:02d}{born.month:02d}{born.year % 100:02d}"
            + draw(st.text(alphabet=string.digits, min_size=4, max_size=4)))


PLAUSIBLE = {
    "npwp": npwps(),
    "nik": niks(),
    "passport": st.text(alphabet=string.ascii_letters + string.digits + "- ", min_size=5,
                        max_size=14),
    "phone": st.builds(lambda pre, rest, plus: ("+62 8" if plus else "08") + pre + rest,
                       st.sampled_from(["12", "13", "21", "52", "57", "77", "95"]),
                       st.text(alphabet=string.digits, min_size=6, max_size=9), st.booleans()),
}


short_names = st.text(alphabet=name_chars, min_size=1, max_size=40)
# Around the 100-character limit: a short name repeated and cut to 95-105 characters.
long_names = st.builds(lambda name, n: (name * 105)[:n], short_names, st.integers(95, 105))
names = half(short_names, long_names)
