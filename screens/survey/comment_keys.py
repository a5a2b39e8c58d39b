"""The on-screen keyboard for the survey's comment (a touch-only screen has no other): the
lobby's keyboard with digits and a sentence's punctuation, a capital only where a
sentence starts (a name's keyboard capitalises every word)."""

from __future__ import annotations

from screens.common.keyboard import Keyboard

SENTENCE_END = ".?!"


class CommentKeyboard(Keyboard):
    letter_rows = ("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM,.?")

    def __init__(self) -> None:
        super().__init__(digits=True, id="comment-keys")

    def capital_here(self, before: str) -> bool:
        before = before.rstrip()
        return not before or before[-1] in SENTENCE_END
