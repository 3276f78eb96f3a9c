"""Wizard page 1: is this computer a village's, a township's or a county's?"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWizardPage

from ui.setup.titles import rich_title
from ui.widgets.scaled_label import scale_font

VILLAGE, TOWNSHIP, COUNTY = "village", "township", "county"


class ModePage(QWizardPage):
    """Three large choices, each with one line saying who it is for."""

    def __init__(self):
        super().__init__()
        self.setTitle(rich_title(self.tr("这台电脑给谁用?")))
        self.setSubTitle(self.tr("选择后不能更改。不确定时请选“村”。"))

        self.village_radio = scale_font(QRadioButton(self.tr("村")), 1.25, bold=True)
        self.township_radio = scale_font(QRadioButton(self.tr("乡镇")), 1.25, bold=True)
        self.county_radio = scale_font(QRadioButton(self.tr("县级(县、市、区)")), 1.25, bold=True)
        self.village_radio.setChecked(True)
        group = QButtonGroup(self)
        for radio in (self.village_radio, self.township_radio, self.county_radio):
            group.addButton(radio)
        group.buttonToggled.connect(self.completeChanged)

        village_hint = QLabel(self.tr(
            "村委会、村务监督委员会使用:记录村规民约、村务公开、会议与表决,定期把数据包交给乡镇。"))
        township_hint = QLabel(self.tr(
            "乡镇人大主席团、民政办使用:登记各村、接收各村的数据包、审核备案、出合规报表。"))
        county_hint = QLabel(self.tr(
            "县(市、区)民政局、人大常委会使用:登记各乡镇、导入乡镇报来的县级汇总包,"
            "查看各乡镇、各村的合规情况和村规民约备案。"))
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        for radio, hint in ((self.village_radio, village_hint),
                            (self.township_radio, township_hint),
                            (self.county_radio, county_hint)):
            hint.setWordWrap(True)
            hint.setProperty("role", "hint")
            hint.setContentsMargins(28, 0, 0, 12)
            layout.addWidget(radio)
            layout.addWidget(hint)
        layout.addStretch(1)

    def mode(self) -> str:
        """The chosen mode: `"village"`, `"township"` or `"county"`."""
        if self.county_radio.isChecked():
            return COUNTY
        return TOWNSHIP if self.township_radio.isChecked() else VILLAGE
