"""新建公开事项: the subject from the village's catalogue (grouped by category), the period, the title and text.

The period editor follows the subject's usual period (a month, a quarter, a
half year, a year, or for 随时 items the date of the event) and may be
changed. The title is suggested until the person types their own.

A second posting of the same subject for the same period is asked about
first (the service's `DuplicateRecord`): 打开已有的 closes the dialog on the
existing item (the page opens it), 仍然新建 creates it anyway, 取消 stays.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services import disclosure_service as ds
from desktop.services.session import Session
from models.disclosure import catalogue as cat
from models.errors import DuplicateRecord
from ui.operations import run_op
from ui.widgets.disclosure_labels import (
    catalogue_label,
    category_label,
    period_kind_label,
    subject_label,
)
from ui.widgets.duplicate import DuplicateBox, ask_duplicate
from ui.widgets.field_message import FieldMessage
from ui.widgets.forms import date_edit, to_date
from ui.widgets.ok_cancel import ok_cancel


def _previous_month(today: date) -> tuple[int, int]:
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


class NewItemDialog(QDialog):
    """After `accept()`, `item_id` is the new draft."""

    def __init__(self, session: Session, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self._session = session
        self._today = today or date.today()
        self.item_id: str | None = None
        #: True when `item_id` is an existing item the person chose to open (打开已有的).
        self.opened_existing = False
        self.duplicate_box: DuplicateBox | None = None
        self._title_touched = False
        self.setWindowTitle(self.tr("新建公开事项"))
        em = self.fontMetrics().horizontalAdvance("国")
        self.setMinimumWidth(em * 40)

        self.subject_combo = QComboBox()
        model = QStandardItemModel(self.subject_combo)
        self.subject_combo.setModel(model)
        bold = QFont(self.font())
        bold.setBold(True)
        #: The village's effective catalogue: the profile's built-ins and its own active subjects.
        self.catalogue = {s.code: s for s in ds.subject_catalogue()}
        for category in cat.CATEGORIES:
            self.subject_combo.addItem(category_label(category))
            header = model.item(model.rowCount() - 1)
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            header.setFont(bold)
            for subject in self.catalogue.values():
                if subject.category == category:
                    self.subject_combo.addItem(
                        "　" + self.tr("{subject}({period})").format(
                            subject=catalogue_label(subject), period=period_kind_label(subject.period_kind)),
                        subject.code)
        self.kind_combo = QComboBox()
        for code in cat.PERIODS:
            self.kind_combo.addItem(period_kind_label(code), code)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setSuffix(self.tr(" 年"))
        self.part_combo = QComboBox()
        self.event_edit = date_edit(self._today)
        year_part = QWidget()
        row = QHBoxLayout(year_part)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.year_spin)
        row.addWidget(self.part_combo, 1)
        self.period_stack = QStackedWidget()
        self.period_stack.addWidget(year_part)
        self.period_stack.addWidget(self.event_edit)
        self.title_edit = QLineEdit()
        self.title_edit.textEdited.connect(self._on_title_edited)
        self.content_edit = QPlainTextEdit()
        self.content_edit.setTabChangesFocus(True)  # Tab leaves the box (keyboard users were trapped in it)
        self.content_edit.setPlaceholderText(self.tr("公开的正文。财务收支的明细在下一步的表格里填写,这里可以不写。"))
        self.message = FieldMessage()
        form = QFormLayout()
        form.addRow(self.tr("公开事项:"), self.subject_combo)
        form.addRow(self.tr("公开周期:"), self.kind_combo)
        form.addRow(self.tr("期间:"), self.period_stack)
        form.addRow(self.tr("标题:"), self.title_edit)
        form.addRow(self.tr("正文:"), self.content_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.buttons = ok_cancel(self, self.tr("新建"))
        layout.addWidget(self.buttons)

        self.subject_combo.currentIndexChanged.connect(self._on_subject)
        self.kind_combo.currentIndexChanged.connect(self._on_kind)
        self.year_spin.valueChanged.connect(self._suggest_title)
        self.part_combo.currentIndexChanged.connect(self._suggest_title)
        self.event_edit.dateChanged.connect(self._suggest_title)
        self.set_subject("finance_monthly")

    # --- choices ----------------------------------------------------------------

    def subject(self) -> str:
        """The catalogue code chosen."""
        return self.subject_combo.currentData() or ""

    def kind(self) -> str:
        """The period kind chosen."""
        return self.kind_combo.currentData()

    def set_subject(self, code: str) -> None:
        """Choose a subject; the period kind follows its usual one."""
        self.subject_combo.setCurrentIndex(self.subject_combo.findData(code))
        self._on_subject()

    def preset(self, subject: str, kind: str, period: str) -> None:
        """Open on `subject` for `period` (from the calendar: "2026-10" or "2026Q3")."""
        self.set_subject(subject)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self.year_spin.setValue(int(period[:4]))
        if kind == cat.MONTH:
            self.part_combo.setCurrentIndex(int(period[5:7]) - 1)
        elif kind in (cat.QUARTER, cat.HALF):
            self.part_combo.setCurrentIndex(int(period[-1]) - 1)
        self._suggest_title()

    def period(self) -> str:
        """"2026-10" / "2026Q3" / "2026H1" / "2026" / the event date."""
        kind, year, part = self.kind(), self.year_spin.value(), self.part_combo.currentIndex() + 1
        if kind == cat.MONTH:
            return f"{year}-{part:02d}"
        if kind == cat.QUARTER:
            return f"{year}Q{part}"
        if kind == cat.HALF:
            return f"{year}H{part}"
        if kind == cat.YEAR:
            return str(year)
        return to_date(self.event_edit).isoformat()

    def _on_subject(self, *_args) -> None:
        entry = self.catalogue.get(self.subject())
        if entry is None:  # a category heading cannot be chosen
            return
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(entry.period_kind))
        self._on_kind()

    def _on_kind(self, *_args) -> None:
        kind = self.kind()
        self.part_combo.blockSignals(True)
        self.part_combo.clear()
        last_year, last_month = _previous_month(self._today)
        year, part = self._today.year, 1
        if kind == cat.MONTH:
            self.part_combo.addItems([self.tr("{n} 月").format(n=n) for n in range(1, 13)])
            year, part = last_year, last_month
        elif kind == cat.QUARTER:
            self.part_combo.addItems([self.tr("第 {n} 季度").format(n=n) for n in range(1, 5)])
            quarter = (self._today.month - 1) // 3  # the quarter that ended last
            year, part = (self._today.year - 1, 4) if quarter == 0 else (self._today.year, quarter)
        elif kind == cat.HALF:
            self.part_combo.addItems([self.tr("上半年"), self.tr("下半年")])
            year, part = (self._today.year - 1, 2) if self._today.month <= 6 else (self._today.year, 1)
        elif kind == cat.YEAR:
            year = self._today.year - 1
        self.part_combo.setVisible(kind in (cat.MONTH, cat.QUARTER, cat.HALF))
        self.part_combo.setCurrentIndex(part - 1)
        self.part_combo.blockSignals(False)
        self.year_spin.blockSignals(True)
        self.year_spin.setValue(year)
        self.year_spin.blockSignals(False)
        self.period_stack.setCurrentIndex(1 if kind == cat.AD_HOC else 0)
        self._suggest_title()

    def _on_title_edited(self, _text: str) -> None:
        self._title_touched = True

    def _suggest_title(self, *_args) -> None:
        if self._title_touched or not self.subject():
            return
        when = cat.period_label(self.kind(), self.period()) if self.kind() != cat.AD_HOC else ""
        entry = self.catalogue.get(self.subject())
        label = catalogue_label(entry) if entry else subject_label(self.subject())
        self.title_edit.setText(self.tr("{when}{subject}公开").format(when=when, subject=label))

    # --- create -------------------------------------------------------------------

    def accept(self) -> None:
        """Create the draft, or explain why not and stay open (a duplicate is asked about)."""
        self._create(allow_duplicate=False)

    def _create(self, allow_duplicate: bool) -> None:
        kind = self.kind()
        created = run_op(self, lambda: ds.create_item(
            self._session, self.subject(), self.period(), self.title_edit.text(), self.content_edit.toPlainText(),
            period_kind=kind, event_date=to_date(self.event_edit) if kind == cat.AD_HOC else None,
            allow_duplicate=allow_duplicate),
            on_failure=self._on_failure)
        if not created:
            return
        self.item_id = created.value.id
        super().accept()

    def _on_failure(self, exc: BaseException) -> None:
        if isinstance(exc, DuplicateRecord):
            self.message.clear_message()
            self.duplicate_box = ask_duplicate(self, exc, self._open_existing,
                                               lambda: self._create(allow_duplicate=True))
        else:
            self.message.show_failure(exc)

    def _open_existing(self, item_id: str) -> None:
        self.item_id = item_id
        self.opened_existing = True
        super().accept()
