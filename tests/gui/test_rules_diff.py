"""The diff view: 新增 / 修改 shown side by side, the 修订对照表 exported off the UI thread."""

from __future__ import annotations

from desktop.services import rules_service
from desktop.services.rules_service import ArticleLine
from tests.support.rules import adopt, import_draft


def revised_pair(session) -> tuple[str, str]:
    """An adopted version and a revision with one article changed and one added."""
    old_id = import_draft(session)
    adopt(session, old_id)
    new_id = rules_service.revise(session, old_id, "law_change").id
    lines = rules_service.articles(new_id)
    lines[2] = ArticleLine(lines[2].chapter, "", "红白喜事从简办理,反对大操大办,提倡移风易俗。")
    lines.append(ArticleLine(lines[2].chapter, "", "出嫁女不再享有土地承包权。"))
    rules_service.save_articles(session, new_id, lines)
    return old_id, new_id


def test_diff_shows_changes_and_exports_xlsx(qtbot, village, tmp_path):
    from openpyxl import load_workbook

    from ui.rules.diff_view import DiffView

    _paths, session = village
    old_id, new_id = revised_pair(session)
    view = DiffView(None, old_id, new_id)
    qtbot.addWidget(view)
    view.show()
    assert view.ids() == (old_id, new_id)
    assert "新增 1 条" in view.summary_label.text()
    assert "修改 1 条" in view.summary_label.text()
    text = view.text()
    assert "新增" in text and "修改" in text
    assert "出嫁女不再享有土地承包权" in text
    assert "第一条" not in text  # only the changes
    view.only_changes_check.setChecked(False)
    assert "第一条" in view.text()

    path = tmp_path / "对照表.xlsx"
    with qtbot.waitSignal(view.exporter.finished, timeout=20000) as blocker:
        assert view.export_xlsx(path)
    assert blocker.args == [str(path)]
    assert "已导出" in view.message.text()
    sheet = load_workbook(path).active
    assert sheet["A1"].value.endswith("修订对照表")
    notes = [sheet.cell(row, 4).value for row in range(4, sheet.max_row + 1)]
    assert "修改" in notes and "新增" in notes

    pdf = tmp_path / "对照表.pdf"
    with qtbot.waitSignal(view.exporter.finished, timeout=20000):
        view.export_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_compare_button_opens_the_selected_revision(qtbot, village):
    from ui.rules.rules_page import RulesPage

    _paths, session = village
    old_id, new_id = revised_pair(session)
    page = RulesPage(session)
    qtbot.addWidget(page)
    page.refresh(new_id)
    assert page.compare_button.isEnabled()
    view = page.open_compare()
    assert view.ids() == (old_id, new_id)
    view.close()
