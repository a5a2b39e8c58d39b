"""What each command of the command line does, over the desk: one function a command."""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from kiosk.cli import serve, survey
from kiosk.cli.report import run_report
from kiosk.cli.status import run_status
from kiosk.cli.parser import EXIT_BROKEN, EXIT_OK, EXIT_USAGE, TICKET_MOVES, printable
from kiosk.desk.codes import format_code
from kiosk.texts import Reason, both


def fail(line: str, code: int) -> int:
    """A failure: one line on stderr, never a traceback."""
    print(f"kiosk: {printable(line)}", file=sys.stderr)
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


def _quota(desk, args) -> int:
    status = desk.set_quota(args.date, args.quota, args.reason, _actor(args))
    print(f"{status.date}: kuota {status.quota}, sisa {status.remaining} / "
          f"quota {status.quota}, {status.remaining} left")
    return EXIT_OK


def _purge(desk, args) -> int:
    from kiosk.desk.privacy import purge

    result = purge(desk, _actor(args), args.older_than)
    if args.json:
        print(json.dumps({"before": result.before.isoformat(), "tickets": result.tickets,
                          "not_scrubbed": list(result.not_scrubbed)}))
    else:
        print(both("purged", tickets=result.tickets, before=result.before.isoformat()))
        if result.not_scrubbed:
            print(both("purge_not_scrubbed", steps="; ".join(result.not_scrubbed)), file=sys.stderr)
    return EXIT_OK


def _officer(desk, args) -> int:
    from kiosk.desk.officers import Officers

    pin = _read_pin()
    if pin is None:
        return fail(both("pin_invalid"), EXIT_USAGE)
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


def _audit(desk, args) -> int:
    from kiosk.desk.officers import Officers

    check = Officers(desk).verify_audit()
    if args.json:
        print(json.dumps(check.to_json()))
    elif check.ok:
        print(both("audit_intact", entries=check.entries))
    else:
        print(both("audit_broken", id=check.broken_id, why=Reason(f"audit_why_{check.why}")))
    return EXIT_OK if check.ok else EXIT_BROKEN


def _init_roles(desk, args) -> int:
    from data.roles import RolesError, make_roles

    try:
        make_roles(desk.db, owner=args.owner, terminal=args.terminal)
    except RolesError as exc:
        return fail(str(exc), EXIT_USAGE)
    print(both("roles_made", owner=args.owner, terminal=args.terminal))
    return EXIT_OK


COMMANDS = {
    "book": _book,
    "checkin": _checkin,
    "call-next": _call_next,
    "status": run_status,
    "quota": _quota,
    "officer": _officer,
    "purge": _purge,
    "audit": _audit,
    "init-roles": _init_roles,
    "report": run_report,
    **{move: _move for move in TICKET_MOVES},
    **survey.COMMANDS,
    **serve.COMMANDS,
}
