"""One official document (公文) in the layout of GB/T 9704 kept simple, as PDF and as Word (.docx).

The township's 审核意见书, 备案回执 and 责令改正通知书 share it: 发文机关标志
(the organ's name, red, centred) over a red line, the 文号, the 标题, the
主送 (the 村民委员会), the 正文, the 落款 with the 成文日期 inside a marked
seal area — a light dashed box with "(盖章)" where the township presses its
seal; no seal is ever drawn — and the 附注 (联系人, 电话). Page numbers are in
the footer.

A document is plain data (`OfficialDocument`); every text from the records is
escaped for the PDF's HTML and written as text runs in Word, so a clause that
looks like markup prints as the characters it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from desktop.reports import pdf

#: Paragraph styles: body text (first line indented two characters), a numbered heading (一、…),
#: a quotation of an article (indented block), a line without indent, a small note.
BODY, HEADING, QUOTE, PLAIN, NOTE = "body", "heading", "quote", "plain", "note"
RED = "C00000"
FONT_PT = 12


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph's text, bold or not."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class Para:
    """A paragraph of the 正文."""

    runs: tuple[Run, ...]
    style: str = BODY

    @classmethod
    def of(cls, text: str, style: str = BODY, lead: str = "") -> Para:
        """A paragraph of `text`, after a bold `lead` ("意见:") when given."""
        runs = ((Run(lead, True),) if lead else ()) + (Run(text),)
        return cls(runs, style)

    def text(self) -> str:
        """The paragraph as plain text."""
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class OfficialDocument:
    """Everything printed on one document, in reading order."""

    organ: str  # 发文机关标志: the township's name as on its letterhead
    number: str  # 文号 ("" prints none)
    title: str
    addressee: str  # 主送, e.g. 青山村村民委员会
    body: tuple[Para, ...]
    signer: str  # 落款: the 机关名称
    date_text: str  # 成文日期, already in the township's style
    signatory: str = ""  # 签发人 (printed beside the 文号 when set)
    grid: tuple[tuple[str, str], ...] = ()  # a label | value table after the 正文 (the receipt's facts)
    notes: tuple[str, ...] = ()  # 附注 under the seal area: (联系人:…,电话:…), the fingerprint's meaning
    footer_html: str = ""  # the 核验码 line of a receipt (already HTML, from verification_code)
    footer_text: str = ""  # the same line as text, for Word

    def all_text(self) -> str:
        """Everything the reader sees, as one text (for tests and search)."""
        parts = [self.organ, self.number, self.signatory, self.title, self.addressee,
                 *(p.text() for p in self.body), *(f"{k} {v}" for k, v in self.grid), self.signer,
                 self.date_text, *self.notes, self.footer_text]
        return "\n".join(p for p in parts if p)


# --- PDF (HTML for Qt's rich-text engine) ---------------------------------------------

_CSS = f"""
p.organ {{ color: #{RED}; font-size: 26pt; font-weight: bold; text-align: center; margin-top: 8px;
          margin-bottom: 10px; }}
p.number {{ text-align: center; margin-top: 0px; margin-bottom: 6px; }}
p.title {{ font-size: 18pt; font-weight: bold; text-align: center; margin-top: 24px; margin-bottom: 18px; }}
p.addressee {{ margin-top: 8px; margin-bottom: 6px; }}
p.body {{ line-height: 160%; margin-top: 3px; margin-bottom: 3px; }}
p.heading {{ font-weight: bold; line-height: 160%; margin-top: 10px; margin-bottom: 3px; }}
p.quote {{ line-height: 150%; margin-left: 36px; margin-top: 2px; margin-bottom: 2px; color: #222; }}
p.plain {{ line-height: 160%; margin-top: 3px; margin-bottom: 3px; }}
p.note {{ font-size: 10pt; color: #333; margin-top: 3px; margin-bottom: 0px; }}
td.label {{ background: #f4f4f4; }}
"""


def _runs_html(para: Para) -> str:
    return "".join(f"<b>{escape(r.text)}</b>" if r.bold else escape(r.text) for r in para.runs)


def _para_html(para: Para, new_page: bool = False) -> str:
    # two characters of the 12 pt body font; Qt's rich text takes margins and indents in px only
    style = ("text-indent: 32px;" if para.style == BODY else "") + (" page-break-before: always;" if new_page else "")
    text = _runs_html(para).replace("\n", "<br>")
    return f"<p class='{para.style}' style='{style}'>{text}</p>" if style else f"<p class='{para.style}'>{text}</p>"


def to_html(doc: OfficialDocument, break_before: int | None = None) -> str:
    """The document as HTML (what the PDF prints).

    `break_before`: the index of the body paragraph that starts a new page (so the seal box is
    not cut by a page break, nor left alone on a page: GB/T 9704 wants text above the 落款).
    """
    parts = [f"<style>{_CSS}</style>", f"<p class='organ'>{escape(doc.organ)}</p>"]
    if doc.signatory:  # 文号 on the left, 签发人 on the right (GB/T 9704's layout when a 签发人 is named)
        parts.append("<table width='100%' cellspacing='0' cellpadding='0'><tr>"
                     f"<td align='left'>{escape(doc.number)}</td>"
                     f"<td align='right'>{escape('签发人:' + doc.signatory)}</td></tr></table>")
    elif doc.number:
        parts.append(f"<p class='number'>{escape(doc.number)}</p>")
    # the red line under the letterhead: a thin table row filled red (Qt draws no coloured <hr>)
    parts.append("<table width='100%' cellspacing='0' cellpadding='0'>"
                 f"<tr><td style='background-color: #{RED}; font-size: 3pt'>&nbsp;</td></tr></table>")
    parts.append(f"<p class='title'>{escape(doc.title)}</p>")
    if doc.addressee:
        parts.append(f"<p class='addressee'>{escape(doc.addressee)}:</p>")
    parts += [_para_html(p, i == break_before) for i, p in enumerate(doc.body)]
    if doc.grid:
        rows = "".join(f"<tr><td class='label' width='22%'>{escape(k)}</td><td>{escape(v)}</td></tr>"
                       for k, v in doc.grid)
        parts.append("<p></p><table width='100%' border='1' cellspacing='0' cellpadding='5' "
                     f"style='border-collapse: collapse'>{rows}</table>")
    parts.append(_seal_html(doc))
    parts += [f"<p class='note'>{escape(n)}</p>" for n in doc.notes]
    if doc.footer_html:
        parts.append(doc.footer_html)
    return "".join(parts)


def _seal_html(doc: OfficialDocument) -> str:
    """落款 and 成文日期 on the right, inside a light dashed box marked "(盖章)": the seal's place."""
    seal = escape("(盖章)")
    return ("<p></p><table align='right' width='34%' cellspacing='0' cellpadding='10' "
            "style='border: 1px dashed #b0b0b0; border-color: #b0b0b0; border-style: dashed'>"
            f"<tr><td align='center'>{escape(doc.signer)}<br><br>"
            f"<font color='#9a9a9a'>{seal}</font><br><br>{escape(doc.date_text)}</td></tr></table>"
            "<p style='margin-top: 6pt'>&nbsp;</p>")


def _seal_is_cut(html: str) -> bool:
    """Whether a page break falls inside the seal box (the last table of the document)."""
    from PySide6.QtGui import QTextTable

    laid = pdf.laid_out(html, pdf.A4, False, FONT_PT)
    tables = [f for f in laid.rootFrame().childFrames() if isinstance(f, QTextTable)]
    if not tables:
        return False
    rect = laid.documentLayout().frameBoundingRect(tables[-1])
    height = laid.pageSize().height()
    return int(rect.top() // height) != int((rect.bottom() - 1) // height)


def pdf_html(doc: OfficialDocument) -> str:
    """The HTML `write_pdf` prints: a seal box a page break would cut takes the last two paragraphs along."""
    html = to_html(doc)
    if not _seal_is_cut(html) or not doc.body:
        return html
    return to_html(doc, break_before=max(0, len(doc.body) - 2))


def write_pdf(doc: OfficialDocument, path: Path) -> Path:
    """The document as an A4 PDF with page numbers (atomically)."""
    return pdf.write_pdf(pdf_html(doc), Path(path), page=pdf.A4, title=doc.title, font_pt=FONT_PT)


# --- Word ---------------------------------------------------------------------------------

def _font(run, size: float | None = None, bold: bool = False, colour: str = "", east_asia: str = "") -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    if size:
        run.font.size = Pt(size)
    run.bold = bold or None
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    if east_asia:
        run.font.name = east_asia
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east_asia)


def _bottom_border(paragraph, colour: str, size_eighths: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", str(size_eighths)), ("w:space", "1"), ("w:color", colour)):
        bottom.set(qn(key), value)
    borders.append(bottom)
    # Word refuses a file whose paragraph properties are out of the schema's order (pBdr before
    # spacing, jc …): called on a paragraph with no properties yet, python-docx puts the others after
    p_pr.append(borders)


def _dashed_box(cell) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        for key, value in (("w:val", "dashed"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "B0B0B0")):
            edge.set(qn(key), value)
        borders.append(edge)
    tc_pr.append(borders)


def _page_number_footer(section) -> None:
    """"第 N 页" in the footer, N a PAGE field Word fills in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("第 ")
    run = p.add_run()
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"), ("end", None)):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
    p.add_run(" 页")


def write_docx(doc: OfficialDocument, path: Path) -> Path:
    """The document as a Word file the township can still edit before printing (atomically)."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    from desktop.reports.rules_docx import _new_document, _save

    document = _new_document()
    section = document.sections[0]
    # GB/T 9704: top 37 mm, left 28 mm (the text block 156 × 225 mm)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    centre = WD_ALIGN_PARAGRAPH.CENTER

    organ = document.add_paragraph()
    organ.alignment = centre
    _font(organ.add_run(doc.organ), 26, True, RED, "宋体")
    number = doc.number + (f"　　　　签发人:{doc.signatory}" if doc.signatory else "")
    line = document.add_paragraph()
    _bottom_border(line, RED, 18)
    line.alignment = centre
    if number:
        _font(line.add_run(number), 14)
    title = document.add_paragraph()
    title.alignment = centre
    title.paragraph_format.space_before = Pt(18)
    title.paragraph_format.space_after = Pt(12)
    _font(title.add_run(doc.title), 20, True, east_asia="宋体")
    if doc.addressee:
        document.add_paragraph(f"{doc.addressee}:")
    for para in doc.body:
        p = document.add_paragraph()
        fmt = p.paragraph_format
        fmt.line_spacing = 1.4
        if para.style == BODY:
            fmt.first_line_indent = Pt(24)
        elif para.style == QUOTE:
            fmt.left_indent = Pt(28)
        for r in para.runs:
            for i, piece in enumerate(r.text.split("\n")):
                if i:
                    p.add_run().add_break()
                run = p.add_run(piece)
                if r.bold or para.style == HEADING:
                    run.bold = True
                if para.style == NOTE:
                    run.font.size = Pt(10)
    if doc.grid:
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for key, value in doc.grid:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = key, value
            cells[0].width, cells[1].width = Mm(35), Mm(121)
    document.add_paragraph()
    seal = document.add_table(rows=1, cols=1)
    seal.alignment = WD_TABLE_ALIGNMENT.RIGHT
    cell = seal.rows[0].cells[0]
    cell.width = Mm(70)
    _dashed_box(cell)
    first = cell.paragraphs[0]
    first.alignment = centre
    first.add_run(doc.signer)
    mark = cell.add_paragraph()
    mark.alignment = centre
    _font(mark.add_run("(盖章)"), colour="9A9A9A")
    day = cell.add_paragraph(doc.date_text)
    day.alignment = centre
    for text in (*doc.notes, doc.footer_text):
        if text:
            p = document.add_paragraph()
            _font(p.add_run(text), 10)
    _page_number_footer(section)
    return _save(document, Path(path))
