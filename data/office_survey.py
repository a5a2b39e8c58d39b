"""The profile's [survey] table: the satisfaction survey (SKM) of PermenPANRB No. 14/2017.

    [survey]
    weight = "exact"           # "exact": each element weighs 1/9; "rounded": 0.11, as the
                               # regulation's annex prints the weight
    idle_seconds = 45          # the counter's survey screen goes back to rest after this long
    [survey.questions.waktu]   # another office may word a question its own way
    question = "…"             # each key optional; answers are four, worst first
    question_en = "…"
    answers = ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"]
    answers_en = ["Not fast", "Not fast enough", "Fast", "Very fast"]

The nine elements and their order are the regulation's (its annex's list of the "unsur
survei kepuasan masyarakat") and cannot be changed; only their wording can.
The default wording is the questionnaire of the regulation's annex (its example
"Kuesioner"), with the elements in the order of the list of elements. Sources consulted:
the list in that order (qims-consulting.com/survei-kepuasan-masyarakat-skm/, "Ruang lingkup
… meliputi: 1. Persyaratan … 8. Penanganan Pengaduan 9. Sarana dan Prasarana"; the same in
Pusyantek BPPT's 2020 report), the annex's questions and answers (the sample questionnaire
as offices copy it, e.g. pdfcoffee.com "Bagaimana pendapat saudara tentang kesesuaian
persyaratan pelayanan dengan jenis pelayanannya"). Note: the annex's sample questionnaire
asks facilities (8) before complaints (9), and some offices tabulate it so
(e-smile.tubaba.go.id: U8 Sarana, U9 Penanganan Pengaduan); we keep the list's order, as
the issue asks, so U8 is complaints and U9 facilities.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from data.office_table import Table

Weight = Literal["exact", "rounded"]
QUESTION_LENGTH = 300
ANSWER_LENGTH = 60


@dataclass(frozen=True)
class Question:
    element: str  # the element's key (persyaratan … sarana)
    name: str  # the element as the regulation names it
    name_en: str
    question: str
    question_en: str
    answers: tuple[str, str, str, str]  # score 1 to 4
    answers_en: tuple[str, str, str, str]


# The nine elements in the regulation's order, with the annex's questionnaire wording.
DEFAULT_QUESTIONS: tuple[Question, ...] = (
    Question("persyaratan", "Persyaratan", "Requirements",
             "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan "
             "jenis pelayanannya?",
             "How well did the requirements fit the service you came for?",
             ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
             ("Not suitable", "Not quite suitable", "Suitable", "Very suitable")),
    Question("prosedur", "Sistem, mekanisme, dan prosedur", "System, mechanism and procedure",
             "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
             "How easy was the procedure of the service here?",
             ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
             ("Not easy", "Not quite easy", "Easy", "Very easy")),
    Question("waktu", "Waktu penyelesaian", "Completion time",
             "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
             "How fast were you served?",
             ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
             ("Not fast", "Not quite fast", "Fast", "Very fast")),
    Question("biaya", "Biaya/tarif", "Fee/tariff",
             "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
             "How fair was the fee of the service?",
             ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
             ("Very expensive", "Rather expensive", "Cheap", "Free")),
    Question("produk", "Produk spesifikasi jenis pelayanan", "Product of the service",
             "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang "
             "tercantum dalam standar pelayanan dengan hasil yang diberikan?",
             "How well did what you received match the service standard?",
             ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
             ("Not matching", "Not quite matching", "Matching", "Fully matching")),
    Question("kompetensi", "Kompetensi pelaksana", "Officer's competence",
             "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
             "How competent was the officer who served you?",
             ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
             ("Not competent", "Not quite competent", "Competent", "Very competent")),
    Question("perilaku", "Perilaku pelaksana", "Officer's conduct",
             "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait "
             "kesopanan dan keramahan?",
             "How polite and friendly was the officer?",
             ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah",
              "Sangat sopan dan ramah"),
             ("Not polite or friendly", "Not quite polite and friendly", "Polite and friendly",
              "Very polite and friendly")),
    Question("pengaduan", "Penanganan pengaduan, saran dan masukan",
             "Handling of complaints and suggestions",
             "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
             "How are complaints of the service's users handled?",
             ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal",
              "Dikelola dengan baik"),
             ("There is none", "There is one, but it does not work", "It works, not fully",
              "Well managed")),
    Question("sarana", "Sarana dan prasarana", "Facilities",
             "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
             "How good are the facilities?",
             ("Buruk", "Cukup", "Baik", "Sangat baik"),
             ("Poor", "Fair", "Good", "Very good")),
)
ELEMENTS = tuple(q.element for q in DEFAULT_QUESTIONS)
COMPLAINTS = ELEMENTS.index("pengaduan")


@dataclass(frozen=True)
class SurveySettings:
    weight: Weight = "exact"
    idle_seconds: int = 45
    questions: tuple[Question, ...] = field(default_factory=lambda: DEFAULT_QUESTIONS)


def read_survey(table: Table) -> SurveySettings:
    d = SurveySettings()
    weight = table.text("weight", d.weight)
    if weight not in ("exact", "rounded"):
        raise table.fail("weight", f'must be "exact" or "rounded", not {weight!r}')
    idle = table.integer("idle_seconds", d.idle_seconds, 10, 600)
    given = table.table("questions", required=False)
    questions = tuple(_question(given.table(q.element), q) if given.has(q.element) else q
                      for q in DEFAULT_QUESTIONS)
    given.done("element")
    table.done()
    return SurveySettings("exact" if weight == "exact" else "rounded", idle, questions)


def _question(table: Table, default: Question) -> Question:
    question = _words(table, "question", default.question, QUESTION_LENGTH)
    question_en = _words(table, "question_en", default.question_en, QUESTION_LENGTH)
    answers = _answers(table, "answers", default.answers)
    answers_en = _answers(table, "answers_en", default.answers_en)
    table.done()
    return Question(default.element, default.name, default.name_en, question, question_en,
                    answers, answers_en)


def _words(table: Table, name: str, default: str, longest: int) -> str:
    text = table.text(name, default).strip()
    if not text or len(text) > longest or not text.isprintable():
        raise table.fail(name, f"must be 1 to {longest} printable characters")
    return text


def _answers(table: Table, name: str,
             default: tuple[str, str, str, str]) -> tuple[str, str, str, str]:
    if not table.has(name):
        return default
    items = table.items(name)
    if len(items) != 4 or not all(isinstance(i, str) and i.strip() and i.isprintable()
                                  and len(i) <= ANSWER_LENGTH for i in items):
        raise table.fail(name, f"must be four answers (score 1 to 4) of 1 to {ANSWER_LENGTH} "
                               "printable characters")
    first, second, third, fourth = (str(i).strip() for i in items)
    return first, second, third, fourth
