"""The one place where typed domain errors become text a person reads.

Services raise `models.errors.CunwuError` carrying a `Message` (context,
Chinese template, parameters). Widgets never parse error text: they call
`message_text` for an inline label or `show_error` for a dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.db_busy import as_refusal
from desktop.file_errors import os_error_text
from models.errors import Cancelled, CunwuError
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
    busy = as_refusal(exc)
    if busy is not None:  # "database is locked" (desktop.db_busy)
        return message_text(busy.message)
    if isinstance(exc, Cancelled):
        return QCoreApplication.translate("errors", "已取消,没有留下任何改动。")
    if isinstance(exc, OSError):  # the system's own text is often English: say it in Chinese
        return QCoreApplication.translate("errors", "文件没有读写成功:{reason}。请换一个文件夹再试。").format(
            reason=os_error_text(exc))
    return QCoreApplication.translate("errors", "操作没有完成,出现了意外的问题。详细信息已记入日志。")


def refusal(check: Callable[[], object]) -> CunwuError | None:
    """The refusal a validator of typed input raises, or None when the input passes.

    For checks as the person types (a login name, a code): nothing is read or
    written, so this is not an operation of `ui.operations`; the form shows
    the refusal beside the field (`FieldMessage.show_failure`) or keeps its
    button disabled. Only refusals are caught: a bug in a check still
    reaches the crash hook.
    """
    try:
        check()
    except CunwuError as exc:
        return exc
    return None


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """Show `exc` in a plain, non-blocking warning box and return the box.

    `open()` rather than `exec()`: the box is window-modal for the person,
    but never blocks the caller, so tests can find and close it.
    """
    # Imported here: PySide builds the whole `Qt` namespace on first import (~14 ms),
    # which the login dialog (this module is on its path) need not wait for.
    from PySide6.QtCore import Qt

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("errors", "村务台账"))
    box.setTextFormat(Qt.TextFormat.PlainText)  # a reason may quote a package's or a file's own words
    box.setText(error_text(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("errors", "知道了"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
