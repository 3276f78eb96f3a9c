"""A filed (or adopted) rule version's text, read only, over the 审核备案 page: what double-click opens.

The register's double-click used to open the 责令改正 dialog on a filed
text; the township could not read the text it had filed. Now it opens the
text (and its 修订对照表 with the version before), printable; 责令改正 stays
on its own button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from desktop.services.session import Session
from ui.township.village_file.rules_tab import RulesTab
from ui.widgets.screen_fit import resize_within_screen


class RuleTextDialog(QDialog):
    """The village's rule versions with `version_id` shown (non-modal; close with 关闭 or Esc)."""

    def __init__(self, session: Session, village_code: str, village_name: str, version_id: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("{name} 村规民约(只读)").format(name=village_name))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.rules = RulesTab(session)
        self.rules.village = village_name
        self.rules.load(village_code)
        self.rules.select_id(version_id)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.rules, 1)
        layout.addWidget(close)
        resize_within_screen(self, 1000, 680)

    def text(self) -> str:
        """The text shown (what the tests read)."""
        return self.rules.detail.toPlainText()
