"""Reading a 花名册 file into rows of cell values: .xlsx (also .xls saved as .xlsx) and .csv.

Streams the sheet (openpyxl read-only mode) so a 20,000-row file reads in
seconds with little memory. Read-only mode does not load merged ranges, so
they are read from the sheet's XML and spread here: a 组别 or 户号 merged over
ten rows applies to each of them. A file that cannot be read is refused in
Chinese, naming what to do (an old binary .xls: save it as .xlsx).
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop import office_zip, text_encoding
from desktop.file_errors import os_error_text
from models.errors import ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "roster_files"

Rows = Iterator[tuple[int, list[object]]]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls (and .doc, .et)
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+)(\d+):([A-Z]+)(\d+)\"")
_CSV_SUFFIXES = (".csv", ".txt", ".tsv")
_UTF16_LE, _UTF16_BE = b"\xff\xfe", b"\xfe\xff"
_FIXED_DECIMALS = re.compile(r"^0\.(0{1,6})$")  # the number formats "0.0", "0.00"…


def _refuse(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def _head(path: Path) -> bytes:
    """The first bytes of `path`, refusing a missing, empty or unreadable file in Chinese."""
    if not path.exists():
        raise _refuse(QT_TRANSLATE_NOOP(_C, "找不到文件“{name}”。"), name=path.name)
    if path.is_dir():
        raise _refuse(QT_TRANSLATE_NOOP(_C, "“{name}”是一个文件夹,请选择花名册文件。"), name=path.name)
    try:
        with path.open("rb") as f:
            head = f.read(512)
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if not head.strip():
        raise _refuse(QT_TRANSLATE_NOOP(_C, "“{name}”是空文件,里面没有花名册。"), name=path.name)
    return head


def _unreadable(path: Path, exc: OSError) -> ValidationError:
    return _refuse(QT_TRANSLATE_NOOP(
        _C, "“{name}”读不出来:{reason}。如果它正在 Excel 或 WPS 里打开,请先关闭再导入。"),
        name=path.name, reason=os_error_text(exc))


def kind_of(path: Path) -> str:
    """"xlsx" or "csv", or a refusal saying what the file is and what to do."""
    path = Path(path)
    head = _head(path)
    if head.startswith(_OLE_MAGIC):
        if _encrypted(path):
            raise _refuse(QT_TRANSLATE_NOOP(
                _C, "“{name}”设置了打开密码,读不了。请在 Excel/WPS 中打开它,取消密码后另存为 .xlsx 再导入。"),
                name=path.name)
        raise _refuse(QT_TRANSLATE_NOOP(
            _C, "“{name}”是旧版 Excel(.xls)文件,不能直接读取。请在 Excel/WPS 中另存为 .xlsx 后再导入。"),
            name=path.name)
    if head.startswith(b"PK"):
        return "xlsx"
    lowered = head.lstrip(b"\xef\xbb\xbf").lstrip().lower()
    if lowered.startswith((b"<html", b"<!doctype", b"<table", b"<?xml", b"<meta")):
        raise _refuse(QT_TRANSLATE_NOOP(
            _C, "“{name}”其实是网页格式(很多系统导出的“Excel”是这样),不能直接读取。"
                "请在 Excel/WPS 中打开后另存为 .xlsx 再导入。"), name=path.name)
    if path.suffix.lower() in _CSV_SUFFIXES or head.startswith((_UTF16_LE, _UTF16_BE)) or _looks_like_text(head):
        return "csv"
    raise _refuse(QT_TRANSLATE_NOOP(
        _C, "“{name}”不是电子表格。请选择 .xlsx 或 .csv 文件(旧版 .xls 请先另存为 .xlsx)。"), name=path.name)


def _encrypted(path: Path) -> bool:
    """Whether an OLE file is an .xlsx with a password (Office keeps it as an "EncryptedPackage" stream)."""
    try:
        with path.open("rb") as f:
            data = f.read(1 << 16)
    except OSError:
        return False
    return "EncryptedPackage".encode("utf-16-le") in data


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as exc:
            if exc.start >= len(head) - 3:  # a character cut at the end of the sample
                return True
    return False


def sheet_names(path: Path) -> list[str]:
    """The worksheets of a workbook, in order ([] for a CSV file, which has one table)."""
    path = Path(path)
    if kind_of(path) == "csv":
        return []
    with _workbook(path) as wb:
        return [ws.title for ws in wb.worksheets]


@contextmanager
def _workbook(path: Path):
    try:
        office_zip.check(path, office_zip.XLSX)  # a zip bomb is refused before openpyxl inflates it
    # NotImplementedError / ValueError / EOFError: a damaged directory (an unknown zip version, a
    # negative offset, a cut file) is as unreadable as a file that is no zip at all.
    except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError) as exc:
        raise _refuse(QT_TRANSLATE_NOOP(_C, "“{name}”已损坏,或不是 Excel 表格。"), name=path.name) from exc
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    from openpyxl import load_workbook

    try:
        # opened by us, not by name: openpyxl refuses a name ending in .xls, and offices often have
        # an .xlsx workbook saved (or renamed) as "花名册.xls"
        handle = path.open("rb")
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    try:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "no default style" and friends: nothing for a person
                wb = load_workbook(handle, read_only=True, data_only=True)
        except OSError as exc:
            raise _unreadable(path, exc) from exc
        except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged or foreign zip
            raise _refuse(QT_TRANSLATE_NOOP(
                _C, "“{name}”打不开,它可能已损坏,或是别的程序的文件(如 Word 文档、压缩包)。"), name=path.name) from exc
        try:
            yield wb
        finally:
            wb.close()
    finally:
        handle.close()


@contextmanager
def open_rows(path: Path, sheet: str | None = None) -> Iterator[tuple[str, Rows, int]]:
    """(sheet name, rows, an estimate of the row count) of one sheet, merged cells spread.

    A CSV file's one table is named after the file. `sheet` None: the first worksheet.
    """
    path = Path(path)
    if kind_of(path) == "csv":
        rows = list(_csv_rows(path))
        yield path.stem, iter(rows), len(rows)
        return
    with _workbook(path) as wb:
        names = [ws.title for ws in wb.worksheets]
        if not names:
            raise _refuse(QT_TRANSLATE_NOOP(_C, "“{name}”里没有工作表。"), name=path.name)
        if sheet is not None and sheet not in names:
            raise _refuse(QT_TRANSLATE_NOOP(_C, "“{name}”里没有名为“{sheet}”的工作表。"), name=path.name, sheet=sheet)
        ws = wb[sheet or names[0]]
        estimate = ws.max_row or 0
        merges = merged_ranges(ws)
        ws.reset_dimensions()  # some writers record a wrong size; read to the real end
        yield ws.title, _spread(_xlsx_rows(ws), merges), estimate


def _xlsx_rows(ws) -> Rows:
    for number, cells in enumerate(ws.iter_rows(), start=1):
        yield number, [_shown(cell) for cell in cells]


def _shown(cell) -> object:
    """A cell's value; a fraction shown with fixed decimals as the text the sheet shows.

    Offices type 出生年月 "1971.10" into a cell formatted "0.00": Excel keeps the number 1971.1
    and shows "1971.10". Read as the number it would be January; the shown text is October.
    """
    value = cell.value
    if isinstance(value, float) and not value.is_integer():
        fixed = _FIXED_DECIMALS.match(cell.number_format or "")
        if fixed:
            return f"{value:.{len(fixed[1])}f}"
    return value


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def merged_ranges(ws) -> list[tuple[int, int, int, int]]:
    """(first row, last row, first column, last column), 1-based, of each merged range of `ws`.

    Read from the sheet's XML (`<mergeCells>` follows the rows), a megabyte at a time.
    """
    found = set()
    try:
        source = ws._get_source()  # openpyxl read-only: the sheet's XML stream
    except (AttributeError, KeyError, OSError):
        return []
    with source:
        tail = b""
        while chunk := source.read(1 << 20):
            data = tail + chunk
            for m in _MERGE.finditer(data):
                found.add((int(m[2]), int(m[4]), _column_number(m[1]), _column_number(m[3])))
            tail = data[-200:]
    return sorted(found)


def _spread(rows: Rows, merges: list[tuple[int, int, int, int]]) -> Rows:
    """Give every cell of a merged range the value of its top-left cell (the only one Excel keeps)."""
    starting: dict[int, list[tuple[int, int, int, int]]] = {}
    for rng in merges:
        if rng[1] > rng[0] or rng[3] > rng[2]:
            starting.setdefault(rng[0], []).append(rng)
    active: list[tuple[tuple[int, int, int, int], object]] = []
    for number, cells in rows:
        if starting or active:
            for rng in starting.pop(number, ()):
                c = rng[2] - 1
                active.append((rng, cells[c] if c < len(cells) else None))
            if active:
                width = max(rng[3] for rng, _ in active)
                if len(cells) < width:
                    cells = cells + [None] * (width - len(cells))
                for rng, value in active:
                    for c in range(rng[2] - 1, rng[3]):
                        if cells[c] in (None, ""):
                            cells[c] = value
                active = [(rng, value) for rng, value in active if rng[1] > number]
        yield number, cells


def _csv_rows(path: Path) -> Rows:
    """Rows of a CSV file saved by Excel/WPS: UTF-8 (BOM or not), GB18030, Big5 or UTF-16; , ; or tab.

    UTF-16 is Excel's "Unicode 文本(*.txt)", recognised by its byte-order mark.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    # Excel's "Unicode 文本(*.txt)" is UTF-16 with its byte-order mark; Big5 is told from GB18030
    decoded = text_encoding.decode(data)
    text = decoded[0] if decoded else None
    if text is None:
        raise _refuse(QT_TRANSLATE_NOOP(
            _C, "“{name}”的文字编码认不出来(不是 UTF-8 也不是 GBK)。请在 Excel/WPS 中另存为 .xlsx 再导入。"),
            name=path.name)
    delimiter, skipped = _delimiter(text), 0
    first, _, rest = text.partition("\n")
    if first.strip().lower().startswith("sep=") and len(first.strip()) == 5:  # Excel's "sep=;" line
        delimiter, text, skipped = first.strip()[4], rest, 1
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for cells in reader:
        yield reader.line_num + skipped, [c if c.strip() else None for c in cells]


def _delimiter(text: str) -> str:
    """The delimiter that splits the first lines most evenly (, ; or tab)."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_score = ",", (-1, -1)
    for candidate in (",", "\t", ";"):
        counts = [line.count(candidate) for line in lines]
        used = [n for n in counts if n]
        if not used:
            continue
        common = max(set(used), key=used.count)
        score = (used.count(common), common)
        if score > best_score:
            best, best_score = candidate, score
    return best

