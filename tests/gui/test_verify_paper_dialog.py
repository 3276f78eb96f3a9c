"""核验纸质件 at the township, driven as a person does: type the code from the paper, press Enter.

The screenshot test (`-m screenshots`) prints each document kind to PDF,
renders the pages to build/screenshots/issue16-paper-*.png, and grabs the
dialog's three verdicts on a 1366×768 main window.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.services import review_service
from desktop.services.session import cli_session
from models.db import close_database
from tests.support import screens
from tests.support.paper_codes import codes, printed_at_village
from tests.support.sites import export_to, import_into, make_pair
from ui.township.filing_register import FilingRegisterTab
from ui.verify_paper_dialog import VerifyPaperDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def township(tmp_path, qapp):
    """The township after importing the demo village's package; printed codes by kind. Database: township."""
    township, village, usb = make_pair(tmp_path, years=1)
    printed = printed_at_village(village)
    import_into(township, export_to(village, usb).path)
    township.use()
    yield township, printed
    close_database()


def _typed(qtbot, dialog: VerifyPaperDialog, text: str) -> None:
    dialog.code_edit.clear()
    qtbot.keyClicks(dialog.code_edit, text)
    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)


def test_typing_a_code_shows_the_verdict(qtbot, township):
    """Issue 16 (3): the township types the 核验码 in and sees whether the paper matches what it holds."""
    _site, printed = township
    dialog = VerifyPaperDialog()
    screens.shown(qtbot, dialog, 560, 360)
    assert not dialog.check_button.isEnabled()
    _typed(qtbot, dialog, printed["P"][1].lower())
    assert dialog.verdict is not None and dialog.verdict.match is True
    assert dialog.result_label.text().startswith("✔ 一致:与本机收到的青山村第 1 号数据包中的记录一致")
    assert dialog.village_label.text() == "青山村" and dialog.kind_label.text() == "公开栏公开表"
    assert dialog.compare_label.isVisible()
    code = printed["M"][1]
    _typed(qtbot, dialog, code[:-1] + ("2" if code[-1] != "2" else "3"))
    assert dialog.verdict.match is False and dialog.result_label.text().startswith("核验码有误")
    assert not dialog.details.isVisible()


def _file_first_waiting(session) -> str:
    row = next(r for r in review_service.filing_register() if r.filing_id is None)
    voted = date.fromisoformat(row.voted_on)
    return review_service.record_filing(session, row.version_id, voted, voted).id


def test_filing_tab_prints_the_receipt_and_checks_papers(qtbot, township, tmp_path):
    """Issue 16 (3): the township's 备案回执 is printed from the 备案登记 tab with its 核验码; the same tab opens 核验纸质件."""
    from desktop.reports import filing_receipt

    session = cli_session("township")
    filing_id = _file_first_waiting(session)
    tab = FilingRegisterTab(session)
    screens.shown(qtbot, tab, 1180, 640)
    qtbot.waitUntil(tab.is_loaded, timeout=10_000)
    row = next(i for i, r in enumerate(tab.rows) if r.filing_id == filing_id)
    tab.table.selectRow(row)
    assert tab.receipt_button.isEnabled()
    out = tmp_path / "回执.pdf"
    with qtbot.waitSignal(tab.exporter.finished, timeout=20_000):
        assert tab.export_receipt(out)
    assert out.stat().st_size > 1000
    code = codes(filing_receipt.receipt_html(filing_id))[0]
    qtbot.mouseClick(tab.verify_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    _typed(qtbot, dialog, code)
    assert dialog.verdict.match is True and "与本机保存的记录一致" in dialog.result_label.text()


@pytest.mark.screenshots
def test_screenshots(qtbot, township, tmp_path):
    """The printed documents (PDF pages) and the dialog's verdicts, to look at."""
    from desktop.reports import disclosure_documents, filing_receipt, meeting_documents, pdf
    from ui.supervision import report_html

    _site, printed = township
    close_database()
    _site.use()
    session = cli_session("township")
    filing_id = _file_first_waiting(session)
    pdf.write_pdf(filing_receipt.receipt_html(filing_id), tmp_path / "receipt.pdf")
    screens.pdf_to_png(tmp_path / "receipt.pdf", "issue16-paper-filing-receipt", dpi=60)
    close_database()
    # the village's own documents, printed at the village
    village = _site.paths.data_dir.parent / "村"
    from desktop.paths import AppPaths
    from tests.support.sites import Site

    v = Site(AppPaths(village), "village")
    v.use()
    from models.supervision.records import Appraisal

    year = int(Appraisal.get_by_id(printed["A"][0]).year)
    for name, html, kw in (
            ("minutes", meeting_documents.minutes_html(printed["M"][0]), {}),
            ("poster", disclosure_documents.poster_html(printed["P"][0]),
             {"page": pdf.A3, "landscape": True, "font_pt": disclosure_documents.POSTER_PT}),
            ("appraisal", report_html.annual_report_html(year), {})):
        path = tmp_path / f"{name}.pdf"
        pdf.write_pdf(html, path, **kw)
        screens.pdf_to_png(path, f"issue16-paper-{name}", dpi=60)
    close_database()
    _site.use()
    dialog = VerifyPaperDialog()
    screens.shown(qtbot, dialog, 560, 380)
    _typed(qtbot, dialog, printed["M"][1])
    screens.save(dialog, "issue16-verify-match")
    code = printed["P"][1]
    _typed(qtbot, dialog, code[:5] + ("X" if code[5] != "X" else "Y") + code[6:])
    screens.save(dialog, "issue16-verify-typo")
    dialog.close()
    close_database()
    from desktop.services import record_store
    from models.disclosure.records import FinancialLine, FinancialPosting

    v.use()  # the village changes the posted table after printing, and sends it again
    posting = FinancialPosting.get(FinancialPosting.item_id == printed["P"][0])
    line = FinancialLine.live().where(FinancialLine.posting == posting.id).first()
    record_store.update(cli_session("village"), line, expense_fen=line.expense_fen + 100_000)
    close_database()
    import_into(_site, export_to(v, village.parent / "U盘").path)
    _site.use()
    dialog = VerifyPaperDialog()
    screens.shown(qtbot, dialog, 560, 380)
    _typed(qtbot, dialog, code)
    assert dialog.verdict.match is False
    screens.save(dialog, "issue16-verify-mismatch")
    assert Path(screens.OUT / "issue16-verify-match.png").exists()
