"""Service errors become plain Chinese text, and the error box never blocks."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from models.errors import ValidationError
from models.messages import msg
from ui.errors import error_text, message_text, show_error


def test_message_text_fills_parameters():
    message = msg("setup", "登录名“{login}”已被使用。", login="admin")
    assert message_text(message) == "登录名“admin”已被使用。"


def test_unexpected_errors_get_a_plain_sentence():
    assert "意外" in error_text(RuntimeError("boom"))


def test_show_error_opens_a_box_without_blocking(qtbot):
    box = show_error(None, ValidationError(msg("setup", "两次输入的密码不一致。")))
    qtbot.waitExposed(box)
    assert box.text() == "两次输入的密码不一致。"
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not box.isVisible() if _alive(box) else True)


def _alive(widget) -> bool:
    try:
        widget.isVisible()
    except RuntimeError:
        return False
    return True
