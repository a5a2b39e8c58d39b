"""`kiosk restore FILE` on a PostgreSQL store: as on SQLite, the backup is checked first, the
person asked, the restore refused while anyone else is connected, and the result checked."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys

from kiosk.cli.parser import EXIT_OK, EXIT_REFUSED, EXIT_STORE
from kiosk.cli.words import fail
from kiosk.texts import say


def restore_postgres(args: argparse.Namespace, url: str, lang: str) -> int:
    from data import restore_postgres as pg
    from data.backup import BackupError, default_dir
    from data.database import describe
    from kiosk.cli.backup import agreed

    store = describe(url)
    missing = pg.tools_missing()
    if missing:
        return fail(say("cli_pg_tools_missing", lang, tools=", ".join(missing)), EXIT_STORE)
    try:
        dump = pg.read_dump(args.file, url)
    except BackupError as exc:
        return fail(say("restore_bad_backup", lang, detail=str(exc)), EXIT_REFUSED)
    folder = args.file.resolve().parent
    keep_in = folder if os.access(folder, os.W_OK) else default_dir()
    question = say("cli_restore_ask_pg", lang, backup=args.file, store=store, folder=keep_in,
                   tickets=dump.tickets)
    if not args.yes and not agreed(question):
        print(say("restore_cancelled", lang), file=sys.stderr)
        return EXIT_REFUSED
    try:
        others = pg.other_sessions(url)
        if others:
            return fail(say("cli_restore_in_use_pg", lang, count=len(others),
                            sessions=", ".join(others)), EXIT_REFUSED)
        done = pg.restore(url, dump, keep_in, dt.datetime.now())
    except (BackupError, OSError) as exc:
        return fail(say("cli_restore_failed", lang, detail=str(exc)), EXIT_STORE)
    print(say("cli_restore_done_pg", lang, store=store, backup=args.file, tickets=done.tickets,
              entries=done.audit_entries, kept=done.kept))
    if done.audit_broken_id is not None:
        print(say("backup_chain_broken", lang, id=done.audit_broken_id), file=sys.stderr)
    return EXIT_OK
