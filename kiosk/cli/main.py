"""The command line: the full-screen roles, and the desk's moves for operators and scripts.

Exit codes: 0 done, 2 a usage error, 3 refused by a Help Desk rule, 4 the store or the
office profile cannot be used. Every failure is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys

from kiosk.cli.parser import (EXIT_REFUSED, EXIT_STORE, EXIT_USAGE, ROLES, build_parser,
                              chosen_language, role_asked)
from kiosk.cli.words import fail, lang_of, say_in


def main(argv: list[str] | None = None) -> int:
    line = sys.argv[1:] if argv is None else argv
    parser = build_parser(only=role_asked(line), lang=chosen_language(line))  # its help in --lang
    try:
        args = parser.parse_args(line)
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
    from kiosk.desk.errors import DeskError, StoreUnavailable
    from kiosk.texts import say
    from kiosk.desk.store import open_desk

    try:
        if command == "init":
            return init(args)
        if command not in ROLES:  # a role starts without the office's box of commands
            from kiosk.cli.office_box import STANDALONE

            if command in STANDALONE:
                return STANDALONE[command](args)
        desk = open_desk(getattr(args, "db", None), getattr(args, "office", None))
        if command == "counter":
            desk.check_counter(args.counter)  # refused at start-up, not at the first move
        if command in ROLES:
            from kiosk.app.app import run_role

            return run_role(desk, command, args)
        from kiosk.cli.commands import COMMANDS

        return COMMANDS[command](desk, args)
    except ProfileError as exc:
        return fail(say_in(args, "cli_profile_broken", error=str(exc)), EXIT_STORE)
    except DeskError as exc:  # a store fault, a refusal, or input the rules refuse
        from kiosk.app.role_log import log_desk_error, setup_role_log

        setup_role_log(command if command in ROLES else "cli")
        log_desk_error(exc, command)
        # The store's own line (StoreUnavailable.detail) is for the operator here, unlike a screen.
        said = (say(exc.key, lang_of(args), **exc.values) if isinstance(exc, StoreUnavailable)
                else exc.message(lang_of(args)))
        return fail(said,
                    EXIT_STORE if isinstance(exc, StoreUnavailable) else EXIT_REFUSED)


def init(args: argparse.Namespace) -> int:
    """``kiosk init``: the one step that makes a store; says so when it was already there."""
    from data.database import default_url, describe, init_store
    from data.errors import StoreError

    url = getattr(args, "db", None) or default_url()
    roles = getattr(args, "owner", None), getattr(args, "terminal", None)
    if any(roles) and not all(roles):
        return fail(say_in(args, "init_roles_both"), EXIT_USAGE)
    if any(roles) and not url.lower().startswith(("postgres:", "postgresql:")):
        return fail(say_in(args, "init_roles_postgresql"), EXIT_USAGE)  # before any store is made
    try:
        created = init_store(url)
    except StoreError as exc:
        return fail(say_in(args, "store_unavailable", detail=str(exc)), EXIT_STORE)
    print(say_in(args, "store_created" if created else "store_exists", url=describe(url)))
    if any(roles):  # what `kiosk init-roles` does, on the store just made
        from kiosk.cli.commands import COMMANDS
        from kiosk.desk.store import open_desk

        return COMMANDS["init-roles"](open_desk(url, getattr(args, "office", None)), args)
    return 0


def spare_postgres_driver(url: str | None) -> None:
    """A SQLite terminal needs no PostgreSQL driver: peewee would load it (and libpq, ~9 MB)
    just in case. Kept out of the full-screen roles, which run all day on a small PC."""
    url = url or os.environ.get("KIOSK_DB", "")
    if "peewee" not in sys.modules and not url.lower().startswith(("postgres:", "postgresql:")):
        # None in sys.modules makes `import psycopg2` fail fast, as when it is not installed.
        sys.modules.setdefault("psycopg2", None)  # type: ignore[arg-type]
