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
    errno.ENOTDIR: QT_TRANSLATE_NOOP(_C, "路径中有一项是文件而不是文件夹"),
    errno.EISDIR: QT_TRANSLATE_NOOP(_C, "这是一个文件夹,不是文件"),
    errno.EEXIST: QT_TRANSLATE_NOOP(_C, "同名的文件或文件夹已经存在"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP(_C, "文件名或路径太长"),
    errno.EBUSY: QT_TRANSLATE_NOOP(_C, "文件正被别的程序使用,请先关闭它"),
    errno.ETXTBSY: QT_TRANSLATE_NOOP(_C, "文件正被别的程序使用,请先关闭它"),
    errno.EMFILE: QT_TRANSLATE_NOOP(_C, "同时打开的文件太多,请关闭一些程序后再试"),
    errno.EINVAL: QT_TRANSLATE_NOOP(_C, "文件名里有系统不允许的字符"),
}

#: Windows reports "file in use" and friends as winerror codes on an OSError.
_WINERRORS = {
    32: QT_TRANSLATE_NOOP(_C, "文件正被别的程序使用,请先关闭它"),  # ERROR_SHARING_VIOLATION
    33: QT_TRANSLATE_NOOP(_C, "文件正被别的程序使用,请先关闭它"),  # ERROR_LOCK_VIOLATION
    112: QT_TRANSLATE_NOOP(_C, "空间已满"),  # ERROR_DISK_FULL
    21: QT_TRANSLATE_NOOP(_C, "设备没有准备好(U盘可能已经拔出)"),  # ERROR_NOT_READY
}


def os_error_text(exc: BaseException) -> str:
    """A plain Chinese reason for a file error (the system's own text is often English).

    An error we have no words for says so in Chinese with its number, which a
    support call can look up; the English text stays in the log.
    """
    winerror = getattr(exc, "winerror", None)
    if winerror in _WINERRORS:
        return str(msg(_C, _WINERRORS[winerror]))
    code = getattr(exc, "errno", None)
    if code in _OS_ERRORS:
        return str(msg(_C, _OS_ERRORS[code]))
    number = winerror or code
    if number:
        return str(msg(_C, QT_TRANSLATE_NOOP(_C, "系统报告的文件错误(代码 {code})"), code=number))
    return str(msg(_C, QT_TRANSLATE_NOOP(_C, "文件读写出错")))
