"""导入花名册 driven as a secretary drives it: from the 人员名册, choose a roster, read the preview,
tick a likely duplicate, import; refusals shown in the dialog. `CUNWU_ROSTER_SHOTS=dir` saves
the dialog as PNG at the sizes it takes on 1366×768 and 1024×600 screens.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.services import people_service, setup_service
from tests.gui import fit_checks
from ui.navigation import areas_for_mode
from ui.pages.factory import build_page
from ui.people.roster_import_dialog import RosterImportDialog

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "rosters"
SHOTS = os.environ.get("CUNWU_ROSTER_SHOTS")


@pytest.fixture
def page(qtbot, village):
    paths, session = village
    area = next(a for a in areas_for_mode("village") if a.key == "people")
    shown = build_page(area, setup_service.current(), session, paths)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _open(qtbot, page) -> RosterImportDialog:
    button = page.empty_import_button if page.empty_import_button.isVisible() else page.import_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(RosterImportDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def _read(qtbot, dialog: RosterImportDialog, path: Path) -> None:
    assert dialog.load_file(path)
    qtbot.waitUntil(lambda: not dialog.progress.isVisible(), timeout=20_000)


def _column(table, c: int) -> list[str]:
    return [table.item(r, c).text() for r in range(table.rowCount())]


def test_preview_tick_a_duplicate_and_import(qtbot, page):
    dialog = _open(qtbot, page)
    _read(qtbot, dialog, CORPUS / "r13_duplicates.xlsx")
    assert dialog.preview is not None
    assert _column(dialog.columns_table, 1) == ["姓名", "性别", "出生年月", "组别", "电话"]
    assert _column(dialog.columns_table, 2)[:2] == ["姓名", "性别"]
    assert dialog.tabs.tabText(1) == "将导入(26)" and dialog.tabs.tabText(3) == "可能重复(6)"
    assert dialog.duplicates_table.rowCount() == 6
    assert all(dialog.duplicates_table.item(r, 0).checkState() == Qt.CheckState.Unchecked for r in range(6))
    assert dialog.ok_button.text() == "导入 26 人"

    dialog.tabs.setCurrentIndex(3)
    table = dialog.duplicates_table
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Space)  # 仍然添加, ticked from the keyboard
    assert table.item(0, 0).checkState() == Qt.CheckState.Checked
    assert dialog.included_duplicates() == {27}
    assert dialog.ok_button.text() == "导入 27 人"

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20_000)
    assert dialog.result.added == 27
    box = dialog.summary_box
    assert "已导入 27 人" in box.text() and "5 人可能已在名册中" in box.informativeText()
    box.button(QMessageBox.StandardButton.Ok).click()
    assert len(people_service.register_ids()) == 27
    qtbot.waitUntil(lambda: page.model.total() == 27)


def test_skipped_rows_and_warnings_are_listed(qtbot, page):
    dialog = _open(qtbot, page)
    _read(qtbot, dialog, CORPUS / "r12_blank_rows_notes.xlsx")
    reasons = _column(dialog.skipped_table, 1)
    assert "空行" in reasons and "没有姓名" in reasons and any("说明" in r for r in reasons)
    _read(qtbot, dialog, CORPUS / "r16_sex_conflict_spaced.xlsx")
    warnings = [w for w in _column(dialog.people_table, 8) if w]
    assert warnings and all("按身份证号取" in w for w in warnings)
    assert all(not any(ch.isdigit() for ch in name) for name in _column(dialog.people_table, 1))


def test_a_file_that_is_not_a_roster_is_refused_in_the_dialog(qtbot, page, tmp_path):
    dialog = _open(qtbot, page)
    old = tmp_path / "花名册.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    _read(qtbot, dialog, old)
    assert "另存为 .xlsx" in dialog.message.text() and dialog.message.role() == "error"
    assert not dialog.ok_button.isEnabled() and dialog.ok_button.text() == "导入"
    _read(qtbot, dialog, CORPUS / "r10_group_per_sheet.xlsx")
    assert dialog.sheet_combo.isVisible() and dialog.sheet_combo.currentText() == "第一组"
    dialog.sheet_combo.setCurrentIndex(0)
    dialog.sheet_combo.activated.emit(0)  # 说明: no 姓名 header
    qtbot.waitUntil(lambda: not dialog.progress.isVisible(), timeout=20_000)
    assert "姓名" in dialog.message.text() and not dialog.ok_button.isEnabled()
    assert len(people_service.register_ids()) == 0


@pytest.mark.parametrize(("screen", "size", "font"), [((1366, 768), (980, 640), "normal"),
                                                     ((1024, 600), (984, 530), "normal"),
                                                     ((1024, 600), (984, 530), "large")])
def test_the_dialog_fits_the_screen(qtbot, page, styled_app, screen, size, font):
    from desktop.settings import FONT_SIZES
    from ui.fonts import apply_point_size

    apply_point_size(styled_app, FONT_SIZES[font])
    dialog = _open(qtbot, page)
    _read(qtbot, dialog, CORPUS / "r06_yibao.xlsx")
    dialog.resize(*size)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        problems = fit_checks.widget_problems(dialog) + fit_checks.window_problems(dialog, *screen, opened=False)
        assert problems == [], problems
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            dialog.grab().save(str(Path(SHOTS) / f"roster_import_{screen[0]}x{screen[1]}_{font}_tab{index}.png"))
    dialog.tabs.setCurrentIndex(1)


def test_the_summary_names_the_rows_left_out_since_the_preview_is_gone(qtbot, page):
    """It said "1 行跳过,原因见预览。" as the preview closed: the rows and reasons are in the summary itself."""
    dialog = _open(qtbot, page)
    _read(qtbot, dialog, CORPUS / "r12_blank_rows_notes.xlsx")
    skipped = [(dialog.skipped_table.item(r, 0).text(), dialog.skipped_table.item(r, 1).text())
               for r in range(dialog.skipped_table.rowCount())]
    assert skipped
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20_000)
    text = dialog.summary_box.informativeText()
    assert "见预览" not in text and f"{len(skipped)} 行跳过:" in text
    row, reason = skipped[0]
    assert f"第 {row} 行:{reason}" in text
    dialog.summary_box.button(QMessageBox.StandardButton.Ok).click()
