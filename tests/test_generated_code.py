"""The code dataclasses generate, kept between starts (kiosk/cli/generated_code.py): a later
start compiles none of it again, the classes behave as dataclasses make them, and a file
that is not this Python's (or not whole) is not used."""

from __future__ import annotations

import dataclasses
import importlib.util

import pytest

from kiosk.cli.generated_code import GeneratedCode


def make_class():
    @dataclasses.dataclass(frozen=True)
    class Ticket:
        number: int
        code: str
        counter: int | None = None

    return Ticket


def start(path) -> tuple[type, int]:
    """One start: the class made under the cache, which is then done (saved, uninstalled)."""
    kept = GeneratedCode(path).install()
    try:
        made = make_class()
    finally:
        compiled = kept.compiled
        kept.done()
    return made, compiled


def test_a_second_start_compiles_nothing_and_the_class_is_the_same(tmp_path):
    path = tmp_path / "generated.marshal"
    first, compiled_first = start(path)
    assert compiled_first >= 6  # __init__, __repr__, __eq__, __hash__, __setattr__, __delattr__
    assert path.exists()
    second, compiled_second = start(path)
    assert compiled_second == 0
    a, b = second(7, "ABC234"), second(7, "ABC234", None)
    assert a == b and hash(a) == hash(b) and a != second(8, "ABC234")
    assert repr(a) == "make_class.<locals>.Ticket(number=7, code='ABC234', counter=None)"
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(a, "number", 8)
    with pytest.raises(TypeError):
        second()
    assert [f.name for f in dataclasses.fields(second)] == ["number", "code", "counter"]
    assert repr(first(7, "ABC234")) == repr(a)
    assert not hasattr(dataclasses, "exec")  # done: later classes compile as usual


@pytest.mark.parametrize("content", [b"", b"not marshal at all",
                                     b"\x00\x00\r\n" + b"\x00" * 40,  # another Python's magic
                                     importlib.util.MAGIC_NUMBER + b"\xff\xfe"])
def test_a_file_not_this_pythons_or_broken_is_not_used(tmp_path, content):
    path = tmp_path / "generated.marshal"
    path.write_bytes(content)
    made, compiled = start(path)
    assert compiled >= 6
    assert made(1, "X") == made(1, "X")
    _, compiled_again = start(path)  # rewritten whole by the start before
    assert compiled_again == 0
