"""The code that ``@dataclass`` generates, kept from one start of the program to the next.

Each dataclass writes the source of its ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``
(and, frozen, ``__setattr__``, ``__delattr__``) and compiles it when its module is imported:
on the way to a role's first frame some 30 classes, about 175 compilations, a fifth of the
time the program's own imports take. What is compiled depends on that source text only,
so the code is kept under its text, as Python keeps a module's bytecode beside it: a class
that changes writes another text and is compiled afresh. Nothing else changes: the classes
are the ones dataclasses makes.
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import importlib.util
import marshal
import os
import sys
import tempfile
from pathlib import Path
from collections.abc import Mapping
from types import CodeType
from typing import Any

from platformdirs import user_cache_path

# The bytecode of another Python is never run: its magic number heads the file.
_MAGIC = importlib.util.MAGIC_NUMBER
MAX_KEPT = 3000  # more than every class of the program: past it, only this run's are kept


def cache_path() -> Path:
    tag = sys.implementation.cache_tag or "python"
    return user_cache_path("helpdesk-kiosk", appauthor=False) / f"generated-code.{tag}.marshal"


class GeneratedCode:
    """Stands in for dataclasses' ``exec`` while installed (the module looks the name up
    among its globals before the builtins)."""

    def __init__(self, path: Path):
        self.path = path
        self.known = _load(path)
        self.used: dict[str, CodeType] = {}
        self.compiled = 0

    def exec(self, source: str | bytes | CodeType, globals: dict[str, Any] | None = None,
             locals: Mapping[str, object] | None = None) -> None:
        if not isinstance(source, str):
            return builtins.exec(source, globals, locals)
        code = self.known.get(source)
        if code is None:
            code = compile(source, "<string>", "exec")
            self.compiled += 1
        self.used[source] = code
        return builtins.exec(code, globals, locals)

    def install(self) -> GeneratedCode:
        setattr(dataclasses, "exec", self.exec)
        return self

    def done(self) -> None:
        """Start-up is over: save what it compiled, and let later classes compile as usual
        (and the code not used by this run be freed)."""
        if getattr(dataclasses, "exec", None) == self.exec:
            delattr(dataclasses, "exec")
        self.save()
        self.known, self.used = {}, {}

    def save(self) -> None:
        """Write the file when this run compiled something (the first start, a new version),
        atomically, so a start beside this one reads the old file or the new, never half."""
        if not self.compiled:
            return
        kept = {**self.known, **self.used} if len(self.known) < MAX_KEPT else dict(self.used)
        self.known, self.compiled = kept, 0
        temporary = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".generated-")
            with os.fdopen(handle, "wb") as out:
                out.write(_MAGIC)
                marshal.dump(kept, out)
            os.replace(temporary, self.path)
        except OSError:  # an unwritable cache folder: the next start compiles again
            if temporary:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)


def _load(path: Path) -> dict[str, CodeType]:
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    if not data.startswith(_MAGIC):
        return {}
    try:
        kept = marshal.loads(data[len(_MAGIC):])
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(kept, dict):
        return {}
    return {k: v for k, v in kept.items() if isinstance(k, str) and isinstance(v, CodeType)}


def keep_generated_code() -> GeneratedCode:
    """Installed for this process until ``done()``, once start-up has imported what it needs."""
    return GeneratedCode(cache_path()).install()
