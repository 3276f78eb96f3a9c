"""The main window: navigation on the left, the chosen area's page on the right.

It receives everything it shows (installation, session, paths, settings)
from `desktop.app`; it owns no services and no global state.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QByteArray, QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QWidget

from desktop import __version__
from desktop.changes import Changes
from desktop.drafts_store import Draft, DraftStore
from desktop.paths import AppPaths
from desktop.services import backup_service, record_stamps, setup_service
from desktop.services.session import Session
from desktop.services.setup_service import InstallationInfo
from models.roles import Permission, role_label
from ui.navigation import NavigationList, areas_for_mode
from ui.operations import operations_hub
from ui.pages.factory import build_page
from ui.settings_store import SettingsStore
from ui.status_bar import AppStatusBar
from ui.widgets.dialogs import inform
from ui.widgets.screen_fit import ScrollingStack, resize_within_screen
from ui.widgets.unsaved import EditGuard, ask_before_leaving, ask_leave, draft_keeper


class MainWindow(QMainWindow):
    """Navigation list + stacked pages + menus + status bar.

    `session_ended("logout" | "switch")` is emitted when the window closed for
    文件 → 注销 or 切换用户 (after the same checks as any close), so
    `ui.session_keeper` shows the login again in this process.
    """

    session_ended = Signal(str)

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
        self._ending = ""  # "logout" / "switch" while 注销 or 切换用户 closes the window
        self._closing = False  # every editor was asked: the next close goes through
        #: This login's drafts of unsaved typing (DESIGN §6); every editor's EditGuard writes there.
        self.drafts = DraftStore(paths.drafts, session.actor, info.code)
        draft_keeper().use(self.drafts, owner=self, stamp_of=record_stamps.stamp)
        # The system is shutting down (Windows logs off): keep every draft now, the 3 s pause may not come.
        app = QGuiApplication.instance()
        if app is not None:
            app.commitDataRequest.connect(self._keep_drafts_now)
        self.restore_dialog = None
        self.search_dialog = None
        self.setWindowTitle(self.tr("{name} - 村务台账(县级)").format(name=info.name) if info.mode == "county"
                            else self.tr("{name} - 村务台账").format(name=info.name))
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
        QTimer.singleShot(0, self, self.offer_drafts)

    def show_area(self, key: str) -> None:
        """Show the page of area `key`, building it the first time."""
        page = self._pages.get(key)
        if page is None:
            page = build_page(self._areas[key], self._info, self._session, self._paths)
            self._pages[key] = page
            self.stack.addWidget(page)
            if key in ("home", "people") and hasattr(page, "go_to"):  # to-do lines; 任职 → 村务监督
                page.go_to.connect(self.go_to)
            if hasattr(page, "search_requested"):  # 村庄: words that are no village's name
                page.search_requested.connect(self.open_search)
        elif key in self._stale:
            self._stale.discard(key)
            _refresh(page)
        self.stack.setCurrentWidget(page)
        if self.navigation.current_key() != key:
            self.navigation.select_area(key)

    def go_to(self, target: str) -> None:
        """Open a to-do line's place: an area key, "area:tab" (the page's `<tab>_tab`), "accounts" or "backup".

        "area:tab@<id>" also opens that one record (the page's `open_record`):
        a line about one item waiting for review lands on that item, not on
        the list the person would have to search. At the township,
        "village_file:<village code>:<kind>@<id>" opens a village's file on
        one of its records (`ui.township.village_file`).
        """
        if target == "accounts":
            self.open_accounts()
            return
        if target == "backup":
            self.open_backup()
            return
        place, _, record = target.partition("@")
        key, _, tab = place.partition(":")
        if key == "village_file" and "villages" in self._areas:  # "village_file:<code>[:<kind>]@<id>" (township)
            code, _, kind = tab.partition(":")
            self.show_area("villages")
            self._pages["villages"].open_village_file(code, kind or None, record or None)
            return
        if key not in self._areas:
            return
        self.show_area(key)
        page = self._pages[key]
        widget = getattr(page, f"{tab}_tab", None) if tab else None
        if widget is not None and hasattr(page, "tabs"):
            page.tabs.setCurrentWidget(widget)
        if record and hasattr(page, "open_record"):
            page.open_record(tab, record)

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
        """Show the exchange page (村庄 on a township, 乡镇 at a county) with the preview of `path`."""
        key = next(k for k in ("exchange", "villages", "townships") if k in self._areas)
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

    def open_search(self, text: str | None = None):
        """搜索 (Ctrl+F, the box in the menu bar, the 村庄 filter): the search window, kept between uses.

        `text` is searched at once; without it the window comes back with the
        last query and its hits. Non-blocking; returned for tests and screenshots.
        """
        from ui.search.search_dialog import SearchDialog

        villages = None
        if self._info.mode == "township":  # read each time: a village enrolled since is offered too
            from desktop.services import review_service

            villages = review_service.village_names()
            villages.pop(self._info.code, None)
        elif self._info.mode == "county":  # the villages of the filed rules, "乡镇 村"
            from desktop.services import county_search

            villages = county_search.village_names()
        dialog = self.search_dialog
        if dialog is None or not shiboken6.isValid(dialog):
            dialog = SearchDialog(self._session, self, villages=villages, county=self._info.mode == "county")
            dialog.open_requested.connect(self.go_to)
            self.search_dialog = dialog
        elif villages is not None:
            dialog.set_villages(villages)
        dialog.start(text)
        return dialog

    def open_verify_paper(self):
        """Show 核验纸质件 (non-blocking): type a printed 核验码, see whether the paper matches."""
        from ui.verify_paper_dialog import VerifyPaperDialog

        dialog = VerifyPaperDialog(self)
        dialog.open()
        return dialog

    def open_backup(self):
        """文件 → 备份… (non-blocking; returned for tests and screenshots)."""
        from ui.backup_dialog import BackupDialog

        if not backup_service.may_back_up(self._session):  # the menu item is off; a to-do line may still ask
            inform(self, self.tr("备份"), self.backup_action.statusTip())
            return None
        dialog = BackupDialog(self._session, self._paths, self._settings, self)
        dialog.open()
        return dialog

    def open_restore(self):
        """文件 → 从备份恢复… (administrators; non-blocking). After a restore the session ends: log in again."""
        from ui.restore_dialog import RestoreDialog

        # Every editor lets go first (保存 / 不保存): after the swap, nothing typed could be saved anywhere sensible.
        dialog = RestoreDialog(self._session, self._paths, self._settings, self,
                               before_restore=self.ask_leave_all)
        dialog.restored.connect(lambda _previous: self._after_restore(dialog))
        dialog.open()
        return dialog

    def _after_restore(self, dialog) -> None:
        """The data was replaced: say so, then close this window and ask for a login on the restored data.

        Nothing on screen belongs to the restored data (pages, editors, the
        login itself may not exist there), so the window is not refreshed:
        the session ends as with 注销 (`ui.session_keeper` shows the login).
        """
        from ui.widgets.dialogs import inform

        dialog.accept()
        self.restored_box = inform(self, self.tr("从备份恢复"), self.tr("数据已经从备份恢复。请重新登录。"),
                                   self.tr("原来的数据另存为:{path}").format(path=dialog.previous or "-"))
        self.restored_box.finished.connect(lambda _result: self._end_session("restored"))

    def open_about(self):
        """Show the 关于 dialog (non-blocking; returned for tests and screenshots)."""
        from desktop.services import exchange_service
        from ui.about_dialog import AboutDialog

        info = self._info
        identity = f"{info.name}({info.code})" if info is not None else ""
        dialog = AboutDialog(__version__, self._paths.data_dir, self, identity=identity,
                             fingerprint=exchange_service.own_fingerprint(self._paths))
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

    def session(self) -> Session:
        """The login this window works for."""
        return self._session

    def log_out(self) -> None:
        """文件 → 注销: close this window (asking as any close does), then the login again."""
        self._end_session("logout")

    def switch_user(self) -> None:
        """文件 → 切换用户: as 注销, with the login name left empty for the other person."""
        self._end_session("switch")

    def quit_app(self) -> None:
        """文件 → 退出: close the window and end the program."""
        self._ending = ""
        self.close()

    def _say_who_may_back_up(self) -> None:
        """The greyed 备份 item's tooltip and status tip: which roles may back up, and why not this one."""
        mode = self._session.installation_info().mode if self._session.installation_info() else "village"
        roles = self.tr("、").join(QCoreApplication.translate("roles", role_label(role))
                         for role in backup_service.roles_that_back_up(mode))
        tip = self.tr("备份里有人员名册等个人信息,只有{roles}可以备份。").format(roles=roles)
        self.backup_action.setStatusTip(tip)
        self.backup_action.setToolTip(tip)

    def _lend_quit_action(self, _old: QWidget | None, now: QWidget | None) -> None:
        """Give 退出 (Ctrl+Q) to a window of this one that got the focus (a meeting or 财务 editor).

        Quitting from there then asks about unsaved work as from here (`quit_app`).
        """
        if now is None or not shiboken6.isValid(self):
            return
        window = now.window()
        if window is not self and _contains(self, window) and self.quit_action not in window.actions():
            window.addAction(self.quit_action)

    def _end_session(self, kind: str) -> None:
        self._ending = kind
        self.close()  # the window's own checks run; it emits `session_ended` once it really closed

    def open_accounts(self):
        """设置 → 账号… (administrators; non-blocking, returned for tests and screenshots)."""
        from ui.settings.accounts_dialog import AccountsDialog

        dialog = AccountsDialog(self._session, self, show_register=lambda: self.show_area("people"))
        dialog.open()
        return dialog

    def open_change_password(self):
        """设置 → 修改密码… (everyone, for their own login; non-blocking)."""
        from ui.settings.change_password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self._session, self)
        dialog.open()
        return dialog

    # ----- unsaved work ---------------------------------------------------------------------

    def _own_dirty_guards(self) -> list[EditGuard]:
        return [g for g in draft_keeper().dirty_guards() if _contains(self, g.editor)]

    def _show_editor_of(self, guard: EditGuard) -> QWidget:
        """Bring the page of `guard`'s editor on screen; the window to ask over."""
        editor = guard.editor
        page = self._pages.get(guard.area)
        if page is not None and _contains(page, editor):
            self.show_area(guard.area)
        window = editor.window()
        if window is not self:
            window.raise_()
            window.activateWindow()
        return window

    def confirm_leave_all(self) -> bool:
        """Ask 保存 / 不保存 / 取消 for every editor with unsaved changes, one after another.

        Blocking: returns True when every one was saved or discarded (the
        caller may then quit, 注销 or 切换用户), False at the first 取消 or
        refused save (that editor is on screen, its typing kept).
        """
        for guard in self._own_dirty_guards():
            editor = guard.editor
            if editor is not None and not ask_before_leaving(editor, self._show_editor_of(guard)):
                return False
        return True

    def ask_leave_all(self, then, _asked: frozenset[int] = frozenset()) -> None:
        """The non-blocking form of `confirm_leave_all`: `then(True)` once every editor let go."""
        guards = [g for g in self._own_dirty_guards() if id(g) not in _asked]
        if not guards:
            then(True)
            return
        guard = guards[0]
        asked = _asked | {id(guard)}
        # The answer's slot lives on the box, a child of this window: it holds this window only weakly.
        # Held strongly, the box's deletion could drop the last reference to a window already let go
        # (注销 hands the old window to deleteLater), deleting the window from inside its child's destructor.
        me = weakref.ref(self)

        def answered(ok: bool) -> None:
            window = me()
            if window is None:
                return
            if ok:
                window.ask_leave_all(then, asked)  # the next dirty editor, if any
            else:
                then(False)

        ask_leave(guard.editor, self._show_editor_of(guard), answered)

    def _close_after_asking(self, ok: bool) -> None:
        if ok:
            self._closing = True
            self.close()

    def _discard_draft(self, draft: Draft) -> None:
        self.drafts.remove(draft.key)

    def _keep_drafts_now(self, *_args) -> None:
        draft_keeper().keep_all_now()

    def offer_drafts(self):
        """After login: offer the drafts a crash left for this login (恢复未保存的内容); the dialog or None."""
        from ui.widgets.restore_drafts_dialog import RestoreDraftsDialog

        drafts = self.drafts.pending()
        if not drafts:
            return None
        dialog = RestoreDraftsDialog([self._draft_entry(d) for d in drafts], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restore_requested.connect(self.restore_draft)
        dialog.discard_requested.connect(self._discard_draft)
        self.restore_dialog = dialog
        dialog.open()
        return dialog

    def _offer_drafts_or_say_none(self) -> None:
        if self.offer_drafts() is None:
            inform(self, self.tr("恢复未保存的内容"), self.tr("没有未保存的草稿。"))

    def _draft_entry(self, draft: Draft) -> tuple[Draft, str, bool]:
        """(draft, note, can_restore): the note says when its record changed since, or is gone."""
        now = draft_keeper().current_stamp(draft.key)
        if now == record_stamps.MISSING or (now and now.endswith("-deleted")):
            return draft, self.tr("原记录已经删除,不能恢复。"), False
        if draft.area not in self._areas:
            return draft, self.tr("这里没有这份草稿的页面,不能恢复。"), False
        if now is not None and now != draft.record_stamp:
            return draft, self.tr("草稿之后这份记录又被修改过;恢复后再保存,会替换那次修改。"), True
        return draft, "", True

    def restore_draft(self, draft: Draft) -> QWidget | None:
        """恢复: show the draft's page, open its editor there and put the typing back; the editor."""
        self.show_area(draft.area)
        opener = getattr(self._pages.get(draft.area), "open_for_draft", None)
        editor = opener(draft.key) if opener is not None else None
        if editor is None:
            inform(self, self.tr("恢复未保存的内容"), self.tr("这份草稿对应的内容已经打不开了,没有恢复。"))
            return None
        editor.restore_draft(draft.state)
        if not editor.is_dirty():  # the record cannot be changed any more (审定 since, or no permission)
            inform(self, self.tr("恢复未保存的内容"), self.tr(
                "这份记录现在不能修改(可能已经审定),草稿没有放回去。"
                "草稿还留着,可以在“文件 → 恢复未保存的内容”里丢弃。"))
            return editor
        guard = draft_keeper().guard_for(editor)
        if guard is not None:
            guard.adopt(draft)
        return editor

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Ask for every editor with unsaved changes, then remember the window's size and place."""
        if event.spontaneous():
            self._ending = ""  # the title bar's close button: the program ends, whatever was asked before
        if not self._closing and self._own_dirty_guards():
            event.ignore()  # asked without blocking; closes again after 保存 / 不保存 for each
            self.ask_leave_all(_weakly(self._close_after_asking))
            return
        self._settings.values.window_geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
        self._settings.save()
        super().closeEvent(event)
        if event.isAccepted() and self._ending:
            ending, self._ending = self._ending, ""
            self.session_ended.emit(ending)

    def _build_menus(self) -> None:
        from ui.font_size_menu import FontSizeMenu

        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        self._build_search(file_menu)
        recycle_action = QAction(self.tr("回收站(&R)…"), self)
        recycle_action.triggered.connect(self.open_recycle)
        file_menu.addAction(recycle_action)
        self.drafts_action = QAction(self.tr("恢复未保存的内容(&U)…"), self)
        self.drafts_action.setStatusTip(self.tr("上次没有保存就关闭(或停电)时留下的草稿"))
        self.drafts_action.triggered.connect(self._offer_drafts_or_say_none)
        file_menu.addAction(self.drafts_action)
        self.verify_action = QAction(self.tr("核验纸质件(&V)…"), self)
        self.verify_action.setStatusTip(self.tr("输入打印件上的核验码,看它与本机收到的记录是否一致"))
        self.verify_action.triggered.connect(self.open_verify_paper)
        file_menu.addAction(self.verify_action)
        self.backup_action = QAction(self.tr("备份(&B)…"), self)
        self.backup_action.triggered.connect(self.open_backup)
        file_menu.addAction(self.backup_action)
        self.backup_action.setEnabled(backup_service.may_back_up(self._session))
        if not self.backup_action.isEnabled():  # the whole register, phone numbers and all: not every login's
            self._say_who_may_back_up()
        self.restore_action = QAction(self.tr("从备份恢复(&O)…"), self)
        self.restore_action.triggered.connect(self.open_restore)
        self.restore_action.setEnabled(backup_service.may_restore(self._session))
        if not self.restore_action.isEnabled():
            self.restore_action.setStatusTip(self.tr("只有管理员可以从备份恢复。"))
            self.restore_action.setToolTip(self.restore_action.statusTip())
        file_menu.setToolTipsVisible(True)  # a greyed item says who may use it
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        self.logout_action = QAction(self.tr("注销(&L)"), self)
        self.logout_action.setStatusTip(self.tr("退出这个账号,回到登录窗口"))
        self.logout_action.triggered.connect(self.log_out)
        file_menu.addAction(self.logout_action)
        self.switch_action = QAction(self.tr("切换用户(&W)…"), self)
        self.switch_action.setStatusTip(self.tr("换另一个人的账号登录,不用关闭程序"))
        self.switch_action.triggered.connect(self.switch_user)
        file_menu.addAction(self.switch_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出(&X)"), self)
        # An explicit sequence: resolving StandardKey.Quit costs ~50 ms at start-up.
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.quit_app)
        file_menu.addAction(quit_action)
        self.quit_action = quit_action
        # The editors are windows of their own (and window-modal): Ctrl+Q there reaches this action
        # once the window has it. It dies with this window, so after 切换用户 only the live one exists.
        QApplication.instance().focusChanged.connect(self._lend_quit_action)

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
        self.settings_menu.addSeparator()
        self.accounts_action = QAction(self.tr("账号(&A)…"), self)
        self.accounts_action.triggered.connect(self.open_accounts)
        self.accounts_action.setEnabled(can_manage)
        if not can_manage:
            self.accounts_action.setStatusTip(self.tr("只有管理员可以管理账号。"))
        self.settings_menu.addAction(self.accounts_action)
        self.password_action = QAction(self.tr("修改密码(&C)…"), self)
        self.password_action.triggered.connect(self.open_change_password)
        self.settings_menu.addAction(self.password_action)

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        about_action = QAction(self.tr("关于(&A)"), self)
        about_action.triggered.connect(self.open_about)
        help_menu.addAction(about_action)

    def _build_search(self, file_menu) -> None:
        """文件 → 搜索… (Ctrl+F) and the 搜索记录 box in the menu bar (at a county: the filed rule texts)."""
        from ui.search.search_box import SearchBox

        self.search_action = QAction(self.tr("搜索(&S)…"), self)
        self.search_action.setShortcut(QKeySequence("Ctrl+F"))
        self.search_action.setStatusTip(
            self.tr("在各村备案的村规民约全文中查找字词") if self._info.mode == "county"
            else self.tr("在全部记录中查找字词:人员、会议、村规民约条文、村务公开、监督事项、通知"))
        self.search_action.triggered.connect(lambda: self.open_search())
        file_menu.addAction(self.search_action)
        file_menu.addSeparator()
        self.search_box = SearchBox(self.search_action.shortcut())
        self.search_box.search_requested.connect(self.open_search)
        self.menuBar().setCornerWidget(self.search_box, Qt.Corner.TopRightCorner)

    def _restore_geometry(self) -> None:
        """The size and place of last time; at first start as much of the screen as 1366×768.

        The village PCs have 1366×768 or 1024×600 screens: a first window of
        1100 pixels made the 村规民约 page scroll sideways on a screen that
        had room for all of it.
        """
        saved = self._settings.values.window_geometry
        if not saved or not self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            resize_within_screen(self, 1366, 768)


def _weakly(method: Callable[..., Any]) -> Callable[..., None]:
    """`method` of a window, called only while the window lives (a slot on its child holds it weakly)."""
    ref = weakref.WeakMethod(method)

    def call(*args: Any) -> None:
        bound = ref()
        if bound is not None:
            bound(*args)

    return call


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
