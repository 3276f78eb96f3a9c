"""A day-one village's register, terms and sign-offs travel to the township intact, and back not at all.

Issue 15's schema 10 added 村民小组, 户, 村民代表联系户 and columns on people,
terms and the 监委会's sign-offs. Here a village enters them through its
services (as the screens do), exports a real package, and the township
imports it: every table and column arrives as the village has it; the next
package carries only what changed, deletions as tombstones; the township's
return package carries none of the village's records; importing again changes
nothing.
"""

from __future__ import annotations

from datetime import date

from desktop.services import (
    auth_service,
    compliance_service,
    households_service,
    people_service,
    setup_service,
    terms_service,
    township_home,
    village_figures,
    villages_service,
)
from desktop.services import disclosure_service as ds
from desktop.services import supervision_service as sv
from desktop.sync import exporter, importer
from models.db import close_database, database
from models.disclosure.financial_table import Line
from models.supervision import matters as mm
from tests.support.committee import login_as, member_login
from tests.support.first_contact import confirmed_by
from tests.support.sites import ADMIN_PASSWORD, VILLAGE_CODE, canonical_dump, full_dump, make_pair

#: The tables issue 15 added, and the ones it gave new columns.
NEW_TABLES = ("village_group", "household", "represented_household")
REGISTER = ("village_group", "household", "person", "person_role", "represented_household", "kinship",
            "committee_term", "committee_member")


def _one(sql: str, *params):
    return database.execute_sql(sql, params).fetchone()


def _day_one(admin) -> dict[str, str]:
    """Everything a secretary and the committee enter on day one; returns the ids the tests follow."""
    for name in ("一组", "二组", "三组"):
        households_service.add_group(admin, name)
    h1 = households_service.add_household(admin, "001", "一组", "青山路 1 号")
    h2 = households_service.add_household(admin, "002", "二组", "青山路 2 号")
    empty = households_service.add_household(admin, "003", "二组", "青山路 3 号")
    head = people_service.add_person(admin, "王建国", "男", birth_year=1970, birth_month=5,
                                     household_entry=h1.id, household_relation="户主", phone="13800000001")
    wife = people_service.add_person(admin, "李秀英", "女", birth_year=1972, birth_month=8,
                                     household_entry=h1.id, household_relation="配偶")
    son = people_service.add_person(admin, "王小明", "男", birth_year=1996, birth_month=1,
                                    household_entry=h1.id, household_relation="长子")
    people_service.end_stay(admin, son.id, "2026-03-01", "moved_out", "考入杭州工作,户口迁出")
    rep = people_service.add_person(admin, "张卫东", "男", birth_year=1982, birth_month=1,
                                    household_entry=h2.id, household_relation="户主")
    spouse_link = people_service.add_kinship(admin, wife, head, "spouse")
    child_link = people_service.add_kinship(admin, son, head, "child")
    chair = terms_service.appoint(admin, head.id, "vc_chair", date(2021, 4, 18)).office
    terms_service.end_office(admin, chair.id, date(2026, 6, 30), "resigned", "身体原因")
    represents = terms_service.appoint(admin, rep.id, "representative", date(2021, 4, 18),
                                       household_ids=[h1.id, h2.id]).office
    member = member_login(admin, "weiyuan", "周监委")
    removed = member_login(admin, "likai", "李监委")
    seat = _one("SELECT id FROM committee_member WHERE person_id = ?", removed.person_id)[0]
    sv.end_seat(admin, seat, date(2026, 9, 1), "ineligible", "与村委会主任系近亲属")
    secretary = login_as(admin, "wenshu", "secretary")
    item = ds.create_item(secretary, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    ds.save_table(secretary, item.id, 100000, 864920, [
        Line("2026-10-03", "记-001", "收到上级转移支付", "转移支付", 1200000, 0, "王文书"),
        Line("2026-10-09", "记-002", "购买路灯 12 盏", "基础设施", 0, 435080, "李主任")])
    ds.submit(secretary, item.id, date(2026, 11, 2))
    ds.review(member, item.id, date(2026, 11, 5), True)
    sv.add_voucher_review(member, "2026-10", date(2026, 11, 5), 12, 100000, "周监委")
    matter = sv.open_matter(member, "报销凭证缺少经手人签字", "property", "inspection", date(2026, 11, 1))
    sv.advance(member, matter.id, mm.NOTIFIED, date(2026, 11, 2), "请补签", deadline=date(2026, 11, 30))
    sv.advance(secretary, matter.id, mm.ANSWERED, date(2026, 11, 3), "已补签")
    sv.advance(member, matter.id, mm.VERIFIED, date(2026, 11, 4), "已核实")
    sv.advance(member, matter.id, mm.CLOSED, date(2026, 11, 5))
    return {"group": households_service.list_groups()[2].id, "household": empty.id, "kinship": child_link.id,
            "spouse_link": spouse_link.id, "head": head.id, "son": son.id, "chair": chair.id, "rep": represents.id,
            "seat": seat, "item": item.id, "matter": matter.id}


def _village_with_day_one(tmp_path):
    township, village, usb = make_pair(tmp_path, years=0, demo=False)
    village.use()
    setup_service.create_user(None, "admin", "管理员", "admin", ADMIN_PASSWORD, ADMIN_PASSWORD)
    admin = auth_service.login("admin", ADMIN_PASSWORD)
    ids = _day_one(admin)
    village_figures.use_register(admin)  # 户数 from the register: the households with someone on it
    return township, village, usb, admin, ids


def test_day_one_travels_intact_incrementally_with_tombstones_and_never_comes_back(tmp_path):
    township, village, usb, admin, ids = _village_with_day_one(tmp_path)
    first = exporter.export_package(admin, village.paths, usb)
    close_database()
    for table in (*NEW_TABLES, "person", "person_role", "kinship", "committee_member", "supervision_matter",
                  "voucher_review", "disclosure_item"):
        assert first.counts.get(table), table
    assert "user" not in first.counts  # accounts never travel

    session = township.use()
    plan = importer.apply_import(session, first.path, township.paths, backup=False, confirm=confirmed_by(village.paths))
    assert plan.total("conflict") == 0 and not any("身份" in w for w in plan.warnings)
    # every column of every table, exactly as the village has it
    close_database()
    assert canonical_dump(township.paths.database, VILLAGE_CODE) == canonical_dump(
        village.paths.database, VILLAGE_CODE)
    township.use()
    assert _one("SELECT household_relation, birth_month FROM person WHERE id = ?", ids["head"]) == ("户主", 5)
    assert _one("SELECT left_on, left_kind, left_reason FROM person WHERE id = ?", ids["son"]) == (
        "2026-03-01", "moved_out", "考入杭州工作,户口迁出")
    assert _one("SELECT end_date, end_reason FROM person_role WHERE id = ?", ids["chair"]) == (
        "2026-06-30", "辞职:身体原因")
    assert _one("SELECT count(*) FROM represented_household WHERE role_id = ?", ids["rep"]) == (2,)
    assert _one("SELECT left_on, left_reason FROM committee_member WHERE id = ?", ids["seat"]) == (
        "2026-09-01", "不再符合任职条件:与村委会主任系近亲属")
    assert _one("SELECT submitted_by, reviewed_by FROM disclosure_item WHERE id = ?", ids["item"])[0] == "wenshu"
    assert _one("SELECT answered_by, closed_by FROM supervision_matter WHERE id = ?", ids["matter"]) == (
        "wenshu", "weiyuan")
    assert _one("SELECT recorded_by FROM voucher_review") == ("weiyuan",)
    assert _one("SELECT count(*) FROM sqlite_master WHERE name = 'user'") == (1,)
    assert _one("SELECT count(*) FROM user WHERE person_id != ''") == (0,)  # the village's logins stayed there

    # the same package again: nothing changes
    close_database()
    before = full_dump(township.paths.database)
    session = township.use()
    assert importer.apply_import(session, first.path, township.paths, backup=False,
                                 confirm=confirmed_by(village.paths)).already_imported
    close_database()
    assert full_dump(township.paths.database) == before
    # the township's return package carries none of the village's records
    session = township.use()
    back = exporter.export_package(session, township.paths, usb, recipient_code=VILLAGE_CODE)
    assert not set(back.counts) & set(REGISTER), back.counts
    close_database()
    village_before = canonical_dump(village.paths.database, VILLAGE_CODE)
    session = village.use()
    importer.apply_import(session, back.path, village.paths, backup=False)
    close_database()
    assert canonical_dump(village.paths.database, VILLAGE_CODE) == village_before

    # 回收站: a group, a household and a kinship link; one note changed
    village.use()
    households_service.remove_group(admin, ids["group"])
    households_service.remove_household(admin, ids["household"])
    people_service.remove_kinship(admin, ids["kinship"])
    people_service.edit_person(admin, ids["head"], "王建国", "男", note="2026 年起任村民小组长")
    second = exporter.export_package(admin, village.paths, usb)
    close_database()
    assert second.counts == {"village_group": 1, "household": 1, "kinship": 1, "person": 1}, second.counts

    session = township.use()
    plan = importer.apply_import(session, second.path, township.paths, backup=False,
                                 confirm=confirmed_by(village.paths))
    deleted = {t.table: t.deleted for t in plan.tables if t.deleted}
    assert deleted == {"village_group": 1, "household": 1, "kinship": 1}
    assert _one("SELECT deleted FROM village_group WHERE id = ?", ids["group"]) == (1,)
    assert _one("SELECT deleted FROM household WHERE id = ?", ids["household"]) == (1,)
    assert _one("SELECT deleted FROM kinship WHERE id = ?", ids["kinship"]) == (1,)
    assert _one("SELECT deleted FROM kinship WHERE id = ?", ids["spouse_link"]) == (0,)
    close_database()
    assert canonical_dump(township.paths.database, VILLAGE_CODE) == canonical_dump(
        village.paths.database, VILLAGE_CODE)

    # a full package of the same records changes nothing at the township
    village.use()
    full = exporter.export_package(admin, village.paths, usb, full=True)
    close_database()
    before = canonical_dump(township.paths.database, VILLAGE_CODE)
    session = township.use()
    plan = importer.apply_import(session, full.path, township.paths, backup=False, confirm=confirmed_by(village.paths))
    assert plan.total("new") == plan.total("changed") == plan.total("conflict") == 0
    assert plan.total("same") == full.records
    close_database()
    assert canonical_dump(township.paths.database, VILLAGE_CODE) == before


def test_the_townships_screens_read_a_day_one_village(tmp_path):
    """villages page (户数 from the village's register), 合规 board and home page, on the new data."""
    township, village, usb, admin, _ids = _village_with_day_one(tmp_path)
    package = exporter.export_package(admin, village.paths, usb)
    close_database()
    session = township.use()
    importer.apply_import(session, package.path, township.paths, backup=False, confirm=confirmed_by(village.paths))
    [row] = villages_service.register(township.paths).rows
    assert (row.code, row.households, row.last_in_no) == (VILLAGE_CODE, 2, 1)
    board = compliance_service.board("2026Q4", today=date(2026, 12, 4))
    assert VILLAGE_CODE in [v.code for v in board.villages]
    assert township_home.summary(township.paths, today=date(2026, 12, 4)) is not None
