"""`cunwu report compliance --pdf` at a county: the township's command does it, so does the county's (issue 19).

The county's report on paper: a first page of townships × obligations with the
lines to sign and the seal's place, then a page per township with its villages.
"""

from __future__ import annotations

import json
import re

from desktop import cli
from desktop.reports import county_pdf
from desktop.services import county_service
from models.db import close_database
from tests.support.county import synthetic_county


def _run(capsys, site, *argv) -> tuple[int, dict]:
    close_database()
    code = cli.main(["--data-dir", str(site.paths.data_dir), "--json", *argv])
    out = capsys.readouterr().out.strip().splitlines()
    return code, json.loads(out[-1]) if out else {}


def test_the_county_report_prints_a_summary_page_and_one_page_per_township(qapp, tmp_path, capsys):
    county = synthetic_county(tmp_path, townships=3, villages=3, years=1)
    code, out = _run(capsys, county, "report", "compliance", "--out", str(tmp_path / "县.xlsx"),
                     "--pdf", str(tmp_path / "县.pdf"), "--period", "2026Q3")
    assert code == 0, out
    assert out["pdf"] == str(tmp_path / "县.pdf")
    assert len(re.findall(rb"/Type\s*/Page[^s]", (tmp_path / "县.pdf").read_bytes())) == 1 + 3
    county.use()
    pages = county_pdf.county_html(county_service.board("2026Q3"))
    summary = pages[0]
    assert all(name in summary for name in ("城关镇", "青山镇", "溪口乡", "全县", "填报人", "(单位盖章)"))
    first = county_service.township_board("330106001", "2026Q3")  # a township's villages on its own page
    assert "城关镇" in pages[1] and first.villages and all(v.name in pages[1] for v in first.villages)


def test_a_pdf_name_that_is_no_pdf_is_refused_and_nothing_written(qapp, tmp_path, capsys):
    county = synthetic_county(tmp_path, townships=1, villages=1, years=1)
    code, out = _run(capsys, county, "report", "compliance", "--out", str(tmp_path / "县.xlsx"),
                     "--pdf", str(tmp_path / "县.docx"))
    assert code == 1 and ".pdf" in out["error"]
    assert not (tmp_path / "县.xlsx").exists() and not (tmp_path / "县.docx").exists()
