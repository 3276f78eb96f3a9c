"""Size limits for a .docx or .xlsx before a library opens it: a zip bomb is refused in seconds, in bounded memory.

A .docx or .xlsx is a zip. python-docx and openpyxl read whole members with
`ZipFile.read`, and Python's zipfile inflates a deflated member in one call of
up to 2 GB before it cuts the result to the size the directory declares: a
4.6 MB file whose document.xml inflates to gigabytes takes gigabytes of
memory, whatever the directory says. So before either library sees the file,
every member is inflated here in 1 MB steps, counting, and the file is refused
as soon as a member produces more than its declared size or the limits below.
Only the two methods Office writes (stored, deflated) are accepted. The cost is
one pass of inflating (about 0.3 s for 64 MB).
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from models.errors import ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "office_zip"
_STEP = 1 << 20
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature … name length, extra length (30 bytes)


@dataclass(frozen=True)
class Limits:
    """How much a file of one kind may hold once inflated."""

    member: int  # any one member, bytes
    total: int  # all members together, bytes
    members: int = 5_000  # how many members
    #: members streamed in small steps by the reader (an .xlsx's worksheets) may be this large instead
    streamed: int = 0
    streamed_prefix: str = ""
    #: rows a streamed worksheet may hold (0: not counted). openpyxl reads a sheet without a
    #: `<dimension>` element to its end just to size it, before any caller can stop early.
    rows: int = 0


MB = 1024 * 1024
#: A rule text's .docx: the text is a few hundred KB; pictures and fonts may add some.
DOCX = Limits(member=32 * MB, total=96 * MB)
#: A workbook: worksheets are streamed row by row; shared strings and styles are read whole.
XLSX = Limits(member=48 * MB, total=640 * MB, streamed=512 * MB, streamed_prefix="xl/worksheets/", rows=100_000)
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")


def _refuse(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def _too_big(name: str) -> ValidationError:
    return _refuse(QT_TRANSLATE_NOOP(
        _C, "“{name}”解压后太大了(可能是被改坏的文件或恶意文件),不能打开。"
            "请在 Word/Excel/WPS 中打开它,另存为新文件后再试。"), name=name)


def check(path: Path, limits: Limits) -> None:
    """Refuse `path` (ValidationError in Chinese) if it inflates past `limits`; zipfile errors pass through."""
    path = Path(path)
    with zipfile.ZipFile(path) as zf, path.open("rb") as raw:
        infos = zf.infolist()
        if len(infos) > limits.members:
            raise _too_big(path.name)
        total = 0
        for info in infos:
            cap, rows = limits.member, 0
            if limits.streamed and info.filename.startswith(limits.streamed_prefix):
                cap, rows = limits.streamed, limits.rows
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise _refuse(QT_TRANSLATE_NOOP(
                    _C, "“{name}”使用了 Office 不会使用的压缩方式,可能不是 Word/Excel 保存的文件。"), name=path.name)
            if info.file_size > cap:
                raise _too_big(path.name)
            produced = _inflated_size(raw, info, min(info.file_size, cap), rows)
            if produced is None:
                raise _too_big(path.name)
            if produced < 0:
                raise _refuse(QT_TRANSLATE_NOOP(
                    _C, "“{name}”的一个工作表超过 {n} 行,不像是村里的台账或花名册,不能导入。"
                        "请只保留需要的那部分,另存为新文件后再试。"), name=path.name, n=rows)
            total += produced
            if total > limits.total:
                raise _too_big(path.name)


def _inflated_size(raw, info: zipfile.ZipInfo, limit: int, max_rows: int = 0) -> int | None:
    """How many bytes `info` inflates to; None as soon as it passes `limit`, -1 past `max_rows` rows."""
    raw.seek(info.header_offset)
    header = raw.read(_LOCAL_HEADER.size)
    if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile("bad local header")
    signature, name_len, extra_len = _LOCAL_HEADER.unpack(header)
    raw.seek(info.header_offset + _LOCAL_HEADER.size + name_len + extra_len)
    left = info.compress_size
    stored = info.compress_type == zipfile.ZIP_STORED
    if stored and (left > limit or not max_rows):
        return left if left <= limit else None
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    produced = rows = 0
    tail = b""

    def counted(out: bytes) -> bool:  # whether the rows seen so far stay within `max_rows`
        nonlocal rows, tail
        if max_rows:
            # a tag cut by the chunk's end is counted with the next chunk: keep the last bytes back
            data = tail + out
            keep = max(0, len(data) - 32)
            rows += sum(1 for m in _ROW.finditer(data) if m.start() < keep)
            tail = data[keep:]
        return not max_rows or rows <= max_rows

    try:
        while left > 0:
            chunk = raw.read(min(_STEP, left))
            if not chunk:
                break
            left -= len(chunk)
            while chunk:
                out = chunk if stored else inflater.decompress(chunk, _STEP)
                produced += len(out)
                if produced > limit:
                    return None
                if not counted(out):
                    return -1
                chunk = b"" if stored else inflater.unconsumed_tail
        while not stored and not inflater.eof and (more := inflater.decompress(b"", _STEP)):
            produced += len(more)
            if produced > limit:
                return None
            if not counted(more):
                return -1
    except zlib.error as exc:
        raise zipfile.BadZipFile("bad deflate data") from exc
    return produced
