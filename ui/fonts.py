"""Application font: a CJK family where one must be loaded, and the size setting.

Older eyes need larger text, so the whole UI follows one base point size
(`desktop.settings.FONT_SIZES`). Titles scale from it (see
`ui.widgets.scaled_label`), so nothing needs a restart after a change.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

#: Debian's `fonts-wqy-microhei`: small, complete enough for every screen.
CJK_FONT_FILES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
)


class _FontNotifier(QObject):
    """Tells scaled widgets the base font changed, after the style sheet settled."""

    changed = Signal(QFont)


_notifier: _FontNotifier | None = None


def font_notifier() -> _FontNotifier:
    """The one notifier; connect to `changed` to follow the font-size setting.

    `QGuiApplication.fontChanged` is not enough: it fires before the style
    sheet is re-applied, which then discards any font set in response.
    """
    global _notifier
    if _notifier is None:
        _notifier = _FontNotifier()
    return _notifier


def load_cjk_font(app: QApplication) -> str | None:
    """Register a bundled-on-the-system CJK font and make it the app family.

    Needed where Qt finds no Chinese font by itself (the offscreen platform
    in tests and screenshots). Returns the family name, or None when no
    known font file exists (Windows has Microsoft YaHei already).
    """
    for path in CJK_FONT_FILES:
        if path.is_file():
            font_id = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if families:
                font = QFont(app.font())
                font.setFamily(families[0])
                app.setFont(font)
                font_notifier().changed.emit(app.font())
                return families[0]
            log.warning("could not load font %s", path)
    return None


def apply_point_size(app: QApplication, point_size: int) -> None:
    """Set the base font size of the whole application, effective at once."""
    font = QFont(app.font())
    font.setPointSize(point_size)
    # With an application style sheet Qt does not pass a new font on to
    # existing widgets, and un-polishing restores each widget's font from
    # before the sheet. So: drop the sheet, change the font, apply it again.
    sheet = app.styleSheet()
    if sheet:
        app.setStyleSheet("")
    app.setFont(font)
    if sheet:
        app.setStyleSheet(sheet)
    font_notifier().changed.emit(app.font())
