"""村务公开: the statutory calendar, the list of postings, villagers' feedback; items open in an editor.

The secretary writes, submits and posts; the 监委会 reviews (buttons enabled
by the session's permissions, checked again by the service on every write).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop.paths import AppPaths
from desktop.services import disclosure_service as ds
from desktop.services.session import Session
from ui.disclosure.calendar_tab import CalendarTab
from ui.disclosure.catalogue_dialog import CatalogueDialog
from ui.disclosure.feedback_tab import FeedbackTab
from ui.disclosure.item_editor import ItemEditor
from ui.disclosure.list_tab import ItemListTab
from ui.disclosure.new_item_dialog import NewItemDialog
from ui.operations import run_op, run_query
from ui.widgets.abandon import ask_abandon
from ui.widgets.scaled_label import ScaledLabel, scale_font
from ui.widgets.unsaved import ask_leave


def _gone(_exc: BaseException) -> None:
    """A kept draft's item is gone: the main window says the draft cannot be restored."""


class DisclosurePage(QWidget):
    """Three tabs: 公开日历, 公开清单, 村民反映."""

    def __init__(self, session: Session, parent: QWidget | None = None, paths: AppPaths | None = None):
        super().__init__(parent)
        self._session = session
        self._paths = paths
        self.editor: ItemEditor | None = None
        self.new_dialog: NewItemDialog | None = None
        self.catalogue_dialog: CatalogueDialog | None = None
        self.calendar_tab = CalendarTab()
        self.list_tab = ItemListTab(session)
        self.feedback_tab = FeedbackTab(session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.calendar_tab, self.tr("公开日历"))
        self.tabs.addTab(self.list_tab, self.tr("公开清单"))
        self.tabs.addTab(self.feedback_tab, self.tr("村民反映"))
        scale_font(self.tabs.tabBar(), 1.1)
        self.tabs.currentChanged.connect(self._on_tab)
        self.calendar_tab.open_requested.connect(self.open_item)
        self.calendar_tab.new_requested.connect(self.new_item_for)
        self.calendar_tab.abandon_requested.connect(self.ask_abandon)
        self.list_tab.abandoned.connect(self._close_abandoned)
        self.list_tab.has_unsaved = self._has_unsaved
        self.pending_box = None
        self.list_tab.open_requested.connect(self.open_item)
        self.list_tab.new_requested.connect(self.new_item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        self.catalogue_button = QPushButton(self.tr("公开目录…"))
        self.catalogue_button.setToolTip(self.tr("本村要公开哪些事项:内置的事项和本村新增的事项"))
        self.catalogue_button.clicked.connect(self.open_catalogue)
        header = QHBoxLayout()
        header.addWidget(ScaledLabel(self.tr("村务公开"), 1.5, bold=True))
        header.addStretch(1)
        header.addWidget(self.catalogue_button)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def open_item(self, item_id: str) -> ItemEditor | None:
        """Open the editor of `item_id` (non-modal; one at a time).

        Another item chosen while the open editor has unsaved typing: 保存 / 不保存 /
        取消 is asked first, and the other item opens only after 保存 or 不保存
        (None is returned meanwhile; `self.editor` is the new editor once open).
        The same item chosen again brings its editor to the front.
        """
        current = self.editor
        if current is not None and current.isVisible() and current.is_dirty():
            if current.item_id == item_id:
                current.raise_()
                current.activateWindow()
                return current
            self.pending_box = ask_leave(current, current, lambda ok: self._switch_to(item_id) if ok else None)
            return None
        if current is not None:
            current.close()
        return self._open(item_id)

    def _switch_to(self, item_id: str) -> None:
        self.pending_box = None
        if self.editor is not None:
            self.editor.leave()
        self._open(item_id)

    def open_record(self, tab: str, item_id: str) -> ItemEditor | None:
        """A to-do line about one item: select it in 公开清单 (any year) and open its editor."""
        self.tabs.setCurrentWidget(self.list_tab)
        self.list_tab.show_item(item_id)
        return self.open_item(item_id)

    def open_for_draft(self, key: str) -> ItemEditor | None:
        """恢复未保存的内容: the editor of a kept draft's item ("disclosure_item:<id>"); None when gone."""
        kind, _, item_id = key.partition(":")
        if kind != "disclosure_item" or not item_id:
            return None
        self.tabs.setCurrentWidget(self.list_tab)
        if self.editor is not None:
            self.editor.close()
        return self._open(item_id, quiet=True)

    def _open(self, item_id: str, quiet: bool = False) -> ItemEditor | None:
        """The editor of `item_id`; `quiet`: a missing item is said by the caller (the restore list)."""
        opened = run_query(self, lambda: ItemEditor(self._session, item_id, self, paths=self._paths),
                           on_failure=_gone if quiet else None)
        if not opened:
            return None
        editor = opened.value
        editor.changed.connect(self._on_item_changed)
        self.editor = editor
        editor.show()
        return editor

    def ask_abandon(self, item_id: str):
        """放弃草稿 of `item_id` (from the calendar): ask naming it, then to the 回收站; the box or None."""
        found = run_query(self, lambda: ds.item(item_id))
        if not found:
            return None
        title = found.value.title

        def abandon() -> None:
            if run_op(self, lambda: ds.abandon_draft(self._session, item_id)):
                self._close_abandoned(item_id)
                self.refresh()

        self.pending_box = ask_abandon(self, title, abandon, on_answer=self._forget_box,
                                       unsaved=self._has_unsaved(item_id))
        return self.pending_box

    def _editor_of(self, item_id: str) -> ItemEditor | None:
        editor = self.editor
        return editor if editor is not None and editor.isVisible() and editor.item_id == item_id else None

    def _has_unsaved(self, item_id: str) -> bool:
        editor = self._editor_of(item_id)
        return editor is not None and editor.is_dirty()

    def _close_abandoned(self, item_id: str) -> None:
        """The draft went to the 回收站: its editor closes without asking (its typing was given up)."""
        editor = self._editor_of(item_id)
        if editor is not None:
            editor.guard.settled()  # no kept copy of typing for a record in the 回收站
            editor.leave()

    def _forget_box(self) -> None:
        self.pending_box = None

    def open_catalogue(self) -> CatalogueDialog:
        """The 公开目录 dialog (window-modal); the lists follow renamed subjects."""
        dialog = CatalogueDialog(self._session, self)
        dialog.changed.connect(self.refresh)
        self.catalogue_dialog = dialog
        dialog.open()
        return dialog

    def new_item(self) -> NewItemDialog:
        """The 新建 dialog; the new item opens in the editor when created."""
        dialog = NewItemDialog(self._session, self)
        dialog.finished.connect(self._on_new_finished)
        self.new_dialog = dialog
        dialog.open()
        return dialog

    def new_item_for(self, subject: str, kind: str, period: str) -> NewItemDialog:
        """The 新建 dialog preset to an obligation of the calendar."""
        dialog = self.new_item()
        dialog.preset(subject, kind, period)
        return dialog

    def _on_new_finished(self, result: int) -> None:
        dialog = self.new_dialog
        if dialog is None or result != QDialog.DialogCode.Accepted or dialog.item_id is None:
            return
        self.refresh()
        self.list_tab.show_item(dialog.item_id)  # every year when the chosen one does not hold it
        self.open_item(dialog.item_id)

    def _on_item_changed(self, _item_id: str) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Re-read every tab."""
        self.calendar_tab.reload_years()
        self.list_tab.reload_years()
        self.feedback_tab.refresh()

    def on_settings_changed(self) -> None:
        """The province profile changed: deadlines and the answer period follow it."""
        self.refresh()

    def _on_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is self.calendar_tab:
            self.calendar_tab.refresh()
        elif widget is self.feedback_tab:
            self.feedback_tab.refresh()
