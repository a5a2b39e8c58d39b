"""Every command's lines in one language, the one --lang asks (Bahasa Indonesia by default),
service names included; --json keeps the machine's keys. Issue 14: `kiosk call-next`
printed "perpajakan … called", refusals and confirmations came in both languages at once."""

from __future__ import annotations

import io
import json

import pytest

from conftest import ALWAYS_OPEN
from kiosk.cli.main import main

# Words that give a line away as the other language.
INDONESIAN = ("Nomor", "kode", "loket", "menunggu", "dipanggil", "dilayani", "Konsultasi",
              "ditambahkan", "sisa", "kuota", "Cadangan", "Dipulihkan", "utuh", "tidak",
              "sudah", "Terima kasih", "Responden ", "ditulis", "disimpan")
ENGLISH = ("Number", "code", "counter", "waiting", "called", "served", "Consultation",
           "added", "left", "quota", "Backup", "Restored", "intact", "cannot", "already",
           "Thank you", "Respondents", "written", "kept", " / ")


@pytest.fixture
def kiosk(sqlite_url, capsys, monkeypatch):
    def run(*args, lang=None, stdin=""):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        chosen = ["--lang", lang] if lang else []
        code = main(["--db", sqlite_url, "--office", str(ALWAYS_OPEN), *args, *chosen])
        out, err = capsys.readouterr()
        text = out + err
        for word in () if "--json" in args else (ENGLISH if lang is None else INDONESIAN):
            assert word not in text, f"{word!r} in the {lang or 'id'} lines of {args}: {text}"
        return code, out, err

    return run


def ticket_code(kiosk, *args) -> str:
    code, out, _ = kiosk(*args, "--json")
    assert code == 0
    return json.loads(out)["code"]


def test_the_moves_in_english_with_lang_en(kiosk):
    code, out, _ = kiosk("book", "perpajakan", "--name", "Ani Bria", lang="en")
    assert code == 0
    assert out.startswith("Number 1 · Tax Consultation · ") and out.rstrip().endswith("waiting")
    first = out.split("code ")[1].split(" ·")[0].replace("-", "").replace(" ", "")
    code, out, _ = kiosk("call-next", "--counter", "2", "--officer", "Sari", lang="en")
    assert out.rstrip().endswith("called · counter 2"), out
    assert "Tax Consultation" in kiosk("start", first, "--counter", "2", lang="en")[1]
    code, out, _ = kiosk("transfer", first, "aplikasi", "--counter", "2", lang="en")
    assert code == 0 and "Application Consultation" in out, out
    second = ticket_code(kiosk, "book", "perpajakan", "--name", "Budi")
    assert "cancelled" in kiosk("cancel", second, "--reason", "pulang", lang="en")[1]
    code, out, err = kiosk("checkin", second, lang="en")
    assert (code, out) == (3, "")
    assert err == "kiosk: Number 2 is already cancelled; it cannot be checked in.\n"
    day = json.loads(kiosk("status", "--json")[1])["date"]
    assert kiosk("quota", "set", day, "5", "--reason", "rapat", lang="en")[1] == \
        f"{day}: quota 5, 4 left\n"  # the cancelled number is not counted
    assert kiosk("audit", "verify", lang="en")[1].startswith("Audit log intact: ")
    code, out, _ = kiosk("officer", "add", "Sari Dewi", "--role", "supervisor", lang="en",
                         stdin="482913\n")
    assert (code, out) == (0, "Sari Dewi (supervisor) added\n")
    assert kiosk("purge", lang="en")[1].startswith("Personal data of 0 tickets before ")
    assert kiosk("init", lang="en")[1].endswith("already exists; nothing was changed.\n")
    code, _, err = kiosk("survey", "answer", second, "--scores", "4,4,4,4,4,4,4,4,4",
                         lang="en")
    assert code == 3 and err.count("\n") == 1
    assert kiosk("survey", "report", lang="en")[1].splitlines()[-1] == \
        "No respondents in this period yet."


def test_the_moves_in_bahasa_indonesia_by_default(kiosk):
    code, out, _ = kiosk("book", "perpajakan", "--name", "Ani Bria")
    assert code == 0
    assert out.startswith("Nomor 1 · Konsultasi Perpajakan · ") and out.rstrip().endswith("menunggu")
    first = out.split("kode ")[1].split(" ·")[0].replace("-", "").replace(" ", "")
    code, out, _ = kiosk("call-next", "--counter", "2", "--officer", "Sari")
    assert out.rstrip().endswith("dipanggil · loket 2"), out
    code, out, _ = kiosk("transfer", first, "aplikasi", "--counter", "2")
    assert code == 0 and "Konsultasi Aplikasi" in out, out
    second = ticket_code(kiosk, "book", "perpajakan", "--name", "Budi")
    assert "dibatalkan" in kiosk("cancel", second, "--reason", "pulang")[1]
    code, out, err = kiosk("checkin", second)
    assert (code, out) == (3, "")
    assert err == "kiosk: Nomor 2 sudah dibatalkan; tidak bisa check-in.\n"
    day = json.loads(kiosk("status", "--json")[1])["date"]
    assert kiosk("quota", "set", day, "5", "--reason", "rapat")[1] == f"{day}: kuota 5, sisa 4\n"
    assert kiosk("audit", "verify")[1].startswith("Log audit utuh: ")
    code, out, _ = kiosk("officer", "add", "Sari Dewi", stdin="482913\n")
    assert (code, out) == (0, "Sari Dewi (petugas) ditambahkan\n")
    assert kiosk("purge")[1].startswith("Data pribadi 0 tiket sebelum ")
    assert kiosk("init")[1].endswith("sudah ada; tidak ada yang diubah.\n")
    assert kiosk("survey", "report")[1].splitlines()[-1] == "Belum ada responden pada periode ini."


def test_json_keeps_the_machine_keys_whatever_the_language(kiosk):
    code, out, _ = kiosk("book", "perpajakan", "--name", "Ani Bria", "--json", lang="en")
    ticket = json.loads(out)
    assert (ticket["service"], ticket["state"]) == ("perpajakan", "waiting")
    code, out, _ = kiosk("call-next", "--counter", "1", "--json")
    assert json.loads(out)["state"] == "called"


def test_backup_restore_and_units_in_one_language(kiosk, tmp_path):
    code, out, _ = kiosk("backup", "--to", str(tmp_path / "b"))
    assert code == 0 and out.startswith("Cadangan dibuat: ")
    [copy] = (tmp_path / "b").glob("*.db")
    code, out, err = kiosk("restore", str(copy), stdin="n\n")
    assert code == 3 and err.endswith("Pemulihan dibatalkan; tidak ada yang diubah\n")
    code, out, _ = kiosk("restore", str(copy), "--yes", lang="en")
    assert code == 0 and out.startswith("Restored: ")
    code, out, _ = kiosk("install-units", "--dest", str(tmp_path / "u"), lang="en")
    assert code == 0 and "systemd units written in" in out
    code, out, _ = kiosk("install-units", "--dest", str(tmp_path / "u"))
    assert code == 0 and "unit systemd ditulis di" in out
