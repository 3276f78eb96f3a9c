"""冲突: two versions of the same record from its owner, side by side, for a person to choose."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import exchange_service as xs
from desktop.services.session import Session
from models.roles import Permission
from ui.errors import show_error
from ui.operations import run_op
from ui.widgets.exchange.labels import column_label, value_text


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setToolTip(text)
    return item


def _what(row: xs.ConflictRow) -> str:
    """The record's name or title when it is among the differences, else when it was found."""
    for diff in row.diffs:
        if diff.column in ("name", "title", "label"):
            return f"{diff.local} / {diff.incoming}"
    return QCoreApplication.translate("ConflictsPanel", "发现于 {when}").format(when=row.found_at)


class ConflictsPanel(QWidget):
    """The open conflicts on the left; the chosen one's differing fields on the right."""

    #: A conflict was resolved (the page re-reads its counts).
    resolved = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._rows: list[xs.ConflictRow] = []
        self.error_box = None
        self.list = QListWidget()
        self.list.setMinimumWidth(220)
        self.list.currentRowChanged.connect(self._show)
        text = self.tr(
            "同一条记录在本机和数据包中各有一个版本,软件没有替您选择。请对照下面的内容,决定保留哪一个。")
        if not xs.is_township():
            # At a village these are the township's records (opinions, answers, notices):
            # only the township knows which version it meant.
            text += self.tr("这些是乡镇写的内容,出现两个版本通常是乡镇的电脑恢复过备份。"
                            "拿不准时,请先打电话问乡镇以哪个版本为准,再选择。")
        self.explain = QLabel(text)
        self.explain.setWordWrap(True)
        self.explain.setProperty("role", "hint")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("项目"), self.tr("本机的版本"), self.tr("数据包中的版本")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.keep_local_button = QPushButton(self.tr("保留本机的版本"))
        self.take_incoming_button = QPushButton(self.tr("采用数据包中的版本"))
        self.keep_local_button.clicked.connect(lambda: self.resolve("local"))
        self.take_incoming_button.clicked.connect(lambda: self.resolve("incoming"))
        self._can = session.can(Permission.EXCHANGE)
        if not self._can:
            tip = self.tr("您的账号没有数据交换的权限。")
            self.keep_local_button.setToolTip(tip)
            self.take_incoming_button.setToolTip(tip)

        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_local_button)
        buttons.addWidget(self.take_incoming_button)
        right.addLayout(buttons)
        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.explain)
        layout.addLayout(body, 1)
        self.refresh()

    def count(self) -> int:
        """Open conflicts listed."""
        return len(self._rows)

    def refresh(self) -> None:
        """Re-read the open conflicts, keeping the selection where it can."""
        keep = self.current_id()
        self._rows = xs.conflicts()
        self.list.blockSignals(True)
        self.list.clear()
        for row in self._rows:
            item = QListWidgetItem(self.tr("{table}:{what}").format(table=row.table_label, what=_what(row)))
            item.setToolTip(self.tr("来自数据包 {package}").format(package=row.package))
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [r.id for r in self._rows]
        self.list.setCurrentRow(ids.index(keep) if keep in ids else (0 if ids else -1))
        self._show(self.list.currentRow())

    def current_id(self) -> int | None:
        """The conflict shown, or None."""
        row = self.list.currentRow() if hasattr(self, "list") else -1
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def select(self, conflict_id: int) -> None:
        """Show the conflict with this id."""
        self.list.setCurrentRow([r.id for r in self._rows].index(conflict_id))

    def resolve(self, keep: str) -> None:
        """Keep the local version (`"local"`) or take the package's (`"incoming"`)."""
        conflict_id = self.current_id()
        if conflict_id is None:
            return
        if not run_op(self, lambda: xs.resolve_conflict(self._session, conflict_id, keep),
                      on_failure=self._refused):
            return
        self.refresh()
        self.resolved.emit()

    def _show(self, index: int) -> None:
        row = self._rows[index] if 0 <= index < len(self._rows) else None
        self.table.setRowCount(0)
        enabled = row is not None and self._can
        self.keep_local_button.setEnabled(enabled)
        self.take_incoming_button.setEnabled(enabled)
        if row is None:
            self.title.setText(self.tr("没有需要处理的冲突。"))
            return
        self.title.setText(self.tr("{table}:有 {n} 处不同(来自数据包 {package})").format(
            table=row.table_label, n=len(row.diffs), package=row.package))
        self.table.setRowCount(len(row.diffs))
        for i, diff in enumerate(row.diffs):
            self.table.setItem(i, 0, _cell(column_label(row.table, diff.column)))
            self.table.setItem(i, 1, _cell(value_text(diff.column, diff.local)))
            self.table.setItem(i, 2, _cell(value_text(diff.column, diff.incoming)))
        self.table.resizeRowsToContents()

    def _refused(self, exc: BaseException) -> None:
        self.error_box = show_error(self, exc)
