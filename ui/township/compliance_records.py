"""The drill-down of one board cell: what was due, the record that met it, or why none did."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.services.compliance_service import RecordRow
from models.township.board import Cell, Obligation, VillageHead
from ui.township.compliance_records_model import NOTE, ComplianceRecordsModel
from ui.widgets import compliance_style as style
from ui.widgets.column_widths import sample_rows, sampled_widths
from ui.widgets.compliance_model import TEXT_NOTES, cell_text
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.tables import read_only_view

_C = "compliance_board"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


class CellRecordsDialog(QDialog):
    """One village, one obligation, one period: every occurrence with its record."""

    def __init__(self, village: VillageHead, obligation: Obligation, period_label: str, cell: Cell,
                 rows: list[RecordRow], parent: QWidget | None = None, as_of_text: str | None = None):
        """`as_of_text` replaces the "该村数据截至 …" line (the township's own row has no village date)."""
        super().__init__(parent)
        label = QCoreApplication.translate("compliance", obligation.label)
        self.setWindowTitle(_tr("{village} · {obligation} · {period}").format(
            village=village.name, obligation=label, period=period_label))
        title = ScaledLabel(_tr("{village} · {obligation}").format(village=village.name, obligation=label), 1.25,
                            bold=True)
        basis = QCoreApplication.translate("compliance", obligation.basis)
        if obligation.key in TEXT_NOTES and cell.note not in ("", "—"):
            # The grid shows these cells in words (已备案, 无待答复): the same words here, not a bare 按时.
            summary = QLabel(_tr("{period}:{text}。依据:{basis}").format(
                period=period_label, text=cell_text(obligation.key, cell), basis=basis))
        else:
            summary = QLabel(_tr("{period}:{state}({meaning})。依据:{basis}").format(
                period=period_label, state=style.short_label(cell.state), meaning=style.explanation(cell.state),
                basis=basis))
        summary.setWordWrap(True)
        self.summary = summary
        if as_of_text is None:
            as_of_text = (_tr("该村数据截至 {day}").format(day=village.data_as_of) if village.data_as_of
                          else _tr("还没有收到这个村的数据包"))
        as_of = QLabel(as_of_text)
        as_of.setProperty("role", "hint")

        self.model = ComplianceRecordsModel(self)
        self.model.set_rows(list(rows))
        self.table = read_only_view(self.model, NOTE, word_wrap=False)
        self.table.setAlternatingRowColors(False)
        # The record's title is what a person looks for: it keeps its full width; the note takes the rest
        # (its full text is in the tooltip). The dialog grows to fit, up to the screen.
        # Measured once from a sample of the rows (the township's own cell lists every village's matters:
        # hundreds of rows at 200 villages, which `ResizeToContents` re-read on every change), draggable.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        self.widths = sampled_widths(self.table, NOTE, follow_model=False)
        self.widths.fit()
        wanted = sum(header.sectionSize(c) for c in range(NOTE)) + self.widths.measure(
            NOTE, sample_rows(self.model.rowCount())) + 60
        screen = self.screen().availableGeometry().width() if self.screen() else 1280
        self.resize(min(max(860, wanted), int(screen * 0.9)), 420)
        empty = QLabel(_tr("这一期间没有需要做的事项,也没有相关记录。"))
        empty.setProperty("role", "hint")
        empty.setVisible(not rows)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.addWidget(title)
        layout.addWidget(summary)
        layout.addWidget(as_of)
        layout.addWidget(self.table, 1)
        layout.addWidget(empty)
        layout.addWidget(buttons)
