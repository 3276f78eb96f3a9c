"""Quitting with a register entry or a supervision matter typed in its dialog asks 保存/不保存/取消 (issue 15).

The meeting, article and financial editors are tested on quit in their own
files; these two editors are dialogs over the main window, and the window's
close must still find them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.services import people_service
from desktop.services import supervision_service as sv
from tests.support.committee import member_login
from tests.support.typing import type_text


def _box() -> QMessageBox:
    (box,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert "有修改还没有保存" in box.text()
    return box


def _answer(qtbot, button: QMessageBox.StandardButton) -> None:
    qtbot.mouseClick(_box().button(button), Qt.MouseButton.LeftButton)


def test_quitting_with_a_person_typed_asks_and_save_adds_them(qtbot, main_window):
    main_window.show_area("people")
    dialog = main_window.current_page().open_add()
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.form.name_edit, "吴秀兰")
    dialog.form.gender_combo.setCurrentIndex(dialog.form.gender_combo.findData("女"))

    main_window.close()
    _answer(qtbot, QMessageBox.StandardButton.Cancel)
    assert main_window.isVisible() and dialog.isVisible() and dialog.form.name_edit.text() == "吴秀兰"

    main_window.close()
    _answer(qtbot, QMessageBox.StandardButton.Save)
    assert not main_window.isVisible()
    assert [r.name for r in people_service.register()] == ["吴秀兰"]


def test_quitting_with_a_matter_typed_asks_and_discard_drops_it(qtbot, village, settings_store):
    from desktop.services import setup_service
    from ui.main_window import MainWindow

    paths, admin = village
    member = member_login(admin, "weiyuan", "周监委")
    window = MainWindow(setup_service.current(), member, paths, settings_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_area("supervision")
    page = window.current_page()
    page.tabs.setCurrentWidget(page.matters_tab)
    dialog = page.matters_tab.open_new()
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.title_edit, "村道硬化工程结算未公开")

    window.close()
    _answer(qtbot, QMessageBox.StandardButton.Cancel)
    assert window.isVisible() and dialog.isVisible() and dialog.title_edit.text() == "村道硬化工程结算未公开"

    window.close()
    _answer(qtbot, QMessageBox.StandardButton.Discard)
    assert not window.isVisible()
    assert sv.list_matters() == []
