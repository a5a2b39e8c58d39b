"""The four answers of a question as large touch buttons: a face and the annex's words."""

from __future__ import annotations

from data.office_survey import Question


def answer_labels(question: Question, lang: str, faces: str) -> list[str]:
    """The four buttons' labels, score 1 to 4: a face, then the answer in ``lang``."""
    words = question.answers_en if lang == "en" else question.answers
    return [f"{face}\n{word}" for face, word in zip(faces.split("|"), words)]


def question_text(question: Question, lang: str) -> str:
    return question.question_en if lang == "en" else question.question


def element_name(question: Question, lang: str) -> str:
    return question.name_en if lang == "en" else question.name
