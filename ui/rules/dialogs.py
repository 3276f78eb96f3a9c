"""Small dialogs of the 村规民约 page: a blank draft, a history version, a revision."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services import rules_service
from desktop.services.rules_service import ArticleLine
from desktop.services.session import Session
from ui.errors import message_text
from ui.operations import run_op
from ui.widgets.field_message import FieldMessage
from ui.widgets.forms import date_edit, to_date
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.rule_labels import kind_label, trigger_label
from ui.widgets.screen_fit import resize_within_screen


def _trigger_combo() -> QComboBox:
    combo = QComboBox()
    for code in rules_service.TRIGGERS:
        combo.addItem(trigger_label(code), code)
    return combo


def _kind_combo() -> QComboBox:
    combo = QComboBox()
    for code in rules_service.KINDS:
        combo.addItem(kind_label(code), code)
    return combo


class _FormDialog(QDialog):
    """A form, a message line and OK/取消; `created_id` after a successful save."""

    def __init__(self, session: Session, title: str, ok_text: str, parent: QWidget | None):
        super().__init__(parent)
        self._session = session
        self.created_id: str | None = None
        self.setWindowTitle(title)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 36)
        self.form = QFormLayout()
        self.message = FieldMessage()
        self.buttons = ok_cancel(self, ok_text)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        """Save; stay open with the reason when refused."""
        saved = run_op(self, self.save, on_failure=self.message.show_failure)
        if not saved:
            return
        self.created_id = saved.value
        if self.created_id is not None:
            super().accept()

    def save(self) -> str | None:  # pragma: no cover - overridden
        """Write and return the new version's id (None keeps the dialog open)."""
        raise NotImplementedError


class BlankDraftDialog(_FormDialog):
    """空白草案: a new draft with no articles, in the selected rule set or a new one."""

    def __init__(self, session: Session, parent: QWidget | None = None,
                 rule_set_id: str | None = None, rule_set_title: str = ""):
        super().__init__(session, self.tr("新建空白草案"), self.tr("新建"), parent)
        self._rule_set_id = rule_set_id
        self.title_edit = QLineEdit(rule_set_title)
        self.title_edit.setPlaceholderText(self.tr("例如:青山村村规民约"))
        self.kind_combo = _kind_combo()
        self.kind_combo.setEnabled(rule_set_id is None)
        self.trigger_combo = _trigger_combo()
        self.form.addRow(self.tr("名称:"), self.title_edit)
        self.form.addRow(self.tr("类别:"), self.kind_combo)
        self.form.addRow(self.tr("修订原因:"), self.trigger_combo)
        if rule_set_id:
            self.form.addRow(QLabel(self.tr("将作为“{title}”的新版本。").format(title=rule_set_title)))

    def save(self) -> str | None:
        """Create the rule set when needed, then the empty draft."""
        rule_set_id = self._rule_set_id
        if rule_set_id is None:
            rule_set_id = rules_service.create_rule_set(self._session, self.title_edit.text(),
                                                        self.kind_combo.currentData()).id
            self._rule_set_id = rule_set_id  # a second try must not create it twice
        version = rules_service.new_draft(self._session, rule_set_id, self.title_edit.text(),
                                          self.trigger_combo.currentData())
        return version.id


class HistoryDialog(_FormDialog):
    """补录历史版本: a version adopted before the app existed, from its paper text."""

    def __init__(self, session: Session, parent: QWidget | None = None,
                 rule_set_id: str | None = None, rule_set_title: str = ""):
        super().__init__(session, self.tr("补录历史版本"), self.tr("补录"), parent)
        self._rule_set_id = rule_set_id
        self.title_edit = QLineEdit(rule_set_title)
        self.kind_combo = _kind_combo()
        self.kind_combo.setEnabled(rule_set_id is None)
        self.date_edit = date_edit()
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("例如:原件存村档案室,2019年村民会议通过"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(self.tr("粘贴当时通过的全文"))
        self.text_edit.textChanged.connect(self._show_count)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        self.count_label.setWordWrap(True)  # the parser's notes can be several sentences
        self.form.addRow(self.tr("名称:"), self.title_edit)
        self.form.addRow(self.tr("类别:"), self.kind_combo)
        self.form.addRow(self.tr("通过日期:"), self.date_edit)
        self.form.addRow(self.tr("说明:"), self.note_edit)
        self.form.addRow(self.tr("全文:"), self.text_edit)
        self.form.addRow("", self.count_label)
        self.form.addRow(QLabel(self.tr("历史版本只记录当时通过的文本,不补记征集、审核等步骤。")))
        resize_within_screen(self, self.minimumWidth() + 200, 520)

    def _lines(self) -> list[ArticleLine]:
        result = rules_service.preview(self.text_edit.toPlainText())
        return [ArticleLine(a.chapter, a.label, a.text) for a in result.articles]

    def _show_count(self) -> None:
        result = rules_service.preview(self.text_edit.toPlainText())
        text = self.tr("识别出 {n} 条。").format(n=len(result.articles)) if result.articles else ""
        if result.notes:
            text += " " + " ".join(message_text(m) for m in result.notes)
        self.count_label.setText(text)

    def save(self) -> str | None:
        """Create the rule set when needed, then the history version."""
        lines = self._lines()
        if not lines:
            self.message.show_error(self.tr("请粘贴当时通过的全文。"))
            return None
        rule_set_id = self._rule_set_id
        if rule_set_id is None:
            rule_set_id = rules_service.create_rule_set(self._session, self.title_edit.text(),
                                                        self.kind_combo.currentData()).id
            self._rule_set_id = rule_set_id
        version = rules_service.enter_history(self._session, rule_set_id, self.title_edit.text(),
                                              to_date(self.date_edit), lines, self.note_edit.text())
        return version.id


class ReviseDialog(_FormDialog):
    """修订: a new draft holding a copy of the selected adopted version."""

    def __init__(self, session: Session, version_id: str, base_label: str, base_title: str,
                 parent: QWidget | None = None):
        super().__init__(session, self.tr("修订"), self.tr("开始修订"), parent)
        self._version_id = version_id
        self.trigger_combo = _trigger_combo()
        self.title_edit = QLineEdit(base_title)
        self.form.addRow(QLabel(self.tr("从“{base}”复制全文,新建一个修订草案。").format(base=base_label)))
        self.form.addRow(self.tr("修订原因:"), self.trigger_combo)
        self.form.addRow(self.tr("名称:"), self.title_edit)

    def save(self) -> str | None:
        """Start the revision."""
        return rules_service.revise(self._session, self._version_id, self.trigger_combo.currentData(),
                                    self.title_edit.text()).id
