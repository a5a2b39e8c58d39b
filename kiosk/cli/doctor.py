"""`kiosk doctor [--json]`: one line a part of the box, ok / warning / fault and what to do.
Exits 1 when anything is a fault (a timer or a monitoring script can act on it), else 0."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from kiosk.cli.parser import help_text as h
from kiosk.cli.words import lang_of
from kiosk.texts import say

EXIT_FAULT = 1


def add_parsers(sub, common: argparse.ArgumentParser, as_json: argparse.ArgumentParser) -> None:
    p = sub.add_parser("doctor", parents=[common, as_json], help=h("help_doctor"))
    p.add_argument("--backups", metavar="DIR", type=Path, help=h("help_doctor_backups"))


def doctor(args: argparse.Namespace) -> int:
    from data.backup import default_dir
    from data.database import default_url
    from kiosk.desk import health
    from kiosk.devices.health import printer_finding, speech_finding

    lang = lang_of(args)
    now = dt.datetime.now(dt.timezone.utc)
    profile, office = health.profile_finding(getattr(args, "office", None))
    found, facts = health.store_findings(getattr(args, "db", None) or default_url(), now)
    today = now.astimezone(office.zone).date() if office else now.date()
    found += [health.disk_finding(facts, today),
              health.backup_finding(args.backups or default_dir(), facts, now)]
    if office is not None:
        found += [printer_finding(office), speech_finding(office)]
    found.append(profile)
    faults = [f for f in found if f.level == health.FAULT]
    if args.json:
        print(json.dumps({"ok": not faults, "checks": [f.to_json(lang) for f in found]},
                         ensure_ascii=False))
    else:
        for f in found:
            level = say(f"doctor_level_{f.level}", lang)
            line = f"{level:<10} {say(f'doctor_check_{f.check}', lang)}: {f.detail.text(lang)}"
            print(f"{line} → {f.advice.text(lang)}" if f.advice else line)
    return EXIT_FAULT if faults else 0


STANDALONE = {"doctor": doctor}
