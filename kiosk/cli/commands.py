"""What each command of the command line does, over the desk: one function a command."""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from kiosk.cli import serve, survey
from kiosk.cli.report import run_report
from kiosk.cli.status import run_status
from kiosk.cli.parser import EXIT_BROKEN, EXIT_OK, EXIT_USAGE, TICKET_MOVES
from kiosk.cli.words import fail, lang_of, say_in, service_name
from kiosk.desk.codes import format_code
from kiosk.texts import Reason


def _actor(args: argparse.Namespace) -> str:
    officer = getattr(args, "officer", None)
    if officer:
        return "".join(ch for ch in officer if ch.isprintable()).strip()[:120] or "cli"
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _print_ticket(desk, ticket, args) -> int:
    if args.json:
        print(json.dumps(ticket.to_json(), ensure_ascii=False))
        return EXIT_OK
    lang = lang_of(args)
    counter = say_in(args, "cli_status_counter", counter=ticket.counter) if ticket.counter else ""
    print(say_in(args, "cli_ticket", number=ticket.number, date=ticket.date,
                 service=service_name(desk.office, ticket.service, lang),
                 code=format_code(ticket.code), state=say_in(args, f"state_{ticket.state}"),
                 counter=counter))
    return EXIT_OK


def _book(desk, args) -> int:
    ticket = desk.book(args.service, args.name, status=args.visitor, npwp=args.npwp, nik=args.nik,
                       passport=args.passport, phone=args.phone, day=args.date,
                       actor=_actor(args) if args.date else "cli")
    return _print_ticket(desk, ticket, args)


def _checkin(desk, args) -> int:
    return _print_ticket(desk, desk.check_in(args.code, actor=_actor(args)), args)


def _call_next(desk, args) -> int:
    return _print_ticket(desk, desk.call_next(args.counter, _actor(args)), args)


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
    return _print_ticket(desk, ticket, args)


def _quota(desk, args) -> int:
    status = desk.set_quota(args.date, args.quota, args.reason, _actor(args))
    print(say_in(args, "cli_quota_set", date=status.date, quota=status.quota,
                 remaining=status.remaining))
    return EXIT_OK


def _purge(desk, args) -> int:
    from kiosk.desk.privacy import purge

    result = purge(desk, _actor(args), args.older_than)
    if args.json:
        print(json.dumps({"before": result.before.isoformat(), "tickets": result.tickets,
                          "not_scrubbed": list(result.not_scrubbed)}))
    else:
        print(say_in(args, "purged", tickets=result.tickets, before=result.before.isoformat()))
        if result.not_scrubbed:
            print(say_in(args, "purge_not_scrubbed", steps="; ".join(result.not_scrubbed)),
                  file=sys.stderr)
    return EXIT_OK


def _officer(desk, args) -> int:
    from kiosk.desk.officers import Officers

    pin = _read_pin(args)
    if pin is None:
        return fail(say_in(args, "pin_invalid"), EXIT_USAGE)
    officer = Officers(desk).add(args.name, args.role, pin, actor=_actor(args))
    print(say_in(args, "cli_officer_added", name=officer.name,
                 role=say_in(args, f"cli_role_{officer.role}")))
    return EXIT_OK


def _read_pin(args: argparse.Namespace) -> str | None:
    """The PIN from a prompt (twice, to catch a typo), or the first line of stdin."""
    if sys.stdin is None:
        return None
    if sys.stdin.isatty():
        first = getpass.getpass(say_in(args, "cli_pin_prompt"))
        if getpass.getpass(say_in(args, "cli_pin_again")) != first:
            fail(say_in(args, "cli_pin_differ"), EXIT_USAGE)
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
        print(say_in(args, "audit_intact", entries=check.entries))
    else:
        print(say_in(args, "audit_broken", id=check.broken_id,
                     why=Reason(f"audit_why_{check.why}")))
    return EXIT_OK if check.ok else EXIT_BROKEN


def _init_roles(desk, args) -> int:
    from data.roles import RolesError, make_roles

    try:
        make_roles(desk.db, owner=args.owner, terminal=args.terminal)
    except RolesError as exc:
        return fail(say_in(args, "cli_roles_failed", detail=str(exc)), EXIT_USAGE)
    print(say_in(args, "roles_made", owner=args.owner, terminal=args.terminal))
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
