"""The township's 报表 page: Excel and PDF written off the UI thread from the demo township's board."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from desktop.paths import AppPaths
from desktop.services import compliance_service
from models.db import close_database
from tests.support.demo import demo_township
from tests.support.screens import shown
from ui.township.reports_page import ReportsPage


@pytest.fixture
def demo(tmp_path):
    """An open copy of the 3-village, 1-year demo township (built once); yields (paths, admin session)."""
    paths = AppPaths(tmp_path / "乡镇")
    yield paths, demo_township(paths, villages=3, years=1)
    close_database()


def _save_to(monkeypatch, target):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))


def test_excel_report_for_the_chosen_period(qtbot, demo, tmp_path, monkeypatch):
    paths, session = demo
    page = shown(qtbot, ReportsPage(session, paths=paths), 1000, 600)
    codes = [page.period_combo.itemData(i) for i in range(page.period_combo.count())]
    assert page.period() == compliance_service.default_period() and "2026" in codes
    page.set_period("2026")
    assert page.period_combo.currentText() == compliance_service.parse_period("2026")[2]
    target = tmp_path / "报表" / "青山镇2026"  # the suffix is added
    target.parent.mkdir()
    _save_to(monkeypatch, target)
    qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    assert not page.xlsx_button.isEnabled() or page.written is not None  # busy while it runs
    qtbot.waitUntil(lambda: page.written is not None, timeout=30000)
    assert page.written == target.with_suffix(".xlsx") and page.written.stat().st_size > 5000
    assert page.open_folder_button.isVisible() and "报表已保存" in page.message.text()
    assert page.xlsx_button.isEnabled() and not page.cancel_button.isEnabled()

    from openpyxl import load_workbook

    wb = load_workbook(page.written, read_only=True)
    summary = wb.worksheets[0]
    text = " ".join(str(c) for row in summary.iter_rows(max_row=30, values_only=True) for c in row if c)
    assert all(name in text for name in ("青山村", "溪口村", "大坪村"))


def test_pdf_report_and_cancelled_save_dialog(qtbot, demo, tmp_path, monkeypatch):
    paths, session = demo
    page = shown(qtbot, ReportsPage(session, paths=paths), 1000, 600)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)  # the person closes the dialog
    assert page.written is None and page.pdf_button.isEnabled()
    target = tmp_path / "合规报表.pdf"
    _save_to(monkeypatch, target)
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.written is not None, timeout=30000)
    assert target.read_bytes()[:5] == b"%PDF-"


def test_cancel_leaves_no_file(qtbot, demo, tmp_path, monkeypatch):
    paths, session = demo
    page = shown(qtbot, ReportsPage(session, paths=paths), 1000, 600)
    target = tmp_path / "取消.xlsx"
    _save_to(monkeypatch, target)
    started = []  # 取消 pressed the moment the job starts: it stops at its first check
    page.jobs.busy_changed.connect(lambda busy: busy and (started.append(1), page.cancel_button.click()))
    qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.jobs.is_busy(), timeout=30000)
    assert started and not page.cancel_button.isEnabled()
    assert page.written is None and "已取消" in page.message.text() and not target.exists()


def test_county_aggregate_goes_to_the_chosen_folder(qtbot, demo, tmp_path):
    from desktop.sync import upward

    paths, session = demo
    page = shown(qtbot, ReportsPage(session, paths=paths), 1000, 700)
    stick = tmp_path / "U盘"
    stick.mkdir()
    page.county_target.set_folder(stick)
    assert page.export_for_county()
    qtbot.waitUntil(lambda: page.written is not None, timeout=60000)
    assert page.written.parent == stick and "县级汇总包已保存" in page.message.text()
    manifest, body = upward.read_aggregate(page.written)
    assert manifest["kind"] == "aggregate" and len(body["villages"]) == 3
    assert page.county_button.isEnabled()


def test_the_suggested_file_name_says_the_period_in_words(qtbot, demo):
    paths, session = demo
    page = shown(qtbot, ReportsPage(session, paths=paths), 1000, 600)
    page.set_period("2026")
    name = page.suggested_path("xlsx").name
    assert name == f"青山镇合规报表_{compliance_service.parse_period('2026')[2]}.xlsx" and "2026Q" not in name
    assert "一页" not in " ".join(label.text() for label in page.findChildren(QLabel))  # 30 villages: two pages
