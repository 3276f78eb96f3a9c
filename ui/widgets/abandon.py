"""放弃草稿: the one question every list asks before a draft goes to the 回收站, and its Delete key.

A draft (a 村规民约 version not yet adopted, a posting not yet submitted, a
meeting not yet 审定) is abandoned, never destroyed: the question names it
and says where it goes and how it comes back, and the service refuses
anything that is no longer a draft.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.widgets.dialogs import ask_confirm

_C = "abandon"


def abandon_text() -> str:
    """The label of the button and of the box's yes button."""
    return QCoreApplication.translate(_C, "放弃草稿")


def ask_abandon(parent: QWidget, name: str, on_yes: Callable[[], None],
                on_answer: Callable[[], None] | None = None, unsaved: bool = False) -> QMessageBox:
    """Ask "放弃草稿“name”吗?" (取消 is the default); `on_yes` abandons it.

    With `unsaved` (the draft is open in an editor with typing not saved) the
    question says that this typing is dropped too: what goes to the 回收站 is
    the draft as last saved.

    Args:
        parent: the list the draft was chosen in.
        name: the draft as the person knows it ("2026年11月财务收支公开", "第3版 青山村村规民约").
        on_yes: runs after the person clicked 放弃草稿.
        on_answer: runs after any answer (to forget the box).
        unsaved: the draft's editor holds unsaved typing.

    Returns:
        The open box.

    `on_yes` runs once the box has closed (queued), not inside its click:
    abandoning rebuilds the list and the panel beside it, and rebuilding
    widgets while the modal box still waits to hand the focus back crashed
    Qt (the 村规民约 page, offscreen).
    """
    tr = QCoreApplication.translate
    text = tr(_C, "放弃草稿“{name}”吗?\n它会移到“文件 → 回收站”,里面写的内容都在,需要时可以在那里恢复。").format(name=name)
    if unsaved:
        text += "\n" + tr(_C, "编辑窗口里还没有保存的修改不会保存,会一起丢掉。")
    return ask_confirm(parent, abandon_text(), text, abandon_text(),
                       lambda: QTimer.singleShot(0, parent, on_yes), on_answer=on_answer)


def on_delete_key(view: QWidget, slot: Callable[[], object]) -> QShortcut:
    """Delete pressed in `view` (a list or table with the focus) calls `slot`."""
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Delete), view)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(slot)
    return shortcut
