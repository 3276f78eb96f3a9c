"""The township's 村规民约备案回执 as HTML for Qt's rich-text engine (printed and kept by the village).

The receipt is one of the township's official documents
(`township_documents.filing_receipt`, laid out by `official_document`): who
filed what, when, the receipt number as its 文号, that 备案 is not approval,
the 责令改正 if one was ordered, the fingerprint of the text that was filed,
the seal area and the 核验码 that lets anyone holding the records check the
paper. These two functions stay for the callers that print it as a PDF.
"""

from __future__ import annotations

from desktop.reports import official_document, township_documents


def receipt_html(filing_id: str) -> str:
    """The receipt of the filing `filing_id` (a record of this township)."""
    return official_document.to_html(township_documents.filing_receipt(filing_id).document)


def receipt_name(filing_id: str) -> str:
    """A file name for the receipt's PDF."""
    return township_documents.filing_receipt(filing_id).name + ".pdf"
