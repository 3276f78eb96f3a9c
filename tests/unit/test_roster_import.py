"""花名册 import: refusals, merged cells, ID numbers never stored, duplicates held, one transaction."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.services import roster_import
from models.db import close_database, database
from models.errors import Cancelled, ValidationError
from models.roster import births, id_numbers
from tests.corpus.rosters.generate import id_number

TODAY = date(2026, 12, 4)


def _xlsx(path: Path, rows: list[list], merges: tuple[str, ...] = (), sheets: dict | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    for cells in rows:
        ws.append(cells)
    for rng in merges:
        ws.merge_cells(rng)
    for title, more in (sheets or {}).items():
        extra = wb.create_sheet(title)
        for cells in more:
            extra.append(cells)
    wb.save(path)
    return path


def _count(table: str) -> int:
    return database.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]


# --- pure parsing -------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "year", "month"), [
    ("1968.03", 1968, 3), ("1968.3", 1968, 3), ("1968年3月", 1968, 3), ("1968-03", 1968, 3),
    ("196803", 1968, 3), ("1968/3/5", 1968, 3), (datetime(1968, 3, 5), 1968, 3), (1968.03, 1968, 3),
    (1968.12, 1968, 12), (196803, 1968, 3), ("1968年3月5日", 1968, 3), ("1968", 1968, None), (1968, 1968, None),
    ("１９６８．０３", 1968, 3), ("1968-03-05 00:00:00", 1968, 3), ("19680305", 1968, 3), (25000, 1968, 6),
])
def test_birth_forms(value, year, month):
    found = births.parse(value, TODAY)
    assert (found.year, found.month) == (year, month)


@pytest.mark.parametrize(("value", "words"), [
    ("2099.01", "今天之后"), ("1890.05", "1900"), ("68.3", "看不懂"), (68, "看不懂"), ("1975.13", "月份"), ("1975.02.30", "不存在"),
])
def test_bad_births_say_why(value, words):
    found = births.parse(value, TODAY)
    assert words in str(found)


def test_the_examples_printed_in_gb_11643():
    # The standard's own worked examples (sample numbers, nobody's).
    assert id_numbers.check_digit("11010519491231002") == "X"
    assert id_numbers.read("11010519491231002x") == id_numbers.IdFacts(date(1949, 12, 31), "女")
    assert id_numbers.read("440524188001010014") == id_numbers.IdFacts(date(1880, 1, 1), "男")


def test_id_numbers_give_birth_and_sex_and_check_digit():
    import random

    rng = random.Random(3)
    number = id_number(date(1968, 3, 5), False, rng)
    facts = id_numbers.read(number)
    assert (facts.birth, facts.gender) == (date(1968, 3, 5), "女")
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    assert "校验位" in str(id_numbers.read(wrong))
    assert number not in str(id_numbers.read(wrong))  # a reason never repeats the number
    assert id_numbers.read("330106680305123").gender == "男"  # old 15-digit number: odd 15th digit
    assert id_numbers.read(None) is None
    # Excel's float of an 18-digit number has lost its last digits: refused by the check digit
    assert not isinstance(id_numbers.read(float(number)), id_numbers.IdFacts) or float(number) == int(number)


# --- refusals -------------------------------------------------------------------------------------

@pytest.fixture
def register(village):
    return village[1]


def _refused(path: Path) -> str:
    with pytest.raises(ValidationError) as info:
        roster_import.preview(path, today=TODAY)
    return str(info.value)


def test_refusals_in_chinese(register, tmp_path):
    assert "另存为 .xlsx" in _refused(_write(tmp_path / "旧.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600))
    locked = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le")
    assert "密码" in _refused(_write(tmp_path / "加密.xlsx", locked))
    assert "空文件" in _refused(_write(tmp_path / "空.xlsx", b""))
    assert "不是电子表格" in _refused(_write(tmp_path / "图.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + b"\0" * 64))
    assert "损坏" in _refused(_write(tmp_path / "坏.xlsx", b"PK\x03\x04broken"))
    assert "网页格式" in _refused(_write(tmp_path / "网页.xls", "<html><table><tr><td>姓名</td></tr></table>".encode()))
    no_name = _xlsx(tmp_path / "无姓名.xlsx", [["序号", "性别", "出生年月"], [1, "男", "1968.03"]])
    assert "姓名" in _refused(no_name)
    halves = _xlsx(tmp_path / "并排.xlsx", [["序号", "姓名", "性别", "序号", "姓名", "性别"], [1, "王刚", "男", 2, "李红", "女"]])
    assert "并排" in _refused(halves)
    assert "找不到" in _refused(tmp_path / "没有这个文件.xlsx")
    assert "文件夹" in _refused(tmp_path)
    assert _count("person") == 0


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="a file the user may not read")
def test_unreadable_file_is_refused(register, tmp_path):
    path = _xlsx(tmp_path / "锁定.xlsx", [["姓名", "性别"], ["王刚", "男"]])
    path.chmod(0)
    try:
        assert "读不出来" in _refused(path)
    finally:
        path.chmod(0o600)


@pytest.mark.skipif(os.name == "nt", reason="a Unix socket stands for a file that cannot be opened")
def test_a_file_that_cannot_be_opened_is_refused(register, tmp_path):
    import socket

    path = tmp_path / "花名册.xlsx"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))  # it exists, is not a folder, and open() fails (as a file locked by Excel does)
    try:
        text = _refused(path)
    finally:
        sock.close()
    assert "读不出来" in text and "Excel 或 WPS" in text


def test_more_than_20000_rows_is_refused(register, tmp_path):
    path = tmp_path / "大.csv"
    path.write_text("姓名,性别,出生年月\n" + "王刚,男,1968.03\n" * 20_001, "utf-8")
    assert "20000" in _refused(path)
    assert _count("person") == 0


# --- what a roster gives --------------------------------------------------------------------------

def test_merged_group_cells_apply_to_every_row(register, tmp_path):
    path = _xlsx(tmp_path / "合并.xlsx", [
        ["红旗村村民花名册"], ["填报单位:红旗村 日期:2024.3"],
        ["序号", "组别", "户号", "姓名", "与户主关系", "性别", "出生年月"],
        [1, "一组", "001", "王建国", "户主", "男", "1960.01"],
        [2, None, None, "李秀英", "配偶", "女", "1962.05"],
        [3, None, "002", "王明", "户主", "男", "1985.10"],
        [4, "二组", "001", "张华", "户主", "男", "1970.07"],
        ["合计", None, None, "4人"],
    ], merges=("A1:G1", "B4:B6", "C4:C5"))
    preview = roster_import.preview(path, today=TODAY)
    assert preview.header_row == 3
    assert [(line.name, line.group, line.household) for line in preview.to_add] == [
        ("王建国", "一组", "001"), ("李秀英", "一组", "001"), ("王明", "一组", "002"), ("张华", "二组", "001")]
    assert [(s.row, str(s.reason)) for s in preview.skipped] == [(8, "合计/小计行")]
    assert preview.new_groups == ("一组", "二组")
    result = roster_import.apply(register, preview)
    assert (result.added, result.households, result.groups) == (4, 3, ("一组", "二组"))
    rows = database.execute_sql(
        "SELECT p.name, p.household_relation, h.number, h.village_group FROM person p"
        " JOIN household h ON h.id = p.household_id ORDER BY p.rowid").fetchall()
    assert rows == [("王建国", "户主", "001", "一组"), ("李秀英", "配偶", "001", "一组"),
                    ("王明", "户主", "002", "一组"), ("张华", "户主", "001", "二组")]
    assert _count("village_group") == 2
    assert result.kinship == 1
    from desktop.services import people_service

    wang = next(r for r in people_service.register() if r.name == "王建国")
    assert people_service.close_relatives(wang.id) == {
        r.id for r in people_service.register() if r.name == "李秀英"}  # 配偶, from 与户主关系


def test_id_number_gives_birth_and_sex_and_is_stored_nowhere(village, tmp_path):
    import random

    paths, session = village
    rng = random.Random(9)
    numbers = [id_number(date(1950 + i, i + 1, 10), i % 2 == 0, rng) for i in range(6)]
    path = _xlsx(tmp_path / "身份证.xlsx", [["姓名", "公民身份号码", "组别", "备注", "联系电话", "住址"]] + [
        [f"村民{'甲乙丙丁戊己'[i]}", n, "一组", f"身份证 {n}" if i == 0 else "", n if i == 1 else "",
         f"一组 {n}" if i == 2 else ""] for i, n in enumerate(numbers)])
    preview = roster_import.preview(path, today=TODAY)
    assert [(line.gender, line.birth) for line in preview.to_add] == [
        ("男" if i % 2 == 0 else "女", f"{1950 + i}.{i + 1:02d}") for i in range(6)]
    assert all(n not in repr(preview.lines) and n not in repr(preview._read) for n in numbers)
    assert "像是身份证号" in str(preview.to_add[1].warnings[0])
    typed_in_birth = _xlsx(tmp_path / "错列.xlsx", [["姓名", "出生年月"], ["王刚", numbers[0]], ["李红", numbers[1][:-1]]])
    moved = roster_import.preview(typed_in_birth, today=TODAY)
    assert [(line.name, line.birth, line.gender) for line in moved.to_add] == [("王刚", "1950.01", "男")]
    assert numbers[1][:-1] not in str(moved.skipped[0].reason)
    roster_import.apply(session, preview)
    close_database()
    stored = b"".join(p.read_bytes() for p in paths.data_dir.rglob("*") if p.is_file())
    for n in numbers:
        assert n.encode() not in stored and n[:17].encode() not in stored
        assert n.encode("utf-16-le") not in stored


def test_sex_conflict_is_a_warning_and_the_id_wins(register, tmp_path):
    import random

    number = id_number(date(1970, 2, 1), True, random.Random(1))
    path = _xlsx(tmp_path / "冲突.xlsx", [["姓名", "性别", "身份证号", "出生年月"], ["王刚", "女", number, "1970.02"]])
    line = roster_import.preview(path, today=TODAY).to_add[0]
    assert line.gender == "男"
    assert "按身份证号取" in str(line.warnings[0])


def test_skipped_rows_with_reasons(register, tmp_path):
    path = _xlsx(tmp_path / "跳过.xlsx", [
        ["序号", "姓名", "性别", "出生年月"],
        [1, "王刚", "男", "1968.03"],
        [2, None, "女", "1970.01"],
        [3, "李明", "男", "2099.01"],
        [4, "张三", "男", "1880.01"],
        [None, None, None, None],
        ["序号", "姓名", "性别", "出生年月"],
        [5, "赵六", "女", "1975.06"],
        ["小计", None, None, None],
        ["注:本表由村委会填报。"],
    ])
    preview = roster_import.preview(path, today=TODAY)
    assert [line.name for line in preview.to_add] == ["王刚", "赵六"]
    reasons = {s.row: str(s.reason) for s in preview.skipped}
    assert reasons[3] == "没有姓名"
    assert "今天之后" in reasons[4] and "1900" in reasons[5]
    assert reasons[6] == "空行" and "重复的表头" in reasons[7]
    assert "合计" in reasons[9] and "注释" in reasons[10]


def test_group_spellings_follow_the_register(register, tmp_path):
    from desktop.services import people_service

    people_service.add_person(register, "王刚", "男", birth_year=1968, village_group="第一组")
    path = _xlsx(tmp_path / "组名.xlsx", [
        ["姓名", "性别", "出生年月", "组别"],
        ["王刚", "男", "1968.03", "一组"],
        ["李明", "男", "1970.01", "1"],
        ["赵红", "女", "1971.01", "第二村民小组"],
        ["钱军", "男", "1972.01", "2组"],
    ])
    preview = roster_import.preview(path, today=TODAY)
    assert [line.group for line in preview.lines] == ["第一组", "第一组", "第二村民小组", "第二村民小组"]
    assert [line.row for line in preview.duplicates] == [2]  # 王刚 of 第一组, spelled 一组 in the file
    assert preview.new_groups == ("第二村民小组",)


def test_duplicates_are_held_unless_ticked(register, tmp_path):
    from desktop.services import people_service

    people_service.add_person(register, "王刚", "男", birth_year=1968, village_group="一组")
    path = _xlsx(tmp_path / "重复.xlsx", [
        ["姓名", "性别", "出生年月", "组别"],
        ["王刚", "男", "1968.03", "一组"],
        ["李明", "男", "1970.01", "一组"],
        ["李明", "男", "1970.05", "一组"],
        ["李明", "男", "1990.05", "一组"],
    ])
    preview = roster_import.preview(path, today=TODAY)
    held = {line.row: str(line.duplicate_of) for line in preview.duplicates}
    assert set(held) == {2, 4}
    assert "名册里已有" in held[2] and "第 3 行" in held[4]
    result = roster_import.apply(register, preview)
    assert result.added == 2 and [line.row for line in result.held] == [2, 4]
    assert _count("person") == 3
    again = roster_import.apply(register, roster_import.preview(path, today=TODAY), include_duplicates={4})
    assert again.added == 1  # 王刚 and the first 李明 are now in the register: held; row 4 ticked


def test_a_failure_mid_apply_leaves_nothing(register, tmp_path):
    rows = [["姓名", "性别", "出生年月", "组别", "户号"]]
    names = [a + b + c for a in "王李张刘陈杨黄赵吴周" for b in "建秀明华伟" for c in "国英芳军丽强敏静磊"][:450]
    rows += [[name, "男", "1970.01", f"{i % 3 + 1}组", f"{i // 3:03d}"] for i, name in enumerate(names)]
    path = _xlsx(tmp_path / "失败.xlsx", rows)
    preview = roster_import.preview(path, today=TODAY)
    before = (_count("person"), _count("household"), _count("village_group"), _count("audit_entry"))
    with pytest.raises(Cancelled):
        roster_import.apply(register, preview, cancelled=lambda: True)
    assert (_count("person"), _count("household"), _count("village_group"), _count("audit_entry")) == before
    database.execute_sql(f"CREATE TEMP TRIGGER stop BEFORE INSERT ON person WHEN NEW.name = '{names[300]}'"
                         " BEGIN SELECT RAISE(ABORT, 'disk trouble'); END")
    with pytest.raises(Exception, match="disk trouble"):
        roster_import.apply(register, preview)
    assert (_count("person"), _count("household"), _count("village_group"), _count("audit_entry")) == before


def test_csv_encodings_and_delimiters(register, tmp_path):
    text = "姓名;性别;出生年月\n王刚;男;1968.03\n"
    for name, data in (("a.csv", text.encode("gb18030")), ("b.csv", text.replace(";", "\t").encode("utf-8-sig"))):
        preview = roster_import.preview(_write(tmp_path / name, data), today=TODAY)
        assert [(line.name, line.birth) for line in preview.to_add] == [("王刚", "1968.03")]
    sep = _write(tmp_path / "c.csv", "sep=;\n姓名;性别;出生年月;公民身份号码\n王刚;男;1968.03;\n;女;1970.01;\n".encode())
    preview = roster_import.preview(sep, today=TODAY)
    assert [line.name for line in preview.to_add] == ["王刚"] and [s.row for s in preview.skipped] == [4]


def test_the_first_sheet_with_names_is_chosen(register, tmp_path):
    path = _xlsx(tmp_path / "多表.xlsx", [["填表说明"], ["每组一张表"]],
                 sheets={"三组": [["三组村民花名册"], ["姓名", "性别"], ["王刚", "男"]]})
    preview = roster_import.preview(path, today=TODAY)
    assert preview.sheets == ("花名册", "三组") and preview.sheet == "三组"
    assert [(line.name, line.group) for line in preview.to_add] == [("王刚", "三组")]
