"""The register's service on a real SQLite file: add, edit, end a stay; groups and households; figures; export."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import households_service as hs
from desktop.services import people_service as ps
from desktop.services import village_figures
from models.entities import Household, Person, VillageGroup
from models.errors import ValidationError


def _count(model) -> int:
    return model.select().count()


def test_add_and_edit_a_person_with_group_and_household(village):
    _paths, admin = village
    group = hs.add_group(admin, "一组")
    home = hs.add_household(admin, "0001", "一组", "村东 12 号")
    wang = ps.add_person(admin, " 王建国 ", "男", birth_year=1968, birth_month=3, household_entry=home.id,
                         household_relation="户主", phone="138 0000 0000")
    assert (wang.name, wang.village_group, wang.birth_month) == ("王建国", "一组", 3)  # group from the household
    edited = ps.edit_person(admin, wang.id, "王建国", "男", note="老党员")
    assert edited.note == "老党员" and edited.household_id == home.id and edited.phone == "138 0000 0000"
    row = ps.register()[0]
    assert (row.birth_text(), row.household_number, row.household_relation) == ("1968.03", "0001", "户主")
    assert hs.list_households()[0].head == "王建国"
    assert hs.list_groups()[0] == hs.GroupRow(group.id, "一组", 1, "", 1, 1)


@pytest.mark.parametrize(("name", "gender", "details", "says"), [
    ("", "男", {}, "姓名"),
    ("张三", "未知", {}, "性别"),
    ("张三", "男", {"birth_year": date.today().year + 1}, "不能晚于现在"),
    ("张三", "男", {"birth_year": 1980, "birth_month": 13}, "1 到 12"),
    ("张三", "男", {"birth_month": 5}, "出生年份"),
    ("张三", "男", {"birth_year": 1850}, "太早"),
    ("张三", "男", {"phone": "call me"}, "电话"),
    ("张三", "男", {"household_relation": "子"}, "没有选择户"),
    ("张三", "男", {"shoe_size": 42}, "不认识"),
])
def test_bad_person_input_is_refused_and_nothing_written(village, name, gender, details, says):
    _paths, admin = village
    before = _count(Person)
    with pytest.raises(ValidationError, match=says):
        ps.add_person(admin, name, gender, **details)
    assert _count(Person) == before


def test_second_head_of_household_is_refused_on_add_and_edit(village):
    _paths, admin = village
    home = hs.add_household(admin, "0002")
    ps.add_person(admin, "李大", "男", household_entry=home.id, household_relation="户主")
    with pytest.raises(ValidationError, match="户主已经是李大"):
        ps.add_person(admin, "李二", "男", household_entry=home.id, household_relation="户主")
    son = ps.add_person(admin, "李二", "男", household_entry=home.id, household_relation="子")
    with pytest.raises(ValidationError, match="一户只有一个户主"):
        ps.edit_person(admin, son.id, "李二", "男", household_relation="户主")


def test_person_group_must_match_the_household_group(village):
    _paths, admin = village
    hs.add_group(admin, "一组")
    hs.add_group(admin, "二组")
    home = hs.add_household(admin, "0003", "一组")
    with pytest.raises(ValidationError, match="同一户的人应在同一个村民小组"):
        ps.add_person(admin, "赵六", "女", village_group="二组", household_entry=home.id)


def test_ending_a_stay_keeps_the_person_and_refuses_twice_and_bad_dates(village):
    _paths, admin = village
    zhang = ps.add_person(admin, "张三", "男", birth_year=1990, birth_month=6)
    with pytest.raises(ValidationError, match="原因"):
        ps.end_stay(admin, zhang.id, date(2020, 1, 1), "moved_out", " ")
    with pytest.raises(ValidationError, match="迁出、死亡或其他"):
        ps.end_stay(admin, zhang.id, date(2020, 1, 1), "vanished", "?")
    with pytest.raises(ValidationError, match="早于张三的出生年月"):
        ps.end_stay(admin, zhang.id, date(1990, 5, 31), "moved_out", "婚嫁")
    with pytest.raises(ValidationError, match="晚于今天"):
        ps.end_stay(admin, zhang.id, date(date.today().year + 1, 1, 1), "moved_out", "婚嫁")
    ended = ps.end_stay(admin, zhang.id, date(2024, 3, 1), "moved_out", "婚嫁迁往邻村")
    assert (ended.left_on, ended.left_kind, ended.left_reason) == ("2024-03-01", "moved_out", "婚嫁迁往邻村")
    with pytest.raises(ValidationError, match="不能再次注销"):
        ps.end_stay(admin, zhang.id, date(2024, 4, 1), "died", "病故")
    assert Person.get_by_id(zhang.id).deleted is False  # never deleted
    assert ps.register() == [] and [r.name for r in ps.register(include_left=True)] == ["张三"]
    assert ps.status_text(ps.register(include_left=True)[0]) == "迁出 2024-03-01"
    ps.resume_stay(admin, zhang.id)
    assert [r.name for r in ps.register()] == ["张三"]


def test_groups_rename_in_one_transaction_reorder_and_remove_only_when_empty(village):
    _paths, admin = village
    one = hs.add_group(admin, "一组")
    two = hs.add_group(admin, "二组")
    with pytest.raises(ValidationError, match="已经有"):
        hs.add_group(admin, "一组")
    home = hs.add_household(admin, "0004", "一组")
    ps.add_person(admin, "钱七", "男", household_entry=home.id)
    hs.rename_group(admin, one.id, "第一组")
    assert Person.get(Person.name == "钱七").village_group == "第一组"
    assert Household.get_by_id(home.id).village_group == "第一组"
    with pytest.raises(ValidationError, match="已经有"):
        hs.rename_group(admin, two.id, "第一组")
    hs.move_group(admin, two.id, -1)
    assert hs.group_names() == ["二组", "第一组"]
    with pytest.raises(ValidationError, match="不能删除"):
        hs.remove_group(admin, one.id)
    hs.remove_group(admin, two.id)
    assert hs.group_names() == ["第一组"]
    assert VillageGroup.get_by_id(two.id).deleted is True


def test_households_refuse_duplicates_unknown_groups_and_removal_with_members(village):
    _paths, admin = village
    home = hs.add_household(admin, "0005")
    with pytest.raises(ValidationError, match="已经登记过"):
        hs.add_household(admin, "0005")
    with pytest.raises(ValidationError, match="没有叫“九组”"):
        hs.add_household(admin, "0006", "九组")
    with pytest.raises(ValidationError, match="户号"):
        hs.add_household(admin, " ")
    ps.add_person(admin, "孙八", "女", household_entry=home.id, household_relation="户主")
    with pytest.raises(ValidationError, match="不能删除"):
        hs.remove_household(admin, home.id)


def test_register_figures_count_households_and_adults_and_follow_when_asked(village):
    _paths, admin = village
    a, b = hs.add_household(admin, "A"), hs.add_household(admin, "B")
    ps.add_person(admin, "甲", "男", birth_year=2008, birth_month=5, household_entry=a.id)
    ps.add_person(admin, "乙", "女", birth_year=2008, household_entry=a.id)  # year only: from 2027
    ps.add_person(admin, "丙", "男", birth_year=1970, household_entry=b.id)
    ps.add_person(admin, "丁", "女")
    counts = village_figures.register_counts(date(2026, 5, 1))
    assert (counts.households, counts.adults, counts.unknown_birth) == (2, 2, 1)
    assert village_figures.register_counts(date(2026, 4, 30)).adults == 1
    village_figures.set_official(admin, 120, 350)
    assert (village_figures.figures().households, village_figures.figures().source) == (120, "")
    with pytest.raises(ValidationError):
        village_figures.set_official(admin, -1, 3)
    village_figures.use_register(admin)
    ps.end_stay(admin, ps.register("丙")[0].id, date(2025, 1, 1), "died", "病故")
    used = village_figures.figures()
    assert (used.households, used.source) == (1, "register")
    from models.entities import Village

    assert Village.get().households == 1  # the stored figure followed the register


def test_kinship_from_either_side_with_inferred_siblings_and_close_relatives(village):
    _paths, admin = village
    mother, a, b, grandpa = (ps.add_person(admin, n, g) for n, g in
                             (("母亲", "女"), ("老大", "男"), ("老二", "女"), ("外公", "男")))
    ps.add_kinship(admin, mother, a, "parent")  # 母亲 是 老大 的父母
    ps.add_kinship(admin, b, mother, "child")  # 老二 是 母亲 的子女 (entered from the child's side)
    ps.add_kinship(admin, grandpa, mother, "parent")
    with pytest.raises(ValidationError, match="已经登记"):
        ps.add_kinship(admin, a, mother, "child")
    rows = {(r.name, r.relation, r.inferred) for r in ps.relatives_of(a.id)}
    assert rows == {("母亲", "parent", False), ("老二", "sibling", True), ("外公", "grandparent", True)}
    assert ("老大", "child", False) in {(r.name, r.relation, r.inferred) for r in ps.relatives_of(mother.id)}
    assert ps.close_relatives(a.id) == {mother.id, b.id, grandpa.id}
    assert ("老大", "grandchild", True) in {(r.name, r.relation, r.inferred) for r in ps.relatives_of(grandpa.id)}


def test_register_export_reads_back(village, tmp_path):
    from openpyxl import load_workbook

    from desktop.reports.register_xlsx import HEADERS, write_register_xlsx

    _paths, admin = village
    hs.add_group(admin, "一组")
    home = hs.add_household(admin, "0010", "一组")
    ps.add_person(admin, "王建国", "男", birth_year=1968, birth_month=3, household_entry=home.id,
                  household_relation="户主", phone="13800000000")
    gone = ps.add_person(admin, "李四", "女", birth_year=1950)
    ps.end_stay(admin, gone.id, date(2025, 2, 1), "died", "病故")
    out = write_register_xlsx(tmp_path / "名册.xlsx")
    ws = load_workbook(out).active
    assert "人员名册" in ws["A1"].value
    assert tuple(c.value for c in ws[2]) == HEADERS
    assert [c.value for c in ws[3]][:10] == [1, "王建国", "男", "1968.03", "一组", "0010", "户主", "13800000000",
                                             None, "在册"]
    assert [c.value for c in ws[3]][10:] == [None, None, None]  # 民族, 文化程度, 政治面貌 not recorded
    assert ws.max_row == 3  # the departed only when asked
    assert ws.column_dimensions["I"].width >= 20
    both = load_workbook(write_register_xlsx(tmp_path / "全部.xlsx", include_left=True)).active
    assert {both.cell(row=r, column=2).value: both.cell(row=r, column=10).value for r in (3, 4)}["李四"] \
        == "死亡 2025-02-01"


def test_removed_groups_households_and_links_come_back_from_the_recycle_view_unless_they_clash(village):
    from desktop.services import recycle_service

    _paths, admin = village
    group = hs.add_group(admin, "一组")
    hs.remove_group(admin, group.id)
    home = hs.add_household(admin, "0007")
    hs.remove_household(admin, home.id)
    a, b = ps.add_person(admin, "甲", "男"), ps.add_person(admin, "乙", "女")
    link = ps.add_kinship(admin, a, b, "spouse")
    ps.remove_kinship(admin, link.id)
    listed = {(r.table, r.description) for r in recycle_service.list_deleted()}
    assert {("village_group", "一组"), ("household", "0007"), ("kinship", "甲 — 乙")} <= listed
    ps.add_kinship(admin, b, a, "spouse")
    with pytest.raises(ValidationError, match="已经登记了亲属关系"):
        recycle_service.restore(admin, "kinship", link.id)
    hs.add_group(admin, "一组")
    with pytest.raises(ValidationError, match="不能再恢复同名"):
        recycle_service.restore(admin, "village_group", group.id)
    recycle_service.restore(admin, "household", home.id)
    assert [h.number for h in hs.list_households()] == ["0007"]


def test_an_inferred_sibling_of_a_committee_member_is_refused_for_the_supervision_committee(village):
    from desktop.services import supervision_service

    _paths, admin = village
    parent, member, sibling = (ps.add_person(admin, n, g) for n, g in (("老父亲", "男"), ("村主任", "男"),
                                                                       ("妹妹", "女")))
    ps.add_role(admin, member, "vc_chair", "2021-04-18")
    ps.add_kinship(admin, parent, member, "parent")
    ps.add_kinship(admin, sibling, parent, "child")  # nobody typed 兄弟姐妹: it is inferred
    errors = [str(f.message) for f in supervision_service.check_person(sibling.id) if f.severity == "error"]
    assert any("近亲属" in t and "村主任" in t for t in errors), errors


def test_a_roster_import_moves_the_figures_of_a_village_that_follows_its_register(village, tmp_path):
    from desktop.services import roster_import
    from models.entities import Village

    _paths, admin = village
    village_figures.use_register(admin)
    roster = tmp_path / "花名册.csv"
    roster.write_text("姓名,性别,出生年月,组别,户号,与户主关系\n张一,男,1960.01,一组,0101,户主\n张二,女,1990.05,一组,0101,女\n",
                      encoding="utf-8")
    roster_import.apply(admin, roster_import.preview(roster))
    assert (Village.get().households, Village.get().adult_population) == (1, 2)


def test_the_register_reads_in_the_rosters_order_by_group_household_and_head_first(village):
    """一组 < 二组 < … < 十组 (not 严 < 何 < 冯 by code point); 户号 as numbers; the 户主 before the rest."""
    _paths, admin = village
    for name in ("十组", "二组", "一组"):
        hs.add_group(admin, name)
    # As migration 0010 made them from the names people carried: one position for all, so the number decides.
    VillageGroup.update(position=0).execute()
    tenth = hs.add_household(admin, "2", "十组")
    second = hs.add_household(admin, "10", "二组")
    second_early = hs.add_household(admin, "9", "二组")
    first = hs.add_household(admin, "1", "一组")
    ps.add_person(admin, "严明", "男", household_entry=tenth.id, household_relation="户主")
    ps.add_person(admin, "何丽", "女", household_entry=second.id, household_relation="配偶")
    ps.add_person(admin, "冯刚", "男", household_entry=second.id, household_relation="户主")
    ps.add_person(admin, "陈芳", "女", household_entry=second_early.id, household_relation="户主")
    ps.add_person(admin, "赵小", "男", household_entry=first.id, household_relation="子")
    ps.add_person(admin, "周大", "男", household_entry=first.id, household_relation="户主")
    ps.add_person(admin, "阿无组", "男")

    def names(order: str, search: str = "") -> list[str]:
        return [r.name for r in ps.register(search, order=order)]

    assert names("roster") == ["周大", "赵小", "陈芳", "冯刚", "何丽", "严明", "阿无组"]
    assert [r.name for r in ps.register()] == names("roster")  # the default
    assert names("name") == sorted(names("roster"))
    assert names("name_desc") == sorted(names("roster"), reverse=True)
    assert names("roster", "丽") == ["何丽"]
    # The group's position (the 小组与户 tab's order) comes before its number.
    VillageGroup.update(position=1).where(VillageGroup.name != "十组").execute()
    assert names("roster")[:2] == ["严明", "周大"]
    with pytest.raises(ValueError):
        ps.register_ids(order="shoe size")


def test_an_id_number_typed_into_register_text_is_refused_and_nothing_written(village):
    """The software never stores a 公民身份号码: not in 备注, 电话 or a household's 住址 (issue 15 walk)."""
    _paths, admin = village
    before = _count(Person)
    with pytest.raises(ValidationError, match="备注里像是公民身份号码。本软件不保存身份证号,请删去。"):
        ps.add_person(admin, "张三", "男", note="身份证 330106196803051234")
    with pytest.raises(ValidationError, match="电话里像是公民身份号码") as caught:
        ps.add_person(admin, "张三", "男", phone="330106196803051234")
    assert "330106" not in str(caught.value)  # the message never repeats the number
    assert _count(Person) == before
    kept = ps.add_person(admin, "张三", "男", note="合作社信用代码 913301006091234567")  # no birth date in it
    with pytest.raises(ValidationError, match="备注里像是公民身份号码"):
        ps.edit_person(admin, kept.id, "张三", "男", note="３３０１０６１９６８０３０５１２３Ｘ")  # full-width, typed in Chinese
    assert ps.person(kept.id).note == "合作社信用代码 913301006091234567"
    with pytest.raises(ValidationError, match="住址里像是公民身份号码"):
        hs.add_household(admin, "0009", address="王家村 33010619680305123X")
    assert hs.list_households() == []


def test_records_that_name_a_person_who_left_keep_the_name(village):
    """Leaving the register (迁出/死亡/其他) takes nobody out of the records that name them (issue 15)."""
    from desktop.services import meetings_service, terms_service

    _paths, admin = village
    chair = ps.add_person(admin, "王建国", "男", birth_year=1960, birth_month=1)
    member = ps.add_person(admin, "张明", "男", birth_year=1965, birth_month=4)
    terms_service.appoint(admin, chair.id, "vc_chair", date(2021, 5, 6))
    terms_service.appoint(admin, member.id, "vc_member", date(2021, 5, 6))
    draft = meetings_service.new_draft("village_committee", date(2024, 3, 1))
    assert {a.name for a in draft.attendance} == {"王建国", "张明"}
    meeting_id = meetings_service.save(admin, draft)

    ps.end_stay(admin, member.id, date(2025, 6, 30), "died", "病故")

    assert {a.name for a in meetings_service.load(meeting_id).attendance} == {"王建国", "张明"}
    assert [o.name for o in terms_service.history(member.id)] == ["张明"]
    assert ps.person(member.id).name == "张明" and Person.get_by_id(member.id).deleted is False
    assert "张明" not in {a.name for a in meetings_service.new_draft("village_committee", date(2026, 3, 1)).attendance}
