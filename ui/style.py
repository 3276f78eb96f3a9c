"""Loading the application style sheet from `resources/`."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QComboBox, QStyledItemDelegate

import resources

log = logging.getLogger(__name__)

STYLE_FILE = Path(resources.__file__).resolve().parent / "style.qss"


def apply_style(app: QApplication, plain_text_now: bool = True) -> None:
    """Apply `resources/style.qss`, and Fusion so it looks the same everywhere.

    A missing style sheet (a broken install) leaves the default look; it
    must never stop the program.
    """
    app.setStyle("Fusion")
    global _combo_rows
    if _combo_rows is None:
        _combo_rows = _ComboRows(app)
        app.installEventFilter(_combo_rows)
    if plain_text_now:
        install_plain_text(app)
    try:
        app.setStyleSheet(style_sheet())
    except OSError as exc:
        log.warning("style sheet not loaded: %s", exc)


def install_plain_text(app: QApplication) -> None:
    """Labels and tooltips show outside text literally from now on (issue 16); once per application.

    The start-up defers this until the login dialog has painted (`apply_style(plain_text_now=False)`):
    building PySide's `Qt` namespace costs a visible moment on an old PC, and the login dialog
    carries no text from a package or a file.
    """
    global _plain_by_default
    if _plain_by_default is None:
        from ui.widgets.outside_text import PlainByDefault

        _plain_by_default = PlainByDefault(app)
        app.installEventFilter(_plain_by_default)


def style_sheet() -> str:
    """`resources/style.qss` with @RESOURCES@ made the resources folder (its images: Qt reads url() from the cwd)."""
    return STYLE_FILE.read_text("utf-8").replace("@RESOURCES@", STYLE_FILE.parent.as_posix())


class _ComboRows(QObject):
    """Gives every combo box's list a plain item delegate.

    Fusion draws a combo's rows as menu items styled by the QComboBox rule of
    the style sheet (white background, border), which left the current row
    white on white: the person saw an empty line where the chosen value is.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """When a combo box shows, replace Qt's own menu-style delegate (Qt may re-install it on a style change)."""
        if event.type() != QEvent.Type.Show:
            return False
        combo = watched if isinstance(watched, QComboBox) else None
        if combo is None and watched.metaObject().className() == "QComboBoxPrivateContainer":
            combo = watched.parent()  # the list popping up: Qt may have put its delegate back
        if isinstance(combo, QComboBox):
            delegate = combo.itemDelegate()
            if delegate is None or delegate.metaObject().className() in _QT_COMBO_DELEGATES:
                combo.setItemDelegate(QStyledItemDelegate(combo))
        return False


_combo_rows: _ComboRows | None = None
_plain_by_default = None  # the `outside_text.PlainByDefault` filter, installed once
_QT_COMBO_DELEGATES = ("QComboMenuDelegate", "QComboBoxDelegate")
