"""Issue 16: "a write lock held over 5 s gives a raw "database is locked" traceback" — in the window.

Another program (a database browser in the middle of an edit) holds SQLite's
write lock; a save of the window waits its 5 s and then must say so in
Chinese, through the one error path, never as a crash dialog.
"""

from __future__ import annotations

import sqlite3
import sys

from PySide6.QtWidgets import QMessageBox, QWidget

from models.entities import AppMeta
from ui.crash_hook import CrashHook
from ui.operations import run_op

LOCKED_TEXT = "数据库正被另一个程序占用"


def _hold_write_lock(database):
    blocker = sqlite3.connect(database, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    return blocker


def test_a_save_while_another_program_holds_the_write_lock_says_so_in_chinese(qtbot, village):
    """Attack: "a write lock held over 5 s gives a raw "database is locked" traceback" (a save in the window)."""
    paths, _ = village
    page = QWidget()
    qtbot.addWidget(page)
    blocker = _hold_write_lock(paths.database)
    try:
        outcome = run_op(page, lambda: AppMeta.create(key="attack-16", value="saved?"))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert not outcome.ok
    assert LOCKED_TEXT in str(outcome.error)
    box = page.findChild(QMessageBox)
    assert box is not None and LOCKED_TEXT in box.text()
    box.close()
    assert AppMeta.get_or_none(AppMeta.key == "attack-16") is None, "nothing of the step was saved"


def test_a_locked_database_reaching_the_crash_hook_is_a_plain_message(qtbot, village, tmp_path):
    """Attack: "a write lock held over 5 s gives a raw "database is locked" traceback" (outside an operation)."""
    paths, _ = village
    hook = CrashHook(tmp_path)
    blocker = _hold_write_lock(paths.database)
    try:
        try:
            AppMeta.create(key="attack-16", value="saved?")
        except Exception:  # noqa: BLE001 - handed to the hook as an uncaught error would be
            hook.handle(*sys.exc_info())
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    qtbot.waitUntil(lambda: hook.refusal_box is not None and hook.refusal_box.isVisible(), timeout=3000)
    assert LOCKED_TEXT in hook.refusal_box.text()
    assert hook.dialog is None, "no crash dialog with a traceback"
    hook.refusal_box.close()
