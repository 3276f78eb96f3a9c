"""Search (issue 19): the query's rules on a real demo village, and the pure helpers."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import meetings_service, people_service, search_service
from desktop.services.meetings_service import AgendaLine, ResolutionLine
from desktop.services.search_service import find_spans, fts_phrase, snippet, words_of
from models import search_index
from models.errors import ValidationError


def test_words_are_split_on_blanks_and_a_short_word_inside_a_longer_one_is_dropped():
    assert words_of("  土地  承包\u3000土地 ") == ("土地", "承包")
    assert words_of("土地承包 土地") == ("土地承包",)
    assert words_of("ROAD road") == ("ROAD",)
    # quotes and * around a word, as typed into a web search box, are not part of it; inside a word they are
    assert words_of('"土地" “承包” 撂荒* \'\' "') == ("土地", "承包", "撂荒")
    assert words_of('财务"收支 (财务*') == ('财务"收支', "(财务")


def test_full_width_letters_and_digits_are_the_same_words():
    assert search_service.variants("２０２５") == ("２０２５", "2025")
    assert search_service.variants("Ab1") == ("ab1", "ａｂ１")
    assert search_service.variants("土地") == ("土地",)
    assert find_spans("2025年、２０２５年", ("2025",)) == [(0, 4), (6, 10)]


def test_fts_phrases_are_literal():
    assert fts_phrase('a"b') == '"a""b"'
    assert fts_phrase("OR") == '"OR"'


def test_the_snippet_is_plain_text_around_the_first_match_with_its_spans():
    body = "第一章 总则\n" + "甲" * 40 + "<b>土地承包</b>经营权" + "乙" * 90
    text, spans = snippet(body, ("土地承包",))
    assert "\n" not in text and text.startswith("…") and text.endswith("…")
    assert [text[s:e] for s, e in spans] == ["土地承包"]
    assert "<b>" in text  # record text stays text: the caller escapes it
    assert find_spans("Road road ROAD", ("road",)) == [(0, 4), (5, 9), (10, 14)]


@pytest.fixture
def demo(village_demo):
    return village_demo[1]


def test_the_demo_village_is_indexed_and_found_by_3_2_and_1_characters(demo):
    assert not search_index.out_of_step()
    three = search_service.search(demo, "财务收支")
    assert {h.kind for h in three.hits} >= {"posting", "meeting"}
    assert all("财务收支" in h.title + h.snippet for h in three.hits)
    two = search_service.search(demo, "村民")
    assert two.total >= three.total > 0
    assert all(h.snippet[s:e] == "村民" for h in two.hits for s, e in h.spans)
    one = search_service.search(demo, "章")
    assert any(h.kind == "article" for h in one.hits)


def test_hits_are_grouped_by_kind_and_newest_first_within_a_kind(demo):
    found = search_service.search(demo, "村")
    kinds = [h.kind for h in found.hits]
    assert kinds == sorted(kinds, key=search_service.KINDS.index)
    for _kind, hits in found.by_kind():
        days = [h.date for h in hits]
        assert days == sorted(days, reverse=True)


def test_fts_syntax_is_text_and_a_query_longer_than_any_text_finds_nothing(demo):
    for query in ('"', '财务"收支', "财务 OR 收支", "(财务*", "NEAR(a b)", "AND", "-村民", "村民^", "a:b"):
        search_service.search(demo, query)  # no FTS5 syntax error
    assert search_service.search(demo, "财务 OR 收支").total == 0  # "OR" is a word that must appear
    assert search_service.search(demo, "财" * 5000).total == 0


def test_mixed_short_and_long_words_all_must_appear(demo):
    both = search_service.search(demo, "会议 2025 例会")
    assert both.total > 0
    for h in both.hits:
        assert all(w in h.title + "\n" + search_text(h) for w in ("会议", "2025", "例会"))


def test_digits_typed_full_width_find_the_same_records(demo):
    for half, full in (("2025", "２０２５"), ("12", "１２"), ("2025年12月", "２０２５年１２月")):
        assert search_service.search(demo, full).total == search_service.search(demo, half).total > 0


def search_text(hit) -> str:
    from models.db import database

    return database.execute_sql("SELECT body FROM search_doc WHERE record_id = ?", [hit.id]).fetchone()[0]


def test_filters_and_the_limit(demo):
    everything = search_service.search(demo, "王", limit=1000)
    limited = search_service.search(demo, "王", limit=100)
    assert len(limited.hits) == 100 < everything.total and limited.truncated
    assert limited.total == everything.total
    only = search_service.search(demo, "村", kind="meeting")
    assert {h.kind for h in only.hits} == {"meeting"}
    year = date.today().year
    dated = search_service.search(demo, "会议", year=year)
    assert dated.hits and all(h.date.startswith(str(year)) for h in dated.hits)
    with pytest.raises(ValidationError, match="没有“meetings”这类记录"):
        search_service.search(demo, "村", kind="meetings")
    with pytest.raises(ValidationError, match="年份"):
        search_service.search(demo, "村", year="24")
    assert search_service.search(demo, "   ").hits == ()


def test_a_meeting_written_through_its_service_is_found_and_gone_when_abandoned(demo):
    draft = meetings_service.new_draft("representatives", date(2026, 3, 2))
    draft.title = "修路议事会"
    draft.agenda = [AgendaLine("东山道路硬化", "讨论了东山组到村部的道路硬化方案")]
    draft.resolutions = [ResolutionLine("同意东山道路硬化工程", "general", 30, 0, 0)]
    meeting_id = meetings_service.save(demo, draft)
    hits = search_service.search(demo, "道路硬化").hits
    assert [h.id for h in hits] == [meeting_id]
    assert hits[0].target == f"meetings:@{meeting_id}" and hits[0].village_name == "青山村"
    assert search_service.search(demo, "路").total >= 1
    meetings_service.delete_draft(demo, meeting_id)
    assert search_service.search(demo, "道路硬化").total == 0


def test_a_person_is_found_by_name_never_by_phone(demo):
    person = people_service.add_person(demo, "欧阳修远", "男", village_group="三组", phone="13912345678")
    hits = search_service.search(demo, "欧阳").hits
    assert [(h.kind, h.id, h.target) for h in hits] == [("person", person.id, f"people:@{person.id}")]
    assert search_service.search(demo, "13912345678").total == 0
    assert search_service.search(demo, "欧阳修远 三组").total == 1


def test_the_road_is_found_by_the_word_a_secretary_types(demo):
    """Issue 19's done-when: "the meeting that decided the road" in one step; she types 道路, not 村道硬化."""
    found = search_service.search(demo, "道路", kind="meeting")
    titles = [h.title for h in found.hits]
    assert "村道硬化工程村民代表会议" in titles, titles  # the 四议两公开 meeting that resolved it
    decided = next(h for h in found.hits if h.title == "村道硬化工程村民代表会议")
    assert decided.target == f"meetings:@{decided.id}" and "道路" in decided.snippet
    detail = meetings_service.load(decided.id)
    assert any("道路" in r.text and r.text.startswith("同意实施") for r in detail.resolutions)
