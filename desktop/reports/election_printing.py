"""An election paper laid out on its paper and written as PDF (runs on a worker: no database here).

The data is read on the UI thread (`election_papers_service.load`); what
takes time — fitting as many ballots as one page holds, laying the pages out
and writing the file — happens here, off the UI thread.
"""

from __future__ import annotations

from pathlib import Path

from desktop.reports import election_documents as ed
from desktop.reports.pdf import A3, A4, page_count, write_pdf
from desktop.services.election_papers_service import ElectionPapers

#: Papers posted on the board, offered on A3 as well as A4.
POSTED = (ed.ROLL, ed.CANDIDATES, ed.PROXY_LIST, ed.ANNOUNCEMENT)


def fit_ballots(data: ElectionPapers, page: str = A4, most: int = 6, runoff: bool = False) -> tuple[str, int]:
    """The ballot page with as many ballots as fit on one `page` (at least one), and how many."""
    for per_page in range(most, 1, -1):
        html = ed.ballot_html(data, per_page, runoff)
        if page_count(html, page) <= 1:
            return html, per_page
    return ed.ballot_html(data, 1, runoff), 1


def fit_proxy_cards(data: ElectionPapers, most: int = 3) -> tuple[str, int]:
    """The 委托投票证, as many to an A4 page as fit whole (a card split by the page break is no card)."""
    count = max(1, len(data.proxies))
    for per_page in range(most, 1, -1):
        html = ed.proxy_cards_html(data, per_page)
        if page_count(html) <= -(-count // per_page):
            return html, per_page
    return ed.proxy_cards_html(data, 1), 1


def paper_html(data: ElectionPapers, kind: str, page: str = A4) -> str:
    """The HTML of `kind` as it is printed on `page` (A3 only for the posted papers)."""
    if kind in (ed.BALLOT, ed.RUNOFF_BALLOT):
        return fit_ballots(data, page, runoff=kind == ed.RUNOFF_BALLOT)[0]
    if kind == ed.PROXY:
        return fit_proxy_cards(data)[0]
    return ed.document_html(data, kind, a3=page == A3 and kind in POSTED)


def write_paper(data: ElectionPapers, kind: str, path: Path, page: str = A4) -> Path:
    """Write paper `kind` of `data` as a PDF to `path` (A3 only for the posted papers)."""
    page = page if kind in POSTED else A4
    return write_pdf(paper_html(data, kind, page), Path(path), page=page, title=ed.title(kind))
