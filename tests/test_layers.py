"""The layers of DESIGN.md hold: import-linter's contracts in pyproject.toml, without holes."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
LINT = Path(sys.executable).parent / "lint-imports"
PACKAGES = ("kiosk", "screens", "data")
# Modules that belong to no layer: the packages' own __init__ and `python -m kiosk`.
OUTSIDE_LAYERS = {"kiosk", "kiosk.__main__", "screens", "data"}


def lint(tree: Path) -> subprocess.CompletedProcess:
    # PYTHONPATH first, so a copied tree is read instead of the installed one.
    return subprocess.run([str(LINT), "--no-cache"], cwd=tree, capture_output=True, text=True,
                          timeout=180, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tree)})


def test_import_contracts_are_kept():
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _layer_packages() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    (layers,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    return [name.strip() for layer in layers["layers"] for name in layer.split("|")]


def test_every_module_sits_in_a_layer():
    """A new package beside the layers would be checked by no contract."""
    layers = _layer_packages()
    modules = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            modules.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    loose = [m for m in modules if m not in OUTSIDE_LAYERS
             and not any(m == layer or m.startswith(layer + ".") for layer in layers)]
    assert not loose, f"modules in no layer of the contract: {sorted(loose)}"


@pytest.mark.parametrize("where, planted", [
    # The hole the old contracts had: a rule importing the App, directly.
    ("kiosk/desk/desk.py", "import kiosk.app.app"),
    # data/ reaching up to the rules.
    ("data/models.py", "import kiosk.desk.records"),
    # A screen importing the command line.
    ("screens/board/ticker.py", "import kiosk.cli.main"),
    # The texts, below the rules, reaching up to them.
    ("kiosk/texts/dates.py", "import kiosk.desk.codes"),
])
def test_a_planted_upward_import_breaks_the_layers(tmp_path, where, planted):
    result = lint_planted(tmp_path, where, planted)
    assert result.returncode != 0, result.stdout
    assert "layers: command line" in result.stdout and "BROKEN" in result.stdout
    assert planted.split()[-1] in result.stdout


SQL_IN_DATA = "all SQL is in data/: desk, texts, devices import no driver, no models"


@pytest.mark.parametrize("where, planted, seen", [
    ("kiosk/desk/desk.py", "import peewee", "kiosk.desk.desk -> peewee"),
    ("kiosk/desk/moves.py", "from data.models import Ticket", "kiosk.desk.moves -> data.models"),
    ("kiosk/texts/dates.py", "import sqlite3", "kiosk.texts.dates -> sqlite3"),
])
def test_a_planted_driver_import_breaks_all_sql_in_data(tmp_path, where, planted, seen):
    """The rules reaching past data/ to the driver or the ORM: downward, so the layers
    contract allows it; this one does not, and it alone breaks."""
    result = lint_planted(tmp_path, where, planted)
    assert result.returncode != 0, result.stdout
    assert f"{SQL_IN_DATA} BROKEN" in result.stdout and result.stdout.count(" BROKEN") == 1
    assert seen in result.stdout


def lint_planted(tmp_path: Path, where: str, planted: str) -> subprocess.CompletedProcess:
    """import-linter on a copy of the packages with one import planted into ``where``."""
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    target = tmp_path / where
    target.write_text(target.read_text() + f"\n{planted}  # planted by the test\n")
    return lint(tmp_path)
