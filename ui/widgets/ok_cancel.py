"""The one OK/取消 button row of a dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from ui.widgets.primary_button import make_primary


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK (relabelled `ok_text`, the primary action) and 取消, wired to the dialog.

    The buttons stay the box's standard Ok and Cancel (tests and keyboard
    users find them by role) and are also set on the dialog as `ok_button`
    and `cancel_button`, so a dialog can disable its action or a test can
    click it without knowing how the row was built.
    """
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    dialog.ok_button = box.button(QDialogButtonBox.StandardButton.Ok)
    dialog.ok_button.setText(ok_text)
    make_primary(dialog.ok_button)
    dialog.cancel_button = box.button(QDialogButtonBox.StandardButton.Cancel)
    dialog.cancel_button.setText(dialog.tr("取消"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box
