from __future__ import annotations

import json
import sqlite3

import peewee
import pytest

from desktop.services import people_service, record_store
from models import audit
from models.db import close_database, database
from models.entities import AuditEntry, Person
from models.sequence import current_seq


def test_every_write_takes_the_next_seq_across_tables(village):
    _, admin = village
    start = current_seq()
    a = people_service.add_person(admin, "王建国", "男")
    role = people_service.add_role(admin, a, "representative", "2021-04-18")
    b = people_service.add_person(admin, "李秀英", "女")
    assert (a.seq, role.seq, b.seq) == (start + 1, start + 2, start + 3)
    assert a.owner == "330106001001" and a.updated_at.endswith("Z")
    updated = record_store.update(admin, a, phone="13800000000")
    assert updated.seq == start + 4


def test_update_audits_old_and_new_values_only_for_changes(village):
    _, admin = village
    p = people_service.add_person(admin, "王建国", "男", village_group="一组")
    record_store.update(admin, p, village_group="二组", name="王建国")
    last = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert (last.actor, last.action, last.table_name, last.record_id) == ("admin", "update", "person", p.id)
    assert json.loads(last.old_values) == {"village_group": "一组"}
    assert json.loads(last.new_values) == {"village_group": "二组"}


def test_soft_delete_and_restore_keep_the_record(village):
    _, admin = village
    p = people_service.add_person(admin, "张三", "男")
    record_store.soft_delete(admin, p)
    assert [r.name for r in people_service.register()] == []
    assert Person.get_by_id(p.id).deleted
    record_store.restore(admin, p)
    assert [r.name for r in people_service.register()] == ["张三"]
    actions = [e.action for e in AuditEntry.select().where(AuditEntry.record_id == p.id).order_by(AuditEntry.id)]
    assert actions == ["create", "delete", "restore"]


def test_failed_write_leaves_no_trace(village):
    _, admin = village
    seq, rows = current_seq(), AuditEntry.select().count()
    with pytest.raises(peewee.IntegrityError):
        record_store.create(admin, people_service.PersonRole, person="no-such-person", role="clerk")
    assert current_seq() == seq and AuditEntry.select().count() == rows


def test_password_hash_never_reaches_the_audit_log(village):
    rows = [e.new_values for e in AuditEntry.select().where(AuditEntry.table_name == "user")]
    assert rows and all("scrypt" not in r for r in rows)


def test_audit_log_refuses_updates_and_deletes_from_the_app(village):
    with pytest.raises(peewee.IntegrityError):
        database.execute_sql("UPDATE audit_entry SET actor = 'x' WHERE id = 1")
    with pytest.raises(peewee.IntegrityError):
        database.execute_sql("DELETE FROM audit_entry WHERE id = 1")


def test_chain_verifies_after_many_writes(village):
    _, admin = village
    for i in range(20):
        people_service.add_person(admin, f"村民{i}", "男")
    report = audit.verify_chain()
    assert report.ok and report.rows >= 20


def _tamper(paths, *statements):
    close_database()
    con = sqlite3.connect(paths.database)
    con.execute("DROP TRIGGER audit_entry_no_update")
    con.execute("DROP TRIGGER audit_entry_no_delete")
    for s in statements:
        con.execute(s)
    con.commit()
    con.close()
    from desktop.storage import open_store

    open_store(paths)


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("UPDATE audit_entry SET new_values = '{}' WHERE id = 3", "第 3 条审计记录的内容被改动过"),
        ("DELETE FROM audit_entry WHERE id = 2", "编号不连续"),
        ("DELETE FROM audit_entry WHERE id = (SELECT max(id) FROM audit_entry)", "末尾的记录可能被删除"),
        ("UPDATE audit_entry SET actor = '某人' WHERE id = 4", "第 4 条审计记录的内容被改动过"),
    ],
)
def test_tampering_with_the_file_is_detected(village, statement, expected):
    paths, admin = village
    for i in range(5):
        people_service.add_person(admin, f"村民{i}", "女")
    _tamper(paths, statement)
    report = audit.verify_chain()
    assert not report.ok
    assert any(expected in str(p) for p in report.problems), [str(p) for p in report.problems]
