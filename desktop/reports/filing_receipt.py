"""The township's 村规民约备案回执 as HTML for Qt's rich-text engine (printed and kept by the village).

Minimal on purpose (a later issue adds the township's other documents): who
filed what, when, the receipt number, the 责令改正 if one was ordered, the
fingerprint of the text that was filed, the township's seal line and the
核验码 that lets anyone holding the records check the paper.
"""

from __future__ import annotations

from html import escape

from desktop.services import review_service, setup_service, verification_code
from models.rules.records import RuleVersion
from models.township.records import RuleFiling

_CSS = """
body { font-size: 12pt; }
h1 { font-size: 20pt; text-align: center; margin-bottom: 4pt; }
p.sub { text-align: center; color: #444; margin-top: 0; }
p.body { line-height: 170%; margin-top: 14pt; }
table.grid { border-collapse: collapse; width: 100%; }
table.grid td { border: 1px solid #000; vertical-align: top; }
td.label { width: 22%; background: #f4f4f4; }
p.sign { margin-top: 30pt; }
"""


def _cn(iso: str) -> str:
    if not iso:
        return "____年__月__日"
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def receipt_html(filing_id: str) -> str:
    """The receipt of the filing `filing_id` (a record of this township)."""
    filing = RuleFiling.get_by_id(filing_id)
    version = RuleVersion.get_by_id(filing.version_id)
    info = setup_service.current()
    township = info.name if info else ""
    village = review_service.village_names().get(version.owner, version.owner)
    rows = [
        ("回执编号", filing.receipt_no or "—"),
        ("报备村", village),
        ("村规民约", f"《{version.title}》(第{version.version_no}版)"),
        ("收到日期", _cn(filing.received_on)),
        ("备案日期", _cn(filing.receipt_date)),
        ("文本指纹", filing.fingerprint[:16].upper()),
    ]
    grid = "".join(f"<tr><td class='label'>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in rows)
    parts = [
        f"<style>{_CSS}</style>",
        "<h1>村规民约备案回执</h1>",
        f"<p class='sub'>{escape(township)}</p>",
        f"<p class='body'>{escape(village)}:你村报送的《{escape(version.title)}》(第{version.version_no}版)"
        f"已于{_cn(filing.received_on)}收到,经审查,予以备案。</p>",
    ]
    if filing.correction:
        parts.append(f"<p class='body'><b>责令改正:</b>{escape(filing.correction)}</p>")
    parts.append(f"<table class='grid' width='100%' cellspacing='0' cellpadding='6'>{grid}</table>")
    parts.append("<p style='font-size:10pt; color:#333'>文本指纹是备案时文本内容的摘要:"
                 "日后村里使用的文本若与此不同,即不是本次备案的文本。</p>")
    parts.append(f"<p class='sign' align='right'>{escape(township)}(盖章)<br><br>"
                 f"经办人:__________　　{_cn(filing.receipt_date)}</p>")
    parts.append(verification_code.footer_html(verification_code.FILING, filing.id))
    return "".join(parts)


def receipt_name(filing_id: str) -> str:
    """A file name for the receipt's PDF."""
    filing = RuleFiling.get_by_id(filing_id)
    version = RuleVersion.get_by_id(filing.version_id)
    village = review_service.village_names().get(version.owner, version.owner)
    return f"备案回执_{village}_{filing.receipt_no or filing.receipt_date}.pdf"
