"""Kept drafts on disk: atomic, private, per login and installation, gone when settled."""

from __future__ import annotations

import json
import os
import stat
import sys
from datetime import datetime

import pytest

from desktop.drafts_store import FORMAT_VERSION, DraftStore


def test_write_load_and_remove(tmp_path):
    store = DraftStore(tmp_path / "drafts", "wenshu", "330106001001")
    path = store.write("meeting:abc", "会议记录:十一月代表会议", "meetings", {"title": "十一月", "n": [1, 2]},
                       record_stamp="41", now=datetime(2026, 11, 28, 14, 3, 9))
    body = json.loads(path.read_text("utf-8"))
    assert body["version"] == FORMAT_VERSION and body["user"] == "wenshu"
    assert body["installation"] == "330106001001" and body["saved_at"] == "2026-11-28T14:03:09"
    draft = store.load("meeting:abc")
    assert draft.state == {"title": "十一月", "n": [1, 2]} and draft.record_stamp == "41"
    assert draft.area == "meetings" and draft.saved_at_text() == "2026-11-28 14:03"
    assert [d.key for d in store.pending()] == ["meeting:abc"]
    store.remove("meeting:abc")
    assert store.load("meeting:abc") is None and store.pending() == []
    assert list((tmp_path / "drafts").iterdir()) == []  # no temporary file left either
    store.remove("meeting:abc")  # twice: nothing happens


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_file_is_readable_by_the_user_only(tmp_path):
    path = DraftStore(tmp_path, "admin", "1").write("rule_version:x", "条文", "rules", {"t": "第一条"})
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_a_second_write_replaces_the_first(tmp_path):
    store = DraftStore(tmp_path, "admin", "1")
    store.write("k", "t", "a", {"v": 1})
    store.write("k", "t", "a", {"v": 2})
    assert [d.state for d in store.pending()] == [{"v": 2}]


def test_other_logins_installations_and_broken_files_are_not_offered(tmp_path):
    mine = DraftStore(tmp_path, "wenshu", "1")
    mine.write("meeting:a", "甲", "meetings", {}, now=datetime(2026, 1, 1))
    mine.write("meeting:b", "乙", "meetings", {}, now=datetime(2026, 1, 2))
    DraftStore(tmp_path, "jianwei", "1").write("meeting:a", "监委", "meetings", {})
    DraftStore(tmp_path, "wenshu", "2").write("meeting:a", "别的村", "meetings", {})
    (tmp_path / "broken.draft.json").write_text("{not json", "utf-8")
    (tmp_path / "old.draft.json").write_text(json.dumps({"version": 99, "user": "wenshu"}), "utf-8")
    assert [d.title for d in mine.pending()] == ["乙", "甲"]  # newest first


def test_a_state_that_is_not_json_changes_nothing(tmp_path):
    store = DraftStore(tmp_path, "admin", "1")
    store.write("k", "t", "a", {"v": 1})
    with pytest.raises(TypeError):
        store.write("k", "t", "a", {"v": object()})
    assert store.load("k").state == {"v": 1}
    assert len(list(tmp_path.iterdir())) == 1


def test_record_stamp_follows_writes_to_the_record_and_its_rows(village_demo):
    from desktop.services import meetings_service, record_stamps

    _paths, session = village_demo
    meeting = next(m for m in meetings_service.list_meetings() if m.status != "approved")
    key = f"meeting:{meeting.id}"
    before = record_stamps.stamp(key)
    assert before and before != record_stamps.MISSING
    assert record_stamps.stamp(key) == before  # reading changes nothing
    assert record_stamps.stamp("meeting:new:representatives") is None
    assert record_stamps.stamp("no_such_table:1") is None
    assert record_stamps.stamp("meeting:not-an-id") == record_stamps.MISSING
    draft = meetings_service.load(meeting.id)
    draft.place += "(改)"
    meetings_service.save(session, draft)
    assert record_stamps.stamp(key) != before


def test_a_meeting_state_survives_json_with_its_agenda_votes_and_attendance():
    from datetime import date

    from desktop.services.meetings_service import (
        AgendaLine,
        AttendanceLine,
        MeetingDraft,
        ResolutionLine,
    )
    from ui.meetings.draft_state import apply_state, to_state

    typed = MeetingDraft(type_code="representatives", held_on=date(2026, 11, 28), title="十一月会议",
                         place="礼堂", notice_date=date(2026, 11, 20),
                         attendance=[AttendanceLine("p1", "张三", "男", "absent", True)],
                         agenda=[AgendaLine("修路", "大家同意先修东段")],
                         resolutions=[ResolutionLine("修东段", "general", 30, 2, 1)])
    state = json.loads(json.dumps(to_state(typed)))
    opened = MeetingDraft(type_code="representatives", held_on=date(2026, 12, 1), id="m1", status="draft")
    back = apply_state(opened, state)
    assert back.id == "m1" and back.held_on == date(2026, 11, 28) and back.notice_date == date(2026, 11, 20)
    assert back.title == "十一月会议" and back.place == "礼堂"
    assert back.attendance == typed.attendance and back.agenda == typed.agenda
    assert back.resolutions == typed.resolutions
