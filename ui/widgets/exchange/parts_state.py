"""What a page built from the exchange parts exposes of them: the last box, preview, import and package.

The village 数据交换 page and the township 村庄 page compose the same parts
(a `Notifier`, an `ImportBox`, an `ExportBox`); the main window (opening a
package given on the command line) and the tests reach the parts' state
through the page, not through the parts, so this mixin says it once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


class ExchangePartsState:
    """Mixin for a QWidget page that has `notifier`, `import_box` and `export_box`."""

    @property
    def message_box(self) -> QMessageBox | None:
        """The last message shown (tests close it)."""
        return self.notifier.box

    @message_box.setter
    def message_box(self, box: QMessageBox | None) -> None:
        self.notifier.box = box

    @property
    def preview_dialog(self):
        """The open (or last) import preview."""
        return self.import_box.flow.preview_dialog

    @property
    def last_import(self):
        """The plan of the last package imported."""
        return self.import_box.flow.last_import

    @property
    def export_result(self):
        """The last package (village) or 回执 (township) written."""
        return self.export_box.export_result
