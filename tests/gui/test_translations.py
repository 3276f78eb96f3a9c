"""Qt's own strings reach the person in Chinese, and our catalogue stays compiled."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from ui.translations import OUR_TRANSLATIONS, install_translators


def test_standard_buttons_and_text_menus_are_chinese(qapp):
    translators = install_translators(qapp)
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        texts = {b.text() for b in box.buttons()}
        assert texts == {"确定", "取消"}
        assert QCoreApplication.translate("QLineEdit", "&Paste") == "粘贴(&P)"
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_compiled_catalogue_matches_its_source(tmp_path):
    ts = OUR_TRANSLATIONS / "qt_common_zh_CN.ts"
    fresh = tmp_path / "fresh.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == (OUR_TRANSLATIONS / "qt_common_zh_CN.qm").read_bytes(), \
        "run: pyside6-lrelease resources/translations/qt_common_zh_CN.ts -qm resources/translations/qt_common_zh_CN.qm"


def test_the_file_dialog_is_chinese(qapp):
    """The non-native file dialog (used offscreen and on Linux desktops without a portal): the labels
    "Look in:" and "Files of type:" that Qt's own catalogue leaves English, its buttons and columns."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QTreeView

    translators = install_translators(qapp)
    try:
        dialog = QFileDialog(None, "选择备份文件")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        assert labels == ["查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："]
        assert {b.text() for b in dialog.findChildren(QPushButton) if b.text()} == {"打开(&O)", "取消"}
        model = dialog.findChild(QTreeView).model()
        assert model.headerData(0, Qt.Orientation.Horizontal) == "名称"
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        assert "保存(&S)" in {b.text() for b in dialog.findChildren(QPushButton)}
        dialog.deleteLater()
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_qt_catalogue_is_found_beside_the_pyside6_package():
    """A frozen bundle keeps Qt's catalogues inside the PySide6 package: that folder is searched too,
    and the Chinese qtbase catalogue the installer bundles is there in the build interpreter."""
    import PySide6

    from ui.translations import qt_translation_folders

    folders = [Path(f) for f in qt_translation_folders()]
    package = Path(PySide6.__file__).resolve().parent
    assert package / "Qt" / "translations" in folders and package / "translations" in folders
    assert any((folder / "qtbase_zh_CN.qm").is_file() for folder in folders)
