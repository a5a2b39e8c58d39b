"""The command line's words: every command, its options and its --help, and usage errors as
one line, in the language asked for with --lang (Bahasa Indonesia unless it says en)."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Sequence

from kiosk.cli.report import add_report_parser
from kiosk.texts import LANGUAGES, say

EXIT_OK, EXIT_USAGE, EXIT_REFUSED, EXIT_STORE = 0, 2, 3, 4
EXIT_BROKEN = 3  # kiosk audit verify: the chain is broken
ROLES = ("lobby", "board", "counter", "survey")
TICKET_MOVES = ("recall", "start", "finish", "no-show", "return", "cancel", "transfer")


# The language of this run's help and usage errors: --lang as typed, read before the parser
# is built (its help texts are looked up then) and again before argparse parses.
_lang = ["id"]

# argparse's own sentences (Python 3.11's wording) -> the catalogue's; what is not here
# (rare, about the parser's own set-up) stays as argparse says it.
_WHOLE = [(re.compile(pattern), key) for pattern, key in (
    (r"the following arguments are required: (?P<names>.+)", "usage_required"),
    (r"one of the arguments (?P<names>.+) is required", "usage_one_required"),
    (r"unrecognized arguments: (?P<names>.+)", "usage_unrecognized"),
    (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)", "usage_ambiguous"),
)]
_ARGUMENT = re.compile(r"argument (?P<name>.+?): (?P<why>.+)")
_OF_ARGUMENT = [(re.compile(pattern), key) for pattern, key in (
    (r"invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)", "usage_choice"),
    (r"invalid \S+ value: (?P<value>.+)", "usage_value"),
    (r"expected one argument", "usage_one_value"),
    (r"expected at most one argument", "usage_at_most_one"),
    (r"expected at least one argument", "usage_at_least_one"),
    (r"not allowed with argument (?P<other>.+)", "usage_not_with"),
    (r"ignored explicit argument (?P<value>.+)", "usage_explicit"),
)]


def chosen_language(argv: Sequence[str]) -> str:
    """The --lang of the command line (``--lang en`` or ``--lang=en``), else Indonesian."""
    lang = "id"
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else (
            argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None)
        if value in LANGUAGES:
            lang = value
    return lang


def usage_words(message: str, lang: str) -> str:
    """argparse's English sentence in the catalogue's words of ``lang``."""
    for pattern, key in _WHOLE:
        if found := pattern.fullmatch(message):
            return say(key, lang, **found.groupdict())
    if argument := _ARGUMENT.fullmatch(message):
        name, why = argument["name"], argument["why"]
        for pattern, key in _OF_ARGUMENT:
            if found := pattern.fullmatch(why):
                return say(key, lang, name=name, **found.groupdict())
        return f"{name}: {why}"  # our own types' sentences, already in ``lang``
    return message


def help_text(key: str, **values: object) -> str:
    """A --help text of the catalogue (kiosk/texts/cli_help.py) in the language of this run."""
    return say(key, _lang[0], **values)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(say("date_invalid", _lang[0])) from None


def _count(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: {say('quota_invalid', _lang[0])}") from None


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r}: {say('port_invalid', _lang[0])}")
    return port


# argparse's own group titles (Python 3.11's wording) -> the catalogue's.
_HEADINGS = {"positional arguments": "help_positionals", "options": "help_options"}


class _Formatter(argparse.HelpFormatter):
    """argparse's help, with its "usage: " in the language the parser was built in."""

    def __init__(self, prog: str, lang: str) -> None:
        super().__init__(prog)
        self.lang = lang

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups,
                          say("help_usage", self.lang) if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line, like every other failure, and the help with argparse's own
    headings, in the language of --lang (the one of this run when the parser was built)."""

    top = False  # the program's own parser (not a command's): it reads --lang first

    def __init__(self, *args, **kwargs) -> None:
        self.lang = _lang[0]  # before argparse's own set-up, which formats -h already
        super().__init__(*args, **kwargs)
        if self.add_help:
            self._option_string_actions["-h"].help = say("help_help", self.lang)

    def add_argument_group(self, title=None, description=None, **kwargs):
        # argparse's two headings, titled so as they are made: a parent's options (--db, …)
        # then join the group of the same title instead of a second "opsi".
        if title in _HEADINGS:
            title = say(_HEADINGS[title], self.lang)
        return super().add_argument_group(title, description, **kwargs)

    def _get_formatter(self) -> argparse.HelpFormatter:
        return _Formatter(self.prog, self.lang)

    def parse_known_args(self, args=None, namespace=None):
        if self.top:
            _lang[0] = chosen_language(sys.argv[1:] if args is None else list(args))
        return super().parse_known_args(args, namespace)

    def _get_values(self, action, arg_strings):
        # Python 3.11's argparse drops a value that is exactly "--": ``--name=--`` gave []
        # (a list where the desk takes a name: booked as no name). An option's value is what
        # was typed, to be checked by the desk's rules like any other.
        if action.option_strings and action.nargs is None and arg_strings == ["--"]:
            value = self._get_value(action, "--")
            self._check_value(action, value)
            return value
        return super()._get_values(action, arg_strings)

    def error(self, message: str):
        self.exit(EXIT_USAGE, f"kiosk: {printable(usage_words(message, _lang[0]))}\n")


def printable(text: str) -> str:
    # What a person typed goes back to their terminal: no escape sequences, one line.
    return "".join(ch if ch.isprintable() else "\ufffd" for ch in " ".join(text.split()))


def role_asked(argv: Sequence[str]) -> str | None:
    """The full-screen role ``argv`` names first, when it asks for no help: its parser alone
    reads such a line (the same namespace, the same errors), without the ~40 commands'."""
    if argv and argv[0] in ("lobby", "board", "counter") and not any(
            arg.startswith(("-h", "--h")) for arg in argv[1:]):
        return argv[0]
    return None


def build_parser(only: str | None = None, lang: str = "id") -> argparse.ArgumentParser:
    """The program's parser, its help in ``lang`` (chosen_language()); with ``only`` (a
    role_asked()), that role's command alone."""
    _lang[0] = lang
    h = help_text
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help=h("help_db"))
    common.add_argument("--office", metavar="PATH", default=argparse.SUPPRESS,
                        help=h("help_office"))
    common.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS,
                        help=h("help_lang"))
    as_json = _Parser(add_help=False)
    as_json.add_argument("--json", action="store_true", help=h("help_json"))
    at_counter = _Parser(add_help=False)
    at_counter.add_argument("--counter", type=int, metavar="N", help=h("help_counter"))
    at_counter.add_argument("--officer", metavar="NAME", help=h("help_officer"))

    parser = _Parser(prog="kiosk", parents=[common], description=h("help_kiosk"))
    parser.top = True
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", parents=[common], help=h("help_init"))
    p.add_argument("--owner", metavar="NAME", help=h("help_init_owner"))
    p.add_argument("--terminal", metavar="NAME", help=h("help_init_terminal"))

    for role, key in (("lobby", "help_lobby"), ("board", "help_board"),
                      ("counter", "help_counter_role")):
        if only and role != only:
            continue
        p = sub.add_parser(role, parents=[common], help=h(key))
        if role == "counter":
            p.add_argument("--counter", type=int, default=1, metavar="N")
    if only:
        return parser

    from kiosk.cli import survey  # the survey's role and commands (kiosk/cli/survey.py)

    survey.add_parser(sub, common, as_json)

    from kiosk.cli import serve  # the screens for browsers (kiosk/cli/serve.py)

    serve.add_parser(sub, common)

    p = sub.add_parser("book", parents=[common, as_json], help=h("help_book"))
    p.add_argument("service", help=h("help_book_service"))
    p.add_argument("--name", required=True, help=h("help_book_name"))
    ident = p.add_mutually_exclusive_group()
    ident.add_argument("--npwp", help=h("help_book_npwp"))
    ident.add_argument("--nik", help=h("help_book_nik"))
    ident.add_argument("--passport", help=h("help_book_passport"))
    p.add_argument("--visitor", default="self",
                   choices=("self", "representative", "proxy", "other"),
                   help=h("help_book_visitor"))
    p.add_argument("--phone", help=h("help_book_phone"))
    p.add_argument("--date", type=_date, help=h("help_book_date"))

    p = sub.add_parser("checkin", parents=[common, as_json], help=h("help_checkin"))
    p.add_argument("code", help=h("help_code"))

    p = sub.add_parser("call-next", parents=[common, as_json], help=h("help_call_next"))
    p.add_argument("--counter", type=int, required=True, metavar="N")
    p.add_argument("--officer", metavar="NAME")

    for move in TICKET_MOVES:
        p = sub.add_parser(move, parents=[common, as_json, at_counter],
                           help=h(f"help_move_{move.replace('-', '_')}"))
        p.add_argument("code", metavar="TICKET", help=h("help_code"))
        if move == "finish":
            p.add_argument("--topic", required=True, help=h("help_finish_topic"))
            p.add_argument("--note", default="", help=h("help_finish_note"))
            p.add_argument("--outcome", choices=("resolved", "follow_up"), default="resolved",
                           help=h("help_finish_outcome"))
        if move == "cancel":
            p.add_argument("--reason", default="", help=h("help_cancel_reason"))
        if move == "transfer":
            p.add_argument("service", help=h("help_transfer_service"))

    add_report_parser(sub, [common, as_json], _date, h)

    p = sub.add_parser("status", parents=[common, as_json], help=h("help_status"))
    p.add_argument("--date", type=_date)

    p = sub.add_parser("quota", parents=[common], help=h("help_quota"))
    qsub = p.add_subparsers(dest="quota_command", metavar="set", required=True)
    q = qsub.add_parser("set", parents=[common], help=h("help_quota_set"))
    q.add_argument("date", type=_date)
    q.add_argument("quota", type=_count)
    q.add_argument("--reason", required=True, help=h("help_quota_reason"))
    q.add_argument("--officer", metavar="NAME")

    p = sub.add_parser("purge", parents=[common, as_json], help=h("help_purge"))
    p.add_argument("--older-than", type=int, metavar="DAYS", help=h("help_purge_older"))

    p = sub.add_parser("officer", parents=[common], help=h("help_officers"))
    osub = p.add_subparsers(dest="officer_command", metavar="add", required=True)
    o = osub.add_parser("add", parents=[common], help=h("help_officer_add"))
    o.add_argument("name")
    o.add_argument("--role", choices=("officer", "supervisor"), default="officer")

    p = sub.add_parser("audit", parents=[common], help=h("help_audit"))
    asub = p.add_subparsers(dest="audit_command", metavar="verify", required=True)
    asub.add_parser("verify", parents=[common, as_json], help=h("help_audit_verify"))

    p = sub.add_parser("init-roles", parents=[common], help=h("help_init_roles"))
    p.add_argument("--owner", required=True, metavar="NAME", help=h("help_roles_owner"))
    p.add_argument("--terminal", required=True, metavar="NAME", help=h("help_roles_terminal"))

    from kiosk.cli import office_box  # backup, restore, doctor, install-units

    office_box.add_parsers(sub, common, as_json)
    return parser
