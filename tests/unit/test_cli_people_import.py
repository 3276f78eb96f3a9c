"""`cunwu people import FILE [--sheet NAME] [--yes] [--json]` as a script runs it."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_cli import as_json, cunwu

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "rosters"


def test_people_import_json_holds_duplicates_and_lists_skipped_rows(tmp_path):
    d = tmp_path / "data"
    assert cunwu("init", "village", "--name", "青山村", "--code", "330106001001", data_dir=d).returncode == 0
    out = cunwu("people", "import", str(CORPUS / "r13_duplicates.xlsx"), "--yes", "--json", data_dir=d)
    assert out.returncode == 0, out.stderr
    result = as_json(out)
    assert result["added"] == 26
    assert [x["row"] for x in result["duplicates"]] == [27, 28, 29, 30, 31, 32]
    assert "同名、同出生年、同组" in result["duplicates"][0]["reason"]
    assert result["skipped"] == []

    again = as_json(cunwu("--json", "people", "import", str(CORPUS / "r12_blank_rows_notes.xlsx"), "--yes",
                          data_dir=d))
    assert again["added"] == 30
    assert {"row": 13, "reason": "空行"} in again["skipped"]
    assert any("制表人" in s["reason"] or "说明" in s["reason"] for s in again["skipped"])

    listed = as_json(cunwu("people", "list", "--json", data_dir=d))
    assert listed["count"] == 56

    # the same file again: everyone is now a likely duplicate, nobody is added
    twice = as_json(cunwu("people", "import", str(CORPUS / "r13_duplicates.xlsx"), "--yes", "--json", data_dir=d))
    assert twice["added"] == 0 and len(twice["duplicates"]) == 32


def test_people_import_refusals_exit_1_in_chinese(tmp_path):
    d = tmp_path / "data"
    assert cunwu("init", "village", "--name", "青山村", "--code", "330106001001", data_dir=d).returncode == 0
    old = tmp_path / "花名册.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    out = cunwu("people", "import", str(old), "--yes", data_dir=d)
    assert out.returncode == 1 and "另存为 .xlsx" in out.stderr
    out = cunwu("people", "import", str(CORPUS / "r10_group_per_sheet.xlsx"), "--sheet", "说明", "--json",
                data_dir=d)
    assert out.returncode == 1 and "姓名" in out.stderr and as_json(out)["ok"] is False
    assert cunwu("people", "import", data_dir=d).returncode == 2


def _on_terminal(args: list[str], answer: str, data_dir: Path):
    """Run `cunwu` with a terminal as stdin (a pty) and type `answer`."""
    import os
    import subprocess
    import sys

    from tests.unit.test_cli import ROOT

    primary, secondary = os.openpty()
    try:
        os.write(primary, answer.encode())
        return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args], stdin=secondary,
                              capture_output=True, text=True, cwd=ROOT, timeout=120)
    finally:
        os.close(primary)
        os.close(secondary)


def test_on_a_terminal_the_preview_is_shown_and_asked(tmp_path):
    import os

    import pytest

    if os.name == "nt":
        pytest.skip("no pty on Windows")
    d = tmp_path / "data"
    assert cunwu("init", "village", "--name", "青山村", "--code", "330106001001", data_dir=d).returncode == 0
    roster = str(CORPUS / "r01_village_basic.xlsx")
    refused = _on_terminal(["people", "import", roster], "n\n", d)
    assert refused.returncode == 1
    assert "将导入 40 人" in refused.stderr and "跳过第" in refused.stderr and "需要确认" in refused.stderr
    assert as_json(cunwu("people", "list", "--json", data_dir=d))["count"] == 0
    accepted = _on_terminal(["people", "import", roster], "y\n", d)
    assert accepted.returncode == 0, accepted.stderr
    assert "已导入 40 人" in accepted.stdout
    assert as_json(cunwu("people", "list", "--json", data_dir=d))["count"] == 40


def test_future_birth_no_name_and_total_rows_are_in_skipped_and_sheet_picks_the_sheet(tmp_path):
    """Issue 15's bad rows reach `skipped` as {"row", "reason"}; `--sheet NAME` imports that sheet only."""
    from datetime import date

    d = tmp_path / "data"
    assert cunwu("init", "village", "--name", "青山村", "--code", "330106001001", data_dir=d).returncode == 0
    roster = tmp_path / "花名册.csv"
    roster.write_text("序号,姓名,性别,出生年月\n"
                      "1,王刚,男,1968.03\n"
                      f"2,李明,男,{date.today().year + 2}.01\n"
                      "3,,女,1970.01\n"
                      "合计,,,1人\n", "utf-8")
    out = cunwu("people", "import", str(roster), "--yes", "--json", data_dir=d)
    assert out.returncode == 0, out.stderr
    result = as_json(out)
    assert set(result) >= {"added", "duplicates", "skipped"}
    assert result["added"] == 1 and result["duplicates"] == []
    assert all(set(s) == {"row", "reason"} for s in result["skipped"])
    reasons = {s["row"]: s["reason"] for s in result["skipped"]}
    assert "今天之后" in reasons[3] and reasons[4] == "没有姓名" and "合计" in reasons[5]

    second = as_json(cunwu("people", "import", str(CORPUS / "r10_group_per_sheet.xlsx"), "--sheet", "第二组",
                           "--yes", "--json", data_dir=d))
    groups = {p["village_group"] for p in as_json(cunwu("people", "list", "--json", data_dir=d))["people"]
              if p["name"] != "王刚"}
    assert second["added"] == 20 and groups == {"第二组"}
