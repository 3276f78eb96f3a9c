"""The first-run wizard, driven with keys and clicks on a fresh data folder."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWizard

from desktop.services import auth_service, setup_service
from tests.support.typing import type_text
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
    for _ in range(3):  # national -> 北京 11 -> 上海 31 -> 浙江 33 (the 统计用区划代码 order)
        qtbot.keyClick(page.province_combo, Qt.Key.Key_Down)
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
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=30_000)  # saved on a worker
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
    assert "村代码应为 12 位数字" in page.code_message.text()  # issue 15: the 统计用区划代码 structure
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
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=30_000)  # saved on a worker
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert setup_service.has_users()
    assert wizard.session.actor == "admin"


def _setup_file(tmp_path, store):
    """A township's 入网文件 for 青山村 (written in another data folder), then back on the empty store."""
    from desktop.storage import open_store
    from models.db import close_database
    from tests.support.sites import make_login_pair

    setup_file = make_login_pair(tmp_path / "p", enroll=False).setup_file
    close_database()
    open_store(store, backup_before_migration=False)
    return setup_file


def test_setup_file_says_what_to_do_after_the_phone_check_and_names_the_township(qtbot, tmp_path, store):
    setup_file = _setup_file(tmp_path, store)
    wizard = _wizard(qtbot)
    _click(qtbot, wizard, NEXT)
    page = wizard.identity_page
    assert page._form.labelForField(page.code_edit.parentWidget()).text() == "村代码"
    assert not page.setup_after.isVisible()
    assert page.load_setup_file(setup_file)
    # After the fingerprint: what to do when it matches, when it does not, and why the fields are locked.
    assert page.setup_after.isVisible()
    assert "核对一致后点“下一步”" in page.setup_after.text() and "不一致" in page.setup_after.text()
    assert "不能修改" in page.setup_after.text()
    _click(qtbot, wizard, NEXT)
    qtbot.keyClicks(wizard.admin_page.password_edit, "Qingshan-2026")
    qtbot.keyClicks(wizard.admin_page.repeat_edit, "Qingshan-2026")
    qtbot.keyClick(wizard.admin_page.repeat_edit, Qt.Key.Key_Return)
    summary = wizard.summary_page
    assert wizard.currentPage() is summary
    assert summary.township_label.isVisible() and "城关镇(330106001)" in summary.township_label.text()
    # Back to typing by hand: the summary no longer names a township.
    wizard.back()
    wizard.back()
    page.clear_setup()
    assert not page.setup_after.isVisible()
    wizard.next()
    wizard.next()
    assert not summary.township_label.isVisible()


def test_a_setup_file_gone_from_the_stick_is_explained_in_chinese(qtbot, tmp_path, store):
    wizard = _wizard(qtbot)
    _click(qtbot, wizard, NEXT)
    page = wizard.identity_page
    assert not page.load_setup_file(tmp_path / "330106001001_入网文件_20261130.cwpkg")
    assert page.setup_message.role() == "error"
    assert "U盘是否已经拔出" in page.setup_message.text()
    assert "No such file" not in page.setup_message.text()


def test_finish_works_on_a_worker_with_a_busy_line_and_the_wizard_stays_responsive(qtbot, store):
    """完成 hashed the password and built the database on the UI thread: ~5 s of a frozen window (issue 15 walk)."""
    setup_service.initialize("village", "青山村", "330106001001")
    wizard = _wizard(qtbot, admin_only=True)
    qtbot.keyClicks(wizard.admin_page.password_edit, "Qingshan-2026")
    qtbot.keyClicks(wizard.admin_page.repeat_edit, "Qingshan-2026")
    _click(qtbot, wizard, FINISH)
    if wizard.is_busy():  # the line and the held buttons while it works; Esc / 取消 wait
        busy = wizard.admin_page.commit_busy
        assert busy.isVisible() and busy.label.text() == "正在建立管理员账号…"
        assert not wizard.button(FINISH).isEnabled() and not wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
        wizard.reject()
        assert wizard.isVisible()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=30_000)
    assert wizard.result() == QWizard.DialogCode.Accepted and wizard.session.actor == "admin"
    assert not wizard.admin_page.commit_busy.isVisible()
