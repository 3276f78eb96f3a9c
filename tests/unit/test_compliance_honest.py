"""Honest compliance figures (issue 17): no data is not compliance, the township's duties are its own.

Pure: boards are built from `VillageFacts` with the engine, no database.
"""

from __future__ import annotations

from datetime import date, timedelta

from models.natural_order import chinese_number, natural_key, with_arabic_numbers
from models.rules import procedure as proc
from models.township import compliance as eng
from models.township.board import MISSING, NA, NONE, OK, SILENT_DAYS, Board, VillageHead, median
from models.township.compliance import EscalationFact, MeetingFact, Posting, RuleFact, VillageFacts

TODAY = date(2026, 11, 30)
Q3 = (date(2026, 7, 1), date(2026, 9, 30))


def _rules() -> list[RuleFact]:
    return [RuleFact("2021年版", 1, proc.ST_IN_FORCE, date(2021, 8, 11), date(2021, 8, 10), "镇民备〔2021〕17号")]


def _board(*villages: tuple[str, VillageFacts], start=Q3[0], end=Q3[1]) -> Board:
    heads, cells = [], {}
    for name, f in villages:
        silent = (TODAY - f.data_as_of).days if f.data_as_of else None
        heads.append(VillageHead(f.code, name, f.province, f.data_as_of.isoformat() if f.data_as_of else "", silent))
        for key, c in eng.cells(f, start, end, TODAY).items():
            cells[(f.code, key)] = c
    township = {key: eng.township_cell(key, list(villages), start, end, TODAY) for key in eng.TOWNSHIP_KEYS}
    return Board("青山镇", "330106001", "2026Q3", "2026年第三季度", start, end, TODAY.isoformat(), tuple(heads),
                 eng.OBLIGATIONS, cells, (), township)


def _silent() -> VillageFacts:
    """Sent nothing for 247 days: its rules are known, nothing else in the quarter can be told."""
    return VillageFacts("330106001003", "zhejiang", TODAY - timedelta(days=247), date(2020, 1, 1), rules=_rules())


def _reporting_gaps() -> VillageFacts:
    """Sends its packages and shows its gaps: meetings held, postings missing."""
    meetings = [MeetingFact(date(2026, m, 5), f"{m}月例会") for m in (7, 8, 9)]
    return VillageFacts("330106001001", "zhejiang", date(2026, 11, 20), date(2020, 1, 1), rules=_rules(),
                        rep_meetings=[MeetingFact(date(2026, 8, 12), "第三季度村民代表会议")],
                        committee_meetings=meetings)


def _complete() -> VillageFacts:
    """Has done everything the quarter asked, on time."""
    f = _reporting_gaps()
    return VillageFacts("330106001002", "zhejiang", f.data_as_of, f.data_from, rules=_rules(),
                        rep_meetings=f.rep_meetings, committee_meetings=f.committee_meetings,
                        postings=[Posting("village", "quarter", "2026Q3", date(2026, 10, 8), "三季度村务"),
                                  Posting("finance", "quarter", "2026Q3", date(2026, 10, 8), "三季度财务")])


def test_a_silent_village_shows_no_data_counts_it_and_ranks_below_one_that_reports_its_gaps():
    board = _board(("勤村", _reporting_gaps()), ("默村", _silent()))
    quiet = _silent().code
    cells = {key: board.cell(quiet, key) for key in eng.VILLAGE_KEYS}
    assert cells[eng.REP_MEETINGS].state == NA and cells[eng.DISCLOSURE_AFFAIRS].state == NA
    assert cells[eng.RULES_IN_FORCE].state == OK
    # 6 of its own cells applied (民主评议 is not due before the year ends): 2 known OK, the four 无数据
    # count as not on time: 2/6. Before, 无数据 was left out of the denominator: 2/2, 100%.
    assert board.village_rate(quiet) == 2 / 6
    assert board.village_rate(quiet) < board.village_rate(_reporting_gaps().code)
    assert [v.name for v in board.silent_villages] == ["默村"]  # listed apart: 247 > SILENT_DAYS
    assert SILENT_DAYS == 90


def test_a_village_never_heard_from_has_no_rate_but_counts_against_the_township():
    never = VillageFacts("330106001009", "zhejiang")
    board = _board(("勤村", _reporting_gaps()), ("新村", never))
    assert board.village_rate(never.code) is None  # shown as 无数据, not 0% and not 100%
    assert [v.name for v in board.silent_villages] == ["新村"]
    alone = _board(("勤村", _reporting_gaps()))
    # every one of its cells is 无数据, so the township's figure for each obligation falls
    assert board.rate(eng.REP_MEETINGS) == 0.5 and alone.rate(eng.REP_MEETINGS) == 1.0
    assert board.overall_rate() < alone.overall_rate()


def test_nothing_required_is_not_applicable_and_left_out():
    f = VillageFacts("330106001001", "zhejiang", TODAY, date(2020, 1, 1), committee_from=date(2026, 10, 1))
    assert eng.cell(eng.COMMITTEE_MEETINGS, f, *Q3, TODAY).state == NONE  # no committee yet
    assert eng.cell(eng.RULES_FILED, f, *Q3, TODAY).state == NONE  # nothing in force to file
    assert eng.ok_share([eng.cell(eng.RULES_FILED, f, *Q3, TODAY)]) is None


def test_the_townships_unanswered_escalation_is_the_townships_row_not_the_villages_rate():
    overdue = EscalationFact("工程款未公示", date(2026, 8, 1), None, "m1")
    answered = EscalationFact("低保名单", date(2026, 8, 3), date(2026, 8, 10), "m2")
    f = _reporting_gaps()
    f.postings.extend([Posting("village", "quarter", "2026Q3", date(2026, 10, 8), "三季度村务"),
                       Posting("finance", "quarter", "2026Q3", date(2026, 10, 8), "三季度财务")])
    f.appraisals.clear()
    f.escalations.extend([overdue, answered])
    board = _board(("勤村", f))
    assert board.cell(f.code, eng.ESCALATIONS).state == MISSING  # shown beside the village...
    own = [board.cell(f.code, k).state for k in eng.VILLAGE_KEYS]
    assert board.village_rate(f.code) == own.count(OK) / len([s for s in own if s not in ("due", NONE)])
    assert MISSING not in own and board.village_rate(f.code) == 1.0  # ...but never lowers its rate
    township = board.township_cell(eng.ESCALATIONS)
    assert (township.state, township.note, township.expected) == (MISSING, "1件待答", 2)
    assert "勤村 · 工程款未公示" in township.detail
    assert [o.key for o in board.township_obligations] == [eng.ESCALATIONS]
    assert eng.ESCALATIONS not in [o.key for o in board.village_obligations]


def test_behind_means_a_gap_a_late_cell_no_rate_or_a_rate_below_the_median():
    assert median([0.2, 0.9, 0.5]) == 0.5 and median([0.2, 0.6]) == 0.4 and median([]) is None
    gaps, full = _reporting_gaps(), _complete()  # postings missing: behind; all done: not
    board = _board(("缺村", gaps), ("全村", full), ("默村", _silent()))
    assert board.behind(gaps.code) and not board.behind(full.code)
    assert board.behind(_silent().code)  # 无数据 cells: its rate is below the median


def test_chinese_numbers_sort_as_numbers():
    assert chinese_number("十二") == 12 and chinese_number("一百零五") == 105 and chinese_number("二〇二六") == 2026
    assert chinese_number("三万二千") == 32000 and with_arabic_numbers("万家村") == "万家村"
    names = ["第十一村", "第二村", "第十村", "城关12组", "城关3组", "第一村"]
    assert sorted(names, key=natural_key) == ["城关3组", "城关12组", "第一村", "第二村", "第十村", "第十一村"]


def test_the_trends_bare_states_are_the_cells_states():
    never = VillageFacts("330106001009", "zhejiang")
    for f in (_silent(), _reporting_gaps(), _complete(), never):
        for start, end in (Q3, (date(2026, 1, 1), date(2026, 12, 31)), (date(2018, 1, 1), date(2018, 3, 31))):
            for key in eng.VILLAGE_KEYS:
                assert eng.cell_state(key, f, start, end, TODAY) == eng.cell(key, f, start, end, TODAY).state
