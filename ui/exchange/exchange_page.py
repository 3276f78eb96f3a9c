"""数据交换 (village): send packages to the township, read its packages (preview first), the history and conflicts.

The page is the composition of the shared exchange parts
(`ui.widgets.exchange`) with the township as the recipient: the township
card on top, the export box and the import box side by side, the history
and the conflicts below. The township's 村庄 page composes the same parts around its register
of villages. Writing and reading packages runs on the page's `ui.operations.Runner`
(`jobs`): the window stays responsive, the export shows progress and can be
cancelled. The services check the permissions again on every write.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.services import exchange_service as xs
from desktop.services.session import Session
from desktop.sync import first_contact
from models.roles import Permission
from ui.operations import Runner
from ui.widgets.exchange.conflicts_panel import ConflictsPanel
from ui.widgets.exchange.export_box import TO_TOWNSHIP, ExportBox, Recipient
from ui.widgets.exchange.history_table import HistoryTable
from ui.widgets.exchange.import_box import ImportBox
from ui.widgets.exchange.import_flow import SIDE_VILLAGE
from ui.widgets.exchange.labels import numbers_text, package_text, peer_status_label
from ui.widgets.exchange.notifier import Notifier
from ui.widgets.exchange.package_dialogs import PickPackagesDialog
from ui.widgets.exchange.parts_state import ExchangePartsState
from ui.widgets.palette import set_role
from ui.widgets.scaled_label import ScaledLabel


class ExchangePage(QWidget, ExchangePartsState):
    """The page of the village's navigation area “数据交换”."""

    #: A package was written or read, or the village joined: the status bar re-reads.
    exchanged = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None, paths: AppPaths | None = None):
        super().__init__(parent)
        self._session = session
        self._paths = paths
        self.jobs = Runner(self)
        self.notifier = Notifier(self)
        self.overview: xs.Overview = xs.overview(paths)

        self.fingerprint_label = QLabel()
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label.setToolTip(self.tr(
            "对方第一次收到本机的数据包时,会打电话和您核对这一串字母和数字。"))
        header = QHBoxLayout()
        header.addWidget(ScaledLabel(self.tr("数据交换"), 1.5, bold=True))
        header.addStretch(1)
        header.addWidget(self.fingerprint_label)

        self.export_box = ExportBox(session, paths, self.jobs, self.notifier, TO_TOWNSHIP)
        self.export_box.exported.connect(self._after_exchange)
        self.import_box = ImportBox(session, paths, self.jobs, self.notifier, SIDE_VILLAGE, self.overview.code,
                                    self.export_box.target)
        flow = self.import_box.flow
        flow.imported.connect(self._after_import)
        flow.refused.connect(self.refresh)
        flow.joined.connect(self._after_exchange)
        flow.recovered.connect(self._after_exchange)
        # The parts' widgets, by the names the page has always had.
        box = self.export_box
        self.target, self.target_hint, self.full_check = box.target, box.target_hint, box.full_check
        self.export_button, self.cancel_button = box.export_button, box.cancel_button
        self.progress, self.export_message = box.progress, box.export_message
        self.choose_files_button, self.scan_button = self.import_box.choose_files_button, self.import_box.scan_button
        self.import_message = self.import_box.import_message

        # In a scroll area: at a large font size or on a small screen nothing overlaps.
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self._build_peer_card())
        boxes = QHBoxLayout()
        boxes.setSpacing(12)
        boxes.addWidget(self.export_box, 1)
        boxes.addWidget(self.import_box, 1)
        layout.addLayout(boxes)

        self.history_table = HistoryTable()
        self.history_table.setMinimumHeight(140)
        self.conflicts_panel = ConflictsPanel(session)
        self.conflicts_panel.setMinimumHeight(220)
        self.conflicts_panel.resolved.connect(self.refresh)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.history_table, self.tr("收发记录"))
        self.tabs.addTab(self.conflicts_panel, self.tr("冲突"))
        layout.addWidget(self.tabs, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh(self.overview)

    def _build_peer_card(self) -> QWidget:
        card = QFrame()
        card.setProperty("card", True)
        form = QFormLayout(card)
        form.setContentsMargins(16, 10, 16, 10)
        form.setVerticalSpacing(4)
        self.peer_label = QLabel()
        self.peer_label.setWordWrap(True)
        self.peer_fingerprint_label = QLabel()
        self.peer_fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sent_label = QLabel()
        self.sent_label.setWordWrap(True)
        self.received_label = QLabel()
        self.missing_label = QLabel()
        self.missing_label.setProperty("role", "error")
        self.missing_label.setWordWrap(True)
        form.addRow(self.tr("乡镇:"), self.peer_label)
        form.addRow(self.tr("乡镇电脑指纹:"), self.peer_fingerprint_label)
        form.addRow(self.tr("最近发出:"), self.sent_label)
        form.addRow(self.tr("最近收到:"), self.received_label)
        form.addRow(self.missing_label)
        self._peer_form = form
        return card

    # --- the parts' state, as the page has always offered it ------------------------------------

    @property
    def setup_dialog(self):
        """The open (or last) 入网文件 confirmation."""
        return self.import_box.flow.setup_dialog

    # --- showing --------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Re-read the counters and the U盘s each time the page comes on screen."""
        super().showEvent(event)
        if not self.jobs.is_busy():
            self.target.refresh_drives()
            self.refresh()

    def refresh(self, overview: xs.Overview | None = None) -> None:
        """Re-read the overview, the history and the conflicts."""
        self.overview = overview or xs.overview(self._paths)
        self.fingerprint_label.setText(self.tr("本机电脑指纹:{short}").format(
            short=first_contact.spoken(self.overview.fingerprint)))
        self.fingerprint_label.setToolTip(self.tr(
            "乡镇第一次导入本机的数据包时,会打电话请您念出这 8 位字母和数字。完整指纹:{fp}").format(
            fp=self.overview.fingerprint))
        peer = next((p for p in self.overview.peers if p.kind == "township"), None)
        self._fill_peer(peer)
        if peer is None:
            self.export_box.set_recipient(None, self.tr(
                "本村还没有加入乡镇,先导入乡镇发来的入网文件,才能导出数据包。"))
        else:
            # Until the township confirms a package of ours, its first import asks for our 8 characters.
            phone = first_contact.spoken(self.overview.fingerprint) if not peer.out_acked_no else ""
            self.export_box.set_recipient(Recipient(peer.code, peer.name, phone_fingerprint=phone))
        self.history_table.show_rows(xs.history(self._paths))
        self.conflicts_panel.refresh()
        n = self.overview.open_conflicts
        index = self.tabs.indexOf(self.conflicts_panel)
        self.tabs.setTabText(index, self.tr("冲突({n})").format(n=n))
        self.tabs.setTabVisible(index, n > 0)
        if n == 0 and self.tabs.currentWidget() is self.conflicts_panel:
            self.tabs.setCurrentIndex(0)

    def _fill_peer(self, peer: xs.PeerRow | None) -> None:
        for label in (self.peer_fingerprint_label, self.sent_label, self.received_label):
            self._peer_form.setRowVisible(label, peer is not None)
        if peer is None:
            if self._session.can(Permission.EXCHANGE):
                self.peer_label.setText(self.tr(
                    "本村还没有加入乡镇。请用右边的“选择文件…”打开乡镇发来的入网文件(文件名中有“入网文件”)。"))
            else:  # the buttons are off for this login: say who can do it
                self.peer_label.setText(self.tr(
                    "本村还没有加入乡镇。要由管理员或村文书用自己的账号登录,在这里打开乡镇发来的入网文件。"))
            set_role(self.peer_label, "error")
            self._peer_form.setRowVisible(self.missing_label, False)
            return
        set_role(self.peer_label, "")
        self.peer_label.setText(self.tr("{name}({code}) · {status}").format(
            name=peer.name, code=peer.code, status=peer_status_label(peer.status)))
        self.peer_fingerprint_label.setText(peer.fingerprint)
        sent = package_text(peer.last_out_no, peer.last_out_at)
        if peer.last_out_no:
            if peer.out_acked_no >= peer.last_out_no:
                sent += self.tr(" · 乡镇已确认收到")
            elif peer.out_acked_no:
                sent += self.tr(" · 乡镇已确认收到第 {acked} 号及以前的;之后的修改会随下一个数据包一起带上,"
                                "不用重发").format(acked=peer.out_acked_no)
            else:
                sent += self.tr(" · 乡镇还没有确认收到")
        self.sent_label.setText(sent)
        self.received_label.setText(package_text(peer.last_in_no, peer.last_in_at))
        self.missing_label.setText(self.tr("还没有收到乡镇的{numbers}数据包。").format(
            numbers=numbers_text(peer.missing)) if peer.missing else "")
        self._peer_form.setRowVisible(self.missing_label, bool(peer.missing))

    # --- after a part did something -------------------------------------------------------------

    def _after_exchange(self, *_args) -> None:
        self.refresh()
        self.exchanged.emit()

    def _after_import(self, plan) -> None:
        self._after_exchange()
        if not plan.already_imported and plan.total("conflict"):
            self.tabs.setCurrentWidget(self.conflicts_panel)

    # --- what others call -----------------------------------------------------------------------

    def start_export(self) -> bool:
        """Write the next package to the chosen U盘 or folder (on the job runner)."""
        return self.export_box.start()

    def choose_files(self) -> None:
        """The open-files dialog (several `.cwpkg` at once)."""
        self.import_box.choose_files()

    def scan_drives(self) -> PickPackagesDialog | None:
        """Look for packages on every U盘 found; the person ticks the ones to import."""
        return self.import_box.scan_drives()

    def pick_packages(self, found: list[Path]) -> PickPackagesDialog | None:
        """Offer the packages found (ours unticked); the ticked ones are previewed and imported."""
        return self.import_box.flow.pick_packages(found)

    def import_files(self, files: list[Path]) -> None:
        """Preview (then import) each file in turn; a 入网文件 is recognised and confirmed."""
        self.import_box.flow.import_files(files)

    def open_record(self, _tab: str, notice_id: str):
        """A search hit on a 乡镇通知: the notices window (non-blocking) with that notice open; the window."""
        from ui.exchange.notices import NoticesDialog

        dialog = NoticesDialog(self._session, self, notice_id=notice_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.notices_dialog = dialog
        dialog.open()
        return dialog

    def open_package(self, path: Path) -> None:
        """A package given on the command line (double-clicked): preview it like a chosen file."""
        self.import_files([Path(path)])
