"""Wizard page 4: what will be created, read back before anything is written."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QWizardPage

from models.provinces import PROVINCES
from ui.setup.commit_busy import CommitBusy
from ui.setup.titles import rich_title
from ui.widgets.field_message import FieldMessage
from ui.widgets.scaled_label import scale_font


class SummaryPage(QWizardPage):
    """Reads the earlier pages; nothing is saved until 完成 is pressed."""

    def __init__(self, mode_page, identity_page, admin_page):
        super().__init__()
        self._mode_page = mode_page
        self._identity_page = identity_page
        self._admin_page = admin_page
        self.setTitle(rich_title(self.tr("请核对")))
        self.setSubTitle(self.tr("点“完成”后保存。名称和代码以后要改,需要管理员操作。"))
        self.mode_label = QLabel()
        self.name_label = QLabel()
        self.code_label = QLabel()
        self.province_label = QLabel()
        self.admin_label = QLabel()
        #: The township joined with a 入网文件 (the row is hidden when typed by hand).
        self.township_label = QLabel()
        self.commit_message = FieldMessage()
        for label in (self.mode_label, self.name_label, self.code_label, self.province_label,
                      self.admin_label, self.township_label):
            scale_font(label, 1.1, bold=True)
        form = QFormLayout(self)
        form.setVerticalSpacing(12)
        form.addRow(self.tr("用途:"), self.mode_label)
        form.addRow(self.tr("名称:"), self.name_label)
        form.addRow(self.tr("代码:"), self.code_label)
        form.addRow(self.tr("省份:"), self.province_label)
        form.addRow(self.tr("所属乡镇:"), self.township_label)
        form.addRow(self.tr("管理员:"), self.admin_label)
        form.addRow(self.commit_message)
        self.commit_busy = CommitBusy()
        form.addRow(self.commit_busy)
        self._form = form

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        """Fill the summary from the pages before."""
        mode = self._mode_page.mode()
        village = mode == "village"
        self.mode_label.setText(self.tr("村") if village else self.tr("乡镇") if mode == "township"
                                else self.tr("县级(县、市、区)"))
        self.name_label.setText(self._identity_page.name())
        self.code_label.setText(self._identity_page.code())
        province = self._identity_page.province()
        self.province_label.setText(QCoreApplication.translate("provinces", PROVINCES[province]))
        self.admin_label.setText(self.tr("{name}(登录名 {login})").format(
            name=self._admin_page.display_name(), login=self._admin_page.login()))
        setup = self._identity_page.setup_info if village else None
        county = self._identity_page.county_setup if mode == "township" else None
        if setup is not None:
            self._form.labelForField(self.township_label).setText(self.tr("所属乡镇:"))
            self.township_label.setText(self.tr("{name}({code}),完成后就加入该乡镇").format(
                name=setup.township_name, code=setup.township_code))
        elif county is not None:
            self._form.labelForField(self.township_label).setText(self.tr("所属县:"))
            self.township_label.setText(self.tr("{name}({code}),完成后就加入该县").format(
                name=county.county_name, code=county.county_code))
        self._form.setRowVisible(self.township_label, setup is not None or county is not None)
        self.commit_message.clear_message()

    def show_commit_error(self, text: str) -> None:
        """Show why saving failed; the person can go back and correct it."""
        self.commit_message.show_error(text)
