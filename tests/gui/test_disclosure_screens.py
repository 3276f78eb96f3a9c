"""Renders the 村务公开 screens and the A3 poster to build/screenshots/9x_*.png for a person to look at.

Run with `pytest -m screenshots tests/gui/test_disclosure_screens.py`. Demo
data made through the services, as in `test_screenshots.py`.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop.services import auth_service
from desktop.services import disclosure_service as ds
from tests.support.screens import pdf_to_png
from tests.support.screens import save as _save
from tests.support.screens import shown as _shown
from tests.support.typing import type_text


def _pdf_to_png(pdf, name):
    return pdf_to_png(pdf, name, 60)

pytestmark = pytest.mark.screenshots








def _demo():
    from tests.support.demo import demo_village

    demo_village(years=1, province="chongqing")


def test_disclosure_screens(qtbot, store, tmp_path):
    from ui.disclosure.disclosure_page import DisclosurePage
    from ui.disclosure.item_editor import ItemEditor

    _demo()
    secretary = auth_service.login("wenshu", "demo1234")
    committee = auth_service.login("jianwei", "demo1234")
    page = _shown(qtbot, DisclosurePage(secretary), 1180, 760)
    assert page.calendar_tab.ad_hoc_model.rowCount() >= 2  # the demo's 随时 items, one overdue
    _save(page, "90_disclosure_calendar")
    catalogue = page.open_catalogue()
    qtbot.waitExposed(catalogue)
    own = next(s for s in catalogue.subjects if not s.builtin)
    catalogue.select(own.code)
    _save(catalogue, "99_disclosure_catalogue")
    catalogue.close()
    page.tabs.setCurrentWidget(page.list_tab)
    page.list_tab.set_filters(date.today().year)
    _save(page, "91_disclosure_list")

    # The demo's last month does not balance; type one vague line on top of it.
    draft = next(r for r in ds.list_items() if r.status == "draft" and r.category == "finance")
    editor = page.open_item(draft.id)
    qtbot.waitExposed(editor)
    editor.resize(1240, 780)
    te = editor.table_editor
    row = te.model.rowCount() - 1
    te.view.start_typing(row, 2)
    type_text(qtbot, te.view.cell_editor(), "其他")
    qtbot.keyClick(te.view.cell_editor(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: te.view.currentIndex().column() == 3)
    te.view.start_typing(row, 5)
    qtbot.keyClicks(te.view.cell_editor(), "12.345")
    te.view.commit_editor()
    assert "账不平" in te.check_text()
    _save(editor, "92_disclosure_financial_unbalanced")
    editor.close()

    # The secretary corrects the closing balance and submits: what each side sees of the review.
    from models.disclosure.financial_table import totals

    opening, _closing, lines = ds.table(draft.id)
    ds.save_table(secretary, draft.id, opening, totals(opening, lines).computed_closing, lines)
    ds.submit(secretary, draft.id, date.today())
    item = draft
    waiting = _shown(qtbot, ItemEditor(secretary, item.id), 1240, 780)
    _save(waiting, "93_disclosure_review_waiting")
    waiting.close()
    review = _shown(qtbot, ItemEditor(committee, item.id), 1240, 780)
    type_text(qtbot, review.review_section.reason_edit, "已核对凭证,同意公开")
    _save(review, "94_disclosure_review_committee")
    qtbot.mouseClick(review.review_section.approve_button, Qt.MouseButton.LeftButton)
    review.close()
    posting = _shown(qtbot, ItemEditor(secretary, item.id), 1240, 780)
    qtbot.mouseClick(posting.posting_section.post_button, Qt.MouseButton.LeftButton)
    assert posting.detail.status == "posted"
    _save(posting, "95_disclosure_posted")

    pdf = tmp_path / "poster.pdf"
    with qtbot.waitSignal(posting.poster_section.exporter.finished, timeout=30000):
        assert posting.poster_section.export_pdf(pdf, "a3")
    assert _pdf_to_png(pdf, "96_disclosure_poster_a3")
    posting.close()

    page.tabs.setCurrentWidget(page.feedback_tab)
    page.feedback_tab.table.selectRow(0)
    _save(page, "97_disclosure_feedback")


def test_ledger_import_screen(qtbot, village, tmp_path):
    from tests.support.ledgers import messy_cash_journal
    from ui.disclosure.ledger_import_dialog import LedgerImportDialog

    book = tmp_path / "现金日记账.xlsx"
    messy_cash_journal(book)
    dialog = _shown(qtbot, LedgerImportDialog(), 960, 620)
    dialog.load_file(book)
    _save(dialog, "98_disclosure_ledger_import")
