"""The printed election papers, from an election written to a real database through record_store."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from desktop.reports import election_documents as ed
from desktop.reports import election_printing, pdf
from desktop.reports.surname_strokes import STROKES, stroke_sorted, strokes
from desktop.services import election_papers_service as eps
from tests.support.election_papers import write_election


@pytest.fixture
def election(village):
    return eps.load(write_election(village[1]))


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_roll_by_group_with_counts_the_objection_article_and_escaped_names(election):
    html = ed.roll_html(election)
    text = _text(html)
    assert "第一组(共 4 人)" in text and "第二组(共 4 人)" in text
    assert "孙离" not in text  # taken off the list
    assert "全村登记选民共 8 人" in text and "户籍在本村并在本村居住的 6 人" in text
    assert "五日内向村民选举委员会提出" in text and "《村民委员会组织法》(2025)" in text  # a 2026 election
    assert "公布日期:2026年4月28日" in text and "村民选举委员会(盖章)" in text
    assert "陈&lt;b&gt;明&lt;/b&gt;※" in html and "<b>明</b>" not in html


def test_candidates_by_surname_strokes_and_the_ballot(election):
    text = _text(ed.candidates_html(election))
    assert "主任(应选 1 名,候选人 2 名,按姓氏笔画排序)" in text
    assert text.index("丁一") < text.index("张伟") < text.index("李秀英")  # 2, 7, 7 strokes: ties keep their order
    assert text.index("王建国") < text.index("陈&lt;b&gt;明")  # 王 4 strokes, 陈 7 (Taiwan's count would say 8)
    html = ed.ballot_html(election, per_page=2)
    ballot = _text(html)
    assert ballot.count("应选 2 名,多选无效") == 2
    assert html.count("<font size='2'>另选他人") == 2 * 3  # a blank per seat: chair 1 + members 2, two ballots
    assert "主任应选 1 名、委员应选 2 名,每一职务所划“○”多于应选名额的,该职务的选票无效" in ballot


def test_proxy_list_and_card(election):
    listed = _text(ed.proxy_list_html(election))
    assert "共 1 人委托投票" in listed and "公布日期:2026年5月15日" in listed and "兄弟姐妹" in listed
    assert "陈&lt;b&gt;明&lt;/b&gt;" in listed
    text = _text(ed.proxy_cards_html(election))
    assert "委托人陈&lt;b&gt;明&lt;/b&gt;(第一组)" in text and "受托人王建国(第一组)" in text
    assert "兄弟姐妹" in text and "2026年5月12日" in text


def test_count_report_writes_out_the_engines_arithmetic(election):
    text = _text(ed.count_report_html(election))
    assert "登记选民 8 人,投票 5 人,超过半数(4 人),选举有效" in text
    assert "5 ÷ 2 = 2.5 票,得票须多于 2.5 票" in text
    assert "王建国得 3 票,超过参加投票 5 人的半数,当选主任" in text  # the tally engine's own words
    assert "委员应选 2 名,只选出 1 名,不足的 1 名另行选举" in text
    assert "6 ÷ 3 = 2 票" in text
    assert "李秀英得 2 票,在另行选举中得票多,且不少于已投选票 6 张的三分之一,当选委员" in text
    assert "周丽(另选)" in text and "少于已投选票 6 张的三分之一,未当选" in text
    assert "计算过程" in text and "3 × 2 = 6 &gt; 5" in text
    for who in ("监票人", "计票人", "唱票人", "村民选举委员会主任"):
        assert who in text


def test_announcement_and_handover(election):
    text = _text(ed.announcement_html(election))
    assert "登记选民 8 人,投票 5 人,超过半数(4 人),选举有效" in text
    assert text.index("王建国") < text.index("张伟") < text.index("李秀英")
    assert "2(另行选举)" in text  # 李秀英 was elected in the 另行选举, with its votes
    assert "2026年5月20日" in text
    hand = ed.handover_html(election)
    assert "财务账册 &lt;2020-2025&gt;" in hand and "城关镇 李干部" in hand
    assert "十日内" in _text(hand) and "2026年5月28日" in _text(hand)
    assert [kind for kind in ed.PAPERS if ed.missing(election, kind)] == [ed.RUNOFF_BALLOT]  # the 另行选举 was held
    assert ed.missing(election, ed.RUNOFF_BALLOT) == "计票结果没有留下要另行选举的名额。"


def test_runoff_ballot_has_the_engines_candidates_for_the_seat_left(village):
    from desktop.services import record_store
    from models.elections.records import ElectionRound

    election_id = write_election(village[1])
    runoff = ElectionRound.get((ElectionRound.election == election_id) & (ElectionRound.number == 2))
    record_store.soft_delete(village[1], runoff)  # as if the 另行选举 were still to hold
    data = eps.load(election_id)
    assert ed.ballot_posts(data, runoff=True) == [("vc_member", ["丁一", "李秀英"], 1)]  # 丁 2 strokes, 李 7
    text = _text(ed.document_html(data, ed.RUNOFF_BALLOT))
    assert "另行选举选票" in text and "应选 1 名,多选无效" in text and "主任" not in text.split("说明")[0]


def test_turnout_line_writes_the_half_out():
    assert ed.turnout_line(812, 640, True) == "登记选民 812 人,投票 640 人,超过半数(406 人),选举有效"
    assert ed.turnout_line(812, 406, False).endswith("未超过半数(406 人),选举无效")
    assert ed.turnout_line(811, 406, True).endswith("超过半数(405.5 人),选举有效")


def test_stroke_table():
    assert strokes("陈") == 7 and strokes("邓小平") == 4 and strokes("郭") == 10 and strokes("") is None
    assert len(STROKES) > 250
    names, ok = stroke_sorted(["魏", "丁", "王"], str)
    assert ok and names == ["丁", "王", "魏"]
    assert stroke_sorted(["王", "䶮"], str) == (["王", "䶮"], False)


def test_one_pdf_is_written(election, qapp, tmp_path):
    out = pdf.write_pdf(ed.roll_html(election, columns=12), tmp_path / "选民名单.pdf", pdf.A3)
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
        assert re.search(r"Pages:\s+1\b", info)


def test_ballots_fill_one_page(election, qapp, tmp_path):
    html, per_page = election_printing.fit_ballots(election)
    assert per_page >= 2 and pdf.page_count(html) == 1
    out = election_printing.write_paper(election, ed.BALLOT, tmp_path / "选票.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    cards, per_page = election_printing.fit_proxy_cards(election)
    assert per_page == 3 and pdf.page_count(cards) == 1  # three whole cards to an A4 page


def test_the_read_layer_does_not_query_per_voter(village):
    from desktop.services import people_service, record_store
    from models.db import database
    from models.elections.records import Voter

    admin = village[1]
    election_id = write_election(admin)

    def statements() -> int:
        seen: list[str] = []
        database.connection().set_trace_callback(seen.append)
        try:
            eps.load(election_id)
        finally:
            database.connection().set_trace_callback(None)
        return len(seen)

    before = statements()
    for n in range(5):
        person = people_service.add_person(admin, f"新选民{n}", "女", village_group="第二组")
        record_store.create(admin, Voter, election=election_id, person=person.id, village_group="第二组")
    assert 0 < before == statements()


def test_a_date_stored_wrong_prints_as_a_blank_to_fill():
    from desktop.reports.election_documents import cn_date

    assert cn_date("2026-05-06") == "2026年5月6日"
    assert cn_date("2026-02-30") == cn_date("昨天") == cn_date("") == "____年__月__日"


def test_a_by_elections_announcement_dates_the_end_of_the_term(election):
    from dataclasses import replace

    by = replace(election, kind="by_election", term_end="2031-06-27")
    assert "其任期到本届村民委员会任期届满时(2031年6月27日)止" in _text(ed.announcement_html(by))
    unknown = _text(ed.announcement_html(replace(by, term_end="")))  # not recorded: the rule without a date
    assert "任期届满时止" in unknown and "____年" not in unknown
    assert "任期届满" not in _text(ed.announcement_html(election))  # a 换届 says nothing of it


def test_a_by_election_by_a_meeting_names_its_members_in_the_turnout_line():
    assert ed.turnout_line(9, 7, True, "representatives") == "在任村民代表 9 人,投票 7 人,超过半数(4.5 人),选举有效"
    assert ed.turnout_line(800, 500, True, "villagers").startswith("年满十八周岁村民 800 人")
