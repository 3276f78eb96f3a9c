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


def primary_button(text: str) -> QPushButton:
    """A new button styled as the screen's primary action.

    Same look as `make_primary(QPushButton(text))`, without its re-polish: a
    new button is polished when first shown, with the property already set.
    That matters on the login dialog: the Python call `QStyle.polish(widget)`
    makes PySide build its whole `Qt` namespace (~14 ms) to resolve the
    overload, before the first paint.
    """
    button = QPushButton(text)
    button.setProperty("primary", True)
    return button
