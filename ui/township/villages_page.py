"""村庄 (township): the register of enrolled villages, and the package exchange behind it.

The register answers “which village have we not heard from?” at a glance:
each village's code, name, province profile, PC fingerprint, last package
received, last 回执 sent, gaps and days of silence (red past
`villages_service.SILENCE_THRESHOLD_DAYS`), with its package history below.

The actions are the 数据交换 page's own (`ExchangePage`, on the second tab,
with the full history and conflicts): enrolling, re-enrolling, importing with
a preview, and writing a 回执 run through its dialogs and worker jobs, so the
two pages cannot drift apart. This page only picks the village for them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.services import villages_service as vs
from desktop.services.session import Session
from models.roles import Permission
from ui.exchange.exchange_page import ExchangePage
from ui.township.villages_history import VillageHistory
from ui.township.villages_model import SORT_ROLE, VillagesModel
from ui.widgets.field_message import FieldMessage
from ui.widgets.scaled_label import ScaledLabel


class _Filter(QSortFilterProxyModel):
    """Text search over code and name, and “only those needing attention”."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = ""
        self.attention_only = False
        self.setSortRole(SORT_ROLE)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802 - Qt override
        """Rows matching the search and, if asked, needing attention."""
        model: VillagesModel = self.sourceModel()
        if source_row >= model.rowCount():
            return False
        row = model.row_at(source_row)
        if self.text and self.text not in row.code and self.text not in row.name:
            return False
        if self.attention_only:
            return row.overdue or bool(row.missing) or row.status == "pending"
        return True


class VillagesPage(QWidget):
    """The page of the township's navigation area “村庄”."""

    def __init__(self, session: Session, parent: QWidget | None = None, paths: AppPaths | None = None):
        super().__init__(parent)
        self._session, self._paths = session, paths
        self._can_manage = session.can(Permission.MANAGE_VILLAGES)
        self._can_exchange = session.can(Permission.EXCHANGE)
        self.register: vs.Register | None = None

        self.exchange = ExchangePage(session, paths=paths)
        self.exchange.exchanged.connect(self.refresh)
        #: The main window's status bar listens to this (the last package sent / received).
        self.exchanged = self.exchange.exchanged
        self.exchange.jobs.busy_changed.connect(self._on_busy)

        self.model = VillagesModel(self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._on_selected)
        self.table.doubleClicked.connect(lambda _index: self.history.setFocus())

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label.setToolTip(self.tr("村里导入入网文件时,会打电话与您核对这一串字母和数字。"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("按村名或代码查找"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_filter)
        self.attention_check = QCheckBox(self.tr("只看需要关注的村"))
        self.attention_check.setToolTip(self.tr("超过 {days} 天没有消息、缺少数据包或还没有发来第一个数据包的村。").format(
            days=vs.SILENCE_THRESHOLD_DAYS))
        self.attention_check.toggled.connect(self._on_filter)

        self.enroll_button = QPushButton(self.tr("新增村庄…"))
        self.enroll_button.clicked.connect(self.enroll)
        self.reenroll_button = QPushButton(self.tr("重新入网…"))
        self.reenroll_button.clicked.connect(self.reenroll)
        self.import_button = QPushButton(self.tr("导入数据包…"))
        self.import_button.clicked.connect(self.import_packages)
        self.receipt_button = QPushButton(self.tr("发送回执…"))
        self.receipt_button.clicked.connect(self.send_receipt)
        self.retire_button = QPushButton(self.tr("停用…"))
        self.retire_button.setToolTip(self.tr("不再接收选中村的数据包(如合村并居);记录保留,可重新入网恢复。"))
        self.retire_button.clicked.connect(self.retire)
        self.notice_button = QPushButton(self.tr("发通知…"))
        self.notice_button.setToolTip(self.tr("给选中的村(或全部村)写一份通知,随下一次回执送到村里。"))
        self.notice_button.clicked.connect(self.write_notice)
        for button, allowed, tip in (
                (self.enroll_button, self._can_manage, self.tr("只有乡镇管理员可以给村庄入网。")),
                (self.reenroll_button, self._can_manage, self.tr("只有乡镇管理员可以给村庄入网。")),
                (self.import_button, self._can_exchange, self.tr("您的账号没有数据交换的权限。")),
                (self.receipt_button, self._can_exchange, self.tr("您的账号没有数据交换的权限。")),
                (self.notice_button, self._can_manage, self.tr("只有乡镇管理员可以发通知。")),
                (self.retire_button, self._can_manage, self.tr("只有乡镇管理员可以停用村庄。"))):
            if not allowed:
                button.setToolTip(tip)
        self.message = FieldMessage()
        self.history = VillageHistory()

        top = QHBoxLayout()
        top.addWidget(ScaledLabel(self.tr("村庄"), 1.5, bold=True))
        top.addSpacing(16)
        top.addWidget(self.summary, 1)
        top.addWidget(self.fingerprint_label)
        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        tools.addWidget(self.attention_check)
        tools.addStretch(1)
        for button in (self.enroll_button, self.reenroll_button, self.retire_button, self.import_button,
                       self.receipt_button, self.notice_button):
            tools.addWidget(button)
        legend = QLabel(self.tr("红色:超过 {days} 天没有收到数据包,或缺少数据包。选中一个村,下面显示它的数据包往来。").format(
            days=vs.SILENCE_THRESHOLD_DAYS))
        legend.setProperty("role", "hint")
        legend.setWordWrap(True)

        # When the search or the filter leaves no row, say so instead of an empty grid.
        self.no_match = QLabel()
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.setWordWrap(True)
        self.no_match.setProperty("role", "hint")
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.no_match)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table_stack)
        split.addWidget(self.history)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        register_tab = QWidget()
        register_layout = QVBoxLayout(register_tab)
        register_layout.setContentsMargins(0, 8, 0, 0)
        register_layout.addLayout(tools)
        register_layout.addWidget(legend)
        register_layout.addWidget(split, 1)
        register_layout.addWidget(self.message)

        self.tabs = QTabWidget()
        self.tabs.addTab(register_tab, self.tr("村庄登记"))
        self.tabs.addTab(self.exchange, self.tr("数据包收发与冲突"))
        # The exchange tab shows this computer's fingerprint itself: not twice on one screen.
        self.tabs.currentChanged.connect(lambda index: self.fingerprint_label.setVisible(index == 0))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.refresh()
        self._fresh = True  # just read: the first showing need not read it again

    # --- showing --------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Re-read the register each time the page comes on screen (days of silence change)."""
        super().showEvent(event)
        if self._fresh:
            self._fresh = False
        elif not self.exchange.jobs.is_busy():
            self.refresh()

    def refresh(self) -> None:
        """Re-read the register, keeping the selected village."""
        keep = self.selected_code()
        self.register = vs.register(self._paths)
        self.model.set_rows(list(self.register.rows))
        while self.model.canFetchMore():
            self.model.fetchMore()
        r = self.register
        parts = [self.tr("共 {n} 个村").format(n=len(r.rows)), self.tr("正常 {n}").format(n=r.active)]
        if r.pending:
            parts.append(self.tr("等待第一个数据包 {n}").format(n=r.pending))
        if r.retired:
            parts.append(self.tr("已停用 {n}").format(n=r.retired))
        text = ",".join(parts)
        if r.overdue:
            text += self.tr(";{n} 个村超过 {days} 天没有消息").format(n=r.overdue, days=vs.SILENCE_THRESHOLD_DAYS)
        if r.with_gaps:
            text += self.tr(";{n} 个村缺少数据包").format(n=r.with_gaps)
        if not r.rows:
            text = self.tr("还没有登记任何村。点“新增村庄…”为村里生成入网文件。")
        self.summary.setText(text)
        self.fingerprint_label.setText(self.tr("本机电脑指纹:{fp}").format(fp=r.fingerprint))
        self.table.resizeColumnsToContents()
        if keep is None or not self.select_village(keep):
            if self.proxy.rowCount():
                self.table.selectRow(0)
        self._show_no_match()
        self._on_selected()

    def _show_no_match(self) -> None:
        """The table, or a sentence when the search or the filter hides every village."""
        if self.proxy.rowCount() or not self.model.rowCount():
            self.table_stack.setCurrentWidget(self.table)
            return
        if self.proxy.text:
            self.no_match.setText(self.tr("没有村名或代码包含“{text}”的村。").format(text=self.proxy.text))
        else:
            self.no_match.setText(self.tr("没有需要关注的村:各村都按时发来了数据包,也不缺数据包。"))
        self.table_stack.setCurrentWidget(self.no_match)

    def selected_row(self) -> vs.VillageRow | None:
        """The village selected in the register, or None."""
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            return None
        return self.model.row_at(self.proxy.mapToSource(selected[0]).row())

    def selected_code(self) -> str | None:
        """The code of the selected village, or None."""
        row = self.selected_row()
        return row.code if row else None

    def select_village(self, code: str) -> bool:
        """Select a village by code (False when it is not listed)."""
        source = self.model.row_for_code(code)
        if source < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _on_filter(self, *_args) -> None:
        self.proxy.text = self.search.text().strip()
        self.proxy.attention_only = self.attention_check.isChecked()
        self.proxy.invalidate()
        self._show_no_match()
        self._on_selected()

    def _on_selected(self, *_args) -> None:
        row = self.selected_row()
        if row is not None:
            self.exchange.select_village(row.code)
        self.history.show_village(row, vs.package_history(self._paths, row.code) if row else [])
        self._on_busy(self.exchange.jobs.is_busy())

    def _on_busy(self, busy: bool) -> None:
        row = self.selected_row()
        self.enroll_button.setEnabled(self._can_manage and not busy)
        self.reenroll_button.setEnabled(self._can_manage and not busy and row is not None)
        self.import_button.setEnabled(self._can_exchange and not busy)
        self.receipt_button.setEnabled(self._can_exchange and not busy and row is not None
                                       and row.status == "active")
        self.retire_button.setEnabled(self._can_manage and not busy and row is not None and row.status != "retired")
        self.notice_button.setEnabled(self._can_manage and not busy and bool(getattr(self, "register", None)
                                                                               and self.register.rows))
        if busy:
            self.message.show_hint(self.tr("正在处理数据包,请不要拔出U盘…"))
        elif self.message.role() == "hint":
            self.message.clear_message()

    # --- actions (the 数据交换 page's dialogs and jobs) ---------------------------------------------

    def enroll(self):
        """新增村庄…: the exchange page's enrolment dialog."""
        dialog = self.exchange.open_enroll_dialog()
        dialog.accepted.connect(self.refresh)
        return dialog

    def reenroll(self):
        """重新入网… for the selected village."""
        row = self.selected_row()
        if row is None:
            self.message.show_error(self.tr("请先在表中选中要重新入网的村。"))
            return None
        self.exchange.select_village(row.code)
        dialog = self.exchange.open_reenroll_dialog()
        if dialog is not None:
            dialog.accepted.connect(self.refresh)
        return dialog

    def open_package(self, path: Path) -> None:
        """A package double-clicked in the file manager: its preview, over this page."""
        self.exchange.open_package(Path(path))

    def import_files(self, files: list[Path]) -> None:
        """Preview and import these packages (the exchange tab's jobs)."""
        self.exchange.import_files([Path(f) for f in files])

    @property
    def preview_dialog(self):
        """The exchange tab's open preview, if any (one import at a time)."""
        return self.exchange.preview_dialog

    def import_packages(self) -> None:
        """导入数据包…: choose the files; each is previewed before it is imported."""
        self.exchange.choose_files()

    def retire(self):
        """停用… the selected village, after its reason and consequences are confirmed."""
        from ui.township.villages_retire_dialog import RetireDialog

        row = self.selected_row()
        if row is None:
            self.message.show_error(self.tr("请先在表中选中要停用的村。"))
            return None
        dialog = RetireDialog(self._session, row.code, row.name, parent=self)
        dialog.accepted.connect(self.refresh)
        dialog.accepted.connect(lambda: self.message.show_hint(
            self.tr("{name}已停用,不再接收它的数据包。").format(name=row.name)))
        dialog.open()
        return dialog

    def write_notice(self):
        """发通知…: to the selected village (preselected) or all; it travels with the next 回执."""
        from ui.exchange.notices import SendNoticeDialog

        villages = [(r.code, r.name) for r in self.register.rows if r.status != "retired"]
        dialog = SendNoticeDialog(self._session, villages, preselect=self.selected_code(), parent=self)
        dialog.accepted.connect(lambda: self.message.show_hint(
            self.tr("通知已保存({n} 个村),将随下一次发给这些村的回执一起送达。").format(n=dialog.sent)))
        dialog.open()
        return dialog

    def send_receipt(self) -> bool:
        """发送回执… to the selected village: choose the U盘 or folder, then write it."""
        row = self.selected_row()
        if row is None or row.status != "active":
            self.message.show_error(self.tr("请先选中一个已经发来数据包的村。"))
            return False
        self.exchange.select_village(row.code)
        target = self.exchange.target
        if target.folder() is None:
            target.choose_folder()
            if target.folder() is None:
                return False
        self.message.show_hint(self.tr("正在给{name}写回执到 {folder}…").format(name=row.name, folder=target.folder()))
        return self.exchange.start_export()
