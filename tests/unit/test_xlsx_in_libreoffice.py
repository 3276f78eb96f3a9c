"""The .xlsx files we write open in LibreOffice too, not only in openpyxl."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest

from desktop.reports.rules_diff_xlsx import write_diff_xlsx
from desktop.services import rules_service
from desktop.services.rules_service import ArticleLine

SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is installed by `make test` (libreoffice-calc-nogui)")
def test_diff_table_opens_in_libreoffice(village, tmp_path):
    _, admin = village
    rs = rules_service.create_rule_set(admin, "青山村村规民约")
    old = rules_service.enter_history(admin, rs.id, "旧版", date(2019, 1, 1), [
        ArticleLine("", "第一条", "村民应遵守法律。"), ArticleLine("", "第二条", "红白喜事从简办理。")])
    new = rules_service.revise(admin, old.id, "election")
    rules_service.save_articles(admin, new.id, [ArticleLine("", "", "村民应遵守法律。"),
                                               ArticleLine("", "", "红白喜事从简办理,宴席不超过十桌。")])
    xlsx = write_diff_xlsx(old.id, new.id, tmp_path / "对照表.xlsx")
    profile = tmp_path / "lo-profile"
    out = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
         "--outdir", str(tmp_path), str(xlsx)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    csv = (tmp_path / "对照表.csv").read_text("utf-8")  # filter option 76 = UTF-8
    assert "修订对照表" in csv and "宴席不超过十桌" in csv and "修改" in csv
    out = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(xlsx)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    pdf = (tmp_path / "对照表.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000
