"""`kiosk backup [--to DIR] [--keep N]` and `kiosk restore FILE [--yes]`.

Both run without opening the desk: a backup needs only the store, and a restore must work
when the store is gone (the disk that held it died) and must not itself hold it open.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
import sys
from pathlib import Path

from kiosk.cli.parser import EXIT_OK, EXIT_REFUSED, EXIT_STORE, EXIT_USAGE, help_text as h
from kiosk.cli.words import fail, lang_of
from kiosk.texts import say

KEEP = 14  # two weeks of daily backups


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", parents=[common], help=h("help_backup"))
    p.add_argument("--to", metavar="DIR", type=Path, help=h("help_backup_to"))
    p.add_argument("--keep", type=int, default=KEEP, metavar="N",
                   help=h("help_backup_keep", keep=KEEP))
    p.add_argument("--full", action="store_true", help=h("help_backup_full"))
    p = sub.add_parser("restore", parents=[common], help=h("help_restore"))
    p.add_argument("file", type=Path, metavar="FILE", help=h("help_restore_file"))
    p.add_argument("--yes", action="store_true", help=h("help_restore_yes"))


def _url(args: argparse.Namespace) -> str:
    from data.database import default_url

    return getattr(args, "db", None) or default_url()


def _postgres(url: str) -> bool:
    return url.lower().startswith(("postgres:", "postgresql:"))


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f}"


class _Progress:
    """What a long backup is doing, on stderr: the copy's percentage, then the check's steps
    (its pages; the audit chain's percentage). One line every tenth on a log, or a line
    redrawn in place on a terminal; nothing for a store copied in one step."""

    def __init__(self, lang: str, check: str) -> None:
        self.shown = -1
        self.tty = sys.stderr.isatty()
        self.lang, self.check = lang, check
        self.long = False  # the copy took more than one step: the check will take a while too

    def __call__(self, done: int, total: int) -> None:
        from data.backup import STEP_PAGES

        if total <= STEP_PAGES * 4096 or total <= 0:
            return
        self.long = True
        self._percent("backup_progress", done, total, done=_mb(done), total=_mb(total))

    def checking(self, stage: str, done: int, total: int) -> None:
        if not self.long:
            return
        if stage == "pages":
            self._line(say("backup_checking_pages", self.lang, check=self.check))
        elif total > 0:
            self._percent("backup_checking_chain", done, total, done=done, total=total)

    def _percent(self, key: str, part: int, whole: int, **values: object) -> None:
        percent = 100 * part // whole
        if percent // 10 == self.shown // 10 and not self.tty:
            return
        self.shown = percent
        line = say(key, self.lang, percent=percent, **values)
        print(f"\r{line}\x1b[K" if self.tty else line, end="" if self.tty else "\n",
              file=sys.stderr, flush=True)

    def _line(self, line: str) -> None:
        """A step of its own: on a terminal, the redrawn line before it is left as it was."""
        print(("\n" if self.tty and self.shown >= 0 else "") + line, file=sys.stderr, flush=True)
        self.shown = -1

    def end(self) -> None:
        if self.tty and self.shown >= 0:
            print(file=sys.stderr)


def backup(args: argparse.Namespace) -> int:
    from data import backup as store_backup
    from data.database import describe, sqlite_path
    from data.errors import StoreError

    lang = lang_of(args)
    if args.keep < 1:
        return fail(f"--keep {args.keep}: {say('backup_keep_invalid', lang)}", EXIT_USAGE)
    url, folder = _url(args), args.to or store_backup.default_dir()
    now = dt.datetime.now()
    if _postgres(url):
        try:
            made = store_backup.backup_postgres(url, folder, args.keep, now)
        except FileNotFoundError:
            target = folder / f"kiosk-{now:%Y%m%d-%H%M%S}.dump"
            command = shlex.join(store_backup.pg_dump_command(describe(url), target))
            return fail(say("pg_dump_missing", lang, command=command), EXIT_STORE)
        except (store_backup.BackupError, OSError) as exc:
            return fail(say("backup_failed", lang, detail=str(exc)), EXIT_STORE)
        print(say("backup_made_pg", lang, path=made.path, size=_mb(made.size),
                  seconds=f"{made.seconds:.1f}"))
    else:
        try:
            path = sqlite_path(url)
            if not Path(path).is_file():
                return fail(say("backup_failed", lang,
                                detail=say("cli_no_such_file", lang, path=path)), EXIT_STORE)
            check = store_backup.FULL if args.full else store_backup.QUICK
            progress = _Progress(lang, check)
            made = store_backup.backup_sqlite(path, folder, args.keep, now, progress,
                                              full=args.full, checking=progress.checking)
        except (store_backup.BackupError, StoreError, OSError) as exc:
            return fail(say("backup_failed", lang, detail=str(exc)), EXIT_STORE)
        progress.end()
        print(say("backup_made", lang, path=made.path, size=_mb(made.size),
                  tickets=made.tickets, seconds=f"{made.seconds:.1f}", check=check))
        if made.audit_broken_id is not None:
            print(say("backup_chain_broken", lang, id=made.audit_broken_id), file=sys.stderr)
    if made.removed:
        print(say("backup_rotated", lang, count=len(made.removed), keep=args.keep))
    return EXIT_OK


def restore(args: argparse.Namespace) -> int:
    from data import backup as store_backup
    from data import in_use
    from data.database import sqlite_path
    from data.errors import StoreError

    url, lang = _url(args), lang_of(args)
    if _postgres(url):
        from kiosk.cli.restore_postgres import restore_postgres

        return restore_postgres(args, url, lang)
    try:
        store = sqlite_path(url)
    except StoreError as exc:
        return fail(str(exc), EXIT_STORE)
    try:
        incoming, check = store_backup.prepare_restore(args.file, store)
    except store_backup.BackupError as exc:
        return fail(say("restore_bad_backup", lang, detail=str(exc)), EXIT_REFUSED)
    except OSError as exc:
        return fail(say("restore_bad_backup", lang,
                        detail=f"{args.file}: {exc.strerror or exc}"), EXIT_REFUSED)
    try:
        if not args.yes and not agreed(say("restore_ask", lang, backup=args.file, store=store)):
            print(say("restore_cancelled", lang), file=sys.stderr)
            return EXIT_REFUSED
        with in_use.alone(store):
            kept = store_backup.put_in_place(incoming, store, dt.datetime.now())
    except in_use.InUse as busy:
        return fail(say(f"restore_in_use_{busy.args[0]}", lang), EXIT_REFUSED)
    except OSError as exc:
        return fail(say("backup_failed", lang, detail=f"{store}: {exc.strerror or exc}"),
                    EXIT_STORE)
    finally:
        store_backup.discard(incoming)
    print(say("restore_done", lang, store=store, backup=args.file, tickets=check.tickets,
              kept=kept or "-"))
    return EXIT_OK


def agreed(question: str) -> bool:
    if sys.stdin is None:
        return False
    print(question, end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline()
    return answer.strip().lower() in ("y", "ya", "yes")


STANDALONE = {"backup": backup, "restore": restore}
