"""Reading a rule text from a file: .txt in any encoding a village PC produces, or .docx.

Refuses, with a plain reason, what is not a text: an empty file, a binary
file, a .docx that is not one (a renamed .doc or a broken download).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop import office_zip, text_encoding
from models.errors import ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "rule_files"
MAX_BYTES = 5 * 1024 * 1024


def _refuse(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def read_text(path: Path) -> str:
    """The text of a .txt or .docx file (paragraphs joined by newlines)."""
    path = Path(path)
    if not path.is_file():
        raise _refuse(QT_TRANSLATE_NOOP(_C, "找不到文件“{path}”。"), path=path)
    size = path.stat().st_size
    if size == 0:
        raise _refuse(QT_TRANSLATE_NOOP(_C, "“{name}”是空文件。"), name=path.name)
    if size > MAX_BYTES:
        raise _refuse(QT_TRANSLATE_NOOP(_C, "“{name}”太大了,不像是村规民约的文本。"), name=path.name)
    if path.suffix.lower() == ".docx":
        return _read_docx(path)
    if path.suffix.lower() == ".doc":
        raise _refuse(QT_TRANSLATE_NOOP(
            _C, "不能读取旧版 Word(.doc)文件。请在 Word 或 WPS 里“另存为”.docx 或 .txt 后再导入。"))
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _refuse(QT_TRANSLATE_NOOP(_C, "“{name}”不是文本文件,无法导入。"), name=path.name)
    decoded = text_encoding.decode(data)  # Big5 is told from GB18030, not read as it
    if decoded is not None and decoded[0].strip():
        return decoded[0]
    raise _refuse(QT_TRANSLATE_NOOP(_C, "无法识别“{name}”的文字编码,请另存为 UTF-8 文本后再导入。"),
                  name=path.name)


def _read_docx(path: Path) -> str:
    if not zipfile.is_zipfile(path):
        raise _refuse(QT_TRANSLATE_NOOP(
            _C, "“{name}”不是有效的 .docx 文件(可能是改了扩展名的旧版 Word 文件或下载不完整)。"), name=path.name)
    import docx  # python-docx, imported only when a .docx is read

    try:
        office_zip.check(path, office_zip.DOCX)  # a zip bomb is refused before python-docx inflates it
    except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError, OSError) as exc:
        raise _refuse(QT_TRANSLATE_NOOP(_C, "“{name}”无法打开:{detail}"), name=path.name, detail=exc) from exc
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for broken packages
        raise _refuse(QT_TRANSLATE_NOOP(_C, "“{name}”无法打开:{detail}"), name=path.name, detail=exc) from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:  # some templates put the articles in a table
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    text = "\n".join(lines)
    if not text.strip():
        raise _refuse(QT_TRANSLATE_NOOP(_C, "“{name}”里没有文字。"), name=path.name)
    return text
