"""Every field a person types is either accepted or refused with a reason — never a crash."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from kiosk.desk.errors import InvalidInput
from kiosk.desk.identity import (check_name, check_nik, check_npwp, check_passport, check_phone,
                            check_text)

names = st.text(alphabet=st.characters(categories=("L",)), min_size=1, max_size=24)


# Four words of at most 24 letters and three spaces: 99 characters, within the 100 a name may have.
@given(st.lists(names, min_size=1, max_size=4))
def test_names_made_of_letters_and_single_spaces_pass_as_typed(words):
    name = " ".join(words)
    assert check_name(name) == name


def test_a_name_over_a_hundred_characters_is_refused():
    with pytest.raises(InvalidInput):
        check_name("A" * 101)
    assert check_name("A" * 100) == "A" * 100


@settings(max_examples=300)
@given(st.text(max_size=300))
def test_any_text_is_a_name_or_a_reasoned_refusal(text):
    try:
        name = check_name(text)
    except InvalidInput as refused:
        assert refused.field == "name"
        assert refused.message("id") and refused.message("en")
    else:
        assert name == re.sub(" {2,}", " ", text.strip()) and 0 < len(name) <= 100
        assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in name)


def test_a_double_space_typed_by_mistake_is_taken_as_one():
    assert check_name("Siti  Aminah   Bria ") == "Siti Aminah Bria"


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_identity_numbers_and_phones_never_crash(text):
    for check in (check_npwp, check_nik, check_passport, check_phone):
        try:
            value = check(text)
        except InvalidInput as refused:
            assert refused.message("en")
        else:
            assert value == "" or value.isalnum() or value.startswith("+")


@given(st.text(max_size=600))
def test_free_text_is_bounded_and_free_of_escapes(text):
    try:
        value = check_text(text, "note", max_len=500)
    except InvalidInput:
        return
    assert len(value) <= 500 and "\x1b" not in value


def test_phone_numbers_are_stored_international():
    assert check_phone("0812 3456 7890") == "+6281234567890"
    assert check_phone("(0380) 821123") == "+62380821123"
    assert check_phone("+61 2 9876 5432") == "+61298765432"
    assert check_phone("") == ""
