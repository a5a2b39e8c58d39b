"""`kiosk survey …`: the satisfaction survey (SKM) on the command line, and the role.

    kiosk survey [--counter N]                                  the screen facing the taxpayer
    kiosk survey answer CODE --scores S1,…,S9 [--comment TEXT] [--json]
    kiosk survey report [--from D] [--to D | --period P] [--csv FILE|-] [--json]
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import re
import sys
from pathlib import Path

from kiosk.cli.parser import EXIT_OK, EXIT_USAGE, _date, help_text as h, printable
from kiosk.cli.words import lang_of, say_in
from kiosk.texts import both, say


def add_parser(sub, common: argparse.ArgumentParser, as_json: argparse.ArgumentParser) -> None:
    p = sub.add_parser("survey", parents=[common], help=h("help_survey"))
    p.add_argument("--counter", type=int, default=1, metavar="N", help=h("help_survey_counter"))
    ssub = p.add_subparsers(dest="survey_command", metavar="answer|report")
    a = ssub.add_parser("answer", parents=[common, as_json], help=h("help_survey_answer"))
    a.set_defaults(command="survey answer")
    a.add_argument("code", metavar="CODE", help=h("help_survey_code"))
    a.add_argument("--scores", required=True, metavar="S1,…,S9", help=h("help_survey_scores"))
    a.add_argument("--comment", default="", help=h("help_survey_comment"))
    r = ssub.add_parser("report", parents=[common, as_json], help=h("help_survey_report"))
    r.set_defaults(command="survey report")
    span = r.add_mutually_exclusive_group()
    span.add_argument("--from", dest="first", type=_date, metavar="YYYY-MM-DD")
    span.add_argument("--period", type=_period, metavar="P", help=h("help_survey_period"))
    r.add_argument("--to", dest="last", type=_date, metavar="YYYY-MM-DD")
    r.add_argument("--csv", metavar="FILE", help=h("help_survey_csv"))


def _period(text: str) -> tuple[dt.date, dt.date]:
    """The periods an office publishes its SKM for (PermenPANRB 14/2017: at least yearly;
    many offices do it per semester or month)."""
    text = text.strip().upper()
    try:
        if m := re.fullmatch(r"(\d{4})", text):
            year = int(m[1])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if m := re.fullmatch(r"(\d{4})-S([12])", text):
            year, half = int(m[1]), int(m[2])
            return (dt.date(year, 1, 1), dt.date(year, 6, 30)) if half == 1 else \
                (dt.date(year, 7, 1), dt.date(year, 12, 31))
        if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
            year, month = int(m[1]), int(m[2])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        day = dt.date.fromisoformat(text)
        return day, day
    except ValueError:
        raise argparse.ArgumentTypeError(both("survey_period_invalid")) from None


def _scores(text: str) -> list[object]:
    scores: list[object] = []
    for piece in text.split(","):
        piece = piece.strip()
        try:
            scores.append(int(piece))
        except ValueError:
            scores.append(piece)  # refused by the rules with the score named
    return scores


def answer(desk, args) -> int:
    from kiosk.desk.survey import Survey

    rated = Survey(desk).answer(args.code, _scores(args.scores), args.comment)
    if args.json:
        print(json.dumps({"recorded": True, "date": rated.day.isoformat(),
                          "follow_up": rated.follow_up}))
    else:
        print(say_in(args, "survey_recorded"))
    return EXIT_OK


def report(desk, args) -> int:
    from kiosk.desk.survey import Survey
    from kiosk.desk.survey_tabulation import bar, tabulation_csv

    first, last = args.period if args.period else (args.first, args.last)
    if args.period and args.last:
        print(f"kiosk: {say_in(args, 'survey_period_invalid')}", file=sys.stderr)
        return EXIT_USAGE
    result = Survey(desk).report(first, last)
    if args.csv:
        table = tabulation_csv(result)
        if args.csv == "-":
            sys.stdout.write(table)
            return EXIT_OK
        try:
            Path(args.csv).write_text(table, encoding="utf-8")
        except OSError as exc:
            line = say_in(args, "cli_cannot_write", path=args.csv, error=exc.strerror or exc)
            print(f"kiosk: {printable(line)}", file=sys.stderr)
            return EXIT_USAGE
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
        return EXIT_OK
    print(say_in(args, "survey_report_title", first=result.first.isoformat(), last=result.last.isoformat()))
    print(say_in(args, "survey_report_counts", respondents=result.respondents,
               population=result.population, minimum=result.minimum_sample))
    if not result.nrr:
        print(say_in(args, "survey_report_none"))
        return EXIT_OK
    grade, lang = result.grade or "-", lang_of(args)
    print(say("survey_report_index", lang, ikm=result.ikm, grade=grade,
              words=say(f"survey_grade_{grade}", lang),
              weight=say(f"survey_weight_{result.weight}", lang)))
    for i in result.weakest_first:
        q = result.questions[i]
        name = q.name_en if lang == "en" else q.name
        print(f"  U{i + 1} {bar(result.nrr[i])} {float(result.nrr[i]):.2f}  {name}")
    return EXIT_OK


COMMANDS = {"survey answer": answer, "survey report": report}
