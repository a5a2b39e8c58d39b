"""`kiosk install-units [--user | --system]`: the systemd units of deploy/, filled in for this
box (this Python, this store, this profile) and written where systemd looks for them.

--system (as root; deploy/install.sh) writes them all: the lobby on tty1, the web board and
the daily backup timer, running as --run-as, and `kiosk serve` (every served screen, on the
board's port: enabled instead of the board). --user writes all but the lobby for the
current user (a console belongs to the system, so the lobby needs --system). The units are
only written: the commands that start them are printed, to be run when the office is ready.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import shlex
import sys
from pathlib import Path

from kiosk.cli.commands import fail
from kiosk.cli.parser import EXIT_OK, EXIT_STORE, EXIT_USAGE, _port
from kiosk.texts import both

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
SYSTEM_UNITS = ("kiosk-lobby.service", "kiosk-board.service", "kiosk-backup.service",
                "kiosk-backup.timer", "kiosk-serve.service")
SERVE_INSTEAD = "kiosk-serve.service"  # every served screen on the board's port: one or the other
USER_UNITS = SYSTEM_UNITS[1:]
_PLACEHOLDER = re.compile(r"@([A-Z_]+)@")


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("install-units", parents=[common],
                       help="write the systemd units: lobby on tty1, web board, daily backup")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--user", dest="system", action="store_false",
                       help="for this user (~/.config/systemd/user): board and backup (default)")
    where.add_argument("--system", dest="system", action="store_true",
                       help="for the whole box (/etc/systemd/system, as root), with the lobby")
    p.add_argument("--dest", type=Path, metavar="DIR", help="write into DIR instead")
    p.add_argument("--run-as", metavar="USER", help="--system: the user the roles run as "
                                                    "(default: $SUDO_USER or the current user)")
    p.add_argument("--host", default="0.0.0.0", help="the web board's address (default: all)")
    p.add_argument("--port", type=_port, default=8000, help="the web board's port (8000)")
    p.add_argument("--backups", type=Path, metavar="DIR", help="where backups go")
    p.add_argument("--keep", type=int, default=14, metavar="N", help="backups kept (14)")


def _escape(value: str) -> str:
    """A value systemd reads back as it is: % is a specifier, quotes and backslashes escape."""
    return value.replace("%", "%%").replace("\\", "\\\\").replace('"', '\\"')


def _quoted(value: str) -> str:
    return f'"{_escape(value)}"'


def values_for(args: argparse.Namespace, user: str) -> dict[str, str]:
    from data.backup import default_dir
    from data.database import default_url
    from data.office import default_profile_path

    home = _home_of(user) if args.system else None
    if home is not None:  # sudo: the store and backups of the user the roles run as, not root's
        db = (getattr(args, "db", None) or os.environ.get("KIOSK_DB")
              or str(home / ".local/share/helpdesk-kiosk/kiosk.db"))
        backups = str(args.backups or home / ".local/share/helpdesk-kiosk/backups")
    else:
        db = getattr(args, "db", None) or default_url()
        backups = str(args.backups or default_dir())
    if "://" not in db:
        db = os.path.abspath(db)
    office = os.path.abspath(getattr(args, "office", None) or default_profile_path())
    backups = os.path.abspath(backups)
    return {
        "KIOSK": f"{_quoted(sys.executable)} -m kiosk",
        "OFFICE": _quoted(office),
        "ENV_DB": _quoted(f"KIOSK_DB={db}"),
        "ENV_PYTHONPATH": _quoted(f"PYTHONPATH={DEPLOY.parent}"),
        "USER": user,
        "USER_LINE": f"User={user}\n" if args.system else "",
        "TARGET": "multi-user.target" if args.system else "default.target",
        "HOST": args.host, "PORT": str(args.port),
        "BACKUPS": _quoted(backups), "KEEP": str(args.keep),
    }


def _home_of(user: str) -> Path | None:
    try:
        import pwd

        return Path(pwd.getpwnam(user).pw_dir)
    except (ImportError, KeyError):
        return None


def render(name: str, values: dict[str, str]) -> str:
    text = (DEPLOY / name).read_text(encoding="utf-8")
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


def install_units(args: argparse.Namespace) -> int:
    if args.keep < 1:
        return fail(f"--keep {args.keep}: {both('backup_keep_invalid')}", EXIT_USAGE)
    if not DEPLOY.is_dir():
        return fail(both("units_no_templates", folder=DEPLOY), EXIT_STORE)
    user = args.run_as or os.environ.get("SUDO_USER") or getpass.getuser()
    if args.dest:
        folder = args.dest
    elif args.system:
        folder = Path("/etc/systemd/system")
    else:
        folder = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "systemd" / "user"
    names = SYSTEM_UNITS if args.system else USER_UNITS
    values = values_for(args, user)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            (folder / name).write_text(render(name, values), encoding="utf-8")
    except OSError as exc:
        return fail(both("units_cannot_write", folder=folder, error=exc.strerror or exc),
                    EXIT_STORE)
    ctl = "systemctl" if args.system else "systemctl --user"
    start = [n for n in names if n not in ("kiosk-backup.service", SERVE_INSTEAD)]
    print(both("units_written", count=len(names), folder=folder))
    print(f"  {ctl} daemon-reload")
    print(f"  {ctl} enable --now {shlex.join(start)}")
    print(both("units_serve_instead", ctl=ctl, unit=SERVE_INSTEAD))
    if not args.system:
        print(f"  loginctl enable-linger {shlex.quote(user)}")
        print(both("units_user_no_lobby"))
    return EXIT_OK


STANDALONE = {"install-units": install_units}
