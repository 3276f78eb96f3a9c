"""Renders every main screen to build/screenshots/*.png so a person can look at them.

Run with `pytest -m screenshots tests/gui`. The data is made through the
services (demo data where the demo module provides it), never mocked.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWizard

from desktop.services import setup_service
from desktop.services.session import cli_session
from tests.support.screens import OUT, pdf_to_png
from tests.support.screens import save as _save
from tests.support.screens import shown as _shown
from tests.support.sites import ADMIN_PASSWORD
from tests.support.typing import type_text


def _pdf_to_png(pdf, name):
    return pdf_to_png(pdf, name, 70)

pytestmark = pytest.mark.screenshots






def test_wizard_screens(qtbot, store):
    from ui.setup.setup_wizard import SetupWizard

    wizard = _shown(qtbot, SetupWizard(), 720, 540)
    _save(wizard, "01_wizard_mode")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    page = wizard.identity_page
    type_text(qtbot, page.name_edit, "青山村")
    qtbot.keyClicks(page.code_edit, "33010600100x")
    _save(wizard, "02_wizard_identity_error")
    qtbot.keyClick(page.code_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(page.code_edit, "1")
    page.province_combo.setCurrentIndex(page.province_combo.findData("zhejiang"))
    _save(wizard, "03_wizard_identity_ok")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(wizard.admin_page.password_edit, "qingshan1")
    qtbot.keyClicks(wizard.admin_page.repeat_edit, "qingshan")
    _save(wizard, "04_wizard_admin")
    qtbot.keyClicks(wizard.admin_page.repeat_edit, "1")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    _save(wizard, "05_wizard_summary")


def _demo_village():
    from tests.support.demo import demo_village

    demo_village(years=1)


def test_login_screen(qtbot, store, settings_store):
    from ui.login_dialog import LoginDialog

    _demo_village()
    dialog = _shown(qtbot, LoginDialog(setup_service.current(), settings_store), 460, 300)
    _save(dialog, "10_login")
    qtbot.keyClicks(dialog.login_edit, "admin")
    qtbot.keyClicks(dialog.password_edit, "wrong")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy())  # the check runs on a worker
    _save(dialog, "11_login_wrong_password")


def _main_window(qtbot, settings_store, store, login: str, password: str):
    from desktop.services import auth_service
    from ui.main_window import MainWindow

    session = auth_service.login(login, password)
    window = MainWindow(setup_service.current(), session, store, settings_store)
    return _shown(qtbot, window, 1100, 720)


def test_village_main_window_screens(qtbot, store, settings_store):
    _demo_village()
    password = "demo1234" if setup_service.current().is_demo else ADMIN_PASSWORD
    window = _main_window(qtbot, settings_store, store, "admin", password)
    # The 特大 font first, while only 首页 and 人员 are built: a font change re-styles every page the
    # window has built, and after the walk below that was 52 of the test's 81 s (two changes).
    window.navigation.select_area("home")
    window.font_size_menu.size_actions["xlarge"].trigger()
    _save(window, "30_village_home_font_xlarge")
    window.navigation.select_area("people")
    _save(window, "31_village_people_font_xlarge")
    window.font_size_menu.size_actions["normal"].trigger()

    for i, key in enumerate(window.navigation.keys()):
        window.navigation.select_area(key)
        _save(window, f"2{i}_village_{key}")
    window.navigation.select_area("home")

    menu = window.settings_menu
    menu.popup(window.mapToGlobal(QPoint(60, 30)))
    qtbot.waitExposed(menu)
    menu.setActiveAction(menu.actions()[0])
    sub = window.font_size_menu
    sub.popup(menu.mapToGlobal(QPoint(menu.width(), 0)))
    qtbot.waitExposed(sub)
    _save(menu, "32_settings_menu")
    _save(sub, "33_settings_font_size_menu")
    sub.close()
    menu.close()

    about = window.open_about()
    qtbot.waitExposed(about)
    _save(about, "34_about")
    about.close()


def test_township_main_window(qtbot, store, settings_store):
    setup_service.initialize("township", "城关镇", "330106001", "zhejiang")
    try:
        from desktop.demo import fill_township
    except ImportError:
        setup_service.create_user(None, "admin", "乡镇管理员", "township_admin",
                                  ADMIN_PASSWORD, ADMIN_PASSWORD)
        password = ADMIN_PASSWORD
    else:
        fill_township(cli_session("township"))
        password = "demo1234"
    window = _main_window(qtbot, settings_store, store, "admin", password)
    _save(window, "40_township_home")
    window.navigation.select_area("review")
    _save(window, "41_township_review")


def test_crash_dialog(qtbot, tmp_path):
    from ui.crash_dialog import CrashDialog

    try:
        raise ValueError("示例错误:无法读取第 17 行")
    except ValueError:
        import traceback

        details = "".join(traceback.format_exception(*sys.exc_info()))
    dialog = _shown(qtbot, CrashDialog(details, tmp_path), 600, 360)
    _save(dialog, "50_crash_dialog")




def test_meeting_screens(qtbot, store, tmp_path):
    from datetime import date

    from desktop.services import decisions_service, meetings_service
    from tests.support.demo import demo_village
    from tests.support.meetings import failed_resolution_register
    from ui.meetings import printing
    from ui.meetings.meetings_page import MeetingsPage
    from ui.pages.home_page import HomePage

    session = demo_village(years=2)
    failed_resolution_register(session)
    page = _shown(qtbot, MeetingsPage(session), 1100, 700)
    _save(page, "60_meetings_list")

    editor = page.list_view.new_meeting("representatives", date.today())
    editor.resize(1180, 760)
    qtbot.waitExposed(editor)
    type_text(qtbot, editor.place_edit, "村委会议室")
    type_text(qtbot, editor.host_edit, "村委会主任")
    _save(editor, "61_meeting_editor_valid")
    table = editor.attendance_table
    table.selectRow(0)
    for row in range(13):
        table.selectRow(row)
        qtbot.keyClick(table, Qt.Key.Key_2)
    table.scrollToTop()
    _save(editor, "62_meeting_editor_no_quorum")

    for row in range(3, 13):  # back to 26 of 36 present: valid, for the vote form
        table.selectRow(row)
        qtbot.keyClick(table, Qt.Key.Key_1)
    editor.tabs.setCurrentIndex(2)
    first = editor.resolutions_editor.add_row()
    type_text(qtbot, first.text_edit, "同意实施村道硬化工程")
    first.matter_combo.setCurrentIndex(first.matter_combo.findData("public_welfare"))
    first.yes_spin.setValue(30)
    first.no_spin.setValue(4)
    first.abstain_spin.setValue(1)  # 35 ballots, 33 present: refused
    second = editor.resolutions_editor.add_row()
    type_text(qtbot, second.text_edit, "通过本季度环境卫生整治方案")
    second.yes_spin.setValue(25)
    second.no_spin.setValue(1)
    _save(editor, "63_meeting_vote_refusal")
    editor.close()
    editor.pending_box.close()

    page.tabs.setCurrentIndex(1)
    view = page.four_two_view
    view.table.selectRow(0)
    _save(page, "64_four_two_timeline_blocked")
    view.table.selectRow(1)
    _save(page, "65_four_two_timeline_next")

    home = _shown(qtbot, HomePage(setup_service.current()), 1000, 720)
    _save(home, "66_home_with_meetings")

    # The printed documents, as a person would hold them.
    meeting = next(m for m in meetings_service.list_meetings("representatives") if m.status == "approved")
    assert decisions_service.counts()["meetings"] > 0
    for kind, name in ((printing.MINUTES, "67_printed_minutes"), (printing.SIGN_IN, "68_printed_sign_in")):
        pdf = tmp_path / f"{name}.pdf"
        exporter = printing.PdfExporter()
        with qtbot.waitSignal(exporter.finished, timeout=20000):
            exporter.export_pdf(meeting.id, kind, pdf)
        for old in OUT.glob(f"{name}*.png"):
            old.unlink()
        assert _pdf_to_png(pdf, name)


def test_meeting_attachments_and_people_screens(qtbot, store, tmp_path):
    from PySide6.QtGui import QColor, QImage

    from desktop.services import people_service
    from tests.support.demo import demo_village
    from ui.meetings.meetings_page import MeetingsPage

    session = demo_village(years=1)
    page = _shown(qtbot, MeetingsPage(session, paths=store), 1100, 700)
    editor = page.list_view.new_meeting("representatives")
    editor.resize(1180, 760)
    qtbot.waitExposed(editor)
    type_text(qtbot, editor.place_edit, "村委会议室")
    assert editor.save()

    # Two files as a secretary would have them: a scanned sheet and a PDF.
    scan = QImage(1654, 2339, QImage.Format.Format_RGB32)
    scan.fill(QColor("white"))
    sheet = tmp_path / "第四季度代表会议签到表.jpg"
    assert scan.save(str(sheet), "JPG", 85)
    pdf = tmp_path / "村道硬化工程表决票.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + b"0" * 180_000 + b"\n%%EOF\n")
    panel = editor.attachments_panel
    assert panel.add_files([sheet], "sign_in") == 1
    assert panel.add_files([pdf], "ballot") == 1
    editor.tabs.setCurrentWidget(panel)
    panel.select_row(0)
    _save(editor, "69_meeting_attachments")

    # 添加人员…: a 监委会 member sits in as 列席.
    editor.tabs.setCurrentIndex(0)
    supervisor = next(p for p in people_service.register() if "sc_member" in p.roles)
    dialog = editor.open_add_people()
    dialog.resize(760, 560)
    qtbot.waitExposed(dialog)
    _save(dialog, "70_meeting_add_people_all")
    type_text(qtbot, dialog.search_edit, supervisor.name[0])
    dialog.set_checked(dialog.row_of(supervisor.name))
    _save(dialog, "71_meeting_add_people_search")
    dialog.accept()
    editor.attendance_table.scrollToBottom()
    _save(editor, "72_meeting_editor_observer_added")
    editor.close()
    if editor.pending_box is not None:
        editor.pending_box.close()


def test_province_dialog_screen(qtbot, store):
    from desktop.services import auth_service
    from ui.settings.province_dialog import ProvinceDialog

    _demo_village()
    password = "demo1234" if setup_service.current().is_demo else ADMIN_PASSWORD
    dialog = _shown(qtbot, ProvinceDialog(auth_service.login("admin", password)), 560, 300)
    _save(dialog, "73_province_dialog")
    dialog.choose("henan")
    _save(dialog, "74_province_dialog_changed")


def test_rules_screens(qtbot, store, tmp_path):
    from desktop.services import rules_service
    from tests.support.demo import demo_village
    from ui.rules.diff_view import DiffView
    from ui.rules.import_dialog import ImportDialog
    from ui.rules.rules_page import RulesPage

    session = demo_village(years=1)
    page = _shown(qtbot, RulesPage(session), 1280, 800)
    rule_set = rules_service.list_rule_sets()[0]
    in_force = next(v for v in rule_set.versions if v.status == "in_force")
    draft = rule_set.versions[0]

    page.select_version(in_force.id)
    page.panel.tabs.setCurrentWidget(page.panel.vote_tab)
    _save(page, "80_rules_in_force_timeline")

    page.select_version(draft.id)
    page.panel.tabs.setCurrentWidget(page.panel.article_editor)
    editor = page.panel.article_editor
    flagged = next(i for i, a in enumerate(page.panel.view.articles) if "分红" in a.text)
    editor.table.selectRow(flagged)
    _save(page, "81_rules_draft_article_warning")
    editor.add_article()
    type_text(qtbot, editor.text_edit, "出嫁女不再享有土地承包权。")
    _save(page, "82_rules_article_illegal_live")
    editor.revert()
    page.panel.tabs.setCurrentWidget(page.panel.review_tab)
    _save(page, "83_rules_review_blocked")

    dialog = _shown(qtbot, ImportDialog(session), 1100, 700)
    sample = Path(__file__).resolve().parents[3] / "shared" / "samples" / "cgmy_04_run_in_articles_sihui_liangkai_excerpt.txt"
    if sample.is_file():
        dialog.load_file(sample)
    else:
        dialog.text_edit.setPlainText("# 青山村村规民约\n第一章 总则\n第一条 为推进村民自治,制定本约。\n第二条 本约适用于全体村民。")
        dialog.update_preview()
    _save(dialog, "84_rules_import_preview")
    dialog.close()

    view = _shown(qtbot, DiffView(None, in_force.id, draft.id), 1100, 720)
    _save(view, "85_rules_diff")
    view.close()

    pdf = tmp_path / "86_printed_rules.pdf"
    with qtbot.waitSignal(page.panel.exporter.finished, timeout=20000):
        page.select_version(in_force.id)
        page.panel.export_pdf(pdf)
    for old in OUT.glob("86_printed_rules*.png"):
        old.unlink()
    assert _pdf_to_png(pdf, "86_printed_rules")


def test_supervision_screens(qtbot, store, tmp_path):
    from tests.support.demo import supervision_village
    from ui.meetings.meeting_editor import MeetingEditor
    from ui.supervision.appraisal_tab import BASIC, COMPETENT, INCOMPETENT
    from ui.supervision.supervision_page import SupervisionPage

    page = _shown(qtbot, SupervisionPage(supervision_village(), MeetingEditor), 1280, 800)
    _save(page, "a0_supervision_members_conflict")

    dialog = page.members_tab.open_add_member()
    qtbot.waitExposed(dialog)
    dialog.resize(1000, 620)
    type_text(qtbot, dialog.search_edit, "王萍")
    _save(dialog, "a1_supervision_add_member_conflict")
    dialog.close()

    page.tabs.setCurrentWidget(page.meetings_tab)
    _save(page, "a2_supervision_meetings_cadence")
    page.tabs.setCurrentWidget(page.matters_tab)
    page.matters_tab.table.selectRow(0)
    _save(page, "a3_supervision_matters_overdue")
    page.matters_tab.table.selectRow(2)
    _save(page, "a4_supervision_matter_answered")
    page.tabs.setCurrentWidget(page.vouchers_tab)
    type_text(qtbot, page.vouchers_tab.amount_edit, "12,3x")
    _save(page, "a5_supervision_vouchers")

    tab = page.appraisal_tab
    page.tabs.setCurrentWidget(tab)
    tab.attendees_spin.setValue(36)
    for row in range(tab.table.rowCount()):
        tab.spin(row, COMPETENT).setValue(28 - row)
        tab.spin(row, BASIC).setValue(5)
        tab.spin(row, INCOMPETENT).setValue(2 + row)
    tab.spin(tab.row_of("周兰"), COMPETENT).setValue(6)
    tab.spin(tab.row_of("周兰"), INCOMPETENT).setValue(25)
    tab.spin(tab.table.rowCount() - 1, INCOMPETENT).setValue(40)
    _save(page, "a6_supervision_appraisal_live")
    tab.spin(tab.table.rowCount() - 1, INCOMPETENT).setValue(3)
    tab.save()
    _save(page, "a7_supervision_appraisal_saved")

    page.tabs.setCurrentWidget(page.ledger_tab)
    _save(page, "a8_supervision_ledger")
    pdf = tmp_path / "a9_supervision_report.pdf"
    with qtbot.waitSignal(page.ledger_tab.exporter.finished, timeout=20000):
        page.ledger_tab.export_pdf(pdf)
    for old in OUT.glob("a9_supervision_report*.png"):
        old.unlink()
    assert _pdf_to_png(pdf, "a9_supervision_report")
