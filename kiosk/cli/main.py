"""The command line: the full-screen roles, and the desk's moves for operators and scripts.

Exit codes: 0 done, 2 a usage error, 3 refused by a Help Desk rule, 4 the store or the
office profile cannot be used. Every failure is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys

from kiosk.desk.codes import format_code
from kiosk.texts import both

EXIT_OK, EXIT_USAGE, EXIT_REFUSED, EXIT_STORE = 0, 2, 3, 4
ROLES = ("lobby", "board", "counter")
TICKET_MOVES = ("recall", "start", "finish", "no-show", "return", "cancel", "transfer")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(both("date_invalid")) from None


def _count(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: {both('quota_invalid')}") from None


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line, like every other failure."""

    def error(self, message: str):
        self.exit(EXIT_USAGE, f"kiosk: {_printable(message)}\n")


def _printable(text: str) -> str:
    # What a person typed goes back to their terminal: no escape sequences, one line.
    return "".join(ch if ch.isprintable() else "\ufffd" for ch in " ".join(text.split()))


def build_parser() -> argparse.ArgumentParser:
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
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    for role, text in (("lobby", "taxpayers take a number or check in (full screen)"),
                       ("board", "the live waiting list for the lobby TV (full screen)"),
                       ("counter", "the officer's screen at the counter (full screen)")):
        p = sub.add_parser(role, parents=[common], help=text)
        if role == "counter":
            p.add_argument("--counter", type=int, default=1, metavar="N")

    p = sub.add_parser("serve", parents=[common], help="serve the board to browsers (web board)")
    p.add_argument("role", choices=("board",), help="what to serve")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")

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
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed its usage line
        return int(exc.code or 0)
    command = args.command or "lobby"
    try:
        return _run(command, args)
    except KeyboardInterrupt:
        return 130


def _run(command: str, args: argparse.Namespace) -> int:
    if command in ROLES:
        spare_postgres_driver(getattr(args, "db", None))
    from data.office import ProfileError
    from kiosk.desk.errors import DeskError, InvalidInput, StoreUnavailable
    from kiosk.desk.store import open_desk

    try:
        desk = open_desk(getattr(args, "db", None), getattr(args, "office", None))
        if command in ROLES:
            from kiosk.app.app import run_role

            return run_role(desk, command, args)
        return _COMMANDS[command](desk, args)
    except ProfileError as exc:
        return _fail(f"office profile {exc}", EXIT_STORE)
    except StoreUnavailable as exc:
        return _fail(str(exc), EXIT_STORE)
    except InvalidInput as exc:
        return _fail(str(exc), EXIT_REFUSED)
    except DeskError as exc:
        return _fail(str(exc), EXIT_REFUSED)


def spare_postgres_driver(url: str | None) -> None:
    """A SQLite terminal needs no PostgreSQL driver: peewee would load it (and libpq, ~9 MB)
    just in case. Kept out of the full-screen roles, which run all day on a small PC."""
    url = url or os.environ.get("KIOSK_DB", "")
    if "peewee" not in sys.modules and not url.lower().startswith(("postgres:", "postgresql:")):
        # None in sys.modules makes `import psycopg2` fail fast, as when it is not installed.
        sys.modules.setdefault("psycopg2", None)  # type: ignore[arg-type]


def _fail(line: str, code: int) -> int:
    print(f"kiosk: {_printable(line)}", file=sys.stderr)
    return code


def _actor(args: argparse.Namespace) -> str:
    officer = getattr(args, "officer", None)
    if officer:
        return "".join(ch for ch in officer if ch.isprintable()).strip()[:120] or "cli"
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _print_ticket(ticket, args) -> int:
    if args.json:
        print(json.dumps(ticket.to_json(), ensure_ascii=False))
    else:
        counter = f" · loket {ticket.counter}" if ticket.counter else ""
        print(f"Nomor {ticket.number} · {ticket.service} · {ticket.date} · "
              f"kode {format_code(ticket.code)} · {ticket.state}{counter}")
    return EXIT_OK


def _book(desk, args) -> int:
    ticket = desk.book(args.service, args.name, status=args.visitor, npwp=args.npwp, nik=args.nik,
                       passport=args.passport, phone=args.phone, day=args.date,
                       actor=_actor(args) if args.date else "cli")
    return _print_ticket(ticket, args)


def _checkin(desk, args) -> int:
    return _print_ticket(desk.check_in(args.code, actor=_actor(args)), args)


def _call_next(desk, args) -> int:
    return _print_ticket(desk.call_next(args.counter, _actor(args)), args)


def _move(desk, args) -> int:
    actor, counter, code = _actor(args), args.counter, args.code
    ticket = {
        "recall": lambda: desk.recall(code, counter, actor),
        "start": lambda: desk.start(code, counter, actor),
        "finish": lambda: desk.finish(code, counter, actor, args.topic, args.note, args.outcome),
        "no-show": lambda: desk.no_show(code, counter, actor),
        "return": lambda: desk.return_to_queue(code, actor, counter),
        "cancel": lambda: desk.cancel(code, actor, args.reason, counter),
        "transfer": lambda: desk.transfer(code, args.service, counter, actor),
    }[args.command]()
    return _print_ticket(ticket, args)


def _status(desk, args) -> int:
    status = desk.status(args.date)
    if args.json:
        print(json.dumps(status.to_json(), ensure_ascii=False))
        return EXIT_OK
    state = "buka" if status.open else f"tutup ({status.closed_why})"
    print(f"{status.date} · {state} · kuota {status.quota} · diambil {status.issued} · "
          f"sisa {status.remaining}")
    for t in status.tickets:
        counter = f" · loket {t.counter}" if t.counter else ""
        print(f"  {t.number:>3}  {t.service:<12} {t.state}{counter}")
    return EXIT_OK


def _quota(desk, args) -> int:
    status = desk.set_quota(args.date, args.quota, args.reason, _actor(args))
    print(f"{status.date}: kuota {status.quota}, sisa {status.remaining} / "
          f"quota {status.quota}, {status.remaining} left")
    return EXIT_OK


def _purge(desk, args) -> int:
    from kiosk.desk.privacy import purge

    result = purge(desk, _actor(args), args.older_than)
    if args.json:
        print(json.dumps({"before": result.before.isoformat(), "tickets": result.tickets}))
    else:
        print(both("purged", tickets=result.tickets, before=result.before.isoformat()))
    return EXIT_OK


def _officer(desk, args) -> int:
    from kiosk.desk.officers import Officers

    pin = _read_pin()
    if pin is None:
        return _fail(both("pin_invalid"), EXIT_USAGE)
    officer = Officers(desk).add(args.name, args.role, pin, actor=_actor(args))
    print(f"{officer.name} ({officer.role}) ditambahkan / added")
    return EXIT_OK


def _read_pin() -> str | None:
    """The PIN from a prompt (twice, to catch a typo), or the first line of stdin."""
    if sys.stdin is None:
        return None
    if sys.stdin.isatty():
        first = getpass.getpass("PIN: ")
        if getpass.getpass("PIN lagi / again: ") != first:
            print("kiosk: PIN tidak sama / the PINs differ", file=sys.stderr)
            return None
        return first
    line = sys.stdin.readline()
    return line.strip() if line else None


def _serve(desk, args) -> int:
    from data.database import default_url
    from kiosk.web.board_server import serve_board

    lang = getattr(args, "lang", None) or "id"
    desk.db.close()  # each browser's board process opens its own
    try:
        return serve_board(getattr(args, "db", None) or default_url(), desk.office.path,
                           host=args.host, port=args.port, lang=lang, title=desk.office.name,
                           reconnecting=both("board_reconnecting"))
    except OSError as exc:  # the port is taken, the address is not ours…
        return _fail(f"serve {args.host}:{args.port}: {exc.strerror or exc}", EXIT_USAGE)


_COMMANDS = {
    "book": _book,
    "checkin": _checkin,
    "call-next": _call_next,
    "status": _status,
    "quota": _quota,
    "officer": _officer,
    "purge": _purge,
    "serve": _serve,
    **{move: _move for move in TICKET_MOVES},
}
