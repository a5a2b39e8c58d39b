"""The keypads: digits only (NPWP, NIK, telephone), and the booking code's own characters
(kiosk.desk.codes: no 0/O or 1/I to mix up), for check-in without a keyboard."""

from __future__ import annotations

from collections.abc import Iterable

from kiosk.desk.codes import CODE_ALPHABET
from screens.common.keys import Key, KeyPanel, key_id

DIGIT_ROWS = ("123", "456", "789", "0")
CODE_ROW_LENGTH = 8


class DigitPad(KeyPanel):
    def __init__(self, *, id: str = "digits") -> None:
        super().__init__(id=id, classes="keypad")

    def rows(self) -> Iterable[list[Key]]:
        panel = self.id or "digits"
        for line in DIGIT_ROWS[:-1]:
            yield [Key(ch, ch, id=key_id(panel, ch), classes="digit") for ch in line]
        backspace, clear = self.special_keys()
        yield [clear, Key("0", "0", id=key_id(panel, "0"), classes="digit"), backspace]


class CodePad(KeyPanel):
    """Letters in alphabetical order and the digits, as many in a row as fit 80 columns."""

    def __init__(self, *, id: str = "codepad") -> None:
        super().__init__(id=id, classes="keypad codepad")

    def rows(self) -> Iterable[list[Key]]:
        panel = self.id or "codepad"
        chars = CODE_ALPHABET
        for start in range(0, len(chars), CODE_ROW_LENGTH):
            yield [Key(ch, ch, id=key_id(panel, ch)) for ch in chars[start:start + CODE_ROW_LENGTH]]
        yield self.special_keys()
