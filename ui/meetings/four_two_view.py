"""四议两公开: the decision registers and, for the chosen one, its six-step timeline."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.services import decisions_service
from desktop.services.decisions_service import RegisterView
from desktop.services.session import Session
from models.meetings import four_two as ft
from models.roles import Permission
from ui.meetings.step_dialogs import NewRegisterDialog, StepDialog
from ui.operations import run_query
from ui.widgets.findings import findings_html
from ui.widgets.palette import BLUE, GREEN, PALE_GREY, RED
from ui.widgets.primary_button import make_primary
from ui.widgets.record_labels import matter_label
from ui.widgets.scaled_label import ScaledLabel


def step_label(code: str | None) -> str:
    """The translated label of a step (全部完成 when None)."""
    if code is None:
        return QCoreApplication.translate("FourTwoView", "六步均已完成")
    return QCoreApplication.translate("four_two", ft.STEP_LABELS[code])


def timeline_html(view: RegisterView) -> str:
    """The six steps as a vertical timeline: done (date, meeting, opinion), next, or to come."""
    tr = QCoreApplication.translate
    c = "FourTwoView"
    rows = []
    for step in view.steps:
        done = bool(step.done_on)
        is_next = step.code == view.next_step
        if done:
            marker, color = "●", GREEN.name()
            parts = [tr(c, "日期:{on}").format(on=step.done_on)]
            if step.meeting_title:
                parts.append(tr(c, "会议:{title}").format(title=escape(step.meeting_title)))
            if step.code in ("publish_resolution", "publish_result"):
                parts.append(tr(c, "监委会意见:{text}").format(
                    text=escape(step.committee_opinion) or tr(c, "(未记录)")))
            detail = "<br>".join(parts)
        elif is_next and step.blocked_by:
            marker, color = "▶", RED.name()
            detail = tr(c, "下一步,但现在还不能登记:") + "".join(
                f"<br><span style='color:{RED.name()}'>• {escape(r)}</span>" for r in step.blocked_by)
        elif is_next:
            marker, color = "▶", BLUE.name()
            detail = f"<span style='color:{BLUE.name()}'>" + tr(c, "下一步,可以登记。") + "</span>"
        else:
            marker, color = "○", PALE_GREY.name()
            detail = f"<span style='color:{PALE_GREY.name()}'>" + tr(c, "尚未进行") + "</span>"
        rows.append(
            f"<tr><td width='28' valign='top' style='color:{color}; font-size:large'>{marker}</td>"
            f"<td valign='top' style='padding-bottom:12px'><b>{escape(step_label(step.code))}</b>"
            f"<br>{detail}</td></tr>")
    return "<table cellspacing='0' cellpadding='2' width='100%'>" + "".join(rows) + "</table>"


class FourTwoView(QWidget):
    """Register list on the left, the chosen register's timeline and findings on the right."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.current: RegisterView | None = None
        self.dialog = None
        self.new_button = make_primary(QPushButton(self.tr("新建登记")))
        self.new_button.setEnabled(session.can(Permission.EDIT_RECORDS))
        self.new_button.clicked.connect(self.ask_new_register)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("事项"), self.tr("首次日期"), self.tr("下一步")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("国")
        self.table.setColumnWidth(1, em * 7 + 24)
        self.table.setColumnWidth(2, em * 9 + 24)
        self.table.setMinimumWidth(em * 30)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.empty_label = QLabel(self.tr("还没有四议两公开登记。重大事项决策前,点“新建登记”开始。"))
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("role", "hint")

        self.title_label = ScaledLabel("", 1.25, bold=True)
        self.title_label.setWordWrap(True)
        self.matter_label = QLabel()
        self.matter_label.setWordWrap(True)
        self.matter_label.setProperty("role", "hint")
        self.timeline = QTextBrowser()
        self.timeline.setOpenLinks(False)
        self.record_button = make_primary(QPushButton(self.tr("登记这一步")))
        self.record_button.clicked.connect(lambda: self.ask_step(self.current.next_step))
        self.record_hint = QLabel()
        self.record_hint.setProperty("role", "hint")
        self.record_hint.setWordWrap(True)
        record_row = QHBoxLayout()
        record_row.addWidget(self.record_button)
        record_row.addWidget(self.record_hint, 1)
        detail = QVBoxLayout()
        detail.addWidget(self.title_label)
        detail.addWidget(self.matter_label)
        detail.addWidget(self.timeline, 1)
        detail.addLayout(record_row)

        left = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(ScaledLabel(self.tr("决策登记"), 1.1, bold=True))
        top.addStretch(1)
        top.addWidget(self.new_button)
        left.addLayout(top)
        left.addWidget(self.table, 1)
        left.addWidget(self.empty_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(16)
        layout.addLayout(left, 1)
        layout.addLayout(detail, 1)
        self.refresh()

    def refresh(self, select_id: str | None = None) -> None:
        """Re-read the registers, keeping (or moving to) the selection."""
        keep = select_id or (self.current.id if self.current else None)
        rows = decisions_service.list_registers()
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for i, (reg_id, title, first, next_step) in enumerate(rows):
            item = QTableWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, reg_id)
            self.table.setItem(i, 0, item)
            self.table.setItem(i, 1, QTableWidgetItem(first or self.tr("未开始")))
            self.table.setItem(i, 2, QTableWidgetItem(step_label(next_step)))
        self.table.blockSignals(False)
        self.empty_label.setVisible(not rows)
        ids = [r[0] for r in rows]
        if rows:
            self.table.selectRow(ids.index(keep) if keep in ids else 0)
            self._on_selection()
        else:
            self.show_register(None)

    def _on_selection(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.show_register(self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))

    def show_register(self, register_id: str | None) -> None:
        """Draw the timeline of `register_id` (or nothing)."""
        if register_id is None:
            self.current = None
            self.title_label.clear()
            self.matter_label.clear()
            self.timeline.clear()
            self.record_button.setEnabled(False)
            self.record_hint.clear()
            return
        read = run_query(self, lambda: decisions_service.view(register_id))
        if not read:
            return
        self.current = view = read.value
        self.title_label.setText(view.title)
        implementation = ""
        if view.implementation_start:
            implementation = self.tr(";实施:{start} 至 {end}").format(
                start=view.implementation_start, end=view.implementation_end or self.tr("进行中"))
        self.matter_label.setText(self.tr("事项类别:{matter}").format(matter=matter_label(view.matter))
                                  + implementation)
        html = timeline_html(view)
        if view.findings:
            html += ("<p><b>" + self.tr("检查发现的问题:") + "</b></p>" + findings_html(view.findings))
        self.timeline.setHtml(html)
        next_step = next((st for st in view.steps if st.code == view.next_step), None)
        can_edit = self._session.can(Permission.EDIT_RECORDS)
        self.record_button.setEnabled(bool(next_step and not next_step.blocked_by and can_edit))
        if next_step is None:
            self.record_hint.setText(self.tr("六个步骤都已登记。"))
        elif next_step.blocked_by:
            self.record_hint.setText(self.tr("下一步“{step}”现在还不能登记,原因见上。").format(
                step=step_label(next_step.code)))
        else:
            self.record_hint.setText(self.tr("下一步:{step}").format(step=step_label(next_step.code)))

    def timeline_text(self) -> str:
        """The timeline as plain text (for tests)."""
        return self.timeline.toPlainText()

    def ask_step(self, code: str) -> StepDialog:
        """Open the dialog that records step `code` of the current register."""
        dialog = StepDialog(self._session, self.current.id, code, self)
        dialog.accepted.connect(lambda: self.refresh(self.current.id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_new_register(self) -> NewRegisterDialog:
        """Open the 新建登记 dialog."""
        dialog = NewRegisterDialog(self._session, self)
        dialog.accepted.connect(lambda: self.refresh(dialog.created_id))
        self.dialog = dialog
        dialog.open()
        return dialog
