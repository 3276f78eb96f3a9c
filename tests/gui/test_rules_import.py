"""The import dialog: live preview of the split, unreadable files explained, nothing half-saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.services import rules_service
from tests.support.typing import type_text

PLAIN = "第一条 村民应当遵守法律法规。第二条 邻里和睦,互相帮助。\n第三条 爱护公共设施。"


@pytest.fixture
def dialog(qtbot, village):
    from ui.rules.import_dialog import ImportDialog

    _paths, session = village
    dialog = ImportDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_preview_counts_follow_the_text(qtbot, dialog):
    assert not dialog.import_button.isEnabled()
    first, second = PLAIN.split("\n")
    type_text(qtbot, dialog.text_edit, first)
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)
    type_text(qtbot, dialog.text_edit, second)
    qtbot.waitUntil(lambda: dialog.article_count() == 3)
    assert dialog.chapter_count() == 0
    assert dialog.summary_label.text() == "共 3 条(不分章)"
    assert [dialog.table.item(r, 0).text() for r in range(3)] == ["第一条", "第二条", "第三条"]
    assert dialog.table.item(1, 2).text() == "邻里和睦,互相帮助。"
    assert dialog.import_button.isEnabled()

    # A text without numbering imports as one article, and the preview says so.
    dialog.text_edit.setPlainText("村民应当遵守法律法规,邻里和睦。")
    dialog.update_preview()
    assert dialog.article_count() == 1
    assert "全文作为一条导入" in dialog.notes_label.text()


def test_import_text_now_saves_a_draft(qtbot, dialog):
    with qtbot.waitSignal(dialog.imported):
        version_id = dialog.import_text_now(PLAIN, "青山村村规民约")
    view = rules_service.view(version_id)
    assert [a.label for a in view.articles] == ["第一条", "第二条", "第三条"]
    assert rules_service.list_rule_sets()[0].title == "青山村村规民约"


def test_unreadable_files_are_explained_inline(qtbot, dialog, tmp_path):
    fake = tmp_path / "村规民约.docx"
    fake.write_bytes(b"this is not a zip")
    assert not dialog.load_file(fake)
    assert dialog.file_message.role() == "error"
    assert "docx" in dialog.file_message.text() or "Word" in dialog.file_message.text()
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    assert not dialog.load_file(empty)
    assert "空文件" in dialog.file_message.text()
    good = tmp_path / "村规.txt"
    good.write_text("## 第一章 总则\n第一条 总则内容。\n第二条 其他内容。", encoding="gb18030")
    assert dialog.load_file(good)
    assert dialog.article_count() == 2
    assert dialog.chapter_count() == 1

    # Without a title nothing is saved, and the reason is shown.
    dialog.title_edit.clear()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "请填写名称" in dialog.message.text()
    assert rules_service.list_rule_sets() == []


def test_preview_shows_the_parsers_choices(qtbot, dialog):
    """Issue 17: each choice the parser made is listed in the preview, and the file name stands in for a title."""
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[1] / "data" / "rule_texts"
    assert dialog.load_file(corpus / "jiedong_chengdong_jumin_gongyue_chrome.txt")
    assert dialog.article_count() == 10
    assert dialog.notes_label.isVisible()
    notes = dialog.notes_label.text()
    assert "把 10 个“一、”段落当作条款" in notes and "网页杂项" in notes
    assert dialog.title_edit.text() == "城东社区居民公约"

    assert dialog.load_file(corpus / "taowenge_jianshitiao_run_in_items.txt")
    assert dialog.article_count() == 9
    assert "标题取自文件名" in dialog.notes_label.text() and "页码" in dialog.notes_label.text()
    assert dialog.title_edit.text() == "taowenge_jianshitiao_run_in_items"


def test_informative_notes_are_neutral_problems_amber(qtbot, dialog):
    """The parser's choices read in grey; a numbering gap (a problem to check) stays amber."""
    from ui.widgets.palette import AMBER, GREY

    dialog.text_edit.setPlainText("第一条 村民应当遵守法律。\n第二条 邻里和睦。\n第四条 爱护公物。")
    dialog.update_preview()
    lines = dict(dialog.note_lines())
    assert lines["按“第X条”分成 3 条。"] is False
    assert [text for text, problem in dialog.note_lines() if problem] == ["条号不连续:第四条前面缺了 1 条,请核对原文。"]
    shown = dialog.notes_label.text()
    assert f"color:{GREY.name()}'>· 按“第X条”分成 3 条。" in shown
    assert f"color:{AMBER.name()}'>· 条号不连续:第四条" in shown
