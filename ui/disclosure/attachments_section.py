"""Photos of the posted board (公开栏照片) and other files of a disclosure item."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.paths import AppPaths
from desktop.services.session import Session
from models.roles import Permission
from ui.widgets.attachments_panel import AttachmentsPanel

TABLE = "disclosure_item"


class ItemAttachments(AttachmentsPanel):
    """Attachments of one disclosure item; the photo of the board is the proof of posting."""

    def __init__(self, session: Session, paths: AppPaths | None, parent: QWidget | None = None):
        super().__init__(session, paths, parent, table=TABLE)
        index = self.kind_combo.findData("photo")
        if index >= 0:
            self.kind_combo.setCurrentIndex(index)

    def set_item(self, item_id: str) -> None:
        """Show the files of `item_id`."""
        self.set_meeting(item_id, approved=False)

    def _show_hint(self) -> None:
        if self._paths is None:
            text = self.tr("这里不能添加附件(没有数据文件夹)。")
        elif not self._session.can(Permission.EDIT_RECORDS):
            text = self.tr("你的账号只能查看和另存附件。")
        elif not self.model.total():
            text = self.tr("张贴后请拍一张公开栏的照片附在这里,作为按时公开的凭证。")
        else:
            text = self.tr("双击文件可以打开。")
        self.hint.setText(text)
