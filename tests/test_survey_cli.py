"""`kiosk survey answer|report` on the command line: refusals exit 3 with one line in both
languages; the report's JSON and the regulation's tabulation as CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import ALWAYS_OPEN
from data.office import load_office
from data.office_table import ProfileError
from kiosk.cli.main import main


def run(url, capsys, *argv, office=ALWAYS_OPEN):
    code = main(["--db", url, "--office", str(office), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def book_and_serve(url, capsys, office=ALWAYS_OPEN) -> str:
    _, out, _ = run(url, capsys, "book", "perpajakan", "--name", "Ani Bria", "--json", office=office)
    code = json.loads(out)["code"]
    for argv in (("call-next", "--counter", "1"), ("start", code, "--counter", "1"),
                 ("finish", code, "--topic", "NPWP")):
        assert run(url, capsys, *argv, office=office)[0] == 0
    return code


def test_refusals_exit_3_with_one_sentence(sqlite_url, capsys):
    served = book_and_serve(sqlite_url, capsys)
    assert run(sqlite_url, capsys, "survey", "answer", served, "--scores", "4,4,4,4,4,4,4,4,4")[0] == 0
    other = book_and_serve(sqlite_url, capsys)
    _, out, _ = run(sqlite_url, capsys, "book", "perpajakan", "--name", "Ani Bria", "--json")
    waiting = json.loads(out)["code"]
    for code, scores, words in (
            (waiting, "4,4,4,4,4,4,4,4,4", "has not been served"),
            (served, "3,3,3,3,3,3,3,3,3", "already been rated"),
            (other, "4,4,4,4,5,4,4,4,4", "from 1 to 4, not 5"),
            (other, "4,4,4,4,x,4,4,4,4", "from 1 to 4, not 'x'"),
            (other, "4,4,4,4,4,4,4,4", "exactly 9 scores, not 8")):
        exit_code, out, err = run(sqlite_url, capsys, "survey", "answer", code, "--scores", scores,
                                  "--lang", "en")
        assert exit_code == 3 and out == ""
        assert err.count("\n") == 1 and words in err and " / " not in err  # English alone
    exit_code, _, err = run(sqlite_url, capsys, "survey", "report", "--json")
    assert json.loads(_)["respondents"] == 1


def test_the_report_and_its_tabulation(sqlite_url, capsys):
    codes = [book_and_serve(sqlite_url, capsys) for _ in range(3)]
    for code, scores in zip(codes, ("4,4,4,4,4,4,4,4,4", "3,3,3,3,3,3,3,3,2")):
        assert run(sqlite_url, capsys, "survey", "answer", code, "--scores", scores,
                   "--comment", "Terima kasih", "--json")[0] == 0
    code, out, _ = run(sqlite_url, capsys, "survey", "report", "--json")
    report = json.loads(out)
    assert (report["respondents"], report["population"], report["minimum_sample"]) == (2, 3, 3)
    assert report["nrr"] == [3.5] * 8 + [3.0]
    # 25 × (8 × 3.5 + 3) / 9 = 86.111… -> 86.11, B; weight exactly 1/9.
    assert (report["ikm"], report["grade"], report["weight"]) == (86.11, "B", "exact")
    assert report["weakest_first"][0] == "sarana"
    code, out, _ = run(sqlite_url, capsys, "survey", "report", "--csv", "-")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["No. responden", *(f"U{i}" for i in range(1, 10))]
    assert [r[0] for r in rows[1:3]] == ["1", "2"]  # numbered, in no order that tells when
    assert sorted(r[1:] for r in rows[1:3]) == [list("333333332"), list("444444444")]
    assert rows[3][1:] == ["7"] * 8 + ["6"]  # the totals
    assert rows[4][1:] == ["3.5000"] * 8 + ["3.0000"]  # NRR
    assert rows[5][-1] == "3.4444"  # Σ weighted NRR
    assert rows[6][:3] == ["IKM (Σ NRR tertimbang × 25)", "86.11", "B"]
    code, out, _ = run(sqlite_url, capsys, "survey", "report")
    assert "86.11" in out and "█" in out


def test_the_rounded_weight_is_a_profile_option(sqlite_url, capsys, tmp_path):
    profile = tmp_path / "rounded.toml"
    profile.write_text(ALWAYS_OPEN.read_text() + '\n[survey]\nweight = "rounded"\n')
    code = book_and_serve(sqlite_url, capsys, office=profile)
    assert run(sqlite_url, capsys, "survey", "answer", code, "--scores", "4,4,4,4,4,4,4,4,4",
               office=profile)[0] == 0
    _, out, _ = run(sqlite_url, capsys, "survey", "report", "--json", office=profile)
    report = json.loads(out)
    assert (report["ikm"], report["weight"], report["weight_value"]) == (99.0, "rounded", 0.11)


def test_the_profile_may_word_a_question_its_own_way(tmp_path):
    profile = tmp_path / "worded.toml"
    base = ALWAYS_OPEN.read_text()
    profile.write_text(base + '\n[survey.questions.waktu]\nquestion = "Berapa lama Anda menunggu?"\n')
    office = load_office(profile)
    assert office.survey.questions[2].question == "Berapa lama Anda menunggu?"
    assert office.survey.questions[2].answers[0] == "Tidak cepat"
    profile.write_text(base + '\n[survey.questions.antrian]\nquestion = "?"\n')
    with pytest.raises(ProfileError, match="survey.questions.antrian"):
        load_office(profile)
    profile.write_text(base + '\n[survey]\nweight = "0.111"\n')
    with pytest.raises(ProfileError, match="survey.weight"):
        load_office(profile)


@pytest.mark.parametrize("period, first, last", [
    ("2026-11-30", "2026-11-30", "2026-11-30"), ("2026-02", "2026-02-01", "2026-02-28"),
    ("2024-02", "2024-02-01", "2024-02-29"), ("2026-S1", "2026-01-01", "2026-06-30"),
    ("2026-s2", "2026-07-01", "2026-12-31"), ("2026", "2026-01-01", "2026-12-31")])
def test_the_report_of_a_day_month_semester_or_year(sqlite_url, capsys, period, first, last):
    code, out, _ = run(sqlite_url, capsys, "survey", "report", "--period", period, "--json")
    assert code == 0 and (json.loads(out)["from"], json.loads(out)["to"]) == (first, last)


@pytest.mark.parametrize("argv", [("--period", "2026-S3"), ("--period", "2026-13"),
                                  ("--period", "26"), ("--period", "2026", "--to", "2026-05-01"),
                                  ("--period", "2026", "--from", "2026-05-01")])
def test_a_period_that_is_none_is_one_line(sqlite_url, capsys, argv):
    code, out, err = run(sqlite_url, capsys, "survey", "report", *argv)
    assert code == 2 and out == "" and err.count("\n") == 1
