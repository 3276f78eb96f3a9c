"""Day one of a real village (issue 15, "Done when"), driven through the screens alone.

From an empty data folder: the setup wizard, the admin's login, a 400-person
花名册 imported, the 村委会 and 村民代表 appointed, a 监委会 term formed, three
accounts, 注销 and the secretary's first login, a valid 村民代表会议 with a vote,
a 财务收支 posting submitted by the secretary, 切换用户 to a 监委会 member who
approves it, and a package for the township. State is made only by clicking
and typing in real widgets on a real SQLite file; services are called only to
assert what the screens did.

Two inputs come from outside the village, as they do in life: the 花名册 file
(`tests/support/day_one_roster.py`, written with openpyxl) and the township's
入网文件, made by a township installation in another folder of tmp_path.

Each step saves a screenshot at 1366×768 to `CUNWU_DAYONE_SHOTS` (default:
tmp_path/shots) and its wall time; `pytest -s` prints the table. Run alone:
`pytest -m dayone -s tests/gui/test_day_one.py`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget, QWizard

from desktop.paths import AppPaths
from desktop.services import (
    disclosure_service,
    meetings_service,
    people_service,
    setup_service,
    terms_service,
)
from models.db import close_database
from tests.support import day_one_roster as roster
from tests.support.first_contact import confirmed_by
from tests.support.meetings import click_name
from tests.support.typing import type_text
from tests.support.walk import Steps

pytestmark = pytest.mark.dayone

VILLAGE, VILLAGE_CODE, TOWNSHIP, TOWNSHIP_CODE = "青山村", "330106001001", "城关镇", "330106001"
ADMIN_PASSWORD = "Qingshan-2026"
FIRST_PASSWORDS = {"zhouxm": "Wenshu-2026", "zhaozg": "Jianwei-2026", "wangjg": "Zhuren-2026"}
SIZE = (1366, 768)


def _click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _box(qtbot, timeout: int = 30_000) -> QMessageBox:
    """The message box on screen (waits for it: some come after work on a worker thread)."""
    def visible():
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(visible()), timeout=timeout)
    return visible()[0]


def _answer(qtbot, button: QMessageBox.StandardButton) -> str:
    box = _box(qtbot)
    text = box.text()
    _click(qtbot, box.button(button))
    return text


def _sized(window: QWidget) -> QWidget:
    window.resize(*SIZE)
    QApplication.processEvents()
    return window


def _township_setup_file(root: Path) -> tuple[AppPaths, Path]:
    """The township's side (another PC): it enrols 青山村 and writes the 入网文件 to the U盘."""
    from desktop.services.session import cli_session
    from desktop.storage import open_store
    from desktop.sync import enrollment

    township = AppPaths(root / "township")
    usb = root / "U盘"
    usb.mkdir(parents=True)
    open_store(township, backup_before_migration=False)
    setup_service.initialize("township", TOWNSHIP, TOWNSHIP_CODE, "zhejiang")
    setup_file = enrollment.enroll_village(cli_session("township"), township, VILLAGE_CODE, VILLAGE, usb)
    close_database()
    return township, setup_file


def _log_in(qtbot, dialog, login: str, passwords: dict[str, str],
            shot: Callable[[QWidget], None] | None = None, *, first: bool = False,
            new_password_shot: Callable[[QWidget], None] | None = None) -> None:
    """Type the login and its password, 登录; if asked for a new one (a new account, a reset), set it.

    `passwords` holds each login's current password (updated when a new one is set). With
    `first` (an account the administrator just added) the forced 新密码 screen must come.
    Returns once the dialog accepted (the keeper deletes its dialog then: only `accepted` is watched).
    """
    accepted: list[bool] = []
    dialog.accepted.connect(lambda: accepted.append(True))
    qtbot.waitExposed(dialog)
    dialog.login_edit.setText("")
    type_text(qtbot, dialog.login_edit, login)
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, passwords[login])
    if shot is not None:
        shot(dialog)
    _click(qtbot, dialog.login_button)
    qtbot.waitUntil(lambda: bool(accepted) or dialog.new_password_page is not None
                    or bool(dialog.message.text().strip()), timeout=10_000)
    assert accepted or dialog.new_password_page is not None, dialog.message.text()
    assert not first or not accepted, f"{login}: a new account must set its own password first"
    if not accepted:
        passwords[login] = "Own-" + passwords[login]
        qtbot.keyClicks(dialog.new_password.password_edit, passwords[login])
        qtbot.keyClicks(dialog.new_password.repeat_edit, passwords[login])
        if new_password_shot is not None:
            new_password_shot(dialog)
        _click(qtbot, dialog.save_password_button)
        qtbot.waitUntil(lambda: bool(accepted), timeout=10_000)


def _desktop() -> QWidget:
    """An empty 1366×768 screen for the windows that open before the main window (wizard, login)."""
    screen = QWidget()
    screen.resize(*SIZE)
    screen.setStyleSheet("background: #3a6ea5;")
    return screen


def _home_loaded(qtbot, window) -> None:
    """Wait until the 首页 has read its cards (they load just after the first paint)."""
    home = window.current_page()
    qtbot.waitUntil(lambda: hasattr(home, "data_cards"), timeout=10_000)
    qtbot.wait(300)  # the cards are laid out over the next events: shoot the settled page


def _person(name: str):
    return next(p for p in people_service.register(name) if p.name == name)


@pytest.fixture
def shots(tmp_path) -> Steps:
    return Steps(Path(os.environ.get("CUNWU_DAYONE_SHOTS") or tmp_path / "shots"))


def test_day_one_of_a_village(qtbot, tmp_path, settings_store, shots, capsys):
    from desktop.storage import open_store
    from ui.login_dialog import LoginDialog
    from ui.session_keeper import SessionKeeper
    from ui.setup.setup_wizard import SetupWizard

    township_paths, setup_file = _township_setup_file(tmp_path / "elsewhere")
    roster_file = roster.write_roster(tmp_path / "青山村花名册.xlsx")
    paths = AppPaths(tmp_path / "data")
    open_store(paths)  # what the program does on an empty folder before the wizard
    shots.done("0 inputs (township 入网文件, roster file)")

    # 1. The wizard: a village with a 12-digit code, and its administrator.
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    _click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    page = wizard.identity_page
    type_text(qtbot, page.name_edit, VILLAGE)
    qtbot.keyClicks(page.code_edit, VILLAGE_CODE)
    page.province_combo.setCurrentIndex(page.province_combo.findData("zhejiang"))
    assert page.province() == "zhejiang"
    _click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    admin_page = wizard.admin_page
    qtbot.keyClicks(admin_page.password_edit, ADMIN_PASSWORD)
    qtbot.keyClicks(admin_page.repeat_edit, ADMIN_PASSWORD)
    _click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    shots.shot("01_wizard_summary", _desktop(), wizard)
    _click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=30_000)  # saved on a worker
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert setup_service.current().code == VILLAGE_CODE
    wizard.close()
    shots.done("1 setup wizard")

    # 2. The next start: the login dialog, then the main window.
    login = LoginDialog(setup_service.current(), settings_store)
    qtbot.addWidget(login)
    login.show()
    passwords = {"admin": ADMIN_PASSWORD, **FIRST_PASSWORDS}
    _log_in(qtbot, login, "admin", passwords, shot=lambda d: shots.shot("02a_login", _desktop(), d))
    quits: list[bool] = []
    keeper = SessionKeeper(paths, settings_store, on_quit=lambda: quits.append(True))
    window = _sized(keeper.open_window(login.session))
    qtbot.waitExposed(window)
    _home_loaded(qtbot, window)
    shots.shot("02b_main_window_admin", window)
    shots.done("2 admin login → main window")

    # 3. 人员名册: import the 花名册 (preview, then 导入).
    window.show_area("people")
    register = window.current_page()
    shots.shot("03a_register_empty", window)
    dialog = _import_dialog(qtbot, register)
    assert dialog.load_file(roster_file)
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.progress.isVisible(), timeout=30_000)
    assert dialog.count_to_add() == roster.TOTAL
    assert any("合计" in reason for reason in _column(dialog.skipped_table, 1))
    shots.shot("03b_import_preview", window, dialog)
    _click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    summary = _box(qtbot)  # the import ran on a worker; its summary box says how many
    shots.shot("03c_import_done", window, summary)
    assert str(roster.TOTAL) in summary.text() + summary.informativeText()
    _click(qtbot, summary.buttons()[0])
    assert len(people_service.register()) == roster.TOTAL
    shots.shot("03d_register_400", window)
    shots.done("3 import 400-person 花名册")

    # 4. 任职: the 村委会 (a woman among three) and the 村民代表; 村务监督: a 监委会 term of three.
    register.tabs.setCurrentWidget(register.terms_tab)
    tab = register.terms_tab
    tab.select_body("village_committee")
    _click(qtbot, tab.empty_button if tab.empty_button.isVisible() else tab.appoint_button)
    appoint = tab.dialog
    qtbot.waitExposed(appoint)
    for person, role in ((roster.CHAIR, "vc_chair"), (roster.VICE, "vc_vice"), (roster.MEMBER, "vc_member")):
        _appoint(qtbot, appoint, person.name, role)
    assert "符合法律对人数和组成的要求" in appoint.findings_label.text()
    shots.shot("04a_appoint_committee", window, appoint)
    _click(qtbot, appoint.close_button)
    tab.select_body("staff")
    _click(qtbot, tab.empty_button if tab.empty_button.isVisible() else tab.appoint_button)
    appoint = tab.dialog
    qtbot.waitExposed(appoint)
    _appoint(qtbot, appoint, roster.SECRETARY.name, "clerk")
    _click(qtbot, appoint.close_button)
    tab.select_body("representatives")
    _click(qtbot, tab.empty_button if tab.empty_button.isVisible() else tab.appoint_button)
    appoint = tab.dialog
    qtbot.waitExposed(appoint)
    households = appoint.households.table.model().rowCount()
    per_rep = households // len(roster.REPRESENTATIVES)
    for i, rep in enumerate(roster.REPRESENTATIVES):
        _tick_households(appoint, i * per_rep, per_rep)
        _appoint(qtbot, appoint, rep.name, "representative")
    shots.shot("04b_appoint_representatives", window, appoint)
    _click(qtbot, appoint.close_button)
    shots.shot("04c_terms_tab", window)
    assert len(terms_service.office_holders(("representative",))) == len(roster.REPRESENTATIVES)
    assert _column(tab.table, 3) == [str(per_rep)] * len(roster.REPRESENTATIVES)  # 联系户数

    window.show_area("supervision")
    supervision = window.current_page()
    members = supervision.members_tab
    supervision.tabs.setCurrentWidget(members)
    _click(qtbot, members.new_term_button)
    term_dialog = members.dialog
    type_text(qtbot, term_dialog.label_edit, "第一届")
    _click(qtbot, term_dialog.ok_button)
    qtbot.waitUntil(lambda: members.term_combo.currentText() == "第一届")
    _click(qtbot, members.add_button)
    add = members.dialog
    qtbot.waitExposed(add)
    for i, person in enumerate(roster.SUPERVISORS):
        add.search_edit.clear()
        type_text(qtbot, add.search_edit, person.name)
        assert add.people_list.currentItem().text().startswith(person.name)
        assert add.verdict_text() == "✔ 可以担任", add.findings_label.text()
        if i == 0:
            add.chair_box.setChecked(True)
            add.finance_box.setChecked(True)
        _click(qtbot, add.add_button)
        assert add.message.role() == "ok", add.message.text()
    shots.shot("04d_committee_add_member", window, add)
    _click(qtbot, add.close_button)
    assert {s.name for s in terms_service.committee_members_on()} == {p.name for p in roster.SUPERVISORS}
    shots.shot("04e_committee_members", window)
    shots.done("4 村委会, 村民代表, 监委会")

    # 5. 设置 → 账号: the secretary, a 监委会 member, the 村委会主任 (村委会成员: records, the 村委会's answers).
    accounts = window.open_accounts()
    qtbot.waitExposed(accounts)
    for login_name, person, role in (("zhouxm", roster.SECRETARY, "secretary"),
                                     ("zhaozg", roster.SUPERVISORS[0], "committee"),
                                     ("wangjg", roster.CHAIR, "village_committee")):
        add = accounts.open_add()
        qtbot.waitExposed(add)
        _pick_from_completer(qtbot, add.person_combo, person.name)
        assert add.person_combo.currentData() == _person(person.name).id
        add.choose_role(role)
        qtbot.keyClicks(add.login_edit, login_name)
        qtbot.keyClicks(add.password.password_edit, passwords[login_name])
        qtbot.keyClicks(add.password.repeat_edit, passwords[login_name])
        if login_name == "wangjg":
            shots.shot("05a_add_account", window, add)
        _click(qtbot, add.ok_button)
        qtbot.waitUntil(lambda add=add: not add.isVisible(), timeout=10_000)
    assert _column(accounts.table, 0) == ["admin", "zhouxm", "zhaozg", "wangjg"]
    shots.shot("05b_accounts", window, accounts)
    accounts.close()
    shots.done("5 three accounts")

    # 6. 文件 → 注销; the secretary logs in: the admin typed her password, so the login asks for her own.
    window.logout_action.trigger()
    qtbot.waitUntil(lambda: keeper.login_dialog is not None)
    dialog = keeper.login_dialog
    _log_in(qtbot, dialog, "zhouxm", passwords, first=True,
            new_password_shot=lambda d: shots.shot("06_first_login_new_password", _desktop(), d))
    qtbot.waitUntil(lambda: keeper.window is not None and keeper.window.isVisible())
    window = _sized(keeper.window)
    assert window.session().actor == "zhouxm" and window.session().person_id == _person(roster.SECRETARY.name).id
    _home_loaded(qtbot, window)
    shots.shot("06a_secretary_home", window)
    # A village that began today owes nothing from before: no red overdue postings, no missing quarters.
    home = window.current_page()
    assert not any("已经过了期限" in text for text in home.todo_lines), home.todo_lines
    assert "季度没有召开" not in home.cadence_label.text() and home.cadence_label.property("role") != "error"
    # Everyone can change their own password again later (设置 → 修改密码).
    change = window.open_change_password()
    qtbot.waitExposed(change)
    qtbot.keyClicks(change.old_edit, passwords["zhouxm"])
    passwords["zhouxm"] = "Zhou-Xiaomei-88"
    qtbot.keyClicks(change.new_password.password_edit, passwords["zhouxm"])
    qtbot.keyClicks(change.new_password.repeat_edit, passwords["zhouxm"])
    shots.shot("06b_change_password", window, change)
    _click(qtbot, change.ok_button)
    qtbot.waitUntil(lambda: not change.isVisible(), timeout=10_000)
    assert "密码已修改" in _answer(qtbot, QMessageBox.StandardButton.Ok)
    shots.done("6 注销 → secretary login")

    # 7. 会议: a 村民代表会议 with its quorum and a vote, 审定.
    window.show_area("meetings")
    meetings = window.current_page()
    view = meetings.list_view  # 新建会议 ▾ → 村民代表会议
    action = next(a for a in view.new_menu.actions() if a.data() == "representatives")
    assert action.text() == "村民代表会议" and view.new_button.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: view.editor is not None and view.editor.isVisible())
    editor = view.editor
    editor.title_edit.selectAll()
    type_text(qtbot, editor.title_edit, "2026年第四季度村民代表会议")
    type_text(qtbot, editor.place_edit, "村委会议室")
    notice = editor.notice_edit  # the notice went up on the board six days before (提前 3 天通知)
    notice.lineEdit().selectAll()
    type_text(qtbot, notice.lineEdit(), (date.today() - timedelta(days=6)).strftime("%Y%m%d"))
    qtbot.keyClick(notice, Qt.Key.Key_Tab)
    _click(qtbot, editor.all_present_button)
    click_name(qtbot, editor.attendance_table, 4)  # three of them are away: 缺席
    click_name(qtbot, editor.attendance_table, 6, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor.attendance_table, Qt.Key.Key_2)
    expected, present = editor.attendance_model.counts()
    assert (expected, present) == (len(roster.REPRESENTATIVES) + 3, len(roster.REPRESENTATIVES))  # 村民代表 and 村委会
    assert editor.verdict_panel.quorum_text() == "法定人数:有效"
    assert "通知日期" not in editor.verdict_panel.findings_label.text(), editor.verdict_panel.findings_label.text()
    editor.tabs.setCurrentIndex(2)
    _click(qtbot, editor.resolutions_editor.add_button)
    row = editor.resolutions_editor.rows[0]
    type_text(qtbot, row.text_edit, "同意实施二组村道硬化工程")
    row.yes_spin.lineEdit().selectAll()
    qtbot.keyClicks(row.yes_spin.lineEdit(), str(present - 2))
    row.no_spin.lineEdit().selectAll()
    qtbot.keyClicks(row.no_spin.lineEdit(), "1")
    row.abstain_spin.lineEdit().selectAll()
    qtbot.keyClicks(row.abstain_spin.lineEdit(), "1")
    assert row.result_label.text() == "通过"
    _click(qtbot, editor.save_button)
    assert editor.draft.id, editor.message.text()
    shots.shot("07a_meeting_vote", _sized(editor))
    _click(qtbot, editor.approve_button)
    _click(qtbot, editor.pending_box.button(QMessageBox.StandardButton.Yes))
    meeting_id = editor.draft.id
    assert meetings_service.load(meeting_id).status == "approved", editor.message.text()
    editor.close()
    shots.shot("07b_meetings_list", window)
    assert "季度没有召开" not in view.cadence_label.text()  # quarters before the village began are not judged
    shots.done("7 村民代表会议 with a vote")

    # 8. 村务公开: last month's 财务收支, typed and submitted by the secretary.
    window.show_area("disclosure")
    disclosure = window.current_page()
    disclosure.tabs.setCurrentWidget(disclosure.list_tab)
    _click(qtbot, disclosure.list_tab.new_button)
    new = disclosure.new_dialog
    qtbot.waitExposed(new)
    new.set_subject("finance_monthly")
    new.year_spin.setValue(2026)
    new.part_combo.setCurrentIndex(10)
    assert new.period() == "2026-11"
    _click(qtbot, new.buttons.button(new.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: disclosure.editor is not None)
    item_editor = disclosure.editor
    item_id = item_editor.item_id
    te = item_editor.table_editor
    qtbot.keyClicks(te.opening_edit, "52,300")
    qtbot.keyClick(te.opening_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: te.view.cell_editor() is not None)
    for cells in (("3", "J-001", "集体鱼塘承包费", "发包收入", "12000", "", "周晓梅"),
                  ("12", "J-002", "购买垃圾桶 40 只", "环境卫生", "", "3,920", "王建国"),
                  ("25", "J-003", "二组村道硬化工程预付款", "村道建设", "", "20000", "王建国")):
        for text in cells:
            _type_cell(qtbot, te.view, text)
    te.view.commit_editor()
    qtbot.keyClicks(te.closing_edit, "40380")
    assert "账平" in te.check_text(), te.check_text()
    _click(qtbot, item_editor.submit_button)
    assert disclosure_service.list_items()[0].status == "in_review"
    review = item_editor.review_section  # she submitted it and she is no 监委会 member: she cannot sign
    assert not review.approve_button.isEnabled() and not review.return_button.isEnabled()
    assert review.why_label.isVisible() and "监委会成员用自己的账号登录" in review.why_label.text()
    shots.shot("08a_posting_submitted", _sized(item_editor))
    shots.shot("08b_postings_list", window)
    shots.done("8 财务收支 submitted")

    # 9. 文件 → 切换用户: the 监委会 member approves.
    window.switch_action.trigger()
    qtbot.waitUntil(lambda: keeper.login_dialog is not None)
    _log_in(qtbot, keeper.login_dialog, "zhaozg", passwords, first=True)  # his own password first
    qtbot.waitUntil(lambda: keeper.window is not None and keeper.window.isVisible())
    window = _sized(keeper.window)
    _home_loaded(qtbot, window)
    shots.shot("09a_committee_home", window)
    home = window.current_page()  # 待办: the posting waits for the committee; its button leads there
    assert any("1 项公开内容等待监委会审核" in text for text in home.todo_lines), home.todo_lines
    _click(qtbot, next(b for b in home.todo_buttons.values() if b.text() == "打开村务公开"))
    disclosure = window.current_page()
    assert window.navigation.current_key() == "disclosure"
    disclosure.tabs.setCurrentWidget(disclosure.list_tab)
    item_editor = _open_item(qtbot, disclosure, item_id)
    _click(qtbot, item_editor.review_section.approve_button)
    qtbot.waitUntil(lambda: disclosure_service.list_items()[0].status == "approved")
    shots.shot("09b_posting_approved", _sized(item_editor))
    shots.done("9 switch user → committee approves")

    # 10. The secretary again (切换用户); 数据交换: join the township with its 入网文件, export to the U盘.
    window.switch_action.trigger()
    qtbot.waitUntil(lambda: keeper.login_dialog is not None)
    _log_in(qtbot, keeper.login_dialog, "zhouxm", passwords)
    qtbot.waitUntil(lambda: keeper.window is not None and keeper.window.isVisible())
    window = _sized(keeper.window)
    window.show_area("exchange")
    exchange = window.current_page()
    assert not exchange.export_button.isEnabled() and "入网文件" in exchange.export_button.toolTip()
    exchange.import_files([setup_file])
    qtbot.waitUntil(lambda: exchange.setup_dialog is not None and exchange.setup_dialog.isVisible())
    shots.shot("10a_join_township", window, exchange.setup_dialog)
    _click(qtbot, exchange.setup_dialog.ok_button)
    qtbot.waitUntil(lambda: exchange.message_box is not None)
    assert "已加入" in exchange.import_message.text()
    exchange.message_box.done(0)
    exchange.message_box = None
    stick = tmp_path / "stick"
    stick.mkdir()
    exchange.target.set_folder(stick)
    with qtbot.waitSignal(exchange.exchanged, timeout=30_000):
        _click(qtbot, exchange.export_button)
    qtbot.waitUntil(lambda: not exchange.jobs.is_busy(), timeout=30_000)
    shots.shot("10b_exchange_exported", window)
    assert "可以安全拔出U盘" in exchange.export_message.text()
    exchange.message_box.done(0)
    package = exchange.export_result.path
    assert package.exists() and package.parent == stick
    shots.done("10 package for the township")

    # What the package holds: the township reads it.
    _township_reads(package, township_paths, paths, meeting_id, item_id)
    assert not quits  # 注销 and 切换用户 never ended the program
    for widget in (keeper.window, keeper.login_dialog):
        if widget is not None:
            widget.close()
    with capsys.disabled():
        print("\n" + shots.table())
        print(f"screenshots: {shots.folder}")


# --- helpers for the steps -------------------------------------------------------------------------

def _import_dialog(qtbot, register):
    """导入花名册 from the register's empty state."""
    from ui.people.roster_import_dialog import RosterImportDialog

    button = register.empty_import_button if register.empty_import_button.isVisible() else register.import_button
    _click(qtbot, button)
    dialog = register.findChild(RosterImportDialog)
    assert dialog is not None and dialog.isVisible(), "导入花名册 opened no dialog"
    return dialog


def _appoint(qtbot, dialog, name: str, role: str) -> None:
    dialog.search_edit.clear()
    type_text(qtbot, dialog.search_edit, name)
    assert dialog.people_list.currentItem().text().startswith(name)
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(role))
    _click(qtbot, dialog.appoint_button)
    assert dialog.message.role() != "error", dialog.message.text()


def _column(view, col: int) -> list[str]:
    """The texts of a table's column, as shown (a QTableWidget or a view on a model)."""
    model = view.model()
    return [model.index(r, col).data() for r in range(model.rowCount())]


def _pick_from_completer(qtbot, combo, name: str) -> None:
    """Type `name` into a searchable combo and take the first match its list offers (↓, Enter)."""
    type_text(qtbot, combo.lineEdit(), name)
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())


def _tick_households(dialog, first: int, count: int) -> None:
    """Tick `count` households from the `first` (as clicks on their check boxes)."""
    for i in range(first, first + count):
        model = dialog.households.model
        model.setData(model.index(i, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)


def _type_cell(qtbot, view, text: str) -> None:
    """Type into the open cell and press Enter; waits until the cursor moved on."""
    editor = view.cell_editor()
    assert isinstance(editor, QLineEdit), "no cell is open for typing"
    before = (view.currentIndex().row(), view.currentIndex().column())
    if text:
        type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: (view.currentIndex().row(), view.currentIndex().column()) != before
                    and view.cell_editor() is not None)


def _open_item(qtbot, disclosure, item_id: str):
    """Click the item in 村务公开's list, then 打开; its editor."""
    tab = disclosure.list_tab
    model = tab.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id == item_id)
    view = tab.table
    index = view.model().index(row, 0)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _click(qtbot, tab.open_button)
    qtbot.waitUntil(lambda: disclosure.editor is not None and disclosure.editor.item_id == item_id)
    return disclosure.editor


def _township_reads(package: Path, township: AppPaths, village: AppPaths, meeting_id: str, item_id: str) -> None:
    """The township imports the package; its database then holds the people, the meeting and the posting.

    The village's first package: the township confirms it with the fingerprint the village reads out.
    """
    from desktop.services.session import cli_session
    from desktop.storage import open_store
    from desktop.sync import importer

    close_database()
    open_store(township, backup_before_migration=False)
    try:
        plan = importer.plan_import(package, township)
        assert plan.sender_code == VILLAGE_CODE
        importer.apply_import(cli_session("township"), package, township, backup=False,
                              confirm=confirmed_by(village))
    finally:
        close_database()
    con = sqlite3.connect(f"file:{township.database}?mode=ro", uri=True)
    try:
        people = con.execute("SELECT count(*) FROM person WHERE owner = ? AND deleted = 0",
                             (VILLAGE_CODE,)).fetchone()[0]
        meeting = con.execute("SELECT title, status FROM meeting WHERE id = ?", (meeting_id,)).fetchone()
        item = con.execute("SELECT period, review_result, submitted_by, reviewed_by FROM disclosure_item "
                           "WHERE id = ?", (item_id,)).fetchone()
    finally:
        con.close()
    assert people == roster.TOTAL
    assert meeting == ("2026年第四季度村民代表会议", "approved")
    assert item[:2] == ("2026-11", "approved"), item
    assert item[2] == "zhouxm" and "赵志刚" in item[3], item  # submitted by the secretary, signed by the member
