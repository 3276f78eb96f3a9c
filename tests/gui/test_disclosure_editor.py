"""The 村务公开 editor driven by keyboard and mouse: typing a 财务公开表, the committee's review, posting."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop.services import auth_service, setup_service
from desktop.services import disclosure_service as ds
from desktop.services.session import Session
from models.disclosure.financial_table import Line
from tests.support.committee import member_login
from tests.support.typing import type_text
from ui.disclosure.lines_model import EXPENSE, INCOME

PASSWORD = "Village-1234"


def users(admin: Session) -> tuple[Session, Session]:
    """A 村文书 and a 监委会主任 logged in (the village fixture has only the administrator)."""
    setup_service.create_user(admin, "wenshu", "王文书", "secretary", PASSWORD, PASSWORD)
    # The committee's reviewer is a seated member with their own login (desktop.services.duties).
    return auth_service.login("wenshu", PASSWORD), member_login(admin, "jianwei", "李主任")


def open_editor(qtbot, session: Session, item_id: str):
    from ui.disclosure.item_editor import ItemEditor

    editor = ItemEditor(session, item_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def type_cell(qtbot, view, text: str) -> None:
    """Type into the open cell and press Enter; waits until the cursor moved on."""
    editor = view.cell_editor()
    assert isinstance(editor, QLineEdit), "no cell is open for typing"
    before = (view.currentIndex().row(), view.currentIndex().column())
    if text:
        type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: (view.currentIndex().row(), view.currentIndex().column()) != before
                    and view.cell_editor() is not None)


def test_typing_a_financial_table_by_keyboard(qtbot, village):
    _paths, admin = village
    secretary, _committee = users(admin)
    item = ds.create_item(secretary, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    editor = open_editor(qtbot, secretary, item.id)
    te = editor.table_editor
    view = te.view

    qtbot.keyClicks(te.opening_edit, "1,000")
    qtbot.keyClick(te.opening_edit, Qt.Key.Key_Return)  # Enter goes on to the first cell
    qtbot.waitUntil(lambda: view.cell_editor() is not None)
    rows = [("3", "J-001", "集体鱼塘承包费", "发包收入", "1234.50元", "", "王文书"),
            ("12", "J-002", "购买垃圾桶 40 只", "环境卫生", "", "3,920", "李主任")]
    for row in rows:
        for text in row:
            type_cell(qtbot, view, text)
    # Enter in the last column of the last row opened a third row.
    assert te.model.rowCount() == 3
    assert (view.currentIndex().row(), view.currentIndex().column()) == (2, 0)
    view.commit_editor()

    lines = te.lines()
    assert [(x.day, x.income_fen, x.expense_fen) for x in lines] == [
        ("2026-10-03", 123450, 0), ("2026-10-12", 0, 392000)]
    assert te.model.index(0, INCOME).data() == "1,234.50"
    assert "收入合计 1,234.50 元" in te.totals_label.text()
    assert "支出合计 3,920.00 元" in te.totals_label.text()
    assert "期初 + 收入 − 支出 = -1,685.50 元" in te.totals_label.text()
    # No closing balance yet: the check says by how much it is out.
    assert "账不平" in te.check_text()
    assert not editor.submit_button.isEnabled()

    # An amount that is not money turns its cell red with the reason; nothing can be saved.
    view.start_typing(1, EXPENSE)
    type_cell(qtbot, view, "39.205")
    index = te.model.index(1, EXPENSE)
    assert index.data(Qt.ItemDataRole.ForegroundRole).name() == "#b3261e"
    assert "超过两位小数" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "第 2 行支出“39.205”超过两位小数" in te.check_text()
    view.commit_editor()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "没有保存" in editor.message.text()
    view.start_typing(1, EXPENSE)
    type_cell(qtbot, view, "392.05")
    view.commit_editor()

    # 1,000 + 1,234.50 − 392.05 = 1,842.45: a wrong closing balance first, then the right one.
    qtbot.keyClicks(te.closing_edit, "1,842.54")
    assert "账不平" in te.check_text() and "相差 0.09 元" in te.check_text()
    assert not editor.submit_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # an unbalanced draft is kept
    assert "账还没有平" in editor.message.text()
    assert ds.table(item.id)[1] == 184254
    te.closing_edit.selectAll()
    type_text(qtbot, te.closing_edit, "1842.45元")
    assert "账不平" not in te.check_text()
    assert "账平" in te.check_text()
    assert editor.submit_button.isEnabled()

    qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    assert ds.list_items()[0].status == "in_review"
    opening, closing, saved = ds.table(item.id)
    assert (opening, closing) == (100000, 184245)
    assert [(x.summary, x.income_fen, x.expense_fen) for x in saved] == [
        ("集体鱼塘承包费", 123450, 0), ("购买垃圾桶 40 只", 0, 39205)]
    # Submitted: the table is read-only now.
    assert not te.model.flags(te.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert te.opening_edit.isReadOnly()
    assert "等待监委会审核" in editor.review_section.state_label.text()
    # ... and looks it: grey, not the white of a field one types in (issue 15 walk, the committee's view).
    for edit in (te.opening_edit, te.closing_edit):
        inside = edit.grab().toImage().pixelColor(edit.width() - 4, edit.height() // 2)
        assert inside.name() == "#efede7", inside.name()


def test_vague_line_warns_in_amber(qtbot, village):
    _paths, admin = village
    item = ds.create_item(admin, "finance_monthly", "2026-09", "2026年9月财务收支公开")
    ds.save_table(admin, item.id, 0, -5000, [Line("2026-09-02", "1", "其他", "其他支出", 0, 5000)])
    editor = open_editor(qtbot, admin, item.id)
    assert "只写了“其他”" in editor.table_editor.check_text()
    assert "#8a5a00" in editor.table_editor.check_label.text()
    assert editor.submit_button.isEnabled()  # a warning does not block


def _submitted(secretary: Session) -> str:
    item = ds.create_item(secretary, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    ds.save_table(secretary, item.id, 100000, 150000, [Line("2026-10-03", "1", "厂房租金", "租赁收入", 50000, 0)])
    ds.submit(secretary, item.id, date.today())
    return item.id


def test_review_buttons_are_for_the_committee_only(qtbot, village):
    _paths, admin = village
    secretary, committee = users(admin)
    item_id = _submitted(secretary)

    mine = open_editor(qtbot, secretary, item_id)
    review = mine.review_section
    assert review.isVisible()
    assert not review.approve_button.isEnabled() and not review.return_button.isEnabled()
    assert "只有监委会成员可以审核" in review.approve_button.toolTip()
    assert "等待监委会审核" in review.state_label.text()
    assert not mine.posting_section.post_button.isEnabled()
    mine.close()

    theirs = open_editor(qtbot, committee, item_id)
    review = theirs.review_section
    assert review.approve_button.isEnabled() and review.return_button.isEnabled()
    assert not theirs.submit_button.isEnabled()  # the committee reads the table, it does not edit it
    # 退回 needs a reason: refused and explained, nothing changes.
    qtbot.mouseClick(review.return_button, Qt.MouseButton.LeftButton)
    assert "退回时请写明理由" in review.message.text()
    assert ds.list_items()[0].status == "in_review"
    type_text(qtbot, review.reason_edit, "请附上租赁合同复印件")
    qtbot.mouseClick(review.return_button, Qt.MouseButton.LeftButton)
    assert ds.list_items()[0].status == "returned"
    assert "请附上租赁合同复印件" in review.state_label.text()
    assert not review.approve_button.isEnabled()
    theirs.close()

    # The secretary corrects nothing here and submits again; the committee approves.
    again = open_editor(qtbot, secretary, item_id)
    assert again.submit_button.isEnabled()
    qtbot.mouseClick(again.submit_button, Qt.MouseButton.LeftButton)
    assert ds.list_items()[0].status == "in_review"
    again.close()
    theirs = open_editor(qtbot, committee, item_id)
    qtbot.mouseClick(theirs.review_section.approve_button, Qt.MouseButton.LeftButton)
    assert ds.list_items()[0].status == "approved"
    assert "审核通过" in theirs.review_section.state_label.text()
    assert "李主任" in theirs.review_section.state_label.text()
    assert not theirs.posting_section.post_button.isEnabled()  # posting is the secretary's
    theirs.close()

    # The secretary posts it: on two channels.
    mine = open_editor(qtbot, secretary, item_id)
    posting = mine.posting_section
    assert posting.post_button.isEnabled()
    qtbot.mouseClick(posting.channel_boxes["微信群"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(posting.post_button, Qt.MouseButton.LeftButton)
    row = ds.list_items()[0]
    assert row.status == "posted" and row.posted_on == date.today().isoformat()
    assert "村务公开栏、微信群" in posting.state_label.text()


def test_admin_may_not_review_and_says_why(qtbot, village):
    """Issue 15: the administrator could approve "as the 监委会"; now the button is off, with the reason."""
    _paths, admin = village
    item_id = _submitted(admin)
    editor = open_editor(qtbot, admin, item_id)
    review = editor.review_section
    assert not review.approve_button.isEnabled() and not review.return_button.isEnabled()
    # A village that has not entered its committee reads why, and what to do.
    assert "本村还没有登记村务监督委员会成员" in review.why_label.text()
    assert "村务监督 → 成员" in review.approve_button.toolTip()
    editor.close()
    member_login(admin, "jianwei", "李主任")
    editor = open_editor(qtbot, admin, item_id)
    assert not editor.review_section.approve_button.isEnabled()
    assert "“管理员”账号不能代表监委会签署" in editor.review_section.why_label.text()


def test_the_submitter_cannot_approve_with_their_own_committee_login(qtbot, village):
    _paths, admin = village
    member = member_login(admin, "jianwei", "李主任")
    setup_service.create_user(admin, "li_ws", "李主任", "secretary", PASSWORD, PASSWORD)
    from tests.support.committee import bind

    bind(admin, "li_ws", member.person_id)
    item_id = _submitted(auth_service.login("li_ws", PASSWORD))
    editor = open_editor(qtbot, member, item_id)
    assert not editor.review_section.approve_button.isEnabled()
    assert "提交这项内容的人不能再审核它" in editor.review_section.why_label.text()


@pytest.mark.parametrize("paper", ["a3", "a4"])
def test_poster_pdf_export(qtbot, village, tmp_path, paper):
    import re

    _paths, admin = village
    item_id = _submitted(admin)
    editor = open_editor(qtbot, admin, item_id)
    section = editor.poster_section
    pdf = tmp_path / f"poster-{paper}.pdf"
    with qtbot.waitSignal(section.exporter.finished, timeout=20000) as blocker:
        assert section.export_pdf(pdf, paper)
    assert blocker.args == [str(pdf)]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data)
    width, height = float(box.group(1)), float(box.group(2))
    if paper == "a3":
        assert (round(width), round(height)) == (1191, 842)  # A3 landscape, in points
    else:
        assert (round(width), round(height)) == (595, 842)
    assert "已导出" in section.message.text()


def test_photo_of_the_posted_board_is_attached(qtbot, village, tmp_path):
    from datetime import date

    from desktop.services import attachments_service
    from desktop.services import disclosure_service as ds_mod
    from ui.disclosure.item_editor import ItemEditor

    paths, admin = village
    item = ds_mod.create_item(admin, "village_affairs", "2026Q3", "第三季度村务公开", period_kind="quarter")
    editor = ItemEditor(admin, item.id, paths=paths)
    qtbot.addWidget(editor)
    assert "公开栏的照片" in editor.attachments.hint.text()
    photo = tmp_path / "公开栏.jpg"
    photo.write_bytes(b"\xff\xd8board")
    editor.attachments.add_files([photo], "photo")
    rows = attachments_service.list_for("disclosure_item", item.id)
    assert [(r.filename, r.kind) for r in rows] == [("公开栏.jpg", "photo")]
    assert date.today()  # the editor opened on a real item with a real data folder


def test_the_text_of_a_financial_draft_without_one_stays_inside_the_editor(qtbot, village):
    """Seen by a tester: a 正文 box "(没有正文)" opened as a window of its own at the screen's corner."""
    _paths, admin = village
    secretary, _committee = users(admin)
    item = ds.create_item(secretary, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    editor = open_editor(qtbot, secretary, item.id)
    assert editor.content_view.window() is editor
    assert editor.content_view.isVisible()  # a draft's text can be written, in the editor
    editor.close()
    assert not editor.content_view.isVisible()


def test_why_a_table_cannot_be_submitted_is_in_the_tooltip_and_readers_get_no_typing_hint(qtbot, village):
    """At 1024×600 the red check under the table is out of view: the greyed 提交 button says the reason
    itself; and once submitted, the committee is not told to "直接打字填写" into a table that takes no keys."""
    _paths, admin = village
    secretary, committee = users(admin)
    item = ds.create_item(secretary, "finance_monthly", "2026-09", "2026年9月财务收支公开")
    ds.save_table(secretary, item.id, 100000, 100001, [Line("2026-09-03", "1", "鱼塘承包费", "发包收入", 5000, 0)])
    mine = open_editor(qtbot, secretary, item.id)
    assert not mine.submit_button.isEnabled()
    tip = mine.submit_button.toolTip()
    assert "账不平" in tip and "见表格下方" not in tip
    assert tip.split(":", 1)[1].split(";")[0] in mine.table_editor.check_text()
    assert not mine.table_editor.hint.isHidden()
    mine.close()

    item_id = _submitted(secretary)
    theirs = open_editor(qtbot, committee, item_id)
    assert theirs.table_editor.hint.isHidden()


def test_a_returned_item_does_not_say_it_was_never_submitted(qtbot, village):
    """After 退回修改 the panel shows the submission date and the reason; it must not add "还没有提交"."""
    _paths, admin = village
    secretary, committee = users(admin)
    item_id = _submitted(secretary)
    ds.review(committee, item_id, date.today(), False, "请附上租赁合同复印件")
    editor = open_editor(qtbot, secretary, item_id)
    text = editor.review_section.state_label.text()
    assert "请附上租赁合同复印件" in text and "提交审核" in text
    assert "还没有提交" not in text and "重新提交" in text


def test_tab_leaves_the_committee_s_reason_box(qtbot, village):
    """The 意见/理由 box took Tab as a character: the committee could not Tab on to 审核通过/退回修改."""
    _paths, admin = village
    secretary, committee = users(admin)
    editor = open_editor(qtbot, committee, _submitted(secretary))
    box = editor.review_section.reason_edit
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert not box.hasFocus() and "\t" not in box.toPlainText()
