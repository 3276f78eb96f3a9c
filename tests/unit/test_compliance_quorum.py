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
    sent = exporter.export_package(session, village.paths, usb)
    close_database()
    session = township.use()
    importer.apply_import(session, sent.path, township.paths, backup=False, confirm=confirmed_by(village.paths))
    assert Meeting.live().where(Meeting.owner == VILLAGE_CODE).count() == 3  # all arrived

    now = cs.board(f"{y}Q{q}").cell(VILLAGE_CODE, eng.REP_MEETINGS)
    assert (now.state, now.done) == (DUE, 0)  # 未到期, not 按时 1/1
    before = cs.board(f"{py}Q{pq}")
    assert before.cell(VILLAGE_CODE, eng.REP_MEETINGS).state != OK
    assert before.cell(VILLAGE_CODE, eng.REP_MEETINGS).done == 0
    assert before.cell(VILLAGE_CODE, eng.COMMITTEE_MEETINGS).done == 0
