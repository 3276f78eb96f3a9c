"""Many cycles village → township → village with edits on both sides: the copies stay equal."""

from __future__ import annotations

import random

from desktop.services import attachments_service, people_service, record_store
from desktop.sync import exporter, importer
from models.db import close_database
from models.entities import Person
from models.rules.records import ReviewComment, RuleVersion
from tests.support.first_contact import confirmed_by
from tests.support.sites import TOWNSHIP_CODE, VILLAGE_CODE, canonical_dump, make_pair

CYCLES = 8


def test_cycles_of_edits_deletes_and_attachments_keep_both_copies_equal(tmp_path):
    township, village, usb = make_pair(tmp_path, years=1)
    rng = random.Random(3)
    for cycle in range(CYCLES):
        session = village.use()
        people = list(Person.select().where(Person.deleted == False))  # noqa: E712
        for person in rng.sample(people, 3):
            record_store.update(session, person, note=f"第 {cycle} 轮修改")
        people_service.add_person(session, f"新人{cycle}", rng.choice(["男", "女"]))
        record_store.soft_delete(session, rng.choice(people))
        if cycle % 3 == 1:
            deleted = Person.select().where(Person.deleted == True).first()  # noqa: E712
            record_store.restore(session, deleted)
        photo = tmp_path / f"照片{cycle}.jpg"
        photo.write_bytes(rng.randbytes(2000))
        attachments_service.add(session, village.paths.attachments, "person", people[0].id, photo, "photo")
        sent = exporter.export_package(session, village.paths, usb)
        close_database()

        session = township.use()
        importer.apply_import(session, sent.path, township.paths, backup=False, confirm=confirmed_by(village.paths))
        version = RuleVersion.select().order_by(RuleVersion.id).first()
        comment = record_store.create(session, ReviewComment, version=version, fingerprint="fp",
                                      position=cycle, comment=f"第 {cycle} 轮意见")
        if cycle % 2:
            record_store.soft_delete(session, comment)
        back = exporter.export_package(session, township.paths, usb, recipient_code=VILLAGE_CODE)
        close_database()

        session = village.use()
        importer.apply_import(session, back.path, village.paths, backup=False)
        close_database()
        for owner in (VILLAGE_CODE, TOWNSHIP_CODE):
            assert canonical_dump(township.paths.database, owner) == canonical_dump(
                village.paths.database, owner), (cycle, owner)
    # every attachment file arrived, and incremental packages stayed small
    village.use()
    from models.meetings.records import Attachment

    hashes = {a.sha256 for a in Attachment.select()}
    close_database()
    for digest in hashes:
        assert attachments_service.stored_path(township.paths.attachments, digest).exists()
    assert sent.seq_from > 0 and sent.records < 20
