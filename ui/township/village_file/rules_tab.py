"""村规民约 in the village file: every version of every set, its text, and the diff with the version before.

The version in force comes first within its set's timeline (newest first)
and is green, as on the village's own rules page. 与上一版对比 shows the
修订对照表 the village and the township print (`rules_documents.diff_html`:
every value escaped) instead of the text; 打印 and 导出PDF print what is shown.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.reports import rules_documents
from desktop.services.session import Session
from desktop.services.village_file import rules as vr
from ui.township.village_file import detail_html as dh
from ui.township.village_file.list_detail import ListDetailTab, Printable
from ui.widgets.batched_model import ID_ROLE
from ui.widgets.rule_labels import status_color, status_label


class RulesTab(ListDetailTab):
    """The village's rule versions; the text of the one picked, or its diff with the one before."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        # 备案 is in the text's head: at 1024×600 the 版本 column needs the room.
        super().__init__([self.tr("版本"), self.tr("状态"), self.tr("通过日期")], stretch=0, parent=parent)
        self.session = session
        self.village = ""
        self._previous: dict[str, str] = {}  # version id -> the version before it in its set
        self._in_force: list[str] = []
        self._status: dict[str, str] = {}
        self.compare_button = QPushButton(self.tr("与上一版对比"))
        self.compare_button.setCheckable(True)
        self.compare_button.setToolTip(self.tr("逐条对比这一版与上一版:删去的字划线,新增的字加下划线"))
        self.compare_button.toggled.connect(lambda _on: self._on_selection())
        self.buttons.insertWidget(1, self.compare_button)

    def read_rows(self) -> list[tuple[str, list[str]]]:
        """Every version, set by set, newest first."""
        sets = vr.rule_sets(self.session, self.code)
        self._previous, self._in_force, rows = {}, [], []
        for s in sets:
            for newer, older in zip(s.versions, s.versions[1:], strict=False):
                self._previous[newer.id] = older.id
            for v in s.versions:
                self._status[v.id] = v.status
                if v.in_force:
                    self._in_force.append(v.id)
                rows.append((v.id, [self.tr("第{n}版 {title}").format(title=v.title, n=v.version_no),
                                    status_label(v.status, v.filed_on), v.adopted_on]))
        return rows

    def load(self, code: str) -> bool:
        """The versions, the one in force selected (the text the village lives by)."""
        ok = super().load(code)
        for r in range(self.model.rowCount()):
            vid = self.model.item(r, 0).data(ID_ROLE)
            self.model.item(r, 1).setForeground(status_color(self._status.get(vid, "")))
        return ok

    def preferred_id(self) -> str | None:
        """The version in force: the text the village lives by."""
        return self._in_force[0] if self._in_force else None

    def in_force_ids(self) -> list[str]:
        """The versions in force (one per set at most)."""
        return list(self._in_force)

    def _on_selection(self) -> None:
        if self._loading:
            return
        record_id = self.current_id()
        previous = self._previous.get(record_id or "")
        self.compare_button.setEnabled(previous is not None)
        if previous is None and self.compare_button.isChecked():
            self.compare_button.setChecked(False)  # re-enters here through toggled
            return
        super()._on_selection()

    def comparing(self) -> bool:
        """Whether the diff with the version before is shown (else the text)."""
        return self.compare_button.isChecked() and self.compare_button.isEnabled()

    def detail_html(self, record_id: str) -> str:
        """The text, or the diff with the version before."""
        if self.comparing():
            vr.compare(self.session, self.code, self._previous[record_id], record_id)  # both this village's
            return rules_documents.diff_html(self._previous[record_id], record_id)
        return dh.rule_html(vr.version_text(self.session, self.code, record_id))

    def printable(self, record_id: str) -> Printable:
        """The 修订对照表 when comparing, else the text signed with the village's name."""
        v = vr.version_text(self.session, self.code, record_id)
        if self.comparing():
            return (rules_documents.diff_html(self._previous[record_id], record_id),
                    self.tr("{title}修订对照表").format(title=v.title), self.tr("修订对照表"), 11)
        return rules_documents.rule_text_html(record_id, self.village), v.title, self.tr("村规民约"), 12

    def show_article(self, version_id: str, index: int) -> bool:
        """Show the text of `version_id` scrolled to its article number `index` (0-based), that article selected.

        Selected, not only scrolled to: an article near the end cannot come to the
        top of the text, and the search hit's article was then one of many on screen.
        """
        self.compare_button.setChecked(False)
        if not self.select_id(version_id):
            return False
        self.detail.scrollToAnchor(f"art{index}")
        block = self.detail.document().begin()
        while block.isValid():
            if f"art{index}" in block.begin().fragment().charFormat().anchorNames():
                cursor = QTextCursor(block)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                self.detail.setTextCursor(cursor)
                break
            block = block.next()
        return True

    def selected_article(self) -> str:
        """The text selected in the version's text (the article a search hit opened), or ""."""
        return self.detail.textCursor().selectedText()

    def empty_text(self) -> str:
        """No rules sent."""
        return self.tr("这个村的数据包里还没有村规民约或自治章程。")
