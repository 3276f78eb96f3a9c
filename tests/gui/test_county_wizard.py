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
    # 33… is 浙江: the county's profile (every township and village it enrols starts with it) follows the code
    assert page.province() == "zhejiang"
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


def test_a_new_township_joins_its_county_with_the_county_setup_file(qtbot, store, tmp_path):
    """The wizard's `cunwu init township --setup FILE`: name, code and province from the county's file, locked."""
    from desktop.paths import AppPaths
    from desktop.services.session import cli_session
    from desktop.storage import open_store
    from desktop.sync import county_enrollment
    from models.db import close_database

    close_database()
    open_store(AppPaths(tmp_path / "县"), backup_before_migration=False)
    setup_service.initialize("county", "西湖区", "330106", "zhejiang")
    county_paths = AppPaths(tmp_path / "县")
    setup_file = county_enrollment.enroll_township(cli_session("county"), county_paths, "330106002", "青山镇", tmp_path)
    close_database()
    open_store(store, backup_before_migration=False)

    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.mode_page.township_radio.setChecked(True)
    _click(qtbot, wizard, NEXT)
    page = wizard.identity_page
    assert page.setup_box.isVisible() and "县里" in page.setup_message.text()
    assert page.load_setup_file(setup_file)
    assert (page.name(), page.code()) == ("青山镇", "330106002") and page.name_edit.isReadOnly()
    assert "西湖区(330106)" in page.setup_message.text() and page.setup_fingerprint.text()
    assert "请县里重新生成" in page.setup_after.text()
    _click(qtbot, wizard, NEXT)
    qtbot.keyClicks(wizard.admin_page.password_edit, "Qingshan-2026")
    qtbot.keyClicks(wizard.admin_page.repeat_edit, "Qingshan-2026")
    _click(qtbot, wizard, NEXT)
    assert "西湖区(330106)" in wizard.summary_page.township_label.text()
    _click(qtbot, wizard, FINISH)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=30_000)
    info = setup_service.current()
    assert (info.mode, info.code, info.name) == ("township", "330106002", "青山镇")
    assert county_enrollment.county_peer().code == "330106"
