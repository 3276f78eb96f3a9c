"""The 换届 board service on a real township database holding the villages' imported election records."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import election_board_service as svc
from desktop.services import setup_service
from desktop.services.session import cli_session
from models.db import database
from models.elections.records import Election, Recall
from models.entities import Person, PersonRole
from models.township import election_stats as st
from models.township import elections_board as eb
from tests.support import election_boards as eb_support
from tests.support.imported import imported

TOWNSHIP = "330106001"
TODAY = date(2026, 9, 1)


_village = eb_support.enrol
_person = eb_support.person
_held_election = eb_support.held_election


@pytest.fixture
def township(store):
    setup_service.initialize("township", "城关镇", TOWNSHIP, "zhejiang")
    return cli_session("township")


def test_each_village_gets_its_stage_findings_and_counts(township):
    _village("33010600101", "一村")
    _held_election("33010600101", cast=6)
    _village("33010600102", "二村")
    _held_election("33010600102", cast=5, women=False)  # 5 of 10: exactly half, the election is invalid
    _village("33010600103", "三村")  # sent packages, no election yet
    _village("33010600104", "四村", sent=False)
    old = imported(Election, owner="33010600103", kind="general", label="called off", election_day="2026-06-01",
                   committee_chosen_on="2026-04-01", cancelled_on="2026-04-10")
    assert old.cancelled_on
    board = svc.board(township, TODAY)
    rows = {r.village.name: r for r in board.rows}
    assert [r.village.name for r in board.rows] == ["一村", "二村", "三村", "四村"]
    one, two, three, four = rows["一村"], rows["二村"], rows["三村"], rows["四村"]
    assert one.stage == eb.DONE
    assert one.election.registered == 10 and one.turnout == 0.6 and one.women_elected == 1
    assert one.findings == ()
    assert {f.key for f in two.findings} == {eb.TURNOUT_LOW, eb.NO_WOMAN}
    assert three.stage == eb.NOT_STARTED and three.election is None and not three.silent  # a cancelled one is not it
    assert four.silent and board.silent == (four,)
    assert not board.empty
    counts = st.village_counts(one.election, one.village.roles)
    assert (counts.seats, counts.elected, counts.women, counts.party, counts.one_shoulder) == (2, 2, 1, 1, 1)


def test_the_board_reads_each_table_once_whatever_the_number_of_villages(township, monkeypatch):
    for i in range(1, 3):
        _village(f"3301060010{i}", f"{i}村")
        _held_election(f"3301060010{i}", cast=6)
    calls = []
    real = database.execute_sql

    def counting(sql, params=None, *args, **kwargs):
        calls.append(sql)
        return real(sql, params, *args, **kwargs)

    monkeypatch.setattr(database, "execute_sql", counting)
    svc.board(township, TODAY)
    few = len(calls)
    monkeypatch.setattr(database, "execute_sql", real)
    for i in range(3, 9):
        _village(f"3301060010{i}", f"{i}村")
        _held_election(f"3301060010{i}", cast=6)
    calls.clear()
    monkeypatch.setattr(database, "execute_sql", counting)
    board = svc.board(township, TODAY)
    assert len(calls) == few and len(board.rows) == 8


def test_no_election_anywhere_is_the_empty_board(township):
    _village("33010600101", "一村")
    assert svc.board(township, TODAY).empty


def test_seats_are_summed_and_a_malformed_part_counts_nothing():
    assert svc.seats_total("vc_chair=1,vc_vice=1,vc_member=3") == 5
    assert svc.seats_total("vc_chair=1,vc_member=x,") == 1
    assert svc.seats_total("") == 0


def test_recalls_travel_with_the_village(township):
    code = "33010600101"
    _village(code, "一村")
    _held_election(code, cast=6)
    member = Person.get(Person.name == "01委员")
    role = PersonRole.get(PersonRole.person == member)
    imported(Recall, owner=code, role=role, person=member, requested_on="2026-07-01", vote_on="2026-08-01",
             outcome="recalled", registered=10, cast=5, agree=5)
    [row] = svc.board(township, TODAY).rows
    assert [r.person_name for r in row.village.recalls] == ["01委员"]
    assert [f.key for f in row.findings] == [eb.RECALL_SHORT]  # 5 of 10 voted: not more than half


def test_the_stats_sheet_has_a_row_per_village_voted_a_total_and_the_signature_lines(township, tmp_path):
    from openpyxl import load_workbook

    _village("33010600101", "一村")
    _held_election("33010600101", cast=6)
    _village("33010600102", "二村")
    _held_election("33010600102", cast=8, women=False)
    _village("33010600103", "三村")
    _village("33010600104", "四村", sent=False)
    path = svc.export_stats(township, tmp_path / "统计表.xlsx", TODAY)
    ws = load_workbook(path).active
    cells = [list(row) for row in ws.iter_rows(values_only=True)]
    flat = "\n".join(str(c) for row in cells for c in row if c is not None)
    assert "城关镇村民委员会换届选举结果统计表" in flat and "填报日期:2026-09-01" in flat
    header = cells[3] + cells[4]
    assert "书记主任“一肩挑”" in header and "35岁及以下" in header and "大专及以上" in header
    [one] = [row for row in cells if row[1] == "一村"]
    [total] = [row for row in cells if row[1] == "合计"]
    women = cells[3].index("女性")
    assert one[3:6] == [2, 2, 1] and one[women] == 1 and total[women] == 1  # 二村 elected no woman
    assert total[3] == 4 and total[-1] == 0.7  # 14 of 20 voted
    assert "三村" in flat and "四村" in flat  # not counted, named in the notes
    assert "填报人" in flat and "审核人" in flat and "负责人" in flat
    assert not (tmp_path / "统计表.xlsx.partial").exists()


def test_cli_report_elections_writes_the_sheet_and_refuses_what_it_cannot(tmp_path):
    from tests.unit.test_cli import as_json, cunwu

    d = tmp_path / "镇"
    assert cunwu("init", "township", "--name", "城关镇", "--code", TOWNSHIP, data_dir=d).returncode == 0
    out = cunwu("report", "elections", "--out", str(tmp_path / "统计表.xlsx"), "--json", data_dir=d)
    assert out.returncode == 0, out.stderr
    result = as_json(out)
    assert result["villages"] == 0 and result["counted"] == 0 and (tmp_path / "统计表.xlsx").exists()
    wrong = cunwu("--json", "report", "elections", "--out", str(tmp_path / "统计表.txt"), data_dir=d)
    assert wrong.returncode == 1 and ".xlsx" in wrong.stdout + wrong.stderr


def test_hostile_values_from_a_package_neither_break_the_board_nor_the_sheet(township, tmp_path):
    code = "33010600101"
    _village(code, "<b>粗体</b>村")
    e = _held_election(code, cast=6, election_day="2200-12-31", announced_on="1850-01-01", handover_on="",
                       roll_published_on="不是日期", seats="<script>=x,vc_member=-3,vc_chair=2")
    imported(Election, owner=code, kind="general", label="\u202e右到左", election_day="2024-02-29",
             committee_chosen_on="2024-01-01")
    Person.update(birth_year=-5, education="<i>", ethnicity="\x07").where(Person.owner == code).execute()
    board = svc.board(township, TODAY)
    [row] = board.rows
    assert row.election.id == e.id and row.election.seats == 2
    path = svc.export_stats(township, tmp_path / "s.xlsx", TODAY)
    assert path.exists()


def test_a_village_whose_last_election_was_2021_has_not_started_this_round(township):
    code = "33010600101"
    _village(code, "一村")
    _held_election(code, cast=6, election_day="2021-05-10", announced_on="2021-05-10", handover_on="2021-05-30",
                   roll_published_on="2021-04-01", candidates_published_on="2021-05-01", audit_published_on="")
    [row] = svc.board(township, TODAY).rows
    assert row.stage == eb.NOT_STARTED and row.election is None and row.findings == ()  # 2021's lateness is history
    assert row.village.previous.vote_day == "2021-05-10"
