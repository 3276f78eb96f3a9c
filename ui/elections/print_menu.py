"""The 打印 menu of an election: its papers as PDF, each enabled when its data is recorded.

The menu is filled each time it opens, from the chosen election: a paper
whose data is missing is greyed out and its tooltip says what is missing
(还没有登记候选人 …); the papers posted on the board (选民名单公告,
候选人名单公告, 当选公告) offer A4 and A3. Choosing one asks where to save
(the app's save dialog), reads the records on the UI thread and lays out and
writes the PDF on a worker (`FileExporter`), then says 已导出 or why not.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from desktop.reports import election_documents as ed
from desktop.reports.election_printing import POSTED, write_paper
from desktop.reports.pdf import A3, A4
from desktop.services import election_papers_service as eps
from desktop.services.session import Session
from ui.operations import run_query
from ui.widgets.background import FileExporter, ask_save_path, pdf_pattern
from ui.widgets.dialogs import inform

_C = "election_print_menu"


def _tr(source: str) -> str:
    return QCoreApplication.translate(_C, source)


class ElectionPrintMenu(QObject):
    """Owns the 打印 button's menu: rebuilt on every opening, exports on a worker.

    `exported(path)` / `failed(reason)` follow each export (tests wait on them).
    """

    exported = Signal(str)
    failed = Signal(str)

    def __init__(self, button: QToolButton, session: Session, election_id: Callable[[], str | None],
                 parent: QObject | None = None):
        super().__init__(parent or button)
        self._session = session
        self._election_id = election_id
        self._button = button
        previous = button.menu()  # papers the page lists itself (its PRINTS) stay, after ours
        self._extra = list(previous.actions()) if previous is not None else []
        self.menu = QMenu(button)
        self.menu.setToolTipsVisible(True)
        self.menu.aboutToShow.connect(self.rebuild)
        button.setMenu(self.menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setVisible(True)
        self.exporter = FileExporter(self)
        self.exporter.finished.connect(self._done)
        self.exporter.failed.connect(self._failed)
        self.box = None

    # --- the menu ------------------------------------------------------------------------------

    def _data(self) -> eps.ElectionPapers | None:
        election_id = self._election_id()
        if election_id is None:
            return None
        outcome = run_query(self._button, lambda: eps.load(election_id))
        return outcome.value if outcome else None

    def rebuild(self) -> None:
        """Fill the menu for the chosen election (greyed papers say what is missing)."""
        self.menu.clear()
        data = self._data()
        for kind in ed.PAPERS:
            reason = ed.missing(data, kind) if data is not None else _tr("请先在左侧选中一次选举。")
            if kind in POSTED:
                sub = self.menu.addMenu(ed.title(kind))
                sub.setToolTipsVisible(True)
                sub.setEnabled(not reason)
                sub.menuAction().setToolTip(reason)
                sub.menuAction().setObjectName(f"paper_{kind}")
                for page, label in ((A4, _tr("A4 纵向")), (A3, _tr("A3 纵向(张贴)"))):
                    action = sub.addAction(label)
                    action.setObjectName(f"paper_{kind}_{page}")
                    action.triggered.connect(lambda _=False, k=kind, p=page: self.ask_and_export(k, p))
            else:
                action = self.menu.addAction(ed.title(kind))
                action.setObjectName(f"paper_{kind}")
                action.setEnabled(not reason)
                action.setToolTip(reason or ed.title(kind))
                action.triggered.connect(lambda _=False, k=kind: self.ask_and_export(k, A4))

        if self._extra:
            self.menu.addSeparator()
            self.menu.addActions(self._extra)

    def action(self, kind: str):
        """The menu entry of paper `kind` (an A4/A3 submenu's action for the posted papers)."""
        return next((a for a in self.menu.actions() if a.objectName() == f"paper_{kind}"), None)

    # --- exporting -----------------------------------------------------------------------------

    def ask_and_export(self, kind: str, page: str = A4) -> bool:
        """The save dialog, then the export; False when cancelled or nothing is chosen."""
        data = self._data()
        if data is None:
            return False
        suggested = f"{data.village}{data.label}{ed.title(kind)}.pdf"
        path = ask_save_path(self._button, _tr("导出 PDF"), suggested, pdf_pattern(), ".pdf")
        if path is None:
            return False
        return self.export(kind, path, page)

    def export(self, kind: str, path: Path, page: str = A4) -> bool:
        """Write paper `kind` of the chosen election to `path` on a worker; False while another export runs."""
        data = self._data()  # the database is read here, on the UI thread
        if data is None or self.exporter.is_busy():
            return False
        reason = ed.missing(data, kind)
        if reason:
            self._failed(reason)
            return False
        return self.exporter.write(lambda: write_paper(data, kind, Path(path), page))

    def _done(self, path: str) -> None:
        self.box = inform(self._button, _tr("已导出"), _tr("已导出:{path}").format(path=path))
        self.exported.emit(path)

    def _failed(self, reason: str) -> None:
        self.box = inform(self._button, _tr("导出没有成功"), _tr("导出没有成功:{reason}").format(reason=reason))
        self.failed.emit(reason)


def install(button: QToolButton, session: Session, election_id: Callable[[], str | None],
            parent: QWidget | None = None) -> ElectionPrintMenu:
    """Give the elections page's 打印 button the papers' menu (the page's one line)."""
    return ElectionPrintMenu(button, session, election_id, parent)
