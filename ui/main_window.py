"""The main window: navigation on the left, the chosen area's page on the right.

It receives everything it shows (installation, session, paths, settings)
from `desktop.app`; it owns no services and no global state.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QWidget

from desktop import __version__
from desktop.changes import Changes
from desktop.paths import AppPaths
from desktop.services import setup_service
from desktop.services.session import Session
from desktop.services.setup_service import InstallationInfo
from models.roles import Permission
from ui.navigation import NavigationList, areas_for_mode
from ui.operations import operations_hub
from ui.pages.factory import build_page
from ui.settings_store import SettingsStore
from ui.status_bar import AppStatusBar
from ui.widgets.screen_fit import ScrollingStack, resize_within_screen


class MainWindow(QMainWindow):
    """Navigation list + stacked pages + menus + status bar."""

    def __init__(self, info: InstallationInfo, session: Session, paths: AppPaths,
                 settings: SettingsStore, parent: QWidget | None = None,
                 open_package: Path | None = None):
        """`open_package`: a `.cwpkg` given on the command line, previewed on the exchange page."""
        super().__init__(parent)
        self._info = info
        self._session = session
        self._paths = paths
        self._settings = settings
        self._areas = {a.key: a for a in areas_for_mode(info.mode)}
        self._pages: dict[str, QWidget] = {}
        self._stale: set[str] = set()  # built pages that missed a change while off screen
        self.setWindowTitle(self.tr("{name} - 村务台账").format(name=info.name))
        self.setMinimumSize(760, 480)  # a 1024×600 netbook with task and title bar

        self.navigation = NavigationList(list(self._areas.values()))
        # A page that needs more room than the window (small screen, large font)
        # scrolls instead of squeezing its buttons and text.
        self.stack = ScrollingStack()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.status = AppStatusBar(paths.data_dir, session)
        self.setStatusBar(self.status)
        self._build_menus()

        self.navigation.area_selected.connect(self.show_area)
        operations_hub().changed.connect(self.on_changes)
        self.navigation.select_area("home")
        self._restore_geometry()
        if open_package is not None:
            QTimer.singleShot(0, self, lambda: self.open_package(open_package))

    def show_area(self, key: str) -> None:
        """Show the page of area `key`, building it the first time."""
        page = self._pages.get(key)
        if page is None:
            page = build_page(self._areas[key], self._info, self._session, self._paths)
            self._pages[key] = page
            self.stack.addWidget(page)
        elif key in self._stale:
            self._stale.discard(key)
            _refresh(page)
        self.stack.setCurrentWidget(page)
        if self.navigation.current_key() != key:
            self.navigation.select_area(key)

    def on_changes(self, changes: Changes, initiator: QObject | None = None) -> None:
        """An operation changed records: every built page that shows them refreshes.

        The page on screen refreshes now, unless the change came from inside it
        (it already shows what it asked for, and refreshing under an open
        editor would throw away what the person is typing); pages off screen
        refresh when they are next shown. The status bar re-reads always.
        """
        self.status.refresh_exchange()
        current = self.stack.currentWidget()
        shown_there = changes.pages()
        for key, page in self._pages.items():
            if key not in shown_there:
                continue
            if page is not current:
                self._stale.add(key)
            elif not _contains(page, initiator):
                _refresh(page)

    def open_package(self, path: Path) -> None:
        """Show the exchange page (村庄 on a township) with the preview of `path`."""
        key = "exchange" if "exchange" in self._areas else "villages"
        self.show_area(key)
        opener = getattr(self._pages[key], "open_package", None)
        if opener is not None:
            opener(Path(path))

    def current_page(self) -> QWidget:
        """The page on screen."""
        return self.stack.currentWidget()

    def open_recycle(self):
        """Show the 回收站 (non-blocking); pages refresh when something was restored."""
        from ui.recycle_dialog import RecycleDialog

        dialog = RecycleDialog(self._session, self)
        dialog.open()  # what it restores is announced like any operation: the pages follow
        return dialog

    def open_about(self):
        """Show the 关于 dialog (non-blocking; returned for tests and screenshots)."""
        from ui.about_dialog import AboutDialog

        dialog = AboutDialog(__version__, self._paths.data_dir, self)
        dialog.open()
        return dialog

    def open_province_dialog(self):
        """设置 → 省份配置… (non-blocking; returned for tests and screenshots)."""
        from ui.settings.province_dialog import ProvinceDialog

        dialog = ProvinceDialog(self._session, self)
        dialog.province_changed.connect(self._on_province_changed)
        dialog.open()
        return dialog

    def _on_province_changed(self, _code: str) -> None:
        # The home page shows the profile: rebuild it. Other pages re-run their checks.
        self._info = setup_service.current() or self._info
        home = self._pages.pop("home", None)
        if home is not None:
            showing = self.stack.currentWidget() is home
            self.stack.removeWidget(home)
            home.deleteLater()
            if showing:
                self.show_area("home")
        for page in self._pages.values():
            refresh = getattr(page, "on_settings_changed", None)
            if refresh is not None:
                refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Remember the window's size and place for next time."""
        self._settings.values.window_geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
        self._settings.save()
        super().closeEvent(event)

    def _build_menus(self) -> None:
        from ui.font_size_menu import FontSizeMenu

        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        recycle_action = QAction(self.tr("回收站(&R)…"), self)
        recycle_action.triggered.connect(self.open_recycle)
        file_menu.addAction(recycle_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出(&X)"), self)
        # An explicit sequence: resolving StandardKey.Quit costs ~50 ms at start-up.
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        self.settings_menu = bar.addMenu(self.tr("设置(&S)"))
        self.font_size_menu = FontSizeMenu(self._settings, self)
        self.settings_menu.addMenu(self.font_size_menu)
        self.province_action = QAction(self.tr("省份配置(&P)…"), self)
        self.province_action.triggered.connect(self.open_province_dialog)
        can_manage = self._session.can(Permission.MANAGE_USERS)
        self.province_action.setEnabled(can_manage)
        if not can_manage:
            self.province_action.setStatusTip(self.tr("只有管理员可以更改省份配置。"))
        self.settings_menu.addAction(self.province_action)

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        about_action = QAction(self.tr("关于(&A)"), self)
        about_action.triggered.connect(self.open_about)
        help_menu.addAction(about_action)

    def _restore_geometry(self) -> None:
        """The size and place of last time; at first start as much of the screen as 1366×768.

        The village PCs have 1366×768 or 1024×600 screens: a first window of
        1100 pixels made the 村规民约 page scroll sideways on a screen that
        had room for all of it.
        """
        saved = self._settings.values.window_geometry
        if not saved or not self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            resize_within_screen(self, 1366, 768)


def _contains(page: QWidget, widget: QObject | None) -> bool:
    """Whether `widget` is `page` or lives inside it (its dialogs included)."""
    while widget is not None:
        if widget is page:
            return True
        widget = widget.parent()
    return False


def _refresh(page: QWidget) -> None:
    """Ask a page to re-read what it shows (every page has `refresh()`; the empty state has not)."""
    refresh = getattr(page, "refresh", None)
    if refresh is not None:
        refresh()
