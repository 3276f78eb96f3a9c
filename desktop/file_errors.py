"""File errors in plain Chinese: the operating system's own text is often English.

Shared by the package writer, the importer and the UI's error path, so a full
USB stick reads the same everywhere.
"""

from __future__ import annotations

import errno

from models.messages import QT_TRANSLATE_NOOP, msg

_C = "file_errors"

_OS_ERRORS = {
    errno.ENOENT: QT_TRANSLATE_NOOP(_C, "找不到文件或文件夹(U盘可能已经拔出)"),
    errno.EACCES: QT_TRANSLATE_NOOP(_C, "没有权限(U盘或文件夹可能写保护)"),
    errno.EPERM: QT_TRANSLATE_NOOP(_C, "没有权限(U盘或文件夹可能写保护)"),
    errno.EROFS: QT_TRANSLATE_NOOP(_C, "U盘或文件夹是只读的(写保护)"),
    errno.ENOSPC: QT_TRANSLATE_NOOP(_C, "空间已满"),
    errno.EFBIG: QT_TRANSLATE_NOOP(_C, "文件太大,目标放不下"),
    errno.EIO: QT_TRANSLATE_NOOP(_C, "读写出错(U盘可能接触不良或已损坏)"),
}


def os_error_text(exc: BaseException) -> str:
    """A plain Chinese reason for a file error (the system's own text is often English)."""
    code = getattr(exc, "errno", None)
    if code in _OS_ERRORS:
        return str(msg(_C, _OS_ERRORS[code]))
    return str(getattr(exc, "strerror", None) or exc)
