from __future__ import annotations

from datetime import date

import pytest

from models.meetings.cadence import missing_representative_quarters
from models.meetings.four_two import StepRecord, check_register, why_not
from models.meetings.matters import Authorization, who_may_decide

D = date


def test_art24_matter_at_the_assembly_is_fine():
    assert who_may_decide("subsidy", "assembly", D(2026, 3, 1)) == []
    # 宅基地 also concerns collective property (issue 17, "Who decides"): a warning, never a refusal.
    assert [f.severity for f in who_may_decide("homestead", "assembly", D(2026, 3, 1))] == ["warning"]


def test_art24_matter_at_representatives_needs_a_covering_authorization():
    findings = who_may_decide("homestead", "representatives", D(2026, 3, 1))
    assert findings[0].severity == "error" and "授权" in findings[0].text()
    # Issue 17, "Citations": a 2026 meeting cites the amended text, a 2025 one the 2018 text.
    assert "《村民委员会组织法》(2025)" in findings[0].text()
    assert "(2018)第二十四条" in who_may_decide("homestead", "representatives", D(2025, 3, 1))[0].text()
    auth = Authorization(frozenset({"homestead"}), D(2021, 5, 1), D(2026, 4, 30))
    def errors(*args, **kw):
        return [f for f in who_may_decide(*args, **kw) if f.severity == "error"]

    assert errors("homestead", "representatives", D(2026, 3, 1), authorizations=(auth,)) == []
    # expired, not yet granted, or another matter: still an error
    assert errors("homestead", "representatives", D(2026, 6, 1), authorizations=(auth,))
    assert errors("homestead", "representatives", D(2021, 4, 1), authorizations=(auth,))
    assert errors("land_compensation", "representatives", D(2026, 3, 1), authorizations=(auth,))


def test_art24_matter_at_two_committees_is_an_error():
    findings = who_may_decide("land_compensation", "two_committees", D(2026, 3, 1))
    assert findings and "两委联席会议不能决定" in findings[0].text()


@pytest.mark.parametrize(("province", "severity"), [("national", "warning"), ("zhejiang", "warning"),
                                                     ("shanghai", "error")])
def test_rules_adopted_by_representatives(province, severity):
    findings = who_may_decide("village_rules", "representatives", D(2026, 3, 1), province)
    assert [f.severity for f in findings] == [severity]
    if province == "shanghai":
        assert "上海市" in findings[0].text() and "第十六条" in findings[0].text()


def test_collective_property_warns_about_the_two_thirds_rule():
    findings = who_may_decide("collective_member_rights", "assembly", D(2026, 3, 1))
    assert findings[0].severity == "warning" and "三分之二" in findings[0].text()


START = D(2026, 3, 1)


def steps(*codes, start=START):
    return [StepRecord(c, date.fromordinal(start.toordinal() + 7 * i),
                       committee_opinion="同意" if c.startswith("publish") else "")
            for i, c in enumerate(codes)]


ALL = ("propose", "discuss", "review", "resolve", "publish_resolution", "publish_result")


def test_complete_register():
    state = check_register(steps(*ALL), D(2026, 3, 30), D(2026, 4, 2))
    assert state.complete and state.next_step is None


def test_register_says_what_is_next():
    assert check_register(steps("propose", "discuss")).next_step == "review"


def test_skipped_step_is_an_error_and_why_not_explains():
    state = check_register(steps("propose", "review"))
    assert any("跳过了“② 村两委会议商议”" in f.text() for f in state.findings)
    reasons = why_not("resolve", steps("propose"))
    assert "请先完成“② 村两委会议商议”" in reasons[0].text()


def test_dates_must_not_go_backwards():
    s = steps("propose", "discuss")
    s[1] = StepRecord("discuss", D(2026, 2, 1))
    assert any("早于上一步" in f.text() for f in check_register(s).findings)


def test_deliberation_without_quorum_or_failed_vote_blocks_the_rest():
    s = steps("propose", "discuss", "review")
    s.append(StepRecord("resolve", D(2026, 4, 1), quorum_valid=False))
    state = check_register(s)
    assert any("未达到法定人数" in f.text() for f in state.findings)
    assert why_not("publish_resolution", s)
    s[-1] = StepRecord("resolve", D(2026, 4, 1), vote_passed=False)
    assert any("表决未通过" in f.text() for f in check_register(s).findings)


def test_implementation_before_publication_and_result_before_completion():
    state = check_register(steps(*ALL[:4]), implementation_start=D(2026, 3, 25))
    assert any("没有公开" in f.text() for f in state.findings)
    state = check_register(steps(*ALL), D(2026, 4, 6), implementation_end=D(2026, 5, 1))
    assert any("实施完成之后公开" in f.text() for f in state.findings)


def test_missing_committee_opinion_on_disclosure_is_a_warning():
    s = steps(*ALL[:5])
    s[4] = StepRecord("publish_resolution", s[4].on)
    state = check_register(s)
    assert [f.severity for f in state.findings] == ["warning"]


def test_quarters_without_representatives_meeting():
    findings = missing_representative_quarters(
        [D(2025, 2, 10), D(2025, 8, 3), D(2025, 9, 30), D(2026, 1, 5)], D(2025, 1, 1), D(2026, 3, 31))
    texts = [f.text() for f in findings]
    assert texts == [t for t in texts if "村民代表会议" in t]
    assert [t[:16] for t in texts] == ["2025 年第 2 季度没有召开", "2025 年第 4 季度没有召开"]
