"""First run as a county (县级): the third choice of the wizard, worded for a county, fitting 1024×600."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWizard

from desktop.services import setup_service
from tests.support.typing import type_text
from ui.setup.setup_wizard import SetupWizard

NEXT = QWizard.WizardButton.NextButton
FINISH = QWizard.WizardButton.FinishButton


def _click(qtbot, wizard, which):
    button = wizard.button(which)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_wizard_creates_a_county(qtbot, store):
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.resize(1024, 600 - 70)  # a netbook, less the task bar and the title bar
    wizard.show()
    qtbot.waitExposed(wizard)
    radio = wizard.mode_page.county_radio
    assert radio.isVisible() and radio.geometry().bottom() < wizard.height()
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(12, radio.height() // 2))
    assert wizard.mode_page.mode() == "county"
    _click(qtbot, wizard, NEXT)

    page = wizard.identity_page
    assert "县" in page.title()
    assert "6 位" in page.code_edit.placeholderText()
    type_text(qtbot, page.name_edit, "西湖区")
    qtbot.keyClicks(page.code_edit, "330106001")  # a township's code: refused, with what is expected
    assert not wizard.button(NEXT).isEnabled()
    assert "6 位" in page.code_message.text()
    page.code_edit.clear()
    qtbot.keyClicks(page.code_edit, "330106")
    assert wizard.button(NEXT).isEnabled()
    _click(qtbot, wizard, NEXT)

    admin = wizard.admin_page
    qtbot.keyClicks(admin.password_edit, "Xihu-county-2026")
    qtbot.keyClicks(admin.repeat_edit, "Xihu-county-2026")
    _click(qtbot, wizard, NEXT)
    assert wizard.summary_page.mode_label.text().startswith("县级")
    _click(qtbot, wizard, FINISH)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=30_000)
    info = setup_service.current()
    assert (info.mode, info.name, info.code) == ("county", "西湖区", "330106")
    assert wizard.session.role == "county_admin"
