"""The township's per-article comments sit beside their article in the 条文 editor.

The comments arrive the real way: the village submits a draft in a package,
the township comments on 第三条 and on the whole text and records
修改后同意, and the 回执 is imported at the village. The secretary then edits
第三条 with the comment in view, not on the 审核 tab.
"""

from __future__ import annotations

import pytest

from desktop.services import exchange_service, rules_service
from tests.support.reviews import COMMENT, RULES_TEXT, draft_reviewed_by_township
from tests.support.screens import save, shown
from tests.support.typing import type_text
from ui.rules.article_editor import LABEL
from ui.rules.comment_band import BAND_ROLE

WHOLE = "请在总则中写明制定依据:《中华人民共和国村民委员会组织法》。"


def _reviewed_with_comments(pair) -> str:
    """Draft → township (comments on 第三条 and on the whole text, 修改后同意) → 回执 imported at the village."""
    version_id, receipt = draft_reviewed_by_township(pair, comments=((3, COMMENT), (0, WHOLE)))
    exchange_service.import_package(pair.village_session, pair.village, receipt)
    return version_id


@pytest.mark.screenshots
def test_the_comment_is_under_its_article_while_the_secretary_edits_it(qtbot, pair):
    from ui.rules.rules_page import RulesPage

    version_id = _reviewed_with_comments(pair)
    view = rules_service.view(version_id)
    assert [(c.position, c.on_current_text) for c in view.article_comments] == [(0, True), (3, True)]

    rules = shown(qtbot, RulesPage(pair.village_session), 1280, 800)
    rules.refresh(version_id)
    panel = rules.panel
    editor = panel.article_editor
    panel.tabs.setCurrentWidget(editor)
    qtbot.wait(50)
    # Under 第三条 only, as the township wrote it (the text is the one reviewed); taller than the others.
    assert editor.band_texts() == ["", "", COMMENT]
    assert editor.table.rowHeight(2) > editor.table.rowHeight(0)
    assert editor.table.item(2, LABEL).data(BAND_ROLE) == "乡镇意见"  # the tag under the article number
    assert editor.general_label.isVisible() and WHOLE in editor.general_label.text()
    assert "乡镇意见(全文)" in editor.general_label.text()

    # Selecting 第三条: the comment in full beside the text being edited, above the legality finding.
    editor.table.selectRow(2)
    html = editor.findings_label.text()
    assert "乡镇意见:" in html and COMMENT in html
    assert html.index(COMMENT) < html.index("财产")  # the comment first, then the legality check
    save(rules, "vr_01_rules_articles_township_comment")

    # The secretary rewrites 第三条 with the comment in view; it stays with its article while moved.
    editor.text_edit.selectAll()
    type_text(qtbot, editor.text_edit, "对不履行赡养义务的,由村民委员会批评教育,督促其履行义务。")
    assert editor.band_texts()[2] == COMMENT
    editor.move_selected(-1)
    assert editor.band_texts() == ["", COMMENT, ""]
    editor.move_selected(1)
    assert editor.save()
    qtbot.wait(20)
    # Saved: the text is no longer the one reviewed, and the comment says so (with the article it was on).
    stale = editor.band_texts()[2]
    assert stale == f"(针对报审时的文本第三条){COMMENT}"
    assert "(针对报审时的文本)" + WHOLE in editor.general_label.text()
    assert [c.on_current_text for c in rules_service.view(version_id).article_comments] == [False, False]
    editor.table.selectRow(2)
    assert "针对报审时的文本第三条" in editor.findings_label.text()
    save(rules, "vr_02_rules_articles_comment_after_edit")


def test_deleting_the_commented_article_keeps_its_comment_in_view(qtbot, pair):
    from ui.rules.article_editor import ArticleEditor

    version_id = _reviewed_with_comments(pair)
    editor = shown(qtbot, ArticleEditor(pair.village_session), 900, 560)
    editor.set_view(rules_service.view(version_id))
    editor.delete_row(2)
    assert editor.band_texts() == ["", ""]
    assert "(针对删除的第三条)" + COMMENT in editor.general_label.text()
    editor.revert()
    assert editor.band_texts() == ["", "", COMMENT]


def test_no_comment_lines_before_the_township_answers(qtbot, village):
    from ui.rules.article_editor import ArticleEditor

    _paths, session = village
    version, _ = rules_service.import_text(session, RULES_TEXT, "青山村村规民约")
    editor = shown(qtbot, ArticleEditor(session), 900, 560)
    editor.set_view(rules_service.view(version.id))
    assert editor.band_texts() == ["", "", ""] and not editor.general_label.isVisible()
    assert editor.table.rowHeight(2) == editor.table.rowHeight(0)
