"""Who may write which column where two roles share a table (issue 16), tried with real logins.

Issue 16, "Trust under attack: who may write what": `write_rights` checked a
table, not its columns, so a 监委会 login, which writes a 村务公开 item to
record its review, could change the item's title and content through
`record_store`; a 村委会成员 login, which writes a 监督事项 to answer it,
could change the committee's findings, close or delete it. Each test does the
allowed part through the real service, then the forbidden column through
`record_store` (the one way records are written): refused with the field named
in Chinese, the database as it was. Each failed on main before
`desktop/services/column_rights.py`.
"""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from desktop.services import decisions_service, record_store, village_figures
from desktop.services import disclosure_service as ds
from desktop.services import supervision_service as sv
from models.db import database
from models.disclosure.financial_table import Line
from models.disclosure.records import DisclosureItem, Feedback
from models.entities import Village
from models.errors import PermissionDenied
from models.meetings.records import DecisionStep
from models.supervision import matters as mm
from models.supervision.records import SupervisionMatter
from tests.support.committee import login_as, member_login, village_committee_login

DAY = date(2026, 11, 5)


def _state(table: str) -> tuple:
    """The change counter, the audit log and every row of `table`: what a refused write leaves alone."""
    rows = database.execute_sql(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
    return (database.execute_sql("SELECT value FROM change_counter").fetchall(),
            database.execute_sql("SELECT COUNT(*), MAX(id) FROM audit_entry").fetchone(),
            hashlib.sha256(repr(rows).encode()).hexdigest())


def _refused(table: str, act, message: str) -> None:
    before = _state(table)
    with pytest.raises(PermissionDenied) as err:
        act()
    assert str(err.value) == message
    assert _state(table) == before


def _in_review_item(secretary) -> str:
    item = ds.create_item(secretary, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    ds.save_table(secretary, item.id, 100000, 864920, [
        Line("2026-10-03", "记-001", "收到上级转移支付", "转移支付", 1200000, 0, "王文书"),
        Line("2026-10-09", "记-002", "购买路灯 12 盏", "基础设施", 0, 435080, "李主任")])
    ds.submit(secretary, item.id, date(2026, 11, 2))
    return item.id


def test_the_committee_reviews_a_disclosure_item_but_cannot_rewrite_it(village):
    """“a 监委会 login (COMMITTEE_REVIEW), which may write disclosure_item to record its review, could
    change any field of a 公开事项 (its title, content, amounts) through record_store”."""
    _, admin = village
    secretary = login_as(admin, "wenshu", "secretary")
    member = member_login(admin)
    item_id = _in_review_item(secretary)
    item = DisclosureItem.get_by_id(item_id)
    _refused("disclosure_item", lambda: record_store.update(member, item, title="2026年10月财务收支公开(已改)"),
             "“监委会主任/委员”账号不能修改公开事项的“标题”:只有管理员、村文书/村支书、村委会成员账号可以。")
    _refused("disclosure_item", lambda: record_store.update(member, item, content="另一份内容"),
             "“监委会主任/委员”账号不能修改公开事项的“公开内容”:只有管理员、村文书/村支书、村委会成员账号可以。")
    _refused("disclosure_item", lambda: record_store.update(member, item, posted_on="2026-11-06", channels='["栏"]'),
             "“监委会主任/委员”账号不能修改公开事项的“公开日期”:只有管理员、村文书/村支书、村委会成员账号可以。")
    _refused("disclosure_item", lambda: record_store.soft_delete(member, item),
             "“监委会主任/委员”账号不能删除或恢复公开事项:只有管理员、村文书/村支书、村委会成员账号可以。")
    _refused("disclosure_item", lambda: record_store.create(
        member, DisclosureItem, category="finance", subject="finance_monthly", period_kind="month",
        period="2026-11", title="2026年11月财务收支公开"),
        "“监委会主任/委员”账号只能新建“民主评议结果”这一项公开事项:其他的由管理员、村文书/村支书、村委会成员账号新建。")
    # Its own part, through the real service: the review.
    ds.review(member, item_id, DAY, True)
    assert ds.status(DisclosureItem.get_by_id(item_id)) == "approved"
    assert DisclosureItem.get_by_id(item_id).title == "2026年10月财务收支公开"


def test_the_village_committee_cannot_forge_the_committees_review(village):
    """The same hole from the other side: a 村委会成员 (EDIT_RECORDS) wrote “审核通过” on its own item
    through record_store, and posted it without the 监委会 ever seeing it."""
    _, admin = village
    chair = village_committee_login(admin)
    member = member_login(admin)
    item_id = _in_review_item(chair)
    item = DisclosureItem.get_by_id(item_id)
    _refused("disclosure_item", lambda: record_store.update(
        chair, item, review_result="approved", reviewed_on="2026-11-05", reviewed_by="周监委"),
        "“村委会成员”账号不能修改公开事项的“审核结果”:只有监委会主任/委员账号可以。")
    _refused("disclosure_item", lambda: record_store.update(chair, item, reviewed_by="周监委"),
             "“村委会成员”账号不能修改公开事项的“审核人”:只有监委会主任/委员账号可以。")
    # A returned item goes back to review: submitting again empties the old result (its own part).
    ds.review(member, item_id, DAY, False, "缺少凭证")
    ds.submit(chair, item_id, date(2026, 11, 6))
    assert ds.status(DisclosureItem.get_by_id(item_id)) == "in_review"
    assert DisclosureItem.get_by_id(item_id).reviewed_by == "周监委"


def _notified_matter(member) -> str:
    m = sv.open_matter(member, "报销凭证缺少经手人签字", "property", "inspection", date(2026, 11, 1),
                       findings="三张凭证无经手人签字")
    sv.advance(member, m.id, mm.NOTIFIED, date(2026, 11, 2), "请补签", deadline=date(2026, 11, 30))
    return m.id


@pytest.mark.parametrize("role", ["village_committee", "secretary"])
def test_the_village_committee_answers_a_matter_but_cannot_rewrite_or_close_it(village, role):
    """“likewise a 村委会成员 (EDIT_RECORDS) may write supervision_matter to answer, and could then change
    the 监委会's findings or close it”."""
    _, admin = village
    who = village_committee_login(admin) if role == "village_committee" else login_as(admin, "wenshu", "secretary")
    label = {"village_committee": "村委会成员", "secretary": "村文书/村支书"}[role]
    member = member_login(admin)
    matter_id = _notified_matter(member)
    sv.advance(who, matter_id, mm.ANSWERED, date(2026, 11, 3), "已补签")  # its own part: the answer
    matter = SupervisionMatter.get_by_id(matter_id)
    assert matter.answer == "已补签"
    _refused("supervision_matter", lambda: record_store.update(who, matter, findings="无问题"),
             f"“{label}”账号不能修改监督事项的“发现的问题”:只有监委会主任/委员账号可以。")
    _refused("supervision_matter", lambda: record_store.update(who, matter, closed_on="2026-11-04", closed_by="x"),
             f"“{label}”账号不能修改监督事项的“办结日期”:只有监委会主任/委员账号可以。")
    _refused("supervision_matter", lambda: record_store.update(who, matter, verified_on="2026-11-04",
                                                               verification="已核实"),
             f"“{label}”账号不能修改监督事项的“核实日期”:只有监委会主任/委员账号可以。")
    _refused("supervision_matter", lambda: record_store.update(who, matter, deadline="2027-12-31"),
             f"“{label}”账号不能修改监督事项的“整改期限”:只有监委会主任/委员账号可以。")
    _refused("supervision_matter", lambda: record_store.soft_delete(who, matter),
             f"“{label}”账号不能删除或恢复监督事项:只有监委会主任/委员账号可以。")
    _refused("supervision_matter", lambda: record_store.create(
        who, SupervisionMatter, title="已自查", area="property", source="inspection", opened_on="2026-11-01",
        closed_on="2026-11-01"),
        f"“{label}”账号不能新建监督事项:只有监委会主任/委员账号可以。")
    # The committee goes on: verifies and closes.
    sv.advance(member, matter_id, mm.VERIFIED, date(2026, 11, 4), "已核实")
    sv.advance(member, matter_id, mm.CLOSED, date(2026, 11, 5))
    assert SupervisionMatter.get_by_id(matter_id).findings == "三张凭证无经手人签字"


def test_the_committee_cannot_write_the_village_committees_answer(village):
    """The same hole from the committee's side: a 监委会 login wrote the 村委会's answer to its own matter
    through record_store (`duties.why_not_answer` refuses it in the service)."""
    _, admin = village
    member = member_login(admin)
    matter = SupervisionMatter.get_by_id(_notified_matter(member))
    _refused("supervision_matter", lambda: record_store.update(
        member, matter, answer="已整改", answered_on="2026-11-03", answered_by="zhuren"),
        "“监委会主任/委员”账号不能修改监督事项的“村委会答复”:只有管理员、村文书/村支书、村委会成员账号可以。")
    sv.escalate(member, matter.id, date(2026, 12, 5))  # its own part: report the overdue matter
    assert SupervisionMatter.get_by_id(matter.id).escalated_on == "2026-12-05"


def test_the_committee_gives_its_opinion_on_a_step_but_cannot_change_the_step(village):
    """The same hole in 四议两公开: a 监委会 login, which writes a decision_step to sign its opinion,
    could move the step's date, its meeting or its note through record_store."""
    _, admin = village
    member = member_login(admin)
    from desktop.services import meetings_service

    meeting = meetings_service.save(admin, meetings_service.new_draft("party_branch_committee", date(2026, 10, 5)))
    register = decisions_service.create_register(admin, "修建村道")
    step_id = decisions_service.add_step(admin, register.id, "propose", date(2026, 10, 5), meeting,
                                         note="党支部提议").id
    step = DecisionStep.get_by_id(step_id)
    _refused("decision_step", lambda: record_store.update(member, step, done_on="2026-09-01"),
             "“监委会主任/委员”账号不能修改四议两公开步骤的“日期”:只有管理员、村文书/村支书、村委会成员账号可以。")
    _refused("decision_step", lambda: record_store.update(member, step, note="无"),
             "“监委会主任/委员”账号不能修改四议两公开步骤的“备注”:只有管理员、村文书/村支书、村委会成员账号可以。")
    _refused("decision_step", lambda: record_store.soft_delete(member, step),
             "“监委会主任/委员”账号不能删除或恢复四议两公开步骤:只有管理员、村文书/村支书、村委会成员账号可以。")
    decisions_service.set_committee_opinion(member, step_id, "同意")  # its own part
    assert DecisionStep.get_by_id(step_id).committee_opinion == "同意"
    assert DecisionStep.get_by_id(step_id).done_on == "2026-10-05"


def test_the_committee_logs_a_villagers_question_but_cannot_answer_or_rewrite_it(village):
    """The same hole in 村民反映: a 监委会 login, which logs a villager's 意见 and reports it to the township,
    could rewrite what the villager said or the 村委会's answer through record_store."""
    _, admin = village
    member = member_login(admin)
    chair = village_committee_login(admin)
    logged = ds.add_feedback(member, date(2026, 10, 1), "路灯费用是否过高?", "王五")  # its own part
    row = Feedback.get_by_id(logged.id)
    _refused("feedback", lambda: record_store.update(member, row, content="没有意见"),
             "“监委会主任/委员”账号不能修改村民意见的“内容”:只有管理员、村文书/村支书、村委会成员账号可以。")
    _refused("feedback", lambda: record_store.update(member, row, answer="费用合理", answered_on="2026-10-02"),
             "“监委会主任/委员”账号不能修改村民意见的“答复内容”:只有管理员、村文书/村支书、村委会成员账号可以。")
    _refused("feedback", lambda: record_store.create(
        member, Feedback, received_on="2026-10-01", content="问", answer="答", answered_on="2026-10-01"),
        "“监委会主任/委员”账号新建村民意见时不能填写“答复内容”:只有管理员、村文书/村支书、村委会成员账号可以。")
    ds.escalate_feedback(member, logged.id, date(2026, 11, 1))  # its own part
    ds.answer_feedback(chair, logged.id, date(2026, 11, 2), "费用已公示")  # the 村委会's
    assert Feedback.get_by_id(logged.id).content == "路灯费用是否过高?"


def test_the_secretary_keeps_the_villages_figures_but_cannot_rename_it_or_change_its_province(village):
    """The same hole in the village's own row: the secretary (EDIT_REGISTER), which writes the village's
    户数 and population, could change its name, code or province (an administrator's decision)."""
    _, admin = village
    secretary = login_as(admin, "wenshu", "secretary")
    own = Village.get(Village.code == "330106001001")
    _refused("village", lambda: record_store.update(secretary, own, province="national"),
             "“村文书/村支书”账号不能修改村庄信息的“省份配置”:只有管理员账号可以。")
    _refused("village", lambda: record_store.update(secretary, own, name="绿水村"),
             "“村文书/村支书”账号不能修改村庄信息的“村名称”:只有管理员账号可以。")
    village_figures.set_official(secretary, 312, 905)  # its own part
    assert (Village.get_by_id(own.id).households, Village.get_by_id(own.id).province) == (312, "zhejiang")


def test_the_village_committee_cannot_bring_back_a_matter_the_committee_deleted(village):
    """The same hole through the 回收站: a 监督事项 the 监委会 deleted came back for any EDIT_RECORDS login
    (村文书, 村委会成员), and the committee, whose record it is, could not restore it."""
    from desktop.services import recycle_service

    _, admin = village
    secretary = login_as(admin, "wenshu", "secretary")
    member = member_login(admin)
    matter_id = _notified_matter(member)
    record_store.soft_delete(member, SupervisionMatter.get_by_id(matter_id))  # the committee's own record
    _refused("supervision_matter", lambda: recycle_service.restore(secretary, "supervision_matter", matter_id),
             "“村文书/村支书”账号不能删除或恢复监督事项:只有监委会主任/委员账号可以。")
    recycle_service.restore(member, "supervision_matter", matter_id)
    assert not SupervisionMatter.get_by_id(matter_id).deleted


# --- the meetings: shared row by row, not column by column --------------------------------------

def test_the_committee_keeps_its_own_minutes_but_cannot_rewrite_the_village_meetings(village):
    """“the committee may write meetings/minutes of its own body only”: `meetings_service` refused it, but
    `record_store` let a 监委会 login rewrite, extend or delete a 村民代表会议's minutes."""
    from desktop.services import meetings_service
    from models.meetings.records import AgendaItem, Meeting

    _, admin = village
    member = member_login(admin)
    assembly = meetings_service.save(admin, meetings_service.new_draft("representatives", date(2026, 10, 5)))
    row = Meeting.get_by_id(assembly)
    refusal = "“监委会主任/委员”账号只能记录监委会自己的会议,不能记录或修改村民代表会议:它由村文书或村委会成员记录。"
    _refused("meeting", lambda: record_store.update(member, row, title="改过的会议"), refusal)
    _refused("meeting", lambda: record_store.soft_delete(member, row), refusal)
    _refused("agenda_item", lambda: record_store.create(member, AgendaItem, meeting=assembly, title="加的议题"),
             refusal)
    own = meetings_service.save(member, meetings_service.new_draft("supervision", date(2026, 10, 6)))
    _refused("meeting", lambda: record_store.update(member, Meeting.get_by_id(own), type_code="representatives"),
             refusal)
    record_store.update(member, Meeting.get_by_id(own), title="监委会十月例会")  # its own minutes
    assert Meeting.get_by_id(own).title == "监委会十月例会"


def test_the_village_committee_cannot_touch_the_committees_minutes_through_record_store(village, tmp_path):
    """The same hole the meetings page closed (a 村委会成员 login wrote the 监委会's minutes), still open
    through `record_store`: an agenda item added, the title changed, a 附件 attached directly."""
    from desktop.services import meetings_service
    from models.meetings.records import AgendaItem, Attachment, Meeting

    _, admin = village
    chair = village_committee_login(admin)
    member = member_login(admin)
    mid = meetings_service.save(member, meetings_service.new_draft("supervision", date(2026, 10, 5)))
    refusal = "村委会成员的账号不能记录监委会的会议:监委会会议由监委会成员或村文书记录。"
    _refused("meeting", lambda: record_store.update(chair, Meeting.get_by_id(mid), title="改过的会议"), refusal)
    _refused("agenda_item", lambda: record_store.create(chair, AgendaItem, meeting=mid, title="加的议题"), refusal)
    _refused("attachment", lambda: record_store.create(
        chair, Attachment, table_name="meeting", record_id=mid, sha256="0" * 64, filename="假签到表.png"), refusal)
    own = meetings_service.save(chair, meetings_service.new_draft("village_committee", date(2026, 10, 6)))
    _refused("meeting", lambda: record_store.update(chair, Meeting.get_by_id(own), type_code="supervision"), refusal)
    record_store.update(chair, Meeting.get_by_id(own), title="村委会十月例会")  # its own meetings
    assert Meeting.get_by_id(own).title == "村委会十月例会"
