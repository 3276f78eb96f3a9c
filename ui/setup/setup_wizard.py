"""The first-run wizard, and its administrator page alone for a folder without users.

Nothing is written until the last page is accepted; then the installation
and the administrator are created through `setup_service` (the same rules
as `cunwu init`), and the new administrator is logged in, so the person
lands in the main window without typing the password a third time.

That work takes seconds (the password is hashed with scrypt at N = 2^17,
the database is created): it runs on a worker (`ui.operations.Runner`)
with "正在建立本村的账套…" and a moving bar, the buttons held, and the
wizard closes itself when it is done.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard

from desktop.services import auth_service, setup_service
from desktop.services.session import Session
from models.roles import ADMIN_ROLE
from ui.errors import error_text
from ui.operations import Runner
from ui.setup.admin_page import AdminPage
from ui.setup.identity_page import IdentityPage
from ui.setup.mode_page import ModePage
from ui.setup.summary_page import SummaryPage
from ui.widgets.primary_button import make_primary

log = logging.getLogger(__name__)


class SetupWizard(QWizard):
    """Creates the installation and its first administrator.

    After `accepted`, `session` holds the logged-in administrator.
    """

    def __init__(self, admin_only: bool = False, parent: QWidget | None = None):
        """Build the wizard.

        Args:
            admin_only: the installation exists but has no login (e.g. every
                account was deactivated): show only the administrator page.
            parent: optional parent widget.
        """
        super().__init__(parent)
        self.session: Session | None = None
        self._admin_only = admin_only
        self.runner = Runner(self)
        self.runner.busy_changed.connect(self._show_busy)
        self.setWindowTitle(self.tr("村务台账 - 初次设置"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoDefaultButton, False)
        self.setMinimumSize(680, 480)
        for which, text in ((QWizard.WizardButton.NextButton, self.tr("下一步")),
                            (QWizard.WizardButton.BackButton, self.tr("上一步")),
                            (QWizard.WizardButton.FinishButton, self.tr("完成")),
                            (QWizard.WizardButton.CancelButton, self.tr("取消"))):
            self.setButtonText(which, text)
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
            make_primary(self.button(which))
        # Rich-text titles so the header scales with the font-size setting.
        self.setTitleFormat(Qt.TextFormat.RichText)
        self.setSubTitleFormat(Qt.TextFormat.PlainText)

        self.mode_page = ModePage()
        self.identity_page = IdentityPage(self.mode_page.mode)
        self.admin_page = AdminPage()
        self.summary_page = SummaryPage(self.mode_page, self.identity_page, self.admin_page)
        if admin_only:
            self.addPage(self.admin_page)
        else:
            for page in (self.mode_page, self.identity_page, self.admin_page, self.summary_page):
                self.addPage(page)

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt override
        """On the last page, start saving on a worker; the wizard closes itself when it is done.

        Returns False while saving (the wizard stays, painting, with its
        buttons held); `_committed` then accepts, and this is asked again
        with the session in hand. A refusal is shown on the page.
        """
        if not super().validateCurrentPage():
            return False
        if self.nextId() != -1 or self.session is not None:
            return True
        self.currentPage().commit_message.clear_message()
        self.runner.run_call(self._commit, self._committed, self._refused)
        return False

    def is_busy(self) -> bool:
        """Whether 完成's work is running."""
        return self.runner.is_busy()

    def _show_busy(self, busy: bool) -> None:
        page = self.currentPage()
        if busy:
            text = (self.tr("正在建立管理员账号…") if self._admin_only
                    else self.tr("正在建立本村的账套…") if self.mode_page.mode() == "village"
                    else self.tr("正在建立本乡镇的账套…") if self.mode_page.mode() == "township"
                    else self.tr("正在建立本县的账套…"))
            page.commit_busy.start(text)
        else:
            page.commit_busy.stop()
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton,
                      QWizard.WizardButton.CancelButton):
            self.button(which).setEnabled(not busy)

    def _committed(self, session: Session) -> None:
        self.session = session
        self.accept()  # QWizard.done asks validateCurrentPage again: the session is there

    def reject(self) -> None:
        """取消, Esc and ✕ wait while the data is being created (half a setup must not be left)."""
        if self.runner.is_busy():
            return
        super().reject()

    def _refused(self, exc: BaseException) -> None:
        """The last page says why nothing was created; the wizard stays on it."""
        log.info("setup refused: %s", exc)
        self.currentPage().show_commit_error(error_text(exc))

    def _commit(self) -> Session:
        admin = self.admin_page
        if self._admin_only:
            mode = setup_service.current().mode
            setup_service.create_user(None, admin.login(), admin.display_name(),
                                      ADMIN_ROLE[mode], admin.password(), admin.repeat())
        elif self.mode_page.mode() == "village" and self.identity_page.setup_info is not None:
            from desktop.services import exchange_service

            mode = "village"  # the township from the 入网文件 is pinned in the same transaction
            exchange_service.initialize_village_from_setup(
                self.identity_page.setup_info, admin.login(), admin.display_name(),
                admin.password(), admin.repeat())
        elif self.mode_page.mode() == "township" and self.identity_page.county_setup is not None:
            from desktop.services import county_exchange_service

            mode = "township"  # the county from its 入网文件 is pinned in the same transaction
            county_exchange_service.initialize_township_from_setup(
                self.identity_page.county_setup, admin.login(), admin.display_name(), admin.password(), admin.repeat())
        else:
            mode = self.mode_page.mode()
            setup_service.initialize_with_admin(
                mode, self.identity_page.name(), self.identity_page.code(),
                self.identity_page.province(), admin.login(), admin.display_name(),
                admin.password(), admin.repeat())
        log.info("setup finished: %s administrator %s", mode, admin.login())
        return auth_service.login(admin.login(), admin.password())
