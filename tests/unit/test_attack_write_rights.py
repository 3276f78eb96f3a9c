"""Who may write what on one installation (issue 16): each hole found, tried with real logins.

Issue 16, "Trust under attack: who may write what": a 村委会成员 login (role
`village_committee`, permission EDIT_RECORDS) could create the 监委会's 届次
and seat its members — the very body that supervises it. Each test here
failed on the main of before the issue (52fba17) and passes now; every
refusal is a Chinese reason and leaves the database as it was.
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import attachments_service, auth_service, people_service, record_store
from desktop.services import supervision_service as sv
from models.db import database
from models.entities import User
from models.errors import PermissionDenied
from models.supervision.records import CommitteeMember, CommitteeTerm
from tests.support.committee import PASSWORD, login_as, member_login, village_committee_login
from tests.support.first_contact import genuine


def _counts() -> tuple:
    return (database.execute_sql("SELECT value FROM change_counter").fetchall(),
            database.execute_sql("SELECT COUNT(*) FROM audit_entry").fetchone(),
            CommitteeTerm.select().count(), CommitteeMember.select().count(), User.select().count())


def test_a_village_committee_login_cannot_record_the_committee_that_supervises_it(village):
    """“A 村委会成员 login (role `village_committee`, permission EDIT_RECORDS) can create 监委会 届次
    (committee_term) and members (committee_member) — the very body that supervises them.”"""
    _, admin = village
    chair = village_committee_login(admin)
    friend = people_service.add_person(admin, "孙亲友", "男")
    before = _counts()
    with pytest.raises(PermissionDenied) as err:
        sv.create_term(chair, "第八届", date(2026, 5, 6))
    assert str(err.value) == "“村委会成员”账号不能登记或修改监委会届次:只有管理员、村文书/村支书账号可以。"
    term = sv.create_term(admin, "第八届", date(2026, 5, 6))
    seat = sv.add_member(admin, term.id, people_service.add_person(admin, "周监委", "男").id)
    before = _counts()
    with pytest.raises(PermissionDenied) as err:
        sv.add_member(chair, term.id, friend.id)
    assert str(err.value) == "“村委会成员”账号不能登记或修改监委会成员:只有管理员、村文书/村支书账号可以。"
    with pytest.raises(PermissionDenied):
        sv.end_seat(chair, seat.id, date(2026, 6, 1), "resigned", "本人辞职")
    assert _counts() == before
    assert CommitteeMember.get_by_id(seat.id).left_on == ""


def test_a_committee_login_cannot_seat_or_unseat_its_own_members(village):
    """The same hole from the other side: a 监委会 login seated a friend or ended a colleague's seat,
    and the body's composition decides who may sign for it. The 村民会议 elects, the secretary records."""
    _, admin = village
    member = member_login(admin, "weiyuan", "周监委", start=date(2021, 5, 6))
    colleague = member_login(admin, "likai", "李监委", start=date(2021, 5, 6))
    seat = CommitteeMember.get(CommitteeMember.person == colleague.person_id)
    friend = people_service.add_person(admin, "孙亲友", "男")
    before = _counts()
    with pytest.raises(PermissionDenied) as err:
        sv.add_member(member, seat.term_id, friend.id)
    assert "“监委会主任/委员”账号不能登记或修改监委会成员" in str(err.value)
    with pytest.raises(PermissionDenied):
        sv.end_seat(member, seat.id, date(2026, 6, 1), "recalled", "罢免")
    with pytest.raises(PermissionDenied):
        sv.create_term(member, "第八届", date(2026, 5, 6))
    assert _counts() == before
    # The secretary records the election, as the register's other offices.
    secretary = login_as(admin, "wenshu", "secretary")
    assert sv.add_member(secretary, seat.term_id, friend.id).person_id == friend.id


def test_a_login_cannot_raise_its_own_role(village):
    """“Change roles (a user raising their own role)”: `record_store` wrote any column of any account
    for any login; now a login changes only its own password, and accounts need 账号管理."""
    _, admin = village
    viewer = login_as(admin, "kankan", "viewer")
    own = User.get_by_id(viewer.user_id)
    before = _counts()
    with pytest.raises(PermissionDenied) as err:
        record_store.update(viewer, own, role="admin")
    assert str(err.value) == "“只读”账号不能登记或修改账号:只有管理员账号可以。"
    with pytest.raises(PermissionDenied):
        record_store.update(viewer, own, role="admin", password_hash="x")
    assert _counts() == before
    assert User.get_by_id(viewer.user_id).role == "viewer"
    auth_service.change_password(viewer, PASSWORD, "Kan-kan-2026", "Kan-kan-2026")  # its own password: yes
    assert auth_service.login("kankan", "Kan-kan-2026").role == "viewer"


def test_the_village_cannot_attach_a_file_to_the_townships_record(tmp_path):
    """“Township-owned records received in a package (rule_review, rule_filing, township_answer,
    township_notice) must never be editable at the village”: a 附件 on the township's 审核意见 was
    accepted, and the township then refused every later package of the village."""
    from desktop.services import exchange_service
    from models.township.records import RuleReview
    from tests.support.reviews import draft_reviewed_by_township
    from tests.support.sites import make_login_pair

    pair = make_login_pair(tmp_path)
    _version, receipt = draft_reviewed_by_township(pair)
    exchange_service.import_package(pair.village_session, pair.village, receipt)
    review = RuleReview.select().first()
    scan = tmp_path / "审核意见扫描.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    before = _counts()
    with pytest.raises(PermissionDenied) as err:
        attachments_service.add(pair.village_session, pair.village.attachments, "rule_review", review.id, scan)
    assert "不能在本机给它添加附件" in str(err.value)
    assert _counts() == before
    # The village's next package still goes in at the township.
    package = exchange_service.export_package(pair.village_session, pair.village, pair.usb).path
    pair.use("t")
    exchange_service.import_package(pair.township_session, pair.township, package, fingerprint=genuine(pair.village))


def test_a_village_committee_login_cannot_write_the_committees_minutes(village):
    """The same hole in the 监委会's meetings: a 村委会成员 login (EDIT_RECORDS) wrote, 审定 and abandoned
    the minutes of the body that supervises it. The committee keeps them, or the secretary for it."""
    from desktop.services import meetings_service
    from models.meetings.records import Meeting

    _, admin = village
    chair = village_committee_login(admin)
    member = member_login(admin, "weiyuan", "周监委", start=date(2021, 5, 6))
    draft = meetings_service.new_draft("supervision", date(2026, 10, 5))
    before = _counts(), Meeting.select().count()
    with pytest.raises(PermissionDenied) as err:
        meetings_service.save(chair, draft)
    assert str(err.value) == "村委会成员的账号不能记录监委会的会议:监委会会议由监委会成员或村文书记录。"
    assert (_counts(), Meeting.select().count()) == before
    mid = meetings_service.save(member, draft)  # the committee records its own
    for act in (meetings_service.approve, meetings_service.delete_draft):
        with pytest.raises(PermissionDenied):
            act(chair, mid)
    assert Meeting.get_by_id(mid).status == "draft" and not Meeting.get_by_id(mid).deleted
    # Its own 村委会 meetings it still writes.
    assert meetings_service.save(chair, meetings_service.new_draft("village_committee", date(2026, 10, 6)))


def test_a_village_committee_login_cannot_attach_to_or_strip_the_committees_minutes(village, tmp_path):
    """The same hole through the 附件 tab: a 村委会成员 login attached files to, and removed the scans of,
    the 监委会's minutes (attachments needed EDIT_RECORDS only)."""
    from desktop.services import meetings_service
    from models.meetings.records import Attachment

    paths, admin = village
    chair = village_committee_login(admin)
    member = member_login(admin, "weiyuan", "周监委", start=date(2021, 5, 6))
    secretary = login_as(admin, "wenshu", "secretary")
    mid = meetings_service.save(member, meetings_service.new_draft("supervision", date(2026, 10, 5)))
    scan = tmp_path / "签到表.png"
    scan.write_bytes(b"\x89PNG" + bytes(range(100)))
    kept = attachments_service.add(secretary, paths.attachments, "meeting", mid, scan)  # kept for the committee
    before = _counts(), Attachment.select().count()
    with pytest.raises(PermissionDenied) as err:
        attachments_service.add(chair, paths.attachments, "meeting", mid, scan)
    assert str(err.value) == "村委会成员的账号不能记录监委会的会议:监委会会议由监委会成员或村文书记录。"
    with pytest.raises(PermissionDenied):
        attachments_service.remove(chair, kept.id)
    assert (_counts(), Attachment.select().count()) == before
    assert not Attachment.get_by_id(kept.id).deleted
    # On the 村委会's own meetings it attaches as before.
    own = meetings_service.save(chair, meetings_service.new_draft("village_committee", date(2026, 10, 6)))
    assert attachments_service.add(chair, paths.attachments, "meeting", own, scan).filename == "签到表.png"


def test_a_village_committee_login_cannot_bring_back_the_committees_abandoned_minutes(village):
    """The same hole through the 回收站: a 村委会成员 login restored the 监委会 minutes the committee had
    abandoned (a restore needed EDIT_RECORDS only)."""
    from desktop.services import meetings_service, recycle_service
    from models.meetings.records import Meeting

    _, admin = village
    chair = village_committee_login(admin)
    secretary = login_as(admin, "wenshu", "secretary")
    mid = meetings_service.save(secretary, meetings_service.new_draft("supervision", date(2026, 10, 5)))
    meetings_service.delete_draft(secretary, mid)
    before = _counts()
    with pytest.raises(PermissionDenied) as err:
        recycle_service.restore(chair, "meeting", mid)
    assert str(err.value) == "村委会成员的账号不能记录监委会的会议:监委会会议由监委会成员或村文书记录。"
    assert _counts() == before and Meeting.get_by_id(mid).deleted
    recycle_service.restore(secretary, "meeting", mid)
    assert not Meeting.get_by_id(mid).deleted


@pytest.mark.parametrize("role", ["village_committee", "committee"])
def test_neither_body_touches_the_register_accounts_backups_or_packages(village, tmp_path, role):
    """A sweep with the holes above: the 村委会 and the 监委会 logins edit no register, no account, restore
    no backup, send no package (all refused before too) — and no longer raise their own role."""
    from desktop.services import accounts_service, backup_service, exchange_service

    paths, admin = village
    who = (village_committee_login(admin) if role == "village_committee"
           else member_login(admin, "weiyuan", "周监委", start=date(2021, 5, 6)))
    person = people_service.add_person(admin, "王建国", "男")
    backup = backup_service.back_up(admin, paths.database, tmp_path / "bk")
    before = _counts()
    acts = [
        lambda: people_service.add_person(who, "李四", "男"),
        lambda: people_service.edit_person(who, person.id, "王改名", "男"),
        lambda: accounts_service.add_account(who, "zeng", person.id, "admin", PASSWORD, PASSWORD),
        lambda: accounts_service.reset_password(who, who.user_id),
        lambda: record_store.update(who, User.get_by_id(who.user_id), role="admin"),
        lambda: backup_service.restore(who, paths, backup),
        lambda: exchange_service.export_package(who, paths, tmp_path / "usb"),
    ]
    for act in acts:
        with pytest.raises(PermissionDenied):
            act()
    assert _counts() == before
    assert User.get_by_id(who.user_id).role == role
