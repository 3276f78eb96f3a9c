"""What a person trying issue 16's features through the screens ran into (exploratory test, empty folders).

Each test names what the user did, what they saw and what they expected;
the screens are driven the way a person does (pytest-qt, real SQLite files
and real packages on disk).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from models.db import close_database
from tests.support.audit_tamper import rewrite_audit_log
from tests.support.first_contact import confirmed_by
from tests.support.screens import shown
from tests.support.sites import VILLAGE_CODE, export_to, import_into, make_pair
from ui.township.villages_page import VillagesPage


def test_only_villages_needing_attention_keeps_a_village_whose_audit_was_rewritten(qtbot, tmp_path):
    """The 村庄 page said in red that 青山村 rewrote its audit log; ticking 只看需要关注的村 then hid it
    and said "没有需要关注的村:各村都按时发来了数据包,也不缺数据包" — the filter must keep it, and the
    summary line counts it. 首页 said nothing of it at all."""
    township, village, usb = make_pair(tmp_path, years=1)
    import_into(township, export_to(village, usb).path)
    rewrite_audit_log(village.paths.database, "edit")
    assert import_into(township, export_to(village, usb).path).audit == "broken"

    session = township.use()
    page = shown(qtbot, VillagesPage(session, paths=township.paths), 1366, 768)
    assert page.audit_banner.isVisible()
    assert "审计日志被改动 1" in page.summary.text()
    page.attention_check.click()
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, 0).data() == VILLAGE_CODE
    assert "审计日志被改动" in page.attention_check.toolTip()
    page.attention_check.click()

    # 首页, where the clerk starts the day, names it too (in red), not only 村庄
    from desktop.services import setup_service
    from ui.pages.home_page import HomePage

    home = shown(qtbot, HomePage(setup_service.current(), session=session, paths=township.paths), 1366, 768)
    [line] = [t for t in home.township_lines if "审计日志被改动" in t]
    assert "青山村" in line and "村庄" in line
    red = [w for w in home.township_card.findChildren(QLabel) if w.text() == line]
    assert red and red[0].property("role") == "error"
    close_database()


def _exchange_page(qtbot, session, paths):
    from ui.exchange.exchange_page import ExchangePage

    return shown(qtbot, ExchangePage(session, paths=paths), 1366, 768)


def _export(qtbot, page, folder):
    page.target.set_folder(folder)
    with qtbot.waitSignal(page.exchanged, timeout=20_000):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.jobs.is_busy(), timeout=20_000)
    box, page.message_box = page.message_box, None
    text = box.informativeText()
    box.done(0)
    return text


def test_the_villages_first_package_tells_the_secretary_which_8_characters_to_read_out(qtbot, pair, tmp_path):
    """A village secretary exported the first package and was told only to hand the U盘 over; the township
    then phoned asking for "8 位电脑指纹" and nothing on the village's screens had mentioned a call. The
    message after the export names the call and the 8 characters until the township confirms a package."""
    from desktop.sync import first_contact
    from tests.support.sites import add_people

    add_people(pair.village_session, "张三")
    page = _exchange_page(qtbot, pair.village_session, pair.village)
    stick = tmp_path / "stick"
    stick.mkdir()
    text = _export(qtbot, page, stick)
    spoken = first_contact.spoken(page.overview.fingerprint)
    assert "会打电话来核对本机的电脑指纹" in text and spoken in text
    assert spoken in page.fingerprint_label.text()  # “本页右上角”: where the message says it is
    page.close()


def test_the_townships_phone_prompt_names_where_the_village_finds_its_fingerprint(qtbot, pair, tmp_path):
    """The township's prompt asked the village to read the fingerprint "在“关于/本机信息”里", a place the
    village's program does not have; it names the 数据交换 page and 帮助 → 关于, where it is shown."""
    from tests.support.sites import add_people

    add_people(pair.village_session, "张三")
    page = _exchange_page(qtbot, pair.village_session, pair.village)
    stick = tmp_path / "stick"
    stick.mkdir()
    _export(qtbot, page, stick)
    package = page.export_result.path
    page.close()
    pair.use("t")
    township = shown(qtbot, VillagesPage(pair.township_session, paths=pair.township), 1366, 768)
    township.import_files([package])
    qtbot.waitUntil(lambda: township.preview_dialog is not None and township.preview_dialog.isVisible(),
                    timeout=20_000)
    ask = township.preview_dialog.first_contact_ask.text()
    assert "“数据交换”页右上角" in ask and "帮助 → 关于" in ask and "本机信息" not in ask
    township.preview_dialog.reject()


def test_a_recovery_asked_for_before_reenrolment_warns_that_only_the_old_pc_can_open_it(qtbot, tmp_path):
    """Told by the village that its PC died, the township clicked 生成恢复包… first (the button is right
    there); the dialog wrote it without a word, sealed to the dead PC's key, and said "拷给村里,在新电脑
    上导入" — which the new PC cannot. The dialog now warns that the village was never re-enrolled."""
    from desktop.services import exchange_service
    from desktop.sync import enrollment, importer
    from tests.support.sites import add_people, make_login_pair

    pair = make_login_pair(tmp_path)
    pair.use("v")
    add_people(pair.village_session, "王建国")
    first = exchange_service.export_package(pair.village_session, pair.village, pair.usb).path
    pair.use("t")
    importer.apply_import(pair.township_session, first, pair.township, backup=False,
                          confirm=confirmed_by(pair.village))
    page = shown(qtbot, VillagesPage(pair.township_session, paths=pair.township), 1366, 768)
    assert page.select_village(VILLAGE_CODE)
    dialog = page.write_recovery()
    qtbot.waitUntil(dialog.isVisible)
    warning = dialog.message.text()
    assert "还没有重新入网过" in warning and "原来那台电脑" in warning
    assert dialog.cancel_button.isDefault()
    dialog.reject()

    enrollment.reenroll_village(pair.township_session, pair.township, VILLAGE_CODE, "换电脑", pair.usb)
    page.refresh()
    reenrol = page.write_recovery()  # re-enrolled, the new PC not heard yet: the existing refusal, no warning
    qtbot.waitUntil(reenrol.isVisible)
    assert "还没有重新入网过" not in reenrol.message.text()
    reenrol.reject()
    close_database()


def test_the_reenrolment_dialog_says_how_a_village_without_backup_gets_its_records_back(qtbot, pair):
    """The township re-enrolled a village whose PC died; nothing on 重新入网 said that its records can come
    back (生成恢复包…) once the new PC's first package is in — the dialog now says the whole way."""
    from ui.township.enrol_dialogs import ReenrollDialog

    pair.use("t")
    dialog = ReenrollDialog(pair.township_session, pair.township, VILLAGE_CODE, "青山村")
    qtbot.addWidget(dialog)
    dialog.show()
    hint = dialog.recovery_hint
    assert hint.isVisible() and "生成恢复包" in hint.text() and "第一个数据包" in hint.text()
    dialog.reject()


def test_enter_after_picking_a_folder_runs_the_dialogs_action_not_the_folder_dialog_again(qtbot, pair,
                                                                                       tmp_path, monkeypatch):
    """In 新增村庄… the staff typed code and name, clicked 选择文件夹…, picked the U盘 and pressed Enter: the
    folder dialog opened again (the focus was still on its button). Enter now writes the 入网文件."""
    from PySide6.QtWidgets import QFileDialog

    from tests.support.sites import TOWNSHIP_CODE
    from ui.township.enrol_dialogs import EnrollDialog

    stick = tmp_path / "U盘"
    stick.mkdir()
    asked = []

    def pick(*_args, **_kw):
        asked.append(1)
        return str(stick)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", pick)
    pair.use("t")
    dialog = EnrollDialog(pair.township_session, pair.township)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.code_edit.setText(TOWNSHIP_CODE + "002")
    dialog.name_edit.setText("溪口村")
    qtbot.mouseClick(dialog.target.folder_button, Qt.MouseButton.LeftButton)
    assert asked == [1] and dialog.target.folder() == stick
    dialog.target.folder_button.setFocus()
    qtbot.keyClick(dialog.target.folder_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20_000)
    assert asked == [1] and dialog.written.parent == stick


def test_a_second_start_whose_window_came_forward_says_to_go_on_there(qtbot):
    """Double-clicking the icon again brought the open window to the front, yet a red error box said
    "请到任务栏上切换到已经打开的窗口,或先关闭它再试" — the window was already in front. Once the first window
    answered, the box is information: it is in front, go on there (and who holds the folder)."""
    from desktop import folder_lock
    from ui.single_instance import second_start_text

    refusal = folder_lock.busy(folder_lock.Holder(folder_lock.GUI, user="wenshu", pid=4242,
                                                  started="2026-12-04T08:30:00", login="管理员(admin)"))
    forwarded = second_start_text(refusal, forwarded=True)
    assert "已把那个窗口切换到最前面" in forwarded and "任务栏" not in forwarded
    assert "登录的是 管理员(admin)" in forwarded and "进程 4242" in forwarded
    not_forwarded = second_start_text(refusal, forwarded=False)
    assert "任务栏" in not_forwarded  # nobody answered: find it, or close it


def test_the_broken_audit_reason_does_not_point_at_one_row_as_the_edited_one(qtbot, tmp_path):
    """The red flag said "青山村审计日志的第 14 条与本机收到的不一致" after row 10 had been edited: the staff
    looked for what happened at row 14. The 14 is where the chains part (that row's hash covers every row
    before it), so the reason says "第 14 条及以前的记录"."""
    township, village, usb = make_pair(tmp_path, years=1)
    import_into(township, export_to(village, usb).path)
    rewrite_audit_log(village.paths.database, "edit")
    result = import_into(township, export_to(village, usb).path)
    assert result.audit == "broken" and "条及以前的记录与本机" in result.audit_reason


def test_typing_the_fingerprint_as_heard_lands_in_its_field_on_a_short_screen(qtbot, pair, tmp_path):
    """At 1024×600 the staff opened a first package and typed what the village read out, "IRUF YELR", without
    clicking first: the focus was on 取消 (the body had moved into a scroll area after the field took the
    focus), the space pressed 取消 and the preview closed ("没有导入"). The field keeps the focus."""
    from tests.support.sites import add_people

    add_people(pair.village_session, "张三")
    page = _exchange_page(qtbot, pair.village_session, pair.village)
    stick = tmp_path / "stick"
    stick.mkdir()
    _export(qtbot, page, stick)
    package = page.export_result.path
    page.close()
    pair.use("t")
    township = shown(qtbot, VillagesPage(pair.township_session, paths=pair.township), 1024, 600)
    township.import_files([package])
    qtbot.waitUntil(lambda: township.preview_dialog is not None and township.preview_dialog.isVisible(),
                    timeout=20_000)
    dialog = township.preview_dialog
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.focusWidget() is not None)
    assert dialog.focusWidget() is dialog.fingerprint_edit
    qtbot.keyClicks(dialog.focusWidget(), "ABCD EFGH")
    assert dialog.isVisible() and dialog.fingerprint_edit.text() == "ABCD EFGH"
    dialog.reject()


def test_the_villages_import_box_says_a_dead_pcs_records_can_come_back(qtbot, pair):
    """A secretary on the village's new PC (the old one died, no backup) saw an empty program and nothing
    saying that the township holds the village's records: the village's import box says so (恢复包)."""
    page = _exchange_page(qtbot, pair.village_session, pair.village)
    hint = page.import_box.recovery_hint
    assert hint is not None and hint.isVisible() and "恢复包" in hint.text() and "重新入网" in hint.text()
    assert "先不要录入" in hint.text()  # a 恢复包 is refused once the new PC holds records of the village
    page.close()
    pair.use("t")
    township = shown(qtbot, VillagesPage(pair.township_session, paths=pair.township), 1366, 768)
    assert township.import_box.recovery_hint is None


def test_filtering_out_the_selected_village_selects_one_that_is_shown(qtbot, tmp_path):
    """With 青山村 selected, ticking 只看需要关注的村 left the list with no selection and the 回执 box saying
    "请先在左边的表中选中一个村" although villages were listed; the first one shown is selected, as at start."""
    from desktop.paths import AppPaths
    from tests.support.demo import demo_township

    paths = AppPaths(tmp_path / "乡镇")
    session = demo_township(paths, villages=3, years=1)
    page = shown(qtbot, VillagesPage(session, paths=paths), 1366, 768)
    calm = next(r.code for r in page.register.rows if not (r.overdue or r.missing or r.status == "pending"))
    assert page.select_village(calm)
    page.attention_check.click()
    assert page.proxy.rowCount() >= 1 and page.selected_code() is not None and page.selected_code() != calm
    assert page.selected_code() in page.export_box.recipient_label.text()
    close_database()


def test_a_one_or_zero_typed_for_the_letter_i_or_o_still_matches():
    """The village read out "IRUF-YELR"; the township typed "1RUF YELR" (I heard as 一) and was told
    "不一致:这个数据包可能不是对方那台电脑发出的". Base32 fingerprints hold no 0 or 1, so a 0 or 1 typed
    is the letter O or I; any other difference still refuses."""
    from desktop.sync import first_contact

    full = "IRUF YELR OQBK T7Y7 X76Y 5WSG"
    assert first_contact.matches(full, "1RUF YELR") and first_contact.matches(full, "iruf-yelr")
    assert first_contact.matches("OQBK T7Y7 IRUF YELR X76Y 5WSG", "0QBK-T7Y7")
    assert not first_contact.matches(full, "1RUF YELB") and not first_contact.matches(full, "LRUF YELR")
    assert first_contact.spoken(full) == "IRUF-YELR"


def test_the_new_pcs_first_package_after_reenrolment_is_called_so(qtbot, tmp_path):
    """After 重新入网, the new PC's first package was announced as "第一次收到青山村的数据包" — for a village
    the township has worked with for years. The heading says it was re-enrolled (and when): this is the new
    PC, whose fingerprint is to be checked on the phone."""
    from desktop.paths import AppPaths
    from desktop.services import auth_service, exchange_service, setup_service
    from desktop.storage import open_store
    from desktop.sync import enrollment, importer
    from tests.support.first_contact import confirmed_by
    from tests.support.sites import PASSWORD, add_people, make_login_pair

    pair = make_login_pair(tmp_path)
    pair.use("v")
    add_people(pair.village_session, "王建国")
    first = exchange_service.export_package(pair.village_session, pair.village, pair.usb).path
    pair.use("t")
    importer.apply_import(pair.township_session, first, pair.township, backup=False,
                          confirm=confirmed_by(pair.village))
    page = shown(qtbot, VillagesPage(pair.township_session, paths=pair.township), 1366, 768)
    setup = enrollment.reenroll_village(pair.township_session, pair.township, VILLAGE_CODE, "硬盘坏了", pair.usb)
    close_database()
    new_pc = AppPaths(tmp_path / "新电脑")
    open_store(new_pc, backup_before_migration=False)
    enrollment.initialize_from_setup(setup)
    setup_service.create_user(None, "admin", "管理员", "admin", PASSWORD, PASSWORD)
    hello = exchange_service.export_package(auth_service.login("admin", PASSWORD), new_pc, pair.usb).path
    pair.use("t")
    page.import_files([hello])
    qtbot.waitUntil(lambda: page.preview_dialog is not None and page.preview_dialog.isVisible(), timeout=20_000)
    heading = page.preview_dialog.first_contact_title.text()
    assert "重新入网" in heading and "新电脑" in heading and "核对电脑指纹" in heading
    page.preview_dialog.reject()
    close_database()
