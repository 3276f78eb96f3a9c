"""The village file at the township: opened from the 村庄 page, read only, printable; the filed rule's text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop.paths import AppPaths
from desktop.services.review_service import FILED
from models.db import close_database, database
from tests.gui.fit_checks import opened_size
from tests.support.demo import demo_township
from tests.support.screens import shown
from ui.township.village_file.rule_text_dialog import RuleTextDialog
from ui.township.villages_page import VillagesPage

FIRST = "330106001001"


@pytest.fixture
def demo(tmp_path):
    """An open copy of the 3-village, 1-year demo township (built once); yields (paths, admin session)."""
    paths = AppPaths(tmp_path / "乡镇")
    yield paths, demo_township(paths, villages=3, years=1)
    close_database()


def _page(qtbot, demo) -> VillagesPage:
    paths, session = demo
    return shown(qtbot, VillagesPage(session, paths=paths), 1200, 700)


def _double_click_row(qtbot, table, row: int) -> None:
    where = table.visualRect(table.model().index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a view double-clicks what was pressed
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_double_clicking_a_village_opens_its_file_on_the_rule_in_force(qtbot, demo):
    page = _page(qtbot, demo)
    assert page.select_village(FIRST)
    _double_click_row(qtbot, page.table, page.table.currentIndex().row())
    view = page.village_file
    assert page.village_file_shown() and view.code == FIRST
    assert view.title.text() == "青山村 村档案" and "第 1 号数据包" in view.facts.text()
    rules = view.rules_tab
    text = rules.detail.toPlainText()
    assert "已生效" in text and "第一条" in text and rules.current_id() in rules.in_force_ids()
    # The version before, side by side: 修订对照表.
    rules.compare_button.setChecked(True)
    assert "修订对照表" in rules.detail.toPlainText()
    # Nothing in the file writes: no button of it is an edit.
    labels = {b.text() for b in view.findChildren(QPushButton)}
    assert labels <= {"← 返回村庄列表", "打印…", "导出PDF…", "与上一版对比"}, labels
    view.back_button.click()
    assert not page.village_file_shown() and page.selected_code() == FIRST


def test_a_meeting_shows_its_record_with_markup_as_typed_and_prints(qtbot, demo, tmp_path):
    meeting_id = database.execute_sql(
        "SELECT m.id FROM meeting m WHERE m.owner = ? AND m.deleted = 0 AND EXISTS (SELECT 1 FROM resolution r "
        "WHERE r.meeting_id = m.id) ORDER BY m.held_on LIMIT 1", (FIRST,)).fetchone()[0]
    # A hostile text from a package: shown as the characters typed, never as formatting.
    database.execute_sql("UPDATE agenda_item SET minutes = '<b>markup</b> 修路' WHERE meeting_id = ?", (meeting_id,))
    page = _page(qtbot, demo)
    assert page.open_village_file(FIRST, "meeting", meeting_id)
    tab = page.village_file.meetings_tab
    assert page.village_file.tabs.currentWidget() is tab and tab.current_id() == meeting_id
    shown_text = tab.detail.toPlainText()
    assert "<b>markup</b> 修路" in shown_text and "表决与决议" in shown_text
    page.refresh()  # the page read again (shown again, a package imported): the same meeting stays
    assert tab.current_id() == meeting_id
    target = tmp_path / "会议记录.pdf"
    with qtbot.waitSignal(tab.exporter.finished, timeout=20000):
        assert tab.export_current(target)
    assert target.read_bytes().startswith(b"%PDF")


def test_go_to_opens_a_village_record_and_refuses_another_villages(qtbot, demo, tmp_path):
    from desktop.services import setup_service
    from ui.main_window import MainWindow
    from ui.settings_store import SettingsStore

    paths, session = demo
    window = MainWindow(setup_service.current(), session, paths, SettingsStore.load(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    window.resize(*opened_size(1024, 600))  # a netbook: the file fits, its 打印 buttons on screen
    version_id, article_id, text = database.execute_sql(
        "SELECT a.version_id, a.id, a.text FROM rule_article a WHERE a.owner = ? AND a.deleted = 0 "
        "ORDER BY a.version_id, a.position LIMIT 1 OFFSET 4", (FIRST,)).fetchone()
    # The target the search gives a township hit (desktop.services.search_service).
    window.go_to(f"village_file:{FIRST}:article@{version_id}/{article_id}")
    page = window.current_page()
    assert isinstance(page, VillagesPage) and page.village_file_shown()
    assert page.village_file.rules_tab.current_id() == version_id
    assert text[:20] in page.village_file.rules_tab.detail.toPlainText()
    assert text[:20] in page.village_file.rules_tab.selected_article()  # the hit's article marked, not only scrolled to
    posting_id = database.execute_sql("SELECT id FROM disclosure_item WHERE owner = ? AND category = 'finance' "
                                      "LIMIT 1", (FIRST,)).fetchone()[0]
    window.go_to(f"village_file:{FIRST}:posting@{posting_id}")
    assert page.village_file.tabs.currentWidget() is page.village_file.postings_tab
    button = page.village_file.postings_tab.pdf_button
    corner = button.mapTo(window, button.rect().bottomRight())
    assert window.rect().contains(corner) and corner.y() < window.statusBar().mapTo(window, window.statusBar().rect().topLeft()).y()
    assert "财务收支明细" in page.village_file.postings_tab.detail.toPlainText()
    # An election named by its hit: that one (the 2021 换届), not the latest the tab opens on (issue 19, fix).
    first_general = database.execute_sql("SELECT id, label FROM election WHERE owner = ? AND kind = 'general' "
                                         "ORDER BY election_day LIMIT 1", (FIRST,)).fetchone()
    window.go_to(f"village_file:{FIRST}:election@{first_general[0]}")
    tab = page.village_file.election_tab
    assert page.village_file.tabs.currentWidget() is tab and first_general[1] in tab.detail.toPlainText()
    assert "第十二届" not in tab.detail.toPlainText()  # the 2026 换届 is not the one shown
    other = database.execute_sql("SELECT id FROM meeting WHERE owner != ? LIMIT 1", (FIRST,)).fetchone()[0]
    assert not page.open_village_file(FIRST, "meeting", other)
    assert page.village_file.message.text()
    assert not page.open_village_file("330106001999")
    assert "没有代码" in page.message.text()


def test_double_clicking_a_filed_rule_opens_its_text_and_correction_stays_on_its_button(qtbot, demo):
    from ui.township.filing_register import FilingRegisterTab

    _paths, session = demo
    tab = shown(qtbot, FilingRegisterTab(session), 1000, 600)
    qtbot.waitUntil(tab.is_loaded, timeout=20000)
    row = next(i for i, r in enumerate(tab.rows) if r.state == FILED)
    tab.table.selectRow(row)
    assert tab.correct_button.isEnabled()
    _double_click_row(qtbot, tab.table, row)
    dialog = tab.dialog
    assert isinstance(dialog, RuleTextDialog)
    assert "第一条" in dialog.text() and "已生效" in dialog.text()
    dialog.close()


def test_a_rule_voted_and_filed_but_not_yet_published_is_not_called_waiting_for_its_filing():
    from models.rules import procedure as proc
    from ui.widgets.rule_labels import status_label

    assert status_label(proc.ST_ADOPTED, "2026-10-25") == "已备案,待公布"  # the township filed it (tester, issue 19)
    assert status_label(proc.ST_ADOPTED) == "已表决通过,待备案公布"
    assert status_label(proc.ST_IN_FORCE, "2026-10-25") == "已生效"


def test_the_register_tab_pages_sorts_by_a_header_and_keeps_the_person(qtbot, demo):
    """村民 reads ids and fetches lines by the chunk (no 5,000 limit); a header sorts every person, the chosen one kept."""
    from ui.widgets.sorting import natural_sorted

    page = _page(qtbot, demo)
    wanted, count = database.execute_sql(
        "SELECT (SELECT id FROM person WHERE owner = ?1 AND deleted = 0 ORDER BY name DESC LIMIT 1), "
        "count(*) FROM person WHERE owner = ?1 AND deleted = 0", (FIRST,)).fetchone()
    assert page.open_village_file(FIRST, "person", wanted)
    tab = page.village_file.people_tab
    assert tab.paged and tab.model.rowCount() == count and tab.current_id() == wanted
    tab.model.sort(3, Qt.SortOrder.AscendingOrder)  # 村民小组, as a header click asks
    groups = [tab.model.index(r, 3).data() for r in range(tab.model.rowCount())]
    assert groups == natural_sorted(groups)
    assert tab.current_id() == wanted  # the selection followed the person


def test_the_people_tab_lists_everyone_by_pinyin_and_go_to_finds_records_past_the_old_limits(qtbot, demo):
    """村民 by pinyin (丁, 万, 乔 once came in code-point order) and no silent end (tester doc row 11)."""
    from tests.support.village_file_rows import clone_rows
    from ui.widgets.sorting import natural_key

    people = clone_rows("person", FIRST, 5100, "many-", name="printf('%s%d', CASE k % 5 WHEN 0 THEN '丁' "
                        "WHEN 1 THEN '万' WHEN 2 THEN '乔' WHEN 3 THEN '阿' ELSE '张' END, k)", left_on="''")
    meetings = clone_rows("meeting", FIRST, 2100, "old-m-", held_on="printf('1990-01-%02d', 1 + k % 28)",
                          corrects_id="NULL")
    page = _page(qtbot, demo)
    assert page.open_village_file(FIRST, "person", people[-1])  # past the 5,000 the list once stopped at
    tab = page.village_file.people_tab
    assert tab.current_id() == people[-1]
    total = database.execute_sql("SELECT count(*) FROM person WHERE owner = ? AND deleted = 0", (FIRST,)).fetchone()[0]
    assert tab.proxy.rowCount() == total > 5100
    names = [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]
    on_register = [n for n in names if not n.endswith("(已迁出)")]
    assert names[:len(on_register)] == on_register  # those who left come after
    assert on_register == sorted(on_register, key=natural_key)  # by pinyin, not code point
    surnames = list(dict.fromkeys(n[0] for n in names if n[1:].isdigit()))
    assert surnames == ["阿", "丁", "乔", "万", "张"]  # a, ding, qiao, wan, zhang (code points: 丁 万 乔 张 阿)
    assert page.open_village_file(FIRST, "meeting", meetings[0])  # the oldest meetings, past the old 2,000
    meetings_tab = page.village_file.meetings_tab
    assert meetings_tab.current_id() == meetings[0] and meetings_tab.paged
    assert meetings_tab.model.rowCount() == database.execute_sql(
        "SELECT count(*) FROM meeting WHERE owner = ? AND deleted = 0", (FIRST,)).fetchone()[0]
    last = meetings_tab.model.rowCount() - 1
    assert meetings_tab.model.index(last, 0).data().startswith("1990-")  # the oldest, fetched by its chunk
    assert "1990-" in meetings_tab.detail.toPlainText()  # the record shown is the one selected
    meetings_tab.year.setCurrentIndex(meetings_tab.year.findData(1990))  # the year filter reads the ids again
    days = [meetings_tab.model.index(r, 0).data() for r in range(meetings_tab.model.rowCount())]
    assert len(days) == 2100 and all(d.startswith("1990-") for d in days) and days == sorted(days, reverse=True)
    assert meetings_tab.current_id() in meetings and "1990-" in meetings_tab.detail.toPlainText()
