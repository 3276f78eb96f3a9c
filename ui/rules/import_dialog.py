"""导入文本: paste a rule text or open a .txt/.docx, see how it splits, then save a draft.

Nothing is saved until 导入: the preview is `rules_service.preview` (the
parser, pure). If the split is wrong, the person fixes the text on the left
(e.g. puts 第三条 on its own line) and the preview follows.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import rule_files, rules_service
from desktop.services.session import Session
from models.rules.parser import ParseResult, is_problem
from ui.errors import message_text
from ui.operations import run_op, run_query
from ui.widgets.field_message import FieldMessage
from ui.widgets.palette import AMBER, GREY
from ui.widgets.primary_button import make_primary
from ui.widgets.rule_labels import kind_label, trigger_label
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.screen_fit import resize_within_screen, scroll_dialog_body


def _title_from_preamble(preamble: str) -> str:
    """A plain first line such as "青山村村规民约" (the parser only knows "# 标题")."""
    first = next((line.strip() for line in preamble.splitlines() if line.strip()), "")
    if first and len(first) <= 40 and not any(c in first for c in "。;;,,::!!??"):
        return first
    return ""


class ImportDialog(QDialog):
    """Import a text as a new draft. `imported(version_id)` after saving."""

    imported = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None,
                 rule_set_id: str | None = None, rule_set_title: str = ""):
        super().__init__(parent)
        self._session = session
        self._rule_set_id = rule_set_id
        self.result: ParseResult | None = None
        self.version_id: str | None = None
        self._title_touched = False
        self._source_name = ""  # the file the text came from: its name is the title when the text has none
        self._suggested_title = ""  # suggested once per change, so a name the person cleared stays cleared
        self.setWindowTitle(self.tr("导入村规民约文本"))
        resize_within_screen(self, 960, 620)

        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(self.tr(
            "把村规民约的全文粘贴到这里(Ctrl+V),或点“打开文件…”选择 .txt / .docx 文件。\n"
            "右边会马上显示分成了几章几条。分得不对时,直接在这里改文字,例如让“第三条”另起一行。"))
        self.open_button = QPushButton(self.tr("打开文件…"))
        self.open_button.clicked.connect(self.ask_open_file)
        self.file_message = FieldMessage()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.update_preview)
        self.text_edit.textChanged.connect(self._timer.start)

        self.summary_label = ScaledLabel("", 1.1, bold=True)
        self.summary_label.setWordWrap(True)
        # The parser's notes: what it chose in grey, what the person should check in the original amber.
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextFormat(Qt.TextFormat.RichText)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("条号"), self.tr("章"), self.tr("条文")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("国")
        self.table.setColumnWidth(0, em * 6)
        self.table.setColumnWidth(1, em * 8)

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("例如:青山村村规民约"))
        self.title_edit.textEdited.connect(self._on_title_edited)
        self.kind_combo = QComboBox()
        for code in rules_service.KINDS:
            self.kind_combo.addItem(kind_label(code), code)
        self.trigger_combo = QComboBox()
        for code in rules_service.TRIGGERS:
            self.trigger_combo.addItem(trigger_label(code), code)
        self.trigger_combo.setCurrentIndex(self.trigger_combo.findData("other"))
        self.as_version_check = QCheckBox(self.tr("作为“{title}”的新版本导入").format(title=rule_set_title))
        self.as_version_check.setVisible(rule_set_id is not None)
        self.as_version_check.setChecked(rule_set_id is not None)
        self.as_version_check.toggled.connect(self.kind_combo.setDisabled)
        self.kind_combo.setDisabled(rule_set_id is not None)
        self.message = FieldMessage()
        self.import_button = make_primary(QPushButton(self.tr("导入")))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_now)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.reject)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("原文:")))
        top.addStretch(1)
        top.addWidget(self.open_button)
        left_layout.addLayout(top)
        left_layout.addWidget(self.text_edit, 1)
        left_layout.addWidget(self.file_message)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.summary_label)
        right_layout.addWidget(self.notes_label)
        right_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        form = QFormLayout()
        form.addRow(self.tr("名称:"), self.title_edit)
        kinds = QHBoxLayout()
        kinds.addWidget(self.kind_combo)
        kinds.addWidget(QLabel(self.tr("修订原因:")))
        kinds.addWidget(self.trigger_combo)
        kinds.addWidget(self.as_version_check)
        kinds.addStretch(1)
        form.addRow(self.tr("类别:"), kinds)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        scroll_dialog_body(self, buttons)
        self.update_preview()

    # ----- input --------------------------------------------------------------------------

    def ask_open_file(self) -> None:
        """The open-file dialog, then `load_file`."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开村规民约文本"), "",
                                              self.tr("文本或 Word 文件 (*.txt *.docx);;所有文件 (*)"))
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> bool:
        """Read `path` into the text box; an unreadable file is explained under it."""
        read = run_query(self, lambda: rule_files.read_text(path),
                         on_failure=lambda exc: self._explain_unread(path, exc))
        if not read:
            return False
        self._source_name = Path(path).name
        self.text_edit.setPlainText(read.value)
        self.file_message.show_ok(self.tr("已读入“{name}”。").format(name=Path(path).name))
        self.update_preview()
        return True

    def _explain_unread(self, path: Path, exc: BaseException) -> None:
        """Under the file button: a locked or vanished file in words about this file, else the refusal."""
        if isinstance(exc, OSError):
            self.file_message.show_error(self.tr("读不出“{name}”,请确认文件没有被别的程序占用。").format(
                name=Path(path).name))
        else:
            self.file_message.show_failure(exc)

    def _on_title_edited(self, _text: str) -> None:
        self._title_touched = True

    # ----- preview ------------------------------------------------------------------------

    def update_preview(self) -> None:
        """Parse the text now and show the split."""
        self._timer.stop()
        text = self.text_edit.toPlainText()
        if not text.strip():
            self.result = None
            self.summary_label.setText(self.tr("还没有文本。"))
            self.notes_label.clear()
            self.table.setRowCount(0)
            self.import_button.setEnabled(False)
            return
        result = rules_service.preview(text, self._source_name)
        self.result = result
        if result.chapters:
            summary = self.tr("分成 {c} 章、{n} 条").format(c=len(result.chapters), n=len(result.articles))
        else:
            summary = self.tr("共 {n} 条(不分章)").format(n=len(result.articles))
        self.summary_label.setText(summary)
        self.notes_label.setText("<br>".join(
            f"<span style='color:{(AMBER if problem else GREY).name()}'>· {escape(text)}</span>"
            for text, problem in self.note_lines()))
        self.notes_label.setVisible(bool(result.notes))
        self.table.setRowCount(len(result.articles))
        for row, a in enumerate(result.articles):
            for column, value in enumerate((a.label, a.chapter, a.text.replace("\n", " "))):
                item = QTableWidgetItem(value)
                if column == 2:
                    item.setToolTip(a.text)
                self.table.setItem(row, column, item)
        title = result.title or _title_from_preamble(result.preamble)
        if title and not self._title_touched and title != self._suggested_title:
            self.title_edit.setText(title)  # the name field is the one that counts: no file-name fallback on saving
            self._suggested_title = title
        self.import_button.setEnabled(bool(result.articles))

    def note_lines(self) -> list[tuple[str, bool]]:
        """The parser's notes as shown, each with whether it is a problem (amber) or a choice (grey)."""
        notes = self.result.notes if self.result else []
        return [(message_text(m), is_problem(m)) for m in notes]

    def article_count(self) -> int:
        """Articles in the preview."""
        return len(self.result.articles) if self.result else 0

    def chapter_count(self) -> int:
        """Chapters in the preview."""
        return len(self.result.chapters) if self.result else 0

    # ----- saving -------------------------------------------------------------------------

    def import_text_now(self, text: str, title: str) -> str | None:
        """Put `text` and `title` in the form and import (what a test or a script calls)."""
        self.text_edit.setPlainText(text)
        self.title_edit.setText(title)
        self._title_touched = True
        self.update_preview()
        return self.import_now()

    def import_now(self) -> str | None:
        """Save the text as a new draft; returns the version id (None when refused)."""
        self.update_preview()
        rule_set_id = self._rule_set_id if self.as_version_check.isChecked() else None
        imported = run_op(self, lambda: rules_service.import_text(
            self._session, self.text_edit.toPlainText(), self.title_edit.text(),
            self.kind_combo.currentData(), rule_set_id, self.trigger_combo.currentData()),
            on_failure=self.message.show_failure)
        if not imported:
            return None
        version, _result = imported.value
        self.version_id = version.id
        self.imported.emit(version.id)
        self.accept()
        return version.id
