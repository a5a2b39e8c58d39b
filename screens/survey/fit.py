"""The question's place is as tall as the longest question wrapped at this width, in
either language: the answer buttons under it stay where the finger is, whatever the
question's line count."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content

from data.office_survey import Question


def question_rows(questions: Iterable[Question], width: int, *extra: str) -> int:
    texts = [t for q in questions for t in (q.question, q.question_en)] + list(extra)
    return max(len(Content(text).wrap(width)) for text in texts) if width > 0 else 1
