"""The house style of every .xlsx report, in one place.

A county office judges a sheet by how it prints: a bold, shaded header row
repeated on every page, A4 fitted to the page width, columns wide enough for
Chinese text, and never a half-written file left where the old one was.
Each report used to set these by hand; they share these helpers now.
openpyxl is imported inside the functions so the CLI starts fast.
"""

from __future__ import annotations

import errno
import os
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from models.errors import CunwuError
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "reports"

#: The shaded header row of every report.
HEADER_FILL = "DDE4EE"
#: Page footer of every printed sheet (Excel codes: &P page, &N pages).
PAGE_FOOTER = "第 &P 页,共 &N 页"


#: Why a report could not be written, by errno (None: anything else).
_WRITE_ERRORS = {
    errno.ENOENT: QT_TRANSLATE_NOOP(_C, "报表没有写成:文件夹不存在({path})。请换一个文件夹。"),
    errno.EACCES: QT_TRANSLATE_NOOP(
        _C, "报表没有写成:没有权限写入 {path}。如果这个文件正在 Excel 或 WPS 中打开,请先关闭它再试。"),
    errno.EPERM: QT_TRANSLATE_NOOP(
        _C, "报表没有写成:没有权限写入 {path}。如果这个文件正在 Excel 或 WPS 中打开,请先关闭它再试。"),
    errno.ENOSPC: QT_TRANSLATE_NOOP(_C, "报表没有写成:磁盘(或U盘)已满。请腾出空间或换一个位置。"),
    errno.EROFS: QT_TRANSLATE_NOOP(_C, "报表没有写成:磁盘(或U盘)是写保护的。请换一个位置。"),
    None: QT_TRANSLATE_NOOP(_C, "报表没有写成:{detail}。请检查文件夹是否存在、是否已满或写保护。"),
}


class ReportWriteError(CunwuError):
    """The report could not be written; nothing was left at the target."""


def style_header(cells: Iterable[Any], wrap: bool = False, border: bool = False) -> None:
    """Bold on the shaded header colour; `wrap` for long labels, `border` for ruled tables."""
    from openpyxl.styles import Alignment, Font, PatternFill

    fill = PatternFill("solid", fgColor=HEADER_FILL)
    for cell in cells:
        cell.font, cell.fill = Font(bold=True), fill
        if wrap:
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if border:
            cell.border = thin_border()


def thin_border():
    """A thin grey rule on all four sides (ruled tables)."""
    from openpyxl.styles import Border, Side

    thin = Side(style="thin", color="808080")
    return Border(left=thin, right=thin, top=thin, bottom=thin)


class Stamp:
    """One complete cell style (font, fill, border, alignment, number format) for many cells.

    Setting `cell.border = ...` makes openpyxl hash every style object for
    every cell; a table of a few thousand cells then spends most of its time
    there. A stamp styles its first cell the public way, then copies that
    cell's style indices (openpyxl's `StyleArray`, which refers into the
    workbook's style tables) to the others: ten times faster, same file.
    """

    def __init__(self, **attributes: Any):
        self._attributes = attributes
        self._array = None
        self._workbook = None

    def __call__(self, cell) -> None:
        """Give `cell` this style (replacing any it had)."""
        from copy import copy

        workbook = cell.parent.parent
        if self._array is None or self._workbook is not workbook:
            for name, value in self._attributes.items():
                setattr(cell, name, value)
            self._array, self._workbook = copy(cell._style), workbook
        else:
            cell._style = copy(self._array)


def print_setup(ws, title_rows: str | None = None, landscape: bool = True, footer: bool = False) -> None:
    """A4, fitted to one page wide (as many pages tall as needed), `title_rows` repeated.

    `footer` adds "第 N 页,共 M 页"; margins are Excel's "normal" ones in inches.
    """
    from openpyxl.worksheet.page import PageMargins

    if landscape:
        ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.75, bottom=0.75, header=0.3, footer=0.3)
    if title_rows:
        ws.print_title_rows = title_rows
    if footer:
        ws.oddFooter.center.text = PAGE_FOOTER


def cell_text(value: Any) -> Any:
    """`value` as a cell may hold it: text without the control characters a worksheet cannot store.

    A record's text may carry one (a vertical tab pasted from Word, an
    escape code in a village's note arrived in a package); openpyxl refuses
    the whole cell with IllegalCharacterError, so one note used to stop a
    report. Tabs and line breaks stay; anything else is not text.
    """
    if not isinstance(value, str):
        return value
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value)


def display_width(text: Any) -> int:
    """Width of `text` in Excel's character units: a Chinese character counts two."""
    longest = 0
    for line in str(text).splitlines() or [""]:
        longest = max(longest, sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line))
    return longest


def fit_widths(ws, first_row: int = 1, minimum: float = 6, maximum: float = 40,
               fixed: dict[str, float] | None = None) -> None:
    """Set every column's width from its longest value at or below `first_row`.

    Title rows above `first_row` (merged across the sheet) are left out, or
    they would widen the first column. `fixed` widths win.
    """
    from openpyxl.utils import get_column_letter

    widest: dict[int, int] = {}
    for row in ws.iter_rows(min_row=first_row):
        for cell in row:
            if cell.value is not None:
                # a float is shown through a number format (a rate, money): about 8 wide
                width = 8 if isinstance(cell.value, float) else display_width(cell.value)
                widest[cell.column] = max(widest.get(cell.column, 0), width)
    for column, width in widest.items():
        letter = get_column_letter(column)
        ws.column_dimensions[letter].width = min(maximum, max(minimum, width + 2))
    for letter, width in (fixed or {}).items():
        ws.column_dimensions[letter].width = width


def save_atomically(wb, path: Path) -> Path:
    """Save `wb` to a temporary file beside `path`, then replace `path` with it.

    Raises:
        ReportWriteError: the folder is missing, full or read-only; the
            temporary file is removed and an older `path` is left as it was.
    """
    path = Path(path)
    tmp = path.with_name(path.name + ".partial")
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except BaseException as exc:
        discard(tmp)
        if not isinstance(exc, OSError):
            raise
        raise ReportWriteError(msg(_C, _WRITE_ERRORS.get(exc.errno, _WRITE_ERRORS[None]),
                                   path=str(path), detail=exc.strerror or exc)) from exc
    return path


def discard(path: Path) -> None:
    """Remove a temporary file if it is there (best effort)."""
    try:
        Path(path).unlink(missing_ok=True)
    except OSError:
        pass
