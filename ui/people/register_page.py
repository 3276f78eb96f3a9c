"""人员名册: the register in a table, with a name search box."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.fonts import font_notifier
from ui.people.register_model import RegisterModel
from ui.widgets.scaled_label import ScaledLabel


class RegisterPage(QWidget):
    """Read-only for now; editing arrives with the register issue."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = RegisterModel(self)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("按姓名查找,例如:王"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 16)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        # Widths in characters, so they grow with the font-size setting.
        self._column_chars = (6, 3, 5)  # 姓名, 性别, 村民小组
        for column in range(len(self._column_chars)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._size_columns()
        font_notifier().changed.connect(self._size_columns)

        # Typing "王建" should not query twice; wait for a short pause.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.apply_search)
        self.search_edit.textChanged.connect(self._search_timer.start)

        top = QHBoxLayout()
        top.addWidget(ScaledLabel(self.tr("人员名册"), 1.5, bold=True))
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addSpacing(12)
        top.addWidget(self.search_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.apply_search()

    def _size_columns(self) -> None:
        em = self.table.fontMetrics().horizontalAdvance("国")
        for column, chars in enumerate(self._column_chars):
            self.table.setColumnWidth(column, em * chars + 24)

    def apply_search(self) -> None:
        """Reload the table for the text in the search box."""
        self.model.reload(self.search_edit.text())
        self.count_label.setText(self.tr("共 {n} 人").format(n=self.model.total()))

    def refresh(self) -> None:
        """Re-read the register (records changed elsewhere), keeping the search."""
        self.apply_search()
