from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest

from desktop.reports import meeting_documents, pdf
from desktop.services import meetings_service
from desktop.services.meetings_service import AgendaLine, ResolutionLine
from models.meetings.quorum import ABSENT, LEAVE, OBSERVER


@pytest.fixture
def meeting_id(village_demo):
    _, admin = village_demo
    draft = meetings_service.new_draft("representatives", date(2026, 10, 10))
    draft.title, draft.place, draft.host, draft.recorder = "第四季度村民代表会议", "村委会议室", "李主任", "王文书"
    draft.start_time = "14:30"
    draft.attendance[0].status = ABSENT
    draft.attendance[1].status = LEAVE
    draft.attendance[2].status = OBSERVER
    draft.agenda = [AgendaLine("环境整治", "会议讨论了<垃圾分类>方案。")]
    draft.resolutions = [ResolutionLine("通过环境整治方案", "general", 25, 5, 2)]
    return meetings_service.save(admin, draft)


def test_minutes_have_the_usual_header_and_verdict(meeting_id):
    html = meeting_documents.minutes_html(meeting_id)
    text = re.sub(r"<[^>]+>", " ", html)
    for fragment in ("青山村村民代表会议记录", "2026年10月10日 14:30", "村委会议室", "李主任", "王文书",
                     "应到", "35 人", "实到", "33 人", "通过环境整治方案", "通过", "会议有效",
                     "《村民委员会组织法》(2025)", "主持人(签字)", "记录人(签字)", "草稿,未审定"):
        assert fragment in text, fragment
    # A 2026 meeting cites the amended text; its new number for 2018 art. 26 is not known yet.
    assert "(2025)第二十六条" not in text and "(2025)(原第二十六条)" in text
    assert "&lt;垃圾分类&gt;" in html  # user text is escaped, never interpreted


def test_sign_in_sheet_lists_everyone_with_a_blank_signature_column(meeting_id):
    html = meeting_documents.sign_in_sheet_html(meeting_id, blank_rows=4)
    body_rows = html.count("<tr>") - 1  # minus the header row
    assert body_rows == 36 + 4
    assert "本人签字" in html and "不得代签" in html and "列席" in html


def test_pdf_is_written_and_readable(meeting_id, qapp, tmp_path):
    out = pdf.write_pdf(meeting_documents.minutes_html(meeting_id), tmp_path / "会议记录.pdf", pdf.A4)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
    assert not list(tmp_path.glob("*.partial"))
    a3 = pdf.write_pdf(meeting_documents.sign_in_sheet_html(meeting_id), tmp_path / "签到表.pdf", pdf.A3)
    assert a3.read_bytes().startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(a3)], capture_output=True, text=True).stdout
        assert "A3" in info or "842 x 1191" in info
