"""`cunwu election tally`: real .xlsx files written by openpyxl, run through the CLI's main()."""

from __future__ import annotations

import json

import openpyxl
import pytest

from desktop.cli import main


def _sheet(path, rows, title="计票"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


GOOD = [("第十二届村民委员会选举计票表",), (), ("职务", "候选人姓名", "得票数"),
        ("主任", "张三", 300), (None, "李四", 90), (),
        ("副主任", "王五", 201), ("副主任", "钱七", 150),
        ("委员", "赵六", 250), (None, "孙八", "180"), (None, "周九", 130), (None, "吴十(另选他人)", 40),
        ("合计", None, 1341)]


def run(capsys, tmp_path, *args):
    code = main(["--data-dir", str(tmp_path / "data"), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_tally_json_either_side(tmp_path, capsys):
    f = _sheet(tmp_path / "计票.xlsx", GOOD)
    base = ["election", "tally", str(f), "--registered", "700", "--cast", "400", "--seats", "主任=1,副主任=1,委员=3",
            "--date", "2025-06-01"]
    code, before, _ = run(capsys, tmp_path, "--json", *base)
    assert code == 0
    code, after, _ = run(capsys, tmp_path, *base, "--json")
    assert code == 0 and before == after
    d = json.loads(before)
    assert d["valid"] is True and d["ballots_cast"] == 400
    assert d["elected"] == [{"post": "主任", "name": "张三", "votes": 300},
                            {"post": "副主任", "name": "王五", "votes": 201},
                            {"post": "委员", "name": "赵六", "votes": 250}]
    assert d["runoff"] == [{"post": "委员", "seats": 2, "candidates": ["孙八", "周九", "吴十"], "kind": "runoff"}]
    assert any("第十五条" in r for r in d["reasons"])
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").glob("*.sqlite3"))


def test_tally_plain_text_and_invalid_turnout(tmp_path, capsys):
    f = _sheet(tmp_path / "计票.xlsx", GOOD)
    code, out, _ = run(capsys, tmp_path, "election", "tally", str(f), "--registered", "800", "--cast", "400",
                       "--seats", "主任=1,副主任=1,委员=3")
    assert code == 0
    assert out.startswith("选举无效。") and "没有超过登记选民 800 人的半数" in out


@pytest.mark.parametrize("rows,needle", [
    ([("职位", "姓名"), ("主任", "张三")], "没有找到“得票”列"),
    ([("姓名", "得票"), ("张三", 3)], "没有找到“职位”列"),
    ([("职位", "姓名", "得票"), ("主任", "张三", "很多")], "第 2 行张三的得票“很多”不是数字"),
    ([("职位", "姓名", "得票"), ("主任", "张三", -3)], "是负数"),
    ([("职位", "姓名", "得票"), ("主任", "张三", 2.5)], "不是整数"),
    ([("职位", "姓名", "得票"), ("会计", "张三", 2)], "职位“会计”认不出"),
    ([("职位", "姓名", "得票"), ("主任", "张三", 401)], "多于有效选票 400 张"),
])
def test_malformed_sheet_exit_1_with_reason(tmp_path, capsys, rows, needle):
    f = _sheet(tmp_path / "bad.xlsx", rows)
    code, out, err = run(capsys, tmp_path, "election", "tally", str(f), "--registered", "700", "--cast", "400",
                         "--seats", "主任=1")
    assert code == 1
    assert needle in err, err
    assert "Traceback" not in err


def test_bad_seats_and_missing_file(tmp_path, capsys):
    f = _sheet(tmp_path / "计票.xlsx", GOOD)
    code, _, err = run(capsys, tmp_path, "election", "tally", str(f), "--registered", "700", "--cast", "400",
                       "--seats", "书记=1")
    assert code == 1 and "名额写法不对" in err
    code, _, err = run(capsys, tmp_path, "election", "tally", str(tmp_path / "无.xlsx"), "--registered", "700",
                       "--cast", "400", "--seats", "主任=1")
    assert code == 1 and "找不到文件" in err
