"""Every date field of the screens is the one `DateField` (issue 15: all date fields take typed dates).

A bare QDateEdit (or a QCalendarWidget of its own) would bring back the
English calendar that opened at 2000-01-01 and refused "20261128" and "11.28".
"""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
OWN = UI / "widgets" / "date_field.py"
BARE = re.compile(r"\b(QDateEdit|QDateTimeEdit|QCalendarWidget)\s*\(")


def test_no_screen_builds_a_bare_qdateedit():
    found = [f"{path.relative_to(UI.parent)}:{n}: {line.strip()}"
             for path in sorted(UI.rglob("*.py")) if path != OWN
             for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if BARE.search(line)]
    assert found == [], "use ui.widgets.forms.date_edit / DateField:\n" + "\n".join(found)
