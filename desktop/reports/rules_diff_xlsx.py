"""The 修订对照表 (revision comparison table) as an .xlsx a township accepts.

Columns 序号 | 修改前 | 修改后 | 说明, one row per article that changed (or all
rows, on request). Inside a changed article the deleted characters are red
and struck through in 修改前, the inserted ones red, bold and underlined in
修改后 (rich text in the cell). A4 landscape, header row repeated on every
page, frozen under the header, columns wide enough for Chinese text.
"""

from __future__ import annotations

from pathlib import Path

from desktop.services import rules_service
from models.rules.diff import ADDED, CHANGED, REMOVED, DiffEntry, summarize

_RED = "C00000"


def _note(e: DiffEntry) -> str:
    parts = {ADDED: ["新增"], REMOVED: ["删除"], CHANGED: ["修改"]}.get(e.kind, [])
    if e.moved and e.old:
        parts.append(f"调整位置(原{e.old.label or '第' + str(e.old.number) + '条'})")
    elif e.renumbered and e.old and e.kind != REMOVED:
        parts.append(f"条号变更(原{e.old.label or e.old.number})")
    return ";".join(parts) or "未修改"


def _rich(segments, side: str):
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    plain = InlineFont(rFont="宋体", sz=11)
    deleted = InlineFont(rFont="宋体", sz=11, color=_RED, strike=True)
    inserted = InlineFont(rFont="宋体", sz=11, color=_RED, b=True, u="single")
    blocks = []
    for op, old, new in segments:
        if op == "equal":
            text, font = (old if side == "old" else new), plain
        elif side == "old":
            text, font = old, deleted
        else:
            text, font = new, inserted
        if text:
            blocks.append(TextBlock(font, text))
    return CellRichText(blocks)


def write_diff_xlsx(old_id: str, new_id: str, path: Path, only_changes: bool = True) -> Path:
    """Write the comparison of two versions to `path` (atomically); returns the path."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    entries = rules_service.compare(old_id, new_id)
    summary = summarize(entries)
    wb = Workbook()
    ws = wb.active
    ws.title = "修订对照表"
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A1:D1")
    ws["A1"] = f"{rules_service.version_label(new_id)} 修订对照表"
    ws["A1"].font = Font(name="黑体", size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A2:D2")
    ws["A2"] = (f"修改前:{rules_service.version_label(old_id)};修改后:{rules_service.version_label(new_id)}。"
                f"新增 {summary.added} 条,删除 {summary.removed} 条,修改 {summary.changed} 条,"
                f"调整位置 {summary.moved} 条。")
    ws["A2"].alignment = Alignment(wrap_text=True)
    ws.row_dimensions[2].height = 30
    header = ["序号", "修改前", "修改后", "说明"]
    ws.append(header)
    for cell in ws[3]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
        cell.alignment = Alignment(horizontal="center", vertical="center")
        cell.border = border
    row_no = 0
    for e in entries:
        if only_changes and not e.changed_at_all:
            continue
        row_no += 1
        old_label = f"{e.old.label} " if e.old and e.old.label else ""
        new_label = f"{e.new.label} " if e.new and e.new.label else ""
        if e.kind == CHANGED:
            before, after = _rich(e.segments, "old"), _rich(e.segments, "new")
            before = _prefix(old_label, before) if old_label else before
            after = _prefix(new_label, after) if new_label else after
        else:
            before = (old_label + e.old.text) if e.old else ""
            after = (new_label + e.new.text) if e.new else ""
        ws.append([row_no, before, after, _note(e)])
        for cell in ws[ws.max_row]:
            cell.alignment = wrap
            cell.border = border
        longest = max(len(e.old.text) if e.old else 0, len(e.new.text) if e.new else 0)
        ws.row_dimensions[ws.max_row].height = max(18, 15 * (longest // 30 + 1))
    if row_no == 0:
        ws.append(["", "两个版本的条文完全相同。", "", ""])
    for column, width in zip("ABCD", (6, 55, 55, 22), strict=True):
        ws.column_dimensions[column].width = width
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "第 &P 页,共 &N 页"
    path = Path(path)
    tmp = path.with_name(path.name + ".partial")
    wb.save(tmp)
    tmp.replace(path)
    return path


def _prefix(label: str, rich):
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    return CellRichText([TextBlock(InlineFont(rFont="宋体", sz=11, b=True), label), *rich])
