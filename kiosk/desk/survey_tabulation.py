"""The survey report as the office publishes it: the regulation's tabulation (one row per
respondent, U1…U9, then the totals, NRR, weighted NRR and IKM) as CSV, and a small bar
per element for a terminal."""

from __future__ import annotations

import csv
import io
from fractions import Fraction

from kiosk.desk import survey_index as index
from kiosk.desk.survey import SurveyReport

BAR_WIDTH = 20


def _two(value: Fraction) -> str:
    return f"{float(value):.4f}"


def tabulation_csv(report: SurveyReport) -> str:
    """"Pengolahan data survei kepuasan masyarakat per responden dan per unsur pelayanan"."""
    out = io.StringIO()
    write = csv.writer(out, lineterminator="\n").writerow
    units = [f"U{i}" for i in range(1, index.ELEMENT_COUNT + 1)]
    write(["No. responden", *units])
    for number, row in enumerate(report.scores, start=1):
        write([number, *row])
    totals = [sum(row[i] for row in report.scores) for i in range(index.ELEMENT_COUNT)]
    write(["Jumlah nilai per unsur / total per element", *totals])
    if report.nrr:
        w = index.weight(report.weight)
        write(["NRR per unsur / mean per element", *(_two(m) for m in report.nrr)])
        write([f"NRR tertimbang per unsur (× {float(w):.4g}) / weighted mean",
               *(_two(m * w) for m in report.nrr), _two(index.weighted(report.nrr, report.weight))])
        write(["IKM (Σ NRR tertimbang × 25)", report.ikm, report.grade])
    else:
        write(["IKM", "", ""])
    write(["Bobot / weight", report.weight])
    for i, question in enumerate(report.questions, start=1):
        write([f"U{i}", question.name, question.name_en])
    return out.getvalue()


def bar(mean: Fraction, width: int = BAR_WIDTH) -> str:
    """A mean score 1–4 as a bar of ``width`` cells (4 fills it)."""
    filled = round(float(mean) / index.HIGHEST * width)
    return "█" * filled + "░" * (width - filled)
