"""The article editor of a draft: add, delete, move, chapters, save with renumbering.

The articles are held in memory (`lines`) while the person edits; 保存 hands
them to `rules_service.save_articles`, which renumbers them 第一条, 第二条, …
and refuses once the version is adopted. The legality check is a pure
function, so it runs again on every keystroke: the marker column and the
finding under the text follow the typing.

When the township's opinion came with per-article comments, each one sits
in a tinted 乡镇意见 line under its article (and in full beside the text
while that article is edited); a comment on the whole text sits above the
table. The comments follow their article when it is moved; once the text has
been changed since the review they say so (针对报审时的文本, with the
article's number in the text that was reviewed).

An `ui.widgets.unsaved.UnsavedEditor`: the typed articles are kept as a
draft a few seconds after each change until saved or 放弃修改, the rules page
asks before its selection leaves a version with unsaved articles, and a
re-read of the same version (a refresh after another change) keeps the typing.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import rules_service
from desktop.services.rules_service import ArticleComment, ArticleLine, VersionView
from desktop.services.session import Session
from models.legal import chinese_number
from models.roles import Permission
from models.rules import legality
from models.rules.legality import ERROR, LegalityFinding
from ui.operations import run_op, run_query
from ui.rules.comment_band import BAND_FILL, BAND_ROLE, BAND_TEXT, CommentBandDelegate, band_height
from ui.widgets.dialogs import ask_confirm
from ui.widgets.field_message import FieldMessage
from ui.widgets.findings import legality_html
from ui.widgets.palette import AMBER, BANNER_STYLE, GREEN, GREY, RED
from ui.widgets.primary_button import make_primary
from ui.widgets.scroll import transparent_scroll
from ui.widgets.unsaved import EditGuard

MARK, LABEL, CHAPTER, TEXT = range(4)


class ArticleEditor(QWidget):
    """Articles of one version. `saved()` after a successful save."""

    saved = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.version_id: str | None = None
        self.judged_on: str | None = None
        self.lines: list[ArticleLine] = []
        self.findings: list[list[LegalityFinding]] = []
        #: The township's comments, row by row (they move with their article), and those on no article.
        self.comments: list[list[ArticleComment]] = []
        self.general_comments: list[ArticleComment] = []
        self.editable = False
        self.dirty = False
        self._title = ""
        self._loading = False
        self.pending_box: QMessageBox | None = None

        self.banner = QLabel(self.tr("已通过的版本不能修改,请点“修订”从它新建一个修订草案。"))
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.general_label = QLabel()
        self.general_label.setWordWrap(True)
        self.general_label.setTextFormat(Qt.TextFormat.RichText)
        self.general_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.general_label.setStyleSheet(
            f"background: {BAND_FILL.name()}; border: 1px solid #b7cbe6; border-radius: 4px;"
            f" padding: 6px 10px; color: {BAND_TEXT.name()};")
        self.general_label.hide()

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["", self.tr("条号"), self.tr("章"), self.tr("条文")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("国")
        self.table.setColumnWidth(MARK, em * 2)
        self.table.setColumnWidth(LABEL, em * 6)
        self.table.setColumnWidth(CHAPTER, em * 8)
        self._row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setItemDelegate(CommentBandDelegate(self._row_height, LABEL, self.table))
        self.table.itemSelectionChanged.connect(self._on_selection)
        header.sectionResized.connect(self._on_column_resized)

        self.chapter_combo = QComboBox()
        self.chapter_combo.setEditable(True)
        self.chapter_combo.setMinimumContentsLength(14)
        self.chapter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chapter_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.chapter_combo.lineEdit().setPlaceholderText(self.tr("不分章可留空"))
        self.chapter_combo.currentTextChanged.connect(self._on_chapter_edited)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(self.tr("在这里写这一条的内容。"))
        self.text_edit.textChanged.connect(self._on_text_edited)
        self.findings_label = QLabel()
        self.findings_label.setWordWrap(True)
        self.findings_label.setTextFormat(Qt.TextFormat.RichText)
        self.findings_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.findings_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.add_button = QPushButton(self.tr("添加一条"))
        self.add_button.setToolTip(self.tr("在所选条文后面添加一条 (Insert)"))
        self.delete_button = QPushButton(self.tr("删除"))
        self.delete_button.setToolTip(self.tr("删除所选条文 (Delete)"))
        self.up_button = QPushButton(self.tr("上移"))
        self.up_button.setToolTip(self.tr("上移 (Ctrl+↑)"))
        self.down_button = QPushButton(self.tr("下移"))
        self.down_button.setToolTip(self.tr("下移 (Ctrl+↓)"))
        self.revert_button = QPushButton(self.tr("放弃修改"))
        self.revert_button.setToolTip(self.tr("回到上次保存的条文"))
        self.save_button = make_primary(QPushButton(self.tr("保存条文")))
        self.save_button.setToolTip(self.tr("保存并自动重新编号 (Ctrl+S)"))
        self.add_button.clicked.connect(self.add_article)
        self.delete_button.clicked.connect(self.ask_delete)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.message = FieldMessage()

        shortcuts = (
            (QKeySequence(Qt.Key.Key_Insert), self, self.add_article),
            (QKeySequence(Qt.Key.Key_Delete), self.table, self.ask_delete),
            (QKeySequence("Ctrl+Up"), self.table, lambda: self.move_selected(-1)),
            (QKeySequence("Ctrl+Down"), self.table, lambda: self.move_selected(1)),
            (QKeySequence.StandardKey.Save, self, self.save),
        )
        for keys, owner, slot in shortcuts:
            shortcut = QShortcut(keys, owner)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut if owner is self
                                else Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        chapter_row = QHBoxLayout()
        chapter_row.addWidget(QLabel(self.tr("所属章节:")))
        chapter_row.addWidget(self.chapter_combo, 1)
        lower_layout.addLayout(chapter_row)
        texts = QHBoxLayout()
        texts.addWidget(self.text_edit, 3)
        texts.addWidget(transparent_scroll(self.findings_label), 2)
        lower_layout.addLayout(texts, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.general_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.guard = EditGuard(self, area="rules")

    # ----- loading ------------------------------------------------------------------------

    def set_view(self, view: VersionView) -> None:
        """Show the articles of `view`; the same version read again keeps unsaved typing."""
        if self.is_dirty() and view.id == self.version_id:
            return  # a refresh after another change must not throw away what is being typed
        self.version_id = view.id
        self.judged_on = view.judged_on or None  # the legality check cites the 组织法 in force on it
        self._title = self.tr("{title}(第{no}版)").format(title=view.title, no=view.version_no)
        self.lines = [ArticleLine(a.chapter, a.label, a.text) for a in view.articles]
        self.editable = view.editable and self._session.can(Permission.EDIT_RECORDS)
        self.banner.setVisible(not view.editable)
        by_article: list[list[LegalityFinding]] = [[] for _ in self.lines]
        for f in view.findings:
            if 1 <= f.article <= len(by_article):
                by_article[f.article - 1].append(f)
        self.findings = by_article
        self.comments = [[] for _ in self.lines]
        self.general_comments = []
        for c in view.article_comments:
            if 1 <= c.position <= len(self.comments):
                self.comments[c.position - 1].append(c)
            else:
                self.general_comments.append(c)
        self.dirty = False
        self.message.clear_message()
        self._fill_table(0)

    def _fill_table(self, select: int | None) -> None:
        self._loading = True
        self.table.setRowCount(len(self.lines))
        for row in range(len(self.lines)):
            self._fill_row(row)
        self._loading = False
        self._show_general_comments()
        self._refill_chapters()
        for widget in (self.add_button, self.save_button, self.text_edit, self.chapter_combo):
            widget.setEnabled(self.editable)
        self.revert_button.setEnabled(self.editable and self.dirty)
        self.text_edit.setReadOnly(not self.editable)
        if self.lines and select is not None:
            self.table.selectRow(max(0, min(select, len(self.lines) - 1)))
        self._on_selection()

    def _fill_row(self, row: int) -> None:
        line = self.lines[row]
        label = line.label or self.tr("(新)")
        values = {LABEL: label, CHAPTER: line.chapter, TEXT: line.text.replace("\n", " ")}
        for column, value in values.items():
            item = self._item(row, column)
            item.setText(value)
            if column == TEXT:
                item.setToolTip(line.text)
        mark = self._item(row, MARK)
        found = self.findings[row] if row < len(self.findings) else []
        if found:
            worst = any(f.severity == ERROR for f in found)
            mark.setText("✖" if worst else "⚠")
            mark.setForeground(RED if worst else AMBER)
            mark.setToolTip(self.tr("这一条可能有问题,选中后在下方查看原因。"))
        else:
            mark.setText("")
            mark.setToolTip("")
        mark.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self._fill_band(row)

    def comment_text(self, comment: ArticleComment) -> str:
        """A comment as shown: said to be on the reviewed text once the text changed since."""
        if comment.on_current_text:
            return comment.comment
        if comment.position:
            where = self.tr("针对报审时的文本第{n}条").format(n=chinese_number(comment.position))
        else:
            where = self.tr("针对报审时的文本")
        return self.tr("({where}){comment}").format(where=where, comment=comment.comment)

    def _fill_band(self, row: int) -> None:
        """The tinted 乡镇意见 line under the article (none: the row as usual)."""
        found = self.comments[row] if row < len(self.comments) else []
        text = "  ".join(self.comment_text(c) for c in found)
        for column in range(self.table.columnCount()):
            item = self._item(row, column)
            band = None
            if found:
                band = self.tr("乡镇意见") if column == LABEL else text if column == TEXT else ""
            item.setData(BAND_ROLE, band)
        if found:
            self._item(row, TEXT).setToolTip(self.tr("{text}\n\n乡镇意见:{comment}").format(
                text=self.lines[row].text, comment=text))
        self._fit_row(row)

    def _fit_row(self, row: int) -> None:
        """The row's own line, plus the band wrapped to the 条文 column's width."""
        text = self._item(row, TEXT).data(BAND_ROLE)
        extra = band_height(self.table.fontMetrics(), text, self.table.columnWidth(TEXT)) if text else 0
        self.table.setRowHeight(row, self._row_height + extra)

    def _on_column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == TEXT:
            for row in range(self.table.rowCount()):
                if row < len(self.comments) and self.comments[row]:
                    self._fit_row(row)

    def band_texts(self) -> list[str]:
        """The 乡镇意见 line under each article ("" for none), for tests."""
        return [self._item(r, TEXT).data(BAND_ROLE) or "" for r in range(self.table.rowCount())]

    def _show_general_comments(self) -> None:
        shown = []
        for c in self.general_comments:
            text = self.comment_text(c)
            if c.position and c.on_current_text:  # its article was deleted while editing
                text = self.tr("(针对删除的第{n}条){comment}").format(n=chinese_number(c.position), comment=c.comment)
            shown.append(text)
        self.general_label.setVisible(bool(shown))
        self.general_label.setText("<b>" + escape(self.tr("乡镇意见(全文):")) + "</b>"
                                   + "<br>".join(escape(t) for t in shown))

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            self.table.setItem(row, column, item)
        return item

    def _refill_chapters(self) -> None:
        current = self.chapter_combo.currentText()
        self._loading = True
        self.chapter_combo.clear()
        seen = []
        for line in self.lines:
            if line.chapter and line.chapter not in seen:
                seen.append(line.chapter)
        self.chapter_combo.addItem("")
        self.chapter_combo.addItems(seen)
        self.chapter_combo.setEditText(current)
        self._loading = False

    # ----- selection and typing -----------------------------------------------------------

    def select_article(self, row: int) -> None:
        """Select the article in `row` and scroll it into the middle of the table (a search hit opened here)."""
        if not 0 <= row < self.table.rowCount():
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.table.model().index(row, TEXT), QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus()

    def selected_row(self) -> int | None:
        """The selected article's row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _on_selection(self) -> None:
        row = self.selected_row()
        has = row is not None
        self._loading = True
        self.text_edit.setPlainText(self.lines[row].text if has else "")
        self.chapter_combo.setEditText(self.lines[row].chapter if has else "")
        self._loading = False
        self.delete_button.setEnabled(has and self.editable)
        self.up_button.setEnabled(has and self.editable and row > 0)
        self.down_button.setEnabled(has and self.editable and row < len(self.lines) - 1)
        self._show_findings(row)

    def _show_findings(self, row: int | None) -> None:
        total = sum(len(f) for f in self.findings)
        if row is not None and row < len(self.findings) and self.findings[row]:
            html = "".join(legality_html(f) for f in self.findings[row])
        elif total:
            html = f"<span style='color:{GREY.name()}'>" + escape(self.tr(
                "这一条没有发现问题。全文共有 {n} 处可能违法或需要注意的地方,见左侧标记。").format(n=total)) + "</span>"
        else:
            html = f"<span style='color:{GREEN.name()}'>" + escape(self.tr("合法性检查:没有发现明显的问题。")) + "</span>"
        self.findings_label.setText(self._comments_html(row) + html)

    def _comments_html(self, row: int | None) -> str:
        """The selected article's 乡镇意见 in full, tinted, above the legality findings."""
        if row is None or row >= len(self.comments) or not self.comments[row]:
            return ""
        body = "<br>".join(escape(self.comment_text(c)) for c in self.comments[row])
        return (f"<table width='100%' cellpadding='6' style='background-color:{BAND_FILL.name()};"
                f" margin-bottom:6px'><tr><td style='color:{BAND_TEXT.name()}'><b>"
                + escape(self.tr("乡镇意见:")) + f"</b>{body}</td></tr></table>")

    def _on_text_edited(self) -> None:
        row = self.selected_row()
        if self._loading or row is None or not self.editable:
            return
        text = self.text_edit.toPlainText()
        self.lines[row].text = text
        self.findings[row] = legality.check_text(text, row + 1, on=self.judged_on)
        self._mark_dirty()
        self._fill_row(row)
        self._show_findings(row)

    def _on_chapter_edited(self, text: str) -> None:
        row = self.selected_row()
        if self._loading or row is None or not self.editable:
            return
        self.lines[row].chapter = text.strip()
        self._mark_dirty()
        self._fill_row(row)

    def _mark_dirty(self) -> None:
        if not self.dirty:
            self.dirty = True
            self.revert_button.setEnabled(self.editable)
            self.message.show_hint(self.tr("有修改尚未保存。"))
        self.guard.changed()

    def revert(self) -> None:
        """Drop unsaved edits (放弃修改): read the saved articles again; the kept draft goes."""
        if self.version_id is None:
            return
        reread = run_query(self, lambda: rules_service.view(self.version_id), on_failure=self.message.show_failure)
        if reread:
            self.dirty = False
            self.guard.settled()
            self.set_view(reread.value)

    # ----- unsaved work (ui.widgets.unsaved.UnsavedEditor) --------------------------------

    def is_dirty(self) -> bool:
        """Whether there are unsaved changes."""
        return self.dirty and self.editable

    def discard(self) -> None:
        """不保存: the saved articles again (as 放弃修改)."""
        self.revert()
        if self.dirty:  # the version could not be read again (deleted meanwhile): forget the typing anyway
            self.dirty = False
            self.guard.settled()

    def draft_key(self) -> str:
        """"rule_version:<id>": the articles are the version's."""
        return f"rule_version:{self.version_id}"

    def draft_title(self) -> str:
        """The version in words, for the question and the restore list."""
        return self.tr("村规民约条文:{version}").format(version=self._title)

    def draft_state(self) -> dict:
        """The articles as typed, and which one was being edited."""
        return {"articles": [{"chapter": a.chapter, "label": a.label, "text": a.text} for a in self.lines],
                "selected": self.selected_row()}

    def restore_draft(self, state: dict) -> None:
        """Put kept articles back (the township's comments then sit above the table, on the whole text)."""
        if not self.editable:
            return
        rows = [a for a in state.get("articles", []) if isinstance(a, dict)]
        self.lines = [ArticleLine(str(a.get("chapter", "")), str(a.get("label", "")), str(a.get("text", "")))
                      for a in rows]
        self.general_comments += [c for found in self.comments for c in found]
        self.comments = [[] for _ in self.lines]
        self._recheck()
        self._mark_dirty()
        selected = state.get("selected")
        self._fill_table(selected if isinstance(selected, int) else 0)
        self.message.show_hint(self.tr("已恢复上次没有保存的条文,请检查后保存。"))

    def _recheck(self) -> None:
        self.findings = [legality.check_text(line.text, i, on=self.judged_on)
                         for i, line in enumerate(self.lines, start=1)]

    # ----- editing ------------------------------------------------------------------------

    def add_article(self) -> None:
        """Insert an empty article after the selected one (in its chapter) and start typing."""
        if not self.editable:
            return
        row = self.selected_row()
        at = len(self.lines) if row is None else row + 1
        chapter = self.lines[row].chapter if row is not None else (self.lines[-1].chapter if self.lines else "")
        self.lines.insert(at, ArticleLine(chapter, "", ""))
        self.comments.insert(at, [])
        self._recheck()
        self._mark_dirty()
        self._fill_table(at)
        self.text_edit.setFocus()

    def ask_delete(self) -> QMessageBox | None:
        """Ask before deleting the selected article (it is gone only after 保存)."""
        row = self.selected_row()
        if row is None or not self.editable:
            return None
        line = self.lines[row]
        preview = line.text[:30] + ("……" if len(line.text) > 30 else "")
        self.pending_box = ask_confirm(
            self, self.tr("删除条文"),
            self.tr("删除{label}“{text}”吗?\n保存之前还可以点“放弃修改”找回。").format(
                label=line.label or self.tr("这一条"), text=preview),
            self.tr("删除"), lambda: self.delete_row(row), on_answer=self._forget_box)
        return self.pending_box

    def _forget_box(self) -> None:
        self.pending_box = None

    def delete_row(self, row: int) -> None:
        """Remove article `row` from the draft in memory."""
        self.pending_box = None
        if not self.editable or not 0 <= row < len(self.lines):
            return
        del self.lines[row]
        self.general_comments.extend(self.comments.pop(row))
        self._recheck()
        self._mark_dirty()
        self._fill_table(min(row, len(self.lines) - 1))
        self.table.setFocus()

    def move_selected(self, delta: int) -> None:
        """Move the selected article up (-1) or down (+1)."""
        row = self.selected_row()
        if row is None or not self.editable:
            return
        target = row + delta
        if not 0 <= target < len(self.lines):
            return
        self.lines[row], self.lines[target] = self.lines[target], self.lines[row]
        self.comments[row], self.comments[target] = self.comments[target], self.comments[row]
        self._recheck()
        self._mark_dirty()
        self._fill_table(target)
        self.table.setFocus()

    def save(self) -> bool:
        """Save through the service (auto-renumbering); explains a refusal inline."""
        if self.version_id is None or not self.editable:
            return False
        empty = sum(1 for line in self.lines if not line.text.strip())
        if not run_op(self, lambda: rules_service.save_articles(self._session, self.version_id, self.lines),
                      on_failure=self.message.show_failure):
            return False
        self.dirty = False
        self.guard.settled()
        self.saved.emit()  # the owner reloads the view (and calls set_view)
        note = self.tr("已保存,条号已重新编排。")
        if empty:
            note += self.tr("空白的 {n} 条没有保存。").format(n=empty)
        self.message.show_ok(note)
        return True

    def labels(self) -> list[str]:
        """The labels as shown (for tests)."""
        return [self.table.item(r, LABEL).text() for r in range(self.table.rowCount())]

    def texts(self) -> list[str]:
        """The article texts in order (for tests)."""
        return [line.text for line in self.lines]
