"""The first-run wizard, driven with keys and clicks on a fresh data folder."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWizard

from desktop.services import auth_service, setup_service
from tests.gui.typing import type_text
from ui.setup.setup_wizard import SetupWizard

NEXT = QWizard.WizardButton.NextButton
FINISH = QWizard.WizardButton.FinishButton


def _wizard(qtbot, **kwargs) -> SetupWizard:
    wizard = SetupWizard(**kwargs)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _click(qtbot, wizard, which):
    button = wizard.button(which)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_village_setup_creates_installation_and_admin(qtbot, store):
    wizard = _wizard(qtbot)
    assert wizard.currentPage() is wizard.mode_page
    assert wizard.mode_page.village_radio.isChecked()
    _click(qtbot, wizard, NEXT)

    page = wizard.identity_page
    assert wizard.currentPage() is page
    assert not wizard.button(NEXT).isEnabled()
    type_text(qtbot, page.name_edit, "青山村")
    qtbot.keyClicks(page.code_edit, "330106001001")
    page.province_combo.setFocus()
    qtbot.keyClick(page.province_combo, Qt.Key.Key_Down)  # national -> zhejiang
    assert page.province() == "zhejiang"
    qtbot.keyClick(page.code_edit, Qt.Key.Key_Return)  # Enter = next
    assert wizard.currentPage() is wizard.admin_page

    admin = wizard.admin_page
    assert admin.login_edit.text() == "admin"
    assert not wizard.button(NEXT).isEnabled()
    qtbot.keyClicks(admin.password_edit, "Qingshan-2026")
    assert admin.strength_message.role() == "ok"  # 强
    qtbot.keyClicks(admin.repeat_edit, "Qingshan-2026")
    qtbot.keyClick(admin.repeat_edit, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.summary_page
    assert wizard.summary_page.name_label.text() == "青山村"
    assert wizard.summary_page.code_label.text() == "330106001001"

    _click(qtbot, wizard, FINISH)
    assert wizard.result() == QWizard.DialogCode.Accepted
    info = setup_service.current()
    assert (info.mode, info.name, info.code, info.province) == (
        "village", "青山村", "330106001001", "zhejiang")
    assert setup_service.has_users()
    assert wizard.session.role == "admin"
    assert auth_service.login("admin", "Qingshan-2026").role == "admin"


def test_township_mode_is_worded_for_a_township(qtbot, store):
    wizard = _wizard(qtbot)
    radio = wizard.mode_page.township_radio
    # A person clicks the circle or the word, not the empty space right of it.
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(12, radio.height() // 2))
    assert wizard.mode_page.mode() == "township"
    _click(qtbot, wizard, NEXT)
    assert "乡镇" in wizard.identity_page.title()
    assert "9 位" in wizard.identity_page.code_edit.placeholderText()


def test_invalid_code_shows_reason_and_blocks_next(qtbot, store):
    wizard = _wizard(qtbot)
    _click(qtbot, wizard, NEXT)
    page = wizard.identity_page
    type_text(qtbot, page.name_edit, "青山村")
    qtbot.keyClicks(page.code_edit, "3301x")
    assert page.code_message.role() == "error"
    assert "代码只能是 6 到 20 位数字" in page.code_message.text()
    assert not wizard.button(NEXT).isEnabled()
    qtbot.keyClick(page.code_edit, Qt.Key.Key_Return)  # Enter does not skip the rule
    assert wizard.currentPage() is page

    qtbot.keyClick(page.code_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(page.code_edit, "06001001")
    assert page.code_message.role() != "error"
    assert wizard.button(NEXT).isEnabled()


def test_short_name_and_mismatched_passwords_are_explained(qtbot, store):
    wizard = _wizard(qtbot)
    _click(qtbot, wizard, NEXT)
    type_text(qtbot, wizard.identity_page.name_edit, "青")
    assert "2 到 32 个字" in wizard.identity_page.name_message.text()
    type_text(qtbot, wizard.identity_page.name_edit, "山村")
    qtbot.keyClicks(wizard.identity_page.code_edit, "330106001001")
    _click(qtbot, wizard, NEXT)

    admin = wizard.admin_page
    qtbot.keyClicks(admin.password_edit, "12345")
    assert admin.strength_message.role() == "error"
    qtbot.keyClicks(admin.password_edit, "6abc")
    qtbot.keyClicks(admin.repeat_edit, "123456abd")
    assert "不一致" in admin.repeat_message.text()
    assert not wizard.button(NEXT).isEnabled()
    qtbot.keyClick(admin.repeat_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(admin.repeat_edit, "c")
    assert wizard.button(NEXT).isEnabled()


def test_admin_page_alone_when_installation_has_no_user(qtbot, store):
    setup_service.initialize("village", "青山村", "330106001001")
    wizard = _wizard(qtbot, admin_only=True)
    assert wizard.currentPage() is wizard.admin_page
    qtbot.keyClicks(wizard.admin_page.password_edit, "Qingshan-2026")
    qtbot.keyClicks(wizard.admin_page.repeat_edit, "Qingshan-2026")
    _click(qtbot, wizard, FINISH)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert setup_service.has_users()
    assert wizard.session.actor == "admin"
