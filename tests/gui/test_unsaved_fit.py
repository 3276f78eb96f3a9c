"""“恢复未保存的内容” fits 1366×768 and 1024×600 at every font size (the checks of test_fit)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from desktop.drafts_store import Draft
from desktop.settings import FONT_SIZES
from tests.gui.fit_checks import (
    available_height,
    settle,
    sideways_problems,
    widget_problems,
    window_problems,
)

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
        problems += [f"{width}x{height} {font}: {p}" for p in widget_problems(dialog) + sideways_problems(dialog)]
        dialog.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not problems, "\n".join(problems)


def _boxes(parent):
    """The questions of issue 15 with the longest texts they get: 保存/不保存/取消 on closing an
    editor, 放弃草稿 of a draft open with typing, 打开已有的/仍然新建 for a second posting, and
    重设密码 with the temporary password shown once."""
    from models.errors import DuplicateRecord
    from ui.widgets.abandon import ask_abandon
    from ui.widgets.dialogs import ask_confirm, ask_save, inform
    from ui.widgets.duplicate import ask_duplicate

    title = "村规民约条文:青山村村规民约(2026年修订草案)(第3版)"
    duplicate = DuplicateRecord("“2026年11月财务收支公开”已经有了(草稿,2026-11-28 建立)。"
                                "要打开已有的,还是仍然新建一份?", existing_id="1")
    reset = ("给“zhangxiaomei”(张晓梅)一个临时密码?原来的密码立即失效;本人用临时密码登录后,"
             "要马上设一个自己的新密码。")
    return {"ask_save": lambda: ask_save(parent, f"“{title}”有修改还没有保存。要保存吗?", lambda _a: None),
            "abandon": lambda: ask_abandon(parent, title, lambda: None, unsaved=True),
            "duplicate": lambda: ask_duplicate(parent, duplicate, lambda _id: None, lambda: None),
            "reset_password": lambda: ask_confirm(parent, "重设密码", reset, "重设", lambda: None),
            "temporary_password": lambda: inform(parent, "临时密码", "“zhangxiaomei”的临时密码是:K7MWP3XRA9",
                                                 "请当面交给本人(这里只显示这一次)。本人登录时会被要求换成自己的新密码。")}


@pytest.mark.parametrize("font", list(FONT_SIZES))
def test_the_questions_fit(qtbot, styled_app, font):
    """The boxes are on screen whole: every button and line readable, nothing scrolls sideways."""
    from PySide6.QtWidgets import QWidget

    from ui.fonts import apply_point_size

    apply_point_size(styled_app, FONT_SIZES[font])
    parent = QWidget()
    parent.setWindowTitle("村务公开:2026年11月财务收支公开")
    qtbot.addWidget(parent)
    parent.resize(900, 500)
    parent.show()
    problems = []
    for width, height in SIZES:
        for name, opener in _boxes(parent).items():
            box = opener()
            qtbot.waitExposed(box)
            settle()
            where = f"{width}x{height} {font} {name}"
            problems += [f"{where}: {p}" for p in window_problems(box, width, height)]
            problems += [f"{where}: {p}" for p in widget_problems(box) + sideways_problems(box)]
            if os.environ.get("CUNWU_FIT_SHOTS"):
                box.grab().save(f"{os.environ['CUNWU_FIT_SHOTS']}_{width}_{name}_{font}.png")
            box.done(0)
            settle()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not problems, "\n".join(problems)
