"""Word (.docx) versions of the rule text and of the 修订对照表.

For villages that edit and print in Word or WPS. Written atomically (temp
name, then rename).
"""

from __future__ import annotations

from pathlib import Path

from desktop.services import rules_service, setup_service
from models.rules.diff import ADDED, CHANGED, REMOVED


def _new_document():
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "宋体"
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")  # Chinese glyphs use 宋体 too
    section = document.sections[0]
    section.page_height, section.page_width = docx.shared.Mm(297), docx.shared.Mm(210)
    return document


def _save(document, path: Path) -> Path:
    path = Path(path)
    tmp = path.with_name(path.name + ".partial")
    document.save(str(tmp))
    tmp.replace(path)
    return path


def write_rule_text_docx(version_id: str, path: Path) -> Path:
    """The text of a version: title, adoption line, chapters, articles, signature."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    view = rules_service.view(version_id)
    info = setup_service.current()
    document = _new_document()
    heading = document.add_heading(view.title, level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    chapter = None
    for a in view.articles:
        if a.chapter and a.chapter != chapter:
            p = document.add_heading(a.chapter, level=2)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        chapter = a.chapter
        p = document.add_paragraph()
        p.add_run(a.label + " ").bold = True
        p.add_run(a.text)
    sign = document.add_paragraph(f"{info.name if info else ''}村民委员会")
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return _save(document, path)


def write_diff_docx(old_id: str, new_id: str, path: Path, only_changes: bool = True) -> Path:
    """The 修订对照表 as a Word table: 序号 | 修改前 | 修改后 | 说明."""
    from docx.enum.text import WD_COLOR_INDEX

    entries = rules_service.compare(old_id, new_id)
    document = _new_document()
    document.add_heading(f"{rules_service.version_label(new_id)} 修订对照表", level=1)
    document.add_paragraph(f"修改前:{rules_service.version_label(old_id)};修改后:{rules_service.version_label(new_id)}")
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("序号", "修改前", "修改后", "说明"), strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    n = 0
    for e in entries:
        if only_changes and not e.changed_at_all:
            continue
        n += 1
        cells = table.add_row().cells
        cells[0].text = str(n)
        for cell, side in ((cells[1], "old"), (cells[2], "new")):
            art = e.old if side == "old" else e.new
            p = cell.paragraphs[0]
            if art is None:
                continue
            p.add_run(art.label + " ").bold = True
            if e.kind == CHANGED:
                for op, old, new in e.segments:
                    text = old if side == "old" else new
                    if not text:
                        continue
                    run = p.add_run(text)
                    if op != "equal":
                        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                        run.font.strike = side == "old"
                        run.font.underline = side == "new"
            else:
                p.add_run(art.text)
        cells[3].text = {ADDED: "新增", REMOVED: "删除", CHANGED: "修改"}.get(e.kind, "") + \
            ("(调整位置)" if e.moved else "")
    return _save(document, path)
