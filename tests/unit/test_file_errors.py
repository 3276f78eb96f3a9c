"""File errors read in Chinese, whatever the system said (desktop/file_errors.py)."""

from __future__ import annotations

import errno

import pytest

from desktop.file_errors import os_error_text


@pytest.mark.parametrize("code", [errno.ENOENT, errno.EACCES, errno.EROFS, errno.ENOSPC, errno.ENOTDIR,
                                  errno.EISDIR, errno.EEXIST, errno.ENAMETOOLONG, errno.EBUSY])
def test_known_errors_have_chinese_words(code):
    text = os_error_text(OSError(code, "English words from the system"))
    assert "English" not in text and text.strip()


def test_a_windows_sharing_violation_says_another_program_has_the_file():
    exc = OSError(errno.EACCES, "The process cannot access the file")
    exc.winerror = 32
    assert "别的程序" in os_error_text(exc)


def test_an_unknown_error_gives_its_number_not_english():
    text = os_error_text(OSError(errno.ELOOP, "Too many levels of symbolic links"))
    assert str(errno.ELOOP) in text and "Too many" not in text
    assert os_error_text(OSError("no number")) == "文件读写出错"
