"""``kiosk report [--from D] [--to D] [--json]``: the counter's report on the command line,
with the same lines as the report screen and its CSV export (kiosk.desk.report): the CSV
on stdout, or one JSON object with --json (figures in seconds)."""

from __future__ import annotations

import argparse
import json
from typing import Any, Callable

EXIT_OK = 0  # as kiosk.cli.parser's (which imports this module)


def add_report_parser(sub: Any, parents: list[argparse.ArgumentParser],
                      date: Any, h: Callable[[str], str]) -> None:
    """``h``: the parser's help_text, the --help texts in the language of this run."""
    p = sub.add_parser("report", parents=parents, help=h("help_report"))
    p.add_argument("--from", dest="start", type=date, metavar="YYYY-MM-DD",
                   help=h("help_report_from"))
    p.add_argument("--to", dest="end", type=date, metavar="YYYY-MM-DD", help=h("help_report_to"))


def run_report(desk: Any, args: argparse.Namespace) -> int:
    from kiosk.desk.report import build_report

    start = args.start or desk.today()
    report = build_report(desk, start, args.end or start)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        print(report.to_csv(), end="")
    return EXIT_OK
