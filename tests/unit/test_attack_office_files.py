"""Issue 16, smaller holes: Big5 texts, and .docx/.xlsx files read with size and row limits.

The bombs are read in a child process whose address space is capped
(RLIMIT_AS), so "bounded memory" is a fact the test checks: the reader must
refuse the file in Chinese, within seconds, without ever needing the memory.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.support import office_bombs as ob

ROOT = Path(__file__).resolve().parents[2]
#: what a reader may use: the interpreter, lxml, openpyxl/python-docx and the file's own worth of data
MEMORY_CAP = 900 * 1024 * 1024

TRADITIONAL = ("第一條 為了維護本社區的公共秩序,根據有關法律規定,經村民會議討論通過,制定本公約。\n"
               "第二條 村民應當愛護環境,遵守交通規則,不得亂倒垃圾。\n")


def _read_capped(call: str, path: Path) -> dict:
    """Run `call` (a reader function, "module:function") on `path` with memory capped; its outcome."""
    module, function = call.split(":")
    code = textwrap.dedent(f"""
        import json, resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_CAP}, {MEMORY_CAP}))
        from models.errors import ValidationError
        import {module} as m
        try:
            m.{function}(sys.argv[1])
            print(json.dumps({{"outcome": "read"}}))
        except ValidationError as exc:
            print(json.dumps({{"outcome": "refused", "message": str(exc)}}))
        except MemoryError:
            print(json.dumps({{"outcome": "MemoryError"}}))
    """)
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    seconds = time.monotonic() - started
    assert done.returncode == 0, done.stderr[-2000:]
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "seconds": seconds}


def test_big5_rule_text_is_read_as_big5(tmp_path):
    """Issue 16: "Big5 texts are detected, not read as GB18030" — a traditional-Chinese rule text saved as Big5."""
    from desktop.services import rule_files

    path = tmp_path / "公約.txt"
    path.write_bytes(TRADITIONAL.encode("big5"))
    assert rule_files.read_text(path) == TRADITIONAL


def test_big5_csv_roster_is_read_as_big5(tmp_path):
    """Issue 16: "Big5 texts are detected, not read as GB18030" — a 花名册 CSV saved as Big5."""
    from desktop.services import roster_files

    path = tmp_path / "花名冊.csv"
    path.write_bytes("姓名,性別,組別\n陳美華,女,第一組\n黃國強,男,第二組\n".encode("big5"))
    with roster_files.open_rows(path) as (_title, rows, _n):
        assert [cells for _, cells in rows][1] == ["陳美華", "女", "第一組"]


@pytest.mark.parametrize("text", ["第一条 为了加强村民自治,制定本村规民约。", "村规民约", "红白喜事从简办理"])
def test_gb18030_texts_stay_gb18030(tmp_path, text):
    """The Big5 guess never takes a simplified-Chinese GB18030 text for Big5 (short ones included)."""
    from desktop.services import rule_files

    path = tmp_path / "规约.txt"
    path.write_bytes(text.encode("gb18030"))
    assert rule_files.read_text(path) == text


@pytest.mark.parametrize("lie", [False, True], ids=["honest-directory", "lying-directory"])
def test_docx_bomb_is_refused_in_seconds_with_bounded_memory(tmp_path, lie):
    """Issue 16: "a local .docx or .xlsx is read with size and row limits (a 4.6 MB .docx bomb …: a message in seconds, bounded memory)"."""
    path = ob.docx_bomb(tmp_path / "村规民约.docx", lie=lie)
    assert 4 * 1024 * 1024 < path.stat().st_size < 5 * 1024 * 1024
    result = _read_capped("desktop.services.rule_files:read_text", path)
    assert result["outcome"] == "refused" and "解压后太大" in result["message"]
    assert result["seconds"] < 20


@pytest.mark.parametrize("reader", ["desktop.services.ledger_import:read_ledger",
                                    "desktop.services.roster_files:sheet_names"])
@pytest.mark.parametrize("lie", [False, True], ids=["honest-directory", "lying-directory"])
def test_xlsx_bomb_is_refused_in_seconds_with_bounded_memory(tmp_path, reader, lie):
    """Issue 16: "a local .docx or .xlsx is read with size and row limits" — shared strings inflating to gigabytes."""
    path = ob.xlsx_with_member_bomb(tmp_path / "台账.xlsx", lie=lie)
    result = _read_capped(reader, path)
    assert result["outcome"] == "refused" and "解压后太大" in result["message"]
    assert result["seconds"] < 20


def test_million_row_ledger_is_refused_in_seconds_with_bounded_memory(tmp_path):
    """Issue 16: "a local .docx or .xlsx is read with size and row limits (… or a 1,000,000-row ledger: a message in seconds, bounded memory)"."""
    path = ob.million_row_ledger(tmp_path / "台账.xlsx")
    result = _read_capped("desktop.services.ledger_import:read_ledger", path)
    assert result["outcome"] == "refused", result
    assert "行" in result["message"] and ("明细账" in result["message"] or "台账" in result["message"])
    assert result["seconds"] < 20


@pytest.mark.parametrize("reader", ["desktop.services.ledger_import:read_ledger",
                                    "desktop.services.roster_import:preview"])
def test_million_row_sheet_without_dimension_is_refused_in_seconds(tmp_path, reader):
    """Issue 16: "… or a 1,000,000-row ledger: a message in seconds" — also a sheet that does not declare its size (openpyxl would read it all just to size it)."""
    path = ob.million_row_ledger(tmp_path / "台账.xlsx", dimension=False)
    result = _read_capped(reader, path)
    assert result["outcome"] == "refused", result
    assert "超过 100000 行" in result["message"]
    assert result["seconds"] < 20


def test_a_ledger_just_under_the_row_limit_still_reads(tmp_path):
    """The limits refuse only what no village keeps: a 19,000-line ledger reads (a year of a large village's book)."""
    from desktop.services import ledger_import

    read = ledger_import.read_ledger(ob.million_row_ledger(tmp_path / "台账.xlsx", rows=19_000, dimension=False))
    assert len(read.lines) == 19_000
