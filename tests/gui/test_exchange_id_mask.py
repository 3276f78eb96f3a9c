"""The township's import preview says when a village's register text held a 公民身份号码, which arrives masked.

A village's 备注 can hold anything a secretary typed; the township does not
store ID numbers, so the importer masks them and says so before 导入 — in
the preview, where the person deciding reads it — and the history keeps it.
"""

from __future__ import annotations

import os

from desktop.services import exchange_service as xs
from desktop.services import people_service, record_store, setup_service
from models.entities import Person
from models.sync.fields import MASK
from tests.support import sites as support
from tests.support.first_contact import confirm_fingerprint
from tests.support.screens import shown
from ui.main_window import MainWindow

ID_NUMBER = "330106197005120018"


def test_the_preview_warns_and_the_number_arrives_masked(qtbot, tmp_path):
    from ui.settings_store import SettingsStore

    pair = support.make_login_pair(tmp_path / "pair")
    # A village on an older cunwu (the register refuses an ID number in 备注 now) sends one.
    person = people_service.add_person(pair.village_session, "王建国", "男")
    record_store.update(pair.village_session, Person.get_by_id(person.id), note=f"身份证号 {ID_NUMBER}")
    package = xs.export_package(pair.village_session, pair.village, pair.usb).path

    pair.use("t")
    window = MainWindow(setup_service.current(), pair.township_session, pair.township,
                        SettingsStore.load(pair.township.settings_file))
    shown(qtbot, window, 1366, 768)
    window.show_area("villages")
    page = window.current_page()
    page.import_files([package])
    qtbot.waitUntil(lambda: page.preview_dialog is not None and page.preview_dialog.isVisible(), timeout=30_000)
    dialog = page.preview_dialog
    qtbot.waitExposed(dialog)
    [label] = [w for w in dialog.warning_labels if "公民身份号码" in w.text()]
    assert "人员中有 1 处" in label.text() and ID_NUMBER not in label.text()
    folder = os.environ.get("CUNWU_SCREENS")  # e.g. /work/screens/sync, to look at the dialog
    if folder:
        dialog.grab().save(os.path.join(folder, "import_preview_id_masked.png"))
    confirm_fingerprint(dialog)  # the village read it out on the phone
    dialog.accept()
    qtbot.waitUntil(lambda: page.last_import is not None, timeout=30_000)
    assert Person.get(Person.name == "王建国").note == f"身份证号 {MASK}"
    [row] = [r for r in xs.history(pair.township) if r.file_name == package.name]
    assert "公民身份号码" in row.note
    if page.message_box is not None:
        page.message_box.done(0)
    window.close()
