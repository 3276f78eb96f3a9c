"""Every shared colour is written once, in `ui/widgets/palette.py`.

A colour the palette names is never written as hex anywhere else in ui/, and
a colour written in two places belongs in the palette.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PALETTE = ROOT / "ui" / "widgets" / "palette.py"
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def _colours_outside_the_palette() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in (ROOT / "ui").rglob("*.py"):
        if path == PALETTE:
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            for colour in HEX.findall(line):
                found.setdefault(colour.lower(), []).append(f"{path.relative_to(ROOT)}:{number}")
    return found


def test_palette_colours_are_not_written_elsewhere():
    named = {c.lower() for c in HEX.findall(PALETTE.read_text("utf-8"))}
    outside = _colours_outside_the_palette()
    assert {c: where for c, where in outside.items() if c in named} == {}


def test_a_colour_used_twice_is_in_the_palette():
    counts = Counter({c: len(where) for c, where in _colours_outside_the_palette().items()})
    assert {c: n for c, n in counts.items() if n > 1} == {}
