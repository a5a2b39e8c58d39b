"""kiosk status: the day's queue in one language, the one --lang asks (Bahasa Indonesia by
default): the day's line, then each number with its service and state in those words."""

from __future__ import annotations

import argparse
import json

from kiosk.cli.parser import EXIT_OK
from kiosk.cli.words import lang_of, service_name
from kiosk.texts import say


def run_status(desk, args: argparse.Namespace) -> int:
    status = desk.status(args.date)
    if args.json:
        print(json.dumps(status.to_json(), ensure_ascii=False))
        return EXIT_OK
    lang = lang_of(args)
    state = (say("cli_status_open", lang) if status.open
             else say("cli_status_closed", lang, why=status.closed_why.text(lang)))
    print(say("cli_status_day", lang, date=status.date, state=state, quota=status.quota,
              issued=status.issued, left=status.remaining))
    for t in status.tickets:
        name = service_name(desk.office, t.service, lang)
        counter = say("cli_status_counter", lang, counter=t.counter) if t.counter else ""
        print(f"  {t.number:>3}  {name:<24} {say(f'state_{t.state}', lang)}{counter}")
    return EXIT_OK
