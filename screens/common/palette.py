"""The command palette (ctrl+p), offered on the counter only, in the officer's language.

The lobby, the survey and the board face the public: they offer no palette at all (a
passer-by's ctrl+p must not reach Quit or the theme of a kiosk), which kiosk.app.app sets.
At the counter it is a tool of the officer's: Textual's own commands, in our words. Left
out on purpose: "Screenshot", which would write a picture of the day's tickets (names,
identity numbers) into whatever folder the program runs in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette
from textual.screen import Screen
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from screens.common.role_app import RoleApp


def system_commands(app: RoleApp, screen: Screen) -> Iterable[SystemCommand]:
    """What Textual's App.get_system_commands offers, said in the app's language."""
    t = app.t
    yield SystemCommand(t("palette_theme"), t("palette_theme_help"), app.action_change_theme)
    yield SystemCommand(t("palette_quit"), t("palette_quit_help"), app.action_quit)
    if screen.query("HelpPanel"):
        yield SystemCommand(t("palette_keys"), t("palette_keys_hide"), app.action_hide_help_panel)
    else:
        yield SystemCommand(t("palette_keys"), t("palette_keys_show"), app.action_show_help_panel)
    if screen.maximized is not None:
        yield SystemCommand(t("palette_minimize"), t("palette_minimize_help"),
                            screen.action_minimize)
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(t("palette_maximize"), t("palette_maximize_help"),
                            screen.action_maximize)


class OfficersPalette(CommandPalette):
    """Textual's palette, its "No matches found" in the officer's language (Textual writes
    that line in English inside this method, so it is this method over again)."""

    def __init__(self, *, no_matches: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            # Nothing found for what was typed; an empty search shows no such line.
            if search_value:
                words = Text(self.no_matches, style="not bold")
                self.query_one(CommandList).add_option(
                    Option(Align.center(words), disabled=True, id=self._NO_MATCHES))
            self._list_visible = bool(search_value)

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def palette(app: RoleApp) -> CommandPalette:
    return OfficersPalette(id="--command-palette", placeholder=app.t("palette_placeholder"),
                           no_matches=app.t("palette_no_matches"))


def translate_palette_key(app: RoleApp) -> None:
    """The footer's "^p palette", in the app's language (Textual adds the binding in English)."""
    bindings = app._bindings.key_to_bindings.get(app.COMMAND_PALETTE_BINDING, [])
    for i, binding in enumerate(bindings):
        if binding.action in ("command_palette", "app.command_palette"):
            bindings[i] = dataclasses.replace(binding, description=app.t("palette_footer"),
                                              tooltip=app.t("palette_footer_help"))
