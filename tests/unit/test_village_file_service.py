"""The village file's reads on the demo township: one village's records, nothing of another's, no write."""

from __future__ import annotations

import pytest

from desktop.services import disclosure_service as ds
from desktop.services.village_file import (
    elections,
    matters,
    meetings,
    packages,
    people,
    postings,
    rules,
    summary,
)
from models.db import close_database, database
from models.errors import NotFound
from models.rules import procedure as proc
from tests.support.demo import demo_township

FIRST, SECOND = "330106001001", "330106001002"


@pytest.fixture(scope="module")
def township(tmp_path_factory):
    """The 3-village, 1-year demo township (the session template), opened once for these read-only tests."""
    from desktop.paths import AppPaths

    paths = AppPaths(tmp_path_factory.mktemp("vf") / "乡镇")
    session = demo_township(paths, villages=3, years=1)
    yield paths, session
    close_database()


def _count(table: str, code: str) -> int:
    return database.execute_sql(f"SELECT count(*) FROM {table} WHERE owner = ? AND deleted = 0", (code,)).fetchone()[0]


def test_the_head_names_the_village_its_last_package_and_its_records(township):
    _paths, session = township
    s = summary.summary(session, FIRST)
    assert (s.code, s.name, s.status) == (FIRST, "青山村", "active")
    assert s.last_number == 1 and s.data_as_of and s.has_data
    assert s.counts["meetings"] == _count("meeting", FIRST) > 0
    assert s.counts["people"] == _count("person", FIRST) > 0
    with pytest.raises(NotFound):
        summary.summary(session, "330106001999")


def test_the_rule_in_force_reads_as_text_and_diffs_with_the_version_before(township):
    _paths, session = township
    sets = rules.rule_sets(session, FIRST)
    versions = [v for s in sets for v in s.versions]
    in_force = [v for v in versions if v.in_force]
    assert len(in_force) == 1 and in_force[0].filed_on
    for v in versions:  # the list says filed exactly when the text's head does (the township's own 备案 counts)
        assert v.filed_on == rules.version_text(session, FIRST, v.id).filed_on, v.title
    text = rules.version_text(session, FIRST, in_force[0].id)
    assert text.status == proc.ST_IN_FORCE and len(text.articles) == in_force[0].articles > 0
    assert text.receipt_no  # the township's own 备案 counted
    older = versions[versions.index(in_force[0]) + 1]
    entries = rules.compare(session, FIRST, older.id, in_force[0].id)
    assert any(e.changed_at_all for e in entries)
    article_id = database.execute_sql("SELECT id FROM rule_article WHERE version_id = ? AND deleted = 0 "
                                      "ORDER BY position LIMIT 1 OFFSET 2", (text.id,)).fetchone()[0]
    assert rules.article_place(session, FIRST, article_id) == (text.id, 2)


def test_meetings_postings_matters_and_people_of_one_village(township):
    _paths, session = township
    listed = meetings.meetings(session, FIRST)
    assert len(listed) == _count("meeting", FIRST)
    assert [m.held_on for m in listed] == sorted((m.held_on for m in listed), reverse=True)
    voted = next(m for m in listed if m.resolutions)
    record = meetings.meeting(session, FIRST, voted.id)
    assert len(record.resolutions) == voted.resolutions and record.agenda and record.expected >= record.present
    assert meetings.meetings(session, FIRST, limit=3) == listed[:3]
    step_meeting = database.execute_sql("SELECT s.meeting_id FROM decision_step s WHERE s.owner = ? "
                                        "AND s.meeting_id IS NOT NULL LIMIT 1", (FIRST,)).fetchone()[0]
    assert meetings.meeting(session, FIRST, step_meeting).decision_steps  # 四议两公开 shown with its meeting

    finance = next(p for p in postings.postings(session, FIRST) if p.category == "finance" and p.status == "posted")
    posting = postings.posting(session, FIRST, finance.id)
    assert posting.has_table and posting.lines and posting.posted_on == finance.posted_on
    assert ds.table(finance.id) == (posting.opening_fen, posting.closing_fen, list(posting.lines))  # the village's reader

    listed_matters = matters.matters(session, FIRST)
    assert listed_matters and matters.matter(session, FIRST, listed_matters[0].id).title == listed_matters[0].title
    register = people.people(session, FIRST)
    holder = next(p for p in register if p.roles)
    assert people.person(session, FIRST, holder.id).roles


def test_the_election_is_the_boards_and_the_packages_are_the_villages(township):
    paths, session = township
    row = elections.election(session, FIRST)
    assert row.village.code == FIRST and row.election is not None and row.election.members
    log = packages.packages(session, paths, FIRST)
    assert log and {r.peer_code for r in log} == {FIRST}


def test_an_election_named_by_a_link_is_the_one_shown_not_only_the_latest(township):
    """Issue 19 (fix): a link or search hit to the 2021 换届 shows the 2021 换届, with the 补选 of its term."""
    _paths, session = township
    ids = [i for (i,) in database.execute_sql(
        "SELECT id FROM election WHERE owner = ? AND kind = 'general' AND deleted = 0 ORDER BY election_day",
        (FIRST,))]
    assert len(ids) == 2  # the 2021 换届 and the 2026 one (the first demo village's is done)
    assert elections.election(session, FIRST).election.id == ids[-1]
    earlier = elections.election(session, FIRST, election_id=ids[0])
    assert earlier.election.id == ids[0] and earlier.election.vote_day.startswith("2021")
    assert elections.election(session, FIRST, election_id="no-such-id").election.id == ids[-1]


def test_a_record_of_another_village_is_not_in_this_villages_file(township):
    _paths, session = township
    other_meeting = meetings.meetings(session, SECOND)[0].id
    other_version = rules.rule_sets(session, SECOND)[0].versions[0].id
    other_person = people.people(session, SECOND, limit=1)[0].id
    with pytest.raises(NotFound):
        meetings.meeting(session, FIRST, other_meeting)
    with pytest.raises(NotFound):
        rules.version_text(session, FIRST, other_version)
    with pytest.raises(NotFound):
        rules.compare(session, FIRST, other_version, other_version)
    with pytest.raises(NotFound):
        people.person(session, FIRST, other_person)
    with pytest.raises(NotFound):
        postings.posting(session, FIRST, other_meeting)


def test_reading_the_whole_file_writes_nothing(township):
    paths, session = township
    connection = database.connection()
    before = connection.total_changes
    audit = database.execute_sql("SELECT count(*) FROM audit_entry").fetchone()[0]
    summary.summary(session, FIRST)
    for s in rules.rule_sets(session, FIRST):
        for v in s.versions:
            rules.version_text(session, FIRST, v.id)
    for m in meetings.meetings(session, FIRST):
        meetings.meeting(session, FIRST, m.id)
    for p in postings.postings(session, FIRST):
        postings.posting(session, FIRST, p.id)
    for m in matters.matters(session, FIRST):
        matters.matter(session, FIRST, m.id)
    elections.election(session, FIRST)
    packages.packages(session, paths, FIRST)
    packages.notices(session, FIRST)
    assert connection.total_changes == before
    assert database.execute_sql("SELECT count(*) FROM audit_entry").fetchone()[0] == audit


def test_the_printed_forms_are_signed_by_the_village_not_the_township(township):
    from desktop.reports import disclosure_documents, meeting_documents, rules_documents

    _paths, session = township
    in_force = next(v for s in rules.rule_sets(session, FIRST) for v in s.versions if v.in_force)
    meeting_id = meetings.meetings(session, FIRST)[0].id
    posting_id = postings.postings(session, FIRST)[0].id
    for html in (rules_documents.rule_text_html(in_force.id, "青山村"),
                 meeting_documents.minutes_html(meeting_id, "青山村"),
                 disclosure_documents.poster_html(posting_id, "青山村")):
        assert "青山村村民委员会" in html and "青山镇村民委员会" not in html  # the 回执 number names the 镇


def test_the_register_pages_with_the_lines_the_list_read(township):
    """The file's 村民 tab reads ids, then lines by the chunk: the same people and lines, no limit, no other village's."""
    _paths, session = township
    ids = people.people_ids(session, FIRST)
    whole = people.people(session, FIRST)
    assert len(ids) == len(whole) == _count("person", FIRST)
    lines = people.people_lines(session, FIRST, ids)
    assert [p.id for p in lines] == ids
    assert {p.id: p for p in lines} == {p.id: p for p in whole}
    assert [(bool(p.left_on), p.name) for p in lines] == [(bool(p.left_on), p.name) for p in whole]
    assert people.people_lines(session, SECOND, ids[:5]) == []


def test_lists_longer_than_the_old_limits_come_whole(township):
    """No silent end: 2,000 meetings and postings and 5,000 people were once all the file listed (tester row 11)."""
    from tests.support.village_file_rows import clone_rows

    _paths, session = township
    with database.atomic() as transaction:  # the module's township stays as it was for the other tests
        old = clone_rows("meeting", SECOND, 2100, "old-m-", held_on="printf('1990-01-%02d', 1 + k % 28)",
                         corrects_id="NULL")
        clone_rows("disclosure_item", SECOND, 2100, "old-p-", period="'1990-01'")
        moved = clone_rows("person", SECOND, 5100, "many-", name="printf('王%d', k)")
        listed = meetings.meetings(session, SECOND)
        assert len(listed) == _count("meeting", SECOND) > 2100 and set(old) <= {m.id for m in listed}
        assert [m.held_on for m in listed] == sorted((m.held_on for m in listed), reverse=True)
        assert listed[-1].held_on.startswith("1990")  # the oldest meeting is there, at the end
        assert meetings.meetings(session, SECOND, limit=5) == listed[:5]
        listed_postings = postings.postings(session, SECOND)
        assert len(listed_postings) == _count("disclosure_item", SECOND) > 2100
        assert listed_postings[-1].period == "1990-01"
        # The tabs page these lists: every id in the list's order, the lines by the chunk (same lines).
        ids = meetings.meeting_ids(session, SECOND)
        assert ids == [m.id for m in listed]
        assert meetings.meeting_lines(session, SECOND, ids[2000:2050] + ids[:3]) == listed[2000:2050] + listed[:3]
        assert meetings.meeting_lines(session, FIRST, ids[:5]) == []  # not another village's
        year = int(listed[0].held_on[:4])
        assert meetings.meeting_ids(session, SECOND, year) == [m.id for m in meetings.meetings(session, SECOND, year)]
        posting_ids = postings.posting_ids(session, SECOND)
        assert posting_ids == [p.id for p in listed_postings]
        assert postings.posting_lines(session, SECOND, posting_ids[::-1]) == listed_postings[::-1]
        assert postings.posting_lines(session, FIRST, posting_ids[:5]) == []
        register = people.people(session, SECOND)
        assert len(register) == _count("person", SECOND) > 5100 and set(moved) <= {p.id for p in register}
        assert [i for i, _n, _left in people.people_names(session, SECOND)] == people.people_ids(session, SECOND)
        assert len(packages.notices(session, SECOND)) == database.execute_sql(
            "SELECT count(*) FROM township_notice WHERE village_code = ? AND deleted = 0", (SECOND,)).fetchone()[0]
        transaction.rollback()
    assert _count("meeting", SECOND) < 2100
