"""The township's board counts only 村民代表会议 that really count (组织法 第二十六条).

Regression for a tester's report: a 0-person draft 村民代表会议 imported from a
village turned its 合规看板 cell from 未到期 into "按时 1/1". Through the real
export and import, as at a township.
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import meetings_service, record_store
from models.errors import ValidationError
from models.meetings.cadence import quarter_of
from models.township import compliance as eng
from models.township.board import DUE, OK
from tests.support.first_contact import confirmed_by


def _previous_quarter(today: date) -> tuple[int, int]:
    y, q = quarter_of(today)
    return (y - 1, 4) if q == 1 else (y, q - 1)


def test_a_draft_meeting_with_nobody_on_the_list_does_not_make_a_quarter_on_time(tmp_path):
    from desktop.services import compliance_service as cs
    from desktop.sync import exporter, importer
    from models.db import close_database
    from models.meetings.records import Meeting
    from tests.support.sites import VILLAGE_CODE, make_pair

    township, village, usb = make_pair(tmp_path, demo=False)
    today = date.today()
    (y, q), (py, pq) = quarter_of(today), _previous_quarter(today)
    session = village.use()
    draft = meetings_service.new_draft("representatives", today)  # a new village: nobody on the roster
    assert draft.attendance == []
    mid = meetings_service.save(session, draft)
    with pytest.raises(ValidationError):
        meetings_service.approve(session, mid)
    # A draft that an older version stored as quorate still does not count: drafts never do.
    record_store.create(session, Meeting, type_code="representatives", title="上季度村民代表会议(草稿)",
                        held_on=date(py, pq * 3 - 1, 10).isoformat(), quorum_met=True, status="draft")
    record_store.create(session, Meeting, type_code="supervision", title="监委会例会(草稿)",
                        held_on=date(py, pq * 3 - 1, 12).isoformat(), quorum_met=True, status="draft")
    # Nor does minutes marked 审定 and quorate with nobody on the list (an older version, or a hand-edited
    # database): the township judges the quorum from the attendance itself (issue 17).
    record_store.create(session, Meeting, type_code="representatives", title="上季度村民代表会议(空名单)",
                        held_on=date(py, pq * 3 - 1, 11).isoformat(), quorum_met=True, status="approved")
    sent = exporter.export_package(session, village.paths, usb)
    close_database()
    session = township.use()
    importer.apply_import(session, sent.path, township.paths, backup=False, confirm=confirmed_by(village.paths))
    assert Meeting.live().where(Meeting.owner == VILLAGE_CODE).count() == 4  # all arrived

    now = cs.board(f"{y}Q{q}").cell(VILLAGE_CODE, eng.REP_MEETINGS)
    assert (now.state, now.done) == (DUE, 0)  # 未到期, not 按时 1/1
    before = cs.board(f"{py}Q{pq}")
    assert before.cell(VILLAGE_CODE, eng.REP_MEETINGS).state != OK
    assert before.cell(VILLAGE_CODE, eng.REP_MEETINGS).done == 0
    assert before.cell(VILLAGE_CODE, eng.COMMITTEE_MEETINGS).done == 0
    detail = before.cell(VILLAGE_CODE, eng.REP_MEETINGS).detail
    assert "无法判断是否达到法定人数" in detail or "尚未审定" in detail  # says why it does not count


def test_meeting_validity_needs_approval_and_a_quorum_the_engine_judged():
    from desktop.services.compliance_service import meeting_validity

    assert "尚未审定" in meeting_validity("representatives", "draft", 30, 30, None, None)
    assert "无法判断" in meeting_validity("representatives", "approved", 0, 0, None, None)  # empty list
    assert meeting_validity("representatives", "approved", 30, 20, None, None) == ""  # 20 of 30: ⅔
    assert "未达到法定人数" in meeting_validity("representatives", "approved", 30, 19, None, None)
    assert meeting_validity("supervision", "approved", 3, 3, None, None) == ""
