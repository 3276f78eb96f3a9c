"""The township's own actions on a village of the register: enrol, re-enrol, retire.

Each opens its non-blocking dialog over the 村庄 page; the dialogs write
(the 入网文件, the retirement) through the services, which check the
permission again. What the page does afterwards (re-read, say so) is the
page's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.paths import AppPaths
from desktop.services.session import Session
from ui.township.enrol_dialogs import EnrollDialog, ReenrollDialog
from ui.township.villages_retire_dialog import RetireDialog

_C = "villages_actions"


def open_enroll(parent: QWidget, session: Session, paths: AppPaths | None, folder: Path | None,
                on_written: Callable[[EnrollDialog], None]) -> EnrollDialog:
    """新增村庄…: code and name, then the 入网文件 is written to `folder` (or one chosen in the dialog)."""
    dialog = EnrollDialog(session, paths, parent)
    if folder is not None:
        dialog.target.set_folder(folder)
    dialog.accepted.connect(lambda: on_written(dialog))
    dialog.open()
    return dialog


def open_reenroll(parent: QWidget, session: Session, paths: AppPaths | None, code: str, name: str,
                  folder: Path | None, on_written: Callable[[ReenrollDialog], None]) -> ReenrollDialog:
    """重新入网… for the village `code`: a reason, then a new 入网文件 (its old key is forgotten)."""
    dialog = ReenrollDialog(session, paths, code, name, parent)
    if folder is not None:
        dialog.target.set_folder(folder)
    dialog.accepted.connect(lambda: on_written(dialog))
    dialog.open()
    return dialog


def enrolled_message(written: Path, fingerprint: str) -> tuple[str, str]:
    """What to tell after a 入网文件 was written: where it is, and the fingerprint to read out."""
    return (QCoreApplication.translate(_C, "入网文件已生成。"), QCoreApplication.translate(
        _C, "文件:{file}\n位置:{folder}\n\n请用U盘当面交给村里,不要通过微信、QQ、邮件或网盘发送"
            "(谁拿到这个文件,谁就能冒充这个村的电脑),在村里的电脑上导入。"
            "村里导入时会打电话核对乡镇电脑指纹,请念给对方:\n\n{fp}").format(
        file=written.name, folder=written.parent, fp=fingerprint))


def open_retire(parent: QWidget, session: Session, code: str, name: str) -> RetireDialog:
    """停用… the village `code`: a required reason and the consequences, 取消 being the default."""
    dialog = RetireDialog(session, code, name, parent=parent)
    dialog.open()
    return dialog
