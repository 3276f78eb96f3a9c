"""The 公开目录 as data: built-ins per profile plus the village's own subjects, and 随时 obligations."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from desktop.services import auth_service, setup_service
from desktop.services import disclosure_service as ds
from models.audit import AuditEntry
from models.disclosure import calendar as cal
from models.disclosure import catalogue as cat
from models.disclosure.records import DisclosureSubject
from models.errors import PermissionDenied, ValidationError
from tests.support.committee import member_login


def codes(province, own=()):
    return [s.code for s in cat.effective(province, list(own))]


def test_province_profiles_add_their_mandatory_items():
    assert "debts" in codes("chongqing") and "debts" in codes("henan")
    assert "major_matters" in codes("zhejiang") and "major_matters" not in codes("chongqing")
    assert set(codes("national")) == set(cat.SUBJECTS)
    assert set(codes("beijing")) == set(cat.SUBJECTS)  # no additions named: the national built-ins
    assert not any(code.startswith(cat.CUSTOM_PREFIX) for code in cat.ALL_BUILTIN)


def test_effective_catalogue_groups_by_category_with_own_subjects_last_in_their_group():
    own = [cat.Subject("custom_a", "美丽乡村建设", cat.VILLAGE, cat.AD_HOC, False),
           cat.Subject("custom_b", "停用的", cat.FINANCE, cat.YEAR, False, active=False)]
    rows = cat.effective("zhejiang", own)
    assert [s.category for s in rows] == sorted((s.category for s in rows), key=list(cat.CATEGORIES).index)
    village = [s.code for s in rows if s.category == cat.VILLAGE]
    assert village[-1] == "custom_a"
    assert "custom_b" not in [s.code for s in rows]
    assert "custom_b" in [s.code for s in cat.effective("zhejiang", own, include_inactive=True)]


def _users(admin):
    setup_service.create_user(admin, "wenshu", "村文书", "secretary", "Pass-1234")
    setup_service.create_user(admin, "jianwei", "监委会主任", "committee", "Pass-1234")
    setup_service.create_user(admin, "kan", "只读", "viewer", "Pass-1234")
    return (auth_service.login(n, "Pass-1234") for n in ("wenshu", "jianwei", "kan"))


def test_a_village_adds_renames_and_stops_its_own_subjects(village):
    _, admin = village
    secretary, committee, viewer = _users(admin)
    subject = ds.add_subject(secretary, "  美丽乡村 建设项目 ", cat.VILLAGE, cat.AD_HOC)
    assert subject.code.startswith(cat.CUSTOM_PREFIX) and subject.label == "美丽乡村 建设项目"
    row = DisclosureSubject.get(DisclosureSubject.code == subject.code)
    assert row.owner == "330106001001" and row.seq > 0  # synced, through record_store
    assert AuditEntry.select().where(AuditEntry.record_id == row.id).count() == 1
    assert subject.code in [s.code for s in ds.subject_catalogue()]

    item = ds.create_item(secretary, subject.code, "", "村口道路硬化", event_date=date(2026, 5, 3))
    assert (item.category, item.period_kind, item.period) == (cat.VILLAGE, cat.AD_HOC, "2026-05-03")
    ds.update_subject(secretary, subject.code, "美丽乡村建设", cat.VILLAGE, cat.AD_HOC)
    assert ds.subject_label(item.subject) == "美丽乡村建设"  # the item follows the rename
    assert ds.own_subject_labels() == {subject.code: "美丽乡村建设"}
    with pytest.raises(ValidationError) as err:
        ds.update_subject(secretary, subject.code, "美丽乡村建设", cat.FINANCE, cat.AD_HOC)
    assert "不能再改类别" in str(err.value)

    ds.set_subject_active(secretary, subject.code, False)
    assert subject.code not in [s.code for s in ds.subject_catalogue()]
    assert ds.subject_label(item.subject) == "美丽乡村建设"  # old items keep their label
    with pytest.raises(ValidationError) as err:
        ds.create_item(secretary, subject.code, "", "又一项", event_date=date(2026, 6, 1))
    assert "已经停用" in str(err.value)
    with pytest.raises(ValidationError) as err:
        ds.add_subject(secretary, "美丽乡村建设", cat.VILLAGE, cat.AD_HOC)
    assert "重新启用" in str(err.value)
    ds.set_subject_active(secretary, subject.code, True)
    assert subject.code in [s.code for s in ds.subject_catalogue()]

    for who in (committee, viewer):  # whoever may not edit items may not edit the catalogue
        with pytest.raises(PermissionDenied):
            ds.add_subject(who, "集体经济分红", cat.FINANCE, cat.YEAR)
        with pytest.raises(PermissionDenied):
            ds.set_subject_active(who, subject.code, False)


@pytest.mark.parametrize(("label", "words"), [
    ("", "请填写公开事项的名称"),
    ("   ", "请填写公开事项的名称"),
    ("工程项目", "内置的“工程项目”"),
    ("工程 项目", "内置的“工程项目”"),  # spaces do not make it another subject
    ("投入资金５万元以上的重大事项", "内置的"),  # 浙江's own built-in; full-width digits are the same
    ("集体经济分红", "已经有“集体经济分红”"),
    ("分" * 33, "不超过 32 个字"),
])
def test_empty_long_or_duplicate_labels_are_explained_in_chinese(village, label, words):
    _, admin = village
    ds.add_subject(admin, "集体经济分红", cat.FINANCE, cat.YEAR)
    before = DisclosureSubject.select().count()
    with pytest.raises(ValidationError) as err:
        ds.add_subject(admin, label, cat.VILLAGE, cat.QUARTER)
    assert words in str(err.value)
    assert DisclosureSubject.select().count() == before  # nothing half-saved


def test_built_in_subjects_cannot_be_changed_and_bad_choices_are_refused(village):
    _, admin = village
    with pytest.raises(ValidationError) as err:
        ds.update_subject(admin, "projects", "工程", cat.VILLAGE, cat.AD_HOC)
    assert "内置" in str(err.value)
    with pytest.raises(ValidationError):
        ds.set_subject_active(admin, "finance_monthly", False)
    with pytest.raises(ValidationError):
        ds.add_subject(admin, "某事", "nonsense", cat.AD_HOC)
    with pytest.raises(ValidationError):
        ds.add_subject(admin, "某事", cat.VILLAGE, "weekly")
    own = ds.add_subject(admin, "某事", cat.VILLAGE, cat.QUARTER)
    with pytest.raises(ValidationError) as err:
        ds.update_subject(admin, own.code, "工程项目", cat.VILLAGE, cat.QUARTER)
    assert "内置" in str(err.value)


def test_a_province_subject_is_offered_only_under_its_profile(village):
    _, admin = village  # 浙江
    ds.create_item(admin, "major_matters", "", "村委会办公楼改造", event_date=date(2026, 3, 2))
    with pytest.raises(ValidationError):
        ds.create_item(admin, "population", "2026Q1", "人口变动", period_kind="quarter")  # 重庆's


def test_export_shows_the_village_s_own_labels(village, tmp_path):
    from desktop.reports.disclosure_xlsx import write_year_xlsx

    _, admin = village
    own = ds.add_subject(admin, "集体经济分红", cat.FINANCE, cat.YEAR)
    ds.create_item(admin, own.code, "2026", "2026年集体经济分红方案")
    ds.create_item(admin, "major_matters", "", "村委会办公楼改造", event_date=date(2026, 3, 2))
    book = load_workbook(write_year_xlsx(2026, tmp_path / "2026.xlsx"))
    subjects = {row[1] for row in book["公开事项"].iter_rows(min_row=3, values_only=True)}
    assert subjects == {"集体经济分红", "投入资金5万元以上的重大事项"}


# --- 随时 obligations --------------------------------------------------------------------

@pytest.mark.parametrize(("province", "event", "due"), [
    ("chongqing", date(2026, 5, 1), date(2026, 5, 11)),  # 重庆: within 10 days of the event
    ("chongqing", date(2026, 12, 28), date(2027, 1, 7)),  # across the year end
    ("zhejiang", date(2026, 2, 20), date(2026, 3, 2)),  # the law says 随时: national practice, 10 days
    ("shandong", date(2024, 2, 25), date(2024, 3, 6)),  # leap year
    ("national", date(2026, 6, 30), date(2026, 7, 10)),
])
def test_ad_hoc_deadline_per_profile(province, event, due):
    o = cal.ad_hoc_obligation(event, province)
    assert (o.kind, o.period, o.due) == ("ad_hoc", event.isoformat(), due)
    assert cal.status(o.due, due, due) == cal.DONE_ON_TIME  # posted on the due day itself
    assert cal.status(o.due, date.fromordinal(due.toordinal() + 1), due) == cal.DONE_LATE  # the next day
    assert cal.status(o.due, None, due) == cal.DUE_SOON
    assert cal.status(o.due, None, date.fromordinal(due.toordinal() + 1)) == cal.OVERDUE


def _post(secretary, committee, item_id, on):
    ds.submit(secretary, item_id, on)
    ds.review(committee, item_id, on, True)
    ds.post(secretary, item_id, on, ["村务公开栏"], date.fromordinal(on.toordinal() + 30))


@pytest.mark.parametrize(("province", "days"), [("chongqing", 10), ("zhejiang", 10), ("shandong", 10)])
def test_calendar_year_lists_each_ad_hoc_item_with_its_state(store, province, days):
    setup_service.initialize("village", "青山村", "500101001001", province)
    setup_service.create_user(None, "admin", "管理员", "admin", "Admin-1234", "Admin-1234")
    admin = auth_service.login("admin", "Admin-1234")
    committee = member_login(admin, "jianwei", "周监委")  # a member's own login signs
    today = date(2026, 6, 20)

    def item(event, title):
        return ds.create_item(admin, "projects", "", title, event_date=event).id

    on_time = item(date(2026, 3, 1), "准时")  # posted on the due day
    _post(admin, committee, on_time, date.fromordinal(date(2026, 3, 1).toordinal() + days))
    late = item(date(2026, 4, 1), "晚了一天")
    _post(admin, committee, late, date.fromordinal(date(2026, 4, 1).toordinal() + days + 1))
    overdue = item(date.fromordinal(today.toordinal() - days - 1), "逾期未公开")
    due_today = item(date.fromordinal(today.toordinal() - days), "今天到期")
    item(date(2026, 7, 1), "还没发生")  # a planned event is no obligation yet
    item(date(2025, 12, 30), "去年的事")  # listed under 2025

    rows = [r for r in ds.calendar_year(2026, today) if r.kind == "ad_hoc"]
    assert [(r.item_id, r.status) for r in rows] == [
        (on_time, cal.DONE_ON_TIME), (late, cal.DONE_LATE), (overdue, cal.OVERDUE), (due_today, cal.DUE_SOON)]
    assert rows[0].subject == "projects" and rows[0].title == "准时"
    assert rows[0].due == date.fromordinal(date(2026, 3, 1).toordinal() + days).isoformat()
    assert [r.title for r in ds.calendar_year(2025, today) if r.kind == "ad_hoc"] == ["去年的事"]
    assert {r.kind for r in ds.calendar_year(2026, today)} >= {"quarterly", "ad_hoc"}


def test_period_words_for_every_kind():
    from models.disclosure import catalogue as c

    assert c.period_label(c.MONTH, "2026-10") == "2026年10月"
    assert c.period_label(c.QUARTER, "2026Q3") == "2026年第3季度"
    assert c.period_label(c.HALF, "2026H2") == "2026年下半年"
    assert c.period_label(c.YEAR, "2026") == "2026年"
    assert c.period_label(c.AD_HOC, "2026-05-12") == "随时(2026年5月12日事项)"
