"""The message boxes of the exchange parts: one owner per page, so the page knows the last one shown.

The export box and the import flow both tell the person what happened (a
package written, a package imported, a refusal). They share one `Notifier`
given by the page that composes them: the boxes look alike, and the page
(and its tests) can find and close the last box without knowing which part
opened it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.errors import show_error
from ui.widgets.dialogs import inform


class Notifier(QObject):
    """Opens non-blocking information and error boxes over `parent` and remembers the last (`box`)."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._parent = parent
        #: The last box shown (tests close it; None once closed by them).
        self.box: QMessageBox | None = None

    def inform(self, text: str, details: str) -> QMessageBox:
        """The kit's non-blocking `inform` box: `text` in bold, `details` below, one 知道了 button."""
        self.box = inform(self._parent, self.tr("数据交换"), text, details)
        return self.box

    def error(self, exc: BaseException) -> QMessageBox:
        """The one error box (`ui.errors.show_error`) for `exc`."""
        self.box = show_error(self._parent, exc)
        return self.box
