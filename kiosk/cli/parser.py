"""The command line's words: every command, its options, and usage errors as one line, in
the language asked for with --lang (Bahasa Indonesia unless it says en)."""

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


# The language of this run's usage errors: --lang as typed, read before argparse parses.
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


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line, like every other failure, in the language of --lang."""

    top = False  # the program's own parser (not a command's): it reads --lang first

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


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The program's parser; with ``only`` (a role_asked()), that role's command alone."""
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                        help="database: a file path, sqlite:///PATH or postgresql://… "
                             "(default: $KIOSK_DB or a file in the user's data directory)")
    common.add_argument("--office", metavar="PATH", default=argparse.SUPPRESS,
                        help="office profile (TOML); default: KPP Pratama Kupang")
    common.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS,
                        help="language of the screens (default: id)")
    as_json = _Parser(add_help=False)
    as_json.add_argument("--json", action="store_true", help="print one JSON object")
    at_counter = _Parser(add_help=False)
    at_counter.add_argument("--counter", type=int, metavar="N", help="the Help Desk counter")
    at_counter.add_argument("--officer", metavar="NAME", help="who does it (for the audit log)")

    parser = _Parser(
        prog="kiosk", parents=[common],
        description="Help Desk queue kiosk. Without a command: the lobby screen.")
    parser.top = True
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", parents=[common],
                       help="create the store of a new office (once; every other command needs it)")
    p.add_argument("--owner", metavar="NAME",
                   help="PostgreSQL: also make the roles, as init-roles does (with --terminal)")
    p.add_argument("--terminal", metavar="NAME", help="PostgreSQL: the terminals' login role")

    for role, text in (("lobby", "taxpayers take a number or check in (full screen)"),
                       ("board", "the live waiting list for the lobby TV (full screen)"),
                       ("counter", "the officer's screen at the counter (full screen)")):
        if only and role != only:
            continue
        p = sub.add_parser(role, parents=[common], help=text)
        if role == "counter":
            p.add_argument("--counter", type=int, default=1, metavar="N")
    if only:
        return parser

    from kiosk.cli import survey  # the survey's role and commands (kiosk/cli/survey.py)

    survey.add_parser(sub, common, as_json)

    from kiosk.cli import serve  # the screens for browsers (kiosk/cli/serve.py)

    serve.add_parser(sub, common)

    p = sub.add_parser("book", parents=[common, as_json], help="take a number")
    p.add_argument("service", help="service code, e.g. perpajakan or aplikasi")
    p.add_argument("--name", required=True, help="the visitor's name")
    ident = p.add_mutually_exclusive_group()
    ident.add_argument("--npwp")
    ident.add_argument("--nik")
    ident.add_argument("--passport")
    p.add_argument("--visitor", default="self",
                   choices=("self", "representative", "proxy", "other"),
                   help="the taxpayer in person, a representative, a proxy, another party")
    p.add_argument("--phone")
    p.add_argument("--date", type=_date, help="book for a later day (YYYY-MM-DD); default: walk-in today")

    p = sub.add_parser("checkin", parents=[common, as_json], help="a booked taxpayer arrives")
    p.add_argument("code", help="booking code")

    p = sub.add_parser("call-next", parents=[common, as_json], help="call the lowest waiting number")
    p.add_argument("--counter", type=int, required=True, metavar="N")
    p.add_argument("--officer", metavar="NAME")

    for move in TICKET_MOVES:
        p = sub.add_parser(move, parents=[common, as_json, at_counter], help=f"{move} a ticket")
        p.add_argument("code", metavar="TICKET", help="booking code")
        if move == "finish":
            p.add_argument("--topic", required=True)
            p.add_argument("--note", default="")
            p.add_argument("--outcome", choices=("resolved", "follow_up"), default="resolved")
        if move == "cancel":
            p.add_argument("--reason", default="")
        if move == "transfer":
            p.add_argument("service", help="the other service's code")

    add_report_parser(sub, [common, as_json], _date)

    p = sub.add_parser("status", parents=[common, as_json], help="the day's queue")
    p.add_argument("--date", type=_date)

    p = sub.add_parser("quota", parents=[common], help="the quota of a date")
    qsub = p.add_subparsers(dest="quota_command", metavar="set", required=True)
    q = qsub.add_parser("set", parents=[common], help="set a date's quota, with a reason")
    q.add_argument("date", type=_date)
    q.add_argument("quota", type=_count)
    q.add_argument("--reason", required=True)
    q.add_argument("--officer", metavar="NAME")

    p = sub.add_parser("purge", parents=[common, as_json],
                       help="erase visitors' personal data older than the retention period")
    p.add_argument("--older-than", type=int, metavar="DAYS",
                   help="days to keep (default: the profile's privacy.retention_days)")

    p = sub.add_parser("officer", parents=[common], help="officers and supervisors")
    osub = p.add_subparsers(dest="officer_command", metavar="add", required=True)
    o = osub.add_parser("add", parents=[common], help="add an officer; the PIN is asked for")
    o.add_argument("name")
    o.add_argument("--role", choices=("officer", "supervisor"), default="officer")

    p = sub.add_parser("audit", parents=[common], help="the audit log")
    asub = p.add_subparsers(dest="audit_command", metavar="verify", required=True)
    asub.add_parser("verify", parents=[common, as_json],
                    help="check the whole hash chain (exit 0 intact, 3 broken)")

    p = sub.add_parser("init-roles", parents=[common],
                       help="PostgreSQL: an owner role for the tables, a terminals' role that "
                            "may only insert and read the audit log (run as an administrator)")
    p.add_argument("--owner", required=True, metavar="NAME", help="the role owning the tables")
    p.add_argument("--terminal", required=True, metavar="NAME", help="the terminals' login role")

    from kiosk.cli import office_box  # backup, restore, doctor, install-units

    office_box.add_parsers(sub, common, as_json)
    return parser
