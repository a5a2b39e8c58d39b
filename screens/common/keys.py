"""What the on-screen keyboard and the keypads share (the lobby's and the survey's): large
keys that type into one field (the target) without taking the focus from it, so a physical
keyboard or a barcode scanner keeps typing into the same field beside them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input

from screens.common.role_app import RoleApp

# The keys' look, for the CSS_PATH of a screen that shows them (a path: it sits here).
KEYS_CSS = Path(__file__).with_name("keys.tcss")

BACKSPACE, CLEAR, SHIFT, SPACE = "\b", "\x7f", "\x0e", " "  # what the special keys stand for


class Key(Button):
    """One key: never focused (the field keeps the focus), and every touch counts, however
    fast the next one comes (no "pressed" pause as an ordinary button has)."""

    can_focus = False

    def __init__(self, label: str, stands_for: str, *, id: str | None = None,
                 classes: str = "") -> None:
        super().__init__(label, id=id, classes=f"key {classes}".strip())
        self.stands_for = stands_for
        self.active_effect_duration = 0


class KeyPanel(Vertical):
    """Rows of keys typing into ``target``. Subclasses give the rows."""

    app = getters.app(RoleApp)

    def __init__(self, *, id: str | None = None, classes: str = "") -> None:
        super().__init__(id=id, classes=f"keys {classes}".strip())
        self.target: Input | None = None

    def rows(self) -> Iterable[list[Key]]:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        for row in self.rows():
            with Horizontal(classes="key-row"):
                yield from row

    def special_keys(self) -> list[Key]:
        """Delete one character, and clear the field: labels from the catalogue."""
        t = self.app.t
        return [Key(t("lobby_key_backspace"), BACKSPACE, id=f"{self.id}-backspace",
                    classes="wide"),
                Key(t("lobby_key_clear"), CLEAR, id=f"{self.id}-clear", classes="wide")]

    def type_into(self, field: Input | None) -> None:
        self.target = field

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()  # a key is not one of the screen's buttons
        if isinstance(event.button, Key) and self.target is not None:
            self.apply(event.button.stands_for, self.target)
            self.target.focus()

    def apply(self, stands_for: str, field: Input) -> None:
        if stands_for == BACKSPACE:
            field.action_delete_left()
        elif stands_for == CLEAR:
            field.value = ""
        else:
            field.insert_text_at_cursor(stands_for)


def key_id(panel: str, char: str) -> str:
    """A key's id, for tests and styles: letters and digits as themselves."""
    names = {" ": "space", "-": "hyphen", "'": "apostrophe", ",": "comma", ".": "period",
             "?": "question"}
    return f"{panel}-{names.get(char, char.lower())}"
