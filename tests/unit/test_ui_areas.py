"""Feature folders stay apart: no `ui/<area>/` imports another area.

An area is a subpackage of `ui/` (meetings, rules, township, …). What two
areas share lives in the kit, `ui/widgets/`, which imports no area. The
shell, `ui/pages/` (the page factory and the home page), composes the areas
and may import any of them; no area imports the shell. Imports inside
functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"
KIT = "widgets"
SHELL = "pages"
AREAS = sorted(p.name for p in UI.iterdir() if (p / "__init__.py").exists() and p.name not in (KIT, SHELL))

#: Cross-area imports still allowed (none: the 村庄 page is built from the shared exchange parts in
#: `ui/widgets/exchange/`). Keys: (importing module, imported module); the list only shrinks.
ALLOWED: set[tuple[str, str]] = set()


def _ui_imports(package: str) -> set[tuple[str, str]]:
    """(importing module, imported ui module) for every module under ui/<package>/."""
    found = set()
    for path in (UI / package).rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + (
                    [f"{node.module}.{alias.name}" for alias in node.names] if node.module == "ui" else [])
            else:
                continue
            found.update((module, name) for name in names if name.startswith("ui."))
    return found


def _package_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (UI / parts[1] / "__init__.py").exists() else None


def test_there_are_areas_to_check():
    assert {"meetings", "rules", "township", "exchange"} <= set(AREAS)


def test_no_area_imports_another_area_or_the_shell():
    crossing = set()
    for area in AREAS:
        for module, imported in _ui_imports(area):
            target = _package_of(imported)
            if target is not None and target != area and target != KIT:
                crossing.add((module, imported))
    unexpected = sorted(crossing - ALLOWED)
    assert unexpected == [], ("areas import each other; move what they share into ui/widgets/ "
                              "or hand it in from ui/pages/factory.py: " + repr(unexpected))
    stale = sorted(ALLOWED - crossing)
    assert stale == [], "these allowed imports are gone, remove them from ALLOWED: " + repr(stale)


def test_the_kit_imports_no_area_and_not_the_shell():
    offenders = sorted((module, imported) for module, imported in _ui_imports(KIT)
                       if _package_of(imported) not in (None, KIT))
    assert offenders == []
