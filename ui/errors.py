"""The one place where typed domain errors become text a person reads.

Services raise `models.errors.CunwuError` carrying a `Message` (context,
Chinese template, parameters). Widgets never parse error text: they call
`message_text` for an inline label or `show_error` for a dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from models.errors import CunwuError
from models.messages import Message


def message_text(message: Message) -> str:
    """Translate a service `Message` and fill in its parameters.

    The translation is looked up under the message's own context, so the
    `QT_TRANSLATE_NOOP` marks in Qt-free code and the `.ts` files agree.
    """
    return message.format_with(QCoreApplication.translate(message.context, message.template))


def error_text(exc: BaseException) -> str:
    """Text for any exception: the message of a `CunwuError`, else a generic sentence.

    Unexpected exceptions are not explained with their English repr; the
    crash hook logs those with full details.
    """
    if isinstance(exc, CunwuError):
        return message_text(exc.message)
    return QCoreApplication.translate("errors", "操作没有完成,出现了意外的问题。详细信息已记入日志。")


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """Show `exc` in a plain, non-blocking warning box and return the box.

    `open()` rather than `exec()`: the box is window-modal for the person,
    but never blocks the caller, so tests can find and close it.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("errors", "村务台账"))
    box.setText(error_text(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("errors", "知道了"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
