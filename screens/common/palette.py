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

from textual.app import SystemCommand
from textual.command import CommandPalette
from textual.screen import Screen

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


def palette(app: RoleApp) -> CommandPalette:
    return CommandPalette(id="--command-palette", placeholder=app.t("palette_placeholder"))


def translate_palette_key(app: RoleApp) -> None:
    """The footer's "^p palette", in the app's language (Textual adds the binding in English)."""
    bindings = app._bindings.key_to_bindings.get(app.COMMAND_PALETTE_BINDING, [])
    for i, binding in enumerate(bindings):
        if binding.action in ("command_palette", "app.command_palette"):
            bindings[i] = dataclasses.replace(binding, description=app.t("palette_footer"),
                                              tooltip=app.t("palette_footer_help"))
