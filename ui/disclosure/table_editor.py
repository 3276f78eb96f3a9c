"""The 财务公开表 editor: 期初余额, the line items, 期末余额, live totals and the balance check.

The check is `models.disclosure.financial_table.check`, the same the service
runs at submission: red for what blocks (账不平, a line without amount), amber
for what villagers complain about (a line that only says “其他”).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.disclosure import financial_table as ft
from models.disclosure.money import MoneyError, format_fen, parse_fen
from models.meetings.quorum import ERROR, WARNING, Finding
from ui.disclosure.lines_model import INCOME, FinancialLinesModel, FinancialLinesView
from ui.widgets.disclosure_labels import yuan
from ui.widgets.findings import finding_text
from ui.widgets.palette import AMBER, GREEN, GREY, INVALID_FIELD_BACKGROUND, RED

_INVALID_STYLE = f"QLineEdit {{ border: 1px solid {RED.name()}; background: {INVALID_FIELD_BACKGROUND.name()}; }}"


class FinancialTableEditor(QWidget):
    """Balances, lines and the check. `changed` after every edit."""

    changed = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        em = self.fontMetrics().horizontalAdvance("国")
        self.model = FinancialLinesModel(self)
        self._carried: ft.Carried | None = None
        self.view = FinancialLinesView(self.model)
        self.opening_edit = QLineEdit()
        self.closing_edit = QLineEdit()
        for edit in (self.opening_edit, self.closing_edit):
            edit.setPlaceholderText("0.00")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setMaximumWidth(em * 10)
            edit.setMinimumWidth(em * 7)  # "832,671.80" whole, not ",671.80"
            edit.textChanged.connect(self._on_changed)
        self.opening_edit.returnPressed.connect(lambda: self.view.start_typing(0, 0))
        self.add_row_button = QPushButton(self.tr("增加一行"))
        self.add_row_button.clicked.connect(self.add_row)
        self.remove_row_button = QPushButton(self.tr("删除所在行"))
        self.remove_row_button.clicked.connect(self.remove_current_row)
        self.import_button = QPushButton(self.tr("导入 Excel 台账…"))
        self.import_button.clicked.connect(self.import_requested)
        self.totals_label = QLabel()
        self.totals_label.setWordWrap(True)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        self.check_label.setTextFormat(Qt.TextFormat.RichText)
        self.hint = hint = QLabel(self.tr("直接打字填写,回车到下一格;最后一格回车自动加一行。"
                              "日期只写“3”即为本月 3 日;金额可写 1,234.5 或 1234.50元。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("期初余额(元):")))
        top.addWidget(self.opening_edit)
        top.addStretch(1)
        top.addWidget(self.add_row_button)
        top.addWidget(self.remove_row_button)
        top.addWidget(self.import_button)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("期末余额(元):")))
        bottom.addWidget(self.closing_edit)
        bottom.addSpacing(16)
        bottom.addWidget(self.totals_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.check_label)
        self.model.edited.connect(self._on_changed)
        self._on_changed()

    # --- contents -------------------------------------------------------------

    def set_table(self, opening_fen: int, closing_fen: int, lines: list[ft.Line]) -> None:
        """Show a saved table."""
        self.opening_edit.setText(format_fen(opening_fen) if opening_fen or lines else "")
        self.closing_edit.setText(format_fen(closing_fen) if closing_fen or lines else "")
        self.model.set_lines(lines)

    def typed_state(self) -> dict:
        """What is typed, as texts (balances and rows): kept as a draft, compared to tell unsaved work."""
        return {"opening": self.opening_edit.text().strip(), "closing": self.closing_edit.text().strip(),
                "rows": self.model.typed_rows()}

    def set_typed_state(self, state: dict) -> None:
        """Put a `typed_state` back on screen."""
        self.opening_edit.setText(str(state.get("opening", "")))
        self.closing_edit.setText(str(state.get("closing", "")))
        self.model.set_typed_rows(list(state.get("rows", [])))

    def set_carried(self, carried: ft.Carried | None) -> None:
        """The last posted month's 期末余额: a 期初余额 typed otherwise is warned about."""
        self._carried = carried
        self._on_changed()

    def set_editable(self, editable: bool) -> None:
        """Draft tables are typed into; submitted ones are read (call before `set_table`)."""
        self.model.set_editable(editable)
        for edit in (self.opening_edit, self.closing_edit):
            edit.setReadOnly(not editable)
        for button in (self.add_row_button, self.remove_row_button, self.import_button):
            button.setEnabled(editable)
        # "直接打字填写…" would invite the committee (or anyone after submission) to type into a table
        # that takes no keys: the hint is for the one who fills the table in.
        self.hint.setVisible(editable)

    def add_row(self) -> None:
        """A new empty row at the end, ready to type into."""
        row = self.model.append_row()
        self.view.start_typing(row, 0)

    def remove_current_row(self) -> None:
        """Delete the row the cursor is on."""
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove_row(index.row())

    def import_lines(self, lines: list[ft.Line], opening_fen: int | None) -> None:
        """Put imported lines in the table (after the rows already typed), and the opening balance if read."""
        self.view.commit_editor()
        self.model.set_lines(self.model.lines() + self.model.completed(list(lines)))
        if opening_fen is not None:
            self.opening_edit.setText(format_fen(opening_fen))

    def _balance(self, edit: QLineEdit) -> tuple[int, str]:
        text = edit.text().strip()
        if not text:
            return 0, ""
        try:
            return parse_fen(text, allow_negative=True), ""
        except MoneyError as exc:
            return 0, exc.reason

    def opening_fen(self) -> int:
        """The opening balance (0 when blank or unreadable; see `input_errors`)."""
        return self._balance(self.opening_edit)[0]

    def closing_fen(self) -> int:
        """The closing balance (0 when blank or unreadable)."""
        return self._balance(self.closing_edit)[0]

    def lines(self) -> list[ft.Line]:
        """The lines typed so far."""
        return self.model.lines()

    def input_errors(self) -> list[str]:
        """What is typed but is not money (these cells are red): nothing can be saved until fixed."""
        out = []
        for label, edit in ((self.tr("期初余额"), self.opening_edit), (self.tr("期末余额"), self.closing_edit)):
            reason = self._balance(edit)[1]
            if reason:
                out.append(self.tr("{what}“{text}”{reason}").format(what=label, text=edit.text(), reason=reason))
        for n, column, text, reason in self.model.invalid_cells():
            what = self.tr("收入") if column == INCOME else self.tr("支出")
            out.append(self.tr("第 {n} 行{what}“{text}”{reason}").format(n=n, what=what, text=text, reason=reason))
        return out

    def findings(self) -> list[Finding]:
        """The balance check of what is on screen."""
        return ft.check(self.opening_fen(), self.closing_fen(), self.lines(), self.model.month(), self._carried)

    def is_balanced(self) -> bool:
        """No unreadable amount, at least one line and no blocking finding."""
        return (not self.input_errors() and bool(self.lines())
                and not any(f.severity == ERROR for f in self.findings()))

    # --- live check -----------------------------------------------------------

    def _on_changed(self, *_args) -> None:
        for edit in (self.opening_edit, self.closing_edit):
            reason = self._balance(edit)[1]
            edit.setStyleSheet(_INVALID_STYLE if reason else "")
            edit.setToolTip(reason)
        lines = self.lines()
        t = ft.totals(self.opening_fen(), lines)
        self.totals_label.setText(self.tr(
            "共 {n} 笔 · 收入合计 {income} · 支出合计 {expense} · 期初 + 收入 − 支出 = {computed}").format(
            n=len(lines), income=yuan(t.income), expense=yuan(t.expense), computed=yuan(t.computed_closing)))
        parts = [f"<div style='color:{RED.name()}; margin-bottom:3px'>✖ {escape(text)}</div>"
                 for text in self.input_errors()]
        if lines:
            unreadable = {n for n, *_ in self.model.invalid_cells()}  # already said: “… 不是数字”, not “没有金额”
            for f in self.findings():
                if f.message.template == ft.NO_AMOUNT and f.message.params.get("n") in unreadable:
                    continue
                color = RED if f.severity == ERROR else AMBER if f.severity == WARNING else GREEN
                mark = "✖" if f.severity == ERROR else "⚠"
                parts.append(f"<div style='color:{color.name()}; margin-bottom:3px'>{mark} "
                             f"{escape(finding_text(f))}</div>")
            if not parts:
                parts.append(f"<div style='color:{GREEN.name()}'>✔ " + escape(self.tr(
                    "账平:期初 + 收入 − 支出 = 期末 {closing}。").format(closing=yuan(self.closing_fen()))) + "</div>")
        else:
            differs = ft.opening_differs(self.opening_fen(), self._carried)
            if differs is not None and self.opening_edit.text().strip():
                parts.append(f"<div style='color:{AMBER.name()}; margin-bottom:3px'>⚠ "
                             f"{escape(finding_text(differs))}</div>")
            parts.append(f"<div style='color:{GREY.name()}'>{escape(self.tr('还没有收支明细。'))}</div>")
        self.check_label.setText("".join(parts))
        self.changed.emit()

    def blocking_reasons(self) -> list[str]:
        """The errors that keep the table from being submitted, as the check below the table says them."""
        return [finding_text(f) for f in self.findings() if f.severity == ERROR]

    def check_text(self) -> str:
        """The check as plain text (what the label says)."""
        from PySide6.QtGui import QTextDocumentFragment

        return QTextDocumentFragment.fromHtml(self.check_label.text()).toPlainText()
