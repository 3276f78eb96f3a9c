"""Every translatable message is given the placeholders its template names.

A `{name}` without a value would crash at the moment a person needs the
message most (an error), so this is checked on the source, for every call
that passes a `QT_TRANSLATE_NOOP(...)` template together with its values.
"""

from __future__ import annotations

import ast
import string
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WRAPPERS = {"msg", "_invalid", "refuse", "_err", "Refused", "ValidationError"}


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _template_of(node: ast.AST) -> str | None:
    if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP"
            and len(node.args) == 2 and isinstance(node.args[1], ast.Constant)):
        return node.args[1].value
    return None


def test_every_message_gets_its_placeholders():
    problems = []
    checked = 0
    for folder in ("models", "desktop"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name not in WRAPPERS:
                    continue
                templates = [t for t in map(_template_of, node.args) if t is not None]
                if not templates:
                    continue
                if any(k.arg is None for k in node.keywords):
                    continue  # **params: checked at run time
                given = {k.arg for k in node.keywords}
                for template in templates:
                    checked += 1
                    missing = _placeholders(template) - given
                    if missing:
                        problems.append(f"{path.relative_to(ROOT)}:{node.lineno} missing {sorted(missing)}")
    assert checked > 50
    assert problems == []


def test_messages_survive_a_broken_translation():
    from models.messages import msg

    m = msg("ctx", "实到 {present} 人", present=19)
    assert m.format_with("Present: {present}") == "Present: 19"
    assert m.format_with("Present: {presnt}") == "实到 19 人"  # a typo in a translation
