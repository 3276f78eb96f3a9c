"""At the township a village's vote is judged only against that village's own 授权 (issue 20).

The township holds every village's authorizations of the 村民代表会议. A
village that never authorized its 代表会议 to decide a 第二十四条 matter must
not borrow another village's authorization: two villages, the same meeting,
only one of them authorized — judged through the public services on the
township's real database, after the packages were imported the real way.
"""

from __future__ import annotations

from datetime import date

from desktop.services import decisions_service, meetings_batch, meetings_service, people_service
from desktop.services.meetings_service import ResolutionLine
from models.meetings.records import Meeting
from tests.support.sites import township_with_villages

UNAUTHORIZED, AUTHORIZED = "330106001001", "330106001002"
HELD_ON = date(2026, 3, 1)


def _fill(index: int, session) -> None:
    """Ten representatives and a 代表会议 deciding 补贴 (a 第二十四条 matter); the second village authorized it."""
    people = [people_service.add_person(session, f"代表{i}", "女" if i % 2 else "男") for i in range(10)]
    for p in people:
        people_service.add_role(session, p, "representative", "2021-04-18")
    if index == 1:
        decisions_service.add_authorization(session, ["subsidy"], date(2021, 5, 1), date(2026, 4, 30))
    draft = meetings_service.new_draft("representatives", HELD_ON)
    draft.title = "村民代表会议"
    draft.resolutions = [ResolutionLine("困难户补贴发放方案", "subsidy", 9, 1, 0)]
    meetings_service.approve(session, meetings_service.save(session, draft))


def test_a_vote_is_judged_only_against_its_own_villages_authorizations(tmp_path):
    township_with_villages(tmp_path, [(UNAUTHORIZED, "青山村"), (AUTHORIZED, "红旗村")], _fill,
                           key="authorizations_per_village")
    verdicts = {}
    loaded = meetings_batch.load_many(m.id for m in Meeting.live())
    authorizations = meetings_batch.Authorizations()
    for meeting in Meeting.live():
        verdicts[meeting.owner] = meetings_service.evaluate_draft(meetings_service.load(meeting.id))
        # 审核备案 reads all the villages' meetings at once: the same verdict, the same village's 授权
        assert meetings_batch.evaluate(loaded[meeting.id], authorizations) == verdicts[meeting.owner]
    assert set(verdicts) == {UNAUTHORIZED, AUTHORIZED}
    assert verdicts[AUTHORIZED].resolutions[0].passed is True
    assert verdicts[AUTHORIZED].authority[0] == []
    # 青山村 never authorized its 代表会议: 红旗村's authorization does not count for it.
    assert verdicts[UNAUTHORIZED].resolutions[0].passed is False
    assert "授权" in verdicts[UNAUTHORIZED].authority[0][0].text()
