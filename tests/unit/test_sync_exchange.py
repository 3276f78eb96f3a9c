"""Village ⇄ township exchange on real data folders: enrollment, export, import, acks, conflicts."""

from __future__ import annotations

import json

import pytest

from desktop.services import people_service, record_store
from desktop.sync import exporter, importer
from desktop.sync import package_format as fmt
from models.db import close_database
from models.entities import Person
from models.errors import PackageRefused, PermissionDenied
from models.sync.records import PackageLog, Peer, SyncConflict
from tests.support.first_contact import confirmed_by
from tests.support.sites import (
    TOWNSHIP_CODE,
    VILLAGE_CODE,
    canonical_dump,
    full_dump,
    make_pair,
)
from tests.support.sites import export_to as export
from tests.support.sites import import_into as apply


@pytest.fixture
def pair(tmp_path):
    return make_pair(tmp_path, years=1)




def test_first_package_pins_the_village_key_and_copies_every_record(pair):
    township, village, usb = pair
    sent = export(village, usb)
    assert sent.path.name == f"{VILLAGE_CODE}_0001_{sent.path.name[-14:-6]}.cwpkg"
    assert sent.seq_from == 0 and sent.records > 500
    session = township.use()
    plan = importer.plan_import(sent.path, township.paths)
    assert plan.first_contact and len(plan.fingerprint.split(" ")) == 6
    assert any("核对电脑指纹" in w for w in plan.warnings)
    assert plan.total("new") == sent.records
    importer.apply_import(session, sent.path, township.paths, confirm=confirmed_by(village.paths))
    peer = Peer.get(Peer.code == VILLAGE_CODE)
    assert peer.status == "active" and peer.fingerprint == plan.fingerprint
    assert list(township.paths.backups.glob("*before-import*")), "a backup is taken before applying"
    close_database()
    assert canonical_dump(township.paths.database, VILLAGE_CODE) == canonical_dump(village.paths.database,
                                                                                   VILLAGE_CODE)


def test_the_readme_names_counts_but_no_personal_data(pair):
    township, village, usb = pair
    sent = export(village, usb)
    import zipfile

    with zipfile.ZipFile(sent.path) as zf:
        readme = zf.read(fmt.README).decode("utf-8")
        manifest = json.loads(zf.read(fmt.MANIFEST))
        records = zf.read(fmt.RECORDS)
    assert "青山村" in readme and "人员" in readme and "第 1 号" in readme
    village.use()
    names = [p.name for p in Person.select()]
    close_database()
    for name in names:
        assert name not in readme and name.encode() not in records
        assert name not in json.dumps(manifest, ensure_ascii=False)


def test_the_same_package_twice_changes_nothing(pair):
    township, village, usb = pair
    sent = export(village, usb)
    apply(township, sent.path)
    before = full_dump(township.paths.database)
    plan = apply(township, sent.path)
    assert plan.already_imported
    assert full_dump(township.paths.database) == before


def test_incremental_package_carries_only_the_changes_after_the_ack(pair):
    township, village, usb = pair
    apply(township, export(village, usb).path)
    apply(village, export(township, usb, recipient_code=VILLAGE_CODE).path)  # carries the ack
    session = village.use()
    person = Person.select().first()
    record_store.update(session, person, note="搬到镇上住了")
    people_service.add_person(session, "新村民", "女")
    close_database()
    sent = export(village, usb)
    assert sent.records == 2 and sent.counts == {"person": 2}
    plan = apply(township, sent.path)
    assert plan.total("new") == 1 and plan.total("changed") == 1
    village.use()
    assert PackageLog.get(PackageLog.number == 1, PackageLog.direction == "out").status == "acknowledged"
    close_database()
    assert canonical_dump(township.paths.database, VILLAGE_CODE) == canonical_dump(village.paths.database,
                                                                                   VILLAGE_CODE)


def test_an_older_package_after_a_newer_one_rolls_nothing_back(pair):
    township, village, usb = pair
    apply(township, export(village, usb).path)
    session = village.use()
    person = Person.select().order_by(Person.id).first()
    record_store.update(session, person, note="第一次修改")
    close_database()
    second = export(village, usb)
    session = village.use()
    record_store.update(session, Person.get_by_id(person.id), note="第二次修改")
    close_database()
    third = export(village, usb)
    apply(township, third.path)
    plan = apply(township, second.path)
    assert plan.total("older") == 1 and plan.total("changed") == 0
    assert any("较早" in w for w in plan.warnings)
    township.use()
    assert Person.get_by_id(person.id).note == "第二次修改"


def test_a_lost_package_is_reported_as_a_gap_only_when_its_changes_are_missing(pair):
    township, village, usb = pair
    apply(township, export(village, usb).path)
    apply(village, export(township, usb, recipient_code=VILLAGE_CODE).path)
    session = village.use()
    people_service.add_person(session, "甲", "男")
    close_database()
    export(village, usb)  # package 2: lost on the way
    session = village.use()
    people_service.add_person(session, "乙", "男")
    close_database()
    third = export(village, usb)  # not acknowledged: carries 甲 again
    plan = apply(township, third.path)
    assert plan.total("new") == 2 and not any("缺少" in w for w in plan.warnings)
    # the 村庄 register reads every village's ranges in one query: the same as one by one
    from desktop.sync import peers

    township.use()
    every = list(Peer.select())
    ranges = peers.imported_ranges_of(every)
    assert ranges == {p.code: peers.imported_ranges(p) for p in every}
    assert sorted(n for n, _start, _end in ranges[VILLAGE_CODE]) == [1, 3]
    close_database()


def test_a_gap_in_the_changes_is_named(pair):
    township, village, usb = pair
    apply(township, export(village, usb).path)
    apply(village, export(township, usb, recipient_code=VILLAGE_CODE).path)
    session = village.use()
    people_service.add_person(session, "甲", "男")
    close_database()
    second = export(village, usb)  # package 2, never imported...
    village.use()  # ...yet acknowledged (the township restored an older backup, say)
    Peer.update(out_acked_seq=second.seq_to, out_acked_no=2).execute()
    close_database()
    session = village.use()
    people_service.add_person(session, "乙", "男")
    close_database()
    third = export(village, usb)
    township.use()
    plan = importer.plan_import(third.path, township.paths)
    assert third.seq_from == second.seq_to and plan.total("new") == 1
    assert any("缺少第 2 号" in w for w in plan.warnings), plan.warnings


def test_deletes_and_attachments_travel(pair, tmp_path):
    from desktop.services import attachments_service

    township, village, usb = pair
    apply(township, export(village, usb).path)
    session = village.use()
    photo = tmp_path / "公开栏.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + bytes(range(256)) * 40)
    meeting_id = __import__("models.meetings.records", fromlist=["Meeting"]).Meeting.select().first().id
    attachments_service.add(session, village.paths.attachments, "meeting", meeting_id, photo, "photo")
    person = Person.select().order_by(Person.id).first()
    record_store.soft_delete(session, person)
    close_database()
    sent = export(village, usb)
    assert sent.attachments == 1
    apply(township, sent.path)
    township.use()
    assert Person.get_by_id(person.id).deleted
    digest = __import__("hashlib").sha256(photo.read_bytes()).hexdigest()
    assert attachments_service.stored_path(township.paths.attachments, digest).read_bytes() == photo.read_bytes()


def test_return_package_carries_township_records_about_that_village_only(pair):
    from models.rules.records import ReviewComment, RuleVersion

    township, village, usb = pair
    apply(township, export(village, usb).path)
    session = township.use()
    version = RuleVersion.select().first()
    record_store.create(session, ReviewComment, version=version, fingerprint="fp", position=3,
                        comment="第三条罚款规定没有法律依据,请删去。")
    with pytest.raises(PermissionDenied):  # the township may not edit the village's records
        record_store.update(session, Person.select().first(), note="乡镇改的")
    close_database()
    back = export(township, usb, recipient_code=VILLAGE_CODE)
    assert back.counts == {"review_comment": 1} and "乡镇回执" in back.path.name
    apply(village, back.path)
    village.use()
    comment = ReviewComment.get()
    assert comment.owner == TOWNSHIP_CODE and comment.version_id == version.id


def test_same_owner_conflict_keeps_both_versions(pair, tmp_path):
    """The village restores an old backup and edits again: two versions, nothing overwritten."""
    import shutil

    township, village, usb = pair
    apply(township, export(village, usb).path)
    apply(village, export(township, usb, recipient_code=VILLAGE_CODE).path)
    saved = tmp_path / "old.sqlite3"
    shutil.copy(village.paths.database, saved)
    session = village.use()
    person = Person.select().order_by(Person.id).first()
    record_store.update(session, person, note="恢复前写的")
    close_database()
    apply(township, export(village, usb).path)
    shutil.copy(saved, village.paths.database)  # the old backup comes back
    for suffix in ("-wal", "-shm"):
        (village.paths.database.parent / (village.paths.database.name + suffix)).unlink(missing_ok=True)
    session = village.use()
    Peer.update(last_out_no=Peer.last_out_no + 1).execute()  # it does know its package count from history
    record_store.update(session, Person.get_by_id(person.id), note="恢复后写的")
    close_database()
    plan = apply(township, export(village, usb).path)
    assert plan.total("conflict") == 1
    township.use()
    assert Person.get_by_id(person.id).note == "恢复前写的"
    conflict = SyncConflict.get()
    assert json.loads(conflict.incoming_values)["note"] == "恢复后写的"
    from desktop.services import exchange_service
    from desktop.services.session import cli_session

    rows = exchange_service.conflicts()
    assert rows[0].diffs[0].local == "恢复前写的" and rows[0].diffs[0].incoming == "恢复后写的"
    exchange_service.resolve_conflict(cli_session("township"), conflict.id, "incoming")
    assert Person.get_by_id(person.id).note == "恢复后写的"
    assert exchange_service.conflicts() == []


def test_export_refuses_before_enrollment_and_for_a_missing_stick(tmp_path):
    from desktop.paths import AppPaths
    from desktop.services import setup_service
    from desktop.services.session import cli_session
    from desktop.storage import open_store
    from models.errors import ValidationError

    paths = AppPaths(tmp_path / "d")
    open_store(paths)
    setup_service.initialize("village", "青山村", VILLAGE_CODE, "zhejiang")
    with pytest.raises(ValidationError, match="入网文件"):
        exporter.export_package(cli_session("village"), paths, tmp_path)
    with pytest.raises(ValidationError, match="U盘"):
        exporter.export_package(cli_session("village"), paths, tmp_path / "没有插")


def test_village_retired_or_reenrolled_key_is_refused(pair):
    from desktop.services.session import cli_session
    from desktop.sync import enrollment

    township, village, usb = pair
    apply(township, export(village, usb).path)
    old = export(village, usb)
    township.use()
    enrollment.reenroll_village(cli_session("township"), township.paths, VILLAGE_CODE, "村里换了电脑", usb)
    with pytest.raises(PackageRefused, match="停用的密钥"):
        importer.plan_import(old.path, township.paths)
    enrollment.retire_village(cli_session("township"), VILLAGE_CODE)
    with pytest.raises(PackageRefused, match="停用"):
        importer.plan_import(old.path, township.paths)


def test_the_preview_says_which_changes_are_deletions(pair):
    township, village, usb = pair
    apply(township, export(village, usb).path)
    apply(village, export(township, usb, recipient_code=VILLAGE_CODE).path)
    session = village.use()
    record_store.soft_delete(session, Person.select().order_by(Person.id).first())
    close_database()
    plan = apply(township, export(village, usb).path)
    people = next(t for t in plan.tables if t.table == "person")
    assert (people.changed, people.deleted) == (1, 1)
    assert any("人员" in line and "其中删除 1" in line for line in plan.summary_lines())
