"""花名册 patterns the independent corpus (tests/corpus/rosters_independent) found misread: a cut
身份证号 that passes its check digit, "1971.10" kept by Excel as 1971.1 in a "0.00" cell, the
土地确权 家庭成员 table's headers, "'1968.10" and "1968。10", group tables stacked on one sheet."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook

from desktop.services import roster_import
from models.roster import headers, id_numbers

TODAY = date(2026, 12, 4)
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _cut_number_passing_its_check_digit() -> str:
    """An 18-digit number ending "000" whose check digit is right: what Excel leaves can pass."""
    for seq in range(100):
        body = f"33012719600905{seq:02d}0"
        if "10X98765432"[sum(int(d) * w for d, w in zip(body, WEIGHTS, strict=True)) % 11] == "0" and (
                body.endswith("00")):
            return body + "0"
    raise AssertionError("no such number")


def _valid(first17: str) -> str:
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def test_an_id_held_as_a_spreadsheet_number_is_never_read():
    text = _cut_number_passing_its_check_digit()
    assert isinstance(id_numbers.read(text), id_numbers.IdFacts)  # as text it is a valid number
    for value in (float(text), int(text)):  # as a number it is what Excel left of one
        reason = id_numbers.read(value)
        assert not isinstance(reason, id_numbers.IdFacts)
        assert "Excel" in str(reason) and text not in str(reason)
    # a whole number with every digit (written by some program, not held in Excel's double): read
    whole = next(n for n in (_valid(f"3301271960090512{k}") for k in range(10))
                 if n[-1] != "X" and float(n) != int(n))
    assert id_numbers.read(int(whole)).birth == date(1960, 9, 5)
    # an old 15-digit number fits in a double: still read
    assert id_numbers.read(330106680305123.0).gender == "男"


@pytest.fixture
def register(village):
    return village[1]


def test_the_sex_column_stands_when_the_id_was_cut(register, tmp_path):
    path = tmp_path / "医保.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "姓名", "性别", "出生年月", "身份证号", "组别"])
    ws.append([1, "闫斌林", "男", "1960.09", float(_cut_number_passing_its_check_digit()), "三组"])
    wb.save(path)
    line = roster_import.preview(path, today=TODAY).lines[0]
    assert (line.gender, line.birth) == ("男", "1960.09")
    assert any("Excel" in str(w) for w in line.warnings)


def test_a_birth_shown_with_two_decimals_is_read_as_shown(register, tmp_path):
    path = tmp_path / "花名册.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "性别", "出生年月", "组别"])
    for name, value, fmt in (("邱福兵", 1971.1, "0.00"), ("王芳", 1971.1, "General"), ("李明", 1968.03, "0.00")):
        ws.append([name, "男", value, "一组"])
        ws.cell(ws.max_row, 3).number_format = fmt
    wb.save(path)
    births = {line.name: line.birth for line in roster_import.preview(path, today=TODAY).lines}
    assert births == {"邱福兵": "1971.10", "王芳": "1971.01", "李明": "1968.03"}


def test_land_contract_family_headers():
    cells = ["承包方编码", "承包方代表姓名", "家庭成员姓名", "与承包方代表关系", "成员证件号码", "成员性别",
             "是否共有人", "成员备注"]
    columns = headers.map_columns(cells)
    assert columns == {"head": 1, "name": 2, "relation": 3, "id_number": 4, "gender": 5, "note": 7}


def test_births_typed_with_an_apostrophe_or_the_ime_full_stop():
    from models.roster import births

    assert births.parse("'1968.10", TODAY) == births.Birth(1968, 10)
    assert births.parse("1968。03", TODAY) == births.Birth(1968, 3)


def test_group_tables_stacked_on_one_sheet_each_give_their_group(register, tmp_path):
    path = tmp_path / "分组.xlsx"
    wb = Workbook()
    ws = wb.active
    for group, names in (("一", ("甲一", "甲二")), ("二", ("乙一", "乙二"))):
        ws.append([f"青石村第{group}村民小组花名册"])
        ws.append(["序号", "姓名", "性别", "出生年月"])
        for n, name in enumerate(names, start=1):
            ws.append([n, name, "男", "1970.01"])
    wb.save(path)
    preview = roster_import.preview(path, today=TODAY)
    assert {line.name: line.group for line in preview.lines} == {
        "甲一": "第一村民小组", "甲二": "第一村民小组", "乙一": "第二村民小组", "乙二": "第二村民小组"}
    assert any("第二村民小组" in str(s.reason) for s in preview.skipped if s.row == 5)


def test_an_xlsx_named_xls_and_excel_unicode_text_are_read(register, tmp_path):
    wb = Workbook()
    wb.active.append(["姓名", "性别", "出生年月", "组别"])
    wb.active.append(["张三", "男", "1968.03", "一组"])
    wb.save(tmp_path / "花名册.xls")
    text = "姓名\t性别\t出生年月\t组别\r\n李四\t女\t1970.11\t二组\r\n"
    (tmp_path / "花名册.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    for name, want in (("花名册.xls", ("张三", "男", "1968.03", "一组")), ("花名册.txt", ("李四", "女", "1970.11", "二组"))):
        line = roster_import.preview(tmp_path / name, today=TODAY).lines[0]
        assert (line.name, line.gender, line.birth, line.group) == want


def test_group_subtotals_in_the_name_column_and_heads_named_only_in_the_head_column():
    from models.roster.reader import read_rows

    read = read_rows(list(enumerate([
        ["户号", "户主姓名", "家庭成员姓名", "与户主关系", "性别", "出生年月", "身份证号", "组别"],
        [1, "张三", None, "户主", "男", "1960.01", "330106********1234", "一组"],
        [None, None, "李四", "配偶", "女", "1962.02", None, "一组"],
        [None, None, None, None, "女", "1990.02", None, "一组"],
        [None, "一组小计", None, None, None, None, None, "2人"],
        [None, None, "二组合计:0人"],
    ], start=1)), TODAY, "Sheet1")
    assert [(p.row, p.name) for p in read.people] == [(2, "张三"), (3, "李四")]
    assert "遮住" in str(read.people[0].warnings[0])
    reasons = {s.row: str(s.reason) for s in read.skipped}
    assert reasons[4] == "没有姓名"  # a member row without a name is not given the 户主's
    assert "合计" in reasons[5] and "合计" in reasons[6]


def test_unmerged_two_line_header_village_named_groups_and_invisible_characters():
    from models.roster.reader import read_rows

    read = read_rows(list(enumerate([
        ["村民花名册"],
        ["序号", "组别", "家庭成员情况", None, None, "备注"],
        [None, None, "姓名", "性别", "出生年月", None],
        [1, "青石村一组", "张三\u200b", "男", "1960.01\ufeff", None],
        [2, "青石村1组", "\ufeff李四", "女", "1962.02", None],
    ], start=1)), TODAY, "Sheet1")
    assert [(p.name, p.group, p.birth_year, p.birth_month) for p in read.people] == [
        ("张三", "一组", 1960, 1), ("李四", "一组", 1962, 2)]
    assert not read.skipped


def test_census_form_item_codes_in_headers():
    assert [headers.field_of(h) for h in ("D1.姓名", "R3.性别", "D5.出生年月", "3、组别", "姓名")] == [
        "name", "gender", "birth", "group", "name"]
