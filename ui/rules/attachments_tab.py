"""附件 of a rule version.

The photo of the posted text (公布), the township's filing receipt, scans of the
opinion forms. Same panel as the meeting editor's.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.paths import AppPaths
from desktop.services.session import Session
from models.roles import Permission
from ui.widgets.attachments_panel import AttachmentsPanel

TABLE = "rule_version"


class RuleAttachmentsTab(AttachmentsPanel):
    """Attachments of one rule version."""

    def __init__(self, session: Session, paths: AppPaths | None, parent: QWidget | None = None):
        super().__init__(session, paths, parent, table=TABLE)

    def set_version(self, version_id: str | None) -> None:
        """Show the files of `version_id`."""
        self.set_meeting(version_id, approved=False)

    def _show_hint(self) -> None:
        if self._paths is None:
            text = self.tr("这里不能添加附件(没有数据文件夹)。")
        elif not self._session.can(Permission.EDIT_RECORDS):
            text = self.tr("你的账号只能查看和另存附件。")
        elif self._meeting_id is not None and not self.can_add():
            text = self.refusal_text()
        elif not self.model.total():
            text = self.tr("还没有附件。公布后请附上公开栏张贴的照片;也可以附上乡镇的备案回执、"
                           "征求意见表的扫描件。先选类别,再点“添加附件…”,或把文件拖到这里。")
        else:
            text = self.tr("先选类别,再点“添加附件…”,或把文件拖到这里。双击文件可以打开。")
        self.hint.setText(text)
