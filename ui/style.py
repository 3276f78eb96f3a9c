"""Loading the application style sheet from `resources/`."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QApplication

import resources

log = logging.getLogger(__name__)

STYLE_FILE = Path(resources.__file__).resolve().parent / "style.qss"


def apply_style(app: QApplication) -> None:
    """Apply `resources/style.qss`, and Fusion so it looks the same everywhere.

    A missing style sheet (a broken install) leaves the default look; it
    must never stop the program.
    """
    app.setStyle("Fusion")
    try:
        app.setStyleSheet(STYLE_FILE.read_text("utf-8"))
    except OSError as exc:
        log.warning("style sheet not loaded: %s", exc)
