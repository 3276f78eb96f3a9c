from __future__ import annotations

import pytest

from desktop.services import attachments_service, setup_service
from models.errors import PermissionDenied, ValidationError


def test_attach_dedupe_list_export_remove(village, tmp_path):
    paths, admin = village
    scan = tmp_path / "签到表.jpg"
    scan.write_bytes(b"\xff\xd8fake jpeg" * 1000)
    a = attachments_service.add(admin, paths.attachments, "meeting", "m1", scan, "sign_in")
    b = attachments_service.add(admin, paths.attachments, "meeting", "m2", scan, "sign_in")
    assert a.sha256 == b.sha256
    assert len(list(paths.attachments.rglob("*"))) == 2  # one folder, one file
    rows = attachments_service.list_for("meeting", "m1")
    assert [(r.filename, r.kind, r.size) for r in rows] == [("签到表.jpg", "sign_in", 11000)]
    first = attachments_service.export_copy(paths.attachments, a.id, tmp_path / "out")
    second = attachments_service.export_copy(paths.attachments, a.id, tmp_path / "out")
    assert first.name == "签到表.jpg" and second.name == "签到表(2).jpg"
    assert first.read_bytes() == scan.read_bytes()
    attachments_service.remove(admin, a.id)
    assert attachments_service.list_for("meeting", "m1") == []
    assert attachments_service.list_for("meeting", "m2")  # shared content stays


def test_bad_files_are_refused_with_reasons(village, tmp_path):
    paths, admin = village
    empty = tmp_path / "空.jpg"
    empty.write_bytes(b"")
    with pytest.raises(ValidationError) as err:
        attachments_service.add(admin, paths.attachments, "meeting", "m1", empty)
    assert "空文件" in str(err.value)
    with pytest.raises(ValidationError) as err:
        attachments_service.add(admin, paths.attachments, "meeting", "m1", tmp_path / "nope.jpg")
    assert "找不到文件" in str(err.value)
    assert attachments_service.list_for("meeting", "m1") == []


def test_viewers_cannot_attach(village, tmp_path):
    paths, admin = village
    setup_service.create_user(admin, "kan", "只读", "viewer", "View-1234")
    from desktop.services import auth_service

    viewer = auth_service.login("kan", "View-1234")
    f = tmp_path / "x.jpg"
    f.write_bytes(b"x")
    with pytest.raises(PermissionDenied):
        attachments_service.add(viewer, paths.attachments, "meeting", "m1", f)


def test_province_can_be_changed_by_the_administrator(village):
    _, admin = village
    assert setup_service.set_province(admin, "shanghai").province == "shanghai"
    from models.entities import Village

    assert Village.get(Village.code == "330106001001").province == "shanghai"
    with pytest.raises(ValidationError):
        setup_service.set_province(admin, "mars")


def test_approved_minutes_keep_their_attachments_and_corrections_inherit_them(village, tmp_path):
    from datetime import date

    from desktop.services import meetings_service, people_service
    from desktop.services.meetings_service import AttendanceLine

    paths, admin = village
    draft = meetings_service.new_draft("two_committees", date(2026, 9, 1))
    # Someone on the list: minutes whose quorum cannot be judged (nobody listed) are not approved.
    person = people_service.add_person(admin, "王建国", "男")
    draft.attendance = [AttendanceLine(person.id, person.name, person.gender)]
    mid = meetings_service.save(admin, draft)
    scan = tmp_path / "签到表.jpg"
    scan.write_bytes(b"scan")
    a = attachments_service.add(admin, paths.attachments, "meeting", mid, scan, "sign_in")
    meetings_service.approve(admin, mid)
    with pytest.raises(ValidationError) as err:
        attachments_service.remove(admin, a.id)
    assert "已经审定" in str(err.value)
    correction = meetings_service.save(admin, meetings_service.correct(admin, mid))
    assert [r.filename for r in attachments_service.list_for("meeting", correction)] == ["签到表.jpg"]
