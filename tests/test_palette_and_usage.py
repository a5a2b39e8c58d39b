"""Issue 14: the counter's command palette and the command line's usage errors in the
language chosen, Bahasa Indonesia first; the public's terminals offer no palette at all."""

from __future__ import annotations

import pytest
from textual.command import CommandInput, CommandPalette
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from kiosk.app.app import KioskApp
from kiosk.cli.main import main
from kiosk.texts import say
from pilot_helpers import until
from test_counter_helpers import add_officers, logged_in

TEXTUAL_ENGLISH = ("Theme", "Quit", "Keys", "Screenshot", "Maximize")


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_the_counters_palette_speaks_the_officers_language(sqlite_desk, lang):
    add_officers(sqlite_desk)
    app = KioskApp(sqlite_desk, "counter", lang=lang, counter=1)
    async with app.run_test(size=(100, 30)) as pilot:
        day = await logged_in(pilot)
        titles = [str(command.title) for command in app.get_system_commands(day)]
        expected = [say(key, lang) for key in ("palette_theme", "palette_quit", "palette_keys")]
        assert titles[:3] == expected, titles
        # No picture of the day's tickets (names, identity numbers) saved to disk from here.
        assert "Screenshot" not in titles
        if lang == "id":
            assert not set(titles) & set(TEXTUAL_ENGLISH), titles
        def footer() -> list[str]:
            return [key.description for key in day.query_one(Footer).query(FooterKey)]

        await until(pilot, lambda: say("palette_footer", lang) in footer())
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        box = app.screen.query_one(CommandInput)
        assert box.placeholder == say("palette_placeholder", lang)
        await pilot.press(*say("palette_quit", lang)[:4])
        await until(pilot, lambda: say("palette_quit_help", lang) in "\n".join(
            str(option.prompt) for option in app.screen.query_one("CommandList")._options))


@pytest.mark.parametrize("role", ["lobby", "board", "survey"])
async def test_the_public_terminals_offer_no_palette(sqlite_desk, role):
    app = KioskApp(sqlite_desk, role)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        assert not isinstance(app.screen, CommandPalette)


@pytest.mark.parametrize("argv, key, values", [
    (["book", "perpajakan"], "usage_required", {"names": "--name"}),
    (["status", "--bogus"], "usage_unrecognized", {"names": "--bogus"}),
    (["book", "perpajakan", "--name", "A", "--visitor", "alien"], "usage_choice",
     {"name": "--visitor", "value": "'alien'",
      "choices": "'self', 'representative', 'proxy', 'other'"}),
    (["book", "perpajakan", "--name", "A", "--npwp", "1", "--nik", "2"], "usage_not_with",
     {"name": "--nik", "other": "--npwp"}),
    (["book", "perpajakan", "--name"], "usage_one_value", {"name": "--name"}),
])
@pytest.mark.parametrize("lang", [None, "en", "id"])
def test_usage_errors_are_said_in_the_language_chosen(capsys, argv, key, values, lang):
    said_in = lang or "id"  # Bahasa Indonesia unless --lang says otherwise
    extra = [] if lang is None else ["--lang", lang]
    assert main(argv + extra) == 2
    err = capsys.readouterr().err
    assert err == f"kiosk: {say(key, said_in, **values)}\n", err
    if said_in == "id":
        assert "argument" not in err and "required" not in err and "invalid" not in err


def test_a_typed_value_refused_is_said_in_the_language_chosen(capsys):
    assert main(["--lang=en", "status", "--date", "31-12-2026"]) == 2
    assert capsys.readouterr().err == f"kiosk: --date: {say('date_invalid', 'en')}\n"
    assert main(["status", "--date", "31-12-2026"]) == 2
    assert capsys.readouterr().err == f"kiosk: --date: {say('date_invalid', 'id')}\n"


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_the_palette_says_nothing_matched_in_the_officers_language(sqlite_desk, lang):
    add_officers(sqlite_desk)
    app = KioskApp(sqlite_desk, "counter", lang=lang, counter=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await logged_in(pilot)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"qqxzqq")

        def shown() -> list[str]:
            return [str(option.prompt.renderable) if hasattr(option.prompt, "renderable")
                    else str(option.prompt)
                    for option in app.screen.query_one("CommandList")._options]

        await until(pilot, lambda: any(say("palette_no_matches", lang) in line
                                       for line in shown()), timeout=5)
        if lang == "id":
            assert not any("No matches" in line for line in shown())
