"""附件: scanned sign-in sheets, photos, vote sheets attached to a meeting record.

The panel lists the meeting's attachments (`attachments_service.list_for`)
and adds, opens, saves elsewhere and removes them through the service. Files
can only be attached to a saved meeting (the attachment needs its id). An
approved meeting still takes new attachments — the signed, scanned sign-in
sheet often arrives after the minutes were approved — but none can be removed
from it, so what was on file at approval stays on file.

Every action has a method that takes its paths directly (`add_files`,
`export_selected`), so tests and drag-and-drop bypass the file dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.file_errors import os_error_text
from desktop.paths import AppPaths
from desktop.services import attachments_service
from desktop.services.attachments_service import KINDS, AttachmentRow
from desktop.services.session import Session
from models.roles import Permission
from ui.errors import error_text, message_text
from ui.operations import run_op, run_query
from ui.widgets.attachments_model import KIND, NAME, SIZE, AttachmentsModel, kind_label
from ui.widgets.dialogs import ask_confirm
from ui.widgets.field_message import FieldMessage
from ui.widgets.sorting import make_sortable

TABLE = "meeting"


def _problem(exc: BaseException, file_sentence: str, **names: str) -> str:
    """Why a file was not attached or copied, in Chinese.

    A file error fills `file_sentence` (its `{detail}` from `os_error_text`,
    never the system's English); any other failure reads as the error path says.
    """
    if isinstance(exc, OSError):  # e.g. the attachments folder cannot be created
        return file_sentence.format(detail=os_error_text(exc), **names)
    return error_text(exc)


class AttachmentsPanel(QWidget):
    """The 附件 tab of the meeting editor. `changed(n)` after the list was (re)read."""

    changed = Signal(int)

    def __init__(self, session: Session, paths: AppPaths | None, parent: QWidget | None = None,
                 table: str = TABLE):
        super().__init__(parent)
        #: Which kind of record the files belong to ("meeting", "rule_version").
        self._table = table
        self._session = session
        self._paths = paths
        self._meeting_id: str | None = None
        self._approved = False
        self.model = AttachmentsModel(self)
        self.pending_box: QMessageBox | None = None
        #: Opens a file with the system's viewer; replaced in tests.
        self.open_url = QDesktopServices.openUrl

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        self.kind_combo = QComboBox()
        for code in KINDS:
            self.kind_combo.addItem(kind_label(code), code)
        kind_caption = QLabel(self.tr("类别:"))
        kind_caption.setBuddy(self.kind_combo)
        self.add_button = QPushButton(self.tr("添加附件…"))
        self.add_button.setToolTip(self.tr("选择图片或 PDF 文件;也可以把文件拖到这里。"))
        self.add_button.clicked.connect(self.ask_add)

        self.table = QTableView()
        self.table.setModel(self.model)
        make_sortable(self.table)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("国")
        for column, chars in ((KIND, 5), (SIZE, 6)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, em * chars + 24)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        # Double-click or Enter opens (not `activated`: it also fires on a double-click on
        # some platforms, which would open the file twice).
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.installEventFilter(self)

        self.open_button = QPushButton(self.tr("打开"))
        self.export_button = QPushButton(self.tr("另存为…"))
        self.delete_button = QPushButton(self.tr("删除"))
        self.open_button.clicked.connect(self.open_selected)
        self.export_button.clicked.connect(self.ask_export)
        self.delete_button.clicked.connect(self.ask_delete)
        self.message = FieldMessage()

        tools = QHBoxLayout()
        tools.addWidget(kind_caption)
        tools.addWidget(self.kind_combo)
        tools.addWidget(self.add_button)
        tools.addStretch(1)
        actions = QHBoxLayout()
        for button in (self.open_button, self.export_button, self.delete_button):
            actions.addWidget(button)
        actions.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.addWidget(self.hint)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.setAcceptDrops(True)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Enter on the list opens the selected attachment."""
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.table.selectionModel().selectedRows()):
            self.open_selected()
            return True
        return super().eventFilter(watched, event)

    # ----- state ----------------------------------------------------------------------------

    def set_meeting(self, meeting_id: str | None, approved: bool) -> None:
        """Show the attachments of `meeting_id` (None: not saved yet)."""
        if meeting_id != self._meeting_id:
            self.message.clear_message()
        self._meeting_id = meeting_id
        self._approved = approved
        self.refresh()

    def can_add(self) -> bool:
        """Whether files may be attached now (saved meeting, permission, data folder)."""
        return (self._meeting_id is not None and self._paths is not None
                and attachments_service.why_not_attach(self._session, self._table, self._meeting_id) is None)

    def refusal_text(self) -> str:
        """Why files cannot be attached here although the login keeps records ("" when they can)."""
        if self._meeting_id is None:
            return ""
        reason = attachments_service.why_not_attach(self._session, self._table, self._meeting_id)
        return "" if reason is None else message_text(reason)

    def can_delete(self) -> bool:
        """Removing needs the permission and a meeting that is not approved."""
        return self.can_add() and not self._approved

    def rows(self) -> list[AttachmentRow]:
        """The attachments as listed, oldest first."""
        return self.model.all_rows()

    def refresh(self) -> None:
        """Re-read the list from the service."""
        self.model.set_rows(attachments_service.list_for(self._table, self._meeting_id) if self._meeting_id else [])
        self._show_hint()
        self._update_buttons()
        self.changed.emit(self.model.total())

    def _show_hint(self) -> None:
        if self._meeting_id is None:
            text = self.tr("请先保存会议记录,再添加附件。")
        elif self._paths is None:
            text = self.tr("这里不能添加附件(没有数据文件夹)。")
        elif not self._session.can(Permission.EDIT_RECORDS):
            text = self.tr("你的账号只能查看和另存附件。")
        elif not self.can_add():
            text = self.refusal_text()
        elif self._approved:
            text = self.tr("会议记录已审定:还可以补充附件(如签字后的签到表扫描件),但不能删除已有附件。")
        elif not self.model.total():
            text = self.tr("还没有附件。可以附上签到表扫描件、会场照片、表决票等,图片或 PDF,每个不超过 50 MB。"
                           "先选类别,再点“添加附件…”,或把文件拖到这里。")
        else:
            text = self.tr("先选类别,再点“添加附件…”,或把文件拖到这里。双击文件可以打开。")
        self.hint.setText(text)

    def _selected_rows(self) -> list[AttachmentRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows if r < self.model.rowCount()]

    def select_row(self, row: int) -> None:
        """Select one attachment (as a click would)."""
        self.table.selectRow(row)

    def _update_buttons(self) -> None:
        selected = bool(self.table.selectionModel().selectedRows())
        readable = self._paths is not None
        self.add_button.setEnabled(self.can_add())
        self.kind_combo.setEnabled(self.can_add())
        self.open_button.setEnabled(selected and readable)
        self.export_button.setEnabled(selected and readable)
        self.delete_button.setEnabled(selected and self.can_delete())
        self.delete_button.setToolTip(
            self.tr("已审定的会议记录不能删除附件。") if self._approved else "")

    # ----- adding ---------------------------------------------------------------------------

    def ask_add(self) -> None:
        """添加附件…: choose files, attach them under the chosen kind."""
        if not self._explain_cannot_add():
            return
        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("添加附件"), QDir.homePath(),
            self.tr("图片和PDF (*.jpg *.jpeg *.png *.pdf);;所有文件 (*)"))
        if files:
            self.add_files([Path(f) for f in files], self.kind_combo.currentData())

    def _explain_cannot_add(self) -> bool:
        if self._meeting_id is None:
            self.message.show_error(self.tr("请先保存会议记录,再添加附件。"))
            return False
        if not self.can_add():
            self.message.show_error(self.hint.text())
            return False
        return True

    def add_files(self, paths: list[Path], kind: str | None = None) -> int:
        """Attach `paths` (of `kind`, else the chosen kind); returns how many were attached.

        Each file is attached on its own: one refused file (empty, too big,
        unreadable) does not stop the others, and its reason is shown.
        """
        if not self._explain_cannot_add():
            return 0
        kind = kind or self.kind_combo.currentData()
        added, problems = 0, []
        for path in map(Path, paths):
            # One operation per file: a refused file leaves the others attached.
            attached = run_op(self, lambda p=path: attachments_service.add(
                self._session, self._paths.attachments, self._table, self._meeting_id, p, kind),
                on_failure=lambda exc, p=path: problems.append(
                    _problem(exc, self.tr("“{name}”没有附上:{detail}"), name=p.name)))
            added += bool(attached)
        self.refresh()
        if problems:
            prefix = self.tr("已添加 {n} 个附件。").format(n=added) if added else ""
            self.message.show_error(prefix + "\n".join(problems))
        elif added:
            self.message.show_ok(self.tr("已添加 {n} 个附件({kind})。").format(
                n=added, kind=kind_label(kind)))
        return added

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        """Accept files dragged from the file manager when adding is possible."""
        if self.can_add() and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        """Attach the dropped files under the chosen kind."""
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.add_files(files)

    # ----- opening and saving elsewhere -----------------------------------------------------

    def open_selected(self) -> Path | None:
        """打开: copy the file out under its own name and hand it to the system viewer."""
        rows = self._selected_rows()
        if not rows or self._paths is None:
            return None
        row = rows[0]
        # One folder per attachment: opening twice reuses the copy instead of piling up "(2)".
        folder = self._paths.data_dir / "tmp-open" / row.id
        target = folder / attachments_service.safe_file_name(row.filename)  # never a path from a package

        def copy_out() -> Path:
            if target.is_file() and target.stat().st_size == row.size:
                return target
            return attachments_service.export_copy(self._paths.attachments, row.id, folder)

        copied = run_query(self, copy_out, on_failure=lambda exc: self.message.show_error(_problem(
            exc, self.tr("不能打开“{name}”:{detail}"), name=row.filename)))
        if not copied:
            return None
        target = copied.value
        if not self.open_url(QUrl.fromLocalFile(str(target))):
            self.message.show_error(self.tr("电脑上没有能打开“{name}”的程序。请用“另存为…”保存后再打开。")
                                    .format(name=row.filename))
        else:
            self.message.clear_message()
        return target

    def ask_export(self) -> None:
        """另存为…: choose a folder and copy the selected attachments there."""
        if not self._selected_rows():
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("另存到文件夹"), QDir.homePath())
        if folder:
            self.export_selected(Path(folder))

    def export_selected(self, folder: Path) -> list[Path]:
        """Copy the selected attachments into `folder` under their own names."""
        if self._paths is None:
            return []
        written = []

        def copy_each() -> None:
            for row in self._selected_rows():
                written.append(attachments_service.export_copy(self._paths.attachments, row.id, folder))

        if not run_query(self, copy_each, on_failure=lambda exc: self.message.show_error(
                _problem(exc, self.tr("没有另存成功:{detail}")))):
            return written
        if written:
            self.message.show_ok(self.tr("已另存到:{path}").format(
                path=written[0] if len(written) == 1 else folder))
        return written

    # ----- removing -------------------------------------------------------------------------

    def ask_delete(self) -> QMessageBox | None:
        """删除: ask first, then move the selected attachments to the recycle view."""
        rows = self._selected_rows()
        if not rows:
            return None
        if not self.can_delete():
            self.message.show_error(self.tr("已审定的会议记录不能删除附件。") if self._approved
                                    else self.tr("你的账号不能删除附件。"))
            return None
        if len(rows) == 1:
            text = self.tr("删除附件“{name}”吗?\n删除后可以在回收站恢复。").format(name=rows[0].filename)
        else:
            text = self.tr("删除选中的 {n} 个附件吗?\n删除后可以在回收站恢复。").format(n=len(rows))
        ids = [r.id for r in rows]
        self.pending_box = ask_confirm(self, self.tr("删除附件"), text, self.tr("删除"),
                                       lambda: self._delete(ids), on_answer=self._forget_box)
        return self.pending_box

    def _forget_box(self) -> None:
        self.pending_box = None

    def _removal_refused(self, exc: BaseException) -> None:
        self.refresh()  # the ones removed before the refusal leave the list
        self.message.show_failure(exc)

    def _delete(self, ids: list[str]) -> None:
        removed = 0

        def remove_each() -> None:
            nonlocal removed
            for attachment_id in ids:
                attachments_service.remove(self._session, attachment_id)
                removed += 1

        if not run_op(self, remove_each, on_failure=self._removal_refused):
            return
        self.refresh()
        self.message.show_ok(self.tr("已删除 {n} 个附件,可在回收站恢复。").format(n=removed))
