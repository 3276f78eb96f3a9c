"""The crash hook: logs, shows one plain dialog per distinct error, copies details."""

from __future__ import annotations

import logging
import sys
import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.crash_hook import CrashHook


def _raise_here():
    raise ValueError("坏数据 17")


def _exc_info():
    try:
        _raise_here()
    except ValueError:
        return sys.exc_info()


def test_error_in_worker_thread_shows_dialog_once(qtbot, tmp_path, caplog):
    hook = CrashHook(tmp_path)
    hook.install()
    try:
        with caplog.at_level(logging.ERROR):
            worker = threading.Thread(target=_raise_here)
            worker.start()
            worker.join()
            qtbot.waitUntil(lambda: hook.dialog is not None and hook.dialog.isVisible(), timeout=2000)
        assert "坏数据 17" in caplog.text
        dialog = hook.dialog
        qtbot.addWidget(dialog)
        assert "ValueError" in dialog.details_view.toPlainText()

        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        assert "坏数据 17" in QApplication.clipboard().text()
        assert dialog.copy_button.text() == "已复制"
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()

        hook.handle(*_exc_info())  # the same error again: logged, not shown again
        QApplication.processEvents()
        assert hook.dialog is dialog and not dialog.isVisible()
    finally:
        hook.uninstall()
    assert threading.excepthook is not hook._threading_hook
