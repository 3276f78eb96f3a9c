"""The printed 签到表 ends with its table: no page holding only the two closing lines."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from desktop.services import meetings_service
from tests.support.demo import demo_village
from ui.meetings import printing


def _pages(pdf) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) is not installed")
def test_sign_in_sheet_has_no_page_of_only_closing_lines(qtbot, store, tmp_path):
    demo_village(years=1)
    meeting = next(m for m in meetings_service.list_meetings("representatives") if m.status == "approved")
    pdf = tmp_path / "签到表.pdf"
    exporter = printing.PdfExporter()
    with qtbot.waitSignal(exporter.finished, timeout=20000):
        exporter.export_pdf(meeting.id, printing.SIGN_IN, pdf)
    assert _pages(pdf) == 2  # 36 names and the blank rows that fit, the closing lines on page 2
    html = printing.document_html(meeting.id, printing.SIGN_IN)
    assert "记录人(签字)" in html and html.count("<tr>") > 36 + 1  # header, names, some blank rows
    shots = os.environ.get("CUNWU_SIGN_IN_SHOTS")  # e.g. /work/screens/after_sign_in
    if shots:
        subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), shots], check=True)
