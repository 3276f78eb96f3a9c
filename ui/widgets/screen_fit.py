"""Keep windows on small screens: scroll areas instead of squeezed layouts, sizes clamped to the screen.

Village offices run 1366×768 laptops and 1024×600 netbooks, often with the
大 font. A layout that gets less room than its minimum squeezes buttons to
slivers and draws text over text; a dialog taller than the screen hides its
保存/关闭. These helpers give such content a scroll bar instead and never
open a window larger than the screen (see tests/gui/test_fit.py).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QLayout,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

#: Room left around a window for the title bar and the task bar.
_SCREEN_MARGIN = QSize(16, 80)


class _FitScrollArea(QScrollArea):
    """A scroll area that asks for its content's full size (Qt's own stops at 36×24 lines)."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """The content's size hint, so a dialog opens as large as before when the screen allows."""
        widget = self.widget()
        if widget is None:
            return super().sizeHint()
        hint = widget.sizeHint()
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        return QSize(hint.width() + bar, hint.height())


def scroller(widget: QWidget) -> QScrollArea:
    """A frameless, resizable scroll area around `widget`: it scrolls only when the window is too small."""
    area = _FitScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    area.setObjectName("fitScroller")
    area.setStyleSheet("#fitScroller { background: transparent; }")
    area.viewport().setAutoFillBackground(False)
    return area


class ScrollingStack(QStackedWidget):
    """A stack of pages, each in its own scroll area: a page that needs more room than the window scrolls.

    Callers add, show and remove the pages themselves; the scroll areas stay
    an inner detail (`currentWidget()` returns the page). One area per page,
    so a page's size change re-lays only that page.
    """

    def addWidget(self, page: QWidget) -> int:  # noqa: N802 - Qt API
        """Add `page` inside a scroll area."""
        return super().addWidget(scroller(page))

    def removeWidget(self, page: QWidget) -> None:  # noqa: N802 - Qt API
        """Remove `page` and drop its scroll area (the caller decides about the page)."""
        area = self._area(page)
        super().removeWidget(area)
        if area is not page:
            area.deleteLater()

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802 - Qt API
        """Show `page`."""
        super().setCurrentWidget(self._area(page))

    def currentWidget(self) -> QWidget | None:  # noqa: N802 - Qt API
        """The page shown (not its scroll area)."""
        area = super().currentWidget()
        return area.widget() if isinstance(area, _FitScrollArea) else area

    def _area(self, page: QWidget) -> QWidget:
        widget = page
        while widget is not None and widget.parentWidget() is not self:
            widget = widget.parentWidget()
        return widget if widget is not None else page


def screen_margin() -> QSize:
    """The room left around a window for the title and the task bar (what tests measure against)."""
    return QSize(_SCREEN_MARGIN)


def screen_room(widget: QWidget) -> QSize:
    """The size a window of `widget` may take on its screen (title and task bar left free)."""
    screen = widget.screen()
    if screen is None:
        return QSize(1024, 600) - _SCREEN_MARGIN
    return screen.availableGeometry().size() - _SCREEN_MARGIN


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """`window.resize(width, height)`, but never larger than its screen."""
    room = screen_room(window)
    window.resize(min(width, room.width()), min(height, room.height()))


def grow_for_wrapped_text(window: QWidget) -> None:
    """Make `window` as tall as its wrapped labels need at its width (call from `showEvent`).

    Qt sizes a new window from its size hint, which is measured before the
    window's width is known; a long wrapped sentence then loses its last line.
    """
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    height = layout.totalHeightForWidth(window.width())
    if height > window.height():
        window.resize(window.width(), min(height, screen_room(window).height()))


def scroll_dialog_body(dialog: QDialog, keep: QWidget | QLayout | None = None) -> QScrollArea:
    """Put the dialog's contents in a scroll area, `keep` (its button row) fixed below it.

    Call at the end of the dialog's `__init__`, after its layout is complete.
    Nothing else changes: the widgets stay where they were, the attributes
    stay the same objects; only a short screen shows a scroll bar.
    """
    layout = dialog.layout()
    if keep is not None:
        if isinstance(keep, QWidget):
            layout.removeWidget(keep)
        else:
            layout.removeItem(keep)
    body = QWidget()
    body.setObjectName("fitBody")
    margins = layout.contentsMargins()
    body.setLayout(layout)  # takes the layout (and its widgets) from the dialog
    layout.setContentsMargins(margins.left(), margins.top(), margins.right(), 0 if keep is not None else margins.bottom())
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.setSpacing(0)
    area = scroller(body)
    outer.addWidget(area, 1)
    if keep is not None:
        bottom = QVBoxLayout()
        bottom.setContentsMargins(margins.left(), layout.spacing() if layout.spacing() > 0 else 6,
                                  margins.right(), margins.bottom())
        if isinstance(keep, QWidget):
            bottom.addWidget(keep)
        else:
            bottom.addLayout(keep)
        outer.addLayout(bottom)
    return area
