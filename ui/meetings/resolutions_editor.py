"""The vote form: one card per resolution with its counts, verdict and reasons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.meetings_service import ResolutionLine
from models.meetings.matters import MATTERS
from models.meetings.quorum import Finding, Verdict
from ui.widgets.findings import finding_text, findings_html
from ui.widgets.record_labels import matter_label
from ui.widgets.scaled_label import ScaledLabel


class ResolutionRow(QFrame):
    """事项, 类别, 赞成/反对/弃权, and what the engine says about this vote."""

    changed = Signal()
    remove_requested = Signal(QWidget)

    def __init__(self, line: ResolutionLine, editable: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("card", True)
        self.text_edit = QLineEdit(line.text)
        self.text_edit.setPlaceholderText(self.tr("表决事项,例如:同意实施村道硬化工程"))
        self.matter_combo = QComboBox()
        for code in MATTERS:
            self.matter_combo.addItem(matter_label(code), code)
        self.matter_combo.setCurrentIndex(max(0, self.matter_combo.findData(line.matter)))
        self.matter_combo.setMinimumContentsLength(14)
        self.yes_spin, self.no_spin, self.abstain_spin = (self._spin(v) for v in (line.yes, line.no, line.abstain))
        self.result_label = ScaledLabel("", 1.1, bold=True)
        self.reasons_label = QLabel()
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setTextFormat(Qt.TextFormat.RichText)
        self.remove_button = QPushButton(self.tr("删除此项"))
        self.remove_button.setVisible(editable)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.addWidget(QLabel(self.tr("事项:")), 0, 0)
        grid.addWidget(self.text_edit, 0, 1, 1, 7)
        grid.addWidget(QLabel(self.tr("类别:")), 1, 0)
        grid.addWidget(self.matter_combo, 1, 1, 1, 7)
        # The votes on one line, the result and 删除此项 on the next: on one line the card was wider
        # than the 表决 tab of a 1024×600 screen and the tab scrolled sideways.
        votes = QHBoxLayout()
        for caption, spin in ((self.tr("赞成"), self.yes_spin), (self.tr("反对"), self.no_spin),
                              (self.tr("弃权"), self.abstain_spin)):
            votes.addWidget(QLabel(caption))
            votes.addWidget(spin)
            votes.addSpacing(6)
        votes.addStretch(1)
        outcome = QHBoxLayout()
        outcome.addWidget(self.result_label)
        outcome.addStretch(1)
        outcome.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(grid)
        layout.addLayout(votes)
        layout.addLayout(outcome)
        layout.addWidget(self.reasons_label)

        for widget in (self.text_edit, self.yes_spin, self.no_spin, self.abstain_spin):
            widget.setReadOnly(not editable)
        self.matter_combo.setEnabled(editable)
        self.text_edit.textChanged.connect(self.changed)
        self.matter_combo.currentIndexChanged.connect(self.changed)
        for spin in (self.yes_spin, self.no_spin, self.abstain_spin):
            spin.valueChanged.connect(self.changed)

    def _spin(self, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, 99999)
        spin.setValue(value)
        spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0") * 6 + 40)
        spin.setSuffix(self.tr(" 票"))
        return spin

    def line(self) -> ResolutionLine:
        """The resolution as typed."""
        return ResolutionLine(self.text_edit.text(), self.matter_combo.currentData(),
                              self.yes_spin.value(), self.no_spin.value(), self.abstain_spin.value())

    def show_verdict(self, verdict: Verdict, authority: list[Finding], meeting_texts: set[str]) -> None:
        """通过/未通过 and the reasons that belong to this vote (not the meeting's own)."""
        if verdict.passed:
            self.result_label.setText(self.tr("通过"))
            self.result_label.setProperty("role", "ok")
        elif verdict.passed is False:
            self.result_label.setText(self.tr("未通过"))
            self.result_label.setProperty("role", "error")
        else:
            self.result_label.setText(self.tr("无法表决"))
            self.result_label.setProperty("role", "error")
        self.result_label.style().unpolish(self.result_label)
        self.result_label.style().polish(self.result_label)
        own = [f for f in verdict.findings if finding_text(f) not in meeting_texts]
        self.reasons_label.setText(findings_html([*own, *authority]))

    def reasons_text(self) -> str:
        """The reasons as plain text (for tests)."""
        return self.reasons_label.text()


class ResolutionsEditor(QWidget):
    """The list of resolution cards and an 添加表决事项 button."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[ResolutionRow] = []
        self._editable = True
        self.add_button = QPushButton(self.tr("添加表决事项"))
        self.add_button.clicked.connect(self.add_row)
        self.empty_label = QLabel(self.tr("本次会议没有表决事项。"))
        self.empty_label.setProperty("role", "hint")
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addLayout(self._rows_layout)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def set_lines(self, lines: list[ResolutionLine], editable: bool) -> None:
        """Rebuild the cards for `lines`."""
        for row in self.rows:
            self._rows_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = []
        self._editable = editable
        self.add_button.setVisible(editable)
        for line in lines:
            self._append(line)
        self.empty_label.setVisible(not self.rows)

    def add_row(self) -> ResolutionRow:
        """Add an empty resolution and put the cursor in its text."""
        row = self._append(ResolutionLine(""))
        self.empty_label.hide()
        row.text_edit.setFocus()
        self.changed.emit()
        return row

    def lines(self) -> list[ResolutionLine]:
        """The resolutions as typed."""
        return [row.line() for row in self.rows]

    def show_verdicts(self, verdicts: list[Verdict], authority: list[list[Finding]],
                      meeting_findings: list[Finding]) -> None:
        """Give each card its verdict."""
        meeting_texts = {finding_text(f) for f in meeting_findings}
        for row, verdict, who in zip(self.rows, verdicts, authority, strict=False):
            row.show_verdict(verdict, who, meeting_texts)

    def _append(self, line: ResolutionLine) -> ResolutionRow:
        row = ResolutionRow(line, self._editable)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._remove)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        return row

    def _remove(self, row: QWidget) -> None:
        self.rows.remove(row)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self.empty_label.setVisible(not self.rows)
        self.changed.emit()
