"""Marking the one main action of a screen (blue, bold: `QPushButton[primary=true]`)."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton


def make_primary(button: QPushButton) -> QPushButton:
    """Style `button` as the screen's primary action; returns it.

    The style sheet matches a dynamic property, which Qt only reads at
    polish time: a button polished before the property was set (QWizard's
    buttons are) must be re-polished.
    """
    button.setProperty("primary", True)
    button.style().unpolish(button)
    button.style().polish(button)
    return button
