"""`kiosk --help` and every `kiosk COMMAND --help` speak the language of --lang: Bahasa
Indonesia by default, argparse's own headings included; English with --lang en, wherever on
the line. Real processes, as an officer types them."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli.parser import build_parser

ROOT = Path(__file__).parent.parent

# Today's English sentences, argparse's and ours: none may be left in the Indonesian help.
ENGLISH = ("usage:", "positional arguments", "options:", "show this help message and exit",
           "Help Desk queue kiosk", "Without a command", "take a number", "the day's queue",
           "language of the screens", "print one JSON object", "the visitor's name",
           "a checked copy of the store", "who does it (for the audit log)", "(default")
INDONESIAN = ("penggunaan:", "opsi:", "tampilkan bantuan ini lalu keluar", "bawaan")


def kiosk(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True,
                          text=True, timeout=60, cwd=ROOT, env=dict(os.environ),
                          stdin=subprocess.DEVNULL)


def helped(*args: str) -> str:
    """The help printed, exit 0, its lines joined (argparse wraps them to the terminal)."""
    done = kiosk(*args)
    assert (done.returncode, done.stderr) == (0, ""), (args, done.stderr)
    return " ".join(done.stdout.split())


def in_indonesian(text: str) -> None:
    assert all(word in text for word in INDONESIAN), text
    left = [sentence for sentence in ENGLISH if sentence in text]
    assert not left, f"English left: {left}\n{text}"


def in_english(text: str) -> None:
    assert "usage: kiosk" in text and "show this help message and exit" in text, text
    assert not [word for word in INDONESIAN if word in text], text


def test_the_top_help_is_in_bahasa_indonesia_by_default():
    text = helped("--help")
    in_indonesian(text)
    assert text.startswith("penggunaan: kiosk [-h] [--db URL] [--office PATH] [--lang {id,en}]")
    assert "argumen posisional:" in text and "Kios antrean Help Desk" in text
    assert "mengambil nomor antrean" in text  # book
    assert text.count("opsi:") == 1  # the parent's options (--db, …) in the same group as -h


@pytest.mark.parametrize("command, words", [
    (["book"], ["kode layanan", "nama pengunjung", "{self,representative,proxy,other}"]),
    (["backup"], ["folder cadangan", "--keep N", "(bawaan 14)"]),
    (["survey", "report"], ["--period P", "satu semester", "--csv FILE"]),
    (["install-units"], ["--run-as USER", "papan web"]),
])
def test_a_commands_help_is_in_bahasa_indonesia_by_default(command, words):
    text = helped(*command, "-h")
    in_indonesian(text)
    assert text.startswith(f"penggunaan: kiosk {' '.join(command)} ")
    assert all(word in text for word in words), text  # option names and metavars as typed


def test_lang_en_gives_todays_english_before_or_after_the_command():
    top = helped("--lang", "en", "--help")
    in_english(top)
    assert "Help Desk queue kiosk. Without a command: the lobby screen." in top
    assert "positional arguments:" in top and "options:" in top
    before, after = helped("--lang=en", "book", "--help"), helped("book", "--help", "--lang", "en")
    assert before == after
    in_english(after)
    assert "service code, e.g. perpajakan or aplikasi" in after
    assert "book for a later day (YYYY-MM-DD); default: walk-in today" in after
    assert "how many backups of this store to keep (default 14)" in helped(
        "backup", "-h", "--lang=en")
    in_indonesian(helped("book", "--help", "--lang", "id"))


def commands(parser: argparse.ArgumentParser, line: tuple[str, ...] = ()):
    """Every command line the parser has a parser for: ("book",), ("survey", "answer"), …"""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield line + (name,)
                yield from commands(sub, line + (name,))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_commands_help_exits_0_in_both_languages(lang):
    lines = list(commands(build_parser()))
    assert len(lines) > 25 and ("survey", "report") in lines and ("quota", "set") in lines
    for line in lines:
        text = helped(*line, "--help", "--lang", lang)
        assert text.startswith(f"{'penggunaan' if lang == 'id' else 'usage'}: kiosk "
                               f"{' '.join(line)} "), text
        (in_indonesian if lang == "id" else in_english)(text)
