"""Never lose typed work in the register: a person's form keeps a draft while typing, and 恢复 puts it back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services import people_service
from tests.support.typing import type_text


def _new_form(qtbot, window):
    window.show_area("people")
    dialog = window.current_page().open_add()
    qtbot.waitExposed(dialog)
    dialog.guard.timer.setInterval(30)  # the pause before a draft is kept (3 s in use)
    type_text(qtbot, dialog.form.name_edit, "吴秀兰")
    dialog.form.gender_combo.setCurrentIndex(dialog.form.gender_combo.findData("女"))
    type_text(qtbot, dialog.form.birth_edit, "1972.05")
    return dialog


def test_a_person_typed_before_a_power_cut_is_offered_back_and_saved(qtbot, main_window, village, settings_store):
    from desktop.services import setup_service
    from ui.main_window import MainWindow

    dialog = _new_form(qtbot, main_window)
    qtbot.waitUntil(lambda: bool(main_window.drafts.pending()))
    (draft,) = main_window.drafts.pending()
    assert draft.key == "person:new:register" and draft.area == "people" and draft.title == "人员:吴秀兰"
    assert draft.state["birth"] == "1972.05"
    dialog.guard.timer.stop()
    dialog._closing_ok = True  # as a power cut would: nothing asked, the file stays
    dialog.close()

    paths, session = village
    again = MainWindow(setup_service.current(), session, paths, settings_store)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.restore_dialog is not None and again.restore_dialog.isVisible())
    restore = again.restore_dialog
    assert restore.table.model().index(0, 0).data() == "人员:吴秀兰"
    qtbot.mouseClick(restore.restore_button, Qt.MouseButton.LeftButton)
    restored = again.current_page()._open
    assert restored.isVisible() and restored.is_dirty()
    assert restored.form.name_edit.text() == "吴秀兰" and restored.form.birth_edit.text() == "1972.05"
    qtbot.mouseClick(restored.save_button, Qt.MouseButton.LeftButton)
    assert again.drafts.pending() == []
    assert [(r.name, r.birth_text()) for r in people_service.register()] == [("吴秀兰", "1972.05")]
