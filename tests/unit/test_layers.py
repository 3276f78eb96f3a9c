"""The layering rules of DESIGN §2, checked on the source: models never import
Qt, ui never imports peewee or the database module."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@functools.cache  # parsed once per run: the parametrized tests read the same tree (ui/ took ~3 s a parse)
def imported_modules(folder: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (ROOT / folder).rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


@pytest.mark.parametrize("forbidden", ["PySide6", "shiboken6", "ui", "desktop"])
def test_models_import_no_qt_and_nothing_above_them(forbidden):
    offenders = {f: sorted(n for n in names if n == forbidden or n.startswith(forbidden + "."))
                 for f, names in imported_modules("models").items()}
    assert {f: n for f, n in offenders.items() if n} == {}


@pytest.mark.parametrize("forbidden", ["peewee", "playhouse", "sqlite3", "models.db",
                                       "models.entities", "models.sequence", "models.audit"])
def test_ui_builds_no_queries(forbidden):
    offenders = {f: sorted(n for n in names if n == forbidden or n.startswith(forbidden + "."))
                 for f, names in imported_modules("ui").items()}
    assert {f: n for f, n in offenders.items() if n} == {}


def test_services_import_no_qt():
    offenders = {f: sorted(n for n in names if n.startswith("PySide6"))
                 for f, names in imported_modules("desktop/services").items()}
    assert {f: n for f, n in offenders.items() if n} == {}


def test_importing_models_does_not_load_qt():
    import subprocess
    import sys

    code = ("import sys, models.entities, models.audit, models.migrations, desktop.services.setup_service;"
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         check=True)
    assert out.stdout.strip() == "False"
