"""民族, 文化程度 and 政治面貌 on the register: the spellings taken, the service's refusals, the 花名册 import."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import people_service as ps
from models.errors import ValidationError
from models.person_details import ETHNICITIES, education_of, ethnicity_of, political_status_of
from models.roster.reader import read_rows


@pytest.mark.parametrize(("typed", "kept"), [
    ("中共党员", "中共党员"), ("党员", "中共党员"), ("预备党员", "中共预备党员"), ("团员", "共青团员"),
    ("群众", "群众"), ("无党派人士", "群众"), ("九三学社", "民主党派"), ("", ""), ("  ", ""), ("党 员", "中共党员"),
])
def test_political_status_spellings(typed, kept):
    assert political_status_of(typed) == kept


@pytest.mark.parametrize(("typed", "kept"), [
    ("大学本科", "本科"), ("大学专科", "大专"), ("大专", "大专"), ("中专/技校", "中专"), ("中专/技校", "中专"),
    ("小学", "小学及以下"), ("文盲", "小学及以下"), ("半文盲", "小学及以下"), ("高中毕业", "高中"),
    ("初中文化", "初中"), ("硕士", "研究生"), ("研究生", "研究生"), ("", ""),
])
def test_education_spellings(typed, kept):
    assert education_of(typed) == kept


def test_ethnicities_are_the_56_with_han_first():
    assert len(ETHNICITIES) == len(set(ETHNICITIES)) == 56 and ETHNICITIES[0] == "汉族"
    assert (ethnicity_of("汉"), ethnicity_of("汉族"), ethnicity_of("蒙古"), ethnicity_of("壮")) == (
        "汉族", "汉族", "蒙古族", "壮族")


@pytest.mark.parametrize("value", ["火星族", "xx"])
def test_unknown_values_are_none(value):
    assert ethnicity_of(value) is None and education_of(value) is None and political_status_of(value) is None


def test_the_service_keeps_one_spelling_and_refuses_the_rest_in_chinese(village):
    _paths, admin = village
    wang = ps.add_person(admin, "王建国", "男", ethnicity="汉", education="大学本科", political_status="党员")
    assert (wang.ethnicity, wang.education, wang.political_status) == ("汉族", "本科", "中共党员")
    edited = ps.edit_person(admin, wang.id, "王建国", "男", phone="13800000000")
    assert (edited.ethnicity, edited.education, edited.political_status) == ("汉族", "本科", "中共党员")
    for field, bad, words in (("education", "扫盲班结业", "文化程度"), ("political_status", "积极分子", "政治面貌"),
                              ("ethnicity", "火星族", "民族")):
        with pytest.raises(ValidationError) as refused:
            ps.edit_person(admin, wang.id, "王建国", "男", **{field: bad})
        assert words in str(refused.value) and bad in str(refused.value)
    assert ps.person(wang.id).education == "本科"  # nothing changed
    cleared = ps.edit_person(admin, wang.id, "王建国", "男", education="", political_status="")
    assert (cleared.education, cleared.political_status, cleared.ethnicity) == ("", "", "汉族")
    row = ps.register()[0]
    assert (row.ethnicity, row.education, row.political_status) == ("汉族", "", "")


def test_the_roster_reads_the_three_columns_and_keeps_an_unknown_value_in_the_note():
    rows = [(1, ["姓名", "性别", "出生年月", "民族", "学历", "政治面貌", "备注"]),
            (2, ["王建国", "男", "1968.03", "汉", "大学本科", "党员", ""]),
            (3, ["李秀英", "女", "1950.01", "回族", "半文盲", "群众", "低保"]),
            (4, ["张强", "男", "1999.05", "汉族", "中专/技校", "团员", ""]),
            (5, ["赵四", "男", "1970.02", "汉族", "扫盲", "积极分子", ""])]
    read = read_rows(rows, date(2026, 12, 1))
    assert {c.field for c in read.columns} >= {"ethnicity", "education", "political_status"}
    people = {p.name: p for p in read.people}
    assert len(people) == 4 and not read.skipped
    assert (people["王建国"].ethnicity, people["王建国"].education, people["王建国"].political_status) == (
        "汉族", "本科", "中共党员")
    assert (people["李秀英"].education, people["李秀英"].political_status, people["李秀英"].note) == (
        "小学及以下", "群众", "低保")
    assert (people["张强"].education, people["张强"].political_status) == ("中专", "共青团员")
    zhao = people["赵四"]
    assert (zhao.education, zhao.political_status) == ("", "")
    assert "文化程度:扫盲" in zhao.note and "政治面貌:积极分子" in zhao.note
    assert any("扫盲" in str(w) for w in zhao.warnings) and any("积极分子" in str(w) for w in zhao.warnings)


def test_the_roster_import_writes_them_to_the_register(village, tmp_path):
    from openpyxl import Workbook

    from desktop.services import roster_import

    _paths, admin = village
    wb = Workbook()
    for row in (["姓名", "性别", "出生年月", "民族", "文化程度", "政治面貌"],
                ["王建国", "男", "1968.03", "汉族", "大专", "中共预备党员"]):
        wb.active.append(row)
    wb.save(tmp_path / "花名册.xlsx")
    roster_import.apply(admin, roster_import.preview(tmp_path / "花名册.xlsx"))
    row = ps.register()[0]
    assert (row.name, row.ethnicity, row.education, row.political_status) == ("王建国", "汉族", "大专", "中共预备党员")
