"""Small form pieces every area builds its dialogs from: date fields and section cards."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDateEdit, QFrame, QVBoxLayout, QWidget

from ui.widgets.date_field import DateField
from ui.widgets.scaled_label import ScaledLabel


def date_edit(value: date | None = None) -> DateField:
    """A calendar date field (Chinese calendar, typed dates accepted), yyyy-MM-dd, today unless given."""
    return DateField(value)


def to_date(edit: QDateEdit) -> date:
    """The date in `edit`."""
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def section(title: str, parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    """A white card with a bold heading; returns the card and its layout."""
    card = QFrame(parent)
    card.setProperty("card", True)
    layout = QVBoxLayout(card)
    layout.setContentsMargins(14, 10, 14, 12)
    layout.setSpacing(6)
    layout.addWidget(ScaledLabel(title, 1.08, bold=True))
    return card, layout
