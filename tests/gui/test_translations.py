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
