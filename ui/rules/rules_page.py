"""村规民约: the rule sets with their versions on the left, the chosen version on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import rules_service
from desktop.services.rules_service import RuleSetRow, VersionRow
from desktop.services.session import Session
from models.roles import Permission
from models.rules import procedure as proc
from ui.operations import run_op, run_query
from ui.rules.dialogs import BlankDraftDialog, HistoryDialog, ReviseDialog
from ui.rules.diff_view import DiffView
from ui.rules.import_dialog import ImportDialog
from ui.rules.version_panel import VersionPanel
from ui.widgets.abandon import abandon_text, ask_abandon, on_delete_key
from ui.widgets.field_message import FieldMessage
from ui.widgets.palette import GREY
from ui.widgets.primary_button import make_primary
from ui.widgets.rule_labels import kind_label, status_color, status_label
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.screen_fit import resize_within_screen
from ui.widgets.side_panel import SideBySideOrTabs
from ui.widgets.unsaved import hold_selection

_ID = Qt.ItemDataRole.UserRole
_SET = Qt.ItemDataRole.UserRole + 1  # the rule set id, on every item
_REVISABLE = (proc.ST_IN_FORCE, proc.ST_ADOPTED, proc.ST_HISTORY, proc.ST_SUPERSEDED)


class RulesPage(QWidget):
    """The 村规民约 area."""

    def __init__(self, session: Session, parent: QWidget | None = None, paths=None):
        super().__init__(parent)
        self._session = session
        self.rule_sets: list[RuleSetRow] = []
        self.dialog: QDialog | None = None
        can_edit = session.can(Permission.EDIT_RECORDS)

        self.new_button = make_primary(QPushButton(self.tr("新建")))
        new_menu = QMenu(self)
        self.import_action = new_menu.addAction(self.tr("导入文本…"), self.open_import)
        self.blank_action = new_menu.addAction(self.tr("空白草案…"), self.open_blank_draft)
        self.new_button.setMenu(new_menu)
        self.new_button.setEnabled(can_edit)
        self.history_button = QPushButton(self.tr("补录历史版本…"))
        self.history_button.clicked.connect(self.open_history)
        self.history_button.setEnabled(can_edit)
        self.revise_button = QPushButton(self.tr("修订"))
        self.revise_button.setToolTip(self.tr("从所选的已通过版本新建一个修订草案"))
        self.revise_button.clicked.connect(self.open_revise)
        self.compare_button = QPushButton(self.tr("对照…"))
        self.compare_button.setToolTip(self.tr("逐条对照两个版本"))
        self.compare_button.clicked.connect(self.open_compare)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("名称与版本"), self.tr("状态")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setRootIsDecorated(True)
        # The list is narrow beside the version (a 1366-pixel screen at 标准 showed "第3版 2…"): a version
        # takes two short lines ("第3版" / "2026 12条", `_version_text`) instead of one cut line, and
        # 状态 takes only what its longest word needs.
        self.tree.setUniformRowHeights(False)
        self.tree.setIndentation(self.fontMetrics().horizontalAdvance("国"))  # (Qt's 20 px: two levels ate 40)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        em = self.fontMetrics().horizontalAdvance("国")
        self.tree.setMinimumWidth(em * 16)  # room for the panel on a 1366-pixel screen at 大
        self.tree.itemSelectionChanged.connect(self._on_selection)
        self.abandon_button = QPushButton(abandon_text())
        self.abandon_button.setToolTip(self.tr("还没有表决通过的版本可以放弃,移到回收站后可以恢复 (Delete)"))
        self.abandon_button.clicked.connect(self.ask_abandon)
        on_delete_key(self.tree, self.ask_abandon)
        self.pending_box = None
        self.message = FieldMessage()
        self.message.setWordWrap(True)

        self.panel = VersionPanel(session, paths=paths)
        self.panel.changed.connect(self.refresh)
        self.empty_label = ScaledLabel(self.tr(
            "还没有村规民约。\n点“新建 → 导入文本”把现有的村规民约导进来(可以粘贴,也可以打开 Word 或文本文件),"
            "\n或点“补录历史版本”登记以前通过的版本。"), 1.15)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("role", "hint")
        self.pick_label = QLabel(self.tr("在左边选择一个版本。"))
        self.pick_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pick_label.setProperty("role", "hint")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.pick_label)
        self.stack.addWidget(self.panel)

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.revise_button)
        buttons.addWidget(self.compare_button)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.message)
        left_layout.addWidget(self.abandon_button, 0, Qt.AlignmentFlag.AlignLeft)
        # The list beside the version when both fit; on a 1024×600 netbook the two needed 1041 px of
        # 834 at 标准 and the page scrolled sideways, so there they become two tabs (a version picked
        # in the list brings its tab forward, `_on_clicked`).
        self.panes = SideBySideOrTabs(left, self.stack, self.tr("版本列表"), self.tr("所选版本"),
                                      stretch=(1, 4))
        self.panes.splitter.setSizes([em * 24, em * 80])
        self.tree.itemClicked.connect(self._on_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(ScaledLabel(self.tr("村规民约"), 1.5, bold=True))
        top.addSpacing(24)
        top.addLayout(buttons, 1)
        layout.addLayout(top)
        layout.addWidget(self.panes, 1)
        self.refresh()

    # ----- the list -----------------------------------------------------------------------

    def refresh(self, select_id: str | None = None) -> None:
        """Re-read rule sets and versions, keeping (or moving to) the selection."""
        keep = select_id or self.selected_version_id()
        self.rule_sets = rules_service.list_rule_sets()
        self.tree.blockSignals(True)
        self.tree.clear()
        target = None
        first_version = None
        for rs in self.rule_sets:
            top = QTreeWidgetItem([rs.title, kind_label(rs.kind)])
            top.setData(0, _SET, rs.id)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setForeground(1, GREY)
            top.setToolTip(0, rs.title)
            self.tree.addTopLevelItem(top)
            for v in rs.versions:
                child = QTreeWidgetItem([self._version_text(v), status_label(v.status)])
                child.setData(0, _ID, v.id)
                child.setData(0, _SET, rs.id)
                child.setForeground(1, status_color(v.status))
                child.setToolTip(0, f"{v.title}\n{self._version_text(v)}")
                child.setToolTip(1, status_label(v.status))
                top.addChild(child)
                if v.id == keep:
                    target = child
                if first_version is None:
                    first_version = child
            top.setExpanded(True)
        self.tree.blockSignals(False)
        if not self.rule_sets:
            self.stack.setCurrentWidget(self.empty_label)
            self.panel.show_version(None)
        elif target or first_version:
            self.tree.blockSignals(True)  # shown once, below (the selection signal would show it twice)
            self.tree.setCurrentItem(target or first_version)
            self.tree.blockSignals(False)
        else:
            self.stack.setCurrentWidget(self.pick_label)
        self._on_selection()

    def _put_back(self, version_id: str) -> None:
        """The selection back on `version_id` without telling anyone (its articles are being edited)."""
        self.tree.blockSignals(True)
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).data(0, _ID) == version_id:
                    self.tree.setCurrentItem(top.child(j))
        self.tree.blockSignals(False)

    def open_record(self, _tab: str, record: str) -> bool:
        """A search hit: "<version id>" or "<version id>/<article id>" — that version, its 条文 tab, that article.

        False (and a sentence under the list) when the version is gone
        (abandoned since the search).
        """
        version_id, _, article_id = record.partition("/")
        self.refresh(version_id)
        if self.selected_version_id() != version_id:
            self.message.show_error(self.tr("要找的村规民约版本已经不在了(可能已放弃,在回收站里)。"))
            return False
        self.panes.show_side()
        self.panel.body.show_side()
        editor = self.panel.article_editor
        self.panel.tabs.setCurrentWidget(editor)
        if article_id:
            row = run_query(self, lambda: rules_service.article_row(version_id, article_id))
            if row and row.value is not None:
                editor.select_article(row.value)
        return True

    def open_for_draft(self, key: str):
        """恢复未保存的内容: the article editor of a kept draft's version ("rule_version:<id>"), or None."""
        kind, _, version_id = key.partition(":")
        if kind != "rule_version" or not version_id:
            return None
        self.refresh(version_id)
        editor = self.panel.article_editor
        if editor.version_id != version_id or not editor.editable:
            return None
        self.panes.show_side()
        self.panel.body.show_side()
        self.panel.tabs.setCurrentWidget(editor)
        return editor

    def _on_clicked(self, item: QTreeWidgetItem) -> None:
        """A version clicked in the list: its tab forward when list and version are tabs."""
        if item.data(0, _ID):
            self.panes.show_side()

    def _version_text(self, v: VersionRow) -> str:
        """"第3版" over "2026 12条": two short lines fit the narrow list where one long one was cut."""
        when = v.adopted_on or v.started_on
        details = self.tr("{n}条").format(n=v.articles)
        if when:
            details = f"{when[:4]} {details}"
        return self.tr("第{no}版").format(no=v.version_no) + "\n" + details

    def selected_version_id(self) -> str | None:
        """The version selected in the tree (None on a rule set line)."""
        item = self.tree.currentItem()
        return item.data(0, _ID) if item is not None else None

    def _selected_set(self) -> RuleSetRow | None:
        item = self.tree.currentItem()
        rs_id = item.data(0, _SET) if item is not None else None
        return next((rs for rs in self.rule_sets if rs.id == rs_id), None)

    def _selected_row(self) -> VersionRow | None:
        rs = self._selected_set()
        version_id = self.selected_version_id()
        return next((v for v in rs.versions if v.id == version_id), None) if rs else None

    def select_version(self, version_id: str) -> None:
        """Select `version_id` in the tree (as a click would)."""
        self.refresh(version_id)

    def _on_selection(self) -> None:
        item = self.tree.currentItem()
        version_id = self.selected_version_id()
        if version_id is None and item is not None and item.childCount():
            version_id = item.child(0).data(0, _ID)  # a rule set line shows its newest version
        editing = self.panel.article_editor.version_id
        if (version_id != editing and self.panel.view is not None and editing is not None
                and not hold_selection(self.panel.article_editor, self,
                                       stay=lambda: self._put_back(editing),
                                       go=lambda: self.refresh(version_id))):
            return  # asked first: 保存 / 不保存 moves on, 取消 keeps the edited version selected
        if version_id:
            self.panel.show_version(version_id)
            self.stack.setCurrentWidget(self.panel)
        elif self.rule_sets:
            self.stack.setCurrentWidget(self.pick_label)
        row = self._selected_row()
        can_edit = self._session.can(Permission.EDIT_RECORDS)
        self.revise_button.setEnabled(bool(can_edit and row and row.status in _REVISABLE))
        self.abandon_button.setEnabled(bool(can_edit and row and row.status not in _REVISABLE))
        self.compare_button.setEnabled(sum(len(rs.versions) for rs in self.rule_sets) >= 2)

    # ----- actions ------------------------------------------------------------------------

    def _context(self) -> tuple[str | None, str]:
        rs = self._selected_set()
        return (rs.id, rs.title) if rs else (None, "")

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.refresh(getattr(dialog, "created_id", None)
                                                     or getattr(dialog, "version_id", None)))
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_abandon(self) -> None:
        """放弃草稿 of the selected version: ask naming it, then to the 回收站 (an adopted one: why not)."""
        row, rs = self._selected_row(), self._selected_set()
        if row is None or rs is None:
            return
        if row.status in _REVISABLE:  # Delete on an adopted version: the service's reason, nothing asked
            run_op(self, lambda: rules_service.abandon_draft(self._session, row.id),
                   on_failure=self.message.show_failure)
            return
        name = self.tr("{title} 第{no}版").format(title=rs.title, no=row.version_no)
        editor = self.panel.article_editor
        unsaved = editor.version_id == row.id and editor.is_dirty()
        self.pending_box = ask_abandon(self, name, lambda: self._abandon(row.id, name), on_answer=self._forget_box,
                                       unsaved=unsaved)

    def _forget_box(self) -> None:
        self.pending_box = None

    def _abandon(self, version_id: str, name: str) -> None:
        editor = self.panel.article_editor
        if editor.version_id == version_id and editor.is_dirty():
            editor.discard()  # the typing was given up with the draft: moving on must not ask to save it
        if run_op(self, lambda: rules_service.abandon_draft(self._session, version_id),
                  on_failure=self.message.show_failure):
            self.refresh()
            self.message.show_ok(self.tr("已放弃“{name}”,可在“文件 → 回收站”恢复。").format(name=name))

    def open_import(self) -> ImportDialog:
        """导入文本…"""
        rs_id, title = self._context()
        return self._open(ImportDialog(self._session, self, rs_id, title))

    def open_blank_draft(self) -> BlankDraftDialog:
        """空白草案…"""
        rs_id, title = self._context()
        return self._open(BlankDraftDialog(self._session, self, rs_id, title))

    def open_history(self) -> HistoryDialog:
        """补录历史版本…"""
        rs_id, title = self._context()
        return self._open(HistoryDialog(self._session, self, rs_id, title))

    def open_revise(self) -> ReviseDialog | None:
        """修订: from the selected adopted version."""
        row = self._selected_row()
        if row is None:
            return None
        label = run_query(self, lambda: rules_service.version_label(row.id))
        if not label:
            return None  # the version went away meanwhile: the dialog said so
        return self._open(ReviseDialog(self._session, row.id, label.value, row.title, self))

    def open_compare(self) -> DiffView:
        """对照…: the selected version against the one before it."""
        rs = self._selected_set()
        new_id = old_id = None
        if rs and rs.versions:
            ids = [v.id for v in rs.versions]
            new_id = self.selected_version_id() or ids[0]
            position = ids.index(new_id)
            if position + 1 < len(ids):
                old_id = ids[position + 1]
            elif position > 0:
                old_id, new_id = new_id, ids[position - 1]
        view = DiffView(self, old_id, new_id)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        resize_within_screen(view, 1100, 720)
        self.dialog = view
        view.open()
        return view
