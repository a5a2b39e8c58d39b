"""The on-screen keyboard for names (and, with digits, for a passport number): letters,
space, hyphen and apostrophe, backspace, clear, and a shift key. A name starts each word
with a capital by itself; shift turns the case of the next letter."""

from __future__ import annotations

from collections.abc import Iterable

from screens.common.keys import BACKSPACE, CLEAR, SHIFT, Key, KeyPanel, key_id
from textual.widgets import Input

LETTER_ROWS = ("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM-'")
DIGIT_ROW = "1234567890"
WORD_START = " -'"


class Keyboard(KeyPanel):
    letter_rows: tuple[str, ...] = LETTER_ROWS

    def __init__(self, *, digits: bool = False, id: str = "keyboard") -> None:
        super().__init__(id=id, classes="keyboard")
        self.digits = digits
        self.shifted = False

    def rows(self) -> Iterable[list[Key]]:
        panel = self.id or "keyboard"
        lines = ((DIGIT_ROW,) if self.digits else ()) + self.letter_rows
        for line in lines:
            yield [Key(ch, ch, id=key_id(panel, ch)) for ch in line]
        t = self.app.t
        yield [Key(t("lobby_key_shift"), SHIFT, id=f"{panel}-shift", classes="wide"),
               Key(t("lobby_key_space"), " ", id=f"{panel}-space", classes="space"),
               *self.special_keys()]

    def capital_here(self, before: str) -> bool:
        """A letter typed after ``before`` is a capital by itself (a name: each word's first)."""
        return not before or before[-1] in WORD_START

    def apply(self, stands_for: str, field: Input) -> None:
        if stands_for == SHIFT:
            self.shifted = not self.shifted
            self.set_class(self.shifted, "-shifted")
            return
        if stands_for.isalpha():
            capital = self.capital_here(field.value[:field.cursor_position])
            if capital != self.shifted:
                stands_for = stands_for.upper()
            else:
                stands_for = stands_for.lower()
            self.shifted = False
            self.remove_class("-shifted")
        elif stands_for not in (BACKSPACE, CLEAR):
            self.shifted = False
            self.remove_class("-shifted")
        super().apply(stands_for, field)
