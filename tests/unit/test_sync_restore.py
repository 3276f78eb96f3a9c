"""A village that restores a backup must not confuse the township.

Restoring puts the database back in time, package numbers and change
numbers with it. The next package must still get a new number, must never
overwrite a package already on the stick, and the township must compare it
record by record: what differs becomes a conflict a person decides.
"""

from __future__ import annotations

from desktop import backup
from desktop.services import exchange_service, record_store
from desktop.services.session import cli_session
from models.db import close_database
from models.entities import Person
from models.sync.records import Peer, SyncConflict
from tests.support.sites import TOWNSHIP_CODE, VILLAGE_CODE, canonical_dump, make_pair
from tests.support.sites import export_to as _export
from tests.support.sites import import_into as _apply


def _rename_person(site, name, index=0):
    session = site.use()
    person = Person.select().where(Person.deleted == False).order_by(Person.id)[index]  # noqa: E712
    record_store.update(session, person, name=name)
    person_id = person.id
    close_database()
    return person_id


def test_a_restored_village_keeps_numbering_and_the_township_sees_the_difference(tmp_path):
    township, village, usb = make_pair(tmp_path, years=1)
    _apply(township, _export(village, usb).path)
    _apply(village, _export(township, usb, recipient_code=VILLAGE_CODE).path)  # ack of package 1

    village.use()
    saved = backup.create_backup(village.paths.database, village.paths.backups, reason="manual")
    close_database()
    person_id = _rename_person(village, "王改名甲")
    other_id = _rename_person(village, "李改名丙", index=1)
    second = _export(village, usb)
    assert second.number == 2
    _apply(township, second.path)

    # the PC's database is restored from the backup made before package 2
    backup.restore(saved, village.paths.database, village.paths.backups)
    session = village.use()
    assert Peer.get_by_id(TOWNSHIP_CODE).last_out_no >= 2, "numbers never go backwards"
    record_store.update(session, Person.get_by_id(person_id), phone="13800000000")
    close_database()

    third = _export(village, usb)
    assert third.number == 3 and third.path != second.path and second.path.exists()
    assert third.seq_from == 0, "the first package after a restore is a full one"
    plan = _apply(township, third.path)
    assert any("旧备份恢复" in w for w in plan.warnings)
    # edited again after the restore: the owner's newest edit stands
    # changed before the backup was restored and not since: both versions are kept for a person
    assert plan.total("conflict") == 1, "the township's newer copy is not silently kept or overwritten"
    township.use()
    assert Person.get_by_id(person_id).phone == "13800000000"
    assert Person.get_by_id(other_id).name == "李改名丙"
    assert [c.record_id for c in SyncConflict.select()] == [other_id]
    # the township's person takes the village's (restored) version, as the village owns it
    exchange_service.resolve_conflict(cli_session("township"), SyncConflict.get().id, keep="incoming")
    close_database()

    # the township acknowledges; the village's next package is incremental again
    _apply(village, _export(township, usb, recipient_code=VILLAGE_CODE).path)
    _rename_person(village, "王改名乙")
    fourth = _export(village, usb)
    assert fourth.number == 4 and fourth.seq_from > 0
    plan = _apply(township, fourth.path)
    assert not any("旧备份恢复" in w for w in plan.warnings) and plan.total("conflict") == 0
    assert canonical_dump(township.paths.database, VILLAGE_CODE)["person"] == canonical_dump(
        village.paths.database, VILLAGE_CODE)["person"]


def test_a_package_never_overwrites_a_file_of_the_same_name(tmp_path):
    township, village, usb = make_pair(tmp_path, years=1, demo=False)
    first = _export(village, usb)
    blocker = usb / first.path.name.replace("_0001_", "_0002_")
    blocker.write_bytes(b"someone else's file")
    second = _export(village, usb)
    assert second.path.name.endswith(" (2).cwpkg") and blocker.read_bytes() == b"someone else's file"
    assert _apply(township, first.path).number == 1 and _apply(township, second.path).number == 2
