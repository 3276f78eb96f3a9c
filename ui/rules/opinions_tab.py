"""征集民意: the log of villagers' opinions, the form to add one, and closing the step."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services import rules_service
from desktop.services.rules_service import VersionView
from desktop.services.session import Session
from models.roles import Permission
from ui.operations import run_op
from ui.rules.opinions_model import OpinionsModel
from ui.widgets.field_message import FieldMessage
from ui.widgets.findings import reasons_text
from ui.widgets.forms import date_edit, section, to_date
from ui.widgets.primary_button import make_primary
from ui.widgets.rule_labels import source_label
from ui.widgets.sorting import make_sortable

_UNDECIDED, _ADOPTED, _REJECTED = 0, 1, 2


class OpinionsTab(QWidget):
    """Opinions of one version. `changed()` after anything was recorded."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.view: VersionView | None = None

        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.model = OpinionsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        make_sortable(self.table)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("国")
        for column, chars in ((0, 6), (1, 4), (3, 4), (4, 8)):
            self.table.setColumnWidth(column, em * chars + 16)

        self.date_edit = date_edit()
        self.source_combo = QComboBox()
        for code in rules_service.SOURCES:
            self.source_combo.addItem(source_label(code), code)
        self.content_edit = QPlainTextEdit()
        self.content_edit.setPlaceholderText(self.tr("村民提了什么意见,尽量照原话记录。"))
        self.content_edit.setMaximumHeight(self.fontMetrics().height() * 4)
        self.content_edit.setTabChangesFocus(True)
        self.adopted_combo = QComboBox()
        self.adopted_combo.addItems([self.tr("待定"), self.tr("采纳"), self.tr("不采纳")])
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("采纳了怎么改的,或为什么不采纳"))
        self.add_button = make_primary(QPushButton(self.tr("登记这条意见")))
        self.add_button.clicked.connect(self.add_opinion)
        self.add_message = FieldMessage()
        form_card, form_layout = section(self.tr("登记一条意见"))
        form = QFormLayout()
        form.addRow(self.tr("日期:"), self.date_edit)
        form.addRow(self.tr("来源:"), self.source_combo)
        form.addRow(self.tr("内容:"), self.content_edit)
        form.addRow(self.tr("处理:"), self.adopted_combo)
        form.addRow(self.tr("说明:"), self.reason_edit)
        form_layout.addLayout(form)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_message, 1)
        add_row.addWidget(self.add_button)
        form_layout.addLayout(add_row)

        self.close_date_edit = date_edit()
        self.close_button = QPushButton(self.tr("征集民意结束"))
        self.close_button.clicked.connect(self.close_solicitation)
        self.close_hint = FieldMessage()
        close_card, close_layout = section(self.tr("结束征集"))
        close_row = QHBoxLayout()
        close_row.addWidget(QLabel(self.tr("结束日期:")))
        close_row.addWidget(self.close_date_edit)
        close_row.addWidget(self.close_button)
        close_row.addStretch(1)
        close_layout.addLayout(close_row)
        close_layout.addWidget(self.close_hint)

        right = QVBoxLayout()
        right.addWidget(form_card)
        right.addWidget(close_card)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.counts_label)
        left.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    def set_view(self, view: VersionView) -> None:
        """Show the opinions of `view` and what can be done now."""
        self.view = view
        opinions = view.opinions
        self.model.set_rows(list(opinions))
        self.table.resizeRowsToContents()
        yes = sum(1 for o in opinions if o.adopted is True)
        no = sum(1 for o in opinions if o.adopted is False)
        self.counts_label.setText(self.tr("共 {n} 条意见:采纳 {yes} 条,不采纳 {no} 条,待定 {open} 条。").format(
            n=len(opinions), yes=yes, no=no, open=len(opinions) - yes - no))
        can_edit = view.editable and self._session.can(Permission.EDIT_RECORDS)
        for widget in (self.date_edit, self.source_combo, self.content_edit, self.adopted_combo,
                       self.reason_edit, self.add_button):
            widget.setEnabled(can_edit)
        step = view.steps[0]
        closed_on = view.record.solicitation_closed_on
        if step.done:
            self.close_button.setEnabled(False)
            self.close_hint.show_ok(self.tr("征集民意已于 {on} 结束。").format(on=closed_on) if closed_on
                                    else self.tr("历史版本,不需要这一步。"))
        elif step.blocked_by:
            self.close_button.setEnabled(False)
            self.close_hint.show_error(reasons_text(step.blocked_by))
        else:
            self.close_button.setEnabled(can_edit)
            self.close_hint.show_hint(self.tr("意见都登记好以后,点“征集民意结束”,再去拟定草案。"))
        self.close_button.setToolTip(self.close_hint.text())

    def add_opinion(self) -> bool:
        """Record the opinion in the form; explains a refusal under the form."""
        if self.view is None:
            return False
        adopted = {_ADOPTED: True, _REJECTED: False}.get(self.adopted_combo.currentIndex())
        if not run_op(self, lambda: rules_service.add_opinion(
                self._session, self.view.id, to_date(self.date_edit), self.source_combo.currentData(),
                self.content_edit.toPlainText(), adopted, self.reason_edit.text()),
                on_failure=self.add_message.show_failure):
            return False
        self.content_edit.clear()
        self.reason_edit.clear()
        self.adopted_combo.setCurrentIndex(_UNDECIDED)
        self.add_message.show_ok(self.tr("已登记。"))
        self.changed.emit()
        return True

    def close_solicitation(self) -> bool:
        """Finish 征集民意 on the chosen date."""
        if self.view is None:
            return False
        if not run_op(self, lambda: rules_service.close_solicitation(self._session, self.view.id,
                                                                   to_date(self.close_date_edit)),
                      on_failure=self.close_hint.show_failure):
            return False
        self.changed.emit()
        return True
