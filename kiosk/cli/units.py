"""`kiosk install-units [--user | --system]`: the systemd units of deploy/, filled in for this
box (this Python, this store, this profile) and written where systemd looks for them.

--system (as root; deploy/install.sh) writes them all: the lobby on tty1, the web board and
the daily backup timer, running as --run-as, and `kiosk serve` (every served screen, on the
board's port: enabled instead of the board). --user writes all but the lobby for the
current user (a console belongs to the system, so the lobby needs --system). The units are
only written: the commands that start them are printed, to be run when the office is ready.

The store's URL may hold a PostgreSQL password, and a unit file is world-readable: the URL
goes into an EnvironmentFile of mode 0600 instead (KIOSK_DB, which the kiosk reads). systemd
reads that file itself before it starts the role, as root for a system unit (so it stays
root's) and as the user for a user unit: the role's own user never needs to open it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import shlex
import sys
from pathlib import Path

from kiosk.cli.parser import EXIT_OK, EXIT_STORE, EXIT_USAGE, _port, help_text as h
from kiosk.cli.words import fail, say_in

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
SYSTEM_UNITS = ("kiosk-lobby.service", "kiosk-board.service", "kiosk-backup.service",
                "kiosk-backup.timer", "kiosk-serve.service")
SERVE_INSTEAD = "kiosk-serve.service"  # every served screen on the board's port: one or the other
USER_UNITS = SYSTEM_UNITS[1:]
_PLACEHOLDER = re.compile(r"@([A-Z_]+)@")


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("install-units", parents=[common], help=h("help_units"))
    where = p.add_mutually_exclusive_group()
    where.add_argument("--user", dest="system", action="store_false", help=h("help_units_user"))
    where.add_argument("--system", dest="system", action="store_true",
                       help=h("help_units_system"))
    p.add_argument("--dest", type=Path, metavar="DIR", help=h("help_units_dest"))
    p.add_argument("--env-file", type=Path, metavar="FILE", help=h("help_units_env_file"))
    p.add_argument("--run-as", metavar="USER", help=h("help_units_run_as"))
    p.add_argument("--host", default="0.0.0.0", help=h("help_units_host"))
    p.add_argument("--port", type=_port, default=8000, help=h("help_units_port"))
    p.add_argument("--backups", type=Path, metavar="DIR", help=h("help_units_backups"))
    p.add_argument("--keep", type=int, default=14, metavar="N", help=h("help_units_keep"))


def _escape(value: str) -> str:
    """A value systemd reads back as it is: % is a specifier, quotes and backslashes escape."""
    return value.replace("%", "%%").replace("\\", "\\\\").replace('"', '\\"')


def _escape_specifiers(value: str) -> str:
    """A path systemd takes as it is (EnvironmentFile= is not unquoted; % is a specifier)."""
    return value.replace("%", "%%")


def _quoted(value: str) -> str:
    return f'"{_escape(value)}"'


def _env_quoted(value: str) -> str:
    """A value an EnvironmentFile gives back as it is (systemd reads it as a shell would)."""
    return '"' + re.sub(r'(["\\$`])', r"\\\1", value) + '"'


def store_url_for(args: argparse.Namespace, user: str) -> str:
    from data.database import default_url

    home = _home_of(user) if args.system else None
    if home is not None:  # sudo: the store of the user the roles run as, not root's
        db = (getattr(args, "db", None) or os.environ.get("KIOSK_DB")
              or str(home / ".local/share/helpdesk-kiosk/kiosk.db"))
    else:
        db = getattr(args, "db", None) or default_url()
    return db if "://" in db else os.path.abspath(db)


def env_file_for(args: argparse.Namespace, folder: Path) -> Path:
    if args.env_file:
        return args.env_file
    if args.dest:
        return folder / "kiosk.env"
    if args.system:
        return Path("/etc/helpdesk-kiosk/kiosk.env")
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config / "helpdesk-kiosk" / "kiosk.env"


def write_env_file(path: Path, url: str) -> None:
    """KIOSK_DB in a file only its owner reads: created 0600, and made 0600 if it was there."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = ("# The store of the kiosk's systemd units (kiosk install-units): it may hold a "
            "password.\n"
            f"KIOSK_DB={_env_quoted(url)}\n")
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(handle, 0o600)  # before the secret is in it
        os.write(handle, text.encode("utf-8"))
    finally:
        os.close(handle)


def values_for(args: argparse.Namespace, user: str, env_file: Path) -> dict[str, str]:
    from data.backup import default_dir
    from data.office import default_profile_path

    home = _home_of(user) if args.system else None
    if home is not None:  # sudo: the backups of the user the roles run as, not root's
        backups = str(args.backups or home / ".local/share/helpdesk-kiosk/backups")
    else:
        backups = str(args.backups or default_dir())
    office = os.path.abspath(getattr(args, "office", None) or default_profile_path())
    backups = os.path.abspath(backups)
    return {
        "KIOSK": f"{_quoted(sys.executable)} -m kiosk",
        "OFFICE": _quoted(office),
        "ENV_FILE": _escape_specifiers(str(env_file.absolute())),
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
        return fail(f"--keep {args.keep}: {say_in(args, 'backup_keep_invalid')}", EXIT_USAGE)
    if not DEPLOY.is_dir():
        return fail(say_in(args, "units_no_templates", folder=DEPLOY), EXIT_STORE)
    user = args.run_as or os.environ.get("SUDO_USER") or getpass.getuser()
    if args.dest:
        folder = args.dest
    elif args.system:
        folder = Path("/etc/systemd/system")
    else:
        folder = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "systemd" / "user"
    names = SYSTEM_UNITS if args.system else USER_UNITS
    env_file = env_file_for(args, folder)
    values = values_for(args, user, env_file)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_env_file(env_file, store_url_for(args, user))
        for name in names:
            (folder / name).write_text(render(name, values), encoding="utf-8")
    except OSError as exc:
        return fail(say_in(args, "units_cannot_write", folder=folder, error=exc.strerror or exc),
                    EXIT_STORE)
    ctl = "systemctl" if args.system else "systemctl --user"
    start = [n for n in names if n not in ("kiosk-backup.service", SERVE_INSTEAD)]
    print(say_in(args, "units_written", count=len(names), folder=folder))
    print(say_in(args, "cli_units_env_file", path=env_file))
    print(f"  {ctl} daemon-reload")
    print(f"  {ctl} enable --now {shlex.join(start)}")
    print(say_in(args, "units_serve_instead", ctl=ctl, unit=SERVE_INSTEAD))
    if not args.system:
        print(f"  loginctl enable-linger {shlex.quote(user)}")
        print(say_in(args, "units_user_no_lobby"))
    return EXIT_OK


STANDALONE = {"install-units": install_units}
