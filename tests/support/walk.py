"""What the walks through the screens share: a screenshot and a wall time per step, clicks, typed dates.

The day-one walk (issue 15) and the election walk (issue 18) drive real
widgets and keep, for each step, a PNG of the window as the screen shows it
(with the dialog on top, if one is open) and the seconds it took, so the
closing note can show the screens and the suite can see what a walk costs.
"""

from __future__ import annotations

import time
import unicodedata
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from tests.support.typing import type_text


class Steps:
    """Screenshots and wall times, one entry per step."""

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.times: list[tuple[str, float]] = []
        self._started = time.perf_counter()

    def shot(self, name: str, window: QWidget, dialog: QWidget | None = None) -> Path:
        """Save `window` as the screen shows it: with `dialog` centred over it, if given."""
        QApplication.processEvents()
        picture = window.grab()
        if dialog is not None:
            top = dialog.grab()
            painter = QPainter(picture)
            x, y = (picture.width() - top.width()) // 2, (picture.height() - top.height()) // 2
            painter.fillRect(x - 1, y - 1, top.width() + 2, top.height() + 2, QColor("#8a8a8a"))
            painter.drawPixmap(x, y, top)
            painter.end()
        path = self.folder / f"{name}.png"
        assert picture.save(str(path)), name
        return path

    def done(self, name: str) -> None:
        now = time.perf_counter()
        self.times.append((name, now - self._started))
        self._started = now

    def total(self) -> float:
        return sum(s for _n, s in self.times)

    def table(self) -> str:
        """The steps and their seconds, aligned for a terminal (a CJK character takes two columns)."""
        def cells(text: str) -> int:
            return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

        rows = [*self.times, ("total", self.total())]
        width = max(cells(n) for n, _ in rows) + 2
        lines = ["step" + " " * (width - 4) + "seconds"]
        lines += [n + " " * (width - cells(n)) + f"{s:7.2f}" for n, s in rows]
        return "\n".join(lines)


def click(qtbot, button) -> None:
    """A left click on an enabled button (a disabled one is a finding: the assertion names it)."""
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_date(qtbot, field, day: date) -> None:
    """Type `day` into a date field as a person does (20261121), then Tab out of it."""
    field.setFocus()
    field.lineEdit().selectAll()
    type_text(qtbot, field.lineEdit(), day.strftime("%Y%m%d"))
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.date().toPython() == day, field.text()
