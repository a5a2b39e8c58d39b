"""`kiosk serve [board|counter|survey]`: the office's screens for browsers on the network.

    kiosk serve                     the board, the counters and the survey screens on one port
    kiosk serve board [--terminal]  the lobby TV's page (or the terminal board, textual-serve)
    kiosk serve counter             the counters only: /counter/N/ in the officer's browser
    kiosk serve survey              the survey screens only: /survey/N/
"""

from __future__ import annotations

import argparse

from kiosk.cli.parser import EXIT_USAGE, _port, help_text as h
from kiosk.cli.words import fail, lang_of, say_in

SERVED = ("board", "counter", "survey")


def _sessions(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 20:
        raise argparse.ArgumentTypeError(f"{text!r}: 1–20")
    return int(text)


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("serve", parents=[common], help=h("help_serve"))
    p.add_argument("role", nargs="?", choices=SERVED, help=h("help_serve_role"))
    p.add_argument("--host", default="127.0.0.1", help=h("help_serve_host"))
    p.add_argument("--port", type=_port, default=8000, help=h("help_serve_port"))
    p.add_argument("--terminal", action="store_true", help=h("help_serve_terminal"))
    p.add_argument("--sessions", type=_sessions, default=2, metavar="N",
                   help=h("help_serve_sessions"))


def run_serve(desk, args: argparse.Namespace) -> int:
    from data.database import default_url

    lang = lang_of(args)
    db_url = getattr(args, "db", None) or default_url()
    desk.db.close()  # the board's own thread, and each session's process, open their own
    try:
        if args.role == "board" and not args.terminal:
            from kiosk.web.live_board import serve_live_board

            return serve_live_board(desk, host=args.host, port=args.port, lang=lang)
        if args.role == "board":
            from kiosk.web.board_server import serve_board

            return serve_board(db_url, desk.office.path, host=args.host, port=args.port,
                               lang=lang, title=desk.office.name,
                               reconnecting=say_in(args, "board_reconnecting"),
                               cap=desk.office.board.viewers)
        from kiosk.web.office_server import ROLES, serve_office

        return serve_office(desk, db_url, host=args.host, port=args.port, lang=lang,
                            roles=(args.role,) if args.role else ROLES,
                            sessions_per_counter=args.sessions)
    except OSError as exc:  # the port is taken, the address is not ours…
        return fail(say_in(args, "cli_serve_failed", address=f"{args.host}:{args.port}",
                           error=exc.strerror or exc), EXIT_USAGE)


COMMANDS = {"serve": run_serve}
