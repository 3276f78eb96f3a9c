"""“恢复未保存的内容” fits 1366×768 and 1024×600 at every font size (the checks of test_fit)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from desktop.drafts_store import Draft
from desktop.settings import FONT_SIZES
from tests.gui.fit_checks import available_height, settle, widget_problems, window_problems

SIZES = ((1024, 600), (1366, 768))


def _entries():
    def draft(key, title, saved_at):
        return Draft(key, title, "meetings", "admin", "1", saved_at, "5", {})

    return [(draft("meeting:1", "会议记录:2026年第四季度村民代表会议", "2026-11-28T14:03:00"), "", True),
            (draft("rule_version:2", "村规民约条文:青山村村规民约(2026年修订草案)(第3版)", "2026-11-28T13:50:00"),
             "草稿之后这份记录又被修改过;恢复后再保存,会替换那次修改。", True),
            (draft("meeting:3", "会议记录:十月两委联席会议", "2026-11-27T09:10:00"), "原记录已经删除,不能恢复。", False)]


@pytest.mark.parametrize("font", list(FONT_SIZES))
def test_restore_dialog_fits(qtbot, styled_app, font):
    from ui.fonts import apply_point_size
    from ui.widgets.restore_drafts_dialog import RestoreDraftsDialog

    apply_point_size(styled_app, FONT_SIZES[font])
    problems = []
    for width, height in SIZES:
        dialog = RestoreDraftsDialog(_entries())
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        settle()
        problems += [f"{width}x{height} {font}: {p}" for p in window_problems(dialog, width, height)]
        dialog.resize(min(max(dialog.width(), dialog.sizeHint().width()), width - 16),
                      min(dialog.height(), available_height(height)))
        settle()
        problems += [f"{width}x{height} {font}: {p}" for p in widget_problems(dialog)]
        dialog.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not problems, "\n".join(problems)
