"""Separation of duties: every 监委会 sign-off only from a current member's own login; the 村委会 answers.

Each sign-off is tried by the administrator, the command line, a committee
login whose person holds no seat, a member whose seat ended (for a day after
it), and a member on a day their seat covers (accepted). The submitter of a
村务公开 item cannot approve it, even from a committee login of their own.
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import disclosure_service as ds
from desktop.services import duties, people_service
from desktop.services import supervision_service as sv
from desktop.services.session import cli_session
from models.disclosure.financial_table import Line
from models.errors import PermissionDenied
from models.roles import Permission, has_permission
from models.supervision import matters as mm
from tests.support.committee import login_as, member_login, person_record, village_committee_login

DAY = date(2026, 11, 5)
LATER = date(2026, 12, 5)
LEFT = date(2026, 11, 20)


def _in_review_item(secretary) -> str:
    item = ds.create_item(secretary, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    ds.save_table(secretary, item.id, 100000, 864920, [
        Line("2026-10-03", "记-001", "收到上级转移支付", "转移支付", 1200000, 0, "王文书"),
        Line("2026-10-09", "记-002", "购买路灯 12 盏", "基础设施", 0, 435080, "李主任")])
    ds.submit(secretary, item.id, date(2026, 11, 2))
    return item.id


def _notified_matter(member) -> str:
    m = sv.open_matter(member, "报销凭证缺少经手人签字", "property", "inspection", date(2026, 11, 1))
    sv.advance(member, m.id, mm.NOTIFIED, date(2026, 11, 2), "请补签", deadline=date(2026, 11, 30))
    return m.id


def _answered_matter(member, answerer) -> str:
    matter = _notified_matter(member)
    sv.advance(answerer, matter, mm.ANSWERED, date(2026, 11, 3), "已补签")
    sv.advance(member, matter, mm.VERIFIED, date(2026, 11, 4), "已核实")
    return matter


# Each sign-off: (what it needs prepared, the act by `who` on `day`).
def _review(ctx, who, day):
    ds.review(who, ctx["item"], day, True)


def _voucher(ctx, who, day):
    sv.add_voucher_review(who, "2026-10", day, 12, 100000, "周监委")


def _close(ctx, who, day):
    sv.advance(who, ctx["answered"], mm.CLOSED, day)


def _open(ctx, who, day):
    sv.open_matter(who, "村民反映低保评议不公开", "subsidies", "complaint", day)


def _appraisal(ctx, who, day):
    sv.record_appraisal(who, 2026, day, "representatives", 36,
                        [sv.AppraisalLine(ctx["appraised"], "村委会主任", 30, 4, 2)])


def _notify(ctx, who, day):
    sv.advance(who, ctx["opened"], mm.NOTIFIED, day, "请整改", deadline=date(2026, 12, 31))


def _verify(ctx, who, day):
    sv.advance(who, ctx["to_verify"], mm.VERIFIED, day, "已核实")


def _escalate(ctx, who, day):
    sv.escalate(who, ctx["overdue"], day)


SIGN_OFFS = {"disclosure_review": _review, "voucher_review": _voucher, "close_matter": _close,
             "open_matter": _open, "appraisal": _appraisal, "notify": _notify, "verify": _verify,
             "escalate": _escalate}


@pytest.fixture
def ctx(village):
    _, admin = village
    secretary = login_as(admin, "wenshu", "secretary")
    member = member_login(admin, "weiyuan", "周监委")
    departed = member_login(admin, "likai", "李监委", left_on=LEFT)
    stranger_person = people_service.add_person(admin, "吴村民", "男")
    stranger = login_as(admin, "wucm", "committee", stranger_person.id)  # a committee login, no seat
    chair = village_committee_login(admin)
    opened = sv.open_matter(member, "村务公开栏未更新", "decisions", "inspection", date(2026, 11, 1)).id
    to_verify = _notified_matter(member)
    sv.advance(secretary, to_verify, mm.ANSWERED, date(2026, 11, 3), "已更新")
    overdue = sv.open_matter(member, "低保名单未张贴", "subsidies", "complaint", date(2026, 10, 1)).id
    sv.advance(member, overdue, mm.NOTIFIED, date(2026, 10, 2), "请张贴", deadline=date(2026, 10, 20))
    return {"admin": admin, "secretary": secretary, "member": member, "departed": departed,
            "stranger": stranger, "chair": chair, "item": _in_review_item(secretary),
            "answered": _answered_matter(member, secretary), "appraised": chair.person_id,
            "opened": opened, "to_verify": to_verify, "overdue": overdue}


def _refused(act, ctx, who, day) -> str:
    with pytest.raises(PermissionDenied) as err:
        act(ctx, who, day)
    return str(err.value)


@pytest.mark.parametrize("sign_off", sorted(SIGN_OFFS))
def test_only_a_current_members_own_login_signs(ctx, sign_off):
    act = SIGN_OFFS[sign_off]
    assert "管理员" in _refused(act, ctx, ctx["admin"], DAY)
    assert "管理员" in _refused(act, ctx, cli_session("village"), DAY)
    assert "村文书" in _refused(act, ctx, ctx["secretary"], DAY)
    assert "吴村民在 2026-11-05 不是村务监督委员会成员" in _refused(act, ctx, ctx["stranger"], DAY)
    assert "李监委在 2026-12-05 不是" in _refused(act, ctx, ctx["departed"], LATER)
    act(ctx, ctx["member"], DAY)  # accepted


def test_a_member_whose_seat_ended_still_signed_before_it(ctx):
    ds.review(ctx["departed"], ctx["item"], LEFT.replace(day=19), True)
    assert ds.item(ctx["item"]).review_result == "approved"


def test_the_admin_role_and_the_command_line_carry_no_committee_sign_off():
    assert not has_permission("admin", Permission.COMMITTEE_REVIEW)
    assert not cli_session("village").can(Permission.COMMITTEE_REVIEW)
    assert has_permission("committee", Permission.COMMITTEE_REVIEW)


def test_a_village_without_a_committee_is_told_what_to_do(village):
    _, admin = village
    reason = duties.why_not_sign(admin, DAY)
    assert "本村还没有登记村务监督委员会成员" in str(reason) and "村务监督 → 成员" in str(reason)
    secretary = login_as(admin, "wenshu", "secretary")
    item = _in_review_item(secretary)
    with pytest.raises(PermissionDenied) as err:
        ds.review(admin, item, DAY, True)
    assert "还没有登记村务监督委员会成员" in str(err.value)


def test_an_unbound_committee_login_is_refused(ctx):
    unbound = login_as(ctx["admin"], "jianwei", "committee")
    assert "还没有对应到人员名册中的人" in _refused(_review, ctx, unbound, DAY)


def test_the_submitter_cannot_approve_even_as_a_committee_member(village):
    _, admin = village
    member = member_login(admin, "weiyuan", "周监委")
    # The same person also has a secretary's login, and submits with it.
    own_secretary_login = login_as(admin, "zhou_ws", "secretary", member.person_id)
    item = _in_review_item(own_secretary_login)
    assert ds.item(item).submitted_by == "zhou_ws"
    with pytest.raises(PermissionDenied) as err:
        ds.review(member, item, DAY, True)
    assert "提交这项内容的人不能再审核它" in str(err.value)
    assert ds.item(item).review_result == ""
    other = member_login(admin, "likai", "李监委")
    ds.review(other, item, DAY, True)
    assert ds.item(item).reviewed_by


def test_voucher_review_and_closing_record_the_members_login(ctx):
    review = sv.add_voucher_review(ctx["member"], "2026-10", DAY, 12, 100000, "周监委")
    assert review.recorded_by == "weiyuan"
    _close(ctx, ctx["member"], DAY)
    from models.supervision.records import SupervisionMatter

    matter = SupervisionMatter.get_by_id(ctx["answered"])
    assert matter.closed_by == "weiyuan" and matter.answered_by == "wenshu"


def test_the_answer_comes_from_a_village_committee_login(ctx):
    matter = _notified_matter(ctx["member"])
    with pytest.raises(PermissionDenied) as err:
        sv.advance(ctx["member"], matter, mm.ANSWERED, DAY, "已整改")  # the committee does not answer itself
    assert "监委会成员的账号不能登记村委会的答复" in str(err.value)
    for who in (ctx["admin"], cli_session("village"), ctx["stranger"]):
        with pytest.raises(PermissionDenied):
            sv.advance(who, matter, mm.ANSWERED, DAY, "已整改")
    sv.advance(ctx["chair"], matter, mm.ANSWERED, DAY, "已整改")  # the 村委会主任's own login
    from models.supervision.records import SupervisionMatter

    assert SupervisionMatter.get_by_id(matter).answered_by == "zhuren"


def test_the_secretary_login_answers_for_the_village_committee(ctx):
    matter = _notified_matter(ctx["member"])
    assert duties.why_not_answer(ctx["secretary"], DAY) is None
    sv.advance(ctx["secretary"], matter, mm.ANSWERED, DAY, "已整改")


def test_a_village_committee_login_answers_only_while_its_person_holds_the_office(ctx):
    """村委会成员: records and answers for the 村委会 while in office; a 只读 login never records (issue 15)."""
    from models.roles import ROLES, role_label

    assert role_label("village_committee") == "村委会成员"
    assert has_permission("village_committee", Permission.EDIT_RECORDS)
    assert not has_permission("village_committee", Permission.EXCHANGE)
    assert not has_permission("village_committee", Permission.COMMITTEE_REVIEW)
    assert list(ROLES).index("village_committee") == list(ROLES).index("secretary") + 1
    admin = ctx["admin"]
    assert duties.why_not_answer(ctx["chair"], DAY) is None
    assert duties.why_not_answer(ctx["chair"], date(2021, 4, 17)) is not None  # the day before the office
    # A villager without an office, on the 村委会成员 role: refused, in words.
    plain = people_service.add_person(admin, "孙村民", "女")
    nobody = login_as(admin, "sunmin", "village_committee", plain.id)
    reason = duties.why_not_answer(nobody, DAY)
    assert "孙村民在 2026-11-05 不担任村委会主任、副主任或委员" in str(reason)
    matter = _notified_matter(ctx["member"])
    with pytest.raises(PermissionDenied):
        sv.advance(nobody, matter, mm.ANSWERED, DAY, "已整改")
    # The 主任 on a 只读 login records nothing, office or not.
    director = people_service.add_person(admin, "郑主任", "男")
    people_service.add_role(admin, person_record(director.id), "vc_vice", "2021-04-18")
    viewer = login_as(admin, "zhengzr", "viewer", director.id)
    with pytest.raises(PermissionDenied):
        sv.advance(viewer, matter, mm.ANSWERED, DAY, "已整改")
    unbound = login_as(admin, "weibang", "village_committee")
    assert "对应到人员名册" in str(duties.why_not_answer(unbound, DAY))
    sv.advance(ctx["chair"], matter, mm.ANSWERED, DAY, "已整改")
